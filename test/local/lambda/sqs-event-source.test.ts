import {
  GetQueueAttributesCommand,
  type QueueAttributeName,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Edge, startEdge } from '../../../src/local/edge/index.js';
import { createLambdaRuntime, failedIds, type LambdaRuntime } from '../../../src/local/lambda/index.js';
import { clientConfig, eventually, RecordingRegistry } from '../edge/helpers.js';

const batches: SQSEvent[] = [];
let inFlight = 0;
let maxInFlight = 0;

let edge: Edge;
let runtime: LambdaRuntime;
let sqs: SQSClient;

beforeAll(async () => {
  runtime = createLambdaRuntime({
    loadHandler: async (name) => {
      if (name === 'delivery-worker') {
        // Fails every record whose body starts with "fail" (partial batch response).
        return async (event): Promise<SQSBatchResponse> => {
          const e = event as SQSEvent;
          batches.push(e);
          return {
            batchItemFailures: e.Records.filter((r) => r.body.startsWith('fail')).map((r) => ({
              itemIdentifier: r.messageId,
            })),
          };
        };
      }
      if (name === 'fanout-worker') {
        return async (event) => {
          const e = event as SQSEvent;
          inFlight += 1;
          maxInFlight = Math.max(maxInFlight, inFlight);
          await new Promise((r) => setTimeout(r, 50));
          inFlight -= 1;
          if (e.Records.some((r) => r.body === 'throw')) throw new Error('whole batch fails');
          return {};
        };
      }
      throw new Error(`no fixture ${name}`);
    },
  });
  edge = await startEdge({
    host: '127.0.0.1',
    port: 0,
    registry: new RecordingRegistry(),
    runtime,
    queueVisibilityTimeoutSeconds: 1,
    subscriptions: {
      sqs: [
        { queueName: 'wspush-local-delivery', functionName: 'delivery-worker', waitTimeSeconds: 1 },
        { queueName: 'wspush-local-fanout', functionName: 'fanout-worker', maxConcurrency: 2, batchSize: 1 },
      ],
    },
  });
  sqs = new SQSClient(clientConfig(edge.url));
});
afterAll(async () => {
  sqs.destroy();
  await edge.stop();
  await runtime.stop();
});

async function count(queue: string, attribute: string): Promise<number> {
  const { Attributes } = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: edge.queueUrl(queue), AttributeNames: [attribute as 'All'] }),
  );
  return Number(Attributes?.[attribute as QueueAttributeName]);
}

describe('SQS event-source mapping', () => {
  it('invokes the worker with SQS events shaped as in AWS, deletes successes and redelivers batchItemFailures until the DLQ', async () => {
    const queueUrl = edge.queueUrl('wspush-local-delivery');
    await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: [
          {
            Id: 'ok',
            MessageBody: 'ok-1',
            MessageAttributes: { kind: { DataType: 'String', StringValue: 'drain' } },
          },
          { Id: 'bad', MessageBody: 'fail-1' },
        ],
      }),
    );
    const first = await eventually(() => batches[0]);
    const okRecord = first.Records.find((r) => r.body === 'ok-1');
    expect(okRecord).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:wspush-local-delivery',
      awsRegion: 'us-east-1',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        kind: { stringValue: 'drain', dataType: 'String', stringListValues: [], binaryListValues: [] },
      },
    });
    expect(okRecord?.receiptHandle).toBeTruthy();
    expect(Number(okRecord?.attributes.SentTimestamp)).toBeGreaterThan(0);
    // The failed record comes back after the 1 s visibility timeout, 5 receives in all, then lands in the DLQ.
    const dlq = await eventually(
      async () =>
        (await count('wspush-local-delivery-dlq', 'ApproximateNumberOfMessages')) === 1 ? true : undefined,
      15_000,
    );
    expect(dlq).toBe(true);
    const failReceives = batches
      .flatMap((b) => b.Records)
      .filter((r) => r.body === 'fail-1')
      .map((r) => r.attributes.ApproximateReceiveCount);
    expect(failReceives).toEqual(['1', '2', '3', '4', '5']);
    expect(batches.flatMap((b) => b.Records).filter((r) => r.body === 'ok-1')).toHaveLength(1);
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: edge.queueUrl('wspush-local-delivery-dlq') }),
    );
    expect(Messages?.[0]?.Body).toBe('fail-1');
    expect(edge.eventSources[0]?.stats()).toMatchObject({ succeeded: 1, failed: 5 });
  }, 20_000);

  it('fails the whole batch when the worker throws, and bounds concurrency', async () => {
    const queueUrl = edge.queueUrl('wspush-local-fanout');
    for (let i = 0; i < 6; i += 1)
      await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: `job-${i}` }));
    await sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'throw' }));
    await eventually(() => ((edge.eventSources[1]?.stats().wholeBatchFailures ?? 0) >= 1 ? true : undefined));
    await eventually(() => ((edge.eventSources[1]?.stats().succeeded ?? 0) === 6 ? true : undefined));
    expect(maxInFlight).toBeGreaterThanOrEqual(1);
    expect(maxInFlight).toBeLessThanOrEqual(2);
    expect(runtime.stats()['fanout-worker']?.errors).toBeGreaterThanOrEqual(1);
  });
});

describe('failedIds', () => {
  const batch = [{ messageId: 'a' }, { messageId: 'b' }] as unknown as Parameters<typeof failedIds>[1];
  it('reads batchItemFailures and treats malformed responses as a whole-batch failure', () => {
    expect(failedIds(undefined, batch)).toEqual(new Set());
    expect(failedIds({ batchItemFailures: [] }, batch)).toEqual(new Set());
    expect(failedIds({ batchItemFailures: [{ itemIdentifier: 'b' }] }, batch)).toEqual(new Set(['b']));
    expect(failedIds({ batchItemFailures: [{ itemIdentifier: 'zzz' }] }, batch)).toBe('all');
    expect(failedIds({ batchItemFailures: [{ itemIdentifier: '' }] }, batch)).toBe('all');
    expect(failedIds({ batchItemFailures: 'b' }, batch)).toBe('all');
  });
});
