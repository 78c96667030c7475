// Code generated from small.yaml. DO NOT EDIT.

import type { ReminderPayload } from './models.js';
import type { SchemaTitle, ValidationResult } from './validation.js';
import { validators } from './validation.js';

/** User message types, in contract order. */
export const userMessageTypes = ['reminder'] as const;
export type UserMessageTypeName = (typeof userMessageTypes)[number];

export interface UserMessagePayloads {
  reminder: ReminderPayload;
}

export interface UserMessageDefinition<T extends UserMessageTypeName> {
  readonly type: T;
  /** How long the offline inbox keeps an undelivered message of this type. */
  readonly retentionDays: number;
  readonly payloadSchema: SchemaTitle;
  validate(payload: unknown): ValidationResult<UserMessagePayloads[T]>;
}

export const userMessageRegistry: { readonly [T in UserMessageTypeName]: UserMessageDefinition<T> } = {
  reminder: {
    type: 'reminder',
    retentionDays: 3,
    payloadSchema: 'ReminderPayload',
    validate: validators.ReminderPayload,
  },
};

export function isUserMessageType(value: unknown): value is UserMessageTypeName {
  return typeof value === 'string' && Object.hasOwn(userMessageRegistry, value);
}
