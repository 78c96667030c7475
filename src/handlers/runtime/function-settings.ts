/**
 * The per-stack settings of the functions, each defined once: its stack key (`Pulumi.<stack>.yaml`), the
 * environment variable the functions read, the range and the default. The Pulumi program validates a stack
 * with these definitions, the functions' getters (`config.ts`) read with them, and the local platform sets the
 * variables by these names, so a value a stack accepts is a value the functions start with.
 */
import { limits } from '../../../generated/index.js';

export interface IntegerSetting {
  /** Key in `Pulumi.<stack>.yaml` (namespace `wspush`). */
  readonly stackKey: string;
  /** Environment variable of the functions. */
  readonly env: string;
  readonly min: number;
  readonly max: number;
  /** The value when unset; undefined: optional, no value (the feature is off). */
  readonly default: number | undefined;
  /** The stack file must set it (a choice every environment makes explicitly); the functions still default. */
  readonly stackRequired: boolean;
}

export const functionSettings = {
  connectionTtlSeconds: {
    stackKey: 'connectionTtlSeconds',
    env: 'CONNECTION_TTL_SECONDS',
    min: 600,
    max: 86_400,
    default: limits.connectionTtlSeconds,
    stackRequired: true,
  },
  deliveryDelaySeconds: {
    stackKey: 'deliveryDelaySeconds',
    env: 'DELIVERY_DELAY_SECONDS',
    min: 0,
    max: 900, // SQS DelaySeconds
    default: 1,
    stackRequired: false,
  },
  fanoutShardThreshold: {
    stackKey: 'fanoutShardThreshold',
    env: 'FANOUT_SHARD_THRESHOLD',
    min: 1,
    max: 1_000_000,
    default: 500,
    stackRequired: true,
  },
  fanoutShardSize: {
    stackKey: 'fanoutShardSize',
    env: 'FANOUT_SHARD_SIZE',
    min: 1,
    max: 2000, // the FanoutJob schema's connectionIds.maxItems
    default: 250,
    stackRequired: false,
  },
  postConcurrency: {
    stackKey: 'postConcurrency',
    env: 'POST_CONCURRENCY',
    min: 1,
    max: 1000,
    default: 50,
    stackRequired: false,
  },
  traceSamplePerMille: {
    stackKey: 'traceSamplePerMille',
    env: 'TRACE_SAMPLE_PER_MILLE',
    min: 0,
    max: 1000,
    default: 0,
    stackRequired: false,
  },
  /**
   * `@connections` posts per second this stack may make: its share of API Gateway's account-and-region throttle
   * (10,000/s unless raised). The fan-out worker's concurrency and pace derive from it (src/core/pacing.ts).
   */
  postingBudgetPerSecond: {
    stackKey: 'postingBudgetPerSecond',
    env: 'POSTING_BUDGET_PER_SECOND',
    min: 1,
    max: 1_000_000,
    default: 10_000,
    stackRequired: false,
  },
  inboxMaxItems: {
    stackKey: 'inboxMaxItems',
    env: 'INBOX_MAX_ITEMS',
    min: 1,
    max: 100_000,
    default: limits.inboxMaxItems,
    stackRequired: false,
  },
  offlineRetentionMaxDays: {
    stackKey: 'offlineRetentionMaxDays',
    env: 'OFFLINE_RETENTION_MAX_DAYS',
    min: 1,
    max: 365,
    default: undefined,
    stackRequired: false,
  },
  /**
   * Optional: close a connection once its token (`exp`, passed by the authorizer and kept on the meta row)
   * expired more than this many seconds ago; the close is announced with TOKEN_EXPIRED (close code 4101).
   * Unset (the default): connections outlive their token (docs/authentication.md).
   */
  closeExpiredTokensAfterSeconds: {
    stackKey: 'closeExpiredTokensAfterSeconds',
    env: 'CLOSE_EXPIRED_TOKENS_AFTER_SECONDS',
    min: 0,
    max: 86_400,
    default: undefined,
    stackRequired: false,
  },
  connectingGraceSeconds: {
    stackKey: 'connectingGraceSeconds',
    env: 'CONNECTING_GRACE_SECONDS',
    min: 1,
    max: 600,
    default: 30,
    stackRequired: false,
  },
} as const satisfies Record<string, IntegerSetting>;

export type FunctionSettingName = keyof typeof functionSettings;
