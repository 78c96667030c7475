// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { ErrorCode, TopicRejectionCode, RecoveryCode } from './models.js';

export interface ErrorCodeDefinition {
  /** The client may retry the same request (or reconnect) later. */
  readonly retryable: boolean;
  readonly description: string;
}

/** Codes of error frames and rejected topics (x-error-codes). */
export const errorCodes: Readonly<Record<ErrorCode | TopicRejectionCode | RecoveryCode, ErrorCodeDefinition>> = {
  INVALID_JSON: {
    retryable: false,
    description: 'The frame is not a JSON object.',
  },
  INVALID_FRAME: {
    retryable: false,
    description: 'The frame does not match the action\'s schema.',
  },
  UNKNOWN_ACTION: {
    retryable: false,
    description: 'The action is missing or names no route.',
  },
  BINARY_NOT_SUPPORTED: {
    retryable: false,
    description: 'Binary frames are not accepted.',
  },
  CONNECTION_NOT_FOUND: {
    retryable: true,
    description: 'The connection\'s rows expired or were removed. Reconnect.',
  },
  RATE_LIMITED: {
    retryable: true,
    description: 'Over the connection\'s frame budget (x-limits clientFramesPerSecond, clientFrameBurst): the frame was not handled. Slow down; a client that keeps going is closed (close code 4129).',
  },
  INTERNAL_ERROR: {
    retryable: true,
    description: 'The platform failed. The request may be retried.',
  },
  TOKEN_EXPIRED: {
    retryable: true,
    description: 'The token the connection was opened with has expired and the stack closes such connections (setting closeExpiredTokensAfterSeconds): sent with closeCode 4101 just before the close, at most 10 s after the token\'s exp plus that setting (docs/authentication.md). Reconnect with a new token.',
  },
  UNKNOWN_TOPIC: {
    retryable: false,
    description: 'The contract defines no such topic.',
  },
  FORBIDDEN_TOPIC: {
    retryable: false,
    description: 'The token lacks a role the topic requires.',
  },
  REALM_MISMATCH: {
    retryable: false,
    description: 'The topic names a realm other than the token\'s.',
  },
  INVALID_TOPIC_NAME: {
    retryable: false,
    description: 'The name is not a valid topic name.',
  },
  TOO_MANY_TOPICS: {
    retryable: false,
    description: 'Over the per-connection topic limit.',
  },
  INVALID_TOPIC_PARAMETER: {
    retryable: false,
    description: 'A parameter of the topic\'s family fails its schema.',
  },
  NOT_TOPIC_OWNER: {
    retryable: false,
    description: 'The topic belongs to another user and the token holds no override role.',
  },
  EPOCH_CHANGED: {
    retryable: false,
    description: 'recovered false: the stream\'s epoch is not the one sent (its history was lost or reset). What history remains was replayed; reload state.',
  },
  HISTORY_TRIMMED: {
    retryable: false,
    description: 'recovered false: the history no longer reaches back to the position sent. What remains was replayed; reload state.',
  },
  SINCE_INVALID: {
    retryable: false,
    description: 'The position sent for the topic is malformed (offset not an integer ≥ 0, epoch not a StreamEpoch): ignored, the topic is replayed as without `since`.',
  },
  SINCE_UNKNOWN_TOPIC: {
    retryable: false,
    description: 'The position names a topic that is not among the accepted history topics of this request: ignored.',
  },
  SINCE_AHEAD: {
    retryable: false,
    description: 'The offset sent is ahead of the stream in that epoch: ignored, the topic is replayed as without `since`.',
  },
};

export interface CloseCodeRange {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly retryable: boolean;
  readonly description: string;
}

/** WebSocket close codes (x-close-codes), as inclusive ranges. */
export const closeCodes: readonly CloseCodeRange[] = [
  {
    from: 1000,
    to: 1000,
    retryable: false,
    name: 'NORMAL',
    description: 'Normal closure. A server-initiated 1000 (DELETE @connections) is reconnected by the SDK with a fresh token. Sent by API Gateway and the local gateway.',
  },
  {
    from: 1001,
    to: 1001,
    retryable: true,
    name: 'GOING_AWAY',
    description: 'Idle timeout, maximum duration or shutdown. Sent by API Gateway and the local gateway.',
  },
  {
    from: 1002,
    to: 1002,
    retryable: false,
    name: 'PROTOCOL_ERROR',
    description: 'The client broke the WebSocket framing rules (RFC 6455). Sent by API Gateway and the local gateway.',
  },
  {
    from: 1006,
    to: 1006,
    retryable: true,
    name: 'ABNORMAL',
    description: 'Abnormal closure (network). Never sent: the client reports it.',
  },
  {
    from: 1007,
    to: 1007,
    retryable: false,
    name: 'INVALID_PAYLOAD',
    description: 'A text frame was not valid UTF-8. Sent by API Gateway and the local gateway.',
  },
  {
    from: 1008,
    to: 1008,
    retryable: false,
    name: 'POLICY_VIOLATION',
    description: 'Policy violation. Never sent by the platform today.',
  },
  {
    from: 1009,
    to: 1009,
    retryable: true,
    name: 'MESSAGE_TOO_BIG',
    description: 'A frame or message exceeded the size limits. Sent by API Gateway and the local gateway.',
  },
  {
    from: 1011,
    to: 1011,
    retryable: true,
    name: 'INTERNAL_ERROR',
    description: 'Internal error. Never sent by the platform today.',
  },
  {
    from: 1012,
    to: 1012,
    retryable: true,
    name: 'SERVICE_RESTART',
    description: 'Service restart. Never sent by the platform today.',
  },
  {
    from: 1013,
    to: 1013,
    retryable: true,
    name: 'TRY_AGAIN_LATER',
    description: 'Try again later. Never sent by the platform today.',
  },
  {
    from: 4000,
    to: 4099,
    retryable: true,
    name: 'APP_RETRYABLE',
    description: 'Reserved for application-defined codes, reconnect with backoff. Never sent by the platform today.',
  },
  {
    from: 4101,
    to: 4101,
    retryable: true,
    name: 'TOKEN_EXPIRED',
    description: 'The token the connection was opened with has expired, on a stack that closes such connections (per-stack setting closeExpiredTokensAfterSeconds, off by default), at most 10 s after the token\'s exp plus that setting while the delivery queue has no backlog, whether or not the client sends anything (a delayed tokenCheckJob). Announced by an error frame (code TOKEN_EXPIRED, closeCode 4101) posted just before the platform closes the connection through DELETE @connections, which API Gateway and the local gateway carry out with 1000: the SDK reports the close as 4101, fetches a new token and reconnects at once, without counting a failure.',
  },
  {
    from: 4129,
    to: 4129,
    retryable: true,
    name: 'RATE_LIMITED',
    description: 'The client kept sending over its frame budget after RATE_LIMITED errors (x-limits clientFrameStrikes). Announced by an error frame (code RATE_LIMITED, closeCode 4129) posted just before the platform closes the connection through DELETE @connections, which API Gateway and the local gateway carry out with 1000: the SDK reports the close as 4129 and reconnects only after a backoff of at least clientFrameBurst / clientFramesPerSecond seconds, never resetting its backoff.',
  },
  {
    from: 4400,
    to: 4499,
    retryable: false,
    name: 'APP_TERMINAL',
    description: 'Reserved for application-defined codes, do not reconnect without a change. Never sent by the platform today.',
  },
];

/** Names a close code and says whether a client should reconnect; codes the contract does not list are retryable. */
export function classifyCloseCode(code: number): { name: string; retryable: boolean } {
  const range = closeCodes.find((r) => code >= r.from && code <= r.to);
  return range === undefined ? { name: 'UNKNOWN', retryable: true } : { name: range.name, retryable: range.retryable };
}

export interface Limits {
  readonly maxTopicsPerConnection: number;
  readonly frameBytes: number;
  readonly messageBytes: number;
  readonly idleTimeoutSeconds: number;
  readonly maxConnectionSeconds: number;
  readonly connectionTtlSeconds: number;
  readonly inboxMaxItems: number;
  readonly maxEnvelopeBytes: number;
  readonly publishedAtMaxFutureSeconds: number;
  readonly clientFramesPerSecond: number;
  readonly clientFrameBurst: number;
  readonly clientFrameStrikes: number;
  readonly sinceMaxLength: number;
  readonly topicsQueryMaxLength: number;
}

/** Platform limits (x-limits). */
export const limits: Limits = {
  maxTopicsPerConnection: 20,
  frameBytes: 32768,
  messageBytes: 131072,
  idleTimeoutSeconds: 600,
  maxConnectionSeconds: 7200,
  connectionTtlSeconds: 7800,
  inboxMaxItems: 1000,
  maxEnvelopeBytes: 120000,
  publishedAtMaxFutureSeconds: 300,
  clientFramesPerSecond: 10,
  clientFrameBurst: 40,
  clientFrameStrikes: 20,
  sinceMaxLength: 1024,
  topicsQueryMaxLength: 2048,
};

/**
 * Why an envelope's `publishedAt` is refused at `nowMs` (not a date-time, or more than
 * publishedAtMaxFutureSeconds ahead), or undefined when it is accepted.
 */
export function publishedAtProblem(publishedAt: string, nowMs: number): string | undefined {
  const ms = Date.parse(publishedAt);
  if (Number.isNaN(ms)) return 'is not a date-time';
  if (ms > nowMs + limits.publishedAtMaxFutureSeconds * 1000)
    return 'is more than ' + limits.publishedAtMaxFutureSeconds + ' s ahead of the clock (' + new Date(nowMs).toISOString() + ')';
  return undefined;
}
