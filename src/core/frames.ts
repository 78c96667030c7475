/** Builders of the frames the server sends (shapes of the contract's *Frame schemas). */
import { errorCodes } from '../../generated/index.js';
import type {
  ErrorFrame,
  PongFrame,
  RecoveryFrame,
  SubscribedFrame,
  TopicMessageFrame,
  TtlExtendedFrame,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
} from '../../generated/models.js';
import type {
  BroadcastEnvelope,
  ErrorCode,
  RecoveryOutcome,
  RejectedTopic,
  StreamPosition,
  UserEnvelope,
} from './model.js';
import type { RecoveryAnswer } from './stream-positions.js';

// The frame shapes come from the contract's *Frame schemas; this module only builds them.
export type {
  ErrorFrame,
  PongFrame,
  RecoveryFrame,
  SubscribedFrame,
  TopicMessageFrame,
  TtlExtendedFrame,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
};

export type ReplyFrame = PongFrame | TtlExtendedFrame | ErrorFrame;

/** `subscribed`: the same accepted/rejected shape as the welcome, plus every topic now held. */
export function subscribedFrame(
  input: Pick<SubscribedFrame, 'accepted' | 'rejected' | 'topics'>,
  requestId?: string,
): SubscribedFrame {
  const frame: SubscribedFrame = { kind: 'subscribed', ...input };
  if (requestId !== undefined) frame.requestId = requestId;
  return frame;
}

export function unsubscribedFrame(
  input: Pick<UnsubscribedFrame, 'unsubscribed' | 'topics'>,
  requestId?: string,
): UnsubscribedFrame {
  const frame: UnsubscribedFrame = { kind: 'unsubscribed', ...input };
  if (requestId !== undefined) frame.requestId = requestId;
  return frame;
}

const MAX_ERROR_MESSAGE = 512;

export const isoSeconds = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString();
export const isoMillis = (epochMillis: number): string => new Date(epochMillis).toISOString();

export function welcomeFrame(input: {
  connectionId: string;
  userId: string;
  realm: string;
  accepted: string[];
  rejected: RejectedTopic[];
  expiresAt: number;
  now: number;
  pendingOffline: number;
  /** What this deployment enforces (configuration, not the contract's defaults: a local platform may shorten them). */
  limits: WelcomeFrame['limits'];
  /** The answers to `since` (connections opened with `recovery=welcome`), in place of `recovery` frames. */
  recovery?: RecoveryOutcome[];
}): WelcomeFrame {
  const frame: WelcomeFrame = {
    kind: 'welcome',
    connectionId: input.connectionId,
    userId: input.userId,
    realm: input.realm,
    accepted: input.accepted,
    rejected: input.rejected,
    expiresAt: isoSeconds(input.expiresAt),
    serverTime: isoMillis(input.now),
    pendingOffline: input.pendingOffline,
    limits: {
      idleTimeoutSeconds: input.limits.idleTimeoutSeconds,
      maxConnectionSeconds: input.limits.maxConnectionSeconds,
      connectionTtlSeconds: input.limits.connectionTtlSeconds,
    },
  };
  if (input.recovery && input.recovery.length > 0) frame.recovery = input.recovery;
  return frame;
}

/** A topic message; `position` (history topics) adds its `offset` and `epoch`. */
export function topicFrame(
  envelope: BroadcastEnvelope,
  replayed = false,
  position?: StreamPosition,
): TopicMessageFrame {
  const frame: TopicMessageFrame = {
    kind: 'topic',
    id: envelope.messageId,
    topic: envelope.topic,
    publishedAt: envelope.publishedAt,
    correlationId: envelope.correlationId,
    payload: envelope.payload,
  };
  if (replayed) frame.replayed = true;
  if (position) {
    frame.offset = position.offset;
    frame.epoch = position.epoch;
  }
  return frame;
}

/** One topic's answer to `since` (contract RecoveryOutcome): a welcome's `recovery` item, a `recovery` frame's fields. */
export function recoveryOutcome(answer: RecoveryAnswer, replayed: number): RecoveryOutcome {
  const outcome: RecoveryOutcome = { topic: answer.topic, recovered: answer.recovered, replayed };
  if (answer.code !== undefined) outcome.code = answer.code;
  if (answer.reason !== undefined) outcome.reason = answer.reason;
  if (answer.head) {
    outcome.offset = answer.head.offset;
    outcome.epoch = answer.head.epoch;
  }
  return outcome;
}

/** `recovery`: after the `replayed` frames of a topic the client sent a position for. */
export function recoveryFrame(answer: RecoveryAnswer, replayed: number, requestId?: string): RecoveryFrame {
  const frame: RecoveryFrame = { kind: 'recovery', ...recoveryOutcome(answer, replayed) };
  if (requestId !== undefined) frame.requestId = requestId;
  return frame;
}

export function userFrame(envelope: UserEnvelope, offline = false): UserMessageFrame {
  const frame: UserMessageFrame = {
    kind: 'user',
    id: envelope.messageId,
    type: envelope.type,
    publishedAt: envelope.publishedAt,
    correlationId: envelope.correlationId,
    payload: envelope.payload,
  };
  if (offline) frame.offline = true;
  return frame;
}

export function pongFrame(now: number, requestId?: string): PongFrame {
  return requestId === undefined
    ? { kind: 'pong', serverTime: isoMillis(now) }
    : { kind: 'pong', serverTime: isoMillis(now), requestId };
}

export function ttlExtendedFrame(expiresAt: number, requestId?: string): TtlExtendedFrame {
  return requestId === undefined
    ? { kind: 'ttl-extended', expiresAt: isoSeconds(expiresAt) }
    : { kind: 'ttl-extended', expiresAt: isoSeconds(expiresAt), requestId };
}

/** An error frame; `retryable` comes from the contract's `x-error-codes`. Never contains a stack trace. */
export function errorFrame(code: ErrorCode, message: string, requestId?: string): ErrorFrame {
  const text = message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE - 1)}…` : message;
  const frame: ErrorFrame = { kind: 'error', code, message: text, retryable: errorCodes[code].retryable };
  if (requestId !== undefined) frame.requestId = requestId;
  return frame;
}
