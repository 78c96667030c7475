/**
 * The Kafka router's settings: which topic of this stack is which contract channel (`KAFKA_TOPICS`), and the
 * failure queue its rejected records go to (`FAILURE_QUEUE_URL`). Read at cold start: a missing or malformed
 * value fails naming the variable.
 */
import { type KafkaChannelName, kafkaChannelNames } from '../../../generated/kafka.js';
import { ConfigurationError } from '../../core/errors.js';
import { requireString, requireUrl } from './config.js';

type Env = Record<string, string | undefined>;

/**
 * Records per invocation of the Kafka router, one definition for a stack's event source mapping
 * (`kafka.batchSize`, infra/pulumi/kafka-config.ts) and the local platform's consumer (src/local/kafka).
 */
export const kafkaBatchSize = { min: 1, max: 10_000, default: 100 } as const;

/** Kafka's legal topic names. */
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

/** `KAFKA_TOPICS`: `broadcast-stream=wspush-dev-broadcast,user-stream=wspush-dev-user` (every channel, distinct). */
export function kafkaTopics(env: Env = process.env): Record<KafkaChannelName, string> {
  const name = 'KAFKA_TOPICS';
  const raw = requireString(name, env);
  const found = new Map<string, string>();
  for (const pair of raw.split(',')) {
    const [channel, topic, extra] = pair.split('=').map((s) => s.trim());
    if (
      !channel ||
      !topic ||
      extra !== undefined ||
      !(kafkaChannelNames as readonly string[]).includes(channel)
    )
      throw new ConfigurationError(
        name,
        `"${pair}" is not <channel>=<topic> (channels: ${kafkaChannelNames.join(', ')})`,
      );
    if (!TOPIC_NAME.test(topic)) throw new ConfigurationError(name, `"${topic}" is not a Kafka topic name`);
    found.set(channel, topic);
  }
  const missing = kafkaChannelNames.filter((c) => !found.has(c));
  if (missing.length > 0) throw new ConfigurationError(name, `names no topic for ${missing.join(', ')}`);
  if (new Set(found.values()).size !== found.size)
    throw new ConfigurationError(name, 'gives two channels the same topic');
  return Object.fromEntries(found) as Record<KafkaChannelName, string>;
}

/** The `KAFKA_TOPICS` value for a topic map (Pulumi and the local platform write it). */
export function formatKafkaTopics(topics: Record<KafkaChannelName, string>): string {
  return kafkaChannelNames.map((c) => `${c}=${topics[c]}`).join(',');
}

export const failureQueueUrl = (env?: Env): string => requireUrl('FAILURE_QUEUE_URL', env);
