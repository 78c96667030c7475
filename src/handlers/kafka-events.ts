/**
 * The event a Kafka event source mapping (Amazon MSK `aws:kafka`, or `SelfManagedKafka`) invokes a function
 * with, and the partial batch response it reads back (`ReportBatchItemFailures`). The local platform's Kafka
 * consumer builds the same event (src/local/kafka). `@types/aws-lambda` has no Kafka batch response type.
 */
import type { KafkaItemIdentifier } from '../core/kafka-batch.js';

/** One header: name → the value's bytes. */
export type KafkaEventHeader = Record<string, number[]>;

export interface KafkaEventRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  timestampType: 'CREATE_TIME' | 'LOG_APPEND_TIME';
  /** Base64; absent or null when the record has no key. */
  key?: string | null;
  /** Base64; null for a tombstone. */
  value: string | null;
  headers: KafkaEventHeader[];
}

export interface KafkaEvent {
  eventSource: 'aws:kafka' | 'SelfManagedKafka';
  /** The MSK cluster (aws:kafka only). */
  eventSourceArn?: string;
  bootstrapServers?: string;
  /** `<topic>-<partition>` → that partition's records in offset order. */
  records: Record<string, KafkaEventRecord[]>;
}

/** The event source resumes each reported partition from the reported offset (lowest one per partition). */
export interface KafkaBatchResponse {
  batchItemFailures: { itemIdentifier: KafkaItemIdentifier }[];
}
