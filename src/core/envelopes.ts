/**
 * Validation of everything that crosses a trust boundary, with the generated validators: the SNS envelopes
 * (envelope schema first, then the payload schema of the topic / message type) and the SQS jobs.
 */
// Generated modules by name, not generated/index.js: its map of every validator would put the frame, trace and
// other schemas into each router's bundle (test/bundles/bundles.test.ts holds the size limit).
import { publishedAtProblem } from '../../generated/codes.js';
import { checkBroadcastEnvelope, checkUserEnvelope } from '../../generated/envelope-validation.js';
import { formatErrors, type ValidationResult, wrapValidator } from '../../generated/field-errors.js';
import {
  validateDeliveryJob as deliveryJobSchema,
  validateFanoutJob as fanoutJobSchema,
  validateTokenCheckJob as tokenCheckJobSchema,
} from '../../generated/validators.js';
import { type InvalidField, ValidationError } from './errors.js';
import type { BroadcastEnvelope, DeliveryJob, FanoutJob, TokenCheckJob, UserEnvelope } from './model.js';

type Result = { ok: true; value: unknown } | { ok: false; errors: InvalidField[] };

function fail(subject: string, errors: InvalidField[]): never {
  throw new ValidationError(subject, errors, formatErrors(errors));
}

function prefixed(errors: readonly InvalidField[], prefix: string): InvalidField[] {
  return errors.map((e) => ({ ...e, field: e.field === '(root)' ? prefix : `${prefix}.${e.field}` }));
}

/** Parses a JSON text; a parse failure is a ValidationError on `(root)`. */
export function parseJson(subject: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ValidationError(
      subject,
      [{ field: '(root)', keyword: 'json', message: 'is not valid JSON' }],
      'not valid JSON',
      { cause },
    );
  }
}

/** The envelope, its topic and its payload against the topic's schema (the generated check). Throws ValidationError. */
export function validateBroadcastEnvelope(data: unknown): BroadcastEnvelope {
  const result: ValidationResult<BroadcastEnvelope> = checkBroadcastEnvelope(data);
  if (!result.ok) fail('broadcast envelope', result.errors);
  return result.value;
}

/**
 * Refuses an envelope dated further ahead of `nowMs` than the contract's clock skew
 * (x-limits.publishedAtMaxFutureSeconds): it would stay at the top of a topic's history, or in an inbox,
 * until then. The routers apply it on receipt; a fan-out job's envelope was checked by its router.
 */
export function checkPublishedAt<T extends { publishedAt: string }>(
  subject: string,
  envelope: T,
  nowMs: number,
): T {
  const problem = publishedAtProblem(envelope.publishedAt, nowMs);
  if (problem !== undefined)
    fail(subject, [{ field: 'publishedAt', keyword: 'clockSkew', message: problem }]);
  return envelope;
}

export function validateUserEnvelope(data: unknown): UserEnvelope {
  const result: ValidationResult<UserEnvelope> = checkUserEnvelope(data);
  if (!result.ok) fail('user envelope', result.errors);
  return result.value;
}

// Pure: a bundle that never validates a job (the routers) drops these validators (the 600 KB bundle limit).
const deliveryJobValidator = /* @__PURE__ */ wrapValidator(deliveryJobSchema);
const fanoutJobValidator = /* @__PURE__ */ wrapValidator(fanoutJobSchema);
const tokenCheckJobValidator = /* @__PURE__ */ wrapValidator(tokenCheckJobSchema);

/** Fields every job carried before contract 1.9, meaningless for `drain` and `retry` jobs. */
const PRE_1_9_JOB_FIELDS = ['accepted', 'rejected', 'connectedAt', 'expiresAt'] as const;

/**
 * A `drain` or `retry` job enqueued by a router of the previous version (in the queue during a deploy) carries
 * the connect job's fields: they are dropped, so the job is delivered instead of ending in the DLQ.
 */
function withoutPre19Fields(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
  const record = data as Record<string, unknown>;
  if (record.reason !== 'drain' && record.reason !== 'retry') return data;
  const copy = { ...record };
  for (const field of PRE_1_9_JOB_FIELDS) delete copy[field];
  return copy;
}

export function validateDeliveryJob(data: unknown): DeliveryJob {
  const job: Result = deliveryJobValidator(withoutPre19Fields(data));
  if (!job.ok) fail('delivery job', job.errors);
  return job.value as DeliveryJob;
}

/** A message of the delivery queue: a token check job (by its `reason`) or a delivery job. */
export function validateDeliveryQueueJob(data: unknown): DeliveryJob | TokenCheckJob {
  const isTokenCheck =
    typeof data === 'object' && data !== null && (data as { reason?: unknown }).reason === 'token-check';
  if (!isTokenCheck) return validateDeliveryJob(data);
  const job: Result = tokenCheckJobValidator(data);
  if (!job.ok) fail('token check job', job.errors);
  return job.value as TokenCheckJob;
}

/** The job and the envelope it carries (the payload too: a job is only as trustworthy as its producer). */
export function validateFanoutJob(data: unknown): FanoutJob {
  const job: Result = fanoutJobValidator(data);
  if (!job.ok) fail('fan-out job', job.errors);
  const value = job.value as FanoutJob;
  try {
    validateBroadcastEnvelope(value.envelope);
  } catch (error) {
    if (error instanceof ValidationError) fail('fan-out job', prefixed(error.errors, 'envelope'));
    throw error;
  }
  return value;
}
