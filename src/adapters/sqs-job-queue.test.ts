/** The SQS adapter with the real SDK client against the local edge's SQS (the one `npm start` runs). */
import { type SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEdge, TEST_CREDENTIALS, type TestEdge } from '../local/edge/testing/test-edge.js';
import { SQS_SEND_CONCURRENCY, SqsJobQueue } from './sqs-job-queue.js';

let local: TestEdge;
let queueUrl: string;
let queue: SqsJobQueue<{ n: number; text?: string }>;

beforeAll(async () => {
  local = await startTestEdge();
  queueUrl = local.queueUrl('-delivery');
  const client = new SQSClient({ endpoint: local.url, region: 'us-east-1', credentials: TEST_CREDENTIALS });
  queue = new SqsJobQueue(client, queueUrl);
});
afterAll(async () => {
  await local?.stop();
});

describe('SqsJobQueue', () => {
  it('sends one job as JSON with DelaySeconds', async () => {
    local.edge.sqs.purge(local.edge.sqs.nameFromUrl(queueUrl));
    await queue.send({ n: 1 }, { delaySeconds: 2 });
    const [message] = local.messages(queueUrl);
    expect(message?.body).toBe('{"n":1}');
    expect(message!.visibleAt - message!.sentTimestamp).toBeGreaterThanOrEqual(2000);
    expect(message!.visibleAt - message!.sentTimestamp).toBeLessThan(3000);
  });

  it('batches within SQS limits (10 entries, 256 KiB) and retries failed entries: every job arrives once', async () => {
    local.edge.sqs.purge(local.edge.sqs.nameFromUrl(queueUrl));
    local.edge.faults.add({ kind: 'sqs-entry-failure', bodyContains: 'failEntry', times: 1 });
    const big = 'x'.repeat(100_000);
    const jobs = [
      ...Array.from({ length: 12 }, (_, n) => ({ n })),
      { n: 12, text: big },
      { n: 13, text: big },
      { n: 14, text: big },
      { n: 15, text: 'failEntry' },
    ];
    // The edge refuses a batch of more than 10 entries or 256 KiB, as SQS does: a send over them would throw.
    await queue.sendAll(jobs);
    const arrived = local.bodies(queueUrl).map((b) => (JSON.parse(b) as { n: number }).n);
    expect(arrived.sort((a, b) => a - b)).toEqual(jobs.map((j) => j.n));
    // The failed entry was sent again.
    expect(local.edge.faults.list()).toEqual([]);
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
    const name = local.edge.sqs.nameFromUrl(queueUrl);
    local.edge.sqs.purge(name);
    await queue.send({ n: 99 });
    const [received] = await local.edge.sqs.receive(name, { visibilityTimeout: 60 });
    await queue.changeVisibility(received!.receiptHandle, 4);
    const [message] = local.messages(queueUrl);
    expect(message!.visibleAt - Date.now()).toBeGreaterThan(3000);
    expect(message!.visibleAt - Date.now()).toBeLessThanOrEqual(4000);
  });
});
