/**
 * The one typed view of a stack's configuration (`Pulumi.<stack>.yaml`).
 *
 * Stacks differ only by these values: the program never branches on the stack name. Every key is read and
 * validated here so that a missing or malformed key fails before any resource is declared, with a message that
 * names the key and the stack file. `docs/operations.md` lists every key.
 */

import type { FunctionDefinition } from '../../generated/index.js';
import {
  type IntegerSetting,
  functionSettings as settings,
} from '../../src/handlers/runtime/function-settings.js';
import { type KafkaStackConfig, readKafkaConfig } from './kafka-config.js';

/** Config namespace of the project (`name` in Pulumi.yaml). */
export const CONFIG_NAMESPACE = 'wspush';

/**
 * Identity sources a stack may require on `$connect`. API Gateway ANDs several identity sources and answers 401
 * without invoking the authorizer when one is missing, so a stack lists at most one; `none` lets the authorizer
 * read the token from the query string, the subprotocol or the Authorization header.
 */
export const IDENTITY_SOURCES = [
  'none',
  'route.request.header.Sec-WebSocket-Protocol',
  'route.request.querystring.token',
  'route.request.header.Authorization',
] as const;
export type IdentitySourceChoice = (typeof IDENTITY_SOURCES)[number];

/** Values CloudWatch Logs accepts for `retentionInDays`. */
export const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

/**
 * Lambda's system log level for every function (JSON log format). WARN: Lambda writes no START / END / REPORT
 * lines (they are INFO), only its warnings; durations and errors stay in the CloudWatch metrics. The cost model
 * reads it.
 */
export const LAMBDA_SYSTEM_LOG_LEVEL = 'WARN';

export interface RouteThrottling {
  /** Steady-state requests per second for every route of the stage. */
  rateLimit: number;
  /** Burst bucket size for every route of the stage. */
  burstLimit: number;
}

/** Lambda settings per kind of trigger (from the generated functionTable). */
export interface FunctionSettings {
  memoryMb: number;
  timeoutSeconds: number;
}

/** Which `functions.<kind>` settings a Lambda gets, by what invokes it. */
export const SETTINGS_BY_TRIGGER: Record<
  FunctionDefinition['trigger']['kind'],
  keyof Pick<FunctionsConfig, 'authorizer' | 'websocket' | 'router' | 'worker'>
> = {
  authorizer: 'authorizer',
  websocket: 'websocket',
  sns: 'router',
  sqs: 'worker',
  kafka: 'router',
};

export interface FunctionsConfig {
  authorizer: FunctionSettings;
  websocket: FunctionSettings;
  router: FunctionSettings;
  worker: FunctionSettings;
  /** Reserved concurrency of each SNS router (bounds parallel posts to API Gateway and DynamoDB); 0 = none. */
  routerReservedConcurrency: number;
  /** `scalingConfig.maximumConcurrency` of each SQS event source mapping (2–1000). */
  workerMaxConcurrency: number;
  /** Messages per SQS batch. */
  workerBatchSize: number;
}

export type AlarmTarget = { kind: 'email'; email: string } | { kind: 'topic'; topicArn: string };

export interface CustomDomain {
  domainName: string;
  certificateArn: string;
}

export interface StackConfig {
  stack: string;
  region: string;
  stageName: string;
  jwtIssuers: string[];
  jwtAudience: string[];
  /** Realms allowed to connect (JWT_ALLOWED_REALMS): tokens of other realms are refused before any JWKS request. */
  jwtAllowedRealms: string[];
  /** Trust a top-level `roles` claim (JWT_TRUST_TOP_LEVEL_ROLES); default false: Keycloak's realm_access.roles only. */
  jwtTrustTopLevelRoles: boolean;
  jwksPath: string;
  authorizerIdentitySource: IdentitySourceChoice;
  connectionTtlSeconds: number;
  /**
   * Optional cap on the offline inbox retention (OFFLINE_RETENTION_MAX_DAYS): an inbox row expires after
   * min(the message type's `retentionDays` in the contract, this). Undefined = the contract's retention.
   */
  offlineRetentionMaxDays: number | undefined;
  /** Optional (CLOSE_EXPIRED_TOKENS_AFTER_SECONDS): close connections this long after their token's `exp`. */
  closeExpiredTokensAfterSeconds: number | undefined;
  inboxMaxItems: number;
  fanoutShardThreshold: number;
  fanoutShardSize: number;
  postConcurrency: number;
  /** Per-connection successes of broadcasts kept as trace records, per mille (TRACE_SAMPLE_PER_MILLE). */
  traceSamplePerMille: number;
  /**
   * `@connections` posts per second this stack may make: its share of API Gateway's account-and-region throttle
   * (10,000/s unless raised). The fan-out worker's concurrency and pace derive from it (src/core/pacing.ts).
   */
  postingBudgetPerSecond: number;
  deliveryDelaySeconds: number;
  connectingGraceSeconds: number;
  routeThrottling: RouteThrottling;
  functions: FunctionsConfig;
  logRetentionDays: number;
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  pointInTimeRecovery: boolean;
  tableDeletionProtection: boolean;
  /** Whether this stack sets API Gateway's account-level CloudWatch role (one stack per account and region). */
  manageApiGatewayAccount: boolean;
  alarm: AlarmTarget;
  customDomain: CustomDomain | undefined;
  /** Kafka ingestion (key `kafka`, kafka-config.ts); undefined: off, nothing about Kafka is deployed. */
  kafka: KafkaStackConfig | undefined;
}

/** Reads one raw value (as Pulumi stores it: a string, JSON for objects and lists) or undefined. */
export type ConfigReader = (fullKey: string) => string | undefined;

export class StackConfigError extends Error {
  constructor(
    readonly stackName: string,
    readonly problems: string[],
  ) {
    super(
      `Invalid configuration for stack "${stackName}" (infra/pulumi/Pulumi.${stackName}.yaml):\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nSee docs/operations.md#configuration-keys.',
    );
    this.name = 'StackConfigError';
  }
}

/** Collects every problem instead of failing on the first, so an operator fixes a stack file in one pass. */
class Reader {
  readonly problems: string[] = [];
  constructor(private readonly read: ConfigReader) {}

  private raw(key: string, required: boolean): string | undefined {
    const fullKey = key.includes(':') ? key : `${CONFIG_NAMESPACE}:${key}`;
    const value = this.read(fullKey);
    if (value === undefined || value === '') {
      if (required) this.problems.push(`missing required key "${fullKey}"`);
      return undefined;
    }
    return value;
  }

  string(key: string, pattern?: RegExp, hint?: string): string {
    const value = this.raw(key, true);
    if (value === undefined) return '';
    if (pattern && !pattern.test(value)) this.problems.push(`"${key}" must be ${hint ?? pattern.source}`);
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.raw(key, false);
  }

  json(key: string, required: boolean): unknown {
    const value = this.raw(key, required);
    if (value === undefined) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch {
      this.problems.push(`"${key}" must be YAML/JSON structured data, got ${JSON.stringify(value)}`);
      return undefined;
    }
  }

  integer(key: string, min: number, max: number, fallback?: number): number {
    const value = this.raw(key, fallback === undefined);
    if (value === undefined) return fallback ?? 0;
    return this.checkInteger(key, Number(value), min, max);
  }

  /** A function setting, with the range and default the functions read it with (function-settings.ts). */
  setting(s: IntegerSetting & { default: number }): number {
    return this.integer(s.stackKey, s.min, s.max, s.stackRequired ? undefined : s.default);
  }

  optionalInteger(key: string, min: number, max: number): number | undefined {
    const value = this.raw(key, false);
    return value === undefined ? undefined : this.checkInteger(key, Number(value), min, max);
  }

  checkInteger(key: string, value: unknown, min: number, max: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`"${key}" must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
      return min;
    }
    return value;
  }

  /** Unset: false. */
  optionalBoolean(key: string): boolean {
    return this.raw(key, false) === undefined ? false : this.boolean(key);
  }

  boolean(key: string): boolean {
    const value = this.raw(key, true);
    if (value === undefined) return false;
    if (value !== 'true' && value !== 'false') this.problems.push(`"${key}" must be true or false`);
    return value === 'true';
  }

  stringList(key: string, pattern: RegExp, hint: string): string[] {
    const value = this.json(key, true);
    if (value === undefined) return [];
    if (!Array.isArray(value) || value.length === 0 || !value.every((v) => typeof v === 'string')) {
      this.problems.push(`"${key}" must be a non-empty list of strings`);
      return [];
    }
    const list = value as string[];
    for (const item of list) {
      if (!pattern.test(item)) this.problems.push(`"${key}" entry ${JSON.stringify(item)} must be ${hint}`);
      // The handlers receive the list comma-separated.
      if (item.includes(','))
        this.problems.push(`"${key}" entry ${JSON.stringify(item)} must not contain ","`);
    }
    return list;
  }

  record(key: string, required: boolean): Record<string, unknown> | undefined {
    const value = this.json(key, required);
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.problems.push(`"${key}" must be a map`);
      return undefined;
    }
    return value as Record<string, unknown>;
  }
}

function functionSettings(r: Reader, functions: Record<string, unknown>, kind: string): FunctionSettings {
  const entry = functions[kind];
  if (typeof entry !== 'object' || entry === null) {
    r.problems.push(`"functions.${kind}" must be a map with memoryMb and timeoutSeconds`);
    return { memoryMb: 128, timeoutSeconds: 1 };
  }
  const settings = entry as Record<string, unknown>;
  return {
    memoryMb: r.checkInteger(`functions.${kind}.memoryMb`, settings.memoryMb, 128, 10_240),
    // API Gateway integrations time out at 29 s; SQS consumers may take up to 15 minutes.
    timeoutSeconds: r.checkInteger(`functions.${kind}.timeoutSeconds`, settings.timeoutSeconds, 1, 900),
  };
}

/**
 * Reads and validates the whole stack configuration. Throws {@link StackConfigError} listing every missing or
 * invalid key.
 */
export function readStackConfig(stack: string, read: ConfigReader): StackConfig {
  const r = new Reader(read);
  const identitySource = r.string('authorizerIdentitySource');
  if (identitySource && !(IDENTITY_SOURCES as readonly string[]).includes(identitySource)) {
    r.problems.push(`"authorizerIdentitySource" must be one of ${IDENTITY_SOURCES.join(', ')}`);
  }

  const throttling = r.record('routeThrottling', true) ?? {};
  const functions = r.record('functions', true) ?? {};
  const alarm = r.record('alarm', true);
  const domain = r.record('customDomain', false);

  const websocket = functionSettings(r, functions, 'websocket');
  const authorizer = functionSettings(r, functions, 'authorizer');
  if (websocket.timeoutSeconds > 29 || authorizer.timeoutSeconds > 29) {
    r.problems.push('"functions.websocket/authorizer.timeoutSeconds" must be at most 29 (API Gateway limit)');
  }

  let alarmTarget: AlarmTarget = { kind: 'email', email: '' };
  if (alarm !== undefined) {
    if (typeof alarm.email === 'string' && /^[^@\s]+@[^@\s]+$/.test(alarm.email)) {
      alarmTarget = { kind: 'email', email: alarm.email };
    } else if (typeof alarm.topicArn === 'string' && /^arn:aws[\w-]*:sns:/.test(alarm.topicArn)) {
      alarmTarget = { kind: 'topic', topicArn: alarm.topicArn };
    } else {
      r.problems.push('"alarm" must have either email (an address) or topicArn (an SNS topic ARN)');
    }
  }

  let customDomain: CustomDomain | undefined;
  if (domain !== undefined) {
    const { domainName, certificateArn } = domain;
    if (typeof domainName !== 'string' || !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(domainName)) {
      r.problems.push('"customDomain.domainName" must be a DNS name');
    } else if (typeof certificateArn !== 'string' || !/^arn:aws[\w-]*:acm:/.test(certificateArn)) {
      r.problems.push('"customDomain.certificateArn" must be an ACM certificate ARN');
    } else {
      customDomain = { domainName, certificateArn };
    }
  }

  const logRetentionDays = r.integer('logRetentionDays', 1, 3653);
  if (!(LOG_RETENTION_DAYS as readonly number[]).includes(logRetentionDays)) {
    r.problems.push(`"logRetentionDays" must be one of ${LOG_RETENTION_DAYS.join(', ')}`);
  }
  const logLevel = r.optionalString('logLevel') ?? 'INFO';
  if (!['DEBUG', 'INFO', 'WARN', 'ERROR'].includes(logLevel)) {
    r.problems.push('"logLevel" must be DEBUG, INFO, WARN or ERROR');
  }

  // The old key promised a default the handlers never read (every user message type has a retention in the
  // contract); a stack file still using it would silently mean nothing, so it is refused with the new name.
  if (r.optionalString('defaultOfflineRetentionDays') !== undefined) {
    r.problems.push(
      '"defaultOfflineRetentionDays" was removed: the contract sets each type\'s retention; use the optional ' +
        'cap "offlineRetentionMaxDays" to shorten it for this stack',
    );
  }

  const config: StackConfig = {
    stack,
    region: r.string('aws:region', /^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as us-east-1'),
    stageName: r.string('stageName', /^[A-Za-z0-9_-]{1,128}$/, 'letters, digits, "-" or "_"'),
    jwtIssuers: r.stringList('jwtIssuers', /^https:\/\/\S+$/, 'an https URL (may contain {realm})'),
    jwtAudience: r.stringList('jwtAudience', /^\S+$/, 'a non-empty audience'),
    // Required: which realms may connect is an explicit choice per stack (every realm, `master` included, could).
    jwtAllowedRealms: r.stringList('jwtAllowedRealms', /^[A-Za-z0-9_-]+$/, 'a realm name'),
    jwtTrustTopLevelRoles: r.optionalBoolean('jwtTrustTopLevelRoles'),
    jwksPath: r.optionalString('jwksPath') ?? '/protocol/openid-connect/certs',
    authorizerIdentitySource: identitySource as IdentitySourceChoice,
    connectionTtlSeconds: r.setting(settings.connectionTtlSeconds),
    offlineRetentionMaxDays: r.optionalInteger(
      settings.offlineRetentionMaxDays.stackKey,
      settings.offlineRetentionMaxDays.min,
      settings.offlineRetentionMaxDays.max,
    ),
    closeExpiredTokensAfterSeconds: r.optionalInteger(
      settings.closeExpiredTokensAfterSeconds.stackKey,
      settings.closeExpiredTokensAfterSeconds.min,
      settings.closeExpiredTokensAfterSeconds.max,
    ),
    inboxMaxItems: r.setting(settings.inboxMaxItems),
    fanoutShardThreshold: r.setting(settings.fanoutShardThreshold),
    fanoutShardSize: r.setting(settings.fanoutShardSize),
    postConcurrency: r.setting(settings.postConcurrency),
    traceSamplePerMille: r.setting(settings.traceSamplePerMille),
    postingBudgetPerSecond: r.setting(settings.postingBudgetPerSecond),
    deliveryDelaySeconds: r.setting(settings.deliveryDelaySeconds),
    connectingGraceSeconds: r.setting(settings.connectingGraceSeconds),
    routeThrottling: {
      rateLimit: r.checkInteger('routeThrottling.rateLimit', throttling.rateLimit, 1, 10_000),
      burstLimit: r.checkInteger('routeThrottling.burstLimit', throttling.burstLimit, 1, 5_000),
    },
    functions: {
      authorizer,
      websocket,
      router: functionSettings(r, functions, 'router'),
      worker: functionSettings(r, functions, 'worker'),
      routerReservedConcurrency: r.checkInteger(
        'functions.routerReservedConcurrency',
        functions.routerReservedConcurrency ?? 0,
        0,
        1000,
      ),
      workerMaxConcurrency: r.checkInteger(
        'functions.workerMaxConcurrency',
        functions.workerMaxConcurrency,
        2,
        1000,
      ),
      workerBatchSize: r.checkInteger('functions.workerBatchSize', functions.workerBatchSize ?? 10, 1, 10),
    },
    logRetentionDays,
    logLevel: logLevel as StackConfig['logLevel'],
    pointInTimeRecovery: r.boolean('pointInTimeRecovery'),
    tableDeletionProtection: r.boolean('tableDeletionProtection'),
    manageApiGatewayAccount: r.boolean('manageApiGatewayAccount'),
    alarm: alarmTarget,
    customDomain,
    kafka: readKafkaConfig(r.record('kafka', false), `wspush-${stack}`, r.problems),
  };
  // A queue redelivers after its visibility timeout, which must cover 6 consumer timeouts (max 12 hours).
  if (config.functions.worker.timeoutSeconds * 6 > 43_200) {
    r.problems.push('"functions.worker.timeoutSeconds" × 6 must fit the 12-hour SQS visibility limit');
  }
  if (r.problems.length > 0) throw new StackConfigError(stack, r.problems);
  return config;
}
