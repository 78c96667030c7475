/**
 * The publisher's Kafka transport: the same typed, validated API as the SNS publisher, producing each envelope
 * as a record of the contract's Kafka channel (generated/kafka.ts): value the envelope (JSON), key `{realm}` or
 * `{realm}#{userId}` (one user's records share a partition, so they are routed in produce order), and the
 * `wspush-*` headers. The producer is a port: `createKafkaProducer` (kafkajs, pure JavaScript) or a fake.
 */
import type { SASLOptions } from 'kafkajs';
import { type KafkaChannelName, kafkaChannels } from '../../generated/kafka.js';
import {
  type AnyTopicPublishInput,
  type AnyUserPublishInput,
  type EnvelopeDefaults,
  type PreparedMessage,
  prepareTopicMessage,
  prepareUserMessage,
} from './envelope.js';
import type { BatchEntryResult, Publisher, PublishResult } from './publisher.js';

/** One record as the producer sends it (UTF-8 key, value and header values). */
export interface KafkaRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** What the transport needs of a producer (kafkajs's `Producer` satisfies it). */
export interface KafkaProducerPort {
  send(request: {
    topic: string;
    messages: KafkaRecord[];
    acks?: number;
  }): Promise<readonly { partition: number; baseOffset?: string; topicName?: string }[]>;
}

export interface KafkaPublisherOptions extends EnvelopeDefaults {
  producer: KafkaProducerPort;
  /** The Kafka topic of each channel (stack output `kafkaTopics`; locally `wspush-local-broadcast` / `-user`). */
  topics: Record<KafkaChannelName, string>;
}

/** Records per produce call and their bytes: below Kafka's default 1 MiB `message.max.bytes` per batch. */
export const KAFKA_BATCH_MAX_RECORDS = 500;
export const KAFKA_BATCH_MAX_BYTES = 900_000;

/** The record of a prepared envelope, as the contract's channel states it. */
export function toKafkaRecord(channel: KafkaChannelName, prepared: PreparedMessage): KafkaRecord {
  const definition = kafkaChannels[channel];
  const envelope = prepared.envelope as never;
  return {
    key: definition.key(envelope),
    value: prepared.message,
    headers: definition.headerValues(envelope),
  };
}

function recordBytes(record: KafkaRecord): number {
  let bytes = Buffer.byteLength(record.key) + Buffer.byteLength(record.value);
  for (const [name, value] of Object.entries(record.headers)) bytes += name.length + Buffer.byteLength(value);
  return bytes;
}

/** Splits records into produce calls of at most 500 records and 900 kB, in order. */
export function chunkRecords<T extends { record: KafkaRecord }>(entries: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = recordBytes(entry.record);
    if (
      current.length > 0 &&
      (current.length === KAFKA_BATCH_MAX_RECORDS || bytes + size > KAFKA_BATCH_MAX_BYTES)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

export function createKafkaPublisher(options: KafkaPublisherOptions): Publisher {
  const { producer, topics } = options;
  for (const channel of Object.keys(kafkaChannels) as KafkaChannelName[]) {
    if (!topics?.[channel]) throw new TypeError(`createKafkaPublisher: topics['${channel}'] is required`);
  }

  async function publishOne(channel: KafkaChannelName, prepared: PreparedMessage): Promise<PublishResult> {
    const topic = topics[channel];
    // acks -1: every in-sync replica has the record before the publish resolves.
    const [metadata] = await producer.send({ topic, messages: [toKafkaRecord(channel, prepared)], acks: -1 });
    return {
      messageId: prepared.envelope.messageId,
      correlationId: prepared.envelope.correlationId,
      snsMessageId: undefined,
      kafka: { topic, partition: metadata?.partition, offset: metadata?.baseOffset },
    };
  }

  async function publishMany(
    channel: KafkaChannelName,
    count: number,
    prepare: (index: number) => PreparedMessage,
  ): Promise<BatchEntryResult[]> {
    const topic = topics[channel];
    const results: BatchEntryResult[] = new Array(count);
    const valid: { index: number; prepared: PreparedMessage; record: KafkaRecord }[] = [];
    for (let index = 0; index < count; index++) {
      try {
        const prepared = prepare(index);
        valid.push({ index, prepared, record: toKafkaRecord(channel, prepared) });
      } catch (error) {
        results[index] = { ok: false, index, messageId: undefined, error: asError(error) };
      }
    }
    for (const chunk of chunkRecords(valid)) {
      // One produce call per chunk: it succeeds or fails as a whole (records keep their order per key).
      let failure: Error | undefined;
      try {
        await producer.send({ topic, messages: chunk.map((e) => e.record), acks: -1 });
      } catch (error) {
        failure = asError(error);
      }
      for (const { index, prepared } of chunk) {
        results[index] = failure
          ? { ok: false, index, messageId: prepared.envelope.messageId, error: failure }
          : {
              ok: true,
              index,
              messageId: prepared.envelope.messageId,
              correlationId: prepared.envelope.correlationId,
              snsMessageId: undefined,
              kafka: { topic },
            };
      }
    }
    return results;
  }

  return {
    publishToTopic: async (input) => publishOne('broadcast-stream', prepareTopicMessage(input, options)),
    publishToUser: async (input) => publishOne('user-stream', prepareUserMessage(input, options)),
    publishUncheckedToTopic: async (input) =>
      publishOne('broadcast-stream', prepareTopicMessage(input, options)),
    publishUncheckedToUser: async (input) => publishOne('user-stream', prepareUserMessage(input, options)),
    publishToTopicBatch: (entries) =>
      publishMany('broadcast-stream', entries.length, (i) =>
        prepareTopicMessage(entries[i] as AnyTopicPublishInput, options),
      ),
    publishToUserBatch: (entries) =>
      publishMany('user-stream', entries.length, (i) =>
        prepareUserMessage(entries[i] as AnyUserPublishInput, options),
      ),
  };
}

export interface KafkaConnectionOptions {
  /** `host:port` of one or more brokers. */
  brokers: readonly string[];
  clientId?: string;
  /** TLS to the brokers (MSK, Confluent Cloud, …). */
  ssl?: boolean;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  /** Retries of a failed produce or connect (kafkajs; at least 1, which idempotence needs); default 5. */
  retries?: number;
  /** Milliseconds to wait for a broker connection; default 3000. */
  connectionTimeoutMs?: number;
}

/**
 * A connected idempotent kafkajs producer (pure JavaScript, no native build); kafkajs is loaded only when a
 * Kafka transport is asked for. Call `disconnect()` when done.
 */
export async function createKafkaProducer(
  options: KafkaConnectionOptions,
): Promise<KafkaProducerPort & { disconnect(): Promise<void> }> {
  const { Kafka, logLevel } = await import('kafkajs');
  const kafka = new Kafka({
    clientId: options.clientId ?? 'wspush-publisher',
    brokers: [...options.brokers],
    ssl: options.ssl ?? false,
    ...(options.sasl ? { sasl: options.sasl as SASLOptions } : {}),
    connectionTimeout: options.connectionTimeoutMs ?? 3000,
    retry: { retries: Math.max(1, options.retries ?? 5) },
    logLevel: logLevel.NOTHING,
  });
  // Idempotent: a retried produce never writes a record twice or out of order within its partition.
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
  });
  await producer.connect();
  return {
    send: (request) => producer.send(request),
    disconnect: () => producer.disconnect(),
  };
}
