/**
 * Trace records of one message from a deployed stack: a CloudWatch Logs Insights query over the log groups
 * of the functions that write them (`traceLogGroups`), through the AWS SDK's CloudWatch Logs client.
 *
 * Operator permissions: logs:DescribeLogGroups, logs:StartQuery, logs:GetQueryResults (and
 * logs:StopQuery to cancel) on those log groups (docs/operations.md, "Where is my message?").
 */
import {
  type CloudWatchLogsClient,
  DescribeLogGroupsCommand,
  GetQueryResultsCommand,
  type ResultField,
  StartQueryCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { validators } from '../../../generated/index.js';
import { isTraceId, TRACE_FORMAT, type TraceRecord } from '../../core/tracing.js';
import { ulidTime } from '../ids.js';
import type { TracedHop } from './timeline.js';

/** The client methods used (tests pass recorded responses). */
export type LogsClient = Pick<CloudWatchLogsClient, 'send'>;

/** Logs Insights returns at most 10,000 rows per query. */
export const MAX_ROWS = 10_000;

export class TraceLookupError extends Error {
  constructor(
    message: string,
    readonly kind: 'unknown' | 'retention' | 'log-groups' | 'query',
  ) {
    super(message);
    this.name = 'TraceLookupError';
  }
}

/** The query: every trace record naming the id as its message or correlation id, oldest first. */
export function traceQuery(id: string): string {
  // Ids the contract allows only: nothing that could break out of the query string.
  if (!isTraceId(id)) throw new Error(`not a message or correlation id: ${JSON.stringify(id)}`);
  return [
    'fields @timestamp, @log, @message',
    `| filter trace = "${TRACE_FORMAT}" and (messageId = "${id}" or correlationId = "${id}")`,
    '| sort @timestamp asc',
    `| limit ${MAX_ROWS}`,
  ].join('\n');
}

async function findLogGroup(client: LogsClient, name: string) {
  const out = await client.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: name, limit: 5 }));
  return out.logGroups?.find((g) => g.logGroupName === name);
}

/** Of `names`, the log groups that exist (a stack without Kafka has no Kafka router log group). */
export async function existingLogGroups(client: LogsClient, names: readonly string[]): Promise<string[]> {
  const present: string[] = [];
  for (const name of names) if (await findLogGroup(client, name)) present.push(name);
  return present;
}

/** Retention of the log groups in days (the shortest; undefined = never expire). Fails on a missing group. */
export async function logRetentionDays(
  client: LogsClient,
  logGroups: readonly string[],
): Promise<number | undefined> {
  const found = new Map<string, number | undefined>();
  for (const name of logGroups) {
    const group = await findLogGroup(client, name);
    if (!group) {
      throw new TraceLookupError(
        `log group ${name} not found: is the stack deployed in this account and region (--region, AWS_REGION)?`,
        'log-groups',
      );
    }
    found.set(name, group.retentionInDays);
  }
  const days = [...found.values()].filter((d): d is number => d !== undefined);
  return days.length > 0 ? Math.min(...days) : undefined;
}

export interface TraceWindow {
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** Before a ULID's time: clocks of publishers and functions differ a little. */
const SKEW_MS = 5 * 60_000;

/**
 * The time range to search: from a ULID's publish time (minus skew) or `sinceMs` back, never past the
 * retention. A ULID older than the retention is reported as such instead of searched.
 */
export function traceWindow(
  id: string,
  now: number,
  sinceMs: number,
  retentionDays: number | undefined,
): TraceWindow {
  const published = ulidTime(id);
  const oldest = retentionDays === undefined ? 0 : now - retentionDays * DAY_MS;
  if (published !== undefined && retentionDays !== undefined && published < oldest) {
    const age = Math.floor((now - published) / DAY_MS);
    throw new TraceLookupError(
      `message ${id} was published at ${new Date(published).toISOString()}, ${age} day(s) ago: ` +
        `its trace records are past the log retention of ${retentionDays} day(s)`,
      'retention',
    );
  }
  const start = published !== undefined ? published - SKEW_MS : now - sinceMs;
  return { start: Math.max(start, oldest), end: now };
}

function field(row: readonly ResultField[], name: string): string | undefined {
  return row.find((f) => f.field === name)?.value;
}

const TRACE_KEYS = Object.keys({
  trace: 1,
  hop: 1,
  messageId: 1,
  correlationId: 1,
  at: 1,
  publishedAt: 1,
  kind: 1,
  realm: 1,
  topic: 1,
  userId: 1,
  type: 1,
  via: 1,
  audience: 1,
  shards: 1,
  shard: 1,
  attempt: 1,
  connectionId: 1,
  result: 1,
  store: 1,
  counts: 1,
  job: 1,
  sampled: 1,
  reason: 1,
} satisfies Record<keyof TraceRecord, 1>);

/** One result row → a hop: the trace record (the contract's fields of the log line), function, X-Ray id. */
export function hopOfRow(row: readonly ResultField[]): TracedHop | undefined {
  const message = field(row, '@message');
  if (!message) return undefined;
  let line: Record<string, unknown>;
  try {
    line = JSON.parse(message) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const candidate = Object.fromEntries(Object.entries(line).filter(([key]) => TRACE_KEYS.includes(key)));
  const checked = validators.TraceRecord(candidate);
  if (!checked.ok) return undefined;
  const hop: TracedHop = { record: checked.value };
  const logGroup = field(row, '@log')?.split(':').pop();
  const fn =
    typeof line.function_name === 'string' ? line.function_name : logGroup?.replace(/^\/aws\/lambda\//, '');
  if (fn) hop.function = fn;
  if (typeof line.xray_trace_id === 'string') hop.xrayTraceId = line.xray_trace_id;
  return hop;
}

export interface QueryOptions {
  client: LogsClient;
  logGroups: readonly string[];
  id: string;
  window: TraceWindow;
  /** Between GetQueryResults polls; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Give up after this long (default 60 s). */
  timeoutMs?: number;
  now?: () => number;
}

/** Runs the query to completion and returns the hops it found (possibly none). */
export async function queryTraceRecords(options: QueryOptions): Promise<TracedHop[]> {
  const { client, id, window } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? Date.now;
  const started = await client.send(
    new StartQueryCommand({
      logGroupNames: [...options.logGroups],
      startTime: Math.floor(window.start / 1000),
      endTime: Math.ceil(window.end / 1000),
      queryString: traceQuery(id),
      limit: MAX_ROWS,
    }),
  );
  if (!started.queryId) throw new TraceLookupError('Logs Insights started no query (no query id)', 'query');
  const deadline = now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    const out = await client.send(new GetQueryResultsCommand({ queryId: started.queryId }));
    if (out.status === 'Complete') {
      return (out.results ?? []).flatMap((row) => {
        const hop = hopOfRow(row);
        return hop ? [hop] : [];
      });
    }
    if (out.status === 'Failed' || out.status === 'Cancelled' || out.status === 'Timeout') {
      throw new TraceLookupError(`the Logs Insights query ${started.queryId} ended ${out.status}`, 'query');
    }
    if (now() > deadline)
      throw new TraceLookupError(`the Logs Insights query ${started.queryId} took too long`, 'query');
    await sleep(1000);
  }
}
