// Code generated from asyncapi.yaml. DO NOT EDIT.

export type AnnouncementSeverity = "info" | "warning" | "critical";

export interface AnnouncementsPayload {
  'title': string;
  'body': string;
  'severity': AnnouncementSeverity;
}

export type AuditAlertSeverity = "low" | "medium" | "high" | "critical";

export interface AuditAlertsPayload {
  'alertId': string;
  'kind': string;
  'severity': AuditAlertSeverity;
  'details': string;
}

export interface BroadcastEnvelope {
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'messageId': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  'realm': string;
  /**
   * A realm-relative topic name.
   */
  'topic': string;
  /**
   * When the publisher published the message (it orders the inbox and topic history and starts the retention). The routers refuse an envelope whose `publishedAt` is more than `x-limits.publishedAtMaxFutureSeconds` (5 min of clock skew) ahead of their clock: logged, counted as InvalidMessages, kept by the on-failure destination, never stored or delivered. The publisher SDK checks the same bound before sending. An earlier `publishedAt` is accepted (a message dated before its retention is stored already expired).
   */
  'publishedAt': string;
  /**
   * Follows the schema of the topic's channel.
   */
  'payload': Record<string, unknown>;
}

export interface ConnectionLimits {
  'idleTimeoutSeconds': number;
  'maxConnectionSeconds': number;
  'connectionTtlSeconds': number;
}

export interface DeliveryJob {
  /**
   * `connect`: welcome + history + inbox. `drain`: inbox only (a message raced a connect). `retry`: the
   * user message in `message` to this one open connection, whose post failed (5xx, timeout, still
   * throttled); the inbox is shared by the user's connections, so it is not used for this.
   */
  'reason': DeliveryReason;
  'message'?: UserEnvelope;
  'connectionId': string;
  'userId': string;
  'realm': string;
  'accepted': string[];
  'rejected': RejectedTopic[];
  /**
   * Epoch milliseconds.
   */
  'connectedAt': number;
  /**
   * Epoch seconds of the rows' expiry.
   */
  'expiresAt': number;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
}

/**
 * `connect`: welcome + history + inbox. `drain`: inbox only (a message raced a connect). `retry`: the
 * user message in `message` to this one open connection, whose post failed (5xx, timeout, still
 * throttled); the inbox is shared by the user's connections, so it is not used for this.
 */
export type DeliveryReason = "connect" | "drain" | "retry";

export interface DocumentReadyPayload {
  'documentId': string;
  'name': string;
  'downloadUrl': string;
  'expiresAt': string;
}

export type ErrorCode = "INVALID_JSON" | "INVALID_FRAME" | "UNKNOWN_ACTION" | "BINARY_NOT_SUPPORTED" | "CONNECTION_NOT_FOUND" | "RATE_LIMITED" | "INTERNAL_ERROR";

export interface ErrorFrame {
  'kind': 'error';
  'code': ErrorCode;
  'message': string;
  'retryable': boolean;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface ExtendTtlAction {
  'action': 'extendTTL';
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface FanoutJob {
  'shard': number;
  'shards': number;
  'connectionIds': string[];
  'envelope': BroadcastEnvelope;
  /**
   * 0 (or absent) for a shard of a large audience. n for the n-th retry of the connections an earlier
   * post could not reach (500, timeout, still throttled after backoff); after the last attempt the job
   * fails and ends in the fan-out DLQ, so an unreachable delivery is kept, never dropped. A worker
   * running out of time hands the connections it has not started on to a new job at once, with the same
   * attempt number (nothing failed for them).
   */
  'attempt'?: number;
}

export type JobState = "queued" | "running" | "succeeded" | "failed";

export interface JobStatusPayload {
  'jobId': string;
  'status': JobState;
  'progress': number;
  'updatedAt': string;
}

export interface NotificationPayload {
  'title': string;
  'body': string;
  'link'?: string;
  'category': string;
}

export interface PingAction {
  'action': 'ping';
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface PongFrame {
  'kind': 'pong';
  'serverTime': string;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface RejectedTopic {
  /**
   * The name as requested (possibly invalid).
   */
  'topic': string;
  'code': TopicRejectionCode;
  'reason': string;
}

export interface TopicMessageFrame {
  'kind': 'topic';
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'id': string;
  /**
   * A realm-relative topic name.
   */
  'topic': string;
  'publishedAt': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  /**
   * True when sent from topic history on connect.
   */
  'replayed'?: boolean;
  /**
   * Follows the schema of the topic's channel.
   */
  'payload': Record<string, unknown>;
}

export type TopicRejectionCode = "UNKNOWN_TOPIC" | "FORBIDDEN_TOPIC" | "REALM_MISMATCH" | "INVALID_TOPIC_NAME" | "TOO_MANY_TOPICS";

export interface TtlExtendedFrame {
  'kind': 'ttl-extended';
  'expiresAt': string;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

/**
 * Any text frame.
 */
export type UnknownFrame = string;

export interface UserEnvelope {
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'messageId': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  'realm': string;
  'userId': string;
  'type': string;
  /**
   * When the publisher published the message (it orders the inbox and topic history and starts the retention). The routers refuse an envelope whose `publishedAt` is more than `x-limits.publishedAtMaxFutureSeconds` (5 min of clock skew) ahead of their clock: logged, counted as InvalidMessages, kept by the on-failure destination, never stored or delivered. The publisher SDK checks the same bound before sending. An earlier `publishedAt` is accepted (a message dated before its retention is stored already expired).
   */
  'publishedAt': string;
  /**
   * Follows the schema of the message type.
   */
  'payload': Record<string, unknown>;
}

export interface UserMessageFrame {
  'kind': 'user';
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'id': string;
  'type': string;
  'publishedAt': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  /**
   * True when delivered from the offline inbox.
   */
  'offline'?: boolean;
  /**
   * Follows the schema of the message type.
   */
  'payload': Record<string, unknown>;
}

export interface WelcomeFrame {
  'kind': 'welcome';
  'connectionId': string;
  'userId': string;
  'realm': string;
  'accepted': string[];
  'rejected': RejectedTopic[];
  /**
   * When the connection's rows expire unless extended.
   */
  'expiresAt': string;
  'serverTime': string;
  /**
   * How many offline user messages follow this frame.
   */
  'pendingOffline': number;
  'limits': ConnectionLimits;
}
