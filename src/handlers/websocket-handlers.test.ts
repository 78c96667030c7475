/** `$connect`, `$disconnect`, `extendTTL` and `$default` with realistic events, on dynalite + local SQS (`ping` is a mock route). */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicRegistry, validators } from '../../generated/index.js';
import { gatedRoles, topics as picked } from '../../test/support/contract-picks.js';
import { partitionOf, topicPartition } from '../adapters/table-keys.js';
import type { DeliveryJob } from '../core/model.js';
import type {
  WebSocketConnectEvent,
  WebSocketDisconnectEvent,
  WebSocketMessageEvent,
  WebSocketRouteResult,
} from './events.js';
import { fixture, type HandlerHarness, lambdaContext, startHandlerHarness } from './testing/harness.js';

type Handler<E> = (event: E, context: ReturnType<typeof lambdaContext>) => Promise<WebSocketRouteResult>;

let harness: HandlerHarness;
let connect: Handler<WebSocketConnectEvent>;
let disconnect: Handler<WebSocketDisconnectEvent>;
let extendTtl: Handler<WebSocketMessageEvent>;
let defaultRoute: Handler<WebSocketMessageEvent>;

beforeAll(async () => {
  harness = await startHandlerHarness({ DELIVERY_DELAY_SECONDS: '2', CONNECTION_TTL_SECONDS: '3600' });
  connect = (await import('./connect.js')).handler;
  disconnect = (await import('./disconnect.js')).handler;
  extendTtl = (await import('./extend-ttl.js')).handler;
  defaultRoute = (await import('./default.js')).handler;
});
afterAll(async () => {
  await harness?.stop();
});

// The fixture's event shape; its topics from the contract: two open, one role-gated, one of another realm.
const { openHistory: open1, openDrop: open2, gated } = picked;
const requested = `${open1},${open2},${gated},otherrealm/${open1}`;

function connectEvent(connectionId: string, changes: (event: WebSocketConnectEvent) => void = () => {}) {
  const event = fixture<WebSocketConnectEvent>('websocket-connect.json');
  event.requestContext.connectionId = connectionId;
  event.queryStringParameters = { topics: requested };
  event.multiValueQueryStringParameters = { topics: [requested] };
  event.requestContext.connectedAt = Date.now();
  changes(event);
  return event;
}

function messageEvent(name: string, connectionId: string, body?: string): WebSocketMessageEvent {
  const event = fixture<WebSocketMessageEvent>(name);
  event.requestContext.connectionId = connectionId;
  if (body !== undefined) event.body = body;
  return event;
}

async function metaRow(connectionId: string) {
  const output = await harness.dynamo.documentClient.send(
    new GetCommand({ TableName: harness.dynamo.tableName, Key: { pk: `conn#${connectionId}`, sk: 'meta' } }),
  );
  return output.Item;
}

describe('$connect', () => {
  it('registers the accepted topics, enqueues one undelayed delivery job and answers the bearer subprotocol', async () => {
    const started = Date.now();
    const result = await connect(connectEvent('ConnA1dUCDoECFmQ='), lambdaContext('connect'));
    expect(result).toEqual({ statusCode: 200, headers: { 'Sec-WebSocket-Protocol': 'bearer' } });
    expect(Date.now() - started).toBeLessThan(5000);

    const meta = await metaRow('ConnA1dUCDoECFmQ=');
    expect(meta).toMatchObject({ userId: 'alice', realm: 'acme', topics: [open1, open2] });

    const sent = harness.sqs
      .messages(harness.queues.delivery)
      .filter((m) => m.body.includes('ConnA1dUCDoECFmQ='));
    expect(sent).toHaveLength(1);
    // No fixed wait before the welcome (DELIVERY_DELAY_SECONDS, 2 here, is for the routers' jobs only).
    expect(sent[0]!.visibleAt - sent[0]!.sentTimestamp).toBeLessThan(1000);
    const job = JSON.parse(sent[0]!.body) as DeliveryJob;
    expect(validators.DeliveryJob(job).ok).toBe(true);
    expect(job).toMatchObject({
      reason: 'connect',
      connectionId: 'ConnA1dUCDoECFmQ=',
      accepted: [open1, open2],
      rejected: [
        { topic: gated, code: 'FORBIDDEN_TOPIC' },
        { topic: `otherrealm/${open1}`, code: 'REALM_MISMATCH' },
      ],
    });
    // never posts during $connect
    expect(harness.management.posts).toEqual([]);
  });

  it('answers without a Sec-WebSocket-Protocol header when the client offered no subprotocol', async () => {
    const event = connectEvent('ConnB1dUCDoECFmQ=', (e) => {
      delete e.headers['Sec-WebSocket-Protocol'];
      delete e.multiValueHeaders['Sec-WebSocket-Protocol'];
      delete e.queryStringParameters;
      delete e.multiValueQueryStringParameters;
    });
    expect(await connect(event, lambdaContext('connect'))).toEqual({ statusCode: 200 });
    expect((await metaRow('ConnB1dUCDoECFmQ='))?.topics).toEqual([]);
  });

  it('gives a role-restricted topic to a token with the role', async () => {
    const event = connectEvent('ConnC1dUCDoECFmQ=', (e) => {
      const roles = ['user', ...gatedRoles].join(',');
      e.requestContext.authorizer = { ...e.requestContext.authorizer!, userId: 'root', roles };
      e.queryStringParameters = { topics: gated };
      e.multiValueQueryStringParameters = { topics: [gated] };
    });
    await connect(event, lambdaContext('connect'));
    expect((await metaRow('ConnC1dUCDoECFmQ='))?.topics).toEqual([gated]);
  });

  it.each([
    { recovery: ['welcome'], expected: 'welcome' },
    { recovery: ['frames'], expected: undefined },
    { recovery: ['bogus'], expected: undefined },
    { recovery: ['welcome', 'frames'], expected: undefined },
  ])('carries the recovery query $recovery to the delivery job as $expected (else ignored)', async (c) => {
    const id = `ConnR${c.recovery.join('').length}${c.recovery.length}dUCDoECFmQ=`;
    const event = connectEvent(id, (e) => {
      e.queryStringParameters = { topics: requested, recovery: c.recovery.at(-1) ?? '' };
      e.multiValueQueryStringParameters = { topics: [requested], recovery: c.recovery };
    });
    expect((await connect(event, lambdaContext('connect'))).statusCode).toBe(200);
    const sent = harness.sqs.messages(harness.queues.delivery).filter((m) => m.body.includes(id));
    expect(sent).toHaveLength(1);
    const job = JSON.parse(sent[0]!.body) as DeliveryJob;
    expect(validators.DeliveryJob(job).ok).toBe(true);
    expect(job.reason === 'connect' ? job.recovery : 'not a connect job').toBe(c.expected);
  });

  it('refuses (401) an event without a valid authorizer context instead of guessing a user', async () => {
    const event = connectEvent('ConnD1dUCDoECFmQ=', (e) => {
      delete e.requestContext.authorizer;
    });
    expect(await connect(event, lambdaContext('connect'))).toEqual({ statusCode: 401 });
    const bad = connectEvent('ConnE1dUCDoECFmQ=', (e) => {
      e.requestContext.authorizer = { ...e.requestContext.authorizer!, realm: 'a#b' };
    });
    expect(await connect(bad, lambdaContext('connect'))).toEqual({ statusCode: 401 });
    expect(await metaRow('ConnE1dUCDoECFmQ=')).toBeUndefined();
  });
});

describe('extendTTL and $default', () => {
  it('extendTTL refreshes the rows and replies ttl-extended', async () => {
    const before = (await metaRow('ConnA1dUCDoECFmQ='))?.expiresAt as number;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const result = await extendTtl(
      messageEvent('websocket-message-extend-ttl.json', 'ConnA1dUCDoECFmQ='),
      lambdaContext('extend-ttl'),
    );
    const frame = JSON.parse(result.body ?? '');
    expect(validators.TtlExtendedFrame(frame).ok).toBe(true);
    expect(frame.requestId).toBe('r-2');
    const after = (await metaRow('ConnA1dUCDoECFmQ='))?.expiresAt as number;
    expect(after).toBeGreaterThan(before);
    expect(Date.parse(frame.expiresAt) / 1000).toBe(after);
  });

  it('extendTTL of an unknown connection answers CONNECTION_NOT_FOUND', async () => {
    const result = await extendTtl(
      messageEvent('websocket-message-extend-ttl.json', 'NoSuchConnCFmQ='),
      lambdaContext('extend-ttl'),
    );
    expect(JSON.parse(result.body ?? '')).toMatchObject({
      kind: 'error',
      code: 'CONNECTION_NOT_FOUND',
      retryable: true,
    });
  });

  it.each([
    ['not json', 'INVALID_JSON', undefined],
    ['{"action":"publish","topic":"weather","requestId":"r-3"}', 'UNKNOWN_ACTION', 'r-3'],
    ['{"action":"subscribe","topic":"weather","requestId":"r-5"}', 'INVALID_FRAME', 'r-5'],
    ['{"action":"ping","requestId":"r-4","oops":1}', 'INVALID_FRAME', 'r-4'],
  ])('$default answers %s with %s (requestId echoed)', async (body, code, requestId) => {
    const result = await defaultRoute(
      messageEvent('websocket-message-default.json', 'ConnA1dUCDoECFmQ=', body),
      lambdaContext('default'),
    );
    expect(result.statusCode).toBe(200);
    const frame = JSON.parse(result.body ?? '');
    expect(frame.code).toBe(code);
    expect(frame.requestId).toBe(requestId);
    expect(validators.ErrorFrame(frame).ok).toBe(true);
    expect(result.body).not.toMatch(/\.ts:\d+|\.js:\d+/);
  });

  it('$default answers UNKNOWN_ACTION (not INTERNAL_ERROR) for an action nested 15,000 levels deep', async () => {
    const depth = 15_000;
    const body = `{"action":${'['.repeat(depth)}${']'.repeat(depth)},"requestId":"r-5"}`;
    expect(body.length).toBeLessThan(32 * 1024);
    const result = await defaultRoute(
      messageEvent('websocket-message-default.json', 'ConnA1dUCDoECFmQ=', body),
      lambdaContext('default'),
    );
    expect(JSON.parse(result.body ?? '')).toEqual({
      kind: 'error',
      code: 'UNKNOWN_ACTION',
      message: 'unknown action (an array)',
      retryable: false,
      requestId: 'r-5',
    });
  });
});

describe('$disconnect', () => {
  it('deletes every row of the connection and is idempotent', async () => {
    const event = fixture<WebSocketDisconnectEvent>('websocket-disconnect.json');
    event.requestContext.connectionId = 'ConnA1dUCDoECFmQ=';
    expect(await disconnect(event, lambdaContext('disconnect'))).toEqual({ statusCode: 200 });
    expect(await metaRow('ConnA1dUCDoECFmQ=')).toBeUndefined();
    const topicRow = await harness.dynamo.documentClient.send(
      new GetCommand({
        TableName: harness.dynamo.tableName,
        Key: {
          pk: topicPartition(
            'acme',
            open2,
            partitionOf('ConnA1dUCDoECFmQ=', topicRegistry[open2].partitions),
          ),
          sk: 'conn#ConnA1dUCDoECFmQ=',
        },
      }),
    );
    expect(topicRow.Item).toBeUndefined();
    expect(await disconnect(event, lambdaContext('disconnect'))).toEqual({ statusCode: 200 });
  });
});
