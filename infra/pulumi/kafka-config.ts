/**
 * The optional `kafka` key of a stack (`Pulumi.<stack>.yaml`): absent, nothing about Kafka is deployed. Read
 * and checked here, every problem reported with the key it concerns (docs/operations.md#kafka).
 */
import { type KafkaChannelName, kafkaChannelNames, kafkaChannels } from '../../generated/index.js';
import { kafkaBatchSize } from '../../src/handlers/runtime/kafka-config.js';

/** Secret-based authentication of an event source mapping (the secret's ARN in Secrets Manager). */
export type KafkaAuth =
  | { mechanism: 'IAM' }
  | {
      mechanism: 'SASL_SCRAM_512_AUTH' | 'SASL_SCRAM_256_AUTH' | 'BASIC_AUTH' | 'CLIENT_CERTIFICATE_TLS_AUTH';
      secretArn: string;
    };

export type KafkaSource =
  | { kind: 'msk'; clusterArn: string }
  | {
      kind: 'self-managed';
      bootstrapServers: string[];
      /** Subnets and security groups of a cluster reachable only inside a VPC. */
      vpc: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
      /** Secret with the cluster's root CA certificate, for a cluster whose TLS certificate no public CA signs. */
      serverRootCaSecretArn: string | undefined;
    };

export interface KafkaStackConfig {
  source: KafkaSource;
  auth: KafkaAuth;
  /** This stack's topic of each contract channel (default `<prefix><suffix>`). */
  topics: Record<KafkaChannelName, string>;
  /** The consumer group of each channel's mapping (default `<prefix><consumerGroupSuffix>`). */
  consumerGroupIds: Record<KafkaChannelName, string>;
  startingPosition: 'LATEST' | 'TRIM_HORIZON';
  batchSize: number;
  maximumBatchingWindowSeconds: number;
  /** Retries of a partition whose record keeps failing (routing errors), then the failure queue. */
  maximumRetryAttempts: number;
  /** Provisioned pollers: the mode in which Kafka mappings honour retries and partial batch responses. */
  pollers: { minimum: number; maximum: number };
}

const MSK_AUTH = ['IAM', 'SASL_SCRAM_512_AUTH', 'CLIENT_CERTIFICATE_TLS_AUTH'];
const SELF_MANAGED_AUTH = [
  'SASL_SCRAM_512_AUTH',
  'SASL_SCRAM_256_AUTH',
  'BASIC_AUTH',
  'CLIENT_CERTIFICATE_TLS_AUTH',
];
const TOPIC = /^[A-Za-z0-9._-]{1,249}$/;
const GROUP = /^[A-Za-z0-9._-]{1,200}$/;
const SECRET_ARN = /^arn:aws[\w-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:.+$/;
const MSK_ARN = /^arn:aws[\w-]*:kafka:[a-z0-9-]+:\d{12}:cluster\/[^/]+\/[^/]+$/;
const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');

function integer(
  problems: string[],
  key: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    problems.push(`"kafka.${key}" must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
    return fallback;
  }
  return value;
}

function names(
  problems: string[],
  key: string,
  value: unknown,
  pattern: RegExp,
  fallback: (channel: KafkaChannelName) => string,
): Record<KafkaChannelName, string> {
  const given = isMap(value) ? value : {};
  if (value !== undefined && !isMap(value)) problems.push(`"kafka.${key}" must map channels to names`);
  for (const channel of Object.keys(given)) {
    if (!(kafkaChannelNames as readonly string[]).includes(channel))
      problems.push(`"kafka.${key}.${channel}" is not a Kafka channel (${kafkaChannelNames.join(', ')})`);
  }
  const out = {} as Record<KafkaChannelName, string>;
  for (const channel of kafkaChannelNames) {
    const name = given[channel] ?? fallback(channel);
    if (typeof name !== 'string' || !pattern.test(name))
      problems.push(`"kafka.${key}.${channel}" must match ${pattern.source}`);
    out[channel] = String(name);
  }
  if (new Set(Object.values(out)).size !== kafkaChannelNames.length)
    problems.push(`"kafka.${key}" gives two channels the same name`);
  return out;
}

function source(problems: string[], raw: Raw): KafkaSource {
  if (typeof raw.clusterArn === 'string') {
    if (!MSK_ARN.test(raw.clusterArn)) problems.push('"kafka.clusterArn" must be an MSK cluster ARN');
    if (raw.bootstrapServers !== undefined || raw.vpc !== undefined)
      problems.push(
        '"kafka.clusterArn" (MSK) takes no bootstrapServers or vpc: Lambda uses the cluster\'s own subnets and security groups',
      );
    return { kind: 'msk', clusterArn: raw.clusterArn };
  }
  if (!strings(raw.bootstrapServers) || !raw.bootstrapServers.every((b) => BROKER.test(b)))
    problems.push('"kafka" needs clusterArn (MSK) or bootstrapServers (a list of host:port)');
  let vpc: { subnetIds: string[]; securityGroupIds: string[] } | undefined;
  if (raw.vpc !== undefined) {
    const v = isMap(raw.vpc) ? raw.vpc : {};
    if (!strings(v.subnetIds) || !v.subnetIds.every((s) => /^subnet-[0-9a-f]+$/.test(s)))
      problems.push('"kafka.vpc.subnetIds" must be a list of subnet ids');
    if (!strings(v.securityGroupIds) || !v.securityGroupIds.every((s) => /^sg-[0-9a-f]+$/.test(s)))
      problems.push('"kafka.vpc.securityGroupIds" must be a list of security group ids');
    vpc = {
      subnetIds: (v.subnetIds as string[]) ?? [],
      securityGroupIds: (v.securityGroupIds as string[]) ?? [],
    };
  }
  const ca = raw.serverRootCaSecretArn;
  if (ca !== undefined && (typeof ca !== 'string' || !SECRET_ARN.test(ca)))
    problems.push('"kafka.serverRootCaSecretArn" must be a Secrets Manager secret ARN');
  return {
    kind: 'self-managed',
    bootstrapServers: strings(raw.bootstrapServers) ? raw.bootstrapServers : [],
    vpc,
    serverRootCaSecretArn: typeof ca === 'string' ? ca : undefined,
  };
}

function auth(problems: string[], raw: unknown, kind: KafkaSource['kind']): KafkaAuth {
  const allowed = kind === 'msk' ? MSK_AUTH : SELF_MANAGED_AUTH;
  const a = isMap(raw) ? raw : {};
  if (typeof a.mechanism !== 'string' || !allowed.includes(a.mechanism)) {
    problems.push(
      `"kafka.auth.mechanism" must be one of ${allowed.join(', ')} for ${kind === 'msk' ? 'MSK' : 'a self-managed cluster'}`,
    );
    return { mechanism: 'IAM' };
  }
  if (a.mechanism === 'IAM') return { mechanism: 'IAM' };
  if (typeof a.secretArn !== 'string' || !SECRET_ARN.test(a.secretArn))
    problems.push(`"kafka.auth.secretArn" must be the Secrets Manager secret ARN of ${a.mechanism}`);
  return { mechanism: a.mechanism as Exclude<KafkaAuth['mechanism'], 'IAM'>, secretArn: String(a.secretArn) };
}

/** The stack's Kafka settings, or undefined when the stack does not enable Kafka. */
export function readKafkaConfig(
  raw: Raw | undefined,
  prefix: string,
  problems: string[],
): KafkaStackConfig | undefined {
  if (raw === undefined) return undefined;
  const known = [
    'clusterArn',
    'bootstrapServers',
    'vpc',
    'serverRootCaSecretArn',
    'auth',
    'topics',
    'consumerGroupIds',
    'startingPosition',
    'batchSize',
    'maximumBatchingWindowSeconds',
    'maximumRetryAttempts',
    'pollers',
  ];
  for (const key of Object.keys(raw))
    if (!known.includes(key)) problems.push(`"kafka.${key}" is not a known key`);
  const src = source(problems, raw);
  const startingPosition = raw.startingPosition ?? 'LATEST';
  if (startingPosition !== 'LATEST' && startingPosition !== 'TRIM_HORIZON')
    problems.push('"kafka.startingPosition" must be LATEST or TRIM_HORIZON');
  const pollers = isMap(raw.pollers) ? raw.pollers : {};
  const minimum = integer(problems, 'pollers.minimum', pollers.minimum, 1, 1, 200);
  const maximum = integer(problems, 'pollers.maximum', pollers.maximum, 2, 1, 2000);
  if (maximum < minimum) problems.push('"kafka.pollers.maximum" must be at least pollers.minimum');
  return {
    source: src,
    auth: auth(problems, raw.auth, src.kind),
    topics: names(problems, 'topics', raw.topics, TOPIC, (c) => `${prefix}${kafkaChannels[c].suffix}`),
    consumerGroupIds: names(
      problems,
      'consumerGroupIds',
      raw.consumerGroupIds,
      GROUP,
      (c) => `${prefix}${kafkaChannels[c].consumerGroupSuffix}`,
    ),
    startingPosition: startingPosition as KafkaStackConfig['startingPosition'],
    batchSize: integer(
      problems,
      'batchSize',
      raw.batchSize,
      kafkaBatchSize.default,
      kafkaBatchSize.min,
      kafkaBatchSize.max,
    ),
    maximumBatchingWindowSeconds: integer(
      problems,
      'maximumBatchingWindowSeconds',
      raw.maximumBatchingWindowSeconds,
      1,
      0,
      300,
    ),
    // Finite: with an on-failure destination Lambda caps retries at 10 anyway.
    maximumRetryAttempts: integer(problems, 'maximumRetryAttempts', raw.maximumRetryAttempts, 5, 0, 10),
    pollers: { minimum, maximum },
  };
}
