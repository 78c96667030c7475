/** JobQueue over SQS: SendMessage (with DelaySeconds), SendMessageBatch, ChangeMessageVisibility. */
import {
  ChangeMessageVisibilityCommand,
  SendMessageBatchCommand,
  type SendMessageBatchRequestEntry,
  SendMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { mapWithConcurrency } from '../core/concurrency.js';
import { QueueError } from '../core/errors.js';
import type { JobQueue, QueueSendOptions } from '../core/ports.js';
import { queuePolicy } from '../core/queue-policy.js';

/** SQS limits: 10 entries per batch, 256 KiB for the whole batch request. */
export const SQS_BATCH_ENTRIES = 10;
export const SQS_BATCH_BYTES = 262_144;
/** SendMessageBatch calls one sendAll keeps in flight. */
export const SQS_SEND_CONCURRENCY = 8;
/** DelaySeconds are 0–900 s (visibility timeouts 0–43,200 s). */
const MAX_DELAY_SECONDS = queuePolicy.maxDelaySeconds;

export class SqsJobQueue<T> implements JobQueue<T> {
  constructor(
    private readonly client: SQSClient,
    readonly queueUrl: string,
  ) {}

  async send(job: T, options?: QueueSendOptions): Promise<void> {
    const delay = options?.delaySeconds;
    try {
      await this.client.send(
        new SendMessageCommand({
          QueueUrl: this.queueUrl,
          MessageBody: JSON.stringify(job),
          DelaySeconds:
            delay === undefined ? undefined : Math.max(0, Math.min(MAX_DELAY_SECONDS, Math.round(delay))),
        }),
      );
    } catch (cause) {
      throw new QueueError(`SendMessage to ${this.queueUrl} failed`, { cause });
    }
  }

  /**
   * Batches of at most 10 entries and 256 KiB, SQS_SEND_CONCURRENCY batches in flight (a router enqueuing a
   * large audience's shards one batch after another could outlast its timeout); entries reported as Failed are
   * retried once.
   */
  async sendAll(jobs: readonly T[]): Promise<void> {
    const batches: SendMessageBatchRequestEntry[][] = [];
    let batch: SendMessageBatchRequestEntry[] = [];
    let bytes = 0;
    for (const [index, job] of jobs.entries()) {
      const body = JSON.stringify(job);
      const size = Buffer.byteLength(body);
      if (batch.length === SQS_BATCH_ENTRIES || (batch.length > 0 && bytes + size > SQS_BATCH_BYTES)) {
        batches.push(batch);
        batch = [];
        bytes = 0;
      }
      batch.push({ Id: String(index), MessageBody: body });
      bytes += size;
    }
    if (batch.length > 0) batches.push(batch);
    await mapWithConcurrency(batches, SQS_SEND_CONCURRENCY, (entries) => this.sendBatch(entries));
  }

  /** Makes a received message visible again after `seconds` (a short retry instead of the full timeout). */
  async changeVisibility(receiptHandle: string, seconds: number): Promise<void> {
    try {
      await this.client.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: this.queueUrl,
          ReceiptHandle: receiptHandle,
          VisibilityTimeout: Math.max(0, Math.round(seconds)),
        }),
      );
    } catch (cause) {
      throw new QueueError(`ChangeMessageVisibility on ${this.queueUrl} failed`, { cause });
    }
  }

  private async sendBatch(entries: SendMessageBatchRequestEntry[]): Promise<void> {
    let pending = entries;
    for (let attempt = 1; attempt <= 2 && pending.length > 0; attempt++) {
      let failedIds: string[];
      try {
        const output = await this.client.send(
          new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: pending }),
        );
        failedIds = (output.Failed ?? []).map((f) => f.Id ?? '');
      } catch (cause) {
        throw new QueueError(`SendMessageBatch to ${this.queueUrl} failed`, { cause });
      }
      pending = pending.filter((entry) => failedIds.includes(entry.Id ?? ''));
    }
    if (pending.length > 0)
      throw new QueueError(`${pending.length} message(s) not accepted by ${this.queueUrl}`);
  }
}
