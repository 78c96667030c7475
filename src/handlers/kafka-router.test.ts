/**
 * The Kafka router with Lambda Kafka events (`aws:kafka` and `SelfManagedKafka`: base64 keys, values and
 * headers, several partitions), end to end on dynalite, a local SQS endpoint and a local management API:
 * delivery, a mixed batch of good and bad records, per-user order, and the contract of the rejections.
 */
import type { Context, SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type KafkaRejectedRecord, kafkaChannels, limits, validators } from '../../generated/index.js';
import {
  invalidUserPayloadFor,
  otherUserMessageType,
  payloadFor,
  topics as picked,
  userMessageExample,
  userMessageType,
} from '../../test/support/contract-picks.js';
import type { BroadcastEnvelope, UserEnvelope } from '../core/model.js';
import { type KafkaSourceRecord, kafkaEvent } from '../local/events/kafka.js';
import type { WebSocketConnectEvent, WebSocketRouteResult } from './events.js';
import type { KafkaBatchResponse, KafkaEvent } from './kafka-events.js';
import { fixture, type HandlerHarness, lambdaContext, startHandlerHarness } from './testing/harness.js';

const BROADCAST_TOPIC = 'wspush-test-broadcast';
const USER_TOPIC = 'wspush-test-user';
let harness: HandlerHarness;
let failureQueueUrl: string;
let connect: (event: WebSocketConnectEvent, context: Context) => Promise<WebSocketRouteResult>;
let router: (event: KafkaEvent, context: Context) => Promise<KafkaBatchResponse>;
let addMetric: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  harness = await startHandlerHarness({
    KAFKA_TOPICS: `broadcast-stream=${BROADCAST_TOPIC},user-stream=${USER_TOPIC}`,
  });
  failureQueueUrl = harness.local.createQueue('-kafka-router-failures');
  process.env.FAILURE_QUEUE_URL = failureQueueUrl;
  connect = (await import('./connect.js')).handler;
  router = (await import('./kafka-router.js')).handler;
  const { metrics } = await import('./runtime/observability.js');
  addMetric = vi.spyOn(metrics, 'addMetric');
});
afterAll(async () => {
  await harness?.stop();
});

async function connectClient(connectionId: string, userId: string, topics: string = picked.openHistory) {
  const event = fixture<WebSocketConnectEvent>('websocket-connect.json');
  event.requestContext.connectionId = connectionId;
  event.requestContext.connectedAt = Date.now() - 60_000;
  event.requestContext.authorizer = {
    ...event.requestContext.authorizer!,
    userId,
    realm: 'acme',
    roles: 'user',
  };
  event.queryStringParameters = { topics };
  event.multiValueQueryStringParameters = { topics: [topics] };
  expect((await connect(event, lambdaContext('connect'))).statusCode).toBe(200);
  harness.management.open.add(connectionId);
  await harness.welcomed(connectionId);
}

function broadcast(messageId: string, overrides: Partial<BroadcastEnvelope> = {}): BroadcastEnvelope {
  const base = JSON.parse(
    fixture<SNSEvent>('sns-broadcast.json').Records[0]!.Sns.Message,
  ) as BroadcastEnvelope;
  const topic = picked.openHistory;
  return {
    ...base,
    topic,
    payload: payloadFor(topic),
    messageId,
    correlationId: `c-${messageId}`,
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

function userMessage(messageId: string, userId: string, overrides: Partial<UserEnvelope> = {}): UserEnvelope {
  const base = JSON.parse(fixture<SNSEvent>('sns-user.json').Records[0]!.Sns.Message) as UserEnvelope;
  return {
    ...base,
    type: userMessageType,
    payload: userMessageExample(userMessageType),
    messageId,
    userId,
    correlationId: `c-${messageId}`,
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

let nextOffset = 100;
/** A record as the publisher SDK produces it: the channel's key and headers of the envelope. */
function broadcastRecord(envelope: BroadcastEnvelope, partition = 0): KafkaSourceRecord {
  const channel = kafkaChannels['broadcast-stream'];
  return {
    topic: BROADCAST_TOPIC,
    partition,
    offset: nextOffset++,
    timestamp: Date.now(),
    key: channel.key(envelope),
    value: JSON.stringify(envelope),
    headers: Object.entries(channel.headerValues(envelope)),
  };
}

function userRecord(envelope: UserEnvelope, partition = 0): KafkaSourceRecord {
  const channel = kafkaChannels['user-stream'];
  return {
    topic: USER_TOPIC,
    partition,
    offset: nextOffset++,
    timestamp: Date.now(),
    key: channel.key(envelope),
    value: JSON.stringify(envelope),
    headers: Object.entries(channel.headerValues(envelope)),
  };
}

const msk = (records: KafkaSourceRecord[]): KafkaEvent =>
  kafkaEvent(records, {
    eventSource: 'aws:kafka',
    eventSourceArn: 'arn:aws:kafka:us-east-1:123456789012:cluster/wspush/abc',
    bootstrapServers: 'b-1.wspush.kafka.us-east-1.amazonaws.com:9098',
  });
const selfManaged = (records: KafkaSourceRecord[]): KafkaEvent =>
  kafkaEvent(records, { eventSource: 'SelfManagedKafka', bootstrapServers: 'kafka.example.com:9092' });

const idsTo = (connectionId: string) => harness.management.framesTo(connectionId).map((f) => f.id);
const rejections = () => harness.jobs<KafkaRejectedRecord>(failureQueueUrl);
const metricCount = (name: string) =>
  addMetric.mock.calls
    .filter((call: unknown[]) => call[0] === name)
    .reduce((sum: number, call: unknown[]) => sum + Number(call[2]), 0);

describe('kafka router', () => {
  it('routes an MSK batch of several partitions: broadcasts to subscribers, user records to their user', async () => {
    await connectClient('KfA1gdUCDoECFmQ=', 'alice');
    await connectClient('KfB1gdUCDoECFmQ=', 'bob');
    const event = msk([
      broadcastRecord(broadcast('kb-1'), 0),
      broadcastRecord(broadcast('kb-2'), 1),
      userRecord(userMessage('ku-1', 'alice'), 2),
      userRecord(userMessage('ku-2', 'bob'), 0),
    ]);
    expect(Object.keys(event.records).sort()).toEqual([
      `${BROADCAST_TOPIC}-0`,
      `${BROADCAST_TOPIC}-1`,
      `${USER_TOPIC}-0`,
      `${USER_TOPIC}-2`,
    ]);
    // What AWS sends: base64 key and value, header values as byte arrays.
    const first = event.records[`${USER_TOPIC}-2`]![0]!;
    expect(Buffer.from(first.key as string, 'base64').toString()).toBe('acme#alice');
    expect(first.headers).toContainEqual({ 'wspush-correlation-id': [...Buffer.from('c-ku-1')] });

    const response = await router(event, lambdaContext('kafka-router'));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(idsTo('KfA1gdUCDoECFmQ=')).toEqual(expect.arrayContaining(['kb-1', 'kb-2', 'ku-1']));
    expect(idsTo('KfB1gdUCDoECFmQ=')).toEqual(expect.arrayContaining(['kb-1', 'kb-2', 'ku-2']));
    expect(idsTo('KfA1gdUCDoECFmQ=')).not.toContain('ku-2');
    const frame = harness.management.framesTo('KfA1gdUCDoECFmQ=').find((f) => f.id === 'ku-1');
    expect(validators.UserMessageFrame(frame).ok).toBe(true);
    expect(frame?.correlationId).toBe('c-ku-1');
    expect(metricCount('KafkaRecordsRouted')).toBeGreaterThanOrEqual(4);
  });

  it('keeps one user’s order across a batch (one key, one partition)', async () => {
    await connectClient('KfO1gdUCDoECFmQ=', 'olivia');
    const ids = ['ko-1', 'ko-2', 'ko-3', 'ko-4', 'ko-5', 'ko-6'];
    // Interleaved with another partition's records; the event lists each partition in offset order.
    const records = ids.flatMap((id, i) => [
      userRecord(userMessage(id, 'olivia'), 3),
      broadcastRecord(broadcast(`kx-${i}`), i % 2),
    ]);
    const response = await router(selfManaged(records), lambdaContext('kafka-router'));
    expect(response.batchItemFailures).toEqual([]);
    expect(idsTo('KfO1gdUCDoECFmQ=').filter((id) => String(id).startsWith('ko-'))).toEqual(ids);
  });

  it('a record produced twice with one message id (a producer retry) is delivered once, like on SNS', async () => {
    await connectClient('KfR1gdUCDoECFmQ=', 'rita');
    const envelope = userMessage('kr-1', 'rita');
    const first = await router(selfManaged([userRecord(envelope, 4)]), lambdaContext('kafka-router'));
    const again = await router(selfManaged([userRecord(envelope, 4)]), lambdaContext('kafka-router'));
    expect([first.batchItemFailures, again.batchItemFailures]).toEqual([[], []]);
    expect(idsTo('KfR1gdUCDoECFmQ=').filter((id) => id === 'kr-1')).toHaveLength(1);
  });

  it('a mixed batch: bad records go to the failure queue with their reason, the rest is delivered', async () => {
    await connectClient('KfM1gdUCDoECFmQ=', 'mia');
    const before = rejections().length;
    const good1 = userRecord(userMessage('km-1', 'mia'), 0);
    const notJson: KafkaSourceRecord = { ...userRecord(userMessage('km-x', 'mia'), 0), value: '{not json' };
    const invalid = invalidUserPayloadFor(userMessageType);
    const badPayload = userRecord(userMessage('km-p', 'mia', { payload: invalid.payload }), 1);
    const wrongKey = { ...userRecord(userMessage('km-k', 'mia'), 1), key: 'acme#bob' };
    const wrongHeader = {
      ...userRecord(userMessage('km-h', 'mia'), 0),
      headers: [['wspush-message-type', otherUserMessageType] as const],
    };
    const tooLarge = {
      ...userRecord(userMessage('km-l', 'mia'), 0),
      value: 'x'.repeat(limits.maxEnvelopeBytes + 1),
    };
    const unknownTopic = { ...broadcastRecord(broadcast('km-u')), topic: 'someone-elses-topic' };
    const noValue = { ...broadcastRecord(broadcast('km-n'), 1), value: null };
    const good2 = userRecord(userMessage('km-2', 'mia'), 0);
    const good3 = broadcastRecord(broadcast('km-3'), 1);
    const event = selfManaged([
      good1,
      notJson,
      badPayload,
      wrongKey,
      wrongHeader,
      tooLarge,
      unknownTopic,
      noValue,
      good2,
      good3,
    ]);

    const response = await router(event, lambdaContext('kafka-router'));
    expect(response.batchItemFailures).toEqual([]);
    expect(idsTo('KfM1gdUCDoECFmQ=')).toEqual(expect.arrayContaining(['km-1', 'km-2', 'km-3']));
    for (const bad of ['km-x', 'km-p', 'km-k', 'km-h', 'km-l', 'km-u', 'km-n']) {
      expect(idsTo('KfM1gdUCDoECFmQ=')).not.toContain(bad);
    }
    const added = rejections().slice(before);
    for (const rejected of added)
      expect(validators.KafkaRejectedRecord(rejected)).toEqual({ ok: true, value: rejected });
    const byOffset = new Map(added.map((r) => [r.offset, r]));
    expect(byOffset.get(notJson.offset)?.reason).toBe('INVALID_JSON');
    expect(byOffset.get(noValue.offset)?.reason).toBe('INVALID_JSON');
    expect(byOffset.get(badPayload.offset)).toMatchObject({
      reason: 'INVALID_ENVELOPE',
      correlationId: 'c-km-p',
      messageId: 'km-p',
      errors: expect.arrayContaining([expect.objectContaining({ field: `payload.${invalid.field}` })]),
    });
    expect(byOffset.get(wrongKey.offset)).toMatchObject({ reason: 'KEY_MISMATCH', key: 'acme#bob' });
    expect(byOffset.get(wrongKey.offset)?.message).toContain('acme#mia');
    expect(byOffset.get(wrongHeader.offset)?.reason).toBe('HEADER_MISMATCH');
    expect(byOffset.get(tooLarge.offset)).toMatchObject({
      reason: 'TOO_LARGE',
      valueBytes: limits.maxEnvelopeBytes + 1,
    });
    expect(byOffset.get(tooLarge.offset)?.value).toBeUndefined();
    expect(byOffset.get(unknownTopic.offset)?.reason).toBe('UNKNOWN_TOPIC');
    // The value travels with the rejection (base64) so it can be fixed and produced again.
    expect(Buffer.from(byOffset.get(wrongKey.offset)?.value ?? '', 'base64').toString()).toBe(wrongKey.value);
    expect(added).toHaveLength(7);
    expect(added.every((r) => r.eventSource === 'SelfManagedKafka')).toBe(true);
    expect(metricCount('KafkaRecordsRejected')).toBeGreaterThanOrEqual(7);
  });
});
