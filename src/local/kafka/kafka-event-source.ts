/**
 * The local Kafka event source mapping: what AWS's Kafka ESM does, against the developer's own broker. Each
 * partition batch the consumer hands over is cut into invocations of at most `batchSize` records, the function
 * is invoked synchronously with a `SelfManagedKafka` event, and the response is honoured like AWS does
 * (docs/operations.md#kafka):
 *
 * - `batchItemFailures` `{partition: '<topic>-<partition>', offset}`: the records before the lowest reported
 *   offset are done (committed), the partition is retried from it;
 * - a thrown error or a malformed response: the whole invocation is retried;
 * - after `maxRetryAttempts` retries the records still failing are described to the on-failure destination
 *   (the local failure queue, in the shape of the AWS record) and the partition moves on.
 *
 * Not emulated: bisection of a failing batch (a retry here covers the same records), provisioned pollers.
 */
import type { KafkaBatchResponse } from '../../handlers/kafka-events.js';
import { kafkaBatchSize } from '../../handlers/runtime/kafka-config.js';
import { type KafkaSourceRecord, kafkaEvent } from '../events/kafka.js';

/** A partition's records, in offset order, as a consumer hands them over. */
export interface ConsumedBatch {
  topic: string;
  partition: number;
  records: KafkaSourceRecord[];
}

/** The part of a Kafka consumer the event source needs (kafkajs-consumer.ts; tests pass an in-process fake). */
export interface KafkaConsumerPort {
  /**
   * Joins `groupId`, consumes `topics` and calls `onBatch` with each partition batch, one at a time per
   * partition. `done(offset)` marks that offset (and those before it) processed: the consumer commits it and,
   * after a restart, resumes after it.
   */
  run(options: {
    topics: readonly string[];
    groupId: string;
    fromBeginning: boolean;
    onBatch(batch: ConsumedBatch, done: (offset: number) => void): Promise<void>;
  }): Promise<void>;
  stop(): Promise<void>;
}

export interface KafkaEventSourceOptions {
  functionName: string;
  topics: readonly string[];
  groupId: string;
  bootstrapServers: string;
  /** Records per invocation (the mapping's batch size); default 100. */
  batchSize?: number;
  /** Retries of a failing record before its batch goes to the failure destination; default 2. */
  maxRetryAttempts?: number;
  /** Delay before retry n (the last one repeats); default 200, 1000 ms. */
  retryDelaysMs?: readonly number[];
  fromBeginning?: boolean;
  /** The on-failure destination: receives the AWS-shaped description of records that kept failing. */
  onFailure(description: Record<string, unknown>): Promise<void>;
}

export interface KafkaEventSourceStats {
  invocations: number;
  records: number;
  retries: number;
  sentToFailureDestination: number;
}

export interface KafkaEventSource {
  stats(): KafkaEventSourceStats;
  stop(): Promise<void>;
}

/** The offset to resume the partition from, `'all'` to retry the whole chunk, or undefined: all done. */
export function resumeOffset(
  response: unknown,
  topic: string,
  partition: number,
  chunk: readonly KafkaSourceRecord[],
): number | 'all' | undefined {
  if (response === undefined || response === null || typeof response !== 'object') return undefined;
  const failures = (response as Partial<KafkaBatchResponse>).batchItemFailures;
  if (failures === undefined || failures === null) return undefined;
  if (!Array.isArray(failures)) return 'all';
  const offsets = new Set(chunk.map((r) => r.offset));
  let lowest: number | undefined;
  for (const failure of failures) {
    const id = (failure as { itemIdentifier?: { partition?: unknown; offset?: unknown } })?.itemIdentifier;
    // An identifier that names no record of this invocation fails the whole batch, as in AWS.
    if (id?.partition !== `${topic}-${partition}` || typeof id.offset !== 'number' || !offsets.has(id.offset))
      return 'all';
    lowest = lowest === undefined ? id.offset : Math.min(lowest, id.offset);
  }
  return lowest;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function startKafkaEventSource(
  consumer: KafkaConsumerPort,
  runtime: { invoke(name: string, event: unknown): Promise<unknown> },
  options: KafkaEventSourceOptions,
): KafkaEventSource {
  const batchSize = options.batchSize ?? kafkaBatchSize.default;
  const maxRetries = options.maxRetryAttempts ?? 2;
  const delays = options.retryDelaysMs ?? [200, 1000];
  const stats: KafkaEventSourceStats = {
    invocations: 0,
    records: 0,
    retries: 0,
    sentToFailureDestination: 0,
  };
  let stopping = false;

  async function invoke(topic: string, partition: number, chunk: KafkaSourceRecord[]) {
    stats.invocations += 1;
    stats.records += chunk.length;
    const event = kafkaEvent(chunk, {
      eventSource: 'SelfManagedKafka',
      bootstrapServers: options.bootstrapServers,
    });
    try {
      return resumeOffset(await runtime.invoke(options.functionName, event), topic, partition, chunk);
    } catch {
      return 'all';
    }
  }

  /** One invocation's records, retried from where they fail until done or out of retries. */
  async function deliver(
    topic: string,
    partition: number,
    records: KafkaSourceRecord[],
    done: (o: number) => void,
  ) {
    let pending = records;
    for (let attempt = 0; pending.length > 0 && !stopping; attempt++) {
      const resume = await invoke(topic, partition, pending);
      const last = pending[pending.length - 1] as KafkaSourceRecord;
      if (resume === undefined) {
        done(last.offset);
        return;
      }
      const from = resume === 'all' ? 0 : pending.findIndex((r) => r.offset === resume);
      if (from > 0) done((pending[from - 1] as KafkaSourceRecord).offset);
      pending = pending.slice(from);
      if (attempt >= maxRetries) {
        const first = pending[0] as KafkaSourceRecord;
        await options.onFailure({
          version: '1.0',
          timestamp: new Date().toISOString(),
          requestContext: {
            requestId: `local-${topic}-${partition}-${first.offset}`,
            functionArn: `arn:aws:lambda:us-east-1:000000000000:function:${options.functionName}`,
            condition: 'RetryAttemptsExhausted',
            approximateInvokeCount: attempt + 1,
          },
          responseContext: { statusCode: 200, executedVersion: '$LATEST', functionError: 'Unhandled' },
          KafkaBatchInfo: {
            batchSize: pending.length,
            topic,
            partition,
            firstOffset: first.offset,
            lastOffset: last.offset,
            bootstrapServers: options.bootstrapServers,
          },
        });
        stats.sentToFailureDestination += pending.length;
        done(last.offset);
        return;
      }
      stats.retries += 1;
      await sleep(delays[Math.min(attempt, delays.length - 1)] ?? 0);
    }
  }

  const running = consumer
    .run({
      topics: options.topics,
      groupId: options.groupId,
      fromBeginning: options.fromBeginning ?? false,
      onBatch: async ({ topic, partition, records }, done) => {
        for (let start = 0; start < records.length && !stopping; start += batchSize) {
          await deliver(topic, partition, records.slice(start, start + batchSize), done);
        }
      },
    })
    .catch((error: unknown) => {
      process.stderr.write(
        `kafka event source (${options.topics.join(', ')}) stopped: ${error instanceof Error ? error.message : String(error)}\n`,
      );
    });

  return {
    stats: () => ({ ...stats }),
    async stop() {
      stopping = true;
      await consumer.stop();
      await running;
    },
  };
}
