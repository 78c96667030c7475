/**
 * The SNS routers and SQS workers with realistic events, end to end on the local edge (its DynamoDB, SQS and
 * `@connections`): realm isolation, 410 handling, sharding, offline inbox, publish during connect,
 * duplicate SNS delivery, invalid envelopes, partial batch responses.
 */
import type { Context, SNSEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { validators } from '../../generated/index.js';
import {
  invalidPayloadFor,
  invalidUserPayloadFor,
  payloadFor,
  topics as picked,
  userMessageExample,
  userMessageType,
} from '../../test/support/contract-picks.js';
import { retryDelaySeconds } from '../core/delivery-worker.js';
import type { BroadcastEnvelope, DeliveryJob, FanoutJob, UserEnvelope } from '../core/model.js';
import type { WebSocketConnectEvent, WebSocketRouteResult } from './events.js';
import { fixture, type HandlerHarness, lambdaContext, startHandlerHarness } from './testing/harness.js';

// The events come from the AWS-shaped fixtures; their topics, types and payloads from the contract.
const { openHistory: open1, openDrop: open2 } = picked;

let harness: HandlerHarness;
let connect: (event: WebSocketConnectEvent, context: Context) => Promise<WebSocketRouteResult>;
let broadcastRouter: (event: SNSEvent, context: Context) => Promise<void>;
let userRouter: (event: SNSEvent, context: Context) => Promise<void>;
let deliveryWorker: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let fanoutWorker: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
let addMetric: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  harness = await startHandlerHarness({
    FANOUT_SHARD_THRESHOLD: '3',
    FANOUT_SHARD_SIZE: '2',
    CONNECTING_GRACE_SECONDS: '30',
    INBOX_MAX_ITEMS: '50',
  });
  connect = (await import('./connect.js')).handler;
  broadcastRouter = (await import('./broadcast-router.js')).handler;
  userRouter = (await import('./user-router.js')).handler;
  deliveryWorker = (await import('./delivery-worker.js')).handler;
  fanoutWorker = (await import('./fanout-worker.js')).handler;
  const { metrics } = await import('./runtime/observability.js');
  addMetric = vi.spyOn(metrics, 'addMetric');
});
afterAll(async () => {
  await harness?.stop();
});

const context = (name: string) => lambdaContext(name);

/** Connects through the `$connect` handler; `secondsAgo` moves `connectedAt` back (past the grace). */
async function connectClient(
  connectionId: string,
  options: {
    userId?: string;
    realm?: string;
    roles?: string;
    topics?: string;
    secondsAgo?: number;
    open?: boolean;
    /** false: the welcome job has not run yet (routers hold its messages). Default true. */
    welcomed?: boolean;
  } = {},
) {
  const event = fixture<WebSocketConnectEvent>('websocket-connect.json');
  event.requestContext.connectionId = connectionId;
  event.requestContext.connectedAt = Date.now() - (options.secondsAgo ?? 60) * 1000;
  event.requestContext.authorizer = {
    ...event.requestContext.authorizer!,
    userId: options.userId ?? 'alice',
    realm: options.realm ?? 'acme',
    roles: options.roles ?? 'user',
  };
  const topics = options.topics ?? open1;
  event.queryStringParameters = { topics };
  event.multiValueQueryStringParameters = { topics: [topics] };
  expect((await connect(event, context('connect'))).statusCode).toBe(200);
  if (options.open ?? true) harness.management.open.add(connectionId);
  if (options.welcomed ?? true) await harness.welcomed(connectionId);
}

function snsEvent(name: 'sns-broadcast.json' | 'sns-user.json', message: object | string): SNSEvent {
  const event = fixture<SNSEvent>(name);
  event.Records[0]!.Sns.Message = typeof message === 'string' ? message : JSON.stringify(message);
  return event;
}

function broadcastEnvelope(overrides: Partial<BroadcastEnvelope> = {}): BroadcastEnvelope {
  const base = JSON.parse(
    fixture<SNSEvent>('sns-broadcast.json').Records[0]!.Sns.Message,
  ) as BroadcastEnvelope;
  return {
    ...base,
    topic: open1,
    payload: payloadFor(open1),
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

function userEnvelope(overrides: Partial<UserEnvelope> = {}): UserEnvelope {
  const base = JSON.parse(fixture<SNSEvent>('sns-user.json').Records[0]!.Sns.Message) as UserEnvelope;
  const type = userMessageType;
  return {
    ...base,
    type,
    payload: userMessageExample(type),
    publishedAt: new Date().toISOString(),
    ...overrides,
  };
}

function sqsEvent(name: 'sqs-delivery.json' | 'sqs-fanout.json', bodies: string[]): SQSEvent {
  const template = fixture<SQSEvent>(name).Records[0]!;
  return {
    Records: bodies.map((body, index) => ({
      ...structuredClone(template),
      messageId: `msg-${index}-${Math.random().toString(36).slice(2)}`,
      receiptHandle: `rh-${index}`,
      body,
    })),
  };
}

/**
 * Sends these bodies to the delivery queue and receives them (60 s visibility), so a worker's
 * ChangeMessageVisibility has real receipt handles to act on. Returns them in the order given.
 */
async function receivedFromDeliveryQueue(bodies: string[]) {
  const sqs = harness.local.edge.sqs;
  const queue = sqs.nameFromUrl(harness.queues.delivery);
  const sent = bodies.map((b) => sqs.send(queue, { body: b }).messageId);
  const received = new Map<string, { messageId: string; receiptHandle: string }>();
  for (let attempt = 0; attempt < 50 && received.size < sent.length; attempt++) {
    for (const m of await sqs.receive(queue, { maxMessages: 10, visibilityTimeout: 60 })) {
      if (sent.includes(m.messageId)) received.set(m.messageId, m);
    }
  }
  return sent.map((id) => received.get(id));
}

const deliveryJobsFor = (connectionId: string) =>
  harness.jobs<DeliveryJob>(harness.queues.delivery).filter((job) => job.connectionId === connectionId);

const metricCount = (name: string) =>
  addMetric.mock.calls
    .filter((call: unknown[]) => call[0] === name)
    .reduce((sum: number, call: unknown[]) => sum + Number(call[2]), 0);

describe('broadcast router', () => {
  it('posts to the topic subscribers of the envelope realm only, as a valid topic frame', async () => {
    await connectClient('BrA1gdUCDoECFmQ=', { topics: open2 });
    await connectClient('BrB1gdUCDoECFmQ=', { userId: 'bob', topics: open2 });
    await connectClient('BrO1gdUCDoECFmQ=', { realm: 'otherrealm', topics: open2 });
    const envelope = broadcastEnvelope({
      messageId: 'br-1',
      topic: open2,
      payload: payloadFor(open2),
    });
    await broadcastRouter(snsEvent('sns-broadcast.json', envelope), context('broadcast-router'));
    const receivers = harness.management
      .frames()
      .filter((p) => p.frame.id === 'br-1')
      .map((p) => p.connectionId);
    expect(receivers.sort()).toEqual(['BrA1gdUCDoECFmQ=', 'BrB1gdUCDoECFmQ=']);
    const frame = harness.management.framesTo('BrA1gdUCDoECFmQ=').find((f) => f.id === 'br-1');
    expect(validators.TopicMessageFrame(frame).ok).toBe(true);
    expect(frame?.correlationId).toBe(envelope.correlationId);
  });

  it('410 deletes the stale connection rows, never the other subscribers', async () => {
    await connectClient('StaleA1UCDoECFmQ=', {
      userId: 'carol',
      topics: open2,
      secondsAgo: 600,
      open: false,
    });
    const envelope = broadcastEnvelope({
      messageId: 'br-2',
      topic: open2,
      payload: payloadFor(open2),
    });
    // 3 subscribers in acme now: still below the shard threshold (3)
    await broadcastRouter(snsEvent('sns-broadcast.json', envelope), context('broadcast-router'));
    const receivers = harness.management
      .frames()
      .filter((p) => p.frame.id === 'br-2')
      .map((p) => p.connectionId);
    expect(receivers.sort()).toEqual(['BrA1gdUCDoECFmQ=', 'BrB1gdUCDoECFmQ=']);
    const { DynamoConnectionStore } = await import('../adapters/dynamodb-connection-store.js');
    const { DynamoTable } = await import('../adapters/dynamodb-table.js');
    const { topicPartitions } = await import('../core/topic-access.js');
    const store = new DynamoConnectionStore(
      new DynamoTable(harness.dynamo.documentClient, { tableName: harness.dynamo.tableName }),
      { topicPartitions },
    );
    expect(await store.getConnection('StaleA1UCDoECFmQ=')).toBeUndefined();
    expect(await store.getConnection('BrA1gdUCDoECFmQ=')).toBeDefined();
    const subscribers = (await store.listTopicSubscribers('acme', open2, Math.floor(Date.now() / 1000))).map(
      (s) => s.connectionId,
    );
    expect(subscribers.sort()).toEqual(['BrA1gdUCDoECFmQ=', 'BrB1gdUCDoECFmQ=']);
    expect(metricCount('Gone')).toBeGreaterThanOrEqual(1);
  });

  it('an invalid envelope or payload is logged, counted, thrown and never delivered', async () => {
    const postsBefore = harness.management.posts.length;
    const invalidMetricBefore = metricCount('InvalidMessages');
    const invalid = invalidPayloadFor(open1);
    const badPayload = broadcastEnvelope({ messageId: 'bad-1', payload: invalid.payload });
    await expect(
      broadcastRouter(snsEvent('sns-broadcast.json', badPayload), context('broadcast-router')),
    ).rejects.toThrow(`payload.${invalid.field}`);
    const badEnvelope = { ...broadcastEnvelope({ messageId: 'bad-2' }), realm: undefined };
    await expect(
      broadcastRouter(snsEvent('sns-broadcast.json', badEnvelope), context('broadcast-router')),
    ).rejects.toThrow(/realm/);
    await expect(
      broadcastRouter(snsEvent('sns-broadcast.json', 'not json'), context('broadcast-router')),
    ).rejects.toThrow();
    expect(harness.management.posts.length).toBe(postsBefore);
    expect(metricCount('InvalidMessages') - invalidMetricBefore).toBe(3);
  });

  it('shards an audience above FANOUT_SHARD_THRESHOLD onto the fan-out queue; the fan-out worker posts each shard', async () => {
    for (let i = 0; i < 5; i++)
      await connectClient(`Shard${i}gdUCDoECFmQ=`, { realm: 'big', userId: `u${i}` });
    const envelope = broadcastEnvelope({ messageId: 'br-shard', realm: 'big' });
    await broadcastRouter(snsEvent('sns-broadcast.json', envelope), context('broadcast-router'));
    expect(harness.management.frames().filter((p) => p.frame.id === 'br-shard')).toEqual([]);
    const jobs = harness
      .jobs<FanoutJob>(harness.queues.fanout)
      .filter((j) => j.envelope?.messageId === 'br-shard');
    // Streamed page by page: the total is not known when a shard is sent (no `shards`).
    // One job per page of each of the topic's partitions, at most FANOUT_SHARD_SIZE ids each.
    expect(jobs.every((j) => j.shards === undefined && j.connectionIds.length <= 2)).toBe(true);
    expect(new Set(jobs.map((j) => `${j.partition}:${j.shard}`)).size).toBe(jobs.length);
    expect(new Set(jobs.flatMap((j) => j.connectionIds)).size).toBe(5);
    const bodies = harness.sqs.bodies(harness.queues.fanout).filter((b) => b.includes('br-shard'));
    const result = await fanoutWorker(sqsEvent('sqs-fanout.json', bodies), context('fanout-worker'));
    expect(result).toEqual({ batchItemFailures: [] });
    expect(harness.management.frames().filter((p) => p.frame.id === 'br-shard')).toHaveLength(5);
  });

  it('the fan-out worker near its timeout posts nothing more and hands the shard to an immediate job', async () => {
    const job: FanoutJob = {
      shard: 0,
      shards: 1,
      connectionIds: ['Shard0gdUCDoECFmQ=', 'Shard1gdUCDoECFmQ='],
      envelope: broadcastEnvelope({ messageId: 'br-late', realm: 'big' }),
      attempt: 1,
    };
    // 5 s left: less than the margin kept for posts in flight, so no post starts.
    const late = { ...context('fanout-worker'), getRemainingTimeInMillis: () => 5_000 };
    const result = await fanoutWorker(sqsEvent('sqs-fanout.json', [JSON.stringify(job)]), late);
    expect(result).toEqual({ batchItemFailures: [] });
    expect(harness.management.frames().filter((p) => p.frame.id === 'br-late')).toEqual([]);
    const continued = harness
      .jobs<FanoutJob>(harness.queues.fanout)
      .filter((j) => j.envelope?.messageId === 'br-late');
    expect(continued).toEqual([{ ...job, shard: 0, shards: 1 }]);
  });

  it('the fan-out worker fails only the poison item of a batch', async () => {
    const good = JSON.stringify({
      shard: 0,
      shards: 1,
      connectionIds: ['Shard0gdUCDoECFmQ='],
      envelope: broadcastEnvelope({ messageId: 'br-fan-ok', realm: 'big' }),
    });
    const event = sqsEvent('sqs-fanout.json', [good, '{"shard":0}']);
    const result = await fanoutWorker(event, context('fanout-worker'));
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: event.Records[1]!.messageId }] });
    expect(harness.management.frames().filter((p) => p.frame.id === 'br-fan-ok')).toHaveLength(1);
  });
});

describe('user router', () => {
  it('posts to the live connections of the user', async () => {
    await connectClient('UsrA1dUCDoECFmQ=', { userId: 'dave' });
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'u-live', userId: 'dave' })),
      context('user-router'),
    );
    const frames = harness.management.framesTo('UsrA1dUCDoECFmQ=').filter((f) => f.id === 'u-live');
    expect(frames).toHaveLength(1);
    expect(validators.UserMessageFrame(frames[0]).ok).toBe(true);
  });

  it('stores a message for an offline user once, even when SNS delivers it twice', async () => {
    const envelope = userEnvelope({ messageId: 'u-dup', userId: 'erin' });
    const storedBefore = metricCount('OfflineStored');
    await userRouter(snsEvent('sns-user.json', envelope), context('user-router'));
    await userRouter(snsEvent('sns-user.json', envelope), context('user-router'));
    const { DynamoInboxStore } = await import('../adapters/dynamodb-message-stores.js');
    const { DynamoTable } = await import('../adapters/dynamodb-table.js');
    const inbox = new DynamoInboxStore(
      new DynamoTable(harness.dynamo.documentClient, { tableName: harness.dynamo.tableName }),
    );
    const items = await inbox.list('acme', 'erin', Math.floor(Date.now() / 1000), 10);
    expect(items.map((i) => i.messageId)).toEqual(['u-dup']);
    expect(metricCount('OfflineStored') - storedBefore).toBe(1);
  });

  it('rejects an envelope whose payload does not match its type, without storing it', async () => {
    const invalid = invalidUserPayloadFor(userMessageType);
    const bad = userEnvelope({ messageId: 'u-bad', userId: 'erin', payload: invalid.payload });
    await expect(userRouter(snsEvent('sns-user.json', bad), context('user-router'))).rejects.toThrow(
      `payload.${invalid.field}`,
    );
    const { DynamoInboxStore } = await import('../adapters/dynamodb-message-stores.js');
    const { DynamoTable } = await import('../adapters/dynamodb-table.js');
    const inbox = new DynamoInboxStore(
      new DynamoTable(harness.dynamo.documentClient, { tableName: harness.dynamo.tableName }),
    );
    expect(
      (await inbox.list('acme', 'erin', Math.floor(Date.now() / 1000), 10)).map((i) => i.messageId),
    ).toEqual(['u-dup']);
  });

  it('refuses a publishedAt beyond the clock skew (x-limits) without storing or posting; accepts one within it', async () => {
    const { limits } = await import('../../generated/index.js');
    const skewMs = limits.publishedAtMaxFutureSeconds * 1000;
    const ahead = (ms: number) => new Date(Date.now() + ms).toISOString();
    for (const publishedAt of ['2999-01-01T00:00:00.000Z', ahead(skewMs + 60_000)]) {
      const user = userEnvelope({ messageId: `u-future-${publishedAt}`, userId: 'skewy', publishedAt });
      await expect(userRouter(snsEvent('sns-user.json', user), context('user-router'))).rejects.toThrow(
        /publishedAt: is more than 300 s ahead/,
      );
      const postsBefore = harness.management.posts.length;
      const topic = broadcastEnvelope({ messageId: `b-future-${publishedAt}`, publishedAt });
      await expect(
        broadcastRouter(snsEvent('sns-broadcast.json', topic), context('broadcast-router')),
      ).rejects.toThrow(/publishedAt/);
      expect(harness.management.posts.length).toBe(postsBefore);
    }
    const { DynamoInboxStore } = await import('../adapters/dynamodb-message-stores.js');
    const { DynamoTable } = await import('../adapters/dynamodb-table.js');
    const inbox = new DynamoInboxStore(
      new DynamoTable(harness.dynamo.documentClient, { tableName: harness.dynamo.tableName }),
    );
    const stored = async () =>
      (await inbox.list('acme', 'skewy', Math.floor(Date.now() / 1000), 10)).map((i) => i.messageId);
    expect(await stored()).toEqual([]);
    const within = userEnvelope({
      messageId: 'u-skewed',
      userId: 'skewy',
      publishedAt: ahead(skewMs - 60_000),
    });
    await userRouter(snsEvent('sns-user.json', within), context('user-router'));
    expect(await stored()).toEqual(['u-skewed']);
  });

  it('publish before the welcome: held for the connection (and kept in the inbox), posted right after its welcome', async () => {
    // connected 1 s ago, still inside $connect: its rows say welcomePending
    await connectClient('JoinA1dUCDoECFmQ=', {
      userId: 'frank',
      secondsAgo: 1,
      open: false,
      welcomed: false,
    });
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'u-race', userId: 'frank' })),
      context('user-router'),
    );
    expect(deliveryJobsFor('JoinA1dUCDoECFmQ=').map((j) => j.reason)).toEqual(['connect']);
    expect(harness.management.posts.filter((p) => p.connectionId === 'JoinA1dUCDoECFmQ=')).toEqual([]);

    harness.management.open.add('JoinA1dUCDoECFmQ=');
    const connectBody = harness.sqs
      .bodies(harness.queues.delivery)
      .find((b) => b.includes('JoinA1dUCDoECFmQ='))!;
    expect(
      await deliveryWorker(sqsEvent('sqs-delivery.json', [connectBody]), context('delivery-worker')),
    ).toEqual({
      batchItemFailures: [],
    });
    const frames = harness.management.framesTo('JoinA1dUCDoECFmQ=');
    expect(frames.map((f) => [f.kind, f.id])).toEqual([
      ['welcome', undefined],
      ['user', 'u-race'],
    ]);
    // The user router now posts to it directly.
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'u-after', userId: 'frank' })),
      context('user-router'),
    );
    expect(harness.management.framesTo('JoinA1dUCDoECFmQ=').map((f) => f.id)).toEqual([
      undefined,
      'u-race',
      'u-after',
    ]);
  });
});

describe('delivery worker', () => {
  it("a batch of several records processed in parallel: each log line carries its own record's correlation id", async () => {
    const ids = ['CorA1dUCDoECFmQ=', 'CorB1dUCDoECFmQ=', 'CorC1dUCDoECFmQ=', 'CorD1dUCDoECFmQ='];
    for (const [n, id] of ids.entries()) await connectClient(id, { userId: `corr-${n}` });
    const correlationOf = new Map(ids.map((id, n) => [id, `c-batch-${n}`]));
    const bodies = ids.map((id) => {
      const job = JSON.parse(harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes(id))!);
      return JSON.stringify({ ...job, correlationId: correlationOf.get(id) });
    });
    const { logger } = await import('./runtime/observability.js');
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    logger.setLogLevel('DEBUG');
    try {
      const result = await deliveryWorker(sqsEvent('sqs-delivery.json', bodies), context('delivery-worker'));
      expect(result).toEqual({ batchItemFailures: [] });
    } finally {
      logger.setLogLevel('SILENT');
      spy.mockRestore();
    }
    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => correlationOf.has(line.connectionId as string));
    expect(new Set(lines.map((line) => line.connectionId))).toEqual(new Set(ids));
    for (const line of lines) expect(line.correlationId).toBe(correlationOf.get(line.connectionId as string));
  });

  it('on connect: welcome first, topic history replayed, then the inbox in publish order', async () => {
    for (const [id, at] of [
      ['g2', '2026-11-27T09:20:00.000Z'],
      ['g1', '2026-11-27T09:10:00.000Z'],
    ] as const) {
      await userRouter(
        snsEvent(
          'sns-user.json',
          userEnvelope({
            messageId: id,
            userId: 'grace',
            publishedAt: new Date(
              Date.now() - Date.parse('2026-11-27T10:00:00Z') + Date.parse(at),
            ).toISOString(),
          }),
        ),
        context('user-router'),
      );
    }
    await broadcastRouter(
      snsEvent('sns-broadcast.json', broadcastEnvelope({ messageId: 'hist-1', realm: 'gr' })),
      context('broadcast-router'),
    );
    await broadcastRouter(
      snsEvent('sns-broadcast.json', broadcastEnvelope({ messageId: 'hist-acme' })),
      context('broadcast-router'),
    );
    await connectClient('GrcA1dUCDoECFmQ=', {
      userId: 'grace',
      realm: 'acme',
      topics: `${open1},${open2}`,
      welcomed: false,
    });
    await connectClient('GrcR1dUCDoECFmQ=', {
      userId: 'grace',
      realm: 'gr',
      topics: open1,
      welcomed: false,
    });

    const body = harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes('GrcA1dUCDoECFmQ='))!;
    const result = await deliveryWorker(sqsEvent('sqs-delivery.json', [body]), context('delivery-worker'));
    expect(result).toEqual({ batchItemFailures: [] });
    const frames = harness.management.framesTo('GrcA1dUCDoECFmQ=');
    expect(frames[0]).toMatchObject({
      kind: 'welcome',
      userId: 'grace',
      pendingOffline: 2,
      accepted: [open1, open2],
    });
    expect(validators.WelcomeFrame(frames[0]).ok).toBe(true);
    // the acme announcement is replayed; the realm "gr" one is not
    expect(frames.filter((f) => f.kind === 'topic').map((f) => [f.id, f.replayed])).toEqual([
      ['hist-acme', true],
    ]);
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'topic', 'user', 'user']);
    expect(frames.filter((f) => f.kind === 'user').map((f) => [f.id, f.offline])).toEqual([
      ['g1', true],
      ['g2', true],
    ]);
    expect(frames.at(-1)?.kind).toBe('user');

    const other = harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes('GrcR1dUCDoECFmQ='))!;
    await deliveryWorker(sqsEvent('sqs-delivery.json', [other]), context('delivery-worker'));
    const replay = harness.management.framesTo('GrcR1dUCDoECFmQ=').filter((f) => f.kind === 'topic');
    expect(replay.map((f) => [f.id, f.replayed])).toEqual([['hist-1', true]]);
    expect(metricCount('OfflineDelivered')).toBeGreaterThanOrEqual(2);
  });

  it('a connection not open yet fails its item (retried soon via ChangeMessageVisibility); the inbox stays', async () => {
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'h-1', userId: 'heidi' })),
      context('user-router'),
    );
    await connectClient('HeiA1dUCDoECFmQ=', { userId: 'heidi', secondsAgo: 1, open: false, welcomed: false });
    const body = harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes('HeiA1dUCDoECFmQ='))!;
    const poison = '{"reason":"connect"}';
    const [job, bad] = await receivedFromDeliveryQueue([body, poison]);
    const event = sqsEvent('sqs-delivery.json', [body, poison]);
    event.Records[0]!.receiptHandle = job!.receiptHandle;
    event.Records[1]!.receiptHandle = bad!.receiptHandle;
    const result = await deliveryWorker(event, context('delivery-worker'));
    expect(result.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(
      [event.Records[0]!.messageId, event.Records[1]!.messageId].sort(),
    );
    // The job not yet deliverable is made visible again in 1 s (ChangeMessageVisibility), not after 60 s.
    const retried = harness.sqs.messages(harness.queues.delivery).find((m) => m.messageId === job!.messageId);
    expect(retried!.visibleAt - Date.now()).toBeLessThanOrEqual(1000);

    harness.management.open.add('HeiA1dUCDoECFmQ=');
    expect(await deliveryWorker(sqsEvent('sqs-delivery.json', [body]), context('delivery-worker'))).toEqual({
      batchItemFailures: [],
    });
    const frames = harness.management.framesTo('HeiA1dUCDoECFmQ=');
    expect(frames[0]?.kind).toBe('welcome');
    expect(frames.filter((f) => f.kind === 'user').map((f) => f.id)).toEqual(['h-1']);
  });

  it('a connection gone for good completes the job and leaves the inbox for the next connection', async () => {
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'i-1', userId: 'ivan' })),
      context('user-router'),
    );
    await connectClient('IvnA1dUCDoECFmQ=', { userId: 'ivan', secondsAgo: 300, open: false });
    const body = harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes('IvnA1dUCDoECFmQ='))!;
    expect(await deliveryWorker(sqsEvent('sqs-delivery.json', [body]), context('delivery-worker'))).toEqual({
      batchItemFailures: [],
    });
    await connectClient('IvnB1dUCDoECFmQ=', { userId: 'ivan' });
    const next = harness.sqs.bodies(harness.queues.delivery).find((b) => b.includes('IvnB1dUCDoECFmQ='))!;
    await deliveryWorker(sqsEvent('sqs-delivery.json', [next]), context('delivery-worker'));
    expect(
      harness.management
        .framesTo('IvnB1dUCDoECFmQ=')
        .filter((f) => f.kind === 'user')
        .map((f) => f.id),
    ).toEqual(['i-1']);
  });

  it('drain and retry jobs left in the queue by 1.8 (connect fields on every job) are still delivered', async () => {
    // Offline when routed: the message waits in the inbox for the drain job.
    await userRouter(
      snsEvent('sns-user.json', userEnvelope({ messageId: 'o-inbox', userId: 'olga' })),
      context('user-router'),
    );
    await connectClient('OldA1dUCDoECFmQ=', { userId: 'olga' });
    // What a 1.8 user router enqueued: the connection's fields on every job, whatever its reason.
    const pre19 = {
      connectionId: 'OldA1dUCDoECFmQ=',
      userId: 'olga',
      realm: 'acme',
      accepted: [],
      rejected: [],
      connectedAt: Date.now() - 60_000,
      expiresAt: Math.floor(Date.now() / 1000) + 600,
      correlationId: 'c-pre-1.9',
    };
    const retried = userEnvelope({ messageId: 'o-retry', userId: 'olga' });
    const bodies = [
      JSON.stringify({ reason: 'drain', ...pre19 }),
      JSON.stringify({ reason: 'retry', ...pre19, message: retried }),
    ];
    expect(await deliveryWorker(sqsEvent('sqs-delivery.json', bodies), context('delivery-worker'))).toEqual({
      batchItemFailures: [],
    });
    const delivered = harness.management.framesTo('OldA1dUCDoECFmQ=').filter((f) => f.kind === 'user');
    expect(delivered.map((f) => f.id).sort()).toEqual(['o-inbox', 'o-retry']);
  });
});

/** The SQS body of a connect (welcome) job for a connection of alice with no topics. */
function connectJobBody(connectionId: string, correlationId = `c-${connectionId}`): string {
  return JSON.stringify({
    reason: 'connect',
    connectionId,
    userId: 'alice',
    realm: 'acme',
    accepted: [],
    rejected: [],
    connectedAt: Date.now(),
    expiresAt: Math.floor(Date.now() / 1000) + 600,
    correlationId,
  });
}

describe('a delivery job failing for any reason', () => {
  const failingHandler = async (delays: number[]) => {
    const { createDeliveryWorkerHandler } = await import('./delivery-worker.js');
    const worker = {
      async process(): Promise<never> {
        throw new Error('ProvisionedThroughputExceededException');
      },
      forInvocation() {
        return worker;
      },
    };
    return createDeliveryWorkerHandler({
      worker: worker as unknown as Parameters<typeof createDeliveryWorkerHandler>[0]['worker'],
      queue: {
        async changeVisibility(_receiptHandle: string, seconds: number) {
          delays.push(seconds);
        },
      },
    });
  };
  const connectJob = connectJobBody('FailA1dUCDoECFm=', 'c-failing');
  const received = (receiveCount: number) => {
    const event = sqsEvent('sqs-delivery.json', [connectJob]);
    event.Records[0]!.attributes.ApproximateReceiveCount = String(receiveCount);
    return event;
  };

  it('is retried after the short backoff on its first receives, then waits out the visibility timeout', async () => {
    const { QUICK_RETRIES_OF_FAILED_JOBS } = await import('./delivery-worker.js');
    const delays: number[] = [];
    const handler = await failingHandler(delays);
    for (let n = 1; n <= QUICK_RETRIES_OF_FAILED_JOBS + 2; n++) {
      const event = received(n);
      const result = await handler(event, context('delivery-worker'));
      expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]?.messageId }]);
    }
    const quick = Array.from({ length: QUICK_RETRIES_OF_FAILED_JOBS }, (_, i) => retryDelaySeconds(i + 1));
    expect(delays).toEqual(quick);
    expect(Math.max(...delays)).toBeLessThan(30);
  });
});

describe('workers with overlapping invocations (the local runtime runs several batches at once)', () => {
  it('each batch response lists exactly its own failed records', async () => {
    const { createDeliveryWorkerHandler } = await import('./delivery-worker.js');
    const job = (connectionId: string) => connectJobBody(connectionId);
    const slow = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const worker = {
      async process(j: DeliveryJob) {
        await slow(j.connectionId.startsWith('B') ? 60 : 10);
        if (j.connectionId === 'A2') throw new Error('post failed');
        return { status: 'delivered', welcome: true, replayed: 0, offlineDelivered: 0, offlineDropped: 0 };
      },
      forInvocation() {
        return worker;
      },
    };
    const handler = createDeliveryWorkerHandler({
      worker: worker as unknown as Parameters<typeof createDeliveryWorkerHandler>[0]['worker'],
    });
    const a = sqsEvent('sqs-delivery.json', [job('A1'), job('A2'), job('A3')]);
    const b = sqsEvent('sqs-delivery.json', [job('B1'), job('B2')]);
    const [ra, rb] = await Promise.all([
      handler(a, context('delivery-worker')),
      handler(b, context('delivery-worker')),
    ]);
    expect(ra.batchItemFailures).toEqual([{ itemIdentifier: a.Records[1]?.messageId }]);
    expect(rb.batchItemFailures).toEqual([]);
  });
});
