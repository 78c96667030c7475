// Code generated from asyncapi.yaml. DO NOT EDIT.

import type {
  AnnouncementsPayload,
  AuditAlertsPayload,
  BroadcastEnvelope,
  ConnectionLimits,
  DeliveryJob,
  DocumentCommentPayload,
  DocumentReadyPayload,
  ErrorFrame,
  ExtendTtlAction,
  FanoutJob,
  JobStatusPayload,
  NotificationPayload,
  PingAction,
  PongFrame,
  RejectedTopic,
  SubscribeAction,
  SubscribedFrame,
  TopicMessageFrame,
  TraceRecord,
  TtlExtendedFrame,
  UnknownFrame,
  UnsubscribeAction,
  UnsubscribedFrame,
  UserActivityPayload,
  UserEnvelope,
  UserMessageFrame,
  WelcomeFrame,
} from './models.js';

/** An ajv error object, as the precompiled validators report it. */
export interface StandaloneValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: a type guard whose failures are left in `errors`. */
export interface StandaloneValidator<T> {
  (data: unknown): data is T;
  errors?: StandaloneValidationError[] | null;
}

export declare const validateAnnouncementsPayload: StandaloneValidator<AnnouncementsPayload>;
export declare const validateAuditAlertsPayload: StandaloneValidator<AuditAlertsPayload>;
export declare const validateBroadcastEnvelope: StandaloneValidator<BroadcastEnvelope>;
export declare const validateConnectionLimits: StandaloneValidator<ConnectionLimits>;
export declare const validateDeliveryJob: StandaloneValidator<DeliveryJob>;
export declare const validateDocumentCommentPayload: StandaloneValidator<DocumentCommentPayload>;
export declare const validateDocumentIdParameter: StandaloneValidator<unknown>;
export declare const validateDocumentReadyPayload: StandaloneValidator<DocumentReadyPayload>;
export declare const validateErrorFrame: StandaloneValidator<ErrorFrame>;
export declare const validateExtendTtlAction: StandaloneValidator<ExtendTtlAction>;
export declare const validateFanoutJob: StandaloneValidator<FanoutJob>;
export declare const validateJobIdParameter: StandaloneValidator<unknown>;
export declare const validateJobStatusPayload: StandaloneValidator<JobStatusPayload>;
export declare const validateNotificationPayload: StandaloneValidator<NotificationPayload>;
export declare const validatePingAction: StandaloneValidator<PingAction>;
export declare const validatePongFrame: StandaloneValidator<PongFrame>;
export declare const validateRejectedTopic: StandaloneValidator<RejectedTopic>;
export declare const validateSubscribeAction: StandaloneValidator<SubscribeAction>;
export declare const validateSubscribedFrame: StandaloneValidator<SubscribedFrame>;
export declare const validateTopicMessageFrame: StandaloneValidator<TopicMessageFrame>;
export declare const validateTraceRecord: StandaloneValidator<TraceRecord>;
export declare const validateTtlExtendedFrame: StandaloneValidator<TtlExtendedFrame>;
export declare const validateUnknownFrame: StandaloneValidator<UnknownFrame>;
export declare const validateUnsubscribeAction: StandaloneValidator<UnsubscribeAction>;
export declare const validateUnsubscribedFrame: StandaloneValidator<UnsubscribedFrame>;
export declare const validateUserActivityPayload: StandaloneValidator<UserActivityPayload>;
export declare const validateUserEnvelope: StandaloneValidator<UserEnvelope>;
export declare const validateUserIdParameter: StandaloneValidator<unknown>;
export declare const validateUserMessageFrame: StandaloneValidator<UserMessageFrame>;
export declare const validateWelcomeFrame: StandaloneValidator<WelcomeFrame>;
