/**
 * `wspush publish … --kafka-brokers host:port [--kafka-topic <topic>]`: the CLI's Kafka transport. The record
 * is the one the SDK's Kafka transport produces (contract key and headers); credentials come from the
 * environment only (never argv, which other users of the machine can read).
 */
import { kafkaChannels } from '../../generated/kafka.js';
import type { PreparedMessage } from './envelope.js';
import {
  createKafkaProducer,
  createKafkaPublisher,
  type KafkaConnectionOptions,
  type KafkaProducerPort,
  toKafkaRecord,
} from './kafka-transport.js';

/** The local platform's resource prefix: `npm start -- --kafka-brokers …` consumes `wspush-local-broadcast` / `-user`. */
export const LOCAL_KAFKA_PREFIX = 'wspush-local';

export const KAFKA_HELP = `Kafka (instead of SNS):
      --kafka-brokers <host:port,...>  produce the record to Kafka (key and headers of the contract)
      --kafka-topic <topic>        default $WSPUSH_KAFKA_BROADCAST_TOPIC / $WSPUSH_KAFKA_USER_TOPIC, else
                                   the local platform's ${LOCAL_KAFKA_PREFIX}-broadcast / ${LOCAL_KAFKA_PREFIX}-user
      --kafka-ssl                  TLS to the brokers
  SASL from the environment: WSPUSH_KAFKA_SASL_MECHANISM (plain, scram-sha-256, scram-sha-512),
  WSPUSH_KAFKA_USERNAME, WSPUSH_KAFKA_PASSWORD.`;

export class KafkaCliError extends Error {
  constructor(
    message: string,
    readonly kind: 'usage' | 'unreachable' | 'failed',
  ) {
    super(message);
  }
}

export interface KafkaCliValues {
  'kafka-brokers'?: string;
  'kafka-topic'?: string;
  'kafka-ssl'?: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;
const BROKER = /^[A-Za-z0-9.-]+:\d{1,5}$/;
const SASL = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

function connection(values: KafkaCliValues, env: Env): KafkaConnectionOptions {
  const brokers = (values['kafka-brokers'] ?? '').split(',').map((b) => b.trim());
  const bad = brokers.filter((b) => !BROKER.test(b));
  if (bad.length > 0) throw new KafkaCliError(`--kafka-brokers: "${bad[0]}" is not host:port`, 'usage');
  const mechanism = env.WSPUSH_KAFKA_SASL_MECHANISM;
  let sasl: KafkaConnectionOptions['sasl'];
  if (mechanism !== undefined) {
    if (!(SASL as readonly string[]).includes(mechanism))
      throw new KafkaCliError(`WSPUSH_KAFKA_SASL_MECHANISM must be one of ${SASL.join(', ')}`, 'usage');
    if (!env.WSPUSH_KAFKA_USERNAME || !env.WSPUSH_KAFKA_PASSWORD)
      throw new KafkaCliError('SASL needs WSPUSH_KAFKA_USERNAME and WSPUSH_KAFKA_PASSWORD', 'usage');
    sasl = {
      mechanism: mechanism as (typeof SASL)[number],
      username: env.WSPUSH_KAFKA_USERNAME,
      password: env.WSPUSH_KAFKA_PASSWORD,
    };
  }
  return {
    brokers,
    ssl: Boolean(values['kafka-ssl']),
    ...(sasl ? { sasl } : {}),
    retries: 1,
    connectionTimeoutMs: 3000,
  };
}

/** The topic of each channel: `--kafka-topic` for the one published to, else the environment or local names. */
function topicsFor(kind: 'topic' | 'user', values: KafkaCliValues, env: Env) {
  const topics = {
    'broadcast-stream':
      env.WSPUSH_KAFKA_BROADCAST_TOPIC ?? `${LOCAL_KAFKA_PREFIX}${kafkaChannels['broadcast-stream'].suffix}`,
    'user-stream':
      env.WSPUSH_KAFKA_USER_TOPIC ?? `${LOCAL_KAFKA_PREFIX}${kafkaChannels['user-stream'].suffix}`,
  };
  const given = values['kafka-topic'];
  if (given !== undefined) {
    if (!/^[A-Za-z0-9._-]{1,249}$/.test(given))
      throw new KafkaCliError(`--kafka-topic: "${given}" is not a Kafka topic name`, 'usage');
    topics[kind === 'topic' ? 'broadcast-stream' : 'user-stream'] = given;
  }
  return topics;
}

const NETWORK =
  /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ETIMEDOUT|ECONNRESET|Connection (error|timeout)/i;

function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const c = e as {
      name?: unknown;
      message?: unknown;
      code?: unknown;
      cause?: unknown;
      originalError?: unknown;
    };
    if (c.name === 'KafkaJSConnectionError' || c.name === 'KafkaJSBrokerNotFound') return true;
    if (typeof c.code === 'string' && NETWORK.test(c.code)) return true;
    if (typeof c.message === 'string' && NETWORK.test(c.message)) return true;
    e = c.originalError ?? c.cause;
  }
  return false;
}

/** What `--dry-run` prints for Kafka: the record that would be produced. */
export function kafkaDryRun(
  kind: 'topic' | 'user',
  prepared: PreparedMessage,
  values: KafkaCliValues,
  env: Env,
) {
  const channel = kind === 'topic' ? 'broadcast-stream' : 'user-stream';
  connection(values, env);
  return { topic: topicsFor(kind, values, env)[channel], ...toKafkaRecord(channel, prepared) };
}

export async function publishThroughKafka(
  kind: 'topic' | 'user',
  prepared: PreparedMessage,
  values: KafkaCliValues,
  env: Env,
  injected?: KafkaProducerPort,
): Promise<Record<string, unknown>> {
  const options = connection(values, env);
  const topics = topicsFor(kind, values, env);
  const where = options.brokers.join(',');
  let producer: (KafkaProducerPort & { disconnect?: () => Promise<void> }) | undefined = injected;
  try {
    producer ??= await createKafkaProducer(options);
    const publisher = createKafkaPublisher({ producer, topics });
    const input = prepared.envelope as never;
    return kind === 'topic'
      ? { ...(await publisher.publishUncheckedToTopic(input)) }
      : { ...(await publisher.publishUncheckedToUser(input)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (isUnreachable(error))
      throw new KafkaCliError(`cannot reach the Kafka brokers ${where} (${reason})`, 'unreachable');
    throw new KafkaCliError(`Kafka refused the record at ${where}: ${reason}`, 'failed');
  } finally {
    if (producer !== injected) await producer?.disconnect?.().catch(() => undefined);
  }
}
