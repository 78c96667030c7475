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

export class DynamoConnectionStore implements ConnectionStore {
  constructor(private readonly table: DynamoTable) {}

  async saveConnection(record: ConnectionRecord): Promise<void> {
    const { connectionId, userId, realm, topics, connectedAt, expiresAt } = record;
    const puts: WriteRequest[] = [
      {
        PutRequest: {
          Item: {
            ...keys.connectionMeta(connectionId),
            connectionId,
            userId,
            realm,
            topics,
            connectedAt,
            expiresAt,
          },
        },
      },
      {
        PutRequest: {
          Item: { ...keys.userConnection(realm, userId, connectionId), connectionId, connectedAt, expiresAt },
        },
      },
      ...topics.map(
        (topic): WriteRequest => ({
          PutRequest: {
            Item: { ...keys.topicConnection(realm, topic, connectionId), connectionId, userId, expiresAt },
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
      ...topics.map(
        (topic): WriteRequest => ({
          DeleteRequest: { Key: keys.topicConnection(realm, topic, connectionId) },
        }),
      ),
    ];
    await this.table.batchWrite(deletes);
  }

  async deleteTopicSubscription(realm: string, topic: string, connectionId: string): Promise<void> {
    await this.deleteKey(keys.topicConnection(realm, topic, connectionId));
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
      ...record.topics.map((topic) => keys.topicConnection(record.realm, topic, record.connectionId)),
    ];
    await mapWithConcurrency(others, 8, (key) => this.updateExpiry(key, expiresAt));
    return true;
  }

  async listTopicSubscribers(realm: string, topic: string, nowSeconds: number): Promise<TopicSubscriber[]> {
    const items = await this.table.query({
      pk: topicPartition(realm, topic),
      skPrefix: CONN_PREFIX,
      nowSeconds,
      projection: ['connectionId', 'userId'],
    });
    return items.map((item) => ({ connectionId: String(item.connectionId), userId: String(item.userId) }));
  }

  async listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]> {
    const items = await this.table.query({
      pk: userPartition(realm, userId),
      skPrefix: CONN_PREFIX,
      nowSeconds,
    });
    return items.map((item) => ({
      connectionId: String(item.connectionId),
      connectedAt: Number(item.connectedAt),
      expiresAt: Number(item.expiresAt),
    }));
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
