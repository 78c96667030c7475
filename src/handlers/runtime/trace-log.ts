/**
 * The functions' trace sink: each trace record is one JSON log line (Powertools, so it carries the function,
 * request, cold start and X-Ray trace ids and the correlation id), found by `trace = "wspush.trace.v1"`.
 * Records are INFO lines: a stack whose log level is WARN or ERROR writes none (docs/operations.md).
 *
 * The local platform runs the handlers in its own process and listens here to keep the records itself.
 */
import type { TraceRecord, TraceSink } from '../../core/tracing.js';
import { logger } from './observability.js';

type TraceListener = (record: TraceRecord) => void;

const listeners = new Set<TraceListener>();

/** Calls `listener` with every record written in this process; returns the unsubscribe function. */
export function addTraceListener(listener: TraceListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const logTraceSink: TraceSink = {
  record(record) {
    logger.info(`trace ${record.hop}`, { ...record });
    for (const listener of listeners) listener(record);
  },
};
