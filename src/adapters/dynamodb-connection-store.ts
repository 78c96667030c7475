/** ConnectionStore on the single table: meta row, user row and one row per topic (2 + t items). */
import { DeleteCommand, GetCommand, type NativeAttributeValue, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../core/concurrency.js';
import { StorageError } from '../core/errors.js';
import type { ConnectionRecord, TopicSubscriber, UserConnection } from '../core/model.js';
import type { ConnectionStore, SubscriberPage, SubscriberPageRange } from '../core/ports.js';
import {
  type DynamoTable,
  type Item,
  isConditionalCheckFailed,
  type WriteRequest,
} from './dynamodb-table.js';
import { CONN_PREFIX, keys, topicPartition, userPartition } from './table-keys.js';

export interface ConnectionStoreOptions {
  /**
   * How many partition keys a topic's subscription rows are spread over (the contract's x-topic.partitions,
   * from the generated topic registry). Default: 1 for every topic.
   */
  topicPartitions?: (topic: string) => number;
  /** How many partitions of one topic are queried at once when listing its subscribers. Default 8. */
  partitionQueryConcurrency?: number;
}

export class DynamoConnectionStore implements ConnectionStore {
  private readonly partitionsOf: (topic: string) => number;
  private readonly partitionQueryConcurrency: number;

  constructor(
    private readonly table: DynamoTable,
    options: ConnectionStoreOptions = {},
  ) {
    this.partitionsOf = options.topicPartitions ?? (() => 1);
    this.partitionQueryConcurrency = options.partitionQueryConcurrency ?? 8;
  }

  async saveConnection(record: ConnectionRecord): Promise<void> {
    const { connectionId, userId, realm, topics, connectedAt, expiresAt } = record;
    // The layout is decided here, once, and kept in the meta row: later deletes and TTL updates use it.
    const layout = this.layoutFor(topics, undefined);
    // The connection id is not repeated as an attribute: it is in every row's key (`conn#…` pk or sk), and
    // the topic rows are what a broadcast reads, so every byte there is paid per subscriber per message.
    const meta: Item = {
      ...keys.connectionMeta(connectionId),
      userId,
      realm,
      topics,
      connectedAt,
      expiresAt,
    };
    if (record.tokenExpiresAt !== undefined) meta.tokenExpiresAt = record.tokenExpiresAt;
    if (layout !== undefined) {
      meta.topicPartitions = layout;
      // Handed back on the record too: a caller cleaning up after a failed connect deletes the right rows.
      record.topicPartitions = layout;
    }
    const puts: WriteRequest[] = [
      { PutRequest: { Item: meta } },
      {
        PutRequest: {
          Item: {
            ...keys.userConnection(realm, userId, connectionId),
            connectedAt,
            expiresAt,
            welcomePending: true,
          },
        },
      },
      ...topics.map(
        (topic): WriteRequest => ({
          PutRequest: {
            Item: { ...this.topicRowKey(record, topic), userId, expiresAt, welcomePending: true },
          },
        }),
      ),
    ];
    await this.table.batchWrite(puts);
  }

  async getConnection(connectionId: string): Promise<ConnectionRecord | undefined> {
    let item: Item | undefined;
    try {
      const output = await this.table.client.send(
        new GetCommand({
          TableName: this.table.tableName,
          Key: keys.connectionMeta(connectionId),
          ConsistentRead: true,
        }),
      );
      item = output.Item;
    } catch (cause) {
      throw new StorageError(`GetItem of connection ${connectionId} failed`, { cause });
    }
    return item ? toRecord(connectionId, item) : undefined;
  }

  /** UpdateItem of the meta row conditioned on its revision (optimistic concurrency between subscribes). */
  async setTopics(
    record: ConnectionRecord,
    topics: readonly string[],
  ): Promise<ConnectionRecord | undefined> {
    const rev = record.rev ?? 0;
    const layout = this.layoutFor(topics, record.topicPartitions);
    const values: Record<string, NativeAttributeValue> = { ':topics': [...topics], ':next': rev + 1 };
    if (rev > 0) values[':rev'] = rev;
    if (layout !== undefined) values[':layout'] = layout;
    try {
      const output = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.connectionMeta(record.connectionId),
          UpdateExpression:
            layout === undefined
              ? 'SET topics = :topics, rev = :next REMOVE topicPartitions'
              : 'SET topics = :topics, rev = :next, topicPartitions = :layout',
          ConditionExpression:
            rev > 0
              ? 'attribute_exists(pk) AND rev = :rev'
              : 'attribute_exists(pk) AND attribute_not_exists(rev)',
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      return output.Attributes ? toRecord(record.connectionId, output.Attributes) : undefined;
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return undefined;
      throw new StorageError(`UpdateItem of connection ${record.connectionId} failed`, { cause });
    }
  }

  async putTopicRows(record: ConnectionRecord, topics: readonly string[], expiresAt: number): Promise<void> {
    const pending = record.welcomedAt === undefined ? { welcomePending: true } : {};
    await this.table.batchWrite(
      topics.map(
        (topic): WriteRequest => ({
          PutRequest: {
            Item: { ...this.topicRowKey(record, topic), userId: record.userId, expiresAt, ...pending },
          },
        }),
      ),
    );
  }

  async deleteTopicRows(record: ConnectionRecord, topics: readonly string[]): Promise<void> {
    await this.table.batchWrite(
      topics.map((topic): WriteRequest => ({ DeleteRequest: { Key: this.topicRowKey(record, topic) } })),
    );
  }

  /**
   * DeleteItem of the meta row with ReturnValues ALL_OLD first: its topic list at the instant of deletion
   * includes every topic a subscribe committed (a later subscribe fails its attribute_exists condition and
   * cleans up itself). Then one BatchWriteItem for the user row and the topic rows.
   */
  async deleteConnection(record: ConnectionRecord): Promise<void> {
    const { connectionId, userId, realm } = record;
    let old: ConnectionRecord | undefined;
    try {
      const output = await this.table.client.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: keys.connectionMeta(connectionId),
          ReturnValues: 'ALL_OLD',
        }),
      );
      if (output.Attributes) old = toRecord(connectionId, output.Attributes);
    } catch (cause) {
      throw new StorageError(`DeleteItem of connection ${connectionId} failed`, { cause });
    }
    const rows = new Map<string, { pk: string; sk: string }>();
    for (const source of old === undefined ? [record] : [record, old]) {
      for (const topic of source.topics) {
        const key = this.topicRowKey(source, topic);
        rows.set(`${key.pk}|${key.sk}`, key);
      }
    }
    await this.table.batchWrite([
      { DeleteRequest: { Key: keys.userConnection(realm, userId, connectionId) } },
      ...[...rows.values()].map((key): WriteRequest => ({ DeleteRequest: { Key: key } })),
    ]);
  }

  /**
   * Used when the meta row is already gone (so its layout is unknown): the row is where the topic's current
   * partition count puts it. A row written under an older count that this misses expires by its TTL.
   */
  async deleteTopicSubscription(realm: string, topic: string, connectionId: string): Promise<void> {
    await this.deleteKey(keys.topicConnection(realm, topic, connectionId, this.partitionsOf(topic)));
  }

  async deleteUserConnection(realm: string, userId: string, connectionId: string): Promise<void> {
    await this.deleteKey(keys.userConnection(realm, userId, connectionId));
  }

  /** `welcomedAt` on the meta row, then `REMOVE welcomePending` on the rows it lists (see updateEveryRow). */
  markWelcomed(connectionId: string, welcomedAt: number): Promise<boolean> {
    return this.updateEveryRow(connectionId, 'welcomedAt', welcomedAt, (key) =>
      this.update(key, 'REMOVE welcomePending'),
    );
  }

  extendConnection(record: ConnectionRecord, expiresAt: number): Promise<boolean> {
    return this.updateEveryRow(record.connectionId, 'expiresAt', expiresAt, (key) =>
      this.updateExpiry(key, expiresAt),
    );
  }

  /**
   * `SET name = value` on the meta row (ALL_NEW), then `updateRow` on the user row and the topic rows the meta
   * row lists after that update (a topic subscribed meanwhile is included). Every UpdateItem carries
   * `attribute_exists(pk)`: it never re-creates a row that a concurrent `$disconnect` just deleted (a Put would).
   * False when the meta row is gone.
   */
  private async updateEveryRow(
    connectionId: string,
    name: 'welcomedAt' | 'expiresAt',
    value: number,
    updateRow: (key: { pk: string; sk: string }) => Promise<boolean>,
  ): Promise<boolean> {
    let current: ConnectionRecord;
    try {
      const output = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.connectionMeta(connectionId),
          UpdateExpression: 'SET #name = :value',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': name },
          ExpressionAttributeValues: { ':value': value },
          ReturnValues: 'ALL_NEW',
        }),
      );
      current = toRecord(connectionId, output.Attributes ?? {});
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return false;
      throw new StorageError(`UpdateItem of connection ${connectionId} failed`, { cause });
    }
    const rows = [
      keys.userConnection(current.realm, current.userId, connectionId),
      ...current.topics.map((topic) => this.topicRowKey(current, topic)),
    ];
    await mapWithConcurrency(rows, 8, updateRow);
    return true;
  }

  /** One Query per partition of the topic (in parallel), each paginated; never a Scan. */
  async listTopicSubscribers(realm: string, topic: string, nowSeconds: number): Promise<TopicSubscriber[]> {
    const partitions = Array.from({ length: this.partitionsOf(topic) }, (_, partition) => partition);
    const pages = await mapWithConcurrency(partitions, this.partitionQueryConcurrency, (partition) =>
      this.table.query({
        pk: topicPartition(realm, topic, partition),
        skPrefix: CONN_PREFIX,
        nowSeconds,
        projection: ['sk', 'userId', 'welcomePending'],
      }),
    );
    return pages.flat().map((item) => {
      const subscriber: TopicSubscriber = { connectionId: connectionIdOf(item), userId: String(item.userId) };
      if (item.welcomePending === true) subscriber.welcomePending = true;
      return subscriber;
    });
  }

  topicPartitionCount(topic: string): number {
    return this.partitionsOf(topic);
  }

  /** One Query page of a topic partition (`Limit` rows read), bounded by `through` with a key condition. */
  async readTopicSubscriberPage(
    realm: string,
    topic: string,
    partition: number,
    nowSeconds: number,
    range: SubscriberPageRange,
  ): Promise<SubscriberPage> {
    const pk = topicPartition(realm, topic, partition);
    const page = await this.table.queryPage({
      pk,
      ...(range.through === undefined
        ? { skPrefix: CONN_PREFIX }
        : { skBetween: [CONN_PREFIX, `${CONN_PREFIX}${range.through}`] as const }),
      nowSeconds,
      projection: ['sk', 'userId', 'welcomePending'],
      limit: range.limit,
      ...(range.after === undefined ? {} : { startAfter: { pk, sk: `${CONN_PREFIX}${range.after}` } }),
    });
    const subscribers = page.items.map((item) => {
      const subscriber: TopicSubscriber = { connectionId: connectionIdOf(item), userId: String(item.userId) };
      if (item.welcomePending === true) subscriber.welcomePending = true;
      return subscriber;
    });
    if (page.lastKey !== undefined) {
      return { subscribers, next: String(page.lastKey.sk).slice(CONN_PREFIX.length) };
    }
    return range.through === undefined ? { subscribers } : { subscribers, next: range.through };
  }

  async listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]> {
    const items = await this.table.query({
      pk: userPartition(realm, userId),
      skPrefix: CONN_PREFIX,
      nowSeconds,
    });
    return items.map((item) => {
      const connection: UserConnection = {
        connectionId: connectionIdOf(item),
        connectedAt: Number(item.connectedAt),
        expiresAt: Number(item.expiresAt),
      };
      if (item.welcomePending === true) connection.welcomePending = true;
      return connection;
    });
  }

  /**
   * Partition counts above 1 of `topics`: kept from `existing` for topics already laid out (rows are found
   * where they were written), from the contract for new ones. Undefined when every topic has one partition.
   */
  private layoutFor(
    topics: readonly string[],
    existing: Record<string, number> | undefined,
  ): Record<string, number> | undefined {
    const layout: Record<string, number> = {};
    for (const topic of topics) {
      const partitions = existing?.[topic] ?? this.partitionsOf(topic);
      if (partitions > 1) layout[topic] = partitions;
    }
    return Object.keys(layout).length > 0 ? layout : undefined;
  }

  /** The topic row's key under the layout the connection was saved with (absent from old rows: 1). */
  private topicRowKey(record: ConnectionRecord, topic: string): { pk: string; sk: string } {
    const partitions = record.topicPartitions?.[topic] ?? 1;
    return keys.topicConnection(record.realm, topic, record.connectionId, partitions);
  }

  private updateExpiry(key: { pk: string; sk: string }, expiresAt: number): Promise<boolean> {
    return this.setAttribute(key, 'expiresAt', expiresAt);
  }

  /** UpdateItem `SET name = value` on an existing row only; false when the row is gone. */
  private setAttribute(key: { pk: string; sk: string }, name: string, value: number): Promise<boolean> {
    return this.update(key, 'SET #name = :value', { '#name': name }, { ':value': value });
  }

  /** One UpdateItem on an existing row only (never re-creates a deleted one); false when the row is gone. */
  private async update(
    key: { pk: string; sk: string },
    expression: string,
    names?: Record<string, string>,
    values?: Record<string, NativeAttributeValue>,
  ): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: expression,
          ConditionExpression: 'attribute_exists(pk)',
          ...(names ? { ExpressionAttributeNames: names } : {}),
          ...(values ? { ExpressionAttributeValues: values } : {}),
        }),
      );
      return true;
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return false;
      throw new StorageError(`UpdateItem of ${key.pk} failed`, { cause });
    }
  }

  private async deleteKey(key: { pk: string; sk: string }): Promise<void> {
    try {
      await this.table.client.send(new DeleteCommand({ TableName: this.table.tableName, Key: key }));
    } catch (cause) {
      throw new StorageError(`DeleteItem of ${key.pk} failed`, { cause });
    }
  }
}

/** A meta row (GetItem, or the ALL_OLD / ALL_NEW of a write) as a record. */
function toRecord(connectionId: string, item: Item): ConnectionRecord {
  const record: ConnectionRecord = {
    connectionId,
    userId: String(item.userId),
    realm: String(item.realm),
    topics: Array.isArray(item.topics) ? item.topics.map(String) : [],
    connectedAt: Number(item.connectedAt),
    expiresAt: Number(item.expiresAt),
  };
  if (typeof item.welcomedAt === 'number') record.welcomedAt = item.welcomedAt;
  if (typeof item.rev === 'number') record.rev = item.rev;
  if (typeof item.tokenExpiresAt === 'number') record.tokenExpiresAt = item.tokenExpiresAt;
  const layout = readLayout(item.topicPartitions);
  if (layout) record.topicPartitions = layout;
  return record;
}

function readLayout(value: unknown): Record<string, number> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const layout: Record<string, number> = {};
  for (const [topic, partitions] of Object.entries(value)) {
    if (typeof partitions === 'number' && Number.isInteger(partitions) && partitions > 1)
      layout[topic] = partitions;
  }
  return Object.keys(layout).length > 0 ? layout : undefined;
}

/** The connection id of a user or topic row, from its `conn#{connectionId}` sort key. */
function connectionIdOf(item: Item): string {
  return String(item.sk).slice(CONN_PREFIX.length);
}
