/**
 * Powertools Logger (JSON) and Metrics (EMF), one of each per process. Service name and namespace come
 * from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE, both defaulting to `wspush`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { DomainLogger } from '../../core/ports.js';
import type { LambdaContext } from '../events.js';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME?.trim() || 'wspush';

/** The Powertools Logger: configuration (level, Lambda context). Log through `log`, which adds the record's keys. */
export const logger = new Logger({ serviceName });
export const metrics = new Metrics({
  serviceName,
  namespace: process.env.POWERTOOLS_METRICS_NAMESPACE?.trim() || 'wspush',
});

/** The metric names of design.md §5. */
export type MetricName =
  | 'Connections'
  | 'Disconnections'
  | 'Deliveries'
  | 'Gone'
  | 'Throttled'
  | 'OfflineStored'
  | 'OfflineDelivered'
  | 'InvalidMessages'
  | 'KafkaRecordsRouted'
  | 'KafkaRecordsRejected'
  | 'KafkaRecordsRetried';

export function count(name: MetricName, value = 1): void {
  if (value > 0) metrics.addMetric(name, MetricUnit.Count, value);
}

/** The post outcomes of a fan-out (broadcast, fan-out shard, user message): Deliveries, Gone, Throttled. */
export function countPosts(summary: { delivered: number; gone: number; throttled: number }): void {
  count('Deliveries', summary.delivered);
  count('Gone', summary.gone);
  count('Throttled', summary.throttled);
}

/**
 * The keys of the record being handled (its correlation id), per async context: a batch's records are
 * processed in parallel, so keys set on the one shared logger would leak from one record's lines to another's.
 */
const recordKeys = new AsyncLocalStorage<Readonly<Record<string, string>>>();

function withRecordKeys(attributes: Record<string, unknown> | undefined): Record<string, unknown> {
  const keys = recordKeys.getStore();
  return keys === undefined ? (attributes ?? {}) : { ...attributes, ...keys };
}

/** Every handler and domain service (injected as their DomainLogger) logs here: each line carries the correlation id of its own record. */
export const log: DomainLogger = {
  debug: (message, attributes) => logger.debug(message, withRecordKeys(attributes)),
  info: (message, attributes) => logger.info(message, withRecordKeys(attributes)),
  warn: (message, attributes) => logger.warn(message, withRecordKeys(attributes)),
  error: (message, attributes) => logger.error(message, withRecordKeys(attributes)),
};

/**
 * Runs `fn` with `correlationId` on every line `log` writes inside it (and in everything it awaits), for
 * this record only: records handled in parallel each keep their own id.
 */
export function withCorrelationId<T>(correlationId: string | undefined, fn: () => Promise<T>): Promise<T> {
  if (!correlationId) return fn();
  return recordKeys.run({ ...recordKeys.getStore(), correlationId }, fn);
}

/**
 * Runs a handler body with the Lambda context (function, request id, cold start) in every log line, and
 * always flushes the metrics (EMF), also when the body throws.
 */
export async function instrumented<T>(context: LambdaContext | undefined, fn: () => Promise<T>): Promise<T> {
  // Powertools' manual mode of injectLambdaContext: function, request id and cold start on every line.
  if (context) logger.addContext(context as Context);
  try {
    return await fn();
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    logger.resetKeys();
  }
}
