/**
 * SQS event-source mapping: pollers that receive batches (up to 10) from a queue, invoke a function with
 * an SQS event, delete the records that succeeded and honour `batchItemFailures`. Failed records stay in
 * the queue and come back after the visibility timeout (then go to the DLQ after maxReceiveCount);
 * a thrown error or an invalid response fails the whole batch, as in AWS.
 */
import { buildSqsEvent, type SqsReceivedMessage } from '../events/sqs.js';
import type { LambdaRuntime } from './runtime.js';

/** The part of the local SQS engine the poller uses (`SqsService` in `src/local/edge`). */
export interface PollableQueues {
  readonly region: string;
  queueArn(name: string): string;
  receive(
    name: string,
    options: {
      maxMessages?: number;
      waitTimeSeconds?: number;
      visibilityTimeout?: number;
      signal?: AbortSignal;
    },
  ): Promise<SqsReceivedMessage[]>;
  deleteMessage(name: string, receiptHandle: string): void;
}

export interface SqsEventSourceOptions {
  queueName: string;
  functionName: string;
  /** 1..10, default 10 */
  batchSize?: number;
  /** concurrent batches in flight for this mapping; default 5 */
  maxConcurrency?: number;
  /** long-poll wait per receive; default 1 s so stop() is prompt even without abort support */
  waitTimeSeconds?: number;
}

export interface SqsEventSourceStats {
  batches: number;
  records: number;
  succeeded: number;
  failed: number;
  wholeBatchFailures: number;
}

export interface SqsEventSource {
  readonly options: Readonly<SqsEventSourceOptions>;
  stats(): SqsEventSourceStats;
  stop(): Promise<void>;
}

interface BatchResponse {
  batchItemFailures?: Array<{ itemIdentifier?: unknown }>;
}

/** The ids that failed, or `'all'` when the response is malformed (AWS then retries the whole batch). */
export function failedIds(response: unknown, batch: readonly SqsReceivedMessage[]): Set<string> | 'all' {
  if (response === undefined || response === null || typeof response !== 'object') return new Set();
  const failures = (response as BatchResponse).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return 'all';
  const ids = new Set(batch.map((m) => m.messageId));
  const failed = new Set<string>();
  for (const failure of failures) {
    const id = failure?.itemIdentifier;
    if (typeof id !== 'string' || !ids.has(id)) return 'all';
    failed.add(id);
  }
  return failed;
}

export function startSqsEventSource(
  queues: PollableQueues,
  runtime: LambdaRuntime,
  options: SqsEventSourceOptions,
): SqsEventSource {
  const batchSize = options.batchSize ?? 10;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10)
    throw new Error('batchSize must be from 1 to 10');
  const concurrency = options.maxConcurrency ?? 5;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new Error('maxConcurrency must be a positive integer');
  const wait = options.waitTimeSeconds ?? 1;
  const abort = new AbortController();
  const counters: SqsEventSourceStats = {
    batches: 0,
    records: 0,
    succeeded: 0,
    failed: 0,
    wholeBatchFailures: 0,
  };
  const queueArn = queues.queueArn(options.queueName);

  async function processBatch(batch: SqsReceivedMessage[]): Promise<void> {
    counters.batches += 1;
    counters.records += batch.length;
    let failed: Set<string> | 'all';
    try {
      const response = await runtime.invoke(
        options.functionName,
        buildSqsEvent(batch, { queueArn, region: queues.region }),
      );
      failed = failedIds(response, batch);
    } catch {
      failed = 'all';
    }
    if (failed === 'all') {
      counters.wholeBatchFailures += 1;
      counters.failed += batch.length;
      return;
    }
    for (const message of batch) {
      if (failed.has(message.messageId)) {
        counters.failed += 1;
        continue;
      }
      try {
        queues.deleteMessage(options.queueName, message.receiptHandle);
        counters.succeeded += 1;
      } catch {
        // The queue was deleted meanwhile; nothing left to delete.
      }
    }
  }

  async function pollLoop(): Promise<void> {
    while (!abort.signal.aborted) {
      let batch: SqsReceivedMessage[];
      try {
        batch = await queues.receive(options.queueName, {
          maxMessages: batchSize,
          waitTimeSeconds: wait,
          signal: abort.signal,
        });
      } catch {
        // Queue missing (deleted or not created yet): back off instead of spinning.
        await new Promise((r) => setTimeout(r, 500));
        continue;
      }
      if (batch.length > 0) await processBatch(batch);
    }
  }

  const loops = Array.from({ length: concurrency }, () => pollLoop());

  return {
    options: { ...options, batchSize, maxConcurrency: concurrency, waitTimeSeconds: wait },
    stats: () => ({ ...counters }),
    async stop() {
      abort.abort();
      // In-flight invocations finish (their results still delete or release messages) before stop resolves.
      await Promise.allSettled(loops);
    },
  };
}
