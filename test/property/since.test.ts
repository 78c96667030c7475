/**
 * Property tests of the `since` positions (`parseSinceParameter`, `decideSince`): whatever a client sends, the
 * result is bounded (at most maxTopicsPerConnection positions, 21 rejections, fields cut to 256 characters),
 * every kept position is a valid StreamPosition of an accepted history topic, and the delivery job carrying
 * them stays within its schema.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limits, topicNames, topicRegistry, validators } from '../../generated/index.js';
import type { DeliveryJob } from '../../src/core/model.js';
import { decideSince, parseSinceParameter } from '../../src/core/stream-positions.js';
import { topics, unknownTopic } from '../support/contract-picks.js';

const history = topics.openHistory;

const offsets = fc.oneof(
  fc.nat().map(String),
  fc.constantFrom('-1', '1.5', '1e3', '', 'abc', '99999999999999999999', '0x10'),
  fc.string({ maxLength: 12 }),
);
const epochs = fc.oneof(fc.stringMatching(/^[a-z0-9]{10}$/), fc.string({ maxLength: 40 }));
const topicsSent = fc.oneof(
  fc.constantFrom(...topicNames, unknownTopic, `acme/${history}`, `globex/${history}`, '*', ''),
  fc.string({ maxLength: 300 }),
);
const entry = fc
  .tuple(topicsSent, offsets, epochs, fc.boolean())
  .map(([t, o, e, extra]) => (extra ? `${t}~${o}` : `${t}~${o}~${e}`));
const sinceValue = fc.oneof(
  fc.array(entry, { maxLength: 30 }).map((entries) => entries.join(',')),
  fc.string({ maxLength: 2000 }),
);

describe('since positions', () => {
  it('are bounded, checked against the accepted history topics, and fit the delivery job', () => {
    fc.assert(
      fc.property(sinceValue, fc.subarray([...topicNames]), (raw, accepted) => {
        const parsed = parseSinceParameter(raw, undefined);
        const { since, rejected } = decideSince(parsed.entries, accepted, 'acme');
        const ignored = [...parsed.rejected, ...rejected];
        expect(since.length).toBeLessThanOrEqual(limits.maxTopicsPerConnection);
        expect(ignored.length).toBeLessThanOrEqual(limits.maxTopicsPerConnection + 1);
        expect(since.length + ignored.length).toBeLessThanOrEqual(limits.maxTopicsPerConnection + 1);
        for (const r of ignored) {
          expect(r.topic.length).toBeLessThanOrEqual(256);
          expect(r.reason.length).toBeLessThanOrEqual(256);
        }
        for (const s of since) {
          expect(accepted).toContain(s.topic);
          expect(topicRegistry[s.topic as (typeof topicNames)[number]].offline.policy).toBe('history');
          expect(validators.StreamPosition({ offset: s.offset, epoch: s.epoch }).ok).toBe(true);
        }
        expect(new Set(since.map((s) => s.topic)).size).toBe(since.length);
        const job: DeliveryJob = {
          reason: 'connect',
          connectionId: 'c1',
          userId: 'alice',
          realm: 'acme',
          accepted,
          rejected: [],
          connectedAt: 0,
          expiresAt: 0,
          correlationId: 'c-1',
          ...(since.length > 0 ? { since } : {}),
          ...(ignored.length > 0 ? { sinceRejected: ignored } : {}),
        };
        expect(validators.DeliveryJob(job).ok).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('a value over sinceMaxLength is not read: one SINCE_INVALID for topic *', () => {
    const entry = `${history}~1~abcdefghij,`;
    const raw = entry.repeat(Math.ceil(limits.sinceMaxLength / entry.length) + 1);
    expect(parseSinceParameter(raw, undefined)).toEqual({
      entries: [],
      rejected: [expect.objectContaining({ topic: '*', code: 'SINCE_INVALID' })],
    });
    expect(parseSinceParameter(undefined, [raw.slice(0, 600), raw.slice(0, 600)]).entries).toEqual([]);
  });
});
