// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { DocumentReadyPayload, NotificationPayload } from './models.js';
import type { ValidationResult } from './field-errors.js';
import { userPayloadValidators } from './payload-validation.js';
import type { SchemaTitle } from './validation.js';

/** User message types, in contract order. */
export const userMessageTypes = ['notification', 'document-ready'] as const;
export type UserMessageTypeName = (typeof userMessageTypes)[number];

export interface UserMessagePayloads {
  notification: NotificationPayload;
  'document-ready': DocumentReadyPayload;
}

export interface UserMessageDefinition<T extends UserMessageTypeName> {
  readonly type: T;
  /** How long the offline inbox keeps an undelivered message of this type. */
  readonly retentionDays: number;
  readonly payloadSchema: SchemaTitle;
  validate(payload: unknown): ValidationResult<UserMessagePayloads[T]>;
}

export const userMessageRegistry: { readonly [T in UserMessageTypeName]: UserMessageDefinition<T> } = {
  notification: {
    type: 'notification',
    retentionDays: 7,
    payloadSchema: 'NotificationPayload',
    validate: userPayloadValidators['notification'],
  },
  'document-ready': {
    type: 'document-ready',
    retentionDays: 2,
    payloadSchema: 'DocumentReadyPayload',
    validate: userPayloadValidators['document-ready'],
  },
};

export function isUserMessageType(value: unknown): value is UserMessageTypeName {
  return typeof value === 'string' && Object.hasOwn(userMessageRegistry, value);
}
