/**
 * The token check job through the real handlers on the local edge (DynamoDB, SQS, `@connections`), on a stack
 * that closes connections whose token expired (CLOSE_EXPIRED_TOKENS_AFTER_SECONDS=2): `$connect` enqueues the
 * job delayed to exp + 2 s; the delivery worker sends it on when it comes early, closes (TOKEN_EXPIRED, 4101)
 * when due, and leaves a gone connection alone; an invalid job fails its item.
 */
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenCheckJob } from '../core/model.js';
import type { WebSocketConnectEvent, WebSocketRouteResult } from './events.js';
import { fixture, type HandlerHarness, lambdaContext, startHandlerHarness } from './testing/harness.js';

const AFTER_SECONDS = 2;
let harness: HandlerHarness;
let connect: (event: WebSocketConnectEvent, context: Context) => Promise<WebSocketRouteResult>;
let deliveryWorker: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

beforeAll(async () => {
  harness = await startHandlerHarness({ CLOSE_EXPIRED_TOKENS_AFTER_SECONDS: String(AFTER_SECONDS) });
  connect = (await import('./connect.js')).handler;
  deliveryWorker = (await import('./delivery-worker.js')).handler;
});
afterAll(async () => {
  await harness?.stop();
});

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** `$connect` with a token expiring at `tokenExp`; the socket answers posts (open). */
async function connectWithToken(connectionId: string, tokenExp: number) {
  const event = fixture<WebSocketConnectEvent>('websocket-connect.json');
  event.requestContext.connectionId = connectionId;
  event.requestContext.connectedAt = Date.now();
  event.requestContext.authorizer = {
    ...event.requestContext.authorizer!,
    userId: 'alice',
    realm: 'acme',
    roles: 'user',
    tokenExp: String(tokenExp),
  };
  expect((await connect(event, lambdaContext('connect'))).statusCode).toBe(200);
  harness.management.open.add(connectionId);
}

const checksFor = (connectionId: string) =>
  harness.sqs
    .messages(harness.queues.delivery)
    .filter((m) => m.body.includes('"token-check"') && m.body.includes(connectionId));

function sqsEvent(bodies: string[]): SQSEvent {
  const template = fixture<SQSEvent>('sqs-delivery.json').Records[0]!;
  return {
    Records: bodies.map((body, index) => ({
      ...structuredClone(template),
      messageId: `tc-${index}-${Math.random().toString(36).slice(2)}`,
      body,
    })),
  };
}

const runWorker = (bodies: string[]) => deliveryWorker(sqsEvent(bodies), lambdaContext('delivery-worker'));

describe('token check job (CLOSE_EXPIRED_TOKENS_AFTER_SECONDS set)', () => {
  it('$connect enqueues it on the delivery queue, delayed to exp + the setting', async () => {
    const exp = nowSeconds() + 100;
    await connectWithToken('TcDelay1CIhw=', exp);
    const [message] = checksFor('TcDelay1CIhw=');
    expect(JSON.parse(message!.body)).toEqual({
      reason: 'token-check',
      connectionId: 'TcDelay1CIhw=',
      userId: 'alice',
      realm: 'acme',
      tokenExpiresAt: exp,
      correlationId: expect.any(String),
    });
    const delay = (message!.visibleAt - message!.sentTimestamp) / 1000;
    expect(delay).toBeGreaterThanOrEqual(100 + AFTER_SECONDS - 2);
    expect(delay).toBeLessThanOrEqual(100 + AFTER_SECONDS + 1);
  });

  it('received before it is due: sent on for the rest, nothing posted', async () => {
    await connectWithToken('TcEarly1CIhw=', nowSeconds() + 60);
    const body = checksFor('TcEarly1CIhw=')[0]!.body;
    expect(await runWorker([body])).toEqual({ batchItemFailures: [] });
    expect(checksFor('TcEarly1CIhw=')).toHaveLength(2);
    expect(harness.management.framesTo('TcEarly1CIhw=')).toEqual([]);
  });

  it('due: posts TOKEN_EXPIRED (closeCode 4101) and closes; a repeat is harmless (410)', async () => {
    await connectWithToken('TcDue1CIhw=', nowSeconds() - AFTER_SECONDS);
    const body = checksFor('TcDue1CIhw=')[0]!.body;
    expect(await runWorker([body])).toEqual({ batchItemFailures: [] });
    expect(harness.management.framesTo('TcDue1CIhw=')).toEqual([
      expect.objectContaining({ kind: 'error', code: 'TOKEN_EXPIRED', closeCode: 4101 }),
    ]);
    expect(harness.management.open.has('TcDue1CIhw=')).toBe(false);
    expect(await runWorker([body])).toEqual({ batchItemFailures: [] });
    expect(harness.management.framesTo('TcDue1CIhw=')).toHaveLength(1);
  });

  it('a connection without rows (disconnected, or never registered) is left alone', async () => {
    const job: TokenCheckJob = {
      reason: 'token-check',
      connectionId: 'TcGone1CIhw=',
      userId: 'alice',
      realm: 'acme',
      tokenExpiresAt: nowSeconds() - 100,
      correlationId: 'c-gone',
    };
    harness.management.open.add('TcGone1CIhw=');
    expect(await runWorker([JSON.stringify(job)])).toEqual({ batchItemFailures: [] });
    expect(harness.management.framesTo('TcGone1CIhw=')).toEqual([]);
    expect(harness.management.open.has('TcGone1CIhw=')).toBe(true);
  });

  it('an invalid token check job fails its item (to the DLQ after the receive limit)', async () => {
    const bad = JSON.stringify({
      reason: 'token-check',
      connectionId: 'TcBad1CIhw=',
      correlationId: 'c-bad',
    });
    const event = sqsEvent([bad]);
    const result = await deliveryWorker(event, lambdaContext('delivery-worker'));
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
  });
});
