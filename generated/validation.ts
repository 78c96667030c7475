// Code generated from asyncapi.yaml. DO NOT EDIT.

// One typed validator per schema title, for server code (it imports every validator: browsers and
// publishers import payload-validation.ts and envelope-validation.ts instead).
import { type ValidationResult, wrapValidator } from './field-errors.js';
import type {
  AnnouncementsPayload,
  AuditAlertsPayload,
  BroadcastEnvelope,
  ConnectionLimits,
  DeliveryJob,
  DocumentReadyPayload,
  ErrorFrame,
  ExtendTtlAction,
  FanoutJob,
  JobStatusPayload,
  NotificationPayload,
  PingAction,
  PongFrame,
  RejectedTopic,
  TopicMessageFrame,
  TraceRecord,
  TtlExtendedFrame,
  UnknownFrame,
  UserEnvelope,
  UserMessageFrame,
  WelcomeFrame,
} from './models.js';
import {
  validateAnnouncementsPayload,
  validateAuditAlertsPayload,
  validateBroadcastEnvelope,
  validateConnectionLimits,
  validateDeliveryJob,
  validateDocumentReadyPayload,
  validateErrorFrame,
  validateExtendTtlAction,
  validateFanoutJob,
  validateJobStatusPayload,
  validateNotificationPayload,
  validatePingAction,
  validatePongFrame,
  validateRejectedTopic,
  validateTopicMessageFrame,
  validateTraceRecord,
  validateTtlExtendedFrame,
  validateUnknownFrame,
  validateUserEnvelope,
  validateUserMessageFrame,
  validateWelcomeFrame,
} from './validators.js';

/** Schema title → the type its validator checks. */
export interface SchemaModels {
  AnnouncementsPayload: AnnouncementsPayload;
  AuditAlertsPayload: AuditAlertsPayload;
  BroadcastEnvelope: BroadcastEnvelope;
  ConnectionLimits: ConnectionLimits;
  DeliveryJob: DeliveryJob;
  DocumentReadyPayload: DocumentReadyPayload;
  ErrorFrame: ErrorFrame;
  ExtendTtlAction: ExtendTtlAction;
  FanoutJob: FanoutJob;
  JobStatusPayload: JobStatusPayload;
  NotificationPayload: NotificationPayload;
  PingAction: PingAction;
  PongFrame: PongFrame;
  RejectedTopic: RejectedTopic;
  TopicMessageFrame: TopicMessageFrame;
  TraceRecord: TraceRecord;
  TtlExtendedFrame: TtlExtendedFrame;
  UnknownFrame: UnknownFrame;
  UserEnvelope: UserEnvelope;
  UserMessageFrame: UserMessageFrame;
  WelcomeFrame: WelcomeFrame;
}

export type SchemaTitle = keyof SchemaModels;

export const schemaTitles: readonly SchemaTitle[] = ['AnnouncementsPayload', 'AuditAlertsPayload', 'BroadcastEnvelope', 'ConnectionLimits', 'DeliveryJob', 'DocumentReadyPayload', 'ErrorFrame', 'ExtendTtlAction', 'FanoutJob', 'JobStatusPayload', 'NotificationPayload', 'PingAction', 'PongFrame', 'RejectedTopic', 'TopicMessageFrame', 'TraceRecord', 'TtlExtendedFrame', 'UnknownFrame', 'UserEnvelope', 'UserMessageFrame', 'WelcomeFrame'];

/** One typed validator per schema title. */
export const validators: { readonly [K in SchemaTitle]: (data: unknown) => ValidationResult<SchemaModels[K]> } = {
  AnnouncementsPayload: wrapValidator(validateAnnouncementsPayload),
  AuditAlertsPayload: wrapValidator(validateAuditAlertsPayload),
  BroadcastEnvelope: wrapValidator(validateBroadcastEnvelope),
  ConnectionLimits: wrapValidator(validateConnectionLimits),
  DeliveryJob: wrapValidator(validateDeliveryJob),
  DocumentReadyPayload: wrapValidator(validateDocumentReadyPayload),
  ErrorFrame: wrapValidator(validateErrorFrame),
  ExtendTtlAction: wrapValidator(validateExtendTtlAction),
  FanoutJob: wrapValidator(validateFanoutJob),
  JobStatusPayload: wrapValidator(validateJobStatusPayload),
  NotificationPayload: wrapValidator(validateNotificationPayload),
  PingAction: wrapValidator(validatePingAction),
  PongFrame: wrapValidator(validatePongFrame),
  RejectedTopic: wrapValidator(validateRejectedTopic),
  TopicMessageFrame: wrapValidator(validateTopicMessageFrame),
  TraceRecord: wrapValidator(validateTraceRecord),
  TtlExtendedFrame: wrapValidator(validateTtlExtendedFrame),
  UnknownFrame: wrapValidator(validateUnknownFrame),
  UserEnvelope: wrapValidator(validateUserEnvelope),
  UserMessageFrame: wrapValidator(validateUserMessageFrame),
  WelcomeFrame: wrapValidator(validateWelcomeFrame),
};
