// Code generated from asyncapi.yaml. DO NOT EDIT.

// Only the payload validators: the client SDK (`wspush/client/validation`) and the publisher import this
// module, so neither carries the frame, job or envelope schemas.
import { type ValidationResult, wrapValidator } from './field-errors.js';
import {
  validateAnnouncementsPayload,
  validateAuditAlertsPayload,
  validateDocumentCommentPayload,
  validateDocumentIdParameter,
  validateDocumentReadyPayload,
  validateJobIdParameter,
  validateJobStatusPayload,
  validateNotificationPayload,
  validateUserActivityPayload,
  validateUserIdParameter,
} from './payload-validators.js';
import type { TopicFamily, TopicPayloads } from './topics.js';
import type { UserMessagePayloads, UserMessageTypeName } from './user-messages.js';

/** The payload validator of each topic family. */
export const topicPayloadValidators: {
  readonly [F in TopicFamily]: (payload: unknown) => ValidationResult<TopicPayloads[F]>;
} = {
  announcements: wrapValidator(validateAnnouncementsPayload),
  'job-status': wrapValidator(validateJobStatusPayload),
  'audit-alerts': wrapValidator(validateAuditAlertsPayload),
  'jobs.{jobId}': wrapValidator(validateJobStatusPayload),
  'documents.{documentId}.comments': wrapValidator(validateDocumentCommentPayload),
  'users.{userId}.activity': wrapValidator(validateUserActivityPayload),
};
/** The validator of each topic parameter schema (x-schema), by schema title: what matchTopic checks. */
export const topicParameterValidators: Readonly<Record<string, (value: unknown) => ValidationResult<unknown>>> = {
  JobIdParameter: wrapValidator(validateJobIdParameter),
  DocumentIdParameter: wrapValidator(validateDocumentIdParameter),
  UserIdParameter: wrapValidator(validateUserIdParameter),
};

/** The payload validator of each user message type. */
export const userPayloadValidators: {
  readonly [T in UserMessageTypeName]: (payload: unknown) => ValidationResult<UserMessagePayloads[T]>;
} = {
  notification: wrapValidator(validateNotificationPayload),
  'document-ready': wrapValidator(validateDocumentReadyPayload),
};
