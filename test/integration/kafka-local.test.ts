/**
 * `npm start -- --kafka-brokers …` without a broker: the local platform's Kafka event sources fed by in-process
 * consumers (test/local/kafka/fake-consumer.ts), through the real in-process Lambda runtime, the Kafka router,
 * the edge and the gateway to WebSocket clients. A mixed batch of good and bad records, per-user order, the
 * failure queue, and a retried routing failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type KafkaChannelName,
  type KafkaRejectedRecord,
  kafkaChannels,
  validators,
} from '../../generated/index.js';
import type { Platform } from '../../src/local/platform.js';
import { FakeKafkaConsumer } from '../local/kafka/fake-consumer.js';
import {
  invalidUserPayloadFor,
  payloadFor,
  topics,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import { connect, startTestPlatform, type TestClient } from './support.js';

const consumers: Record<KafkaChannelName, FakeKafkaConsumer> = {
  'broadcast-stream': new FakeKafkaConsumer(),
  'user-stream': new FakeKafkaConsumer(),
};
let platform: Platform;
let alice: TestClient;
let bob: TestClient;

beforeAll(async () => {
  platform = await startTestPlatform({
    kafka: {
      brokers: ['localhost:9092'],
      consumer: (channel) => consumers[channel],
      retryDelaysMs: [100],
      maxRetryAttempts: 20,
    },
  });
  alice = await connect(platform, { userId: 'alice', realm: 'acme', topics: [topics.openHistory] });
  bob = await connect(platform, { userId: 'bob', realm: 'acme', topics: [topics.openHistory] });
  await Promise.all([alice.welcome(), bob.welcome()]);
}, 60_000);
afterAll(async () => {
  await alice?.close();
  await bob?.close();
  await platform?.stop();
});

let seq = 0;
function userEnvelope(userId: string, messageId = `ku-${++seq}`) {
  return {
    messageId,
    correlationId: `c-${messageId}`,
    realm: 'acme',
    userId,
    type: userMessageType,
    publishedAt: new Date().toISOString(),
    payload: userMessageExample(userMessageType),
  };
}

function produce(
  channel: KafkaChannelName,
  partition: number,
  envelope: Record<string, unknown>,
  key?: string,
) {
  const definition = kafkaChannels[channel];
  const topic = platform.urls.kafkaTopics?.[channel] as string;
  return consumers[channel].record(
    topic,
    partition,
    JSON.stringify(envelope),
    key ?? definition.key(envelope as never),
    Object.entries(definition.headerValues(envelope as never)),
  );
}

async function failureQueueBodies(): Promise<Record<string, unknown>[]> {
  const name = 'wspush-local-kafka-router-failures';
  const messages = await platform.edge.sqs.receive(name, {
    maxMessages: 10,
    waitTimeSeconds: 0,
    visibilityTimeout: 0,
  });
  return messages.map((m) => JSON.parse(m.body) as Record<string, unknown>);
}

describe('local platform with --kafka-brokers', () => {
  it('subscribes one consumer group per channel to the contract topics and exposes them', () => {
    expect(platform.urls.kafkaTopics).toEqual({
      'broadcast-stream': 'wspush-local-broadcast',
      'user-stream': 'wspush-local-user',
    });
    expect(consumers['user-stream'].subscription).toEqual({
      topics: ['wspush-local-user'],
      groupId: 'wspush-local-kafka-user',
      fromBeginning: false,
    });
    expect(platform.urls.queues['wspush-local-kafka-router-failures']).toBeDefined();
    expect(platform.env.KAFKA_TOPICS).toBe(
      'broadcast-stream=wspush-local-broadcast,user-stream=wspush-local-user',
    );
  });

  it('delivers a mixed batch: good records reach their users in order, bad ones go to the failure queue', async () => {
    const aliceIds = Array.from({ length: 8 }, (_, i) => `ka-${i}`);
    const good = (i: number) => produce('user-stream', 0, userEnvelope('alice', aliceIds[i]));
    // Produced (so offset-ordered) with the bad records between alice's good ones.
    const batch = [good(0), good(1), good(2)];
    const notJson = { ...produce('user-stream', 0, userEnvelope('alice', 'kx-json')), value: '{oops' };
    batch.push(notJson, good(3));
    const wrongKey = produce('user-stream', 0, userEnvelope('alice', 'kx-key'), 'acme#bob');
    batch.push(wrongKey, good(4), good(5));
    const badPayload = produce('user-stream', 0, {
      ...userEnvelope('alice', 'kx-payload'),
      payload: invalidUserPayloadFor(userMessageType).payload,
    });
    batch.push(badPayload, good(6), good(7));
    const toBob = produce('user-stream', 1, userEnvelope('bob', 'kb-1'));
    await Promise.all([
      consumers['user-stream'].deliver(batch as never),
      consumers['user-stream'].deliver([toBob]),
    ]);

    await alice.waitUntil((c) => c.ofKind('user').length >= aliceIds.length || undefined, 'alice’s messages');
    expect(alice.ofKind('user').map((f) => f.id)).toEqual(aliceIds);
    for (const frame of alice.ofKind('user')) expect(validators.UserMessageFrame(frame).ok).toBe(true);
    await bob.waitForFrame((f) => f.id === 'kb-1', 'bob’s message');
    expect(bob.ofKind('user').map((f) => f.id)).not.toContain('kx-key');

    const rejected = (await failureQueueBodies()) as unknown as KafkaRejectedRecord[];
    expect(rejected.map((r) => [r.offset, r.reason]).sort()).toEqual(
      [
        [notJson.offset, 'INVALID_JSON'],
        [wrongKey.offset, 'KEY_MISMATCH'],
        [badPayload.offset, 'INVALID_ENVELOPE'],
      ].sort(),
    );
    for (const r of rejected) expect(validators.KafkaRejectedRecord(r).ok).toBe(true);
    expect(consumers['user-stream'].committed.get('wspush-local-user-0')).toBe(badPayload.offset + 2);
    expect(batch.map((r) => r.offset)).toEqual(batch.map((_, i) => (batch[0]?.offset ?? 0) + i));
  }, 30_000);

  it('broadcast records reach every subscriber of the realm', async () => {
    const envelope = {
      messageId: 'kbc-1',
      correlationId: 'c-kbc-1',
      realm: 'acme',
      topic: topics.openHistory,
      publishedAt: new Date().toISOString(),
      payload: payloadFor(topics.openHistory),
    };
    await consumers['broadcast-stream'].deliver([produce('broadcast-stream', 2, envelope)]);
    await alice.waitForFrame((f) => f.id === 'kbc-1', 'the broadcast at alice');
    await bob.waitForFrame((f) => f.id === 'kbc-1', 'the broadcast at bob');
  }, 30_000);

  it('a routing failure is retried from its record, in order, and nothing is lost', async () => {
    // DynamoDB throttles every Query until the router has failed at least once: it reports the partition from
    // the failing record and the event source invokes again from it.
    const rule = platform.faults.add({ kind: 'dynamodb-throttle', operation: 'Query', times: 'always' });
    const invocations = () => platform.runtime.stats()['kafka-router']?.invocations ?? 0;
    const before = invocations();
    const ids = ['kr-1', 'kr-2', 'kr-3'];
    const delivering = consumers['user-stream'].deliver(
      ids.map((id) => produce('user-stream', 3, userEnvelope('alice', id))),
    );
    const deadline = Date.now() + 20_000;
    while (invocations() - before < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    platform.faults.remove(rule);
    await delivering;
    expect(invocations() - before).toBeGreaterThanOrEqual(2);
    await alice.waitUntil(
      (c) => ids.every((id) => c.frames.some((f) => f.id === id)) || undefined,
      'the retried records',
    );
    const order = alice
      .ofKind('user')
      .map((f) => String(f.id))
      .filter((id) => ids.includes(id));
    expect([...new Set(order)]).toEqual(ids);
    expect(consumers['user-stream'].committed.get('wspush-local-user-3')).toBeGreaterThanOrEqual(2);
  }, 30_000);
});
