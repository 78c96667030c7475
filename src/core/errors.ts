/**
 * The one error hierarchy of the platform's server side. Every error keeps its `cause` so logs show the
 * AWS SDK error (or validation failure) underneath the domain meaning.
 */
export class WsPushError extends Error {
  /** Stable, machine-readable name of the failure class (also in logs). */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A required environment variable is missing or malformed (thrown at cold start). */
export class ConfigurationError extends WsPushError {
  readonly variable: string;
  constructor(variable: string, message: string, options?: { cause?: unknown }) {
    super('CONFIGURATION', `${variable}: ${message}`, options);
    this.variable = variable;
  }
}

export interface InvalidField {
  field: string;
  keyword: string;
  message: string;
}

/** Input does not match the contract (envelope, payload, job, frame). Never retried successfully. */
export class ValidationError extends WsPushError {
  readonly errors: readonly InvalidField[];
  constructor(
    subject: string,
    errors: readonly InvalidField[],
    summary: string,
    options?: { cause?: unknown },
  ) {
    super('VALIDATION', `invalid ${subject}: ${summary}`, options);
    this.errors = errors;
  }
}

/** A storage call failed (DynamoDB error, or unprocessed items left after every retry). */
export class StorageError extends WsPushError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORAGE', message, options);
  }
}

/** BatchWriteItem still returned UnprocessedItems after the last retry. */
export class UnprocessedItemsError extends StorageError {
  readonly unprocessedCount: number;
  constructor(unprocessedCount: number, attempts: number) {
    super(`${unprocessedCount} item(s) still unprocessed after ${attempts} BatchWriteItem attempts`);
    this.unprocessedCount = unprocessedCount;
  }
}

/** The management API failed in a way that is not a connection outcome (403, 5xx, network). */
export class ConnectionPostError extends WsPushError {
  readonly connectionId: string;
  readonly httpStatusCode: number | undefined;
  constructor(connectionId: string, httpStatusCode: number | undefined, options?: { cause?: unknown }) {
    super(
      'POST_FAILED',
      `posting to connection ${connectionId} failed (HTTP ${httpStatusCode ?? 'n/a'})`,
      options,
    );
    this.connectionId = connectionId;
    this.httpStatusCode = httpStatusCode;
  }
}

/** Sending to SQS failed (or some entries of a batch failed). */
export class QueueError extends WsPushError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('QUEUE', message, options);
  }
}

/** not open yet (410 inside `$connect`), still throttled, or a drain waiting for the connect job's welcome. */
export type RetryLaterReason = 'not-open' | 'throttled' | 'not-welcomed';

/**
 * A delivery job found its connection not open yet (API Gateway answers 410 while `$connect` runs) or
 * throttled: the job must be retried a little later.
 */
export class RetryLaterError extends WsPushError {
  readonly connectionId: string;
  readonly reason: RetryLaterReason;
  constructor(connectionId: string, reason: RetryLaterReason, options?: { cause?: unknown }) {
    super('RETRY_LATER', `connection ${connectionId}: ${reason}; retry later`, options);
    this.connectionId = connectionId;
    this.reason = reason;
  }
}

/** Connections stayed unreachable through every retry job: the job fails so SQS keeps it in the DLQ. */
export class DeliveryRetriesExhaustedError extends WsPushError {
  constructor(messageId: string, connections: number, attempts: number) {
    super(
      'DELIVERY_RETRIES_EXHAUSTED',
      `message ${messageId}: ${connections} connection(s) still unreachable after ${attempts} retry attempts`,
    );
  }
}

/**
 * The broadcast router reached its deadline before it had read the whole audience: the pages it sent are
 * claimed, so the retry (SNS retries the invocation) sends only the rest.
 */
export class BroadcastIncompleteError extends WsPushError {
  constructor(messageId: string, shardsSent: number) {
    super(
      'BROADCAST_INCOMPLETE',
      `message ${messageId}: out of time after ${shardsSent} shard job(s); the retry continues with the rest`,
    );
  }
}

/** A shard job references a stored envelope that is gone (expired or never written): nothing to post. */
export class StoredEnvelopeMissingError extends WsPushError {
  constructor(messageId: string) {
    super('STORED_ENVELOPE_MISSING', `message ${messageId}: the stored envelope of this shard job is gone`);
  }
}
