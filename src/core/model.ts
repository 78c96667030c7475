/**
 * Domain types of the server side. The wire shapes (envelopes, jobs, frames) are the generated models of the
 * contract, re-exported here so the core names them in one place.
 */

import type { BroadcastEnvelope, StreamPosition, UserEnvelope } from '../../generated/models.js';

/** Who opened a connection, from the authorizer context. */
export interface Identity {
  userId: string;
  realm: string;
  roles: readonly string[];
  /** The token's `exp` (epoch seconds), when the authorizer passed it (`tokenExp`). */
  tokenExpiresAt?: number;
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
  /**
   * Storage layout, opaque to the core: the partition count of each topic whose rows were spread over
   * several partition keys when the connection was saved. Read back by the store and passed back unchanged,
   * so rows are found where they were written even after a topic's partition count changes.
   */
  topicPartitions?: Record<string, number>;
  /** The `exp` (epoch seconds) of the token the connection was opened with (src/core/token-expiry.ts). */
  tokenExpiresAt?: number;
  /** Revision of the topic list: each subscribe/unsubscribe writes rev + 1 on the condition it is unchanged. */
  rev?: number;
}

/** A `topic#{realm}#{topic}` row. */
export interface TopicSubscriber {
  connectionId: string;
  userId: string;
  /** The connection has not been welcomed yet: messages are held for it (src/core/welcome-hold.ts). */
  welcomePending?: boolean;
}

/** A `user#{realm}#{userId}` row. */
export interface UserConnection {
  connectionId: string;
  connectedAt: number;
  expiresAt: number;
  /** As on topic rows: not welcomed yet, so messages are held instead of posted. */
  welcomePending?: boolean;
}

// The wire shapes come from the contract: a field added to asyncapi.yaml reaches the core by regeneration.
export type {
  BroadcastEnvelope,
  ConnectDeliveryJob,
  DeliveryJob,
  ErrorCode,
  FanoutJob,
  RecoveryCode,
  RecoveryOutcome,
  RecoveryPlacement,
  RejectedTopic,
  SincePosition,
  SinceRejection,
  StoredEnvelopeRef,
  StreamPosition,
  TokenCheckJob,
  TopicRejectionCode,
  UserEnvelope,
} from '../../generated/models.js';

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
/** A topic history row: the message and, since contract 1.3, its stream position (rows written before have none). */
export type HistoryItem = StoredMessage<BroadcastEnvelope> & { position?: StreamPosition };

/**
 * A message routed to a connection before its welcome, kept (`conn#{id}` / `held#…` row) for the connection's
 * welcome job to post right after the welcome: the welcome stays the connection's first frame.
 */
export type HeldMessage =
  | { kind: 'user'; envelope: UserEnvelope }
  | { kind: 'topic'; envelope: BroadcastEnvelope; position?: StreamPosition };

/** How one post to a connection ended, in domain terms. */
export type PostOutcome = 'ok' | 'gone' | 'throttled' | 'too-large';
