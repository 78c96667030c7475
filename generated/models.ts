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
   * A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family
   * (`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.
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

/**
 * Enqueued by `$connect` with no delay; the worker waits briefly for the connection to open.
 */
export interface ConnectDeliveryJob {
  'reason': 'connect';
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
  /**
   * The well-formed positions the client sent for accepted history topics.
   */
  'since'?: SincePosition[];
  /**
   * The positions the client sent that were ignored (answered after the welcome).
   */
  'sinceRejected'?: SinceRejection[];
  /**
   * Where the connect-time answers to `since` go (the connect query's `recovery`; absent: `frames`).
   */
  'recovery'?: RecoveryPlacement;
}

export interface ConnectionLimits {
  'idleTimeoutSeconds': number;
  'maxConnectionSeconds': number;
  'connectionTtlSeconds': number;
}

/**
 * One job of the delivery queue, shaped by its `reason`: `connect` (welcome, history, inbox, then the
 * messages held for the connection until its welcome), `drain` (the inbox only: a user message raced a
 * connect) or `retry` (one user message to one open connection whose post failed).
 * Internal (`x-internal`): only the platform's own functions enqueue and read it. Since 1.9 each reason
 * has its own shape; `drain` and `retry` jobs still in the queue from 1.8 and before (with the connect fields) are
 * accepted by the worker, which drops those fields.
 */
export type DeliveryJob = ConnectDeliveryJob | DrainDeliveryJob | RetryDeliveryJob;

/**
 * The `reason` of a delivery job (`DeliveryJob`): `connect`, `drain` or `retry`, as in trace records.
 */
export type DeliveryReason = "connect" | "drain" | "retry";

export interface DocumentCommentPayload {
  'commentId': string;
  'author': string;
  'text': string;
  'createdAt': string;
}

export interface DocumentReadyPayload {
  'documentId': string;
  'name': string;
  'downloadUrl': string;
  'expiresAt': string;
}

/**
 * The user's inbox to one connection (a user message raced its connect).
 */
export interface DrainDeliveryJob {
  'reason': 'drain';
  'connectionId': string;
  'userId': string;
  'realm': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
}

export type ErrorCode = "INVALID_JSON" | "INVALID_FRAME" | "UNKNOWN_ACTION" | "BINARY_NOT_SUPPORTED" | "CONNECTION_NOT_FOUND" | "RATE_LIMITED" | "TOKEN_EXPIRED" | "INTERNAL_ERROR";

export interface ErrorFrame {
  'kind': 'error';
  'code': ErrorCode;
  'message': string;
  'retryable': boolean;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
  /**
   * Present when the platform closes the connection right after this frame. API Gateway's DELETE @connections cannot carry a close code (the socket closes with 1000), so this is the close's meaning: a code of x-close-codes (4129 RATE_LIMITED, 4101 TOKEN_EXPIRED). Clients treat the following close as this code.
   */
  'closeCode'?: number;
}

export interface ExtendTtlAction {
  'action': 'extendTTL';
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

/**
 * One shard of a broadcast's audience. The router streams the audience's pages into shard jobs as it reads
 * them, so a shard names its page (`partition`, `shard`) and the total (`shards`) is absent when it was not
 * known yet. An envelope over the router's inline limit travels once, stored in the table with a TTL, and
 * shard jobs carry `storedEnvelope` instead of `envelope`. A job carries one of the two; one with neither
 * fails (retried, then kept by the fan-out DLQ), never posts.
 */
export interface FanoutJob {
  /**
   * The shard's page within its topic partition (0, 1, …), or the index of a retry job's part.
   */
  'shard': number;
  /**
   * How many shards the broadcast has, when known as the job is sent.
   */
  'shards'?: number;
  /**
   * The topic partition (x-topic.partitions) whose page this shard is.
   */
  'partition'?: number;
  'connectionIds': string[];
  'envelope'?: BroadcastEnvelope;
  /**
   * Where a broadcast envelope too large to travel in every shard job is kept: one table item per message,
   * written once by the router and expiring after the fan-out queue's retention (docs/data-model.md).
   */
  'storedEnvelope'?: StoredEnvelopeRef;
  'position'?: StreamPosition;
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

export type KafkaEventSource = "aws:kafka" | "SelfManagedKafka";

export interface KafkaRejectedRecord {
  /**
   * `INVALID_JSON`: the value is not JSON (or absent). `INVALID_ENVELOPE`: the envelope or its payload
   * fails the contract (`errors`). `KEY_MISMATCH`: the key is not the channel's key of the envelope.
   * `HEADER_MISMATCH`: a `wspush-*` header disagrees with the envelope. `TOO_LARGE`: the value exceeds
   * `x-limits.maxEnvelopeBytes` (not parsed, not copied). `UNKNOWN_TOPIC`: the record comes from a topic
   * that is not one of the stack's two.
   */
  'reason': KafkaRejectionReason;
  'message': string;
  'errors': RejectedField[];
  'eventSource': KafkaEventSource;
  'topic': string;
  'partition': number;
  'offset': number;
  /**
   * Record timestamp, epoch milliseconds.
   */
  'timestamp'?: number;
  /**
   * The record key (UTF-8, cut at 256 characters).
   */
  'key'?: string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId'?: string;
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'messageId'?: string;
  'valueBytes': number;
  /**
   * The record value, base64, so it can be fixed and produced again (absent when `TOO_LARGE`).
   */
  'value'?: string;
  'rejectedAt': string;
}

/**
 * `INVALID_JSON`: the value is not JSON (or absent). `INVALID_ENVELOPE`: the envelope or its payload
 * fails the contract (`errors`). `KEY_MISMATCH`: the key is not the channel's key of the envelope.
 * `HEADER_MISMATCH`: a `wspush-*` header disagrees with the envelope. `TOO_LARGE`: the value exceeds
 * `x-limits.maxEnvelopeBytes` (not parsed, not copied). `UNKNOWN_TOPIC`: the record comes from a topic
 * that is not one of the stack's two.
 */
export type KafkaRejectionReason = "INVALID_JSON" | "INVALID_ENVELOPE" | "KEY_MISMATCH" | "HEADER_MISMATCH" | "TOO_LARGE" | "UNKNOWN_TOPIC";

export interface KeepAliveAction {
  'action': 'keepAlive';
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

/**
 * Rendered by the gateway itself (the `ping` route is a mock integration): `serverTime` is the time the gateway received the ping; `requestId` is never set (kept in the schema for clients of contract 1.2).
 */
export interface PongFrame {
  'kind': 'pong';
  'serverTime': string;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

/**
 * Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.
 */
export type RecoveryCode = "EPOCH_CHANGED" | "HISTORY_TRIMMED" | "SINCE_INVALID" | "SINCE_UNKNOWN_TOPIC" | "SINCE_AHEAD";

/**
 * Sent after the replay of each topic the client sent a position for (`since`), and for each position
 * that was ignored. `recovered: true`: every message after the position, up to the stream's newest, was
 * replayed (or there was none); later ones arrive live.
 * `recovered: false`: `code` says why; whatever history remains was replayed, the application should
 * reload the topic's state. `offset` / `epoch`: the stream's newest position (absent while the stream has
 * none).
 */
export interface RecoveryFrame {
  'kind': 'recovery';
  /**
   * The topic as sent (cut to 256 characters).
   */
  'topic': string;
  'recovered': boolean;
  /**
   * Frames of this topic replayed just before this one.
   */
  'replayed': number;
  /**
   * Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.
   */
  'code'?: RecoveryCode;
  'reason'?: string;
  /**
   * A message's position in the stream of its realm and concrete topic: 1 for the first publication of an
   * epoch, then one more per publication (assigned atomically when the message is routed; a retried routing
   * keeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).
   */
  'offset'?: number;
  /**
   * Names one generation of a stream; a new epoch starts when the history was lost or reset.
   */
  'epoch'?: string;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

/**
 * One item of the welcome's `recovery` array: the fields of a RecoveryFrame without `kind` and
 * `requestId`, with the same meaning, except that `replayed` counts the frames of the topic that follow
 * the welcome.
 */
export interface RecoveryOutcome {
  /**
   * The topic as sent (cut to 256 characters).
   */
  'topic': string;
  'recovered': boolean;
  /**
   * Frames of this topic replayed after the welcome.
   */
  'replayed': number;
  /**
   * Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.
   */
  'code'?: RecoveryCode;
  'reason'?: string;
  /**
   * A message's position in the stream of its realm and concrete topic: 1 for the first publication of an
   * epoch, then one more per publication (assigned atomically when the message is routed; a retried routing
   * keeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).
   */
  'offset'?: number;
  /**
   * Names one generation of a stream; a new epoch starts when the history was lost or reset.
   */
  'epoch'?: string;
}

/**
 * Where the connect-time answers to `since` go (the connect query's `recovery`; absent: `frames`).
 */
export type RecoveryPlacement = "frames" | "welcome";

export interface RejectedField {
  'field': string;
  'keyword': string;
  'message': string;
}

export interface RejectedTopic {
  /**
   * The name as requested (possibly invalid).
   */
  'topic': string;
  'code': TopicRejectionCode;
  'reason': string;
}

/**
 * The user message in `message` to this one open connection, whose post failed (5xx, timeout, still
 * throttled); the inbox is shared by the user's connections, so it is not used for this.
 */
export interface RetryDeliveryJob {
  'reason': 'retry';
  'connectionId': string;
  'userId': string;
  'realm': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  'message': UserEnvelope;
}

/**
 * A well-formed position a client sent on connect, for one of its accepted history topics.
 */
export interface SincePosition {
  /**
   * A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family
   * (`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.
   */
  'topic': string;
  /**
   * A message's position in the stream of its realm and concrete topic: 1 for the first publication of an
   * epoch, then one more per publication (assigned atomically when the message is routed; a retried routing
   * keeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).
   */
  'offset': number;
  /**
   * Names one generation of a stream; a new epoch starts when the history was lost or reset.
   */
  'epoch': string;
}

/**
 * A position sent on connect that was ignored, answered after the welcome.
 */
export interface SinceRejection {
  'topic': string;
  /**
   * Why a `recovery` frame says `recovered: false`, or why the position sent was ignored.
   */
  'code': RecoveryCode;
  'reason': string;
}

/**
 * Where a broadcast envelope too large to travel in every shard job is kept: one table item per message,
 * written once by the router and expiring after the fan-out queue's retention (docs/data-model.md).
 */
export interface StoredEnvelopeRef {
  'realm': string;
  /**
   * A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family
   * (`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.
   */
  'topic': string;
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'messageId': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
}

export interface StreamPosition {
  /**
   * A message's position in the stream of its realm and concrete topic: 1 for the first publication of an
   * epoch, then one more per publication (assigned atomically when the message is routed; a retried routing
   * keeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).
   */
  'offset': number;
  /**
   * Names one generation of a stream; a new epoch starts when the history was lost or reset.
   */
  'epoch': string;
}

export interface SubscribeAction {
  'action': 'subscribe';
  /**
   * Realm-relative topic names (invalid ones are rejected one by one in the reply).
   */
  'topics': string[];
  /**
   * The client's last position per topic (`{topic: {offset, epoch}}`, a StreamPosition each). Each value
   * is checked on its own: a malformed one is answered `SINCE_INVALID` in the topic's `recovery` frame
   * and the topic is still subscribed (replayed as without `since`).
   */
  'since'?: Record<string, Record<string, unknown>>;
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface SubscribedFrame {
  'kind': 'subscribed';
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
  /**
   * The requested topics the connection now holds (those it held already included).
   */
  'accepted': string[];
  'rejected': RejectedTopic[];
  /**
   * Every topic the connection holds after this request.
   */
  'topics': string[];
}

/**
 * Enqueued by `$connect` on stacks that set closeExpiredTokensAfterSeconds, when the token expires (plus
 * that setting) before the gateway's maximum connection duration would end the connection anyway. SQS
 * delays it until then (at most 900 s a step: the worker sends it again for the rest). The worker reads
 * the connection's meta row: a connection that is gone, expired, or was opened with another token (another
 * `tokenExpiresAt`) is left alone; an expired one gets the error frame TOKEN_EXPIRED (closeCode 4101), then
 * DELETE @connections. Idempotent: a repeat finds the connection gone (410 or no row).
 */
export interface TokenCheckJob {
  'reason': 'token-check';
  'connectionId': string;
  'userId': string;
  'realm': string;
  /**
   * The `exp` (epoch seconds) of the token the connection was opened with.
   */
  'tokenExpiresAt': number;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
}

export interface TopicMessageFrame {
  'kind': 'topic';
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'id': string;
  /**
   * A realm-relative concrete topic name: a fixed topic (`announcements`) or a topic of a family
   * (`jobs.8812`, `documents.d-77.comments`): dot-separated segments, the first a lowercase name.
   */
  'topic': string;
  'publishedAt': string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId': string;
  /**
   * True when sent from topic history on connect or after a subscribe.
   */
  'replayed'?: boolean;
  /**
   * A message's position in the stream of its realm and concrete topic: 1 for the first publication of an
   * epoch, then one more per publication (assigned atomically when the message is routed; a retried routing
   * keeps the first). In `since`, the offset of the last message the client has (0: none of this epoch).
   */
  'offset'?: number;
  /**
   * Names one generation of a stream; a new epoch starts when the history was lost or reset.
   */
  'epoch'?: string;
  /**
   * Follows the schema of the topic's channel.
   */
  'payload': Record<string, unknown>;
}

export type TopicRejectionCode = "UNKNOWN_TOPIC" | "FORBIDDEN_TOPIC" | "REALM_MISMATCH" | "INVALID_TOPIC_NAME" | "TOO_MANY_TOPICS" | "INVALID_TOPIC_PARAMETER" | "NOT_TOPIC_OWNER";

/**
 * Per-shard (or direct broadcast) outcome counts.
 */
export interface TraceCounts {
  'delivered'?: number;
  'gone'?: number;
  'connecting'?: number;
  'throttled'?: number;
  'retried'?: number;
  'tooLarge'?: number;
  'deferred'?: number;
}

export type TraceFormat = "wspush.trace.v1";

export type TraceHop = "published" | "routed" | "posted" | "stored" | "delivered-on-connect" | "dead-lettered";

export type TraceMessageKind = "topic" | "user";

/**
 * One hop of a message's journey ("where is my message?", docs/operations.md). The core writes one per
 * hop through its trace port; on AWS each is one JSON log line of the function that did the hop (the
 * Powertools line carries these fields at top level, plus the function, request and X-Ray trace ids),
 * found by `trace = "wspush.trace.v1"`; `wspush trace` reads them back. Hops: `published` (received
 * from SNS or Kafka), `routed` (audience found), `posted` (a post to a connection, or one record per
 * shard with `counts` for broadcasts: per-connection records there only for failures, plus a sample of
 * successes per the stack's trace sample rate), `stored` (offline inbox or topic history),
 * `delivered-on-connect` (the connect, drain or retry job posted it), `dead-lettered` (given up: left
 * to the DLQ / on-failure destination, with `reason`).
 */
export interface TraceRecord {
  'trace': TraceFormat;
  'hop': TraceHop;
  /**
   * Unique per message; clients and the offline inbox de-duplicate on it.
   */
  'messageId'?: string;
  /**
   * Follows a message from publish to delivery in every log line.
   */
  'correlationId'?: string;
  /**
   * When the hop happened.
   */
  'at': string;
  /**
   * The envelope's publishedAt (the timeline's zero).
   */
  'publishedAt'?: string;
  'kind'?: TraceMessageKind;
  'realm'?: string;
  'topic'?: string;
  'userId'?: string;
  /**
   * The user message type.
   */
  'type'?: string;
  /**
   * Where a `published` message came from.
   */
  'via'?: TraceSource;
  /**
   * Connections found (routed).
   */
  'audience'?: number;
  /**
   * Fan-out jobs (0 = posted directly by the router).
   */
  'shards'?: number;
  'shard'?: number;
  'attempt'?: number;
  'connectionId'?: string;
  /**
   * posted / delivered-on-connect: `delivered`; `gone` (410, dropped for that connection); `connecting`
   * (410 before the socket opened: stored, delivered by a drain job); `throttled` (still 429 after
   * backoff: retried by a job); `retried` (5xx or timeout: retried by a job); `too-large` (dropped);
   * `deferred` (not attempted before the deadline: continued in a new job). stored: `stored`,
   * `duplicate` (already stored), `expired` (retention already over: not stored).
   */
  'result'?: TraceResult;
  'store'?: TraceStore;
  /**
   * Per-shard (or direct broadcast) outcome counts.
   */
  'counts'?: TraceCounts;
  /**
   * The `reason` of a delivery job (`DeliveryJob`): `connect`, `drain` or `retry`, as in trace records.
   */
  'job'?: DeliveryReason;
  /**
   * A per-connection success kept by sampling.
   */
  'sampled'?: boolean;
  /**
   * Why: the dead-letter, retry or drop reason.
   */
  'reason'?: string;
}

/**
 * posted / delivered-on-connect: `delivered`; `gone` (410, dropped for that connection); `connecting`
 * (410 before the socket opened: stored, delivered by a drain job); `throttled` (still 429 after
 * backoff: retried by a job); `retried` (5xx or timeout: retried by a job); `too-large` (dropped);
 * `deferred` (not attempted before the deadline: continued in a new job). stored: `stored`,
 * `duplicate` (already stored), `expired` (retention already over: not stored).
 */
export type TraceResult = "delivered" | "gone" | "connecting" | "throttled" | "retried" | "too-large" | "deferred" | "stored" | "duplicate" | "expired";

/**
 * Where a `published` message came from.
 */
export interface TraceSource {
  'transport': TraceTransport;
  /**
   * SNS topic ARN or Kafka topic.
   */
  'source'?: string;
  /**
   * SNS message id or Kafka partition@offset.
   */
  'sourceMessageId'?: string;
  /**
   * The publisher's `publisher` attribute, when set.
   */
  'publisher'?: string;
}

export type TraceStore = "inbox" | "history";

export type TraceTransport = "sns" | "kafka";

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

export interface UnsubscribeAction {
  'action': 'unsubscribe';
  'topics': string[];
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
}

export interface UnsubscribedFrame {
  'kind': 'unsubscribed';
  /**
   * Optional id chosen by the client, echoed in the reply.
   */
  'requestId'?: string;
  /**
   * The requested names (a topic that was not held is listed too; unsubscribing is idempotent).
   */
  'unsubscribed': string[];
  /**
   * Every topic the connection holds after this request.
   */
  'topics': string[];
}

export interface UserActivityPayload {
  'activity': string;
  'at': string;
  'detail'?: string;
}

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
  /**
   * Only on a connection opened with `recovery=welcome` and `since`: the answer to each position sent,
   * in place of the `recovery` frames (same meaning, see RecoveryFrame). One item per topic sent with a
   * position, positions that were ignored included (`SINCE_INVALID`, `SINCE_UNKNOWN_TOPIC`, and topic
   * `*` for entries beyond the limits: at most `x-limits.maxTopicsPerConnection` + 1 items).
   * `replayed`: how many `replayed: true` frames of that topic follow this welcome, before the inbox.
   */
  'recovery'?: RecoveryOutcome[];
}
