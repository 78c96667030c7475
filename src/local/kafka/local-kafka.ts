/**
 * Kafka in the local platform (`npm start -- --kafka-brokers host:port`): the Kafka router's failure queue on
 * the edge, its environment, and one event source mapping per contract Kafka channel (as in AWS: one topic and
 * one consumer group each) reading the developer's own broker. Without the option none of this exists.
 */
import { type KafkaChannelName, kafkaChannelNames, kafkaChannels } from '../../../generated/index.js';
import { formatKafkaTopics } from '../../handlers/runtime/kafka-config.js';
import type { Edge } from '../edge/index.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import {
  type KafkaConsumerPort,
  type KafkaEventSource,
  startKafkaEventSource,
} from './kafka-event-source.js';
import { kafkajsConsumer } from './kafkajs-consumer.js';

export interface LocalKafkaOptions {
  /** `host:port` of the developer's brokers. */
  brokers: readonly string[];
  /** Test seam: a consumer per mapping instead of kafkajs (no broker runs in this project's tests). */
  consumer?: (channel: KafkaChannelName) => KafkaConsumerPort;
  /** Records per invocation; default 100 (AWS's default). */
  batchSize?: number;
  /** Retries before the failure queue; default 2. */
  maxRetryAttempts?: number;
  retryDelaysMs?: readonly number[];
  /** Read the topics from their beginning (a new consumer group); default: only new records. */
  fromBeginning?: boolean;
}

export const KAFKA_FUNCTION = 'kafka-router';

/** The local topic of each channel: `<prefix><suffix>`, as a stack's default. */
export function localKafkaTopics(prefix: string): Record<KafkaChannelName, string> {
  return Object.fromEntries(
    kafkaChannelNames.map((c) => [c, `${prefix}${kafkaChannels[c].suffix}`]),
  ) as Record<KafkaChannelName, string>;
}

/** Creates the failure queue and returns the router's environment (before any handler loads). */
export function prepareLocalKafka(
  edge: Edge,
  prefix: string,
): { env: Record<string, string>; failureQueue: string } {
  const failureQueue = `${prefix}-${KAFKA_FUNCTION}-failures`;
  if (!edge.sqs.has(failureQueue)) {
    edge.sqs.createQueue(failureQueue, { MessageRetentionPeriod: String(14 * 24 * 3600) });
  }
  edge.resources.queues[failureQueue] = edge.queueUrl(failureQueue);
  return {
    failureQueue,
    env: {
      KAFKA_TOPICS: formatKafkaTopics(localKafkaTopics(prefix)),
      FAILURE_QUEUE_URL: edge.queueUrl(failureQueue),
    },
  };
}

/** Starts one mapping per channel into the Kafka router; the edge's failure queue is the on-failure destination. */
export async function startLocalKafka(
  options: LocalKafkaOptions,
  deps: { edge: Edge; runtime: LambdaRuntime; prefix: string; failureQueue: string },
): Promise<KafkaEventSource[]> {
  const topics = localKafkaTopics(deps.prefix);
  const sources: KafkaEventSource[] = [];
  for (const channel of kafkaChannelNames) {
    const consumer = options.consumer?.(channel) ?? (await kafkajsConsumer({ brokers: options.brokers }));
    sources.push(
      startKafkaEventSource(consumer, deps.runtime, {
        functionName: KAFKA_FUNCTION,
        topics: [topics[channel]],
        groupId: `${deps.prefix}${kafkaChannels[channel].consumerGroupSuffix}`,
        bootstrapServers: options.brokers.join(','),
        ...(options.batchSize !== undefined ? { batchSize: options.batchSize } : {}),
        ...(options.maxRetryAttempts !== undefined ? { maxRetryAttempts: options.maxRetryAttempts } : {}),
        ...(options.retryDelaysMs !== undefined ? { retryDelaysMs: options.retryDelaysMs } : {}),
        fromBeginning: options.fromBeginning ?? false,
        onFailure: async (description) => {
          deps.edge.sqs.send(deps.failureQueue, { body: JSON.stringify(description) });
        },
      }),
    );
  }
  return sources;
}
