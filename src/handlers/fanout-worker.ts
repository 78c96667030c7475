/** Fan-out worker (SQS fan-out queue, partial batch responses): posts one shard of a large topic audience. */
import { processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { BroadcastService } from '../core/broadcast.js';
import { validateFanoutJob } from '../core/envelopes.js';
import { postingDeadline } from '../core/posting.js';
import { batchProcessor } from './runtime/batch.js';
import { parseAndValidate } from './runtime/messages.js';
import { countPosts, instrumented, log, withCorrelationId } from './runtime/observability.js';
import { broadcastService } from './runtime/services.js';

export function createFanoutWorkerHandler(deps: { broadcast: BroadcastService }) {
  // A killed invocation would have its whole batch redelivered (posts already made included): instead each
  // shard stops starting posts near the deadline and hands the rest to a new job.
  const processRecord = async (record: SQSRecord, stopAt: number): Promise<void> => {
    const logContext = { sqsMessageId: record.messageId };
    const job = parseAndValidate('fan-out job', record.body, validateFanoutJob, logContext);
    // A job carries its envelope or a stored envelope's reference; both name the message.
    const message = job.envelope ?? job.storedEnvelope;
    await withCorrelationId(message?.correlationId ?? '', async () => {
      // One call: posts the shard and sends its retry and continuation jobs (a send error fails the record,
      // retried by SQS); the result is counted and logged.
      const result = await deps.broadcast.runShardJob(job, stopAt);
      countPosts(result);
      log.info('fan-out shard posted', {
        ...logContext,
        messageId: message?.messageId,
        realm: message?.realm,
        topic: message?.topic,
        partition: job.partition,
        stored: job.storedEnvelope !== undefined,
        shard: job.shard,
        shards: job.shards,
        attempt: job.attempt ?? 0,
        ...result,
      });
    });
  };

  return (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    const stopAt = postingDeadline(Date.now(), context.getRemainingTimeInMillis());
    return instrumented(context, () =>
      processPartialResponse(event, (record: SQSRecord) => processRecord(record, stopAt), batchProcessor(), {
        context,
        throwOnFullBatchFailure: false,
      }),
    );
  };
}

export const handler = createFanoutWorkerHandler({ broadcast: broadcastService() });
