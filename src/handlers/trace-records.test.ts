/**
 * Trace records written by the real handlers (dynalite, local SQS and management API): the hops of a user
 * message to two connections (one gone), a broadcast across shards, an offline message delivered on the next
 * connect, and an invalid envelope that ends dead-lettered. Every record is checked against the contract's
 * TraceRecord schema and is one JSON log line carrying the correlation id.
 */
import type { Context, SNSEvent, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { validators } from '../../generated/index.js';
import { invalidPayloadFor, topicMessage, topics, userMessage } from '../../test/support/contract-picks.js';
import type { BroadcastEnvelope, UserEnvelope } from '../core/model.js';
import type { TraceRecord } from '../core/tracing.js';
import type { WebSocketConnectEvent, WebSocketRouteResult } from './events.js';
import { fixture, type HandlerHarness, lambdaContext, startHandlerHarness } from './testing/harness.js';

type SnsHandler = (event: SNSEvent, context: Context) => Promise<void>;
type SqsHandler = (event: SQSEvent, context: Context) => Promise<unknown>;

let harness: HandlerHarness;
let connect: (event: WebSocketConnectEvent, context: Context) => Promise<WebSocketRouteResult>;
let broadcastRouter: SnsHandler;
let userRouter: SnsHandler;
let deliveryWorker: SqsHandler;
let fanoutWorker: SqsHandler;
let records: TraceRecord[] = [];
let logLines: string[] = [];
/** The clients' topic and the broadcasts': every user may read it, and it keeps a history. */
const topic = topics.openHistory;

beforeAll(async () => {
  harness = await startHandlerHarness({
    FANOUT_SHARD_THRESHOLD: '3',
    FANOUT_SHARD_SIZE: '2',
    CONNECTING_GRACE_SECONDS: '30',
    POWERTOOLS_LOG_LEVEL: 'INFO',
  });
  connect = (await import('./connect.js')).handler;
  broadcastRouter = (await import('./broadcast-router.js')).handler;
  userRouter = (await import('./user-router.js')).handler;
  deliveryWorker = (await import('./delivery-worker.js')).handler;
  fanoutWorker = (await import('./fanout-worker.js')).handler;
  const { addTraceListener } = await import('./runtime/trace-log.js');
  addTraceListener((record) => records.push(record));
  const capture = (chunk: unknown) => {
    logLines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
});
afterAll(async () => {
  vi.restoreAllMocks();
  await harness?.stop();
});
beforeEach(() => {
  records = [];
  logLines = [];
});

async function connectClient(connectionId: string, userId: string, realm = 'acme', open = true) {
  const event = fixture<WebSocketConnectEvent>('websocket-connect.json');
  event.requestContext.connectionId = connectionId;
  event.requestContext.connectedAt = Date.now() - 60_000;
  event.requestContext.authorizer = { ...event.requestContext.authorizer!, userId, realm, roles: 'user' };
  event.queryStringParameters = { topics: topic };
  event.multiValueQueryStringParameters = { topics: [topic] };
  expect((await connect(event, lambdaContext('connect'))).statusCode).toBe(200);
  if (open) harness.management.open.add(connectionId);
  await harness.welcomed(connectionId);
}

function snsEvent(name: 'sns-broadcast.json' | 'sns-user.json', message: object): SNSEvent {
  const event = fixture<SNSEvent>(name);
  event.Records[0]!.Sns.Message = JSON.stringify(message);
  return event;
}

/** The fixture's envelope with a message of the contract (its type or topic and example) and a fresh date. */
function envelopeOf<T>(
  name: 'sns-user.json' | 'sns-broadcast.json',
  message: object,
  overrides: Partial<T>,
): T {
  const base = JSON.parse(fixture<SNSEvent>(name).Records[0]!.Sns.Message) as T;
  return { ...base, ...message, publishedAt: new Date().toISOString(), ...overrides };
}

const userEnvelope = (overrides: Partial<UserEnvelope>): UserEnvelope =>
  envelopeOf('sns-user.json', userMessage(), overrides);

const broadcastEnvelope = (overrides: Partial<BroadcastEnvelope>): BroadcastEnvelope =>
  envelopeOf('sns-broadcast.json', topicMessage(topic), overrides);

function sqsEvent(name: 'sqs-delivery.json' | 'sqs-fanout.json', bodies: string[]): SQSEvent {
  const template = fixture<SQSEvent>(name).Records[0]!;
  return {
    Records: bodies.map((body, index) => ({ ...structuredClone(template), messageId: `m-${index}`, body })),
  };
}

/** The records of one message; each must be valid and must also be a JSON log line with its correlation id. */
function journey(messageId: string): TraceRecord[] {
  const mine = records.filter((r) => r.messageId === messageId);
  for (const record of mine) {
    expect(validators.TraceRecord(record)).toEqual({ ok: true, value: record });
  }
  const lines = logLines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((line) => line.trace === 'wspush.trace.v1' && line.messageId === messageId);
  expect(lines).toHaveLength(mine.length);
  for (const line of lines) {
    expect(line.correlationId).toBe(mine[0]?.correlationId);
    expect(line.message).toBe(`trace ${line.hop}`);
  }
  return mine;
}

describe('trace records', () => {
  it('a user message to two connections, one gone: published, routed, one posted record per connection', async () => {
    await connectClient('TrLive1dUCDoECFmQ=', 'tara');
    await connectClient('TrGone1dUCDoECFmQ=', 'tara', 'acme', false);
    const envelope = userEnvelope({ messageId: 'tr-user-1', userId: 'tara', correlationId: 'c-tr-user-1' });
    await userRouter(snsEvent('sns-user.json', envelope), lambdaContext('user-router'));
    const hops = journey('tr-user-1');
    expect(hops.map((r) => r.hop)).toEqual(['published', 'routed', 'posted', 'posted']);
    expect(hops[0]).toMatchObject({
      kind: 'user',
      userId: 'tara',
      via: {
        transport: 'sns',
        source: expect.stringContaining(':wspush-'),
        sourceMessageId: expect.any(String),
      },
    });
    expect(hops[1]).toMatchObject({ audience: 2 });
    const posted = Object.fromEntries(hops.slice(2).map((r) => [r.connectionId, r.result]));
    expect(posted).toEqual({ 'TrLive1dUCDoECFmQ=': 'delivered', 'TrGone1dUCDoECFmQ=': 'gone' });
    // Delivered to one connection: nothing stored.
    expect(hops.some((r) => r.hop === 'stored')).toBe(false);
  });

  it('a broadcast across shards: routed with the shard count, one posted record per shard with counts', async () => {
    for (let i = 0; i < 5; i++) await connectClient(`TrShard${i}dUCDoECFmQ=`, `s${i}`, 'trshard', i !== 4);
    const envelope = broadcastEnvelope({ messageId: 'tr-shard-1', realm: 'trshard' });
    await broadcastRouter(snsEvent('sns-broadcast.json', envelope), lambdaContext('broadcast-router'));
    const bodies = harness.sqs.bodies(harness.queues.fanout).filter((b) => b.includes('tr-shard-1'));
    // Streamed: one job per page of each of the topic's partitions that holds subscribers (2 ids at most).
    const shards = bodies.length;
    expect(shards).toBeGreaterThanOrEqual(3);
    await fanoutWorker(sqsEvent('sqs-fanout.json', bodies), lambdaContext('fanout-worker'));
    const hops = journey('tr-shard-1');
    // The topic keeps a history: stored before it is routed.
    expect(hops.slice(0, 3).map((r) => [r.hop, r.store ?? r.audience, r.shards])).toEqual([
      ['published', undefined, undefined],
      ['stored', 'history', undefined],
      ['routed', 5, shards],
    ]);
    const shardRecords = hops.filter((r) => r.hop === 'posted' && r.counts !== undefined);
    // The total is not known when a streamed shard is sent: no `shards` on its records.
    expect(shardRecords).toHaveLength(shards);
    expect(shardRecords.every((r) => r.shards === undefined && r.attempt === 0)).toBe(true);
    const delivered = shardRecords.reduce((sum, r) => sum + (r.counts?.delivered ?? 0), 0);
    const gone = shardRecords.reduce((sum, r) => sum + (r.counts?.gone ?? 0), 0);
    expect([delivered, gone]).toEqual([4, 1]);
    // Per-connection records only for the failure (no sampling configured).
    const perConnection = hops.filter((r) => r.connectionId !== undefined);
    expect(perConnection.map((r) => [r.connectionId, r.result])).toEqual([['TrShard4dUCDoECFmQ=', 'gone']]);
  });

  it('an offline message is stored, then delivered on the next connect', async () => {
    const envelope = userEnvelope({ messageId: 'tr-offline-1', userId: 'olga' });
    await userRouter(snsEvent('sns-user.json', envelope), lambdaContext('user-router'));
    await connectClient('TrOlga1dUCDoECFmQ=', 'olga');
    const body = harness.sqs
      .bodies(harness.queues.delivery)
      .find((b) => b.includes('TrOlga1dUCDoECFmQ=') && b.includes('"connect"'));
    expect(body).toBeDefined();
    await deliveryWorker(sqsEvent('sqs-delivery.json', [body as string]), lambdaContext('delivery-worker'));
    const hops = journey('tr-offline-1');
    expect(hops.map((r) => [r.hop, r.audience ?? r.result])).toEqual([
      ['published', undefined],
      ['routed', 0],
      ['stored', 'stored'],
      ['delivered-on-connect', 'delivered'],
    ]);
    expect(hops[2]).toMatchObject({ store: 'inbox' });
    expect(hops[3]).toMatchObject({ connectionId: 'TrOlga1dUCDoECFmQ=', job: 'connect', store: 'inbox' });
  });

  it('an invalid envelope ends in a dead-lettered hop with its reason, and nothing else', async () => {
    const invalid = invalidPayloadFor(topic);
    const bad = broadcastEnvelope({
      messageId: 'tr-bad-1',
      correlationId: 'c-tr-bad-1',
      payload: invalid.payload,
    });
    await expect(
      broadcastRouter(snsEvent('sns-broadcast.json', bad), lambdaContext('broadcast-router')),
    ).rejects.toThrow(`payload.${invalid.field}`);
    const hops = journey('tr-bad-1');
    expect(hops).toHaveLength(1);
    expect(hops[0]).toMatchObject({
      hop: 'dead-lettered',
      correlationId: 'c-tr-bad-1',
      via: { transport: 'sns' },
      reason: expect.stringMatching(new RegExp(`invalid broadcast envelope: .*payload\\.${invalid.field}`)),
    });
  });
});
