/**
 * Property tests of the client-frame parser (`$default`, `ping`, `extendTTL` bodies → action or error frame),
 * plus every single-frame case of the bad-input corpus at the parser level (the reliability suite sends the
 * same cases through the local platform).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { parseClientFrame } from '../../src/core/client-frames.js';
import { decideSince } from '../../src/core/stream-positions.js';
import { loadFrameCases, wireFrames } from '../reliability/lib/corpus.js';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const validRequestId = fc.stringMatching(REQUEST_ID);
const action = fc.constantFrom('ping', 'extendTTL');

function errorCodeOf(body: string, binary = false): string | undefined {
  const parsed = parseClientFrame(body, binary);
  if (parsed.ok) return undefined;
  expect(parsed.reply.kind).toBe('error');
  return parsed.reply.kind === 'error' ? parsed.reply.code : undefined;
}

describe('parseClientFrame properties', () => {
  it('never throws, and every error reply is a contract ErrorFrame', () => {
    const bodies = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.json({ maxDepth: 4 }),
      fc.jsonValue({ maxDepth: 3 }).map((v) =>
        JSON.stringify({
          action: 'ping',
          ...(typeof v === 'object' && v !== null && !Array.isArray(v) ? v : { v }),
        }),
      ),
      fc
        .record({
          action: fc.oneof(fc.string(), fc.constantFrom('ping', 'extendTTL')),
          requestId: fc.anything(),
        })
        .map((v) => JSON.stringify(v) ?? ''),
    );
    fc.assert(
      fc.property(bodies, fc.boolean(), (body, binary) => {
        const parsed = parseClientFrame(body, binary);
        if (!parsed.ok) {
          const check = validators.ErrorFrame(parsed.reply);
          expect(check.ok, JSON.stringify(check)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('binary frames are always BINARY_NOT_SUPPORTED, whatever they contain', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        expect(errorCodeOf(Buffer.from(bytes).toString('base64'), true)).toBe('BINARY_NOT_SUPPORTED');
      }),
    );
  });

  it('text that is not JSON is INVALID_JSON', () => {
    const notJson = fc.string({ unit: 'grapheme', maxLength: 200 }).filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    });
    fc.assert(
      fc.property(notJson, (body) => {
        expect(errorCodeOf(body)).toBe('INVALID_JSON');
      }),
    );
  });

  it('JSON that is not an object is INVALID_JSON', () => {
    const nonObject = fc.oneof(
      fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
      fc.double(),
      fc.integer(),
      fc.string(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(nonObject, (value) => {
        expect(errorCodeOf(JSON.stringify(value) ?? 'null')).toBe('INVALID_JSON');
      }),
    );
  });

  it('an object whose action is not a route is UNKNOWN_ACTION (prototype names included)', () => {
    const notARoute = fc.oneof(
      fc.string().filter((s) => s !== 'ping' && s !== 'extendTTL'),
      fc.constantFrom(
        'constructor',
        '__proto__',
        'toString',
        'hasOwnProperty',
        'valueOf',
        '$default',
        'PING',
      ),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.constantFrom('ping', 'extendTTL'), { minLength: 1, maxLength: 2 }),
    );
    fc.assert(
      fc.property(notARoute, fc.option(validRequestId, { nil: undefined }), (act, requestId) => {
        const body = JSON.stringify({ action: act, ...(requestId === undefined ? {} : { requestId }) });
        const parsed = parseClientFrame(body, false);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok && parsed.reply.kind === 'error') {
          expect(parsed.reply.code).toBe('UNKNOWN_ACTION');
          // A valid requestId is echoed so the client can match the error to its request.
          expect(parsed.reply.requestId).toBe(requestId);
        }
      }),
    );
  });

  it('valid actions parse, with the requestId echoed', () => {
    fc.assert(
      fc.property(
        action,
        fc.option(validRequestId, { nil: undefined }),
        fc.boolean(),
        (act, requestId, spaces) => {
          const json = JSON.stringify({ action: act, ...(requestId === undefined ? {} : { requestId }) });
          const parsed = parseClientFrame(spaces ? ` \n${json}\t ` : json, false);
          expect(parsed).toEqual(
            requestId === undefined ? { ok: true, action: act } : { ok: true, action: act, requestId },
          );
        },
      ),
    );
  });

  it('any extra property, or a requestId outside its pattern, is INVALID_FRAME', () => {
    const extraKey = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((k) => k !== 'action' && k !== 'requestId');
    fc.assert(
      fc.property(action, extraKey, fc.jsonValue({ maxDepth: 2 }), (act, key, value) => {
        const body = `{"action":${JSON.stringify(act)},${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}}`;
        expect(errorCodeOf(body)).toBe('INVALID_FRAME');
      }),
    );
    const badRequestId = fc.oneof(
      fc.string({ maxLength: 80 }).filter((s) => !REQUEST_ID.test(s)),
      fc.integer(),
      fc.constant(null),
      fc.array(validRequestId, { maxLength: 2 }),
    );
    fc.assert(
      fc.property(action, badRequestId, (act, requestId) => {
        const parsed = parseClientFrame(JSON.stringify({ action: act, requestId }), false);
        expect(parsed.ok).toBe(false);
        if (!parsed.ok && parsed.reply.kind === 'error') {
          expect(parsed.reply.code).toBe('INVALID_FRAME');
          expect(parsed.reply.requestId).toBeUndefined();
        }
      }),
    );
  });
});

describe('bad-input corpus: frames at the parser', () => {
  const cases = loadFrameCases();
  for (const c of cases) {
    if ('close' in c.expect) continue; // frame and message size limits belong to the gateway (reliability suite)
    const frames = wireFrames(c.frame);
    const data = Buffer.concat(frames.map((f) => f.data));
    const binary = frames[0]?.binary ?? false;
    const body = binary ? data.toString('base64') : data.toString('utf8');
    it(`${c.id}: ${c.description.slice(0, 60)}`, () => {
      const parsed = parseClientFrame(body, binary);
      const expected = c.expect;
      if ('reply' in expected) {
        // Answered by the mock ping route: selected by the action alone, as API Gateway selects it (the
        // parser, which only function routes use, may refuse the rest of the frame).
        expect((JSON.parse(body) as { action?: unknown }).action).toBe('ping');
        return;
      }
      if ('subscribed' in expected) {
        // A valid frame whose positions are each ignored with the case's code (topics as if all accepted).
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) return;
        const { since, rejected } = decideSince(parsed.since ?? [], parsed.topics ?? [], 'acme');
        expect(since).toEqual([]);
        expect(rejected.map((r) => ({ topic: r.topic, code: r.code }))).toEqual(expected.subscribed.recovery);
        return;
      }
      if (!('error' in expected)) throw new Error('unexpected expectation');
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        const codes = Array.isArray(expected.error) ? expected.error : [expected.error];
        expect(codes).toContain(parsed.reply.kind === 'error' ? parsed.reply.code : parsed.reply.kind);
      }
    });
  }
});
