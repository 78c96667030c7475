// Code generated from small.yaml. DO NOT EDIT.

import type {
  EchoAction,
  EchoedFrame,
  Envelope,
  NewsPayload,
  ReminderPayload,
} from './models.js';

/** An ajv error object, as the precompiled validators report it. */
export interface StandaloneValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: a type guard whose failures are left in `errors`. */
export interface StandaloneValidator<T> {
  (data: unknown): data is T;
  errors?: StandaloneValidationError[] | null;
}

export declare const validateEchoAction: StandaloneValidator<EchoAction>;
export declare const validateEchoedFrame: StandaloneValidator<EchoedFrame>;
export declare const validateEnvelope: StandaloneValidator<Envelope>;
export declare const validateNewsPayload: StandaloneValidator<NewsPayload>;
export declare const validateReminderPayload: StandaloneValidator<ReminderPayload>;
