// Code generated from small.yaml. DO NOT EDIT.

import type { ErrorCode, TopicRejectionCode } from './models.js';

export interface ErrorCodeDefinition {
  /** The client may retry the same request (or reconnect) later. */
  readonly retryable: boolean;
  readonly description: string;
}

/** Codes of error frames and rejected topics (x-error-codes). */
export const errorCodes: Readonly<Record<ErrorCode | TopicRejectionCode, ErrorCodeDefinition>> = {
  BAD_FRAME: {
    retryable: false,
    description: 'The frame is invalid.',
  },
  NO_SUCH_TOPIC: {
    retryable: false,
    description: 'No such topic.',
  },
};

export interface CloseCodeRange {
  readonly from: number;
  readonly to: number;
  readonly name: string;
  readonly retryable: boolean;
  readonly description: string;
}

/** WebSocket close codes (x-close-codes), as inclusive ranges. */
export const closeCodes: readonly CloseCodeRange[] = [
  {
    from: 1000,
    to: 1000,
    retryable: false,
    name: 'NORMAL',
    description: 'Normal closure.',
  },
  {
    from: 4000,
    to: 4099,
    retryable: true,
    name: 'APP_RETRYABLE',
    description: 'Application-defined, retry.',
  },
];

/** Names a close code and says whether a client should reconnect; codes the contract does not list are retryable. */
export function classifyCloseCode(code: number): { name: string; retryable: boolean } {
  const range = closeCodes.find((r) => code >= r.from && code <= r.to);
  return range === undefined ? { name: 'UNKNOWN', retryable: true } : { name: range.name, retryable: range.retryable };
}

export interface Limits {
  readonly maxTopicsPerConnection: number;
  readonly frameBytes: number;
  readonly messageBytes: number;
  readonly idleTimeoutSeconds: number;
  readonly maxConnectionSeconds: number;
  readonly connectionTtlSeconds: number;
  readonly inboxMaxItems: number;
  readonly maxEnvelopeBytes: number;
}

/** Platform limits (x-limits). */
export const limits: Limits = {
  maxTopicsPerConnection: 5,
  frameBytes: 32768,
  messageBytes: 131072,
  idleTimeoutSeconds: 600,
  maxConnectionSeconds: 7200,
  connectionTtlSeconds: 7800,
  inboxMaxItems: 10,
  maxEnvelopeBytes: 1000,
};
