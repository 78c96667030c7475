/**
 * The publisher's Kafka transport: the records it produces (topic, key, headers, value) against the contract's
 * Kafka channels, validation before anything is sent, batches, and the kafkajs producer factory.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { kafkaChannels, validators } from '../../generated/index.js';
import { validateBroadcastEnvelope, validateUserEnvelope } from '../../src/core/envelopes.js';
import { checkKafkaRecord } from '../../src/core/kafka-records.js';
import {
  type AnyUserPublishInput,
  createKafkaProducer,
  createKafkaPublisher,
  KAFKA_BATCH_MAX_RECORDS,
  type KafkaProducerPort,
  type KafkaRecord,
  PublishValidationError,
} from '../../src/publisher/index.js';
import {
  invalidUserPayloadFor,
  topics as picked,
  topicMessage,
  unknownTopic,
  userMessage,
  userMessageType,
} from '../support/contract-picks.js';

const TOPICS = { 'broadcast-stream': 'wspush-test-broadcast', 'user-stream': 'wspush-test-user' };

function fakeProducer(fail?: (topic: string, messages: KafkaRecord[]) => Error | undefined) {
  const sent: { topic: string; messages: KafkaRecord[]; acks?: number }[] = [];
  const producer: KafkaProducerPort = {
    async send(request) {
      const error = fail?.(request.topic, request.messages);
      if (error) throw error;
      sent.push(request);
      return [{ topicName: request.topic, partition: 3, baseOffset: '41' }];
    },
  };
  return {
    producer,
    sent,
    records: () => sent.flatMap((s) => s.messages.map((m) => ({ topic: s.topic, ...m }))),
  };
}

// Topic and user messages from the contract (its examples), by trait.
const topic = picked.openHistory;

/** What the Kafka router would say of a produced record (the same check the Lambda and local paths run). */
function routerVerdict(topic: string, record: KafkaRecord) {
  return checkKafkaRecord(
    {
      topic,
      partition: 0,
      offset: 0,
      timestamp: 0,
      key: record.key,
      valueBytes: Buffer.byteLength(record.value),
      value: () => record.value,
      rawValue: Buffer.from(record.value).toString('base64'),
      headers: Object.entries(record.headers),
    },
    {
      eventSource: 'SelfManagedKafka',
      channelOf: (t) => (t === TOPICS['broadcast-stream'] ? 'broadcast-stream' : 'user-stream'),
      now: Date.now,
    },
  );
}

describe('Kafka transport', () => {
  it('produces a user message keyed {realm}#{userId}, with the contract headers and the envelope as value', async () => {
    const fake = fakeProducer();
    const publisher = createKafkaPublisher({ producer: fake.producer, topics: TOPICS });
    const result = await publisher.publishToUser({ ...userMessage('alice'), correlationId: 'c-req-7' });
    const [record] = fake.records();
    expect(record?.topic).toBe('wspush-test-user');
    expect(record?.key).toBe('acme#alice');
    expect(record?.headers).toEqual({
      'wspush-correlation-id': 'c-req-7',
      'wspush-message-type': userMessageType,
    });
    const envelope = validateUserEnvelope(JSON.parse(record?.value ?? ''));
    expect(envelope).toMatchObject({ realm: 'acme', userId: 'alice', messageId: result.messageId });
    expect(record?.key).toBe(kafkaChannels['user-stream'].key(envelope));
    expect(fake.sent[0]?.acks).toBe(-1);
    expect(result).toMatchObject({
      correlationId: 'c-req-7',
      snsMessageId: undefined,
      kafka: { topic: 'wspush-test-user', partition: 3, offset: '41' },
    });
    expect(routerVerdict(record?.topic ?? '', record as KafkaRecord).ok).toBe(true);
  });

  it('produces a broadcast keyed {realm}, whose message-type header is the topic', async () => {
    const fake = fakeProducer();
    const publisher = createKafkaPublisher({ producer: fake.producer, topics: TOPICS });
    await publisher.publishToTopic(topicMessage(topic));
    const [record] = fake.records();
    expect(record?.topic).toBe('wspush-test-broadcast');
    expect(record?.key).toBe('acme');
    expect(record?.headers['wspush-message-type']).toBe(topic);
    const envelope = validateBroadcastEnvelope(JSON.parse(record?.value ?? ''));
    expect(record?.headers['wspush-correlation-id']).toBe(envelope.correlationId);
    expect(validators.BroadcastEnvelope(JSON.parse(record?.value ?? '')).ok).toBe(true);
    expect(routerVerdict(record?.topic ?? '', record as KafkaRecord).ok).toBe(true);
  });

  it('refuses an invalid message before producing anything', async () => {
    const fake = fakeProducer();
    const publisher = createKafkaPublisher({ producer: fake.producer, topics: TOPICS });
    await expect(
      publisher.publishUncheckedToUser({
        ...userMessage('alice'),
        payload: invalidUserPayloadFor(userMessageType).payload,
      }),
    ).rejects.toBeInstanceOf(PublishValidationError);
    await expect(
      publisher.publishUncheckedToTopic({ realm: 'acme', topic: unknownTopic, payload: {} }),
    ).rejects.toThrow(/unknown topic/);
    expect(fake.sent).toEqual([]);
  });

  it('batches: one result per entry in order, invalid entries never sent, one user’s records in order', async () => {
    const fake = fakeProducer();
    const publisher = createKafkaPublisher({ producer: fake.producer, topics: TOPICS });
    const invalid = invalidUserPayloadFor(userMessageType).payload;
    const entries = Array.from({ length: KAFKA_BATCH_MAX_RECORDS + 20 }, (_, i) => ({
      ...userMessage(i % 2 === 0 ? 'alice' : 'bob'),
      messageId: `m-${String(i).padStart(4, '0')}`,
      ...(i === 7 ? { payload: invalid } : {}),
    })) as AnyUserPublishInput[];
    const results = await publisher.publishToUserBatch(entries);
    expect(results.map((r) => r.index)).toEqual(entries.map((_, i) => i));
    expect(results[7]).toMatchObject({ ok: false, error: expect.any(PublishValidationError) });
    expect(results.filter((r) => r.ok)).toHaveLength(entries.length - 1);
    expect(fake.sent).toHaveLength(2);
    const alice = fake.records().filter((r) => r.key === 'acme#alice');
    const ids = alice.map((r) => JSON.parse(r.value).messageId as string);
    expect(ids).toEqual([...ids].sort());
    for (const record of fake.records()) expect(routerVerdict(record.topic, record).ok).toBe(true);
  });

  it('reports a failed produce call on every entry of that call', async () => {
    const fake = fakeProducer(() =>
      Object.assign(new Error('broker down'), { name: 'KafkaJSConnectionError' }),
    );
    const publisher = createKafkaPublisher({ producer: fake.producer, topics: TOPICS });
    const results = await publisher.publishToTopicBatch([topicMessage(topic), topicMessage(topic)]);
    expect(results.map((r) => r.ok)).toEqual([false, false]);
    await expect(publisher.publishToTopic(topicMessage(topic))).rejects.toThrow('broker down');
  });

  it('needs a topic for every channel', () => {
    expect(() =>
      createKafkaPublisher({
        producer: fakeProducer().producer,
        topics: { 'broadcast-stream': 'b' } as never,
      }),
    ).toThrow(/topics\['user-stream'\] is required/);
  });

  it('createKafkaProducer (kafkajs) fails clearly when no broker answers', async () => {
    // A port that accepts nothing: closed right after it is bound.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expect(
      createKafkaProducer({ brokers: [`127.0.0.1:${port}`], retries: 1, connectionTimeoutMs: 500 }),
    ).rejects.toThrow(/ECONNREFUSED|Connection error|connect/i);
  });
});
