// Code generated from small.yaml. DO NOT EDIT.

import type { NewsPayload } from './models.js';
import type { SchemaTitle, ValidationResult } from './validation.js';
import { validators } from './validation.js';

/** Realm-relative topic names, in contract order. */
export const topicNames = ['news'] as const;
export type TopicName = (typeof topicNames)[number];

export interface TopicPayloads {
  news: NewsPayload;
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
  readonly payloadSchema: SchemaTitle;
  validate(payload: unknown): ValidationResult<TopicPayloads[N]>;
}

export const topicRegistry: { readonly [N in TopicName]: TopicDefinition<N> } = {
  news: {
    name: 'news',
    access: { roles: ['reader'] },
    offline: {
      policy: 'history',
      historySize: 5,
      retentionSeconds: 60,
    },
    payloadSchema: 'NewsPayload',
    validate: validators.NewsPayload,
  },
};

export function isTopicName(value: unknown): value is TopicName {
  return typeof value === 'string' && Object.hasOwn(topicRegistry, value);
}
