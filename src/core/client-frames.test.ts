import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { topics as contractTopics } from '../../test/support/contract-picks.js';
import { parseClientFrame } from './client-frames.js';
import { createWorld } from './testing/world.js';

const { openHistory: open1, openDrop: open2 } = contractTopics;

describe('parseClientFrame', () => {
  it('answers INVALID_JSON for non-JSON and non-object frames', () => {
    for (const body of ['hello', '[1,2]', '42', 'null', '']) {
      const parsed = parseClientFrame(body, false);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok)
        expect(parsed.reply).toMatchObject({ kind: 'error', code: 'INVALID_JSON', retryable: false });
    }
  });

  it('answers UNKNOWN_ACTION and echoes a valid requestId', () => {
    const parsed = parseClientFrame('{"action":"publish","requestId":"r-1"}', false);
    expect(parsed).toEqual({
      ok: false,
      reply: {
        kind: 'error',
        code: 'UNKNOWN_ACTION',
        message: 'unknown action "publish"',
        retryable: false,
        requestId: 'r-1',
      },
    });
    const missing = parseClientFrame('{"hello":1}', false);
    expect(missing.ok === false && missing.reply).toMatchObject({
      code: 'UNKNOWN_ACTION',
      message: 'the frame has no "action"',
    });
  });

  it('names a non-string action by its type without serializing it, and cuts a long string', () => {
    const deep = `{"action":${'{"a":'.repeat(6000)}1${'}'.repeat(6000)}}`;
    const cases: Array<[string, string]> = [
      [deep, 'unknown action (an object)'],
      ['{"action":[1]}', 'unknown action (an array)'],
      ['{"action":42}', 'unknown action 42'],
      [`{"action":"${'x'.repeat(5000)}"}`, `unknown action "${'x'.repeat(64)}…"`],
    ];
    for (const [body, message] of cases) {
      const parsed = parseClientFrame(body, false);
      expect(parsed.ok === false && parsed.reply).toMatchObject({ code: 'UNKNOWN_ACTION', message });
    }
  });

  it('answers INVALID_FRAME for a known action with extra fields, naming the field', () => {
    const parsed = parseClientFrame('{"action":"ping","requestId":"r-2","extra":true}', false);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.reply).toMatchObject({ code: 'INVALID_FRAME', requestId: 'r-2' });
      expect(parsed.reply.kind === 'error' && parsed.reply.message).toContain('extra');
    }
  });

  it('does not echo an invalid requestId (the reply must stay valid)', () => {
    const parsed = parseClientFrame('{"action":"nope","requestId":"has space"}', false);
    expect(parsed.ok === false && 'requestId' in parsed.reply).toBe(false);
  });

  it('refuses binary frames', () => {
    const parsed = parseClientFrame('AAEC', true);
    expect(parsed.ok === false && parsed.reply).toMatchObject({ code: 'BINARY_NOT_SUPPORTED' });
  });

  it('every error reply is a valid ErrorFrame without a stack trace', () => {
    for (const body of [
      'x',
      '{"action":1}',
      '{"action":"ping","a":1}',
      '{"action":"extendTTL","requestId":5}',
    ]) {
      const parsed = parseClientFrame(body, false);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(validators.ErrorFrame(parsed.reply).ok).toBe(true);
        expect(JSON.stringify(parsed.reply)).not.toMatch(/at .*\.(ts|js):\d+/);
      }
    }
  });
});

describe('ClientFrameService', () => {
  it('answers ping with pong and the server time', async () => {
    const world = createWorld();
    const reply = await world.frames.respond('c1', '{"action":"ping","requestId":"r-9"}', false);
    expect(reply).toEqual({ kind: 'pong', serverTime: '2026-11-27T10:00:00.000Z', requestId: 'r-9' });
    expect(validators.PongFrame(reply).ok).toBe(true);
  });

  it('extends the TTL of every row of the connection', async () => {
    const world = createWorld();
    await world.connect('c1', {}, [open1, open2]);
    world.clock.advance(3600_000);
    const reply = await world.frames.respond('c1', '{"action":"extendTTL"}', false);
    const expected = Math.floor(world.clock.now() / 1000) + 7800;
    expect(reply).toEqual({ kind: 'ttl-extended', expiresAt: new Date(expected * 1000).toISOString() });
    expect(world.store.meta.get('c1')?.expiresAt).toBe(expected);
    expect(world.store.topics.get(`acme#${open2}`)?.get('c1')?.expiresAt).toBe(expected);
    expect(world.store.users.get('acme#alice')?.get('c1')?.expiresAt).toBe(expected);
  });

  it('answers CONNECTION_NOT_FOUND (retryable) when the rows are gone or expired', async () => {
    const world = createWorld();
    expect(await world.frames.respond('nope', '{"action":"extendTTL","requestId":"r"}', false)).toMatchObject(
      {
        code: 'CONNECTION_NOT_FOUND',
        retryable: true,
        requestId: 'r',
      },
    );
    await world.connect('c1');
    world.clock.advance(7801_000);
    expect(await world.frames.respond('c1', '{"action":"extendTTL"}', false)).toMatchObject({
      code: 'CONNECTION_NOT_FOUND',
    });
  });
});
