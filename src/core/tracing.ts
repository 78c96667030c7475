/**
 * Trace records ("where is my message?"): one record per hop of a message, in the contract's TraceRecord
 * shape, written through the `TraceSink` port. The services call these helpers; no handler builds a record.
 *
 * Cheap at scale: a broadcast shard is one record with counts, per-connection records only for connections
 * that did not get it now (gone, connecting, throttled, retried, too large), plus a sample of successes
 * (`sampleRate`, per stack). A user message has few connections: each gets a record.
 */
import type {
  BroadcastEnvelope,
  DeliveryReason,
  TraceCounts,
  TraceFormat,
  TraceHop,
  TraceRecord,
  TraceResult,
  TraceSource,
  UserEnvelope,
} from '../../generated/models.js';
import { matchesPattern, patterns } from '../../generated/patterns.js';
import type { Clock, RandomSource } from './ports.js';

export type { TraceCounts, TraceHop, TraceRecord, TraceResult, TraceSource };

/** The `trace` marker of every record: what the log query filters on. */
export const TRACE_FORMAT: TraceFormat = 'wspush.trace.v1';

/** Where trace records go: the function log on AWS, a store in the local platform, an array in tests. */
export interface TraceSink {
  record(record: TraceRecord): void;
}

export const noTrace: TraceSink = { record: () => {} };

/** What a service needs to trace: the sink and the share of per-connection successes kept (0..1). */
export interface TraceDeps {
  trace?: TraceSink;
  /** Per-connection `delivered` records of broadcasts, sampled (0 = none, 1 = all). Default 0. */
  traceSampleRate?: number;
  clock: Clock;
  random: RandomSource;
}

type Envelope = BroadcastEnvelope | UserEnvelope;
type HopFields = Omit<TraceRecord, 'trace' | 'hop' | 'at'>;

/** The fields that name the message in every record of its journey. */
export function messageFields(envelope: Envelope): HopFields {
  const base: HopFields = {
    messageId: envelope.messageId,
    correlationId: envelope.correlationId,
    publishedAt: envelope.publishedAt,
    realm: envelope.realm,
  };
  return 'topic' in envelope
    ? { ...base, kind: 'topic', topic: envelope.topic }
    : { ...base, kind: 'user', userId: envelope.userId, type: envelope.type };
}

/** Writes one hop of `envelope`'s journey, stamped with the clock's time. */
export function traceHop(deps: TraceDeps, envelope: Envelope, hop: TraceHop, fields: HopFields = {}): void {
  if (!deps.trace) return;
  deps.trace.record({
    trace: TRACE_FORMAT,
    hop,
    at: new Date(deps.clock.now()).toISOString(),
    ...messageFields(envelope),
    ...fields,
  });
}

/** Whether a per-connection success is kept, per the sample rate. */
export function sampled(deps: TraceDeps): boolean {
  const rate = deps.traceSampleRate ?? 0;
  return rate > 0 && deps.trace !== undefined && deps.random() < rate;
}

/** One post's outcome as a trace result; `connecting` is a 410 before the socket opened. */
export type PostTraceOutcome =
  | 'ok'
  | 'gone'
  | 'connecting'
  | 'throttled'
  | 'failed'
  | 'too-large'
  | 'deferred';

/** A 410's resolution: still connecting (kept), or gone (its rows removed). */
export function goneOutcome(resolution: { status: 'connecting' | 'removed' }): PostTraceOutcome {
  return resolution.status === 'connecting' ? 'connecting' : 'gone';
}

export function traceResult(outcome: PostTraceOutcome): TraceResult {
  switch (outcome) {
    case 'ok':
      return 'delivered';
    case 'failed':
      return 'retried';
    default:
      return outcome;
  }
}

/** `published`: a message taken off SNS or Kafka by a router. */
export function tracePublished(deps: TraceDeps, envelope: Envelope, via: TraceSource): void {
  traceHop(deps, envelope, 'published', { via });
}

const MAX_REASON = 1000;

/** A reason fits the contract's `reason` (at most 1,000 characters). */
export function traceReason(text: string): string {
  return text.length <= MAX_REASON ? text : `${text.slice(0, MAX_REASON - 1)}…`;
}

/** A message id or correlation id, per the contract's patterns: what a trace is looked up by. */
export function isTraceId(value: unknown): value is string {
  return matchesPattern('MessageId', value) || matchesPattern('CorrelationId', value);
}

/** Why `value` is not a trace id; a long value is cut before it is quoted (it may be unbounded input). */
export function notATraceId(value: string): string {
  const shown = value.length > 64 ? `${value.slice(0, 64)}…` : value;
  return `${JSON.stringify(shown)} is not a message id or correlation id (${patterns.MessageId.source})`;
}

/** The ids of an input that failed validation, where it has usable ones (top level or in `envelope`/`message`). */
export function idsOfInvalid(data: unknown): Pick<TraceRecord, 'messageId' | 'correlationId'> {
  const ids: Pick<TraceRecord, 'messageId' | 'correlationId'> = {};
  const sources = [data];
  if (typeof data === 'object' && data !== null) {
    const record = data as Record<string, unknown>;
    sources.push(record.envelope, record.message);
  }
  for (const source of sources) {
    if (typeof source !== 'object' || source === null) continue;
    const { messageId, correlationId } = source as Record<string, unknown>;
    if (ids.messageId === undefined && matchesPattern('MessageId', messageId)) ids.messageId = messageId;
    if (ids.correlationId === undefined && matchesPattern('CorrelationId', correlationId))
      ids.correlationId = correlationId;
  }
  return ids;
}

/**
 * `dead-lettered` for an input that can never be delivered (it fails the contract): kept by the failure
 * destination or DLQ, never posted. Written only when the input names a message or correlation id.
 */
export function traceInvalid(
  deps: Pick<TraceDeps, 'trace' | 'clock'>,
  data: unknown,
  reason: string,
  via?: TraceSource,
): void {
  const ids = idsOfInvalid(data);
  if (!deps.trace || (ids.messageId === undefined && ids.correlationId === undefined)) return;
  deps.trace.record({
    trace: TRACE_FORMAT,
    hop: 'dead-lettered',
    at: new Date(deps.clock.now()).toISOString(),
    ...ids,
    ...(via ? { via } : {}),
    reason: traceReason(reason),
  });
}

/** Per-connection record of a post, for the job that made it. */
export function tracePost(
  deps: TraceDeps,
  envelope: Envelope,
  hop: 'posted' | 'delivered-on-connect',
  connectionId: string,
  outcome: PostTraceOutcome,
  extra: HopFields & { job?: DeliveryReason } = {},
): void {
  traceHop(deps, envelope, hop, { connectionId, result: traceResult(outcome), ...extra });
}
