/**
 * Flags and environment variables of `npm start` (flags win over the environment). Pure, so it is tested
 * without starting anything.
 */
import { parseArgs } from 'node:util';
import { functionSettings } from '../handlers/runtime/function-settings.js';

export interface StartOptions {
  host: string;
  gatewayPort: number;
  edgePort: number;
  idpPort: number;
  dataDir?: string;
  idleTimeoutSeconds: number;
  maxConnectionSeconds: number;
  deliveryDelaySeconds: number;
  /**
   * `--close-expired-tokens-after`: the stack setting closeExpiredTokensAfterSeconds (close a connection that many
   * seconds after its token expired, TOKEN_EXPIRED 4101); unset, connections outlive their token, as on AWS.
   */
  closeExpiredTokensAfterSeconds?: number;
  /** `--kafka-brokers`: consume the contract's Kafka topics from these brokers; unset, nothing about Kafka starts. */
  kafka?: { brokers: string[] };
}

export type ParsedCommandLine = { kind: 'help'; text: string } | { kind: 'start'; options: StartOptions };

interface OptionSpec {
  flag: string;
  env: string;
  description: string;
  fallback: string;
}

const SPECS = {
  host: { flag: 'host', env: 'WSPUSH_HOST', description: 'interface to bind', fallback: '127.0.0.1' },
  gatewayPort: {
    flag: 'gateway-port',
    env: 'WSPUSH_GATEWAY_PORT',
    description: 'WebSocket gateway port',
    fallback: '3001',
  },
  edgePort: {
    flag: 'edge-port',
    env: 'WSPUSH_EDGE_PORT',
    description: 'AWS edge endpoint port (SNS, SQS, DynamoDB, @connections)',
    fallback: '4566',
  },
  idpPort: {
    flag: 'idp-port',
    env: 'WSPUSH_IDP_PORT',
    description: 'identity provider, console and docs port',
    fallback: '3000',
  },
  dataDir: {
    flag: 'data-dir',
    env: 'WSPUSH_DATA_DIR',
    description: 'keep DynamoDB, queues and keys on disk here (default: in memory)',
    fallback: '',
  },
  idleTimeout: {
    flag: 'idle-timeout',
    env: 'WSPUSH_IDLE_TIMEOUT',
    description: 'seconds without client frames before close 1001',
    fallback: '600',
  },
  maxDuration: {
    flag: 'max-duration',
    env: 'WSPUSH_MAX_DURATION',
    description: 'maximum connection duration in seconds',
    fallback: '7200',
  },
  deliveryDelay: {
    flag: 'delivery-delay',
    env: 'WSPUSH_DELIVERY_DELAY',
    description: 'DelaySeconds of connect-time delivery jobs',
    fallback: '1',
  },
  closeExpiredTokens: {
    flag: 'close-expired-tokens-after',
    env: 'WSPUSH_CLOSE_EXPIRED_TOKENS_AFTER',
    description: 'close a connection this many seconds after its token expired (0-86400; close 4101)',
    fallback: '',
  },
  kafkaBrokers: {
    flag: 'kafka-brokers',
    env: 'WSPUSH_KAFKA_BROKERS',
    description: 'host:port[,…] of your Kafka: route wspush-local-broadcast/-user records',
    fallback: '',
  },
} as const satisfies Record<string, OptionSpec>;

export function helpText(): string {
  const lines = [
    'Usage: npm start -- [options]',
    '',
    'Runs the whole wspush platform on this machine: WebSocket gateway, AWS edge endpoint,',
    'identity provider, console and docs.',
    '',
    'Options (flag / environment variable, default):',
  ];
  for (const spec of Object.values(SPECS)) {
    const fallback = spec.fallback === '' ? 'unset' : spec.fallback;
    lines.push(`  --${spec.flag.padEnd(15)} ${spec.env.padEnd(22)} ${spec.description} (${fallback})`);
  }
  lines.push('  --help                                 show this help');
  return lines.join('\n');
}

function port(name: string, value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535)
    throw new Error(`${name} must be a port number 0-65535, got "${value}"`);
  return n;
}

function seconds(name: string, value: string, allowZero: boolean): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new Error(
      `${name} must be a ${allowZero ? 'non-negative' : 'positive'} number of seconds, got "${value}"`,
    );
  }
  return n;
}

/** Throws an Error naming the flag (and its variable) on a bad value or an unknown flag. */
export function parseCommandLine(argv: readonly string[], env: NodeJS.ProcessEnv): ParsedCommandLine {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(Object.values(SPECS).map((s) => [s.flag, { type: 'string' as const }])),
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) return { kind: 'help', text: helpText() };
  const pick = (spec: OptionSpec): { label: string; value: string } => {
    const flagValue = (values as Record<string, string | boolean | undefined>)[spec.flag];
    if (typeof flagValue === 'string') return { label: `--${spec.flag}`, value: flagValue };
    const envValue = env[spec.env];
    if (envValue !== undefined && envValue !== '') return { label: spec.env, value: envValue };
    return { label: `--${spec.flag}`, value: spec.fallback };
  };
  const get = (spec: OptionSpec, parse: (label: string, value: string) => number): number => {
    const { label, value } = pick(spec);
    return parse(label, value);
  };
  const options: StartOptions = {
    host: pick(SPECS.host).value,
    gatewayPort: get(SPECS.gatewayPort, port),
    edgePort: get(SPECS.edgePort, port),
    idpPort: get(SPECS.idpPort, port),
    idleTimeoutSeconds: get(SPECS.idleTimeout, (l, v) => seconds(l, v, false)),
    maxConnectionSeconds: get(SPECS.maxDuration, (l, v) => seconds(l, v, false)),
    deliveryDelaySeconds: get(SPECS.deliveryDelay, (l, v) => {
      const n = seconds(l, v, true);
      if (!Number.isInteger(n) || n > 900) throw new Error(`${l} must be an integer 0-900, got "${v}"`);
      return n;
    }),
  };
  const closeAfter = pick(SPECS.closeExpiredTokens);
  if (closeAfter.value !== '') {
    const { min, max } = functionSettings.closeExpiredTokensAfterSeconds;
    const n = Number(closeAfter.value);
    if (!/^\d+$/.test(closeAfter.value) || n < min || n > max)
      throw new Error(`${closeAfter.label} must be an integer ${min}-${max}, got "${closeAfter.value}"`);
    options.closeExpiredTokensAfterSeconds = n;
  }
  const dataDir = pick(SPECS.dataDir).value;
  if (dataDir !== '') options.dataDir = dataDir;
  const kafka = pick(SPECS.kafkaBrokers);
  if (kafka.value !== '') {
    const brokers = kafka.value.split(',').map((b) => b.trim());
    const bad = brokers.find((b) => !/^[A-Za-z0-9.-]+:\d{1,5}$/.test(b));
    if (bad !== undefined) throw new Error(`${kafka.label} must be host:port[,host:port…], got "${bad}"`);
    options.kafka = { brokers };
  }
  return { kind: 'start', options };
}
