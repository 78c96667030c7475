// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { AnnouncementsPayload, AuditAlertsPayload, JobStatusPayload } from './models.js';
import type { ValidationResult } from './field-errors.js';
import { topicPayloadValidators } from './payload-validation.js';
import type { SchemaTitle } from './validation.js';

/** Realm-relative topic names, in contract order. */
export const topicNames = ['announcements', 'job-status', 'audit-alerts'] as const;
export type TopicName = (typeof topicNames)[number];

export interface TopicPayloads {
  announcements: AnnouncementsPayload;
  'job-status': JobStatusPayload;
  'audit-alerts': AuditAlertsPayload;
}

/** What happens to a topic message for users who are offline when it is published. */
export type TopicOfflinePolicy =
  | { readonly policy: 'drop' }
  | { readonly policy: 'history'; readonly historySize: number; readonly retentionSeconds: number };

export interface TopicDefinition<N extends TopicName> {
  readonly name: N;
  /** Roles (any of) a token needs in the realm; empty: every user of the realm. */
  readonly access: { readonly roles: readonly string[] };
  readonly offline: TopicOfflinePolicy;
  /** Partition keys the subscription rows are spread over (hash of the connection id); broadcasts Query each. */
  readonly partitions: number;
  readonly payloadSchema: SchemaTitle;
  validate(payload: unknown): ValidationResult<TopicPayloads[N]>;
}

export const topicRegistry: { readonly [N in TopicName]: TopicDefinition<N> } = {
  announcements: {
    name: 'announcements',
    access: { roles: [] },
    offline: {
      policy: 'history',
      historySize: 20,
      retentionSeconds: 86400,
    },
    partitions: 4,
    payloadSchema: 'AnnouncementsPayload',
    validate: topicPayloadValidators['announcements'],
  },
  'job-status': {
    name: 'job-status',
    access: { roles: [] },
    offline: {
      policy: 'drop',
    },
    partitions: 1,
    payloadSchema: 'JobStatusPayload',
    validate: topicPayloadValidators['job-status'],
  },
  'audit-alerts': {
    name: 'audit-alerts',
    access: { roles: ['admin'] },
    offline: {
      policy: 'history',
      historySize: 50,
      retentionSeconds: 604800,
    },
    partitions: 1,
    payloadSchema: 'AuditAlertsPayload',
    validate: topicPayloadValidators['audit-alerts'],
  },
};

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && Object.hasOwn(topicRegistry, value);
}
