/** ConnectionStore on the single table: meta row, user row and one row per topic (2 + t items). */
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mapWithConcurrency } from '../core/concurrency.js';
import { StorageError } from '../core/errors.js';
import type { ConnectionRecord, TopicSubscriber, UserConnection } from '../core/model.js';
import type { ConnectionStore } from '../core/ports.js';
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
    const layout: Record<string, number> = {};
    for (const topic of topics) {
      const partitions = this.partitionsOf(topic);
      if (partitions > 1) layout[topic] = partitions;
    }
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
    if (Object.keys(layout).length > 0) {
      meta.topicPartitions = layout;
      // Handed back on the record too: a caller cleaning up after a failed connect deletes the right rows.
      record.topicPartitions = layout;
    }
    const puts: WriteRequest[] = [
      { PutRequest: { Item: meta } },
      {
        PutRequest: {
          Item: { ...keys.userConnection(realm, userId, connectionId), connectedAt, expiresAt },
        },
      },
      ...topics.map(
        (topic): WriteRequest => ({
          PutRequest: {
            Item: { ...this.topicRowKey(record, topic), userId, expiresAt },
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
    if (!item) return undefined;
    const record: ConnectionRecord = {
      connectionId,
      userId: String(item.userId),
      realm: String(item.realm),
      topics: Array.isArray(item.topics) ? item.topics.map(String) : [],
      connectedAt: Number(item.connectedAt),
      expiresAt: Number(item.expiresAt),
    };
    if (typeof item.welcomedAt === 'number') record.welcomedAt = item.welcomedAt;
    const layout = readLayout(item.topicPartitions);
    if (layout) record.topicPartitions = layout;
    return record;
  }

  async markWelcomed(connectionId: string, welcomedAt: number): Promise<boolean> {
    return this.setAttribute(keys.connectionMeta(connectionId), 'welcomedAt', welcomedAt);
  }

  async deleteConnection(record: ConnectionRecord): Promise<void> {
    const { connectionId, userId, realm, topics } = record;
    const deletes: WriteRequest[] = [
      { DeleteRequest: { Key: keys.connectionMeta(connectionId) } },
      { DeleteRequest: { Key: keys.userConnection(realm, userId, connectionId) } },
      ...topics.map((topic): WriteRequest => ({ DeleteRequest: { Key: this.topicRowKey(record, topic) } })),
    ];
    await this.table.batchWrite(deletes);
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

  /**
   * UpdateItem on each row with `attribute_exists(pk)`: an update never re-creates a row that a concurrent
   * `$disconnect` just deleted (a Put would).
   */
  async extendConnection(record: ConnectionRecord, expiresAt: number): Promise<boolean> {
    if (!(await this.updateExpiry(keys.connectionMeta(record.connectionId), expiresAt))) return false;
    const others = [
      keys.userConnection(record.realm, record.userId, record.connectionId),
      ...record.topics.map((topic) => this.topicRowKey(record, topic)),
    ];
    await mapWithConcurrency(others, 8, (key) => this.updateExpiry(key, expiresAt));
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
        projection: ['sk', 'userId'],
      }),
    );
    return pages.flat().map((item) => ({ connectionId: connectionIdOf(item), userId: String(item.userId) }));
  }

  async listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]> {
    const items = await this.table.query({
      pk: userPartition(realm, userId),
      skPrefix: CONN_PREFIX,
      nowSeconds,
    });
    return items.map((item) => ({
      connectionId: connectionIdOf(item),
      connectedAt: Number(item.connectedAt),
      expiresAt: Number(item.expiresAt),
    }));
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
  private async setAttribute(key: { pk: string; sk: string }, name: string, value: number): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #name = :value',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#name': name },
          ExpressionAttributeValues: { ':value': value },
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
