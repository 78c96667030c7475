/**
 * Domain types of the server side. The wire shapes (envelopes, jobs, frames) mirror the contract's schemas;
 * values produced by the generated validators are assignable to them.
 */

export type JsonObject = Record<string, unknown>;

/** Who opened a connection, from the authorizer context. */
export interface Identity {
  userId: string;
  realm: string;
  roles: readonly string[];
}

/** The `conn#{id}` / `meta` row: everything needed to find and remove a connection's other rows. */
export interface ConnectionRecord {
  connectionId: string;
  userId: string;
  realm: string;
  /** Accepted, realm-relative topic names. */
  topics: string[];
  /** Epoch milliseconds (API Gateway's `requestContext.connectedAt`). */
  connectedAt: number;
  /** Epoch seconds (DynamoDB TTL). */
  expiresAt: number;
  /** Epoch ms when the welcome frame was posted (set by the delivery worker; absent before). */
  welcomedAt?: number;
}

/** A `topic#{realm}#{topic}` row. */
export interface TopicSubscriber {
  connectionId: string;
  userId: string;
}

/** A `user#{realm}#{userId}` row. */
export interface UserConnection {
  connectionId: string;
  connectedAt: number;
  expiresAt: number;
}

export type TopicRejectionCode =
  | 'UNKNOWN_TOPIC'
  | 'FORBIDDEN_TOPIC'
  | 'REALM_MISMATCH'
  | 'INVALID_TOPIC_NAME'
  | 'TOO_MANY_TOPICS';

export interface RejectedTopic {
  topic: string;
  code: TopicRejectionCode;
  reason: string;
}

export type ErrorCode =
  | 'INVALID_JSON'
  | 'INVALID_FRAME'
  | 'UNKNOWN_ACTION'
  | 'BINARY_NOT_SUPPORTED'
  | 'CONNECTION_NOT_FOUND'
  | 'RATE_LIMITED'
  | 'INTERNAL_ERROR';

export interface BroadcastEnvelope {
  messageId: string;
  correlationId: string;
  realm: string;
  topic: string;
  publishedAt: string;
  payload: JsonObject;
}

export interface UserEnvelope {
  messageId: string;
  correlationId: string;
  realm: string;
  userId: string;
  type: string;
  publishedAt: string;
  payload: JsonObject;
}

export interface DeliveryJob {
  reason: 'connect' | 'drain';
  connectionId: string;
  userId: string;
  realm: string;
  accepted: string[];
  rejected: RejectedTopic[];
  /** Epoch milliseconds. */
  connectedAt: number;
  /** Epoch seconds. */
  expiresAt: number;
  correlationId: string;
}

export interface FanoutJob {
  shard: number;
  shards: number;
  connectionIds: string[];
  envelope: BroadcastEnvelope;
  /** 0 or absent for a first shard; n for the n-th retry of unreachable connections. */
  attempt?: number;
}

/** A stored message (inbox or topic history), ordered by (publishedAt, messageId). */
export interface StoredMessage<E> {
  /** Normalised `Date#toISOString()` of the envelope's `publishedAt`, so the sort key orders by time. */
  publishedAt: string;
  messageId: string;
  envelope: E;
  /** Epoch seconds. */
  expiresAt: number;
}

export type InboxItem = StoredMessage<UserEnvelope>;
export type HistoryItem = StoredMessage<BroadcastEnvelope>;

/** How one post to a connection ended, in domain terms. */
export type PostOutcome = 'ok' | 'gone' | 'throttled' | 'too-large';
