/**
 * Powertools Logger (JSON) and Metrics (EMF), one of each per process. Service name and namespace come
 * from POWERTOOLS_SERVICE_NAME / POWERTOOLS_METRICS_NAMESPACE, both defaulting to `wspush`.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DomainLogger } from '../../core/ports.js';
import type { LambdaContext } from '../events.js';

const serviceName = process.env.POWERTOOLS_SERVICE_NAME?.trim() || 'wspush';

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

/** The domain services log through the handler's logger (and so carry its correlation id). */
export const domainLogger: DomainLogger = {
  debug: (message, attributes) => logger.debug(message, attributes ?? {}),
  info: (message, attributes) => logger.info(message, attributes ?? {}),
  warn: (message, attributes) => logger.warn(message, attributes ?? {}),
  error: (message, attributes) => logger.error(message, attributes ?? {}),
};

/**
 * Runs `fn` with `correlationId` appended to every log line as a persistent key, removed afterwards
 * (a batch carries one correlation id per message).
 */
export async function withCorrelationId<T>(
  correlationId: string | undefined,
  fn: () => Promise<T>,
): Promise<T> {
  if (!correlationId) return fn();
  logger.appendPersistentKeys({ correlationId });
  try {
    return await fn();
  } finally {
    logger.removePersistentKeys(['correlationId']);
  }
}

/**
 * Runs a handler body with the Lambda context (function, request id, cold start) in every log line, and
 * always flushes the metrics (EMF), also when the body throws.
 */
export async function instrumented<T>(context: LambdaContext | undefined, fn: () => Promise<T>): Promise<T> {
  if (context) {
    logger.addContext({
      functionName: context.functionName,
      functionVersion: context.functionVersion,
      invokedFunctionArn: context.invokedFunctionArn,
      memoryLimitInMB: context.memoryLimitInMB,
      awsRequestId: context.awsRequestId,
      coldStart: false, // Logger tracks the cold start itself
    });
  }
  try {
    return await fn();
  } finally {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
    logger.resetKeys();
  }
}
