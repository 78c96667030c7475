/**
 * Checking one Kafka record against the contract before it is routed: the value's size, JSON, the envelope
 * and its payload (the same validators as the SNS routers), the record key and the `wspush-*` headers, all
 * as the contract's Kafka channels state them (generated/kafka.ts). A record that fails becomes a
 * `KafkaRejectedRecord` (contract schema) with the reason; it is never delivered.
 */
// Generated modules by name, never generated/index.js (its map of every validator would bloat the bundle).
import { limits } from '../../generated/codes.js';
import { formatErrors, wrapValidator } from '../../generated/field-errors.js';
import { type KafkaChannelEnvelopes, type KafkaChannelName, kafkaChannels } from '../../generated/kafka.js';
import type { KafkaEventSource, KafkaRejectedRecord, KafkaRejectionReason } from '../../generated/models.js';
import { validateKafkaRejectedRecord } from '../../generated/validators.js';
import { checkPublishedAt, parseJson, validateBroadcastEnvelope, validateUserEnvelope } from './envelopes.js';
import { type InvalidField, ValidationError } from './errors.js';

/** One record as the event source hands it over, decoded from base64 (adapter-neutral). */
export interface KafkaRecordInput {
  topic: string;
  partition: number;
  offset: number;
  /** Epoch milliseconds. */
  timestamp: number;
  /** UTF-8 key; null or undefined when the record has none. */
  key: string | null | undefined;
  /** Bytes of the value, known before it is decoded (the size check never decodes an oversized value). */
  valueBytes: number;
  /** The value decoded as UTF-8 (read only once the size is checked). */
  value(): string | null | undefined;
  /** The value as it arrived (base64), copied into a rejection so it can be fixed and produced again. */
  rawValue: string | null | undefined;
  /** Header name → UTF-8 values, in record order (a name may repeat). */
  headers: readonly (readonly [string, string])[];
}

export type CheckedRecord =
  | {
      [C in KafkaChannelName]: { ok: true; channel: C; envelope: KafkaChannelEnvelopes[C] };
    }[KafkaChannelName]
  | { ok: false; rejection: KafkaRejectedRecord };

/**
 * Each Kafka channel's envelope check, the SNS routers' own: schemas, then the publishedAt bound (the type
 * forces a new channel in here).
 */
const VALIDATE: {
  [C in KafkaChannelName]: (data: unknown, nowMs: number) => KafkaChannelEnvelopes[C];
} = {
  'broadcast-stream': (data, nowMs) =>
    checkPublishedAt('broadcast envelope', validateBroadcastEnvelope(data), nowMs),
  'user-stream': (data, nowMs) => checkPublishedAt('user envelope', validateUserEnvelope(data), nowMs),
};

const rejectedRecordSchema = wrapValidator(validateKafkaRejectedRecord);

/** Bounds of the rejection record's fields (its contract schema): never copy unbounded input. */
const MAX_KEY_CHARS = 256;
const MAX_ERRORS = 20;
const MAX_TEXT = 512;
const MAX_MESSAGE = 2048;

const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function quoted(text: string | null | undefined): string {
  return text === null || text === undefined ? 'none' : JSON.stringify(cut(text, 160));
}

export interface RecordSource {
  eventSource: KafkaEventSource;
  /** The channel whose topic this is, in this stack (undefined: not one of the stack's topics). */
  channelOf(topic: string): KafkaChannelName | undefined;
  now(): number;
}

function rejection(
  record: KafkaRecordInput,
  source: RecordSource,
  reason: KafkaRejectionReason,
  message: string,
  details: { errors?: readonly InvalidField[]; envelope?: unknown } = {},
): CheckedRecord {
  const envelope = (details.envelope ?? {}) as { correlationId?: unknown; messageId?: unknown };
  const rejected: KafkaRejectedRecord = {
    reason,
    message: cut(message, MAX_MESSAGE),
    errors: (details.errors ?? []).slice(0, MAX_ERRORS).map((e) => ({
      field: cut(e.field, MAX_TEXT),
      keyword: cut(e.keyword, 64),
      message: cut(e.message, MAX_TEXT),
    })),
    eventSource: source.eventSource,
    topic: cut(record.topic, 249),
    partition: record.partition,
    offset: record.offset,
    timestamp: record.timestamp,
    valueBytes: record.valueBytes,
    rejectedAt: new Date(source.now()).toISOString(),
  };
  if (typeof record.key === 'string') rejected.key = cut(record.key, MAX_KEY_CHARS);
  if (typeof envelope.correlationId === 'string') rejected.correlationId = envelope.correlationId;
  if (typeof envelope.messageId === 'string') rejected.messageId = envelope.messageId;
  if (reason !== 'TOO_LARGE' && typeof record.rawValue === 'string') rejected.value = record.rawValue;
  return { ok: false, rejection: conforming(rejected) };
}

/** The rejection as its contract schema allows: ids copied from an invalid envelope are dropped if malformed. */
function conforming(rejected: KafkaRejectedRecord): KafkaRejectedRecord {
  const result = rejectedRecordSchema(rejected);
  if (result.ok) return rejected;
  const { correlationId: _c, messageId: _m, ...rest } = rejected;
  const retry = rejectedRecordSchema(rest);
  if (!retry.ok) throw new Error(`bug: rejection record off its schema: ${formatErrors(retry.errors)}`);
  return rest;
}

/** The `wspush-*` headers the contract defines: each, when present, must carry the envelope's field. */
function headerProblems(channel: KafkaChannelName, record: KafkaRecordInput, envelope: object): string[] {
  const definition = kafkaChannels[channel];
  const expected = definition.headerValues(envelope as never);
  const problems: string[] = [];
  for (const [name, value] of record.headers) {
    const want = expected[name];
    if (want !== undefined && value !== want) {
      problems.push(
        `header ${name} ${quoted(value)} is not the envelope's ${definition.headers[name]} "${want}"`,
      );
    }
  }
  return problems;
}

/** Checks one record; never throws for bad input (only a rejection). */
export function checkKafkaRecord(record: KafkaRecordInput, source: RecordSource): CheckedRecord {
  const channel = source.channelOf(record.topic);
  if (channel === undefined) {
    return rejection(record, source, 'UNKNOWN_TOPIC', `topic ${quoted(record.topic)} is not a wspush topic`);
  }
  if (record.valueBytes > limits.maxEnvelopeBytes) {
    return rejection(
      record,
      source,
      'TOO_LARGE',
      `the value is ${record.valueBytes} bytes, over the ${limits.maxEnvelopeBytes}-byte envelope limit`,
    );
  }
  const text = record.value();
  let data: unknown;
  try {
    if (text === null || text === undefined) throw new ValidationError('record', [], 'no value');
    data = parseJson('record value', text);
  } catch {
    return rejection(record, source, 'INVALID_JSON', 'the record value is not JSON');
  }
  let envelope: KafkaChannelEnvelopes[typeof channel];
  try {
    envelope = VALIDATE[channel](data, source.now());
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return rejection(record, source, 'INVALID_ENVELOPE', error.message, {
      errors: error.errors,
      envelope: data,
    });
  }
  const definition = kafkaChannels[channel];
  const key = definition.key(envelope as never);
  if (record.key !== key) {
    return rejection(
      record,
      source,
      'KEY_MISMATCH',
      `the record key ${quoted(record.key)} is not the envelope's "${key}" (${definition.keyTemplate})`,
      { envelope },
    );
  }
  const problems = headerProblems(channel, record, envelope);
  if (problems.length > 0) {
    return rejection(record, source, 'HEADER_MISMATCH', problems.join('; '), { envelope });
  }
  return { ok: true, channel, envelope } as CheckedRecord;
}
