/**
 * Stream positions of history topics (docs/clients.md, "Resuming a topic stream"): each message of a topic
 * with `offline.policy: history` gets the next `offset` of its (realm, topic) stream and the stream's `epoch`;
 * a client sends its last position (`since`) and is replayed only what is newer, then told whether the gap was
 * fully recovered. This module holds the rules; the head row is behind HistoryStore (nextPosition, head, reset).
 */
import { formatErrors, limits, validators } from '../../generated/index.js';
import type { HistoryItem, RecoveryCode, SincePosition, SinceRejection, StreamPosition } from './model.js';
import type { HistoryStore } from './ports.js';
import { stripRealm, topicDefinitionOf } from './topic-access.js';

/** The recovery frame's `topic` and `reason` bound (contract RecoveryFrame, SinceRejection). */
const MAX_FIELD = 256;
const cut = (text: string): string => (text.length > MAX_FIELD ? `${text.slice(0, MAX_FIELD - 1)}…` : text);

const EPOCH_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new epoch: 10 random characters of [a-z0-9] (contract StreamEpoch), about 52 bits. */
export function newEpoch(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(10));
  let epoch = '';
  for (const byte of bytes) epoch += EPOCH_ALPHABET[byte % EPOCH_ALPHABET.length];
  return epoch;
}

/**
 * When a stream's head row expires: after every history row of the stream (a row expires `retentionSeconds`
 * after its `publishedAt`, which the routers accept up to `publishedAtMaxFutureSeconds` ahead). So while any
 * history remains the epoch holds, and a stream whose whole history expired starts a new epoch.
 */
export function headExpiresAt(nowSeconds: number, retentionSeconds: number): number {
  return nowSeconds + retentionSeconds + limits.publishedAtMaxFutureSeconds;
}

/** Deliberate reset of a stream: its history is dropped and positions of the old epoch answer EPOCH_CHANGED. */
export async function resetStream(
  history: HistoryStore,
  realm: string,
  topic: string,
  nowSeconds: number,
): Promise<StreamPosition | undefined> {
  const definition = topicDefinitionOf(topic);
  if (definition?.offline.policy !== 'history') return undefined;
  const epoch = newEpoch();
  await history.reset(realm, topic, epoch, headExpiresAt(nowSeconds, definition.offline.retentionSeconds));
  return { offset: 0, epoch };
}

/** One `since` entry as sent, before it is checked (the position may be anything). */
export interface SinceEntry {
  topic: string;
  position: unknown;
}

/** A query-string offset: a number when it looks like one (so the schema decides), else the raw text. */
function offsetValue(raw: string): unknown {
  return /^-?\d+(\.\d*)?$/.test(raw) ? Number(raw) : raw;
}

/**
 * The `since` query parameter (`topic~offset~epoch,…`): at most `sinceMaxLength` characters are read and at
 * most `maxTopicsPerConnection` entries; what is beyond is answered `SINCE_INVALID` for topic `*`.
 */
export function parseSinceParameter(
  single: string | undefined,
  multi: readonly string[] | undefined,
): { entries: SinceEntry[]; rejected: SinceRejection[] } {
  const raw = (multi && multi.length > 0 ? multi : single !== undefined ? [single] : []).join(',');
  if (raw.length > limits.sinceMaxLength) {
    const reason = `since is longer than ${limits.sinceMaxLength} characters: ignored`;
    return { entries: [], rejected: [{ topic: '*', code: 'SINCE_INVALID', reason }] };
  }
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const entries: SinceEntry[] = [];
  const rejected: SinceRejection[] = [];
  for (const part of parts.slice(0, limits.maxTopicsPerConnection)) {
    const fields = part.split('~');
    if (fields.length !== 3) {
      const reason = 'expected topic~offset~epoch';
      rejected.push({ topic: cut(fields[0] ?? ''), code: 'SINCE_INVALID', reason });
      continue;
    }
    const [topic, offset, epoch] = fields as [string, string, string];
    entries.push({ topic, position: { offset: offsetValue(offset), epoch } });
  }
  const beyond = parts.length - limits.maxTopicsPerConnection;
  if (beyond > 0) {
    const reason = `${beyond} entries beyond the first ${limits.maxTopicsPerConnection} ignored`;
    rejected.push({ topic: '*', code: 'SINCE_INVALID', reason });
  }
  return { entries, rejected };
}

/**
 * Checks each entry against the accepted topics of the request: a well-formed position (contract
 * StreamPosition) of an accepted history topic is kept; the others are rejected with their code and ignored.
 */
export function decideSince(
  entries: readonly SinceEntry[],
  accepted: readonly string[],
  realm: string,
): { since: SincePosition[]; rejected: SinceRejection[] } {
  const since: SincePosition[] = [];
  const rejected: SinceRejection[] = [];
  for (const entry of entries) {
    const stripped = stripRealm(entry.topic, realm);
    const topic = typeof stripped === 'string' ? stripped : entry.topic;
    const reject = (code: RecoveryCode, reason: string) =>
      rejected.push({ topic: cut(topic), code, reason: cut(reason) });
    if (!accepted.includes(topic) || topicDefinitionOf(topic)?.offline.policy !== 'history') {
      reject('SINCE_UNKNOWN_TOPIC', 'not among the accepted history topics of this request');
      continue;
    }
    if (since.some((s) => s.topic === topic) || rejected.some((r) => r.topic === topic)) {
      reject('SINCE_INVALID', 'the topic is named twice');
      continue;
    }
    const checked = validators.StreamPosition(entry.position);
    if (!checked.ok) reject('SINCE_INVALID', formatErrors(checked.errors));
    else since.push({ topic, offset: checked.value.offset, epoch: checked.value.epoch });
  }
  return { since, rejected };
}

/** What a positioned topic's `recovery` frame says (before `replayed` is known). */
export interface RecoveryAnswer {
  topic: string;
  recovered: boolean;
  code?: RecoveryCode;
  reason?: string;
  /** The stream's newest position. */
  head?: StreamPosition;
}

/** One topic's replay: the history to post, in order, then (for a topic sent with `since`) its answer. */
export interface TopicReplay {
  topic: string;
  items: HistoryItem[];
  answer?: RecoveryAnswer;
}

/** The items of the head's epoch in offset order; without a head, the rows as listed. */
function ofEpoch(items: readonly HistoryItem[], head: StreamPosition | undefined): HistoryItem[] {
  if (!head) return [...items];
  return items
    .filter((item) => item.position?.epoch === head.epoch)
    .sort((a, b) => (a.position?.offset ?? 0) - (b.position?.offset ?? 0));
}

/**
 * Positioned replay of one topic. Same epoch: the messages after `since.offset`, in offset order;
 * `recovered` when there are none to miss, or the history holds every offset from `since.offset + 1` up to its
 * newest (a message whose offset is assigned but not stored yet is posted live: the router stores before it
 * lists subscribers). Another epoch, or an offset ahead of the stream: what history remains, `recovered: false`.
 */
export async function positionedReplay(
  history: HistoryStore,
  realm: string,
  topic: string,
  since: StreamPosition,
  listed: readonly HistoryItem[],
  nowSeconds: number,
): Promise<{ items: HistoryItem[]; answer: RecoveryAnswer }> {
  const head = await history.head(realm, topic, nowSeconds);
  const answer = (recovered: boolean, code?: RecoveryCode, reason?: string): RecoveryAnswer => ({
    topic,
    recovered,
    ...(code ? { code, reason: cut(reason ?? '') } : {}),
    ...(head ? { head } : {}),
  });
  if (!head || head.epoch !== since.epoch) {
    const why = head
      ? `the stream's history was lost or reset (epoch ${since.epoch} is now ${head.epoch})`
      : `the stream's history was lost (epoch ${since.epoch} has no history left)`;
    return { items: ofEpoch(listed, head), answer: answer(false, 'EPOCH_CHANGED', why) };
  }
  if (since.offset > head.offset) {
    const why = `offset ${since.offset} is ahead of the stream (newest ${head.offset}): replayed as without since`;
    return { items: [...listed], answer: answer(false, 'SINCE_AHEAD', why) };
  }
  const newer = ofEpoch(listed, head).filter((item) => (item.position?.offset ?? 0) > since.offset);
  const contiguous = newer.every((item, i) => item.position?.offset === since.offset + 1 + i);
  if (since.offset === head.offset || (newer.length > 0 && contiguous)) {
    return { items: newer, answer: answer(true) };
  }
  const oldest = newer[0]?.position?.offset;
  const why =
    oldest === undefined
      ? `no history after offset ${since.offset} is left (newest ${head.offset})`
      : `the history reaches back to offset ${oldest}, not ${since.offset + 1}`;
  return { items: newer, answer: answer(false, 'HISTORY_TRIMMED', why) };
}

/**
 * The replay of `topics` (those with `offline.policy: history`), topic by topic: positioned for a topic in
 * `since`, the whole unexpired history otherwise (today's replay, oldest first). A rejected position of one of
 * `topics` is answered after that topic's history; the other rejections come last.
 */
export async function topicReplays(
  history: HistoryStore,
  realm: string,
  topics: readonly string[],
  request: { since?: readonly SincePosition[]; rejected?: readonly SinceRejection[] },
  nowSeconds: number,
): Promise<TopicReplay[]> {
  const replays: TopicReplay[] = [];
  const rejected = [...(request.rejected ?? [])];
  for (const topic of topics) {
    const definition = topicDefinitionOf(topic);
    if (definition?.offline.policy !== 'history') continue;
    const listed = await history.list(realm, topic, nowSeconds, definition.offline.historySize);
    const since = request.since?.find((s) => s.topic === topic);
    if (since) {
      const position = { offset: since.offset, epoch: since.epoch };
      replays.push({
        topic,
        ...(await positionedReplay(history, realm, topic, position, listed, nowSeconds)),
      });
      continue;
    }
    const index = rejected.findIndex((r) => r.topic === topic);
    const rejection = index >= 0 ? rejected.splice(index, 1)[0] : undefined;
    const replay: TopicReplay = { topic, items: listed };
    if (rejection) {
      const head = await history.head(realm, topic, nowSeconds);
      replay.answer = { ...rejection, recovered: false, ...(head ? { head } : {}) };
    }
    replays.push(replay);
  }
  for (const rejection of rejected)
    replays.push({ topic: rejection.topic, items: [], answer: { ...rejection, recovered: false } });
  return replays;
}
