/**
 * In-memory implementations of every port, for unit tests and for anyone who needs the domain services
 * without AWS. They keep the same rules as the DynamoDB adapters (expiry filtering, ordering, idempotent puts).
 */

import {
  type FrameBudgetPolicy,
  type FrameBudgetStore,
  gcraSpend,
  type SpendResult,
} from '../frame-budget.js';
import type {
  BroadcastEnvelope,
  ConnectionRecord,
  HeldMessage,
  HistoryItem,
  InboxItem,
  PostOutcome,
  StoredEnvelopeRef,
  StoredMessage,
  StreamPosition,
  TopicSubscriber,
  UserConnection,
} from '../model.js';
import type {
  Clock,
  ConnectionCloser,
  ConnectionGateway,
  ConnectionStore,
  EnvelopeStore,
  HeldMessageStore,
  HistoryStore,
  InboxStore,
  JobQueue,
  MessageIdClaim,
  MessageIdStore,
  NextPositionInput,
  PutResult,
  QueueSendOptions,
  ShardClaim,
  ShardClaimStore,
  Sleep,
  SubscriberPage,
  SubscriberPageRange,
} from '../ports.js';
import type { TraceRecord, TraceSink } from '../tracing.js';
import { heldMessageKey } from '../welcome-hold.js';

export class ManualClock implements Clock {
  constructor(public current: number = Date.parse('2026-11-27T10:00:00.000Z')) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
}

/** A Sleep that records the delays and returns at once. */
export function recordingSleep(): Sleep & { delays: number[] } {
  const delays: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    delays.push(ms);
  };
  return Object.assign(sleep, { delays });
}

export class MemoryConnectionStore implements ConnectionStore {
  readonly meta = new Map<string, ConnectionRecord>();
  /** `${realm}#${userId}` → connectionId → row */
  readonly users = new Map<string, Map<string, UserConnection>>();
  /** `${realm}#${topic}` → connectionId → row */
  readonly topics = new Map<string, Map<string, TopicSubscriber & { expiresAt: number }>>();

  async saveConnection(record: ConnectionRecord): Promise<void> {
    this.meta.set(record.connectionId, { ...record, topics: [...record.topics] });
    this.bucket(this.users, `${record.realm}#${record.userId}`).set(record.connectionId, {
      connectionId: record.connectionId,
      connectedAt: record.connectedAt,
      expiresAt: record.expiresAt,
      welcomePending: true,
    });
    for (const topic of record.topics) {
      this.bucket(this.topics, `${record.realm}#${topic}`).set(record.connectionId, {
        connectionId: record.connectionId,
        userId: record.userId,
        expiresAt: record.expiresAt,
        welcomePending: true,
      });
    }
  }

  async getConnection(connectionId: string): Promise<ConnectionRecord | undefined> {
    const record = this.meta.get(connectionId);
    return record ? { ...record, topics: [...record.topics] } : undefined;
  }

  async deleteConnection(record: ConnectionRecord): Promise<void> {
    const old = this.meta.get(record.connectionId);
    this.meta.delete(record.connectionId);
    this.users.get(`${record.realm}#${record.userId}`)?.delete(record.connectionId);
    for (const topic of [...record.topics, ...(old?.topics ?? [])])
      this.topics.get(`${record.realm}#${topic}`)?.delete(record.connectionId);
  }

  async setTopics(
    record: ConnectionRecord,
    topics: readonly string[],
  ): Promise<ConnectionRecord | undefined> {
    const meta = this.meta.get(record.connectionId);
    if (!meta || (meta.rev ?? 0) !== (record.rev ?? 0)) return undefined;
    meta.topics = [...topics];
    meta.rev = (record.rev ?? 0) + 1;
    return { ...meta, topics: [...meta.topics] };
  }

  async putTopicRows(record: ConnectionRecord, topics: readonly string[], expiresAt: number): Promise<void> {
    for (const topic of topics) {
      this.bucket(this.topics, `${record.realm}#${topic}`).set(record.connectionId, {
        connectionId: record.connectionId,
        userId: record.userId,
        expiresAt,
        ...(record.welcomedAt === undefined ? { welcomePending: true } : {}),
      });
    }
  }

  async deleteTopicRows(record: ConnectionRecord, topics: readonly string[]): Promise<void> {
    for (const topic of topics) this.topics.get(`${record.realm}#${topic}`)?.delete(record.connectionId);
  }

  async deleteTopicSubscription(realm: string, topic: string, connectionId: string): Promise<void> {
    this.topics.get(`${realm}#${topic}`)?.delete(connectionId);
  }

  async deleteUserConnection(realm: string, userId: string, connectionId: string): Promise<void> {
    this.users.get(`${realm}#${userId}`)?.delete(connectionId);
  }

  async markWelcomed(connectionId: string, welcomedAt: number): Promise<boolean> {
    const meta = this.meta.get(connectionId);
    if (!meta) return false;
    meta.welcomedAt = welcomedAt;
    const user = this.users.get(`${meta.realm}#${meta.userId}`)?.get(connectionId);
    if (user) delete user.welcomePending;
    for (const topic of meta.topics) {
      const row = this.topics.get(`${meta.realm}#${topic}`)?.get(connectionId);
      if (row) delete row.welcomePending;
    }
    return true;
  }

  async extendConnection(record: ConnectionRecord, expiresAt: number): Promise<boolean> {
    const meta = this.meta.get(record.connectionId);
    if (!meta) return false;
    meta.expiresAt = expiresAt;
    const user = this.users.get(`${record.realm}#${record.userId}`)?.get(record.connectionId);
    if (user) user.expiresAt = expiresAt;
    for (const topic of meta.topics) {
      const row = this.topics.get(`${record.realm}#${topic}`)?.get(record.connectionId);
      if (row) row.expiresAt = expiresAt;
    }
    return true;
  }

  async listTopicSubscribers(realm: string, topic: string, nowSeconds: number): Promise<TopicSubscriber[]> {
    return [...(this.topics.get(`${realm}#${topic}`)?.values() ?? [])]
      .filter((row) => row.expiresAt > nowSeconds)
      .sort((a, b) => a.connectionId.localeCompare(b.connectionId))
      .map(({ connectionId, userId, welcomePending }) =>
        welcomePending ? { connectionId, userId, welcomePending } : { connectionId, userId },
      );
  }

  /** Partition keys per topic (tests spread rows with a simple hash, as the DynamoDB store does with FNV-1a). */
  partitionCount = 1;
  /** Pages read, in order (tests check what a retried router reads again). */
  readonly pageReads: Array<{ topic: string; partition: number; after?: string; through?: string }> = [];

  topicPartitionCount(): number {
    return this.partitionCount;
  }

  async readTopicSubscriberPage(
    realm: string,
    topic: string,
    partition: number,
    nowSeconds: number,
    range: SubscriberPageRange,
  ): Promise<SubscriberPage> {
    this.pageReads.push({ topic, partition, ...range });
    // Byte order of the ids, as DynamoDB sorts the sort key; `limit` counts rows read, expired ones too.
    const rows = [...(this.topics.get(`${realm}#${topic}`)?.values() ?? [])]
      .filter((row) => memoryPartitionOf(row.connectionId, this.partitionCount) === partition)
      .filter((row) => range.after === undefined || row.connectionId > range.after)
      .filter((row) => range.through === undefined || row.connectionId <= range.through)
      .sort((a, b) => (a.connectionId < b.connectionId ? -1 : a.connectionId > b.connectionId ? 1 : 0));
    const read = rows.slice(0, range.limit);
    const subscribers = read
      .filter((row) => row.expiresAt > nowSeconds)
      .map(({ connectionId, userId, welcomePending }) =>
        welcomePending ? { connectionId, userId, welcomePending } : { connectionId, userId },
      );
    const last = read.at(-1)?.connectionId;
    if (rows.length > range.limit && last !== undefined) return { subscribers, next: last };
    return range.through === undefined ? { subscribers } : { subscribers, next: range.through };
  }

  async listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]> {
    return [...(this.users.get(`${realm}#${userId}`)?.values() ?? [])]
      .filter((row) => row.expiresAt > nowSeconds)
      .sort((a, b) => a.connectionId.localeCompare(b.connectionId))
      .map((row) => ({ ...row }));
  }

  /** Number of rows of every kind (what DynamoDB would hold). */
  rowCount(): number {
    let count = this.meta.size;
    for (const bucket of [...this.users.values(), ...this.topics.values()]) count += bucket.size;
    return count;
  }

  private bucket<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
    let bucket = map.get(key);
    if (!bucket) {
      bucket = new Map();
      map.set(key, bucket);
    }
    return bucket;
  }
}

/** Held messages per connection (the `conn#{id}` / `held#…` rows). */
export class MemoryHeldMessageStore implements HeldMessageStore {
  /** connectionId → held key → row. */
  readonly rows = new Map<string, Map<string, { message: HeldMessage; expiresAt: number }>>();
  async hold(connectionId: string, message: HeldMessage, expiresAt: number): Promise<void> {
    let rows = this.rows.get(connectionId);
    if (!rows) {
      rows = new Map();
      this.rows.set(connectionId, rows);
    }
    const key = heldMessageKey(message);
    if (!rows.has(key)) rows.set(key, { message: structuredClone(message), expiresAt });
  }

  async list(connectionId: string, nowSeconds: number): Promise<HeldMessage[]> {
    return [...(this.rows.get(connectionId)?.values() ?? [])]
      .filter((row) => row.expiresAt > nowSeconds)
      .map((row) => row.message)
      .sort((a, b) => heldSortKey(a).localeCompare(heldSortKey(b)))
      .map((message) => structuredClone(message));
  }

  async take(connectionId: string, message: HeldMessage): Promise<boolean> {
    return this.rows.get(connectionId)?.delete(heldMessageKey(message)) ?? false;
  }

  count(connectionId: string): number {
    return this.rows.get(connectionId)?.size ?? 0;
  }
}

/** Publish order, as the table's sort key orders held rows. */
const heldSortKey = (message: HeldMessage): string =>
  `${new Date(message.envelope.publishedAt).toISOString()}#${heldMessageKey(message)}`;

const sortKey = (item: Pick<StoredMessage<unknown>, 'publishedAt' | 'messageId'>): string =>
  `msg#${item.publishedAt}#${item.messageId}`;

/** Ordered messages per partition, as the `inbox#` / `history#` rows are. */
class MemoryMessageLog<E> {
  readonly partitions = new Map<string, Map<string, StoredMessage<E>>>();

  put(partition: string, item: StoredMessage<E>): PutResult {
    let rows = this.partitions.get(partition);
    if (!rows) {
      rows = new Map();
      this.partitions.set(partition, rows);
    }
    const key = sortKey(item);
    if (rows.has(key)) return 'duplicate';
    rows.set(key, structuredClone(item));
    return 'stored';
  }

  ordered(partition: string): Array<[string, StoredMessage<E>]> {
    return [...(this.partitions.get(partition)?.entries() ?? [])].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
  }

  delete(partition: string, key: string): void {
    this.partitions.get(partition)?.delete(key);
  }
}

export class MemoryInboxStore implements InboxStore {
  readonly log = new MemoryMessageLog<InboxItem['envelope']>();

  async put(realm: string, userId: string, item: InboxItem): Promise<PutResult> {
    return this.log.put(`${realm}#${userId}`, item);
  }

  async list(realm: string, userId: string, nowSeconds: number, limit: number): Promise<InboxItem[]> {
    return this.log
      .ordered(`${realm}#${userId}`)
      .map(([, item]) => item)
      .filter((item) => item.expiresAt > nowSeconds)
      .slice(0, limit)
      .map((item) => structuredClone(item));
  }

  /** Calls of deleteMany with their item counts (batched deletes are checked by tests). */
  readonly deleteBatches: number[] = [];

  async deleteMany(
    realm: string,
    userId: string,
    items: ReadonlyArray<Pick<InboxItem, 'publishedAt' | 'messageId'>>,
  ): Promise<void> {
    this.deleteBatches.push(items.length);
    for (const item of items) this.log.delete(`${realm}#${userId}`, sortKey(item));
  }

  async trim(realm: string, userId: string, maxItems: number, nowSeconds: number): Promise<number> {
    const live = this.log.ordered(`${realm}#${userId}`).filter(([, item]) => item.expiresAt > nowSeconds);
    const excess = live.slice(0, Math.max(0, live.length - maxItems));
    for (const [key] of excess) this.log.delete(`${realm}#${userId}`, key);
    return excess.length;
  }

  size(realm: string, userId: string): number {
    return this.log.partitions.get(`${realm}#${userId}`)?.size ?? 0;
  }
}

export class MemoryHistoryStore implements HistoryStore {
  readonly log = new MemoryMessageLog<HistoryItem['envelope']>();
  /** `${realm}#${topic}` → the `stream#` head row. */
  readonly heads = new Map<string, StreamPosition & { expiresAt: number }>();

  async put(realm: string, topic: string, item: HistoryItem): Promise<PutResult> {
    return this.log.put(`${realm}#${topic}`, item as StoredMessage<HistoryItem['envelope']>);
  }

  async list(realm: string, topic: string, nowSeconds: number, limit: number): Promise<HistoryItem[]> {
    const live = this.log
      .ordered(`${realm}#${topic}`)
      .map(([, item]) => item)
      .filter((item) => item.expiresAt > nowSeconds);
    return live.slice(Math.max(0, live.length - limit)).map((item) => structuredClone(item));
  }

  async nextPosition(realm: string, topic: string, input: NextPositionInput): Promise<StreamPosition> {
    const key = `${realm}#${topic}`;
    const head = this.heads.get(key);
    const next =
      head && head.expiresAt > input.nowSeconds
        ? { offset: head.offset + 1, epoch: head.epoch }
        : { offset: 1, epoch: input.newEpoch };
    this.heads.set(key, { ...next, expiresAt: input.expiresAt });
    return next;
  }

  async head(realm: string, topic: string, nowSeconds: number): Promise<StreamPosition | undefined> {
    const head = this.heads.get(`${realm}#${topic}`);
    return head && head.expiresAt > nowSeconds ? { offset: head.offset, epoch: head.epoch } : undefined;
  }

  async reset(realm: string, topic: string, epoch: string, expiresAt: number): Promise<void> {
    this.log.partitions.delete(`${realm}#${topic}`);
    this.heads.set(`${realm}#${topic}`, { offset: 0, epoch, expiresAt });
  }

  async trim(realm: string, topic: string, keep: number): Promise<number> {
    const all = this.log.ordered(`${realm}#${topic}`);
    const excess = all.slice(0, Math.max(0, all.length - keep));
    for (const [key] of excess) this.log.delete(`${realm}#${topic}`, key);
    return excess.length;
  }
}

/** Message id claims (`msgid#` rows) in memory. */
export class MemoryMessageIdStore implements MessageIdStore {
  readonly claims = new Map<
    string,
    { publishedAt: string; expiresAt: number; done: boolean; position?: StreamPosition }
  >();

  async claim(
    scope: string,
    messageId: string,
    publishedAt: string,
    expiresAt: number,
    nowSeconds: number,
  ): Promise<MessageIdClaim> {
    const key = `${scope}#${messageId}`;
    const existing = this.claims.get(key);
    if (existing && existing.expiresAt > nowSeconds) {
      const { publishedAt: first, done, position } = existing;
      return position
        ? { status: 'repeat', publishedAt: first, done, position: { ...position } }
        : { status: 'repeat', publishedAt: first, done };
    }
    this.claims.set(key, { publishedAt, expiresAt, done: false });
    return { status: 'first' };
  }

  async markDone(scope: string, messageId: string): Promise<void> {
    const existing = this.claims.get(`${scope}#${messageId}`);
    if (existing) existing.done = true;
  }

  async keepPosition(scope: string, messageId: string, position: StreamPosition): Promise<StreamPosition> {
    const existing = this.claims.get(`${scope}#${messageId}`);
    if (!existing) return position;
    existing.position ??= { ...position };
    return { ...existing.position };
  }
}

export type ScriptedOutcome = PostOutcome | Error;

/**
 * A management API: records every post; answers `ok` unless an outcome was scripted for the connection
 * (a list is consumed one per post, the last one sticks).
 */
export class FakeConnectionGateway implements ConnectionGateway, ConnectionCloser {
  readonly posts: Array<{ connectionId: string; data: string }> = [];
  /** Connections closed through `close` (DELETE @connections), in order. */
  readonly closed: string[] = [];

  async close(connectionId: string): Promise<boolean> {
    if (this.closed.includes(connectionId)) return false;
    this.closed.push(connectionId);
    return true;
  }
  private readonly scripts = new Map<string, ScriptedOutcome[]>();

  script(connectionId: string, ...outcomes: ScriptedOutcome[]): this {
    this.scripts.set(connectionId, outcomes);
    return this;
  }

  async post(connectionId: string, data: string): Promise<PostOutcome> {
    const script = this.scripts.get(connectionId);
    const outcome = script && script.length > 1 ? script.shift()! : (script?.[0] ?? 'ok');
    if (outcome instanceof Error) throw outcome;
    if (outcome === 'ok') this.posts.push({ connectionId, data });
    return outcome;
  }

  /** Frames successfully posted to one connection, parsed. */
  framesTo(connectionId: string): Array<Record<string, unknown>> {
    return this.posts.filter((p) => p.connectionId === connectionId).map((p) => JSON.parse(p.data));
  }
}

/** The frame budget kept beside a memory connection store's meta rows (the same GCRA rule as the table's). */
export class MemoryFrameBudgetStore implements FrameBudgetStore {
  private readonly state = new Map<string, { tat: number; strikes: number }>();

  constructor(private readonly connections: MemoryConnectionStore) {}

  async spend(connectionId: string, nowMs: number, policy: FrameBudgetPolicy): Promise<SpendResult> {
    if (!this.connections.meta.has(connectionId)) return { status: 'unknown-connection' };
    const current = this.state.get(connectionId);
    const next = gcraSpend(current?.tat, nowMs, policy);
    if (next) {
      this.state.set(connectionId, { tat: next.tat, strikes: next.refilled ? 0 : (current?.strikes ?? 0) });
      return { status: 'allowed' };
    }
    const strikes = (current?.strikes ?? 0) + 1;
    this.state.set(connectionId, { tat: current?.tat ?? nowMs, strikes });
    return { status: 'limited', strikes };
  }
}

export class MemoryJobQueue<T> implements JobQueue<T> {
  readonly sent: Array<{ job: T; delaySeconds: number | undefined }> = [];
  failNext: Error | undefined;

  async send(job: T, options?: QueueSendOptions): Promise<void> {
    this.throwIfFailing();
    this.sent.push({ job: structuredClone(job), delaySeconds: options?.delaySeconds });
  }

  async sendAll(jobs: readonly T[]): Promise<void> {
    this.throwIfFailing();
    for (const job of jobs) this.sent.push({ job: structuredClone(job), delaySeconds: undefined });
  }

  jobs(): T[] {
    return this.sent.map((s) => s.job);
  }

  private throwIfFailing(): void {
    if (this.failNext) {
      const error = this.failNext;
      this.failNext = undefined;
      throw error;
    }
  }
}

/** Keeps every trace record, in the order written. */
export class MemoryTraceSink implements TraceSink {
  readonly records: TraceRecord[] = [];

  record(record: TraceRecord): void {
    this.records.push(record);
  }

  /** The records of one message (by message or correlation id). */
  of(id: string): TraceRecord[] {
    return this.records.filter((r) => r.messageId === id || r.correlationId === id);
  }
}

/** The memory store's partition of a connection id (sum of char codes: stable, spreads test ids). */
export function memoryPartitionOf(connectionId: string, partitions: number): number {
  let sum = 0;
  for (const char of connectionId) sum += char.charCodeAt(0);
  return partitions <= 1 ? 0 : sum % partitions;
}

/** Shard claims per publish, first-wins per page, as the DynamoDB store's conditional put. */
export class MemoryShardClaimStore implements ShardClaimStore {
  readonly claims = new Map<string, Map<string, ShardClaim>>();
  /** Fault injection: the next claims fail (a router crashing between a send and its claim). */
  failNextClaims = 0;

  async list(scope: string, messageId: string): Promise<ShardClaim[]> {
    return [...(this.claims.get(`${scope}#${messageId}`)?.values() ?? [])].map((c) => ({ ...c }));
  }

  async claim(scope: string, messageId: string, claim: ShardClaim): Promise<boolean> {
    if (this.failNextClaims > 0) {
      this.failNextClaims--;
      throw new Error('injected claim failure');
    }
    const key = `${scope}#${messageId}`;
    const claims = this.claims.get(key) ?? new Map<string, ShardClaim>();
    this.claims.set(key, claims);
    const id = `${claim.partition}#${claim.after}`;
    if (claims.has(id)) return false;
    claims.set(id, { ...claim });
    return true;
  }
}

/** Stored envelopes by realm, topic and message id. */
export class MemoryEnvelopeStore implements EnvelopeStore {
  readonly items = new Map<string, { envelope: BroadcastEnvelope; expiresAt: number }>();
  gets = 0;

  async put(envelope: BroadcastEnvelope, expiresAt: number): Promise<void> {
    this.items.set(`${envelope.realm}#${envelope.topic}#${envelope.messageId}`, { envelope, expiresAt });
  }

  async get(ref: StoredEnvelopeRef, nowSeconds: number): Promise<BroadcastEnvelope | undefined> {
    this.gets++;
    const item = this.items.get(`${ref.realm}#${ref.topic}#${ref.messageId}`);
    return item && item.expiresAt > nowSeconds ? item.envelope : undefined;
  }
}
