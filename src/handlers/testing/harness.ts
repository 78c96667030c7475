/**
 * Everything the handlers talk to, on loopback: the local edge (src/local/edge/testing/test-edge.ts — the
 * DynamoDB, SQS and `@connections` emulators `npm start` runs) with the table created, nothing consuming the
 * queues and a `RecordingRegistry` behind `@connections`. Sets the handlers' environment; import the handlers
 * *after* `startHandlerHarness()` (they read it at cold start).
 */
import { readFileSync } from 'node:fs';
import type { Context } from 'aws-lambda';
import { DynamoConnectionStore } from '../../adapters/dynamodb-connection-store.js';
import { DynamoTable } from '../../adapters/dynamodb-table.js';
import { startTestEdge } from '../../local/edge/testing/test-edge.js';

const TABLE_NAME = 'wspush-handlers';

export async function startHandlerHarness(extraEnv: Record<string, string> = {}) {
  const local = await startTestEdge();
  const documentClient = await local.createTable(TABLE_NAME);
  const queues = { delivery: local.queueUrl('-delivery'), fanout: local.queueUrl('-fanout') };
  Object.assign(process.env, {
    TABLE_NAME,
    AWS_ENDPOINT_URL: local.url,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    WS_MANAGEMENT_ENDPOINT: local.managementEndpoint,
    DELIVERY_QUEUE_URL: queues.delivery,
    FANOUT_QUEUE_URL: queues.fanout,
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...extraEnv,
  });
  return {
    local,
    dynamo: { tableName: TABLE_NAME, documentClient },
    /** The `@connections` side: `open` connections answer 200, `posts`/`framesTo` are what they got. */
    management: local.registry,
    /** What was sent to the queues (nothing consumes them). */
    sqs: { bodies: local.bodies, messages: local.messages },
    queues,
    /**
     * Marks a connection welcomed, as its welcome job does: routers then post to it instead of holding its
     * messages (src/core/welcome-hold.ts). For tests that start from an open connection.
     */
    async welcomed(connectionId: string): Promise<void> {
      const store = new DynamoConnectionStore(new DynamoTable(documentClient, { tableName: TABLE_NAME }));
      await store.markWelcomed(connectionId, Date.now());
    },
    /** Jobs sent to a queue, parsed. */
    jobs: <T>(queueUrl: string): T[] => local.bodies(queueUrl).map((body) => JSON.parse(body) as T),
    stop: () => local.stop(),
  };
}

export type HandlerHarness = Awaited<ReturnType<typeof startHandlerHarness>>;

const fixturesDir = new URL('../../../test/fixtures/events/', import.meta.url);

/** A fixture from test/fixtures/events, deep-copied so a test may change it. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(name, fixturesDir), 'utf8')) as T;
}

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: '8f5c2b7e-1d3a-4c6b-9e0f-123456789abc',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/27/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}
