// Code generated from asyncapi.yaml. DO NOT EDIT.

import { type FieldError, type ValidationResult, wrapValidator } from './field-errors.js';
import {
  validateBroadcastEnvelope,
  validateUserEnvelope,
} from './envelope-validators.js';
import type { BroadcastEnvelope, UserEnvelope } from './models.js';
import { matchTopic, topicFamilies } from './topics.js';
import { isUserMessageType, userMessageRegistry, userMessageTypes } from './user-messages.js';

/** Schema title → validator, for each envelope a publisher sends (the messages of the SNS channels). */
export const envelopeValidators: {
  readonly BroadcastEnvelope: (data: unknown) => ValidationResult<BroadcastEnvelope>;
  readonly UserEnvelope: (data: unknown) => ValidationResult<UserEnvelope>;
} = {
  BroadcastEnvelope: wrapValidator(validateBroadcastEnvelope),
  UserEnvelope: wrapValidator(validateUserEnvelope),
};

/** Payload validators report paths relative to the payload: shown under `payload.`. */
function underPayload(errors: readonly FieldError[]): FieldError[] {
  return errors.map((e) => ({ ...e, field: e.field === '(root)' ? 'payload' : `payload.${e.field}` }));
}

/** The envelope schema's errors, and whether its `field` and its payload were valid enough to check further. */
function envelopeErrors(result: ValidationResult<unknown>, field: string): { errors: FieldError[]; field: boolean; payload: boolean } {
  const errors = result.ok ? [] : result.errors.filter((e) => !e.field.startsWith('payload.'));
  return {
    errors,
    field: !errors.some((e) => e.field === field),
    payload: !errors.some((e) => e.field === 'payload'),
  };
}

/** The fields of a JSON object; nothing for any other value (the schema already reported it). */
function fields(data: unknown): { topic?: unknown; type?: unknown; payload?: unknown } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? data : {};
}

function outcome<T>(data: unknown, errors: FieldError[]): ValidationResult<T> {
  return errors.length === 0 ? { ok: true, value: data as T } : { ok: false, errors };
}

/**
 * A broadcast envelope as the routers accept it: the envelope schema, its topic (a concrete topic of a family of
 * the contract) and the payload against that family's schema. Every error at once, payload errors under `payload.`.
 * One check for the routers, the publisher SDK and CLI, and the console.
 */
export function checkBroadcastEnvelope(data: unknown): ValidationResult<BroadcastEnvelope> {
  const checked = envelopeErrors(envelopeValidators.BroadcastEnvelope(data), 'topic');
  const { topic, payload } = fields(data);
  if (checked.field && typeof topic === 'string') {
    const match = matchTopic(topic);
    const name = JSON.stringify(topic);
    if (!match.ok) {
      const unknown = match.code === 'UNKNOWN_TOPIC';
      checked.errors.push({
        field: 'topic',
        keyword: unknown ? 'enum' : 'pattern',
        message: unknown ? `unknown topic ${name}; the contract defines ${topicFamilies.join(', ')}` : `${name}: ${match.reason}`,
      });
    } else if (checked.payload) {
      const result = match.definition.validate(payload);
      if (!result.ok) checked.errors.push(...underPayload(result.errors));
    }
  }
  return outcome(data, checked.errors);
}

/** A user envelope: the envelope schema, its message type (one the contract defines) and the payload against it. */
export function checkUserEnvelope(data: unknown): ValidationResult<UserEnvelope> {
  const checked = envelopeErrors(envelopeValidators.UserEnvelope(data), 'type');
  const { type, payload } = fields(data);
  if (checked.field && typeof type === 'string') {
    if (!isUserMessageType(type)) {
      checked.errors.push({
        field: 'type',
        keyword: 'enum',
        message: `unknown user message type ${JSON.stringify(type)}; the contract defines ${userMessageTypes.join(', ')}`,
      });
    } else if (checked.payload) {
      const result = userMessageRegistry[type].validate(payload);
      if (!result.ok) checked.errors.push(...underPayload(result.errors));
    }
  }
  return outcome(data, checked.errors);
}
