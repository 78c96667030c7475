/**
 * The local Kafka event source against an in-process consumer and a scripted function: the AWS Kafka mapping
 * semantics the local platform promises (batching, partial batch responses, retries, on-failure destination).
 */
import { describe, expect, it } from 'vitest';
import type { KafkaEvent } from '../../../src/handlers/kafka-events.js';
import { startKafkaEventSource } from '../../../src/local/kafka/kafka-event-source.js';
import { FakeKafkaConsumer } from './fake-consumer.js';

type Respond = (event: KafkaEvent, call: number) => unknown;

function setup(respond: Respond, options: { batchSize?: number; maxRetryAttempts?: number } = {}) {
  const consumer = new FakeKafkaConsumer();
  const calls: KafkaEvent[] = [];
  const failures: Record<string, unknown>[] = [];
  const source = startKafkaEventSource(
    consumer,
    {
      invoke: async (_name, event) => {
        calls.push(event as KafkaEvent);
        return respond(event as KafkaEvent, calls.length);
      },
    },
    {
      functionName: 'kafka-router',
      topics: ['t'],
      groupId: 'g',
      bootstrapServers: 'localhost:9092',
      retryDelaysMs: [1],
      onFailure: async (d) => {
        failures.push(d);
      },
      ...options,
    },
  );
  const offsetsOf = (event: KafkaEvent) =>
    Object.values(event.records)
      .flat()
      .map((r) => r.offset);
  return { consumer, calls, failures, source, offsetsOf };
}

const records = (consumer: FakeKafkaConsumer, n: number, partition = 0) =>
  Array.from({ length: n }, (_, i) => consumer.record('t', partition, `{"n":${i}}`, 'acme'));

describe('local Kafka event source', () => {
  it('invokes with SelfManagedKafka events of at most batchSize records and commits what succeeded', async () => {
    const t = setup(() => ({ batchItemFailures: [] }), { batchSize: 4 });
    await Promise.resolve();
    expect(t.consumer.subscription).toEqual({ topics: ['t'], groupId: 'g', fromBeginning: false });
    await t.consumer.deliver(records(t.consumer, 10));
    expect(t.calls.map(t.offsetsOf)).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(t.calls[0]?.eventSource).toBe('SelfManagedKafka');
    expect(Object.keys(t.calls[0]?.records ?? {})).toEqual(['t-0']);
    expect(Buffer.from(t.calls[0]?.records['t-0']?.[0]?.value ?? '', 'base64').toString()).toBe('{"n":0}');
    expect(t.consumer.committed.get('t-0')).toBe(9);
    await t.source.stop();
    expect(t.consumer.stopped).toBe(true);
  });

  it('resumes a partition from the reported offset, without redelivering what succeeded', async () => {
    const t = setup((_event, call) =>
      call === 1 ? { batchItemFailures: [{ itemIdentifier: { partition: 't-0', offset: 3 } }] } : {},
    );
    await t.consumer.deliver(records(t.consumer, 6));
    expect(t.calls.map(t.offsetsOf)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [3, 4, 5],
    ]);
    expect(t.consumer.committed.get('t-0')).toBe(5);
    expect(t.source.stats()).toMatchObject({ invocations: 2, retries: 1, sentToFailureDestination: 0 });
  });

  it('a thrown error or a malformed response retries the whole invocation', async () => {
    const t = setup((_event, call) => {
      if (call === 1) throw new Error('crash');
      if (call === 2) return { batchItemFailures: [{ itemIdentifier: 'not-kafka-shaped' }] };
      return null;
    });
    await t.consumer.deliver(records(t.consumer, 3));
    expect(t.calls.map(t.offsetsOf)).toEqual([
      [0, 1, 2],
      [0, 1, 2],
      [0, 1, 2],
    ]);
    expect(t.consumer.committed.get('t-0')).toBe(2);
  });

  it('after maxRetryAttempts the failing records go to the on-failure destination and the partition moves on', async () => {
    const t = setup(() => ({ batchItemFailures: [{ itemIdentifier: { partition: 't-0', offset: 2 } }] }), {
      maxRetryAttempts: 2,
    });
    await t.consumer.deliver(records(t.consumer, 4));
    expect(t.calls.map(t.offsetsOf)).toEqual([
      [0, 1, 2, 3],
      [2, 3],
      [2, 3],
    ]);
    expect(t.failures).toHaveLength(1);
    expect(t.failures[0]).toMatchObject({
      requestContext: { condition: 'RetryAttemptsExhausted', approximateInvokeCount: 3 },
      KafkaBatchInfo: { topic: 't', partition: 0, firstOffset: 2, lastOffset: 3, batchSize: 2 },
    });
    expect(t.consumer.committed.get('t-0')).toBe(3);
  });
});
