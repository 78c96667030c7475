/**
 * The batch semantics the Kafka router relies on (docs/operations.md#kafka): partitions in offset order, bad
 * records rejected without stopping their partition, a routing failure stopping only its own partition and
 * reported as the offset to resume from.
 */
import { describe, expect, it } from 'vitest';
import { type KafkaRejectedRecord, kafkaChannels } from '../../generated/index.js';
import { userMessageExample, userMessageType } from '../../test/support/contract-picks.js';
import { type KafkaBatchDeps, routeKafkaBatch } from './kafka-batch.js';
import type { KafkaRecordInput } from './kafka-records.js';
import type { UserEnvelope } from './model.js';
import type { TraceRecord } from './tracing.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };
const NOW = Date.parse('2026-11-27T10:00:01.000Z');

function user(messageId: string, userId: string): UserEnvelope {
  return {
    messageId,
    correlationId: `c-${messageId}`,
    realm: 'acme',
    userId,
    type: userMessageType,
    publishedAt: '2026-11-27T10:00:00.000Z',
    payload: userMessageExample(userMessageType),
  };
}

function record(partition: number, offset: number, envelope: UserEnvelope | string): KafkaRecordInput {
  const text = typeof envelope === 'string' ? envelope : JSON.stringify(envelope);
  const key = typeof envelope === 'string' ? 'acme#x' : kafkaChannels['user-stream'].key(envelope);
  return {
    topic: 'users',
    partition,
    offset,
    timestamp: 0,
    key,
    valueBytes: Buffer.byteLength(text),
    value: () => text,
    rawValue: Buffer.from(text).toString('base64'),
    headers: [],
  };
}

function deps(failOn: Set<string> = new Set(), rejectFails = false) {
  const routed: string[] = [];
  const rejected: KafkaRejectedRecord[] = [];
  const traces: TraceRecord[] = [];
  const contexts: (string | undefined)[] = [];
  const d: KafkaBatchDeps = {
    eventSource: 'SelfManagedKafka',
    channelOf: (topic) => (topic === 'users' ? 'user-stream' : undefined),
    now: () => NOW,
    logger: silent,
    tracing: { trace: { record: (r) => traces.push(r) }, clock: { now: () => NOW }, random: () => 0 },
    withRecord: (correlationId, fn) => {
      contexts.push(correlationId);
      return fn();
    },
    route: {
      'broadcast-stream': async () => {},
      'user-stream': async (e) => {
        if (failOn.has(e.messageId)) throw new Error('DynamoDB throttled');
        routed.push(e.messageId);
      },
    },
    reject: async (r) => {
      if (rejectFails) throw new Error('SQS down');
      rejected.push(r);
    },
  };
  return { d, routed, rejected, traces, contexts };
}

describe('routeKafkaBatch', () => {
  it('routes each partition in offset order, whatever order the records arrive in', async () => {
    const { d, routed } = deps();
    const records = [
      record(0, 3, user('a3', 'a')),
      record(1, 7, user('b7', 'b')),
      record(0, 1, user('a1', 'a')),
      record(0, 2, user('a2', 'a')),
    ];
    const outcome = await routeKafkaBatch(records, d);
    expect(outcome).toEqual({ routed: 4, rejected: 0, failures: [], notAttempted: 0 });
    expect(routed.filter((id) => id.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
  });

  it('a routing failure stops its partition only and names the offset to resume from', async () => {
    const { d, routed } = deps(new Set(['a2']));
    const records = [
      record(0, 1, user('a1', 'a')),
      record(0, 2, user('a2', 'a')),
      record(0, 3, user('a3', 'a')),
      record(0, 4, user('a4', 'a')),
      record(1, 1, user('b1', 'b')),
      record(1, 2, user('b2', 'b')),
    ];
    const outcome = await routeKafkaBatch(records, d);
    expect(outcome.failures).toEqual([{ partition: 'users-0', offset: 2 }]);
    expect(outcome.notAttempted).toBe(2);
    // a3 and a4 wait for the redelivery of a2: never before it.
    expect(routed).toEqual(['a1', 'b1', 'b2']);
  });

  it('a bad record is rejected and its partition goes on', async () => {
    const { d, routed, rejected } = deps();
    const outcome = await routeKafkaBatch(
      [record(0, 1, user('a1', 'a')), record(0, 2, 'nope'), record(0, 3, user('a3', 'a'))],
      d,
    );
    expect(outcome).toMatchObject({ routed: 2, rejected: 1, failures: [] });
    expect(routed).toEqual(['a1', 'a3']);
    expect(rejected.map((r) => [r.offset, r.reason])).toEqual([[2, 'INVALID_JSON']]);
  });

  it('a rejection that cannot be kept is retried, never dropped', async () => {
    const { d, routed } = deps(new Set(), true);
    const outcome = await routeKafkaBatch(
      [record(0, 1, user('a1', 'a')), record(0, 2, 'nope'), record(0, 3, user('a3', 'a'))],
      d,
    );
    expect(outcome.failures).toEqual([{ partition: 'users-0', offset: 2 }]);
    expect(routed).toEqual(['a1']);
  });

  it('traces published (via the Kafka topic and partition@offset) and dead-lettered (with the reason)', async () => {
    const { d, traces, contexts } = deps();
    const bad = { ...user('a2', 'a'), payload: { title: 'T' } };
    await routeKafkaBatch([record(0, 1, user('a1', 'a')), record(0, 2, JSON.stringify(bad))], d);
    expect(traces).toEqual([
      expect.objectContaining({
        hop: 'published',
        messageId: 'a1',
        correlationId: 'c-a1',
        via: { transport: 'kafka', source: 'users', sourceMessageId: '0@1' },
      }),
      expect.objectContaining({
        hop: 'dead-lettered',
        messageId: 'a2',
        correlationId: 'c-a2',
        via: { transport: 'kafka', source: 'users', sourceMessageId: '0@2' },
        reason: expect.stringMatching(/^INVALID_ENVELOPE: .*payload/),
      }),
    ]);
    // Each record's work runs under its own correlation id (the per-record log context).
    expect(contexts).toEqual(['c-a1', 'c-a2']);
  });

  it('an envelope dated beyond the clock skew is rejected like on SNS', async () => {
    const { d, rejected, routed } = deps();
    const ahead = { ...user('f1', 'a'), publishedAt: new Date(NOW + 3_600_000).toISOString() };
    const outcome = await routeKafkaBatch([record(0, 1, ahead)], d);
    expect(outcome).toMatchObject({ routed: 0, rejected: 1 });
    expect(routed).toEqual([]);
    expect(rejected[0]).toMatchObject({ reason: 'INVALID_ENVELOPE', messageId: 'f1' });
    expect(rejected[0]?.errors).toEqual([expect.objectContaining({ field: 'publishedAt' })]);
  });
});
