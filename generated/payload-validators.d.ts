// Code generated from asyncapi.yaml. DO NOT EDIT.

import type {
  AnnouncementsPayload,
  AuditAlertsPayload,
  DocumentReadyPayload,
  JobStatusPayload,
  NotificationPayload,
} from './models.js';

import type { StandaloneValidator } from './field-errors.js';

export declare const validateAnnouncementsPayload: StandaloneValidator<AnnouncementsPayload>;
export declare const validateAuditAlertsPayload: StandaloneValidator<AuditAlertsPayload>;
export declare const validateDocumentReadyPayload: StandaloneValidator<DocumentReadyPayload>;
export declare const validateJobStatusPayload: StandaloneValidator<JobStatusPayload>;
export declare const validateNotificationPayload: StandaloneValidator<NotificationPayload>;
