// Code generated from asyncapi.yaml. DO NOT EDIT.

// Typed wrappers around the precompiled validators: a result object instead of ajv's mutable `errors`,
// with each error naming the failing field as a dotted path.
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
import type { StandaloneValidationError, StandaloneValidator } from './validators.js';
import {
  validateAnnouncementsPayload,
  validateAuditAlertsPayload,
  validateBroadcastEnvelope,
  validateConnectionLimits,
  validateDeliveryJob,
  validateDocumentCommentPayload,
  validateDocumentIdParameter,
  validateDocumentReadyPayload,
  validateErrorFrame,
  validateExtendTtlAction,
  validateFanoutJob,
  validateJobIdParameter,
  validateJobStatusPayload,
  validateNotificationPayload,
  validatePingAction,
  validatePongFrame,
  validateRejectedTopic,
  validateSubscribeAction,
  validateSubscribedFrame,
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

/** One validation failure. `field` is a dotted path (`payload.severity`, `rejected.0.code`); a missing or
 * unexpected property names that property; `(root)` is the value itself. */
export interface FieldError {
  field: string;
  keyword: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Schema title → the type its validator checks. */
export interface SchemaModels {
  AnnouncementsPayload: AnnouncementsPayload;
  AuditAlertsPayload: AuditAlertsPayload;
  BroadcastEnvelope: BroadcastEnvelope;
  ConnectionLimits: ConnectionLimits;
  DeliveryJob: DeliveryJob;
  DocumentCommentPayload: DocumentCommentPayload;
  DocumentIdParameter: unknown;
  DocumentReadyPayload: DocumentReadyPayload;
  ErrorFrame: ErrorFrame;
  ExtendTtlAction: ExtendTtlAction;
  FanoutJob: FanoutJob;
  JobIdParameter: unknown;
  JobStatusPayload: JobStatusPayload;
  NotificationPayload: NotificationPayload;
  PingAction: PingAction;
  PongFrame: PongFrame;
  RejectedTopic: RejectedTopic;
  SubscribeAction: SubscribeAction;
  SubscribedFrame: SubscribedFrame;
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

export const schemaTitles: readonly SchemaTitle[] = ['AnnouncementsPayload', 'AuditAlertsPayload', 'BroadcastEnvelope', 'ConnectionLimits', 'DeliveryJob', 'DocumentCommentPayload', 'DocumentIdParameter', 'DocumentReadyPayload', 'ErrorFrame', 'ExtendTtlAction', 'FanoutJob', 'JobIdParameter', 'JobStatusPayload', 'NotificationPayload', 'PingAction', 'PongFrame', 'RejectedTopic', 'SubscribeAction', 'SubscribedFrame', 'TopicMessageFrame', 'TraceRecord', 'TtlExtendedFrame', 'UnknownFrame', 'UnsubscribeAction', 'UnsubscribedFrame', 'UserActivityPayload', 'UserEnvelope', 'UserIdParameter', 'UserMessageFrame', 'WelcomeFrame'];

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Converts an ajv error into a FieldError whose field is the property at fault. */
export function toFieldError(error: StandaloneValidationError): FieldError {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);
  const params = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    segments.push(params.missingProperty);
  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  const field = segments.length === 0 ? '(root)' : segments.join('.');
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') message = 'is not allowed (no such property in the schema)';
  if (error.keyword === 'required') message = 'is required';
  return { field, keyword: error.keyword, message };
}

function wrap<T>(validate: StandaloneValidator<T>): (data: unknown) => ValidationResult<T> {
  return (data: unknown): ValidationResult<T> => {
    if (validate(data)) return { ok: true, value: data };
    const errors = (validate.errors ?? []).map(toFieldError);
    return { ok: false, errors: errors.length > 0 ? errors : [{ field: '(root)', keyword: 'unknown', message: 'is invalid' }] };
  };
}

/** One typed validator per schema title. */
export const validators: { readonly [K in SchemaTitle]: (data: unknown) => ValidationResult<SchemaModels[K]> } = {
  AnnouncementsPayload: wrap(validateAnnouncementsPayload),
  AuditAlertsPayload: wrap(validateAuditAlertsPayload),
  BroadcastEnvelope: wrap(validateBroadcastEnvelope),
  ConnectionLimits: wrap(validateConnectionLimits),
  DeliveryJob: wrap(validateDeliveryJob),
  DocumentCommentPayload: wrap(validateDocumentCommentPayload),
  DocumentIdParameter: wrap(validateDocumentIdParameter),
  DocumentReadyPayload: wrap(validateDocumentReadyPayload),
  ErrorFrame: wrap(validateErrorFrame),
  ExtendTtlAction: wrap(validateExtendTtlAction),
  FanoutJob: wrap(validateFanoutJob),
  JobIdParameter: wrap(validateJobIdParameter),
  JobStatusPayload: wrap(validateJobStatusPayload),
  NotificationPayload: wrap(validateNotificationPayload),
  PingAction: wrap(validatePingAction),
  PongFrame: wrap(validatePongFrame),
  RejectedTopic: wrap(validateRejectedTopic),
  SubscribeAction: wrap(validateSubscribeAction),
  SubscribedFrame: wrap(validateSubscribedFrame),
  TopicMessageFrame: wrap(validateTopicMessageFrame),
  TraceRecord: wrap(validateTraceRecord),
  TtlExtendedFrame: wrap(validateTtlExtendedFrame),
  UnknownFrame: wrap(validateUnknownFrame),
  UnsubscribeAction: wrap(validateUnsubscribeAction),
  UnsubscribedFrame: wrap(validateUnsubscribedFrame),
  UserActivityPayload: wrap(validateUserActivityPayload),
  UserEnvelope: wrap(validateUserEnvelope),
  UserIdParameter: wrap(validateUserIdParameter),
  UserMessageFrame: wrap(validateUserMessageFrame),
  WelcomeFrame: wrap(validateWelcomeFrame),
};

/** One line per error: `field: message`, joined with `; ` (for logs and exception messages). */
export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
