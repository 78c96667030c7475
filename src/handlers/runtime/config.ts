/**
 * Typed environment getters (design.md §3). Handlers call them at module load, so a missing or malformed
 * variable fails the cold start with an error naming the variable, instead of failing some later request.
 * Each getter reads `process.env` when called (tests and the local platform set it before the import).
 */
import { limits } from '../../../generated/index.js';
import { ConfigurationError } from '../../core/errors.js';
import { type FunctionSettingName, functionSettings } from './function-settings.js';

type Env = Record<string, string | undefined>;

export function requireString(name: string, env: Env = process.env): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigurationError(name, 'is required but not set');
  return value;
}

export function optionalString(name: string, env: Env = process.env): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function requireUrl(name: string, env: Env = process.env): string {
  const value = requireString(name, env);
  let url: URL;
  try {
    url = new URL(value);
  } catch (cause) {
    throw new ConfigurationError(name, `"${value}" is not a URL`, { cause });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(name, `"${value}" must be an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}

export function optionalInteger(
  name: string,
  fallback: number,
  range: { min: number; max: number },
  env: Env = process.env,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!/^-?\d+$/.test(raw)) throw new ConfigurationError(name, `"${raw}" is not an integer`);
  const value = Number(raw);
  if (value < range.min || value > range.max) {
    throw new ConfigurationError(name, `${value} is outside ${range.min}..${range.max}`);
  }
  return value;
}

const DAY = 86_400;

/** An optional per-stack setting (no default): undefined when unset, the feature is off. */
function optionalSetting(name: OptionalSettingName, env?: Env): number | undefined {
  const s = functionSettings[name];
  return optionalString(s.env, env) === undefined ? undefined : optionalInteger(s.env, 0, s, env);
}

/** A per-stack setting (function-settings.ts): its variable, range and default, as the stack check uses them. */
type OptionalSettingName = 'offlineRetentionMaxDays' | 'closeExpiredTokensAfterSeconds';

function setting(name: Exclude<FunctionSettingName, OptionalSettingName>, env?: Env): number {
  const s = functionSettings[name];
  return optionalInteger(s.env, s.default, s, env);
}

export const tableName = (env?: Env): string => requireString('TABLE_NAME', env);
/** `https://{apiId}.execute-api.{region}.amazonaws.com/{stage}` (or a custom domain + base path). */
export const managementEndpoint = (env?: Env): string => requireUrl('WS_MANAGEMENT_ENDPOINT', env);
export const deliveryQueueUrl = (env?: Env): string => requireUrl('DELIVERY_QUEUE_URL', env);
export const fanoutQueueUrl = (env?: Env): string => requireUrl('FANOUT_QUEUE_URL', env);
export const deliveryDelaySeconds = (env?: Env): number => setting('deliveryDelaySeconds', env);
export const connectionTtlSeconds = (env?: Env): number => setting('connectionTtlSeconds', env);
/**
 * What the gateway enforces, announced in the welcome frame (`limits`). In AWS these are API Gateway's fixed
 * 600 / 7200 (the contract's values); the local platform sets them when it is started with shorter ones.
 */
export const idleTimeoutSeconds = (env?: Env): number =>
  optionalInteger('IDLE_TIMEOUT_SECONDS', limits.idleTimeoutSeconds, { min: 1, max: DAY }, env);
export const maxConnectionSeconds = (env?: Env): number =>
  optionalInteger('MAX_CONNECTION_SECONDS', limits.maxConnectionSeconds, { min: 1, max: DAY }, env);
export const fanoutShardThreshold = (env?: Env): number => setting('fanoutShardThreshold', env);
export const fanoutShardSize = (env?: Env): number => setting('fanoutShardSize', env);
export const postConcurrency = (env?: Env): number => setting('postConcurrency', env);
/** The stack's `@connections` posts per second (infra `postingBudgetPerSecond`); fan-out paces to it. */
export const postingBudgetPerSecond = (env?: Env): number => setting('postingBudgetPerSecond', env);
export const inboxMaxItems = (env?: Env): number => setting('inboxMaxItems', env);
/**
 * Optional per-stack cap on the offline inbox retention: a row expires after
 * `min(retentionDays of the message type, this)`. Unset (the default): the contract's retention applies.
 */
export const offlineRetentionMaxDays = (env?: Env): number | undefined =>
  optionalSetting('offlineRetentionMaxDays', env);
/** Optional: close connections whose token expired more than this many seconds ago (unset: never). */
export const closeExpiredTokensAfterSeconds = (env?: Env): number | undefined =>
  optionalSetting('closeExpiredTokensAfterSeconds', env);
export const connectingGraceSeconds = (env?: Env): number => setting('connectingGraceSeconds', env);
/**
 * Per-connection successes of broadcasts (and topic history replays) kept as trace records, per mille
 * (per-connection failures and user messages are always traced). Default 0: one record per shard only.
 */
export const traceSamplePerMille = (env?: Env): number => setting('traceSamplePerMille', env);
/** SDK standard; when set (local platform), every AWS client except the management API uses it. */
export const awsEndpointUrl = (env?: Env): string | undefined => {
  const value = optionalString('AWS_ENDPOINT_URL', env);
  return value === undefined ? undefined : requireUrl('AWS_ENDPOINT_URL', env);
};
export const awsRegion = (env?: Env): string | undefined =>
  optionalString('AWS_REGION', env) ?? optionalString('AWS_DEFAULT_REGION', env);
