/**
 * Everything the handlers talk to, on loopback: dynalite (the table), a minimal SQS endpoint behind the same
 * `AWS_ENDPOINT_URL` (requests are routed by their `x-amz-target`), and a management API. Sets the handlers'
 * environment; import the handlers *after* `startHandlerHarness()` (they read it at cold start).
 */
import { readFileSync } from 'node:fs';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from 'aws-lambda';
import { startLocalDynamo } from '../../adapters/testing/local-dynamodb.js';
import { startLocalManagementApi } from '../../adapters/testing/local-management-api.js';
import { createSqsResponder } from '../../adapters/testing/local-sqs.js';

export async function startHandlerHarness(extraEnv: Record<string, string> = {}) {
  const dynamo = await startLocalDynamo('wspush-handlers');
  const management = await startLocalManagementApi();
  const sqs = createSqsResponder();
  const dynamoUrl = new URL(dynamo.endpoint);
  const edge = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const target = String(req.headers['x-amz-target'] ?? '');
      if (target.startsWith('AmazonSQS.')) {
        const output = sqs.respond(
          target.slice('AmazonSQS.'.length),
          JSON.parse(body.toString('utf8') || '{}'),
        );
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
        res.end(JSON.stringify(output));
        return;
      }
      const forward = request(
        {
          host: dynamoUrl.hostname,
          port: dynamoUrl.port,
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (upstream) => {
          res.writeHead(upstream.statusCode ?? 500, upstream.headers);
          upstream.pipe(res);
        },
      );
      forward.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      forward.end(body);
    });
  });
  await new Promise<void>((resolve) => edge.listen(0, '127.0.0.1', resolve));
  const edgeUrl = `http://127.0.0.1:${(edge.address() as AddressInfo).port}`;
  const queues = {
    delivery: `${edgeUrl}/000000000000/wspush-test-delivery`,
    fanout: `${edgeUrl}/000000000000/wspush-test-fanout`,
  };
  Object.assign(process.env, {
    TABLE_NAME: dynamo.tableName,
    AWS_ENDPOINT_URL: edgeUrl,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'test',
    AWS_SECRET_ACCESS_KEY: 'test',
    WS_MANAGEMENT_ENDPOINT: management.endpoint,
    DELIVERY_QUEUE_URL: queues.delivery,
    FANOUT_QUEUE_URL: queues.fanout,
    POWERTOOLS_METRICS_DISABLED: 'true',
    ...extraEnv,
  });
  return {
    dynamo,
    management,
    sqs,
    queues,
    /** Jobs sent to a queue, parsed. */
    jobs: <T>(queueUrl: string): T[] => sqs.bodies(queueUrl).map((body) => JSON.parse(body) as T),
    async stop() {
      await new Promise<void>((resolve) => edge.close(() => resolve()));
      await management.stop();
      await dynamo.stop();
    },
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
