// Code generated from asyncapi.yaml. DO NOT EDIT.

import type {
  BroadcastEnvelope,
  UserEnvelope,
} from './models.js';

import type { StandaloneValidator } from './field-errors.js';

export declare const validateBroadcastEnvelope: StandaloneValidator<BroadcastEnvelope>;
export declare const validateUserEnvelope: StandaloneValidator<UserEnvelope>;
