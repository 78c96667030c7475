// Code generated from asyncapi.yaml. DO NOT EDIT.

import type {
  AnnouncementsPayload,
  AuditAlertsPayload,
  DocumentCommentPayload,
  DocumentReadyPayload,
  JobStatusPayload,
  NotificationPayload,
  UserActivityPayload,
} from './models.js';

import type { StandaloneValidator } from './field-errors.js';

export declare const validateAnnouncementsPayload: StandaloneValidator<AnnouncementsPayload>;
export declare const validateAuditAlertsPayload: StandaloneValidator<AuditAlertsPayload>;
export declare const validateDocumentCommentPayload: StandaloneValidator<DocumentCommentPayload>;
export declare const validateDocumentIdParameter: StandaloneValidator<unknown>;
export declare const validateDocumentReadyPayload: StandaloneValidator<DocumentReadyPayload>;
export declare const validateJobIdParameter: StandaloneValidator<unknown>;
export declare const validateJobStatusPayload: StandaloneValidator<JobStatusPayload>;
export declare const validateNotificationPayload: StandaloneValidator<NotificationPayload>;
export declare const validateUserActivityPayload: StandaloneValidator<UserActivityPayload>;
export declare const validateUserIdParameter: StandaloneValidator<unknown>;
