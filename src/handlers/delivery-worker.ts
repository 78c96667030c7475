/**
 * Delivery worker (SQS delivery queue, partial batch responses): welcome, topic history, then the inbox.
 * A failed job fails its item so SQS redelivers it. With DELIVERY_QUEUE_URL set, a connection not open yet (or
 * throttled) is retried after a short backoff (ChangeMessageVisibility) instead of the queue's full visibility
 * timeout, and so are the first two receives of a job that failed otherwise: until a connect job succeeds, the
 * routers hold that connection's live messages for its welcome. Invalid jobs fail their item and end in the DLQ after the receive limit.
 * Token check jobs (stacks that close connections whose token expired) close the connection when it is due; a
 * failed one is retried after the same short backoff, so the close stays close to its due time.
 */
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsJobQueue } from '../adapters/sqs-job-queue.js';
import { type DeliveryWorker, retryDelaySeconds } from '../core/delivery-worker.js';
import { validateDeliveryQueueJob } from '../core/envelopes.js';
import { RetryLaterError } from '../core/errors.js';
import type { DeliveryJob, TokenCheckJob } from '../core/model.js';
import type { TokenChecks } from '../core/token-expiry.js';
import { batchProcessor } from './runtime/batch.js';
import { optionalString } from './runtime/config.js';
import { parseAndValidate } from './runtime/messages.js';
import { count, instrumented, log, withCorrelationId } from './runtime/observability.js';
import { deliveryQueue, deliveryWorker, tokenChecks } from './runtime/services.js';

export interface DeliveryWorkerHandlerDeps {
  worker: DeliveryWorker;
  /** For short retries of not-yet-open connections; without it SQS's visibility timeout applies. */
  queue?: Pick<SqsJobQueue<DeliveryJob>, 'changeVisibility'>;
  /** On stacks that close connections whose token expired; without it a token check job is dropped (off). */
  tokenChecks?: TokenChecks;
}

export { retryDelaySeconds } from '../core/delivery-worker.js';

/** Receives of a job failed by an error (not RetryLaterError) that are retried after the short backoff. */
export const QUICK_RETRIES_OF_FAILED_JOBS = 2;

const receiveCountOf = (record: SQSRecord): number => Number(record.attributes.ApproximateReceiveCount) || 1;

export function createDeliveryWorkerHandler(deps: DeliveryWorkerHandlerDeps) {
  /** A short retry (1, 2, 4 … 30 s by receive count) instead of the queue's full visibility timeout. */
  const retryShortly = async (record: SQSRecord): Promise<number> => {
    const delay = retryDelaySeconds(receiveCountOf(record));
    await deps.queue?.changeVisibility(record.receiptHandle, delay).catch((visibilityError: unknown) => {
      log.warn('ChangeMessageVisibility failed', { error: visibilityError as Error });
    });
    return delay;
  };

  const processTokenCheck = async (
    job: TokenCheckJob,
    record: SQSRecord,
    logContext: Record<string, unknown>,
  ): Promise<void> => {
    const connectionId = job.connectionId;
    if (!deps.tokenChecks) {
      log.info('token check job dropped: this stack no longer closes expired tokens', { connectionId });
      return;
    }
    try {
      const outcome = await deps.tokenChecks.check(job);
      log.info('token check job done', { ...logContext, connectionId, outcome });
    } catch (error) {
      const retryInSeconds = await retryShortly(record);
      log.warn('token check job failed; retried', { ...logContext, connectionId, retryInSeconds, error });
      throw error;
    }
  };

  const processRecord = async (worker: DeliveryWorker, record: SQSRecord): Promise<void> => {
    const logContext = {
      sqsMessageId: record.messageId,
      receiveCount: record.attributes.ApproximateReceiveCount,
    };
    const job = parseAndValidate('delivery job', record.body, validateDeliveryQueueJob, logContext);
    if (job.reason === 'token-check') {
      await withCorrelationId(job.correlationId, () => processTokenCheck(job, record, logContext));
      return;
    }
    await withCorrelationId(job.correlationId, async () => {
      try {
        const result = await worker.process(job);
        count('Deliveries', (result.welcome ? 1 : 0) + result.replayed + result.offlineDelivered);
        count('OfflineDelivered', result.offlineDelivered);
        if (result.status === 'gone') count('Gone');
        log.info('delivery job done', {
          ...logContext,
          reason: job.reason,
          connectionId: job.connectionId,
          ...result,
        });
      } catch (error) {
        if (error instanceof RetryLaterError) {
          if (error.reason === 'throttled') count('Throttled');
          const delay = await retryShortly(record);
          log.info('connection not ready; delivery job retried later', {
            why: error.reason,
            ...logContext,
            connectionId: job.connectionId,
            retryInSeconds: deps.queue ? delay : 'visibility timeout',
          });
        } else {
          // The first failures are retried soon: the routers hold a connection's live messages until its connect
          // job is done. Later ones wait out the visibility timeout, so an outage does not dead-letter jobs in seconds.
          const soon = receiveCountOf(record) <= QUICK_RETRIES_OF_FAILED_JOBS;
          const delay = soon ? await retryShortly(record) : undefined;
          log.error('delivery job failed', {
            ...logContext,
            connectionId: job.connectionId,
            retryInSeconds: deps.queue && delay !== undefined ? delay : 'visibility timeout',
            error: error as Error,
          });
        }
        throw error;
      }
    });
  };

  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    // History reads are shared by this invocation's jobs only (a storm's batch replays the same topics).
    const worker = deps.worker.forInvocation();
    return instrumented(context, () =>
      processPartialResponse(event, (record: SQSRecord) => processRecord(worker, record), batchProcessor(), {
        context,
        throwOnFullBatchFailure: false,
      }),
    );
  };
}

export const handler = createDeliveryWorkerHandler({
  worker: deliveryWorker(),
  queue: optionalString('DELIVERY_QUEUE_URL') ? deliveryQueue() : undefined,
  tokenChecks: tokenChecks(),
});
