/**
 * DynamoDB under virtual time: per-partition-key read and write capacity (token buckets; a request that would
 * wait longer than the SDK's retries last fails with StorageError), modeled round trips, 1 MB Query pages with
 * the SDK's unmarshalling CPU, and stores implementing the core's ports on the product's key layout
 * (`src/adapters/table-keys.ts`), so hot keys are the same keys as in AWS.
 */

import { BATCH_WRITE_LIMIT } from '../../src/adapters/dynamodb-table.js';
import {
  historyPartition,
  inboxPartition,
  keys,
  shardClaimPartition,
  topicPartition,
} from '../../src/adapters/table-keys.js';
import { chunk, mapWithConcurrency } from '../../src/core/concurrency.js';
import { StorageError } from '../../src/core/errors.js';
import type {
  BroadcastEnvelope,
  ConnectionRecord,
  HeldMessage,
  HistoryItem,
  InboxItem,
  StoredEnvelopeRef,
  StoredMessage,
  StreamPosition,
  TopicSubscriber,
  UserConnection,
} from '../../src/core/model.js';
import type {
  ConnectionStore,
  EnvelopeStore,
  HeldMessageStore,
  HistoryStore,
  InboxStore,
  NextPositionInput,
  PutResult,
  RandomSource,
  ShardClaim,
  ShardClaimStore,
  SubscriberPage,
  SubscriberPageRange,
} from '../../src/core/ports.js';
import type {
  MemoryEnvelopeStore,
  MemoryHeldMessageStore,
  MemoryHistoryStore,
  MemoryInboxStore,
  MemoryShardClaimStore,
} from '../../src/core/testing/memory.js';
import { AWS_MODEL } from './aws-model.js';
import type { Invocation } from './lambda.js';
import { lognormal, TokenBucket, type VirtualTime } from './virtual-time.js';

const M = AWS_MODEL.dynamodb;

export interface TableStats {
  readUnits: number;
  writeUnits: number;
  requests: number;
  throttledRequests: number;
  pages: number;
  /** History list Queries (`history#…`): one per invocation and topic with the per-invocation cache. */
  historyLists: number;
}

/** Capacity and latency of the single table. */
export class SimTable {
  readonly stats: TableStats = {
    readUnits: 0,
    writeUnits: 0,
    requests: 0,
    throttledRequests: 0,
    pages: 0,
    historyLists: 0,
  };
  private readonly partitions = new Map<string, { read: TokenBucket; write: TokenBucket }>();

  constructor(
    private readonly vt: VirtualTime,
    private readonly random: RandomSource,
  ) {}

  private partition(pk: string): { read: TokenBucket; write: TokenBucket } {
    let p = this.partitions.get(pk);
    if (!p) {
      p = {
        read: new TokenBucket(this.vt, M.partitionReadUnitsPerSecond, M.partitionReadUnitsPerSecond),
        write: new TokenBucket(this.vt, M.partitionWriteUnitsPerSecond, M.partitionWriteUnitsPerSecond),
      };
      this.partitions.set(pk, p);
    }
    return p;
  }

  /** An eventually consistent read of `bytes` from one partition key (½ unit per 4 KB, at least ½). */
  async read(inv: Invocation, pk: string, bytes: number, extraMs = 0): Promise<void> {
    const units = Math.max(1, Math.ceil(bytes / 4096)) / 2;
    this.stats.readUnits += units;
    await this.wait(inv, this.partition(pk).read, units, M.readMedianMs + extraMs);
  }

  /** A write of `bytes` to one partition key (1 unit per KB). */
  async write(inv: Invocation, pk: string, bytes: number): Promise<void> {
    const units = Math.max(1, Math.ceil(bytes / 1024));
    this.stats.writeUnits += units;
    await this.wait(inv, this.partition(pk).write, units, M.writeMedianMs);
  }

  private async wait(inv: Invocation, bucket: TokenBucket, units: number, medianMs: number): Promise<void> {
    this.stats.requests++;
    const queued = bucket.reserve(units);
    if (queued > M.throttleGiveUpMs) {
      bucket.refund(units);
      this.stats.throttledRequests++;
      await inv.sleep(M.throttleGiveUpMs);
      throw new StorageError('ProvisionedThroughputExceededException after the SDK retries (simulated)');
    }
    await inv.sleep(queued + lognormal(this.random, medianMs, M.sigma));
  }

  /** Reads `count` items of `itemBytes` from one partition key in 1 MB pages, one page after another. */
  async queryPages(inv: Invocation, pk: string, count: number, itemBytes: number): Promise<void> {
    const perPage = Math.max(1, Math.floor(M.pageBytes / itemBytes));
    let left = count;
    do {
      const items = Math.min(perPage, left);
      this.stats.pages++;
      await this.read(inv, pk, items * itemBytes, (items * itemBytes) / M.pageBytesPerMs);
      await inv.cpu(items * M.unmarshallCpuPerItemMs);
      left -= items;
    } while (left > 0);
  }
}

/** Size of an item as DynamoDB counts it: attribute names plus values (numbers ≈ 1 byte per 2 digits + 1). */
export function itemBytes(item: Record<string, string | number>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes +=
      name.length + (typeof value === 'number' ? Math.ceil(String(value).length / 2) + 1 : value.length);
  }
  return bytes;
}

interface Row {
  userId: string;
  connectedAt: number;
  expiresAt: number;
  welcomePending?: boolean;
}

/** The connection rows themselves, shared by every invocation. */
export class SimConnectionData {
  readonly meta = new Map<string, ConnectionRecord>();
  /** pk → connection id → row (topic and user partitions). */
  readonly rows = new Map<string, Map<string, Row>>();

  constructor(readonly topicPartitions: (topic: string) => number) {}

  topicPk(realm: string, topic: string, connectionId: string): string {
    return keys.topicConnection(realm, topic, connectionId, this.topicPartitions(topic)).pk;
  }

  /** Connection ids of a partition in sort-key order, rebuilt after a row is added. */
  private readonly sorted = new Map<string, string[]>();

  putRow(pk: string, connectionId: string, row: Row): void {
    let rows = this.rows.get(pk);
    if (!rows) {
      rows = new Map();
      this.rows.set(pk, rows);
    }
    if (!rows.has(connectionId)) this.sorted.delete(pk);
    rows.set(connectionId, row);
  }

  /** Ids in byte order (deleted rows are skipped by the reader: the map is the truth). */
  sortedIds(pk: string): string[] {
    let ids = this.sorted.get(pk);
    if (!ids) {
      ids = [...(this.rows.get(pk)?.keys() ?? [])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      this.sorted.set(pk, ids);
    }
    return ids;
  }

  /** Rows only (no meta), as a broadcast benchmark needs: the audience without the connect path. */
  subscribe(realm: string, topic: string, connectionId: string, row: Row): void {
    this.putRow(this.topicPk(realm, topic, connectionId), connectionId, row);
  }
}

const TOPIC_ROW_BYTES = (pk: string, connectionId: string, userId: string): number =>
  itemBytes({ pk, sk: `conn#${connectionId}`, userId, expiresAt: 1_800_000_000 });

/** The core's ConnectionStore for one invocation, on the shared rows and the modeled table. */
export class SimConnectionStore implements ConnectionStore {
  constructor(
    private readonly data: SimConnectionData,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  async saveConnection(record: ConnectionRecord): Promise<void> {
    const { connectionId, realm, userId, topics, connectedAt, expiresAt } = record;
    const row = { userId, connectedAt, expiresAt, welcomePending: true };
    const metaPk = keys.connectionMeta(connectionId).pk;
    const userPk = keys.userConnection(realm, userId, connectionId).pk;
    const topicPks = topics.map((topic) => this.data.topicPk(realm, topic, connectionId));
    // One BatchWriteItem: the items are written in parallel, each on its own partition's capacity.
    await Promise.all([
      this.table.write(this.inv, metaPk, 200),
      this.table.write(this.inv, userPk, 100),
      ...topicPks.map((pk) => this.table.write(this.inv, pk, TOPIC_ROW_BYTES(pk, connectionId, userId))),
    ]);
    this.data.meta.set(connectionId, { ...record, topics: [...topics] });
    this.data.putRow(userPk, connectionId, row);
    for (const pk of topicPks) this.data.putRow(pk, connectionId, row);
  }

  async getConnection(connectionId: string): Promise<ConnectionRecord | undefined> {
    await this.table.read(this.inv, keys.connectionMeta(connectionId).pk, 200);
    const record = this.data.meta.get(connectionId);
    return record ? { ...record, topics: [...record.topics] } : undefined;
  }

  async deleteConnection(record: ConnectionRecord): Promise<void> {
    const userPk = keys.userConnection(record.realm, record.userId, record.connectionId).pk;
    const topicPks = record.topics.map((t) => this.data.topicPk(record.realm, t, record.connectionId));
    await Promise.all(
      [keys.connectionMeta(record.connectionId).pk, userPk, ...topicPks].map((pk) =>
        this.table.write(this.inv, pk, 100),
      ),
    );
    this.data.meta.delete(record.connectionId);
    for (const pk of [userPk, ...topicPks]) this.data.rows.get(pk)?.delete(record.connectionId);
  }

  async setTopics(
    record: ConnectionRecord,
    topics: readonly string[],
  ): Promise<ConnectionRecord | undefined> {
    await this.table.write(this.inv, keys.connectionMeta(record.connectionId).pk, 200);
    const meta = this.data.meta.get(record.connectionId);
    if (!meta || (meta.rev ?? 0) !== (record.rev ?? 0)) return undefined;
    const updated = { ...meta, topics: [...topics], rev: (record.rev ?? 0) + 1 };
    this.data.meta.set(record.connectionId, updated);
    return { ...updated, topics: [...updated.topics] };
  }

  async putTopicRows(record: ConnectionRecord, topics: readonly string[], expiresAt: number): Promise<void> {
    const { connectionId, realm, userId } = record;
    const pks = topics.map((topic) => this.data.topicPk(realm, topic, connectionId));
    await Promise.all(
      pks.map((pk) => this.table.write(this.inv, pk, TOPIC_ROW_BYTES(pk, connectionId, userId))),
    );
    const welcomePending = record.welcomedAt === undefined;
    for (const pk of pks)
      this.data.putRow(pk, connectionId, {
        userId,
        connectedAt: record.connectedAt,
        expiresAt,
        welcomePending,
      });
  }

  async deleteTopicRows(record: ConnectionRecord, topics: readonly string[]): Promise<void> {
    for (const topic of topics) await this.deleteTopicSubscription(record.realm, topic, record.connectionId);
  }

  async deleteTopicSubscription(realm: string, topic: string, connectionId: string): Promise<void> {
    const pk = this.data.topicPk(realm, topic, connectionId);
    await this.table.write(this.inv, pk, 100);
    this.data.rows.get(pk)?.delete(connectionId);
  }

  async deleteUserConnection(realm: string, userId: string, connectionId: string): Promise<void> {
    const pk = keys.userConnection(realm, userId, connectionId).pk;
    await this.table.write(this.inv, pk, 100);
    this.data.rows.get(pk)?.delete(connectionId);
  }

  /** Like the adapter: the meta row, then the marker removed from the user row and each topic row. */
  async markWelcomed(connectionId: string, welcomedAt: number): Promise<boolean> {
    await this.table.write(this.inv, keys.connectionMeta(connectionId).pk, 200);
    const meta = this.data.meta.get(connectionId);
    if (!meta) return false;
    meta.welcomedAt = welcomedAt;
    const pks = [
      keys.userConnection(meta.realm, meta.userId, connectionId).pk,
      ...meta.topics.map((topic) => this.data.topicPk(meta.realm, topic, connectionId)),
    ];
    await Promise.all(pks.map((pk) => this.table.write(this.inv, pk, 100)));
    for (const pk of pks) {
      const row = this.data.rows.get(pk)?.get(connectionId);
      if (row) delete row.welcomePending;
    }
    return true;
  }

  async extendConnection(record: ConnectionRecord, expiresAt: number): Promise<boolean> {
    await this.table.write(this.inv, keys.connectionMeta(record.connectionId).pk, 200);
    const meta = this.data.meta.get(record.connectionId);
    if (!meta) return false;
    meta.expiresAt = expiresAt;
    return true;
  }

  /** Like the adapter: each partition key queried (8 at once), page after page. */
  async listTopicSubscribers(realm: string, topic: string, nowSeconds: number): Promise<TopicSubscriber[]> {
    const partitions = Array.from({ length: this.data.topicPartitions(topic) }, (_, p) => p);
    const pages = await mapWithConcurrency(partitions, 8, async (partition) => {
      const pk = topicPartition(realm, topic, partition);
      const rows = [...(this.data.rows.get(pk)?.entries() ?? [])];
      const bytes =
        rows.length === 0 ? 0 : TOPIC_ROW_BYTES(pk, rows[0]?.[0] ?? '', rows[0]?.[1].userId ?? '');
      await this.table.queryPages(this.inv, pk, rows.length, Math.max(1, bytes));
      return rows
        .filter(([, row]) => row.expiresAt > nowSeconds)
        .map(([connectionId, row]) => ({
          connectionId,
          userId: row.userId,
          ...(row.welcomePending ? { welcomePending: true } : {}),
        }));
    });
    return pages.flat();
  }

  topicPartitionCount(topic: string): number {
    return this.data.topicPartitions(topic);
  }

  /** One Query page: `limit` rows (within 1 MB) after `after`, up to `through`, charged like the adapter's. */
  async readTopicSubscriberPage(
    realm: string,
    topic: string,
    partition: number,
    nowSeconds: number,
    range: SubscriberPageRange,
  ): Promise<SubscriberPage> {
    const pk = topicPartition(realm, topic, partition);
    const rows = this.data.rows.get(pk);
    const ids = this.data.sortedIds(pk);
    let start = 0;
    if (range.after !== undefined) start = upperBound(ids, range.after);
    const end = range.through === undefined ? ids.length : upperBound(ids, range.through);
    const picked = ids.slice(start, Math.min(end, start + range.limit));
    const bytes = picked.length === 0 ? 1 : TOPIC_ROW_BYTES(pk, picked[0] ?? '', 'u0');
    await this.table.queryPages(this.inv, pk, picked.length, bytes);
    const subscribers: TopicSubscriber[] = [];
    for (const connectionId of picked) {
      const row = rows?.get(connectionId);
      if (row && row.expiresAt > nowSeconds) {
        subscribers.push({
          connectionId,
          userId: row.userId,
          ...(row.welcomePending ? { welcomePending: true } : {}),
        });
      }
    }
    const last = picked.at(-1);
    if (start + picked.length < end && last !== undefined) return { subscribers, next: last };
    return range.through === undefined ? { subscribers } : { subscribers, next: range.through };
  }

  async listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]> {
    const pk = keys.userConnection(realm, userId, '').pk;
    const rows = [...(this.data.rows.get(pk)?.entries() ?? [])];
    await this.table.queryPages(this.inv, pk, rows.length, 100);
    return rows
      .filter(([, row]) => row.expiresAt > nowSeconds)
      .map(([connectionId, row]) => ({
        connectionId,
        connectedAt: row.connectedAt,
        expiresAt: row.expiresAt,
        ...(row.welcomePending ? { welcomePending: true } : {}),
      }));
  }
}

const storedBytes = (item: StoredMessage<unknown>): number => JSON.stringify(item.envelope).length + 120;

/** Topic history on the in-memory store, with the reads and writes charged to `history#realm#topic`. */
export class SimHistoryStore implements HistoryStore {
  constructor(
    private readonly memory: MemoryHistoryStore,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  async put(realm: string, topic: string, item: HistoryItem): Promise<PutResult> {
    await this.table.write(this.inv, historyPartition(realm, topic), storedBytes(item));
    return this.memory.put(realm, topic, item);
  }

  async list(realm: string, topic: string, nowSeconds: number, limit: number): Promise<HistoryItem[]> {
    this.table.stats.historyLists++;
    const items = await this.memory.list(realm, topic, nowSeconds, limit);
    const bytes = items.reduce((sum, item) => sum + storedBytes(item), 0);
    await this.table.read(this.inv, historyPartition(realm, topic), bytes);
    return items;
  }

  async trim(realm: string, topic: string, keep: number): Promise<number> {
    await this.table.read(this.inv, historyPartition(realm, topic), 100 * keep);
    const dropped = await this.memory.trim(realm, topic, keep);
    for (let i = 0; i < dropped; i++) await this.table.write(this.inv, historyPartition(realm, topic), 100);
    return dropped;
  }

  /** The `stream#realm#topic` head row: one small conditional write per publish of a history topic. */
  async nextPosition(realm: string, topic: string, input: NextPositionInput): Promise<StreamPosition> {
    await this.table.write(this.inv, streamPartition(realm, topic), 100);
    return this.memory.nextPosition(realm, topic, input);
  }

  async head(realm: string, topic: string, nowSeconds: number): Promise<StreamPosition | undefined> {
    await this.table.read(this.inv, streamPartition(realm, topic), 100);
    return this.memory.head(realm, topic, nowSeconds);
  }

  async reset(realm: string, topic: string, epoch: string, expiresAt: number): Promise<void> {
    await this.table.write(this.inv, streamPartition(realm, topic), 100);
    return this.memory.reset(realm, topic, epoch, expiresAt);
  }
}

const streamPartition = (realm: string, topic: string): string => keys.streamHead(realm, topic).pk;

/** The offline inbox on the in-memory store, charged to `inbox#realm#user`. */
export class SimInboxStore implements InboxStore {
  constructor(
    private readonly memory: MemoryInboxStore,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  async put(realm: string, userId: string, item: InboxItem): Promise<PutResult> {
    await this.table.write(this.inv, inboxPartition(realm, userId), storedBytes(item));
    return this.memory.put(realm, userId, item);
  }

  async list(realm: string, userId: string, nowSeconds: number, limit: number): Promise<InboxItem[]> {
    const items = await this.memory.list(realm, userId, nowSeconds, limit);
    const bytes = items.reduce((sum, item) => sum + storedBytes(item), 0);
    await this.table.read(this.inv, inboxPartition(realm, userId), bytes);
    return items;
  }

  /** BatchWriteItem: the deletes of one call in parallel, calls of 25 one after another. */
  async deleteMany(
    realm: string,
    userId: string,
    items: ReadonlyArray<Pick<InboxItem, 'publishedAt' | 'messageId'>>,
  ): Promise<void> {
    for (const part of chunk(items, BATCH_WRITE_LIMIT)) {
      await Promise.all(part.map(() => this.table.write(this.inv, inboxPartition(realm, userId), 100)));
    }
    await this.memory.deleteMany(realm, userId, items);
  }

  async trim(realm: string, userId: string, maxItems: number, nowSeconds: number): Promise<number> {
    await this.table.read(this.inv, inboxPartition(realm, userId), 100);
    return this.memory.trim(realm, userId, maxItems, nowSeconds);
  }
}

/** Messages held until a connection's welcome, on the in-memory store, charged to `conn#{id}`. */
export class SimHeldMessageStore implements HeldMessageStore {
  constructor(
    private readonly memory: MemoryHeldMessageStore,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  private pk(connectionId: string): string {
    return keys.connectionMeta(connectionId).pk;
  }

  async hold(connectionId: string, message: HeldMessage, expiresAt: number): Promise<void> {
    await this.table.write(this.inv, this.pk(connectionId), JSON.stringify(message).length + 80);
    await this.memory.hold(connectionId, message, expiresAt);
  }

  async list(connectionId: string, nowSeconds: number): Promise<HeldMessage[]> {
    const messages = await this.memory.list(connectionId, nowSeconds);
    const bytes = messages.reduce((sum, message) => sum + JSON.stringify(message).length + 80, 0);
    await this.table.read(this.inv, this.pk(connectionId), bytes);
    return messages;
  }

  async take(connectionId: string, message: HeldMessage): Promise<boolean> {
    await this.table.write(this.inv, this.pk(connectionId), 100);
    return this.memory.take(connectionId, message);
  }
}

/** Index of the first id greater than `key` in sorted `ids`. */
function upperBound(ids: readonly string[], key: string): number {
  let low = 0;
  let high = ids.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((ids[mid] ?? '') <= key) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Shard claims on the memory store, each list and claim charged to the publish's claim partition. */
export class SimShardClaimStore implements ShardClaimStore {
  constructor(
    private readonly memory: MemoryShardClaimStore,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  async list(scope: string, messageId: string): Promise<ShardClaim[]> {
    const claims = await this.memory.list(scope, messageId);
    await this.table.queryPages(this.inv, shardClaimPartition(scope, messageId), claims.length, 120);
    return claims;
  }

  async claim(scope: string, messageId: string, claim: ShardClaim): Promise<boolean> {
    await this.table.write(this.inv, shardClaimPartition(scope, messageId), 120);
    return this.memory.claim(scope, messageId, claim);
  }
}

/** Stored envelopes on the memory store, a put and each get charged to the envelope's own key. */
export class SimEnvelopeStore implements EnvelopeStore {
  constructor(
    private readonly memory: MemoryEnvelopeStore,
    private readonly table: SimTable,
    private readonly inv: Invocation,
  ) {}

  async put(envelope: BroadcastEnvelope, expiresAt: number): Promise<void> {
    const { pk } = keys.storedEnvelope(envelope.realm, envelope.topic, envelope.messageId);
    await this.table.write(this.inv, pk, JSON.stringify(envelope).length + 100);
    await this.memory.put(envelope, expiresAt);
  }

  async get(ref: StoredEnvelopeRef, nowSeconds: number): Promise<BroadcastEnvelope | undefined> {
    const envelope = await this.memory.get(ref, nowSeconds);
    const { pk } = keys.storedEnvelope(ref.realm, ref.topic, ref.messageId);
    await this.table.read(this.inv, pk, envelope ? JSON.stringify(envelope).length + 100 : 100);
    return envelope;
  }
}
