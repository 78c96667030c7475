/**
 * How the platform's queues retry and keep messages: one definition read by the Pulumi program, the local
 * edge and the simulation, so "retried, then dead-lettered" means the same thing everywhere.
 */
const DAY_SECONDS = 24 * 3600;

export const queuePolicy = {
  /** Receives of one message before it moves to its queue's DLQ. */
  maxReceiveCount: 5,
  /** How long a work queue keeps an unprocessed message (SQS's default, 4 days). */
  queueRetentionSeconds: 4 * DAY_SECONDS,
  /** How long a DLQ (and an SNS function's failure queue) keeps a message: SQS's maximum, 14 days. */
  deadLetterRetentionSeconds: 14 * DAY_SECONDS,
  /** Visibility timeout as a multiple of the consumer's timeout (AWS guidance for Lambda event sources). */
  visibilityTimeoutFactor: 6,
  /** SQS's longest `DelaySeconds`: a job due later is delayed this long and sent again for the rest. */
  maxDelaySeconds: 900,
} as const;
