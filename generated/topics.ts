// Code generated from asyncapi.yaml. DO NOT EDIT.

import type { AnnouncementsPayload, AuditAlertsPayload, DocumentCommentPayload, JobStatusPayload, UserActivityPayload } from './models.js';
import type { ValidationResult } from './field-errors.js';
import { formatErrors } from './field-errors.js';
import { topicParameterValidators, topicPayloadValidators } from './payload-validation.js';
import type { SchemaTitle } from './validation.js';

/** Topic families (channels with x-topic), by address, in contract order; a fixed topic is a family without parameters. */
export const topicFamilies = ['announcements', 'job-status', 'audit-alerts', 'jobs.{jobId}', 'documents.{documentId}.comments', 'users.{userId}.activity'] as const;
export type TopicFamily = (typeof topicFamilies)[number];

/** The fixed topics (families without parameters). */
export const topicNames = ['announcements', 'job-status', 'audit-alerts'] as const;
export type TopicName = (typeof topicNames)[number];

export interface TopicPayloads {
  announcements: AnnouncementsPayload;
  'job-status': JobStatusPayload;
  'audit-alerts': AuditAlertsPayload;
  'jobs.{jobId}': JobStatusPayload;
  'documents.{documentId}.comments': DocumentCommentPayload;
  'users.{userId}.activity': UserActivityPayload;
}

/** What a client filters on: a fixed name, or a family with `*` for each parameter (`jobs.*`). */
export type TopicFilter = 'announcements' | 'job-status' | 'audit-alerts' | 'jobs.*' | 'documents.*.comments' | 'users.*.activity';

/** Every concrete topic name, as template literal types (the family address, a string per parameter). */
export type ConcreteTopicName = 'announcements' | 'job-status' | 'audit-alerts' | `jobs.${string}` | `documents.${string}.comments` | `users.${string}.activity`;

/** The family of a concrete name or a filter (`never` when none matches). */
export type TopicFamilyOf<T extends string> =
  T extends 'announcements' ? 'announcements' :
  T extends 'job-status' ? 'job-status' :
  T extends 'audit-alerts' ? 'audit-alerts' :
  T extends `jobs.${string}` ? 'jobs.{jobId}' :
  T extends `documents.${string}.comments` ? 'documents.{documentId}.comments' :
  T extends `users.${string}.activity` ? 'users.{userId}.activity' :
  never;

/** The payload type of a concrete topic name or a filter. */
export type TopicPayloadOf<T extends string> = [TopicFamilyOf<T>] extends [never]
  ? unknown
  : TopicPayloads[TopicFamilyOf<T>];

/** What happens to a topic message for users who are offline when it is published. */
export type TopicOfflinePolicy =
  | { readonly policy: 'drop' }
  | { readonly policy: 'history'; readonly historySize: number; readonly retentionSeconds: number };

/** One dot-separated segment of a family address: a literal, or a parameter with its schema. */
export type TopicSegment = { readonly literal: string } | { readonly param: string; readonly schema: SchemaTitle };

export interface TopicAccess {
  /** Roles (any of) a token needs in the realm; empty: every user of the realm. */
  readonly roles: readonly string[];
  /** Owner rule: the parameter must equal the token's subject, unless the token holds an override role. */
  readonly owner?: { readonly parameter: string; readonly overrideRoles: readonly string[] };
}

export interface TopicDefinition<F extends TopicFamily> {
  readonly name: F;
  readonly filter: TopicFilter;
  readonly segments: readonly TopicSegment[];
  readonly access: TopicAccess;
  readonly offline: TopicOfflinePolicy;
  /** Partition keys the subscription rows are spread over (hash of the connection id; x-topic.partitions, or from expectedAudience, or 8 for a fixed open topic); broadcasts Query each. */
  readonly partitions: number;
  readonly payloadSchema: SchemaTitle;
  validate(payload: unknown): ValidationResult<TopicPayloads[F]>;
}

export const topicRegistry: { readonly [F in TopicFamily]: TopicDefinition<F> } = {
  announcements: {
    name: 'announcements',
    filter: 'announcements',
    segments: [
      {
        literal: 'announcements',
      },
    ],
    access: {
      roles: [],
    },
    offline: {
      policy: 'history',
      historySize: 20,
      retentionSeconds: 86400,
    },
    partitions: 34,
    payloadSchema: 'AnnouncementsPayload',
    validate: topicPayloadValidators['announcements'],
  },
  'job-status': {
    name: 'job-status',
    filter: 'job-status',
    segments: [
      {
        literal: 'job-status',
      },
    ],
    access: {
      roles: [],
    },
    offline: {
      policy: 'drop',
    },
    partitions: 8,
    payloadSchema: 'JobStatusPayload',
    validate: topicPayloadValidators['job-status'],
  },
  'audit-alerts': {
    name: 'audit-alerts',
    filter: 'audit-alerts',
    segments: [
      {
        literal: 'audit-alerts',
      },
    ],
    access: {
      roles: [
        'admin',
      ],
    },
    offline: {
      policy: 'history',
      historySize: 50,
      retentionSeconds: 604800,
    },
    partitions: 1,
    payloadSchema: 'AuditAlertsPayload',
    validate: topicPayloadValidators['audit-alerts'],
  },
  'jobs.{jobId}': {
    name: 'jobs.{jobId}',
    filter: 'jobs.*',
    segments: [
      {
        literal: 'jobs',
      },
      {
        param: 'jobId',
        schema: 'JobIdParameter',
      },
    ],
    access: {
      roles: [],
    },
    offline: {
      policy: 'history',
      historySize: 20,
      retentionSeconds: 3600,
    },
    partitions: 1,
    payloadSchema: 'JobStatusPayload',
    validate: topicPayloadValidators['jobs.{jobId}'],
  },
  'documents.{documentId}.comments': {
    name: 'documents.{documentId}.comments',
    filter: 'documents.*.comments',
    segments: [
      {
        literal: 'documents',
      },
      {
        param: 'documentId',
        schema: 'DocumentIdParameter',
      },
      {
        literal: 'comments',
      },
    ],
    access: {
      roles: [],
    },
    offline: {
      policy: 'history',
      historySize: 50,
      retentionSeconds: 604800,
    },
    partitions: 1,
    payloadSchema: 'DocumentCommentPayload',
    validate: topicPayloadValidators['documents.{documentId}.comments'],
  },
  'users.{userId}.activity': {
    name: 'users.{userId}.activity',
    filter: 'users.*.activity',
    segments: [
      {
        literal: 'users',
      },
      {
        param: 'userId',
        schema: 'UserIdParameter',
      },
      {
        literal: 'activity',
      },
    ],
    access: {
      roles: [],
      owner: {
        parameter: 'userId',
        overrideRoles: [
          'admin',
        ],
      },
    },
    offline: {
      policy: 'drop',
    },
    partitions: 1,
    payloadSchema: 'UserActivityPayload',
    validate: topicPayloadValidators['users.{userId}.activity'],
  },
};

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && (topicNames as readonly string[]).includes(value);
}

export function isTopicFamily(value: unknown): value is TopicFamily {
  return typeof value === 'string' && Object.hasOwn(topicRegistry, value);
}

/** components.schemas.TopicName: every concrete topic name matches it. */
export const topicNamePattern = new RegExp('^[a-z][a-z0-9-]{0,62}(\\.[A-Za-z0-9_@:+|-]{1,128}){0,6}$');

export type TopicMatch =
  | {
      readonly ok: true;
      readonly family: TopicFamily;
      readonly definition: TopicDefinition<TopicFamily>;
      readonly params: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly code: 'INVALID_TOPIC_NAME' | 'UNKNOWN_TOPIC' | 'INVALID_TOPIC_PARAMETER'; readonly reason: string };

/**
 * The family of a concrete topic name and its validated parameters: INVALID_TOPIC_NAME when the name fails
 * components.schemas.TopicName, UNKNOWN_TOPIC when no family's literal segments match,
 * INVALID_TOPIC_PARAMETER when a parameter fails its schema (x-schema).
 */
export function matchTopic(name: string): TopicMatch {
  if (!topicNamePattern.test(name)) {
    return { ok: false, code: 'INVALID_TOPIC_NAME', reason: 'not a valid topic name' };
  }
  const parts = name.split('.');
  for (const family of topicFamilies) {
    const definition: TopicDefinition<TopicFamily> = topicRegistry[family];
    const { segments } = definition;
    if (segments.length !== parts.length) continue;
    if (!segments.every((s, i) => !('literal' in s) || s.literal === parts[i])) continue;
    const params: Record<string, string> = {};
    for (const [i, segment] of segments.entries()) {
      if ('literal' in segment) continue;
      const value = parts[i] as string;
      const result = topicParameterValidators[segment.schema]?.(value);
      if (!result?.ok) {
        const why = result ? formatErrors(result.errors).replace('(root)', segment.param) : `${segment.param}: no validator`;
        return { ok: false, code: 'INVALID_TOPIC_PARAMETER', reason: `parameter ${why}` };
      }
      params[segment.param] = value;
    }
    return { ok: true, family, definition, params };
  }
  return { ok: false, code: 'UNKNOWN_TOPIC', reason: 'no such topic' };
}
