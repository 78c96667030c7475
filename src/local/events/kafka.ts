/**
 * Builds the Kafka → Lambda (event source mapping) event exactly as AWS delivers it: records grouped by
 * `<topic>-<partition>`, key and value base64, each header a `{name: [byte, …]}` object. Used by the local
 * platform's Kafka consumer and by tests (`aws:kafka` for MSK, `SelfManagedKafka` otherwise).
 */
import type { KafkaEvent, KafkaEventRecord } from '../../handlers/kafka-events.js';

/** A consumed record, as a Kafka client hands it over (raw bytes). */
export interface KafkaSourceRecord {
  topic: string;
  partition: number;
  offset: number;
  /** Epoch milliseconds. */
  timestamp: number;
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers?: readonly (readonly [string, Buffer | string])[];
}

export interface KafkaEventOptions {
  eventSource: KafkaEvent['eventSource'];
  bootstrapServers: string;
  /** MSK cluster ARN (aws:kafka). */
  eventSourceArn?: string;
}

const bytes = (data: Buffer | string): Buffer =>
  typeof data === 'string' ? Buffer.from(data, 'utf8') : data;

export function toKafkaEventRecord(record: KafkaSourceRecord): KafkaEventRecord {
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    timestampType: 'CREATE_TIME',
    key: record.key === null ? null : bytes(record.key).toString('base64'),
    value: record.value === null ? null : bytes(record.value).toString('base64'),
    headers: (record.headers ?? []).map(([name, value]) => ({ [name]: [...bytes(value)] })),
  };
}

export function kafkaEvent(records: readonly KafkaSourceRecord[], options: KafkaEventOptions): KafkaEvent {
  const grouped: KafkaEvent['records'] = {};
  for (const record of records) {
    const id = `${record.topic}-${record.partition}`;
    const list = grouped[id] ?? [];
    list.push(toKafkaEventRecord(record));
    grouped[id] = list;
  }
  for (const list of Object.values(grouped)) list.sort((a, b) => a.offset - b.offset);
  return {
    eventSource: options.eventSource,
    ...(options.eventSource === 'aws:kafka' && options.eventSourceArn
      ? { eventSourceArn: options.eventSourceArn }
      : {}),
    bootstrapServers: options.bootstrapServers,
    records: grouped,
  };
}
