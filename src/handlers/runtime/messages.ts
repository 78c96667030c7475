/** Parsing and logging of SNS / SQS message bodies before validation. */
import type { SNSEvent, SNSEventRecord } from 'aws-lambda';
import { matchesPattern } from '../../../generated/patterns.js';
import { parseJson } from '../../core/envelopes.js';
import { ValidationError } from '../../core/errors.js';
import type { BroadcastEnvelope, UserEnvelope } from '../../core/model.js';
import { systemClock } from '../../core/ports.js';
import { type TraceSource, traceInvalid, tracePublished } from '../../core/tracing.js';
import { count, log, withCorrelationId } from './observability.js';
import { logTraceSink } from './trace-log.js';

const traceDeps = { trace: logTraceSink, clock: systemClock, random: Math.random };

/** The correlation id of a (possibly invalid) message, when it has a usable one. */
export function correlationIdOf(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const value = (data as Record<string, unknown>).correlationId;
  return matchesPattern('CorrelationId', value) ? value : undefined;
}

/**
 * The publisher's SNS message attributes (`realm`, `topic` / `userId`, `type`), for logs only: the body
 * is authoritative and routing never depends on them.
 */
export function snsAttributes(record: SNSEventRecord): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [name, attribute] of Object.entries(record.Sns.MessageAttributes ?? {})) {
    if (attribute.Type === 'String' && typeof attribute.Value === 'string')
      attributes[name] = attribute.Value.slice(0, 128);
  }
  return attributes;
}

/**
 * Parses and validates a message body. An invalid one is logged with its correlation id, counted as
 * InvalidMessages and rethrown (the caller's failure path: on-failure destination or DLQ), never delivered.
 */
export function parseAndValidate<T>(
  subject: string,
  body: string,
  validate: (data: unknown) => T,
  logContext: Record<string, unknown>,
  via?: TraceSource,
): T {
  let data: unknown;
  try {
    data = parseJson(subject, body);
    return validate(data);
  } catch (error) {
    if (error instanceof ValidationError) {
      count('InvalidMessages');
      log.error(`invalid ${subject}: not delivered`, {
        ...logContext,
        correlationId: correlationIdOf(data),
        errors: error.errors,
        bodyBytes: Buffer.byteLength(body),
      });
      traceInvalid(traceDeps, data, error.message, via);
    }
    throw error;
  }
}

/**
 * The SNS routers' loop: each record's body is parsed and validated as `subject` (an invalid one is logged,
 * counted and thrown: the invocation fails, SNS retries it, then the on-failure destination keeps it), then
 * routed under its correlation id. `logContext` (SNS message id, attributes) is for the caller's log line.
 */
/** Where an SNS record came from, for the `published` hop (`publisher`: the publisher's own attribute). */
function snsSource(record: SNSEventRecord, attributes: Record<string, string>): TraceSource {
  const via: TraceSource = {
    transport: 'sns',
    source: record.Sns.TopicArn,
    sourceMessageId: record.Sns.MessageId,
  };
  if (attributes.publisher) via.publisher = attributes.publisher;
  return via;
}

export async function routeSnsRecords<T extends BroadcastEnvelope | UserEnvelope>(
  event: SNSEvent,
  subject: string,
  validate: (data: unknown) => T,
  route: (envelope: T, logContext: Record<string, unknown>) => Promise<void>,
): Promise<void> {
  for (const record of event.Records) {
    const attributes = snsAttributes(record);
    const logContext = { snsMessageId: record.Sns.MessageId, attributes };
    const via = snsSource(record, attributes);
    const envelope = parseAndValidate(subject, record.Sns.Message, validate, logContext, via);
    await withCorrelationId(envelope.correlationId, async () => {
      tracePublished(traceDeps, envelope, via);
      await route(envelope, logContext);
    });
  }
}
