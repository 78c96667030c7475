/**
 * `wspush trace <messageId | correlationId>`: the options, and where the records come from — a deployed
 * stack's function logs (`--stack`, Logs Insights) or the local platform (default).
 */
import { parseArgs } from 'node:util';
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { isTraceId, notATraceId } from '../../core/tracing.js';
import { DEFAULT_IDP_URL } from '../dev-token.js';
import { optionalTraceLogGroups, traceLogGroups } from './aws-names.js';
import { fetchLocalTrace } from './local-trace.js';
import {
  existingLogGroups,
  type LogsClient,
  logRetentionDays,
  queryTraceRecords,
  TraceLookupError,
  traceWindow,
} from './logs-insights.js';
import type { TracedHop } from './timeline.js';

export const TRACE_HELP = `Usage: wspush trace <messageId | correlationId> [options]

Prints the journey of one message as a timeline: each hop (published, routed, posted, stored,
delivered-on-connect, dead-lettered) with its latency since publish, then what became of each
connection (delivered, stored, dropped or pending, with why), and the X-Ray trace ids.

Where it looks: the local platform unless --stack or --log-group names a deployed stack.
Local platform (\`npm start\`; its trace records live in memory, and in --data-dir across restarts):
      --local                      say so explicitly (refuses --stack and --log-group)
      --console <url>              the platform's console, default $WSPUSH_IDP_URL or ${DEFAULT_IDP_URL}
Deployed stack (CloudWatch Logs Insights over the functions' log groups, stack output traceLogGroups):
      --stack <name>               e.g. prod; log groups /aws/lambda/wspush-<name>-<function>
      --log-group <name>           instead of the stack's names (repeatable)
      --region <region>            default $AWS_REGION (credentials: the usual AWS chain)
      --since <duration>           how far back for a correlation id or non-ULID message id: 30m, 6h, 2d
                                   (default 24h; a ULID message id is searched from its publish time)
Output:
      --json                       the hops as JSON instead of the timeline
  -h, --help

Needs (AWS): logs:DescribeLogGroups, logs:StartQuery, logs:GetQueryResults on the stack's log groups.

Exit codes:
  0  found: the timeline is printed
  1  the query failed, or a log group does not exist (wrong stack, account or region)
  2  usage error
  4  the local platform or CloudWatch Logs is unreachable
  5  no trace record of the message: unknown id, or past the log retention
`;

export interface TraceOptions {
  id: string;
  json: boolean;
  stack?: string;
  logGroups: string[];
  region?: string;
  sinceMs: number;
  consoleUrl: string;
}

const DURATION = /^(\d+)(m|h|d)$/;
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

export function parseDuration(text: string): number {
  const match = DURATION.exec(text);
  if (!match)
    throw new Error(`--since must be a number of minutes, hours or days (30m, 6h, 2d), got "${text}"`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}

export function parseTraceArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): { kind: 'help' } | { kind: 'run'; options: TraceOptions } {
  const { values, positionals } = parseArgs({
    args: [...args],
    strict: true,
    allowPositionals: true,
    options: {
      stack: { type: 'string' },
      'log-group': { type: 'string', multiple: true },
      region: { type: 'string' },
      since: { type: 'string' },
      console: { type: 'string' },
      local: { type: 'boolean' },
      json: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return { kind: 'help' };
  if (positionals.length !== 1) throw new Error('give exactly one message id or correlation id');
  const id = positionals[0] as string;
  if (!isTraceId(id)) {
    throw new Error(notATraceId(id));
  }
  if (values.local && (values.stack !== undefined || values['log-group'] !== undefined)) {
    throw new Error('--local traces the local platform: leave out --stack and --log-group');
  }
  if (values.stack !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(values.stack)) {
    throw new Error(`--stack "${values.stack}" is not a stack name`);
  }
  const options: TraceOptions = {
    id,
    json: values.json ?? false,
    logGroups: values['log-group'] ?? [],
    sinceMs: parseDuration(values.since ?? '24h'),
    consoleUrl: values.console ?? env.WSPUSH_IDP_URL ?? DEFAULT_IDP_URL,
  };
  if (values.stack !== undefined) options.stack = values.stack;
  const region = values.region ?? env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  if (region) options.region = region;
  return { kind: 'run', options };
}

export interface TraceDeps {
  logsClient?: LogsClient;
  fetch?: typeof fetch;
  now: () => number;
  sleep?: (ms: number) => Promise<void>;
}

/** The hops of the message, from the stack's logs or the local platform; throws TraceLookupError when none. */
export async function lookUpTrace(options: TraceOptions, deps: TraceDeps): Promise<TracedHop[]> {
  const aws = options.stack !== undefined || options.logGroups.length > 0;
  const hops = aws
    ? await lookUpInLogs(options, deps)
    : await fetchLocalTrace(options.consoleUrl, options.id, deps.fetch);
  if (hops.length === 0) {
    throw new TraceLookupError(`no trace record of ${options.id}`, 'unknown');
  }
  return hops;
}

async function lookUpInLogs(options: TraceOptions, deps: TraceDeps): Promise<TracedHop[]> {
  const client =
    deps.logsClient ?? new CloudWatchLogsClient(options.region ? { region: options.region } : {});
  const stack = options.stack as string;
  const logGroups =
    options.logGroups.length > 0
      ? options.logGroups
      : [...traceLogGroups(stack), ...(await existingLogGroups(client, optionalTraceLogGroups(stack)))];
  const retention = await logRetentionDays(client, logGroups);
  const now = deps.now();
  const window = traceWindow(options.id, now, options.sinceMs, retention);
  const hops = await queryTraceRecords({
    client,
    logGroups,
    id: options.id,
    window,
    now: deps.now,
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  if (hops.length === 0) {
    const from = new Date(window.start).toISOString();
    const to = new Date(window.end).toISOString();
    throw new TraceLookupError(
      `no trace record of ${options.id} in ${logGroups.length} log group(s) between ${from} and ${to}. ` +
        'Check the id and --stack/--region, or widen --since (a correlation id is searched over --since only). ' +
        'A stack whose log level is WARN or ERROR writes no trace records.',
      'unknown',
    );
  }
  return hops;
}
