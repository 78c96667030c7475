// Code generated from asyncapi.yaml. DO NOT EDIT.

import { type ValidationResult, wrapValidator } from './field-errors.js';
import {
  validateBroadcastEnvelope,
  validateUserEnvelope,
} from './envelope-validators.js';
import type { BroadcastEnvelope, UserEnvelope } from './models.js';

/** Schema title → validator, for each envelope a publisher sends (the messages of the SNS channels). */
export const envelopeValidators: {
  readonly BroadcastEnvelope: (data: unknown) => ValidationResult<BroadcastEnvelope>;
  readonly UserEnvelope: (data: unknown) => ValidationResult<UserEnvelope>;
} = {
  BroadcastEnvelope: wrapValidator(validateBroadcastEnvelope),
  UserEnvelope: wrapValidator(validateUserEnvelope),
};
