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
  'messageId': string;
  'correlationId': string;
  'realm': string;
  'topic': string;
  'publishedAt': string;
  'payload': Record<string, unknown>;
}

export interface ConnectionLimits {
  'idleTimeoutSeconds': number;
  'maxConnectionSeconds': number;
  'connectionTtlSeconds': number;
}

export interface DeliveryJob {
  'reason': DeliveryReason;
  'connectionId': string;
  'userId': string;
  'realm': string;
  'accepted': string[];
  'rejected': RejectedTopic[];
  'connectedAt': number;
  'expiresAt': number;
  'correlationId': string;
}

export type DeliveryReason = "connect" | "drain";

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
  'requestId'?: string;
}

export interface ExtendTtlAction {
  'action': 'extendTTL';
  'requestId'?: string;
}

export interface FanoutJob {
  'shard': number;
  'shards': number;
  'connectionIds': string[];
  'envelope': BroadcastEnvelope;
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
  'requestId'?: string;
}

export interface PongFrame {
  'kind': 'pong';
  'serverTime': string;
  'requestId'?: string;
}

export interface RejectedTopic {
  'topic': string;
  'code': TopicRejectionCode;
  'reason': string;
}

export interface TopicMessageFrame {
  'kind': 'topic';
  'id': string;
  'topic': string;
  'publishedAt': string;
  'correlationId': string;
  'replayed'?: boolean;
  'payload': Record<string, unknown>;
}

export type TopicRejectionCode = "UNKNOWN_TOPIC" | "FORBIDDEN_TOPIC" | "REALM_MISMATCH" | "INVALID_TOPIC_NAME" | "TOO_MANY_TOPICS";

export interface TtlExtendedFrame {
  'kind': 'ttl-extended';
  'expiresAt': string;
  'requestId'?: string;
}

export type UnknownFrame = string;

export interface UserEnvelope {
  'messageId': string;
  'correlationId': string;
  'realm': string;
  'userId': string;
  'type': string;
  'publishedAt': string;
  'payload': Record<string, unknown>;
}

export interface UserMessageFrame {
  'kind': 'user';
  'id': string;
  'type': string;
  'publishedAt': string;
  'correlationId': string;
  'offline'?: boolean;
  'payload': Record<string, unknown>;
}

export interface WelcomeFrame {
  'kind': 'welcome';
  'connectionId': string;
  'userId': string;
  'realm': string;
  'accepted': string[];
  'rejected': RejectedTopic[];
  'expiresAt': string;
  'serverTime': string;
  'pendingOffline': number;
  'limits': ConnectionLimits;
}
