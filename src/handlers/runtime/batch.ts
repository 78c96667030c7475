/**
 * A Powertools BatchProcessor per invocation. The processor keeps the batch's records and failures on the
 * instance; one shared by invocations that overlap (the local runtime runs several batches of a worker at once
 * in one process) mixes their failures: a batch reported another batch's failed record (whole batch retried)
 * and the failed record's own batch reported success, so SQS deleted it — a lost welcome in the reliability
 * load test. On AWS an execution environment runs one invocation at a time; a fresh instance costs nothing.
 */
import { BatchProcessor, EventType } from '@aws-lambda-powertools/batch';

export function batchProcessor(): BatchProcessor {
  return new BatchProcessor(EventType.SQS);
}
