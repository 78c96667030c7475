/**
 * `wspush`: publish topic and user messages (validated against the contract) and mint local development
 * tokens. The `bin/wspush.mjs` launcher loads this file through tsx; tests call `runCli` or spawn the bin.
 */
import { readFile } from 'node:fs/promises';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { topicFamilies } from '../../generated/topics.js';
import { userMessageTypes } from '../../generated/user-messages.js';
import { KAFKA_HELP, KafkaCliError, kafkaDryRun, publishThroughKafka } from './cli-kafka.js';
import {
  DEFAULT_IDP_URL,
  DEV_TOKEN_OPTIONS,
  type DevTokenArgs,
  type DevTokenRequest,
  devTokenEndpoint,
  requestDevToken,
} from './dev-token.js';
import {
  type PreparedMessage,
  PublishValidationError,
  prepareTopicMessage,
  prepareUserMessage,
} from './envelope.js';
import { PublisherConfigError } from './errors.js';
import type { KafkaProducerPort } from './kafka-transport.js';
import { createPublisher, type SnsSender } from './publisher.js';
import { createSnsClient } from './sns-client.js';
import {
  LOCAL_BROADCAST_TOPIC_ARN,
  LOCAL_ENDPOINT,
  type PublishTarget,
  requireTopicArn,
  resolveTarget,
} from './target.js';
import { type LogsClient, TraceLookupError } from './trace/logs-insights.js';
import { renderTimeline } from './trace/timeline.js';
import { lookUpTrace, parseTraceArgs, TRACE_HELP } from './trace/trace-command.js';

export const EXIT = {
  OK: 0,
  /** The endpoint answered but refused (SNS error, identity provider error). */
  FAILED: 1,
  USAGE: 2,
  /** Invalid JSON, unknown topic or type, a payload or field that fails the contract. */
  INVALID: 3,
  UNREACHABLE: 4,
  /** `trace`: no trace record of the message (unknown, or past the log retention). */
  NOT_FOUND: 5,
} as const;

export { DEFAULT_IDP_URL };

export interface CliIo {
  /** The package version `--version` prints (the launcher reads it from package.json). */
  version?: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Reads all of stdin (only called when no --payload or --file is given and stdin is not a terminal). */
  readStdin: () => Promise<string>;
  stdinIsTTY: boolean;
  fetch?: typeof fetch;
  /** Tests inject a fake; otherwise an SNSClient for the resolved endpoint. */
  snsClient?: SnsSender;
  /** `trace --stack`: tests inject recorded Logs Insights responses; otherwise a CloudWatchLogsClient. */
  logsClient?: LogsClient;
  /** `trace`: the current time (tests fix it). */
  now?: () => number;
  /** Tests inject a fake; otherwise a kafkajs producer for `--kafka-brokers`. */
  kafkaProducer?: KafkaProducerPort;
}

const EXIT_CODES_HELP = `Exit codes:
  0  success (or --dry-run: valid)
  1  the endpoint refused the request (an SNS, Kafka or identity provider error)
  2  usage error: unknown command or option, a missing option, no payload
  3  invalid input: JSON that does not parse, an unknown topic or message type, a field that fails validation
  4  the endpoint is unreachable (SNS endpoint, Kafka brokers or identity provider)
  5  trace: no trace record of the message (unknown id, or past the log retention)`;

const MAIN_HELP = `wspush — publish to a wspush platform, mint local development tokens, trace a message

Usage:
  wspush publish topic --realm <realm> --topic <topic> [payload options]
  wspush publish user  --realm <realm> --user <userId> --type <type> [payload options]
  wspush token --user <userId> --realm <realm> [--role <role> ...]
  wspush trace <messageId | correlationId> [--local | --stack <name>]
  wspush <command> --help
  wspush --version

Topics:             ${topicFamilies.join(', ')}
                    (a family is published to one concrete topic: --topic jobs.8812)
User message types: ${userMessageTypes.join(', ')}

${EXIT_CODES_HELP}
`;

const TARGET_HELP = `Target (publish):
      --broadcast-topic-arn <arn>  default $WSPUSH_BROADCAST_TOPIC_ARN
      --user-topic-arn <arn>       default $WSPUSH_USER_TOPIC_ARN
      --endpoint <url>             SNS endpoint, default $AWS_ENDPOINT_URL (AWS when unset)
      --region <region>            default $AWS_REGION
      --local                      the local platform (npm start): endpoint ${LOCAL_ENDPOINT} and its topics
  With no topic ARN from a flag or the environment, wspush uses the local platform's topics
  (${LOCAL_BROADCAST_TOPIC_ARN} / -user) and, unless
  $AWS_ENDPOINT_URL or --endpoint says otherwise, its endpoint.`;

const PAYLOAD_HELP = `Payload (one of):
      --payload '<json>'           the payload as a JSON argument
      --file <path>                a JSON file ('-' for stdin)
      (stdin)                      JSON piped on stdin
Envelope:
      --message-id <id>            default: a new ULID (clients de-duplicate on it: reuse it when retrying)
      --correlation-id <id>        default: a new c-<uuid>
      --dry-run                    validate and print the envelope; send nothing`;

const TOPIC_HELP = `Usage: wspush publish topic --realm <realm> --topic <topic> [options]

Publishes a message to every subscriber of <topic> in <realm> (the broadcast SNS topic).
Topics: ${topicFamilies.join(', ')}
A family takes a concrete name, each {parameter} filled in and checked against its schema: --topic jobs.8812

      --realm <realm>              required
      --topic <topic>              required
${PAYLOAD_HELP}
${TARGET_HELP}
${KAFKA_HELP}
  -h, --help

Example:
  wspush publish topic --realm acme --topic announcements \\
    --payload '{"title":"Hello","body":"First message","severity":"info"}'

${EXIT_CODES_HELP}
`;

const USER_HELP = `Usage: wspush publish user --realm <realm> --user <userId> --type <type> [options]

Publishes a message to one user of <realm> (the user SNS topic): delivered to all of the user's
connections, or kept in the offline inbox and delivered on the next connect.
Types: ${userMessageTypes.join(', ')}

      --realm <realm>              required
      --user <userId>              required
      --type <type>                required
${PAYLOAD_HELP}
${TARGET_HELP}
${KAFKA_HELP}
  -h, --help

Example:
  wspush publish user --realm acme --user alice --type notification \\
    --payload '{"title":"Invoice paid","body":"Invoice 2026-114 was paid.","category":"billing"}'

${EXIT_CODES_HELP}
`;

const PUBLISH_HELP = `Usage: wspush publish topic|user [options]

  wspush publish topic --help   publish to a topic of a realm
  wspush publish user --help    publish to one user of a realm

${EXIT_CODES_HELP}
`;

const TOKEN_HELP = `Usage: wspush token --user <userId> --realm <realm> [--role <role> ...] [--ttl <seconds>] [--idp <url>]

Prints a development access token from the local identity provider (POST /dev/token of \`npm start\`).

  -u, --user <userId>   the token's subject                         required
  -r, --realm <realm>   the realm (issuer <idp>/realms/<realm>)     required
      --role <role>     a realm role; repeat for several
      --ttl <seconds>   lifetime, 1..86400 (default 3600)
      --idp <url>       default $WSPUSH_IDP_URL or ${DEFAULT_IDP_URL}
  -h, --help

${EXIT_CODES_HELP}
`;

class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    /** For usage errors: the command whose `--help` explains it (`wspush publish topic`). */
    readonly helpCommand?: string,
  ) {
    super(message);
  }
}

const PUBLISH_OPTIONS = {
  realm: { type: 'string' },
  topic: { type: 'string' },
  user: { type: 'string' },
  type: { type: 'string' },
  payload: { type: 'string' },
  file: { type: 'string' },
  'message-id': { type: 'string' },
  'correlation-id': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'broadcast-topic-arn': { type: 'string' },
  'user-topic-arn': { type: 'string' },
  endpoint: { type: 'string' },
  region: { type: 'string' },
  local: { type: 'boolean' },
  'kafka-brokers': { type: 'string' },
  'kafka-topic': { type: 'string' },
  'kafka-ssl': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === '--version' || command === '-v') {
      io.stdout(`${io.version ?? 'unknown'}\n`);
      return EXIT.OK;
    }
    if (command === undefined)
      throw new CliError('no command; allowed: publish, token, trace', EXIT.USAGE, 'wspush');
    if (command === '--help' || command === '-h' || command === 'help') {
      io.stdout(MAIN_HELP);
      return EXIT.OK;
    }
    if (command === 'publish') {
      const [kind, ...options] = rest;
      if (kind === undefined) {
        throw new CliError('no publish target; allowed: topic, user', EXIT.USAGE, 'wspush publish');
      }
      if (kind === '--help' || kind === '-h') {
        io.stdout(PUBLISH_HELP);
        return EXIT.OK;
      }
      if (kind !== 'topic' && kind !== 'user') {
        throw new CliError(
          `unknown publish target "${kind}"; allowed: topic, user`,
          EXIT.USAGE,
          'wspush publish',
        );
      }
      return await publish(kind, options, io);
    }
    if (command === 'token') return await token(rest, io);
    if (command === 'trace') return await trace(rest, io);
    throw new CliError(`unknown command "${command}"; allowed: publish, token, trace`, EXIT.USAGE, 'wspush');
  } catch (error) {
    if (error instanceof CliError) {
      // One line of problem and where the help is: the whole help would bury the problem.
      const hint = error.helpCommand ? `\nRun \`${error.helpCommand} --help\` for usage.` : '';
      io.stderr(`wspush: ${error.message}${hint}\n`);
      return error.exitCode;
    }
    if (error instanceof PublisherConfigError) {
      io.stderr(
        `wspush: ${error.message.replace(/pass local: true or an endpoint/, 'pass --local or --endpoint')}\n`,
      );
      return EXIT.USAGE;
    }
    io.stderr(`wspush: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FAILED;
  }
}

function parse(
  args: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  helpCommand: string,
): Record<string, unknown> {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    // Node's message ends with advice for script authors ("To specify a positional argument…"): keep line one.
    const firstLine = ((error as Error).message.split('\n')[0] ?? '').trim();
    throw new CliError(firstLine, EXIT.USAGE, helpCommand);
  }
}

async function publish(kind: 'topic' | 'user', args: readonly string[], io: CliIo): Promise<number> {
  const help = kind === 'topic' ? TOPIC_HELP : USER_HELP;
  const helpCommand = `wspush publish ${kind}`;
  const values = parse(args, PUBLISH_OPTIONS, helpCommand) as {
    [K in keyof typeof PUBLISH_OPTIONS]?: (typeof PUBLISH_OPTIONS)[K]['type'] extends 'boolean'
      ? boolean
      : string;
  };
  if (values.help) {
    io.stdout(help);
    return EXIT.OK;
  }
  const required = kind === 'topic' ? (['realm', 'topic'] as const) : (['realm', 'user', 'type'] as const);
  for (const name of required) {
    if (!values[name]) throw new CliError(`--${name} is required`, EXIT.USAGE, helpCommand);
  }
  const misplaced = kind === 'topic' ? (['user', 'type'] as const) : (['topic'] as const);
  for (const name of misplaced) {
    if (values[name] !== undefined) {
      throw new CliError(`--${name} does not apply to publish ${kind}`, EXIT.USAGE, helpCommand);
    }
  }

  const payload = await readPayload(values.payload, values.file, io, helpCommand);
  const common = {
    realm: values.realm as string,
    ...(values['message-id'] !== undefined ? { messageId: values['message-id'] } : {}),
    ...(values['correlation-id'] !== undefined ? { correlationId: values['correlation-id'] } : {}),
  };
  let prepared: PreparedMessage;
  try {
    prepared =
      kind === 'topic'
        ? prepareTopicMessage({ ...common, topic: values.topic as string, payload })
        : prepareUserMessage({
            ...common,
            userId: values.user as string,
            type: values.type as string,
            payload,
          });
  } catch (error) {
    if (error instanceof PublishValidationError) {
      const lines = error.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n');
      throw new CliError(`invalid message (field ${error.field}):\n${lines}`, EXIT.INVALID);
    }
    throw error;
  }

  if (values['kafka-brokers'] !== undefined) return publishKafka(kind, prepared, values, io, helpCommand);
  for (const name of ['kafka-topic', 'kafka-ssl'] as const) {
    if (values[name] !== undefined)
      throw new CliError(`--${name} needs --kafka-brokers`, EXIT.USAGE, helpCommand);
  }
  const target = cliTarget(values, io.env);
  const topicArn = requireTopicArn(target, kind);
  if (values['dry-run']) {
    io.stdout(
      `${JSON.stringify({ dryRun: true, valid: true, topicArn, endpoint: target.endpoint ?? null, envelope: prepared.envelope, messageAttributes: prepared.attributes }, null, 2)}\n`,
    );
    return EXIT.OK;
  }
  if (target.local && !values.local && !io.env.AWS_ENDPOINT_URL) {
    io.stderr(`wspush: no topic ARN configured; publishing to the local platform (${topicArn})\n`);
  }
  const where = targetOptions(target);
  const publisher = createPublisher({
    snsClient: io.snsClient ?? createSnsClient({ ...where, maxAttempts: 2, env: io.env }),
    ...where,
    env: io.env,
  });
  const input = prepared.envelope;
  try {
    const result =
      kind === 'topic'
        ? await publisher.publishUncheckedToTopic(
            input as Parameters<typeof publisher.publishUncheckedToTopic>[0],
          )
        : await publisher.publishUncheckedToUser(
            input as Parameters<typeof publisher.publishUncheckedToUser>[0],
          );
    io.stdout(`${JSON.stringify({ ...result, topicArn })}\n`);
    return EXIT.OK;
  } catch (error) {
    if (error instanceof PublisherConfigError) throw error;
    const endpoint = target.endpoint ?? 'the AWS SNS endpoint';
    if (isUnreachable(error)) {
      throw new CliError(
        `cannot reach ${endpoint} (${describe(error)})${target.local ? '. Is `npm start` running?' : ''}`,
        EXIT.UNREACHABLE,
      );
    }
    throw new CliError(
      `SNS refused the publish to ${topicArn} at ${endpoint}: ${describe(error)}`,
      EXIT.FAILED,
    );
  }
}

const SNS_TARGET_OPTIONS = ['broadcast-topic-arn', 'user-topic-arn', 'endpoint', 'region', 'local'] as const;

async function publishKafka(
  kind: 'topic' | 'user',
  prepared: PreparedMessage,
  values: Record<string, unknown>,
  io: CliIo,
  helpCommand: string,
): Promise<number> {
  const sns = SNS_TARGET_OPTIONS.find((name) => values[name] !== undefined);
  if (sns)
    throw new CliError(
      `--${sns} is an SNS option; --kafka-brokers publishes to Kafka`,
      EXIT.USAGE,
      helpCommand,
    );
  try {
    if (values['dry-run']) {
      const record = kafkaDryRun(kind, prepared, values, io.env);
      io.stdout(
        `${JSON.stringify({ dryRun: true, valid: true, envelope: prepared.envelope, kafkaRecord: record }, null, 2)}\n`,
      );
      return EXIT.OK;
    }
    const result = await publishThroughKafka(kind, prepared, values, io.env, io.kafkaProducer);
    io.stdout(`${JSON.stringify(result)}\n`);
    return EXIT.OK;
  } catch (error) {
    if (!(error instanceof KafkaCliError)) throw error;
    const code = { usage: EXIT.USAGE, unreachable: EXIT.UNREACHABLE, failed: EXIT.FAILED }[error.kind];
    throw new CliError(error.message, code, error.kind === 'usage' ? helpCommand : undefined);
  }
}

/** The CLI's target: with no topic ARN from a flag or the environment, the local platform. */
function cliTarget(
  values: {
    'broadcast-topic-arn'?: string;
    'user-topic-arn'?: string;
    endpoint?: string;
    region?: string;
    local?: boolean;
  },
  env: Readonly<Record<string, string | undefined>>,
): PublishTarget {
  const broadcastTopicArn = values['broadcast-topic-arn'];
  const userTopicArn = values['user-topic-arn'];
  const configured = Boolean(
    broadcastTopicArn || userTopicArn || env.WSPUSH_BROADCAST_TOPIC_ARN || env.WSPUSH_USER_TOPIC_ARN,
  );
  return resolveTarget(
    {
      ...(broadcastTopicArn !== undefined ? { broadcastTopicArn } : {}),
      ...(userTopicArn !== undefined ? { userTopicArn } : {}),
      ...(values.endpoint !== undefined ? { endpoint: values.endpoint } : {}),
      ...(values.region !== undefined ? { region: values.region } : {}),
      local: Boolean(values.local) || !configured,
    },
    env,
  );
}

/** A resolved target as options (so the SDK resolves it to the same place). */
function targetOptions(target: PublishTarget): {
  broadcastTopicArn?: string;
  userTopicArn?: string;
  endpoint?: string;
  region?: string;
} {
  return {
    ...(target.broadcastTopicArn ? { broadcastTopicArn: target.broadcastTopicArn } : {}),
    ...(target.userTopicArn ? { userTopicArn: target.userTopicArn } : {}),
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.region ? { region: target.region } : {}),
  };
}

async function readPayload(
  payloadArg: string | undefined,
  file: string | undefined,
  io: CliIo,
  helpCommand: string,
): Promise<unknown> {
  if (payloadArg !== undefined && file !== undefined) {
    throw new CliError('pass either --payload or --file, not both', EXIT.USAGE, helpCommand);
  }
  let text: string;
  let source: string;
  if (payloadArg !== undefined) {
    text = payloadArg;
    source = '--payload';
  } else if (file !== undefined && file !== '-') {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new CliError(`cannot read --file ${file}: ${(error as Error).message}`, EXIT.USAGE);
    }
    source = file;
  } else {
    if (file === undefined && io.stdinIsTTY) {
      throw new CliError('no payload: pass --payload, --file or pipe JSON on stdin', EXIT.USAGE, helpCommand);
    }
    text = await io.readStdin();
    source = 'stdin';
    if (text.trim() === '') {
      throw new CliError('no payload: pass --payload, --file or pipe JSON on stdin', EXIT.USAGE, helpCommand);
    }
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CliError(`invalid JSON in ${source}: ${(error as Error).message}`, EXIT.INVALID);
  }
}

async function token(args: readonly string[], io: CliIo): Promise<number> {
  const values = parse(args, DEV_TOKEN_OPTIONS, 'wspush token') as DevTokenArgs;
  if (values.help) {
    io.stdout(TOKEN_HELP);
    return EXIT.OK;
  }
  if (!values.user) throw new CliError('--user is required', EXIT.USAGE, 'wspush token');
  if (!values.realm) throw new CliError('--realm is required', EXIT.USAGE, 'wspush token');
  const body: DevTokenRequest = {
    userId: values.user,
    realm: values.realm,
    roles: values.role ?? [],
  };
  if (values.ttl !== undefined) {
    if (!/^\d+$/.test(values.ttl))
      throw new CliError(`--ttl must be whole seconds, got "${values.ttl}"`, EXIT.USAGE);
    body.ttlSeconds = Number(values.ttl);
  }
  const idp = values.idp ?? io.env.WSPUSH_IDP_URL ?? DEFAULT_IDP_URL;
  let endpoint: URL;
  try {
    endpoint = devTokenEndpoint(idp);
  } catch {
    throw new CliError(`--idp "${idp}" is not a URL`, EXIT.USAGE);
  }
  const outcome = await requestDevToken(endpoint, body, io.fetch);
  if (outcome.kind === 'unreachable') {
    throw new CliError(
      `cannot reach the identity provider at ${endpoint.href} (${describe(outcome.error)}). Is \`npm start\` running?`,
      EXIT.UNREACHABLE,
    );
  }
  if (outcome.kind === 'refused') {
    throw new CliError(
      `the identity provider at ${endpoint.href} answered ${outcome.status}: ${outcome.message}`,
      outcome.status === 400 ? EXIT.INVALID : EXIT.FAILED,
    );
  }
  io.stdout(`${outcome.token}\n`);
  return EXIT.OK;
}

async function trace(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parseTraceArgs>;
  try {
    parsed = parseTraceArgs(args, io.env);
  } catch (error) {
    throw new CliError((error as Error).message, EXIT.USAGE, 'wspush trace');
  }
  if (parsed.kind === 'help') {
    io.stdout(TRACE_HELP);
    return EXIT.OK;
  }
  try {
    const hops = await lookUpTrace(parsed.options, {
      ...(io.logsClient ? { logsClient: io.logsClient } : {}),
      ...(io.fetch ? { fetch: io.fetch } : {}),
      now: io.now ?? Date.now,
    });
    io.stdout(
      parsed.options.json
        ? `${JSON.stringify({ id: parsed.options.id, hops }, null, 2)}\n`
        : renderTimeline(parsed.options.id, hops),
    );
    return EXIT.OK;
  } catch (error) {
    if (error instanceof TraceLookupError) {
      const notFound = error.kind === 'unknown' || error.kind === 'retention';
      throw new CliError(error.message, notFound ? EXIT.NOT_FOUND : EXIT.FAILED);
    }
    if (isUnreachable(error)) {
      const aws = parsed.options.stack !== undefined || parsed.options.logGroups.length > 0;
      const where = aws ? 'CloudWatch Logs' : `the local platform at ${parsed.options.consoleUrl}`;
      const hint = aws ? '' : ' Is `npm start` running? (--stack <name> traces a deployed stack)';
      throw new CliError(`cannot reach ${where} (${describe(error)}).${hint}`, EXIT.UNREACHABLE);
    }
    throw error;
  }
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'ECONNRESET',
]);

/** A network failure (no HTTP answer), as opposed to an error response from SNS. */
function isUnreachable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; depth++) {
    const candidate = e as {
      code?: unknown;
      name?: unknown;
      errors?: unknown[];
      cause?: unknown;
      $metadata?: { httpStatusCode?: number };
    };
    if (candidate.$metadata?.httpStatusCode !== undefined) return false;
    if (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code)) return true;
    if (candidate.name === 'TimeoutError') return true;
    if (Array.isArray(candidate.errors) && candidate.errors.some((inner) => isUnreachable(inner)))
      return true;
    e = candidate.cause;
  }
  return false;
}

function describe(error: unknown): string {
  const e = error as { name?: unknown; message?: unknown };
  const message = typeof e.message === 'string' && e.message ? e.message : String(e.name ?? error);
  // fetch and the SDK wrap the socket error: surface its code (ECONNREFUSED, ENOTFOUND, ...).
  let code: string | undefined;
  for (let c: unknown = error, depth = 0; c && depth < 5 && !code; depth++) {
    const candidate = c as { code?: unknown; errors?: { code?: unknown }[]; cause?: unknown };
    if (typeof candidate.code === 'string') code = candidate.code;
    else if (typeof candidate.errors?.[0]?.code === 'string') code = candidate.errors[0].code;
    c = candidate.cause;
  }
  if (code) return message.includes(code) ? message : `${code}: ${message}`;
  const cause = (error as { cause?: { message?: unknown } }).cause?.message;
  return typeof cause === 'string' && cause ? `${message}: ${cause}` : message;
}
