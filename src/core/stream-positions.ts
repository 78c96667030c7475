/**
 * Stream positions of history topics (docs/data-model.md, "Stream positions", "Positioned replay"): each
 * message of a topic with `offline.policy: history` gets the next `offset` of its (realm, topic) stream and the
 * stream's `epoch`; a client sends its last position (`since`) and is replayed only what is newer, then told
 * whether the gap was fully recovered. This module holds the rules; the head row is behind HistoryStore (nextPosition, head, reset).
 */
// Generated modules by name, not the index (the subscribe function's bundle; see client-frames.ts).
import { limits } from '../../generated/codes.js';
import { formatErrors, wrapValidator } from '../../generated/field-errors.js';
import { validateStreamPosition } from '../../generated/validators.js';
import type {
  HistoryItem,
  RecoveryCode,
  RecoveryPlacement,
  SincePosition,
  SinceRejection,
  StreamPosition,
} from './model.js';
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
 * The `recovery` query parameter (contract: where the connect-time answers to `since` go). Anything but one
 * value of the enum (repeated alike) is ignored: `frames`, the default, with `ignored` saying why (for the log).
 */
export function parseRecoveryParameter(
  single: string | undefined,
  multi: readonly string[] | undefined,
): { placement: RecoveryPlacement; ignored?: string } {
  const values = multi && multi.length > 0 ? multi : single !== undefined ? [single] : [];
  if (values.length === 0) return { placement: 'frames' };
  const [first] = values;
  if (values.every((value) => value === first) && (first === 'frames' || first === 'welcome'))
    return { placement: first };
  return { placement: 'frames', ignored: cut(`recovery=${values.join(',')}: expected frames or welcome`) };
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
    const checked = wrapValidator(validateStreamPosition)(entry.position);
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

/** Where a topic's history is read: its stream's newest `historySize` unexpired rows. */
interface StreamRead {
  history: HistoryStore;
  realm: string;
  topic: string;
  historySize: number;
  nowSeconds: number;
}

const listStream = (read: StreamRead, fresh = false): Promise<HistoryItem[]> =>
  read.history.list(read.realm, read.topic, read.nowSeconds, read.historySize, fresh ? { fresh } : undefined);

/** The items of the head's epoch in offset order; without a head, the rows as listed. */
function ofEpoch(items: readonly HistoryItem[], head: StreamPosition | undefined): HistoryItem[] {
  if (!head) return [...items];
  return items
    .filter((item) => item.position?.epoch === head.epoch)
    .sort((a, b) => (a.position?.offset ?? 0) - (b.position?.offset ?? 0));
}

/** The offsets after `after` up to `head` that `items` (of the head's epoch) lack. */
function missingOffsets(items: readonly HistoryItem[], after: number, head: number): number[] {
  const held = new Set(items.map((item) => item.position?.offset));
  const missing: number[] = [];
  for (let offset = after + 1; offset <= head && missing.length < 2; offset++)
    if (!held.has(offset)) missing.push(offset);
  return missing;
}

/**
 * Positioned replay of one topic, against the stream's head read first (strongly consistent). Same epoch: the
 * messages after `since.offset` in offset order, `recovered` only when the history holds every offset up to
 * the head. Another epoch (or no head: the whole history expired): what history remains, EPOCH_CHANGED. An
 * offset ahead of the head: SINCE_AHEAD, replayed as without `since` (`fresh`: the whole history, else none).
 *
 * An offset up to the head that is missing above the oldest row listed may be a routing between its head write
 * and its history write (the router writes history before it lists subscribers, so such a message is posted
 * live to this connection, whose topic row exists already): the history is listed once more before the gap is
 * answered HISTORY_TRIMMED. `recovered: true` is never said with a message missing.
 */
export async function positionedReplay(
  read: StreamRead,
  since: StreamPosition,
  fresh: boolean,
): Promise<{ items: HistoryItem[]; answer: RecoveryAnswer }> {
  const head = await read.history.head(read.realm, read.topic, read.nowSeconds);
  let listed = await listStream(read);
  const answer = (recovered: boolean, code?: RecoveryCode, reason?: string): RecoveryAnswer => ({
    topic: read.topic,
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
    return { items: fresh ? listed : [], answer: answer(false, 'SINCE_AHEAD', why) };
  }
  let missing = missingOffsets(ofEpoch(listed, head), since.offset, head.offset);
  const oldest = ofEpoch(listed, head)[0]?.position?.offset ?? Number.POSITIVE_INFINITY;
  if (missing.length > 0 && (missing[0] ?? 0) > oldest) {
    listed = await listStream(read, true);
    missing = missingOffsets(ofEpoch(listed, head), since.offset, head.offset);
  }
  const newer = ofEpoch(listed, head).filter((item) => (item.position?.offset ?? 0) > since.offset);
  if (missing.length === 0) return { items: newer, answer: answer(true) };
  const why = `offset ${missing[0]} is no longer in the history (newest ${head.offset}): replayed what remains`;
  return { items: newer, answer: answer(false, 'HISTORY_TRIMMED', why) };
}

/** What to replay after a welcome or a `subscribe` reply. */
export interface ReplayRequest {
  /** The accepted topics, in the order their replays are sent. */
  topics: readonly string[];
  /** Topics replayed whole without a position (connect: every accepted topic; subscribe: the new ones). */
  fresh: readonly string[];
  /** Well-formed positions of accepted history topics (decideSince). */
  since?: readonly SincePosition[];
  /** Positions that were ignored: each answered `recovered: false` with its code. */
  rejected?: readonly SinceRejection[];
}

/**
 * The replay of the history topics among `request.topics`, topic by topic: positioned for a topic in `since`;
 * otherwise the whole unexpired history (today's replay, oldest first) when it is `fresh`, else nothing. A
 * rejected position of one of these topics is answered after that topic's replay; the others come last.
 */
export async function topicReplays(
  history: HistoryStore,
  realm: string,
  request: ReplayRequest,
  nowSeconds: number,
): Promise<TopicReplay[]> {
  const replays: TopicReplay[] = [];
  const rejected = [...(request.rejected ?? [])];
  for (const topic of request.topics) {
    const definition = topicDefinitionOf(topic);
    if (definition?.offline.policy !== 'history') continue;
    const read = { history, realm, topic, historySize: definition.offline.historySize, nowSeconds };
    const fresh = request.fresh.includes(topic);
    const since = request.since?.find((s) => s.topic === topic);
    if (since) {
      const position = { offset: since.offset, epoch: since.epoch };
      replays.push({ topic, ...(await positionedReplay(read, position, fresh)) });
      continue;
    }
    const index = rejected.findIndex((r) => r.topic === topic);
    const rejection = index >= 0 ? rejected.splice(index, 1)[0] : undefined;
    if (!fresh && !rejection) continue;
    const replay: TopicReplay = { topic, items: fresh ? await listStream(read) : [] };
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
