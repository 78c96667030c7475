/**
 * Property tests of the envelope validators (`src/core/envelopes.ts` over the generated validators): valid
 * envelopes built from the contract's constraints pass unchanged; each kind of damage is refused with a
 * `ValidationError` naming the field; arbitrary input never throws anything else. Then every case of the
 * publish corpus at the validator level.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  limits,
  topicFamilies,
  topicRegistry,
  userMessageRegistry,
  userMessageTypes,
} from '../../generated/index.js';
import {
  checkPublishedAt,
  parseJson,
  validateBroadcastEnvelope,
  validateUserEnvelope,
} from '../../src/core/envelopes.js';
import { ValidationError } from '../../src/core/errors.js';
import { envelopeMessage, loadPublishCases, namesField } from '../reliability/lib/corpus.js';
import { sampleTopic, topicExample, userMessageExample } from '../support/contract-picks.js';

const id = fc.stringMatching(/^[A-Za-z0-9._:-]{1,128}$/);
const realm = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const userId = fc.stringMatching(/^[A-Za-z0-9._@:+|-]{1,128}$/);
const isoDate = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString());
const text = (min: number, max: number) => fc.string({ minLength: min, maxLength: max, unit: 'grapheme' });
const slug = fc.stringMatching(/^[a-z][a-z0-9-]{0,63}$/);

type Json = Record<string, unknown>;
type Validate = (value: unknown) => { ok: boolean };

/** Values tried for a field of an example, by its JSON type: the schema (through its validator) keeps or refuses each. */
function fieldValue(value: unknown): fc.Arbitrary<unknown> {
  if (typeof value === 'string')
    return fc.oneof(fc.constant(value), text(1, 300), id, slug, isoDate, fc.webUrl());
  if (typeof value === 'number')
    return fc.oneof(fc.constant(value), fc.integer({ min: 0, max: 100 }), fc.integer());
  if (typeof value === 'boolean') return fc.boolean();
  return fc.constant(value);
}

/**
 * Valid payloads of one contract schema, from its example: each field replaced by a random value or left out when
 * the schema accepts that alone, and the example itself when the combination is refused (no payload is invalid).
 */
function payloadOf(example: Json, validate: Validate): fc.Arbitrary<Json> {
  const fields = Object.entries(example).map(([key, value]) =>
    fc.record({ key: fc.constant(key), value: fieldValue(value), drop: fc.boolean() }),
  );
  return fc.tuple(...fields).map((changes) => {
    let payload: Json = { ...example };
    for (const { key, value, drop } of changes) {
      const { [key]: _left, ...without } = payload;
      const replaced = { ...payload, [key]: value };
      if (drop && validate(without).ok) payload = without;
      else if (validate(replaced).ok) payload = replaced;
    }
    return validate(payload).ok ? payload : { ...example };
  });
}

/** A concrete topic of every family of the contract, with payloads of its schema. */
const topicPayload = fc.oneof(
  ...topicFamilies.map((family) =>
    fc.record({
      topic: fc.constant(sampleTopic(family)),
      payload: payloadOf(topicExample(family), topicRegistry[family].validate as Validate),
    }),
  ),
);

const broadcastEnvelope = fc
  .record({ messageId: id, correlationId: id, realm, publishedAt: isoDate, tp: topicPayload })
  .map(({ tp, ...rest }) => ({ ...rest, topic: tp.topic, payload: tp.payload as Record<string, unknown> }));

/** Every user message type of the contract, with payloads of its schema. */
const userPayload = fc.oneof(
  ...userMessageTypes.map((type) =>
    fc.record({
      type: fc.constant(type),
      payload: payloadOf(userMessageExample(type), userMessageRegistry[type].validate as Validate),
    }),
  ),
);

const userEnvelope = fc
  .record({ messageId: id, correlationId: id, realm, userId, publishedAt: isoDate, tp: userPayload })
  .map(({ tp, ...rest }) => ({ ...rest, type: tp.type, payload: tp.payload as Record<string, unknown> }));

function rejection(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return error;
    throw new Error(`expected a ValidationError, got ${String(error)}`);
  }
  throw new Error('expected a ValidationError, the value was accepted');
}

/** A value of another JSON type than the one given (string → number, etc.). */
const otherType = (value: unknown) =>
  fc
    .constantFrom<unknown>(42, true, null, ['x'], { x: 1 }, 'text')
    .filter(
      (v) =>
        typeof v !== typeof value ||
        (v === null) !== (value === null) ||
        Array.isArray(v) !== Array.isArray(value),
    );

const kinds = [
  { name: 'broadcast', arb: broadcastEnvelope, validate: validateBroadcastEnvelope },
  { name: 'user', arb: userEnvelope, validate: validateUserEnvelope },
] as const;

describe.each(kinds)('$name envelope validator properties', ({ arb, validate }) => {
  it('accepts every valid envelope and returns it unchanged', () => {
    fc.assert(
      fc.property(arb, (envelope) => {
        const copy = structuredClone(envelope);
        expect(validate(envelope)).toEqual(copy);
        expect(envelope).toEqual(copy); // the validator does not mutate (no defaults, no coercion)
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a missing required field, naming it', () => {
    fc.assert(
      fc.property(arb, fc.nat(), (envelope, pick) => {
        const keys = Object.keys(envelope);
        const key = keys[pick % keys.length] as string;
        const damaged: Record<string, unknown> = { ...envelope };
        delete damaged[key];
        expect(namesField(rejection(() => validate(damaged)).errors, key)).toBe(true);
      }),
    );
  });

  it('refuses an unknown extra field (closed schema)', () => {
    const extra = fc
      .string({ minLength: 1, maxLength: 12 })
      .filter(
        (k) =>
          ![
            'messageId',
            'correlationId',
            'realm',
            'topic',
            'userId',
            'type',
            'publishedAt',
            'payload',
          ].includes(k),
      );
    fc.assert(
      fc.property(arb, extra, fc.jsonValue({ maxDepth: 1 }), (envelope, key, value) => {
        rejection(() => validate({ ...envelope, [key]: value }));
      }),
    );
  });

  it('refuses a field of the wrong type, naming it', () => {
    fc.assert(
      fc.property(
        arb
          .chain((envelope) => {
            const keys = Object.keys(envelope);
            return fc.record({
              envelope: fc.constant(envelope),
              key: fc.constantFrom(...keys),
            });
          })
          .chain(({ envelope, key }) =>
            otherType((envelope as Record<string, unknown>)[key]).map((value) => ({ envelope, key, value })),
          ),
        ({ envelope, key, value }) => {
          const err = rejection(() => validate({ ...envelope, [key]: value }));
          expect(namesField(err.errors, key)).toBe(true);
        },
      ),
    );
  });

  it('refuses ids and names with a character outside their pattern (key separators, control characters)', () => {
    const bad = fc.constantFrom('#', ' ', '\u0000', '\n', '/', "'", '<', 'é', '\u200b');
    fc.assert(
      fc.property(
        arb,
        fc.constantFrom('messageId', 'correlationId', 'realm'),
        bad,
        fc.nat(),
        (envelope, key, ch, at) => {
          const original = String((envelope as Record<string, unknown>)[key]);
          const pos = at % (original.length + 1);
          const damaged = { ...envelope, [key]: original.slice(0, pos) + ch + original.slice(pos) };
          expect(namesField(rejection(() => validate(damaged)).errors, key)).toBe(true);
        },
      ),
    );
  });

  it('arbitrary input is refused with a ValidationError, never another exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue(), fc.object()), (value) => {
        try {
          validate(value);
        } catch (error) {
          expect(error).toBeInstanceOf(ValidationError);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe('bad-input corpus: publish cases at the validators', () => {
  const placeholders = {
    messageId: 'm-corpus-1',
    now: new Date().toISOString(),
    offlineUser: 'offline-user',
  };
  for (const c of loadPublishCases()) {
    it(`${c.id}: ${c.description.slice(0, 60)}`, () => {
      const message = envelopeMessage(c, placeholders);
      if (c.oversize) expect(Buffer.byteLength(message)).toBeGreaterThan(limits.maxEnvelopeBytes);
      // What the routers run: the envelope and payload schemas, then the publishedAt clock-skew bound.
      const validate = (data: unknown) =>
        c.channel === 'broadcast'
          ? checkPublishedAt('broadcast envelope', validateBroadcastEnvelope(data), Date.now())
          : checkPublishedAt('user envelope', validateUserEnvelope(data), Date.now());
      const err = rejection(() => validate(parseJson('envelope', message)));
      expect(namesField(err.errors, c.expect.field), JSON.stringify(err.errors)).toBe(true);
    });
  }
});
