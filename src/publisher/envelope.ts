/**
 * Builds and validates publish envelopes against the contract (pure: no AWS). The SDK, the CLI's
 * `--dry-run` and the docs share it, so what passes here is exactly what the routers accept.
 */
// Each generated module by name, never generated/index.js: the publisher carries only the envelope and payload
// validators (test/sdk/bundle-size.test.ts checks its import graph).
import { limits, publishedAtProblem } from '../../generated/codes.js';
import { checkBroadcastEnvelope, checkUserEnvelope } from '../../generated/envelope-validation.js';
import { type FieldError, formatErrors } from '../../generated/field-errors.js';
import type { BroadcastEnvelope, UserEnvelope } from '../../generated/models.js';
import type {
  ConcreteTopicName,
  TopicFamily,
  TopicPayloadOf,
  TopicPayloads,
} from '../../generated/topics.js';
import type { UserMessagePayloads, UserMessageTypeName } from '../../generated/user-messages.js';
import { type IdGenerator, newCorrelationId, ulid } from './ids.js';

/** Thrown before anything is sent. `field` names the first failing field (`payload.severity`, `topic`, …). */
export class PublishValidationError extends Error {
  override readonly name = 'PublishValidationError';
  readonly field: string;
  readonly errors: readonly FieldError[];

  constructor(what: string, errors: FieldError[]) {
    super(`invalid ${what}: ${formatErrors(errors)}`);
    this.errors = errors;
    this.field = errors[0]?.field ?? '(root)';
  }
}

interface CommonInput {
  realm: string;
  /** Defaults to a new ULID (time-sortable). Clients de-duplicate on it: reuse it when you retry a publish. */
  messageId?: string;
  /** Defaults to a new `c-<uuid>`; pass the id of the request that caused this message to follow it end to end. */
  correlationId?: string;
  /** ISO 8601; defaults to now. */
  publishedAt?: string;
}

/** `topic` is a concrete name (`announcements`, `jobs.8812`); the payload type follows its family. */
export interface TopicPublishInput<N extends ConcreteTopicName = ConcreteTopicName> extends CommonInput {
  topic: N;
  payload: TopicPayloadOf<N>;
}

export interface UserPublishInput<T extends UserMessageTypeName = UserMessageTypeName> extends CommonInput {
  userId: string;
  type: T;
  payload: UserMessagePayloads[T];
}

/** A topic input for any topic, with the payload type following the topic (for batches). */
export type AnyTopicPublishInput = {
  [F in TopicFamily]: CommonInput & { topic: ConcreteTopicName; payload: TopicPayloads[F] };
}[TopicFamily];
export type AnyUserPublishInput = { [T in UserMessageTypeName]: UserPublishInput<T> }[UserMessageTypeName];

/** Inputs from untyped sources (the CLI, JSON files): everything is checked at run time. */
export interface UncheckedTopicInput extends CommonInput {
  topic: string;
  payload: unknown;
}

export interface UncheckedUserInput extends CommonInput {
  userId: string;
  type: string;
  payload: unknown;
}

export interface MessageAttribute {
  DataType: 'String';
  StringValue: string;
}

/** A validated envelope, serialised, with the SNS message attributes the routers and filter policies use. */
export interface PreparedMessage<
  E extends BroadcastEnvelope | UserEnvelope = BroadcastEnvelope | UserEnvelope,
> {
  envelope: E;
  message: string;
  bytes: number;
  attributes: Record<string, MessageAttribute>;
}

export interface EnvelopeDefaults {
  newMessageId?: IdGenerator;
  newCorrelationId?: () => string;
  now?: () => Date;
  /** Defaults to the contract's `limits.maxEnvelopeBytes`. */
  maxEnvelopeBytes?: number;
}

export function prepareTopicMessage(
  input: UncheckedTopicInput,
  defaults: EnvelopeDefaults = {},
): PreparedMessage<BroadcastEnvelope> {
  const envelope = {
    messageId: input.messageId ?? (defaults.newMessageId ?? ulid)(),
    correlationId: input.correlationId ?? (defaults.newCorrelationId ?? newCorrelationId)(),
    realm: input.realm,
    topic: input.topic,
    publishedAt: input.publishedAt ?? (defaults.now?.() ?? new Date()).toISOString(),
    payload: input.payload,
  };
  check('broadcast envelope', checkBroadcastEnvelope(envelope));
  checkPublishedAt('broadcast envelope', envelope.publishedAt, defaults);
  return finish(envelope as BroadcastEnvelope, { realm: envelope.realm, topic: envelope.topic }, defaults);
}

export function prepareUserMessage(
  input: UncheckedUserInput,
  defaults: EnvelopeDefaults = {},
): PreparedMessage<UserEnvelope> {
  const envelope = {
    messageId: input.messageId ?? (defaults.newMessageId ?? ulid)(),
    correlationId: input.correlationId ?? (defaults.newCorrelationId ?? newCorrelationId)(),
    realm: input.realm,
    userId: input.userId,
    type: input.type,
    publishedAt: input.publishedAt ?? (defaults.now?.() ?? new Date()).toISOString(),
    payload: input.payload,
  };
  check('user envelope', checkUserEnvelope(envelope));
  checkPublishedAt('user envelope', envelope.publishedAt, defaults);
  return finish(
    envelope as UserEnvelope,
    {
      realm: envelope.realm,
      userId: envelope.userId,
      type: envelope.type,
    },
    defaults,
  );
}

/** The routers refuse a `publishedAt` beyond the contract's clock skew: fail before sending instead. */
function checkPublishedAt(what: string, publishedAt: string, defaults: EnvelopeDefaults): void {
  const problem = publishedAtProblem(publishedAt, (defaults.now?.() ?? new Date()).getTime());
  if (problem !== undefined)
    throw new PublishValidationError(what, [
      { field: 'publishedAt', keyword: 'clockSkew', message: problem },
    ]);
}

function check(what: string, result: { ok: true } | { ok: false; errors: FieldError[] }): void {
  if (!result.ok) throw new PublishValidationError(what, result.errors);
}

function finish<E extends BroadcastEnvelope | UserEnvelope>(
  envelope: E,
  attributeValues: Record<string, string>,
  defaults: EnvelopeDefaults,
): PreparedMessage<E> {
  const message = JSON.stringify(envelope);
  const bytes = new TextEncoder().encode(message).byteLength;
  const maxBytes = defaults.maxEnvelopeBytes ?? limits.maxEnvelopeBytes;
  if (bytes > maxBytes) {
    throw new PublishValidationError('envelope', [
      {
        field: 'payload',
        keyword: 'maxEnvelopeBytes',
        message: `the envelope is ${bytes} bytes; the limit is ${maxBytes}`,
      },
    ]);
  }
  const attributes: Record<string, MessageAttribute> = {};
  for (const [name, value] of Object.entries(attributeValues)) {
    attributes[name] = { DataType: 'String', StringValue: value };
  }
  return { envelope, message, bytes, attributes };
}
