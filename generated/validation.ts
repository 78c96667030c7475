// Code generated from asyncapi.yaml. DO NOT EDIT.

// One typed validator per schema title, for server code (it imports every validator: browsers and
// publishers import payload-validation.ts and envelope-validation.ts instead).
import { type ValidationResult, wrapValidator } from './field-errors.js';
import type {
  AnnouncementsPayload,
  AuditAlertsPayload,
  BroadcastEnvelope,
  ConnectDeliveryJob,
  ConnectionLimits,
  DeliveryJob,
  DocumentCommentPayload,
  DocumentReadyPayload,
  DrainDeliveryJob,
  ErrorFrame,
  ExtendTtlAction,
  FanoutJob,
  JobStatusPayload,
  KafkaRejectedRecord,
  KeepAliveAction,
  NotificationPayload,
  PingAction,
  PongFrame,
  RecoveryFrame,
  RecoveryOutcome,
  RejectedTopic,
  RetryDeliveryJob,
  SincePosition,
  SinceRejection,
  StoredEnvelopeRef,
  StreamPosition,
  SubscribeAction,
  SubscribedFrame,
  TokenCheckJob,
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
import {
  validateAnnouncementsPayload,
  validateAuditAlertsPayload,
  validateBroadcastEnvelope,
  validateConnectDeliveryJob,
  validateConnectionLimits,
  validateDeliveryJob,
  validateDocumentCommentPayload,
  validateDocumentIdParameter,
  validateDocumentReadyPayload,
  validateDrainDeliveryJob,
  validateErrorFrame,
  validateExtendTtlAction,
  validateFanoutJob,
  validateJobIdParameter,
  validateJobStatusPayload,
  validateKafkaRejectedRecord,
  validateKeepAliveAction,
  validateNotificationPayload,
  validatePingAction,
  validatePongFrame,
  validateRecoveryFrame,
  validateRecoveryOutcome,
  validateRejectedTopic,
  validateRetryDeliveryJob,
  validateSincePosition,
  validateSinceRejection,
  validateStoredEnvelopeRef,
  validateStreamPosition,
  validateSubscribeAction,
  validateSubscribedFrame,
  validateTokenCheckJob,
  validateTopicMessageFrame,
  validateTraceRecord,
  validateTtlExtendedFrame,
  validateUnknownFrame,
  validateUnsubscribeAction,
  validateUnsubscribedFrame,
  validateUserActivityPayload,
  validateUserEnvelope,
  validateUserIdParameter,
  validateUserMessageFrame,
  validateWelcomeFrame,
} from './validators.js';

/** Schema title → the type its validator checks. */
export interface SchemaModels {
  AnnouncementsPayload: AnnouncementsPayload;
  AuditAlertsPayload: AuditAlertsPayload;
  BroadcastEnvelope: BroadcastEnvelope;
  ConnectDeliveryJob: ConnectDeliveryJob;
  ConnectionLimits: ConnectionLimits;
  DeliveryJob: DeliveryJob;
  DocumentCommentPayload: DocumentCommentPayload;
  DocumentIdParameter: unknown;
  DocumentReadyPayload: DocumentReadyPayload;
  DrainDeliveryJob: DrainDeliveryJob;
  ErrorFrame: ErrorFrame;
  ExtendTtlAction: ExtendTtlAction;
  FanoutJob: FanoutJob;
  JobIdParameter: unknown;
  JobStatusPayload: JobStatusPayload;
  KafkaRejectedRecord: KafkaRejectedRecord;
  KeepAliveAction: KeepAliveAction;
  NotificationPayload: NotificationPayload;
  PingAction: PingAction;
  PongFrame: PongFrame;
  RecoveryFrame: RecoveryFrame;
  RecoveryOutcome: RecoveryOutcome;
  RejectedTopic: RejectedTopic;
  RetryDeliveryJob: RetryDeliveryJob;
  SincePosition: SincePosition;
  SinceRejection: SinceRejection;
  StoredEnvelopeRef: StoredEnvelopeRef;
  StreamPosition: StreamPosition;
  SubscribeAction: SubscribeAction;
  SubscribedFrame: SubscribedFrame;
  TokenCheckJob: TokenCheckJob;
  TopicMessageFrame: TopicMessageFrame;
  TraceRecord: TraceRecord;
  TtlExtendedFrame: TtlExtendedFrame;
  UnknownFrame: UnknownFrame;
  UnsubscribeAction: UnsubscribeAction;
  UnsubscribedFrame: UnsubscribedFrame;
  UserActivityPayload: UserActivityPayload;
  UserEnvelope: UserEnvelope;
  UserIdParameter: unknown;
  UserMessageFrame: UserMessageFrame;
  WelcomeFrame: WelcomeFrame;
}

export type SchemaTitle = keyof SchemaModels;

export const schemaTitles: readonly SchemaTitle[] = ['AnnouncementsPayload', 'AuditAlertsPayload', 'BroadcastEnvelope', 'ConnectDeliveryJob', 'ConnectionLimits', 'DeliveryJob', 'DocumentCommentPayload', 'DocumentIdParameter', 'DocumentReadyPayload', 'DrainDeliveryJob', 'ErrorFrame', 'ExtendTtlAction', 'FanoutJob', 'JobIdParameter', 'JobStatusPayload', 'KafkaRejectedRecord', 'KeepAliveAction', 'NotificationPayload', 'PingAction', 'PongFrame', 'RecoveryFrame', 'RecoveryOutcome', 'RejectedTopic', 'RetryDeliveryJob', 'SincePosition', 'SinceRejection', 'StoredEnvelopeRef', 'StreamPosition', 'SubscribeAction', 'SubscribedFrame', 'TokenCheckJob', 'TopicMessageFrame', 'TraceRecord', 'TtlExtendedFrame', 'UnknownFrame', 'UnsubscribeAction', 'UnsubscribedFrame', 'UserActivityPayload', 'UserEnvelope', 'UserIdParameter', 'UserMessageFrame', 'WelcomeFrame'];

/** One typed validator per schema title. */
export const validators: { readonly [K in SchemaTitle]: (data: unknown) => ValidationResult<SchemaModels[K]> } = {
  AnnouncementsPayload: wrapValidator(validateAnnouncementsPayload),
  AuditAlertsPayload: wrapValidator(validateAuditAlertsPayload),
  BroadcastEnvelope: wrapValidator(validateBroadcastEnvelope),
  ConnectDeliveryJob: wrapValidator(validateConnectDeliveryJob),
  ConnectionLimits: wrapValidator(validateConnectionLimits),
  DeliveryJob: wrapValidator(validateDeliveryJob),
  DocumentCommentPayload: wrapValidator(validateDocumentCommentPayload),
  DocumentIdParameter: wrapValidator(validateDocumentIdParameter),
  DocumentReadyPayload: wrapValidator(validateDocumentReadyPayload),
  DrainDeliveryJob: wrapValidator(validateDrainDeliveryJob),
  ErrorFrame: wrapValidator(validateErrorFrame),
  ExtendTtlAction: wrapValidator(validateExtendTtlAction),
  FanoutJob: wrapValidator(validateFanoutJob),
  JobIdParameter: wrapValidator(validateJobIdParameter),
  JobStatusPayload: wrapValidator(validateJobStatusPayload),
  KafkaRejectedRecord: wrapValidator(validateKafkaRejectedRecord),
  KeepAliveAction: wrapValidator(validateKeepAliveAction),
  NotificationPayload: wrapValidator(validateNotificationPayload),
  PingAction: wrapValidator(validatePingAction),
  PongFrame: wrapValidator(validatePongFrame),
  RecoveryFrame: wrapValidator(validateRecoveryFrame),
  RecoveryOutcome: wrapValidator(validateRecoveryOutcome),
  RejectedTopic: wrapValidator(validateRejectedTopic),
  RetryDeliveryJob: wrapValidator(validateRetryDeliveryJob),
  SincePosition: wrapValidator(validateSincePosition),
  SinceRejection: wrapValidator(validateSinceRejection),
  StoredEnvelopeRef: wrapValidator(validateStoredEnvelopeRef),
  StreamPosition: wrapValidator(validateStreamPosition),
  SubscribeAction: wrapValidator(validateSubscribeAction),
  SubscribedFrame: wrapValidator(validateSubscribedFrame),
  TokenCheckJob: wrapValidator(validateTokenCheckJob),
  TopicMessageFrame: wrapValidator(validateTopicMessageFrame),
  TraceRecord: wrapValidator(validateTraceRecord),
  TtlExtendedFrame: wrapValidator(validateTtlExtendedFrame),
  UnknownFrame: wrapValidator(validateUnknownFrame),
  UnsubscribeAction: wrapValidator(validateUnsubscribeAction),
  UnsubscribedFrame: wrapValidator(validateUnsubscribedFrame),
  UserActivityPayload: wrapValidator(validateUserActivityPayload),
  UserEnvelope: wrapValidator(validateUserEnvelope),
  UserIdParameter: wrapValidator(validateUserIdParameter),
  UserMessageFrame: wrapValidator(validateUserMessageFrame),
  WelcomeFrame: wrapValidator(validateWelcomeFrame),
};
