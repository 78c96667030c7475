// Code generated from asyncapi.yaml. DO NOT EDIT.

// Only the payload validators: the client SDK (`wspush/client/validation`) and the publisher import this
// module, so neither carries the frame, job or envelope schemas.
import { type ValidationResult, wrapValidator } from './field-errors.js';
import {
  validateAnnouncementsPayload,
  validateAuditAlertsPayload,
  validateDocumentReadyPayload,
  validateJobStatusPayload,
  validateNotificationPayload,
} from './payload-validators.js';
import type { TopicName, TopicPayloads } from './topics.js';
import type { UserMessagePayloads, UserMessageTypeName } from './user-messages.js';

/** The payload validator of each topic. */
export const topicPayloadValidators: {
  readonly [N in TopicName]: (payload: unknown) => ValidationResult<TopicPayloads[N]>;
} = {
  announcements: wrapValidator(validateAnnouncementsPayload),
  'job-status': wrapValidator(validateJobStatusPayload),
  'audit-alerts': wrapValidator(validateAuditAlertsPayload),
};

/** The payload validator of each user message type. */
export const userPayloadValidators: {
  readonly [T in UserMessageTypeName]: (payload: unknown) => ValidationResult<UserMessagePayloads[T]>;
} = {
  notification: wrapValidator(validateNotificationPayload),
  'document-ready': wrapValidator(validateDocumentReadyPayload),
};
