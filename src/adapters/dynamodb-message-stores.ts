/**
 * The offline inbox (`inbox#{realm}#{userId}`) and topic history (`history#{realm}#{topic}`): rows sorted by
 * `msg#{publishedAt}#{messageId}`, written with `attribute_not_exists(pk)` so a duplicate SNS delivery
 * stores one row.
 */
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../core/errors.js';
import type {
  BroadcastEnvelope,
  HistoryItem,
  InboxItem,
  StoredMessage,
  UserEnvelope,
} from '../core/model.js';
import type { HistoryStore, InboxStore, MessageIdClaim, MessageIdStore, PutResult } from '../core/ports.js';
import {
  type DynamoTable,
  type Item,
  isConditionalCheckFailed,
  type WriteRequest,
} from './dynamodb-table.js';
import { historyPartition, inboxPartition, keys, MSG_PREFIX, messageSortKey } from './table-keys.js';

const KEY_ATTRIBUTES = ['pk', 'sk'] as const;

class MessageLog<E> {
  constructor(private readonly table: DynamoTable) {}

  async put(pk: string, item: StoredMessage<E>): Promise<PutResult> {
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: {
            pk,
            sk: messageSortKey(item.publishedAt, item.messageId),
            messageId: item.messageId,
            publishedAt: item.publishedAt,
            envelope: item.envelope,
            expiresAt: item.expiresAt,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'stored';
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return 'duplicate';
      throw new StorageError(`PutItem in ${pk} failed`, { cause });
    }
  }

  async list(
    pk: string,
    nowSeconds: number,
    options: { ascending: boolean; maxItems: number },
  ): Promise<Array<StoredMessage<E>>> {
    if (options.maxItems <= 0) return [];
    const items = await this.table.query({ pk, skPrefix: MSG_PREFIX, nowSeconds, ...options });
    return items.map((item: Item) => ({
      publishedAt: String(item.publishedAt),
      messageId: String(item.messageId),
      envelope: item.envelope as E,
      expiresAt: Number(item.expiresAt),
    }));
  }

  async delete(pk: string, publishedAt: string, messageId: string): Promise<void> {
    try {
      await this.table.client.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: { pk, sk: messageSortKey(publishedAt, messageId) },
        }),
      );
    } catch (cause) {
      throw new StorageError(`DeleteItem in ${pk} failed`, { cause });
    }
  }

  /** Deletes every row but the newest `keep` (by sort key). */
  async keepNewest(pk: string, keep: number, nowSeconds?: number): Promise<number> {
    const newestFirst = await this.table.query({
      pk,
      skPrefix: MSG_PREFIX,
      nowSeconds,
      ascending: false,
      projection: KEY_ATTRIBUTES,
    });
    const excess = newestFirst.slice(keep);
    if (excess.length === 0) return 0;
    await this.table.batchWrite(
      excess.map(
        (item): WriteRequest => ({ DeleteRequest: { Key: { pk: String(item.pk), sk: String(item.sk) } } }),
      ),
    );
    return excess.length;
  }
}

export class DynamoInboxStore implements InboxStore {
  private readonly log: MessageLog<UserEnvelope>;
  constructor(table: DynamoTable) {
    this.log = new MessageLog(table);
  }

  put(realm: string, userId: string, item: InboxItem): Promise<PutResult> {
    return this.log.put(inboxPartition(realm, userId), item);
  }

  list(realm: string, userId: string, nowSeconds: number, limit: number): Promise<InboxItem[]> {
    return this.log.list(inboxPartition(realm, userId), nowSeconds, { ascending: true, maxItems: limit });
  }

  delete(realm: string, userId: string, item: Pick<InboxItem, 'publishedAt' | 'messageId'>): Promise<void> {
    return this.log.delete(inboxPartition(realm, userId), item.publishedAt, item.messageId);
  }

  /** Drop-oldest bound: only unexpired rows count (expired ones are already invisible and TTL-deleted). */
  trim(realm: string, userId: string, maxItems: number, nowSeconds: number): Promise<number> {
    return this.log.keepNewest(inboxPartition(realm, userId), maxItems, nowSeconds);
  }
}

export class DynamoHistoryStore implements HistoryStore {
  private readonly log: MessageLog<BroadcastEnvelope>;
  constructor(table: DynamoTable) {
    this.log = new MessageLog(table);
  }

  put(realm: string, topic: string, item: HistoryItem): Promise<PutResult> {
    return this.log.put(historyPartition(realm, topic), item);
  }

  async list(realm: string, topic: string, nowSeconds: number, limit: number): Promise<HistoryItem[]> {
    const newestFirst = await this.log.list(historyPartition(realm, topic), nowSeconds, {
      ascending: false,
      maxItems: limit,
    });
    return newestFirst.reverse();
  }

  trim(realm: string, topic: string, keep: number): Promise<number> {
    return this.log.keepNewest(historyPartition(realm, topic), keep);
  }
}

/**
 * Message id claims: `msgid#{scope}#{messageId}` / `claim` with `publishedAt, done, expiresAt`. One conditional
 * PutItem per publish (plus a strongly consistent GetItem when the id was claimed before) and one UpdateItem
 * once the publish is handled. An expired claim (TTL deletion lags) is overwritten like an absent one.
 */
export class DynamoMessageIdStore implements MessageIdStore {
  constructor(private readonly table: DynamoTable) {}

  async claim(
    scope: string,
    messageId: string,
    publishedAt: string,
    expiresAt: number,
    nowSeconds: number,
  ): Promise<MessageIdClaim> {
    const key = keys.messageId(scope, messageId);
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...key, publishedAt, done: false, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
        }),
      );
      return { status: 'first' };
    } catch (cause) {
      if (!isConditionalCheckFailed(cause)) throw new StorageError(`PutItem ${key.pk} failed`, { cause });
    }
    try {
      const found = await this.table.client.send(
        new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
      );
      return {
        status: 'repeat',
        publishedAt: String(found.Item?.publishedAt ?? publishedAt),
        done: found.Item?.done === true,
      };
    } catch (cause) {
      throw new StorageError(`GetItem ${key.pk} failed`, { cause });
    }
  }

  async markDone(scope: string, messageId: string): Promise<void> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.messageId(scope, messageId),
          UpdateExpression: 'SET done = :done',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':done': true },
        }),
      );
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return;
      throw new StorageError(`UpdateItem msgid ${messageId} failed`, { cause });
    }
  }
}
