/**
 * A message's journey as text: each hop with its latency since publish, then what became of each connection
 * (delivered, stored, dropped or pending, with why). Shared by `wspush trace` on AWS and locally.
 */
import type { TraceRecord } from '../../core/tracing.js';

/** A record as read back, with where it was written (function name, X-Ray trace id) when known. */
export interface TracedHop {
  record: TraceRecord;
  function?: string;
  xrayTraceId?: string;
}

/**
 * Journey order, for hops written in the same millisecond: a topic's history is written before the message is
 * routed; a user message goes to the inbox after its posts (when none of them got it).
 */
function journeyRank(record: TraceRecord): number {
  switch (record.hop) {
    case 'published':
      return 0;
    case 'stored':
      return record.store === 'history' ? 1 : 4;
    case 'routed':
      return 2;
    case 'posted':
      return 3;
    case 'delivered-on-connect':
      return 5;
    case 'dead-lettered':
      return 6;
  }
}

/** By time; ties (same millisecond) in journey order, then as read. */
export function sortHops(hops: readonly TracedHop[]): TracedHop[] {
  return hops
    .map((hop, index) => ({ hop, index }))
    .sort(
      (a, b) =>
        Date.parse(a.hop.record.at) - Date.parse(b.hop.record.at) ||
        journeyRank(a.hop.record) - journeyRank(b.hop.record) ||
        a.index - b.index,
    )
    .map(({ hop }) => hop);
}

function seconds(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  return `${sign}${(Math.abs(ms) / 1000).toFixed(3)}s`;
}

function describeCounts(counts: NonNullable<TraceRecord['counts']>): string {
  return Object.entries(counts)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

/** The one-line detail of a hop. */
export function describeHop(record: TraceRecord): string {
  const parts: string[] = [];
  switch (record.hop) {
    case 'published':
      if (record.via) {
        parts.push(`via ${record.via.transport}${record.via.source ? ` ${record.via.source}` : ''}`);
        if (record.via.publisher) parts.push(`by ${record.via.publisher}`);
        if (record.via.sourceMessageId)
          parts.push(`(${record.via.transport} message ${record.via.sourceMessageId})`);
      }
      break;
    case 'routed':
      parts.push(`${record.audience ?? 0} connection(s)`);
      if (record.shards) parts.push(`in ${record.shards} fan-out shard(s)`);
      break;
    case 'stored':
      parts.push(`${record.store ?? 'store'}: ${record.result ?? '?'}`);
      break;
    default:
      if (record.shard !== undefined) parts.push(`shard ${record.shard + 1}/${record.shards ?? '?'}`);
      if (record.attempt) parts.push(`attempt ${record.attempt}`);
      if (record.job) parts.push(`${record.job} job`);
      if (record.connectionId) parts.push(record.connectionId);
      if (record.result) parts.push(record.result);
      if (record.counts) parts.push(describeCounts(record.counts));
      if (record.sampled) parts.push('(sampled)');
  }
  if (record.reason) parts.push(`— ${record.reason}`);
  return parts.join(' ');
}

export type ConnectionFate = 'delivered' | 'stored' | 'dropped' | 'pending';

function deliveredHow(record: TraceRecord): string {
  if (record.hop === 'delivered-on-connect')
    return `from the ${record.store ?? 'inbox'} on ${record.job ?? 'connect'}`;
  return record.job === 'retry' ? 'by a retry job' : 'live';
}

/** What the last word on a connection means for the person asking. */
function fateOf(record: TraceRecord): { fate: ConnectionFate; why: string } | undefined {
  switch (record.result) {
    case 'delivered':
      return { fate: 'delivered', why: deliveredHow(record) };
    case 'gone':
      return record.hop === 'delivered-on-connect'
        ? { fate: 'stored', why: 'the connection closed first: kept in the inbox' }
        : { fate: 'dropped', why: 'gone (410): the connection had closed' };
    case 'too-large':
      return { fate: 'dropped', why: 'over the gateway frame limit' };
    case 'connecting':
      return { fate: 'stored', why: 'still connecting (410 in the grace period): inbox + drain job' };
    case 'throttled':
      return { fate: 'pending', why: 'throttled (429 after backoff): a retry job follows' };
    case 'retried':
      return {
        fate: 'pending',
        why: `post failed${record.reason ? ` (${record.reason})` : ''}: a retry job follows`,
      };
    case 'deferred':
      return { fate: 'pending', why: 'not attempted before the deadline: continued in a new job' };
    default:
      return undefined;
  }
}

/** The last word per connection, in order of first appearance. */
export function connectionFates(
  hops: readonly TracedHop[],
): Map<string, { fate: ConnectionFate; why: string }> {
  const fates = new Map<string, { fate: ConnectionFate; why: string }>();
  for (const { record } of hops) {
    if (!record.connectionId) continue;
    const fate = fateOf(record);
    if (fate) fates.set(record.connectionId, fate);
  }
  return fates;
}

function headline(first: TraceRecord | undefined, id: string): string {
  if (!first) return `Message ${id}`;
  const what =
    first.kind === 'topic'
      ? `topic message to "${first.topic}" in ${first.realm}`
      : first.kind === 'user'
        ? `user message "${first.type}" to ${first.userId} in ${first.realm}`
        : 'message';
  const ids = [
    first.messageId && `id ${first.messageId}`,
    first.correlationId && `correlation ${first.correlationId}`,
  ];
  return `${what} (${ids.filter(Boolean).join(', ')})`;
}

/** The whole timeline, one hop per line, then the connections and the X-Ray trace ids. */
export function renderTimeline(id: string, unsorted: readonly TracedHop[]): string {
  const hops = sortHops(unsorted);
  const described = hops.find((h) => h.record.kind !== undefined)?.record ?? hops[0]?.record;
  const publishedAt = hops.find((h) => h.record.publishedAt)?.record.publishedAt;
  const zero = Date.parse(publishedAt ?? hops[0]?.record.at ?? '');
  const lines = [headline(described, id)];
  if (publishedAt) lines.push(`published at ${publishedAt}`);
  lines.push('');
  for (const { record, function: fn } of hops) {
    const where = fn ? `  [${fn}]` : '';
    lines.push(
      `  ${seconds(Date.parse(record.at) - zero).padStart(9)}  ${record.hop.padEnd(20)} ${describeHop(record)}${where}`,
    );
  }
  const fates = connectionFates(hops);
  if (fates.size > 0) {
    lines.push('', 'Connections:');
    for (const [connectionId, { fate, why }] of fates)
      lines.push(`  ${connectionId}  ${fate.padEnd(9)} ${why}`);
  }
  const totals = shardTotals(hops);
  if (totals) lines.push('', `Broadcast shards: ${totals}`);
  const xray = [...new Set(hops.flatMap((h) => (h.xrayTraceId ? [h.xrayTraceId] : [])))];
  if (xray.length > 0) lines.push('', `X-Ray trace id(s): ${xray.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

/** The sum of the per-shard counts of a broadcast, when it has any. */
function shardTotals(hops: readonly TracedHop[]): string | undefined {
  const sums: Record<string, number> = {};
  let shards = 0;
  for (const { record } of hops) {
    if (record.hop !== 'posted' || !record.counts) continue;
    shards++;
    for (const [name, n] of Object.entries(record.counts)) sums[name] = (sums[name] ?? 0) + (n ?? 0);
  }
  if (shards === 0) return undefined;
  const detail = describeCounts(sums);
  return `${shards} record(s): ${detail || 'no posts'}`;
}
