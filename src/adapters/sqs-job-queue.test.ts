/** The SQS adapter with the real SDK client against a minimal local SQS JSON endpoint. */
import { type SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SQS_SEND_CONCURRENCY, SqsJobQueue } from './sqs-job-queue.js';
import { startLocalSqs } from './testing/local-sqs.js';

let sqs: Awaited<ReturnType<typeof startLocalSqs>>;
let queue: SqsJobQueue<{ n: number; text?: string }>;

beforeAll(async () => {
  sqs = await startLocalSqs();
  const client = new SQSClient({
    endpoint: sqs.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  queue = new SqsJobQueue(client, sqs.queueUrl);
});
afterAll(async () => {
  await sqs?.stop();
});

describe('SqsJobQueue', () => {
  it('sends one job as JSON with DelaySeconds', async () => {
    await queue.send({ n: 1 }, { delaySeconds: 2 });
    expect(sqs.calls.at(-1)).toEqual({
      action: 'SendMessage',
      input: { QueueUrl: sqs.queueUrl, MessageBody: '{"n":1}', DelaySeconds: 2 },
    });
  });

  it('batches at most 10 entries and 256 KiB per call, and retries failed entries', async () => {
    sqs.calls.length = 0;
    const big = 'x'.repeat(100_000);
    const jobs = [
      ...Array.from({ length: 12 }, (_, n) => ({ n })),
      { n: 12, text: big },
      { n: 13, text: big },
      { n: 14, text: big },
      { n: 15, text: 'failEntry' },
    ];
    await queue.sendAll(jobs);
    const batches = sqs.calls.filter((c) => c.action === 'SendMessageBatch');
    for (const batch of batches) {
      const entries = batch.input.Entries as Array<{ MessageBody: string }>;
      expect(entries.length).toBeLessThanOrEqual(10);
      expect(entries.reduce((sum, e) => sum + Buffer.byteLength(e.MessageBody), 0)).toBeLessThanOrEqual(
        262_144,
      );
    }
    const bodies = batches.flatMap((b) =>
      (b.input.Entries as Array<{ MessageBody: string }>).map((e) => e.MessageBody),
    );
    // every job sent, the failed one twice
    expect(new Set(bodies).size).toBe(16);
    expect(bodies.filter((b) => b.includes('failEntry'))).toHaveLength(2);
  });

  it('keeps up to SQS_SEND_CONCURRENCY batches in flight', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const entries: string[] = [];
    const client = {
      send: async (command: SendMessageBatchCommand) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        entries.push(...(command.input.Entries ?? []).map((e) => e.MessageBody ?? ''));
        return { Successful: [], Failed: [] };
      },
    } as unknown as SQSClient;
    await new SqsJobQueue<{ n: number }>(client, 'q').sendAll(Array.from({ length: 200 }, (_, n) => ({ n })));
    expect(maxInFlight).toBe(SQS_SEND_CONCURRENCY);
    expect(new Set(entries).size).toBe(200);
  });

  it('changes the visibility of a received message', async () => {
    await queue.changeVisibility('rh-1', 4);
    expect(sqs.calls.at(-1)).toEqual({
      action: 'ChangeMessageVisibility',
      input: { QueueUrl: sqs.queueUrl, ReceiptHandle: 'rh-1', VisibilityTimeout: 4 },
    });
  });
});
