/** The environment variables of each function, from its needs (function-needs.ts) and the stack config. */
import type * as pulumi from '@pulumi/pulumi';
import type { HandlerName } from '../../generated/index.js';
import { limits } from '../../generated/index.js';
import { functionSettings as settings } from '../../src/handlers/runtime/function-settings.js';
import { formatKafkaTopics } from '../../src/handlers/runtime/kafka-config.js';
import type { StackConfig } from './config.js';
import { type FunctionNeeds, functionNeeds, type SettingGroup } from './function-needs.js';
import { METRICS_NAMESPACE } from './platform-constants.js';

/** `delivery-queue` → `DELIVERY_QUEUE_URL` (docs/design.md §3). */
export function queueUrlVariable(channel: string): string {
  return `${channel
    .replace(/-queue$/, '')
    .replace(/-/g, '_')
    .toUpperCase()}_QUEUE_URL`;
}

export function needsOf(handler: HandlerName): FunctionNeeds {
  const needs = (functionNeeds as Partial<Record<string, FunctionNeeds>>)[handler];
  if (!needs) {
    throw new Error(
      `Function "${handler}" from generated/routes.ts has no entry in infra/pulumi/function-needs.ts: ` +
        'declare its table, queue and @connections access there.',
    );
  }
  return needs;
}

/** The environment of one function, from its needs and the stack config (docs/design.md §3). */
export function environmentFor(
  handler: HandlerName,
  config: StackConfig,
  refs: {
    tableName: pulumi.Input<string>;
    managementEndpoint: pulumi.Input<string>;
    queueUrls: Record<string, pulumi.Input<string>>;
    /** The function's own failure queue (functions whose needs declare `failureQueue`). */
    failureQueueUrl?: pulumi.Input<string>;
  },
): Record<string, pulumi.Input<string>> {
  const needs = needsOf(handler);
  const env: Record<string, pulumi.Input<string>> = {
    POWERTOOLS_SERVICE_NAME: `wspush-${config.stack}`,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: config.logLevel,
  };
  if (needs.table.length > 0) env.TABLE_NAME = refs.tableName;
  if (needs.postsToConnections) env.WS_MANAGEMENT_ENDPOINT = refs.managementEndpoint;
  for (const channel of [...needs.sendsTo, ...needs.changesVisibilityOn]) {
    const url = refs.queueUrls[channel];
    if (url === undefined) throw new Error(`Function "${handler}" uses unknown queue channel "${channel}"`);
    env[queueUrlVariable(channel)] = url;
  }
  if (needs.failureQueue) {
    if (refs.failureQueueUrl === undefined) throw new Error(`Function "${handler}" has no failure queue`);
    env.FAILURE_QUEUE_URL = refs.failureQueueUrl;
  }
  for (const group of needs.settings) Object.assign(env, SETTING_GROUP_ENVIRONMENT[group](config));
  return env;
}

const optional = (name: string, value: number | undefined): Record<string, string> =>
  value === undefined ? {} : { [name]: String(value) };

/** The variables of each settings group, from the stack config. */
const SETTING_GROUP_ENVIRONMENT: Record<SettingGroup, (config: StackConfig) => Record<string, string>> = {
  jwt: (config) => ({
    JWT_ISSUERS: config.jwtIssuers.join(','),
    JWT_AUDIENCE: config.jwtAudience.join(','),
    JWKS_PATH: config.jwksPath,
    JWT_ALLOWED_REALMS: config.jwtAllowedRealms.join(','),
    JWT_TRUST_TOP_LEVEL_ROLES: String(config.jwtTrustTopLevelRoles),
  }),
  connectionTtl: (config) => ({ [settings.connectionTtlSeconds.env]: String(config.connectionTtlSeconds) }),
  deliveryDelay: (config) => ({ [settings.deliveryDelaySeconds.env]: String(config.deliveryDelaySeconds) }),
  fanoutSharding: (config) => ({
    [settings.fanoutShardThreshold.env]: String(config.fanoutShardThreshold),
    [settings.fanoutShardSize.env]: String(config.fanoutShardSize),
  }),
  inbox: (config) => ({ [settings.inboxMaxItems.env]: String(config.inboxMaxItems) }),
  // Optional: unset, inbox rows keep the contract's retention of their message type.
  offlineRetention: (config) =>
    optional(settings.offlineRetentionMaxDays.env, config.offlineRetentionMaxDays),
  // Optional: unset, connections outlive their token.
  tokenExpiry: (config) =>
    optional(settings.closeExpiredTokensAfterSeconds.env, config.closeExpiredTokensAfterSeconds),
  // API Gateway's fixed idle timeout and maximum duration (the contract's values), announced in the welcome
  // frame. Not per-stack configuration: AWS does not let a stage change them.
  gatewayLimits: () => ({
    IDLE_TIMEOUT_SECONDS: String(limits.idleTimeoutSeconds),
    MAX_CONNECTION_SECONDS: String(limits.maxConnectionSeconds),
  }),
  connectingGrace: (config) => ({
    [settings.connectingGraceSeconds.env]: String(config.connectingGraceSeconds),
  }),
  postConcurrency: (config) => ({ [settings.postConcurrency.env]: String(config.postConcurrency) }),
  traceSampling: (config) => ({ [settings.traceSamplePerMille.env]: String(config.traceSamplePerMille) }),
  postingBudget: (config) => ({
    [settings.postingBudgetPerSecond.env]: String(config.postingBudgetPerSecond),
  }),
  kafkaTopics: (config): Record<string, string> =>
    config.kafka ? { KAFKA_TOPICS: formatKafkaTopics(config.kafka.topics) } : {},
};
