/**
 * The offline inbox (`inbox#{realm}#{userId}`) and topic history (`history#{realm}#{topic}`): rows sorted by
 * `msg#{publishedAt}#{messageId}`, written with `attribute_not_exists(pk)` so a duplicate SNS delivery
 * stores one row.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../core/errors.js';
import type {
  BroadcastEnvelope,
  HistoryItem,
  InboxItem,
  StoredMessage,
  StreamPosition,
  UserEnvelope,
} from '../core/model.js';
import type {
  HistoryStore,
  InboxStore,
  MessageIdClaim,
  MessageIdStore,
  NextPositionInput,
  PutResult,
} from '../core/ports.js';
import {
  type DynamoTable,
  type Item,
  isConditionalCheckFailed,
  type WriteRequest,
} from './dynamodb-table.js';
import { historyPartition, inboxPartition, keys, MSG_PREFIX, messageSortKey } from './table-keys.js';

const KEY_ATTRIBUTES = ['pk', 'sk'] as const;

/** A stored message; history rows also carry their stream position (`offset`, `epoch`). */
type LoggedMessage<E> = StoredMessage<E> & { position?: StreamPosition };

/** The `offset` / `epoch` attributes of a row, when it has both. */
function positionOf(item: Item | undefined): StreamPosition | undefined {
  if (item?.offset === undefined || item.epoch === undefined) return undefined;
  return { offset: Number(item.offset), epoch: String(item.epoch) };
}

class MessageLog<E> {
  constructor(private readonly table: DynamoTable) {}

  async put(pk: string, item: LoggedMessage<E>): Promise<PutResult> {
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
            ...(item.position ? { offset: item.position.offset, epoch: item.position.epoch } : {}),
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
  ): Promise<Array<LoggedMessage<E>>> {
    if (options.maxItems <= 0) return [];
    const items = await this.table.query({ pk, skPrefix: MSG_PREFIX, nowSeconds, ...options });
    return items.map((item: Item) => {
      const message: LoggedMessage<E> = {
        publishedAt: String(item.publishedAt),
        messageId: String(item.messageId),
        envelope: item.envelope as E,
        expiresAt: Number(item.expiresAt),
      };
      const position = positionOf(item);
      if (position) message.position = position;
      return message;
    });
  }

  /** BatchWriteItem deletes (25 a call, unprocessed ones retried): one round trip per 25 delivered messages. */
  async deleteMany(
    pk: string,
    items: ReadonlyArray<{ publishedAt: string; messageId: string }>,
  ): Promise<void> {
    await this.table.batchWrite(
      items.map(
        (item): WriteRequest => ({
          DeleteRequest: { Key: { pk, sk: messageSortKey(item.publishedAt, item.messageId) } },
        }),
      ),
    );
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
    return this.deleteRows(newestFirst.slice(keep));
  }

  /** Deletes the rows whose epoch is not `epoch` (a stream reset). */
  async keepEpoch(pk: string, epoch: string): Promise<number> {
    const rows = await this.table.query({
      pk,
      skPrefix: MSG_PREFIX,
      projection: [...KEY_ATTRIBUTES, 'epoch'],
    });
    return this.deleteRows(rows.filter((row) => row.epoch !== epoch));
  }

  private async deleteRows(excess: readonly Item[]): Promise<number> {
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

  deleteMany(
    realm: string,
    userId: string,
    items: ReadonlyArray<Pick<InboxItem, 'publishedAt' | 'messageId'>>,
  ): Promise<void> {
    return this.log.deleteMany(inboxPartition(realm, userId), items);
  }

  /** Drop-oldest bound: only unexpired rows count (expired ones are already invisible and TTL-deleted). */
  trim(realm: string, userId: string, maxItems: number, nowSeconds: number): Promise<number> {
    return this.log.keepNewest(inboxPartition(realm, userId), maxItems, nowSeconds);
  }
}

export class DynamoHistoryStore implements HistoryStore {
  private readonly log: MessageLog<BroadcastEnvelope>;
  constructor(private readonly table: DynamoTable) {
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

  /**
   * One UpdateItem on `stream#{realm}#{topic}` / `head` (about 1 WCU): `offset` incremented atomically (ADD
   * semantics through if_not_exists, so concurrent routers each get their own value), `epoch` kept, `expiresAt`
   * moved on. A head row past its expiry (TTL deletion lags) fails the condition and is restarted by a second
   * conditional write; if another router restarted it first, the increment is tried again.
   */
  async nextPosition(realm: string, topic: string, input: NextPositionInput): Promise<StreamPosition> {
    const key = keys.streamHead(realm, topic);
    const names = { '#offset': 'offset', '#epoch': 'epoch', '#expiresAt': 'expiresAt' };
    for (let attempt = 0; attempt < MAX_HEAD_ATTEMPTS; attempt++) {
      try {
        const out = await this.table.client.send(
          new UpdateCommand({
            TableName: this.table.tableName,
            Key: key,
            UpdateExpression:
              'SET #offset = if_not_exists(#offset, :zero) + :one, #epoch = if_not_exists(#epoch, :epoch), #expiresAt = :expiresAt',
            ConditionExpression: 'attribute_not_exists(pk) OR #expiresAt > :now',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: {
              ':zero': 0,
              ':one': 1,
              ':epoch': input.newEpoch,
              ':expiresAt': input.expiresAt,
              ':now': input.nowSeconds,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        const position = positionOf(out.Attributes);
        if (!position) throw new Error('UpdateItem returned no offset/epoch');
        return position;
      } catch (cause) {
        if (!isConditionalCheckFailed(cause))
          throw new StorageError(`UpdateItem ${key.pk} failed`, { cause });
      }
      if (await this.restartExpired(key, names, input)) return { offset: 1, epoch: input.newEpoch };
    }
    throw new StorageError(`UpdateItem ${key.pk}: the head row kept changing`);
  }

  /** Starts a new epoch on an expired head row; false when another router changed it first. */
  private async restartExpired(
    key: { pk: string; sk: string },
    names: Record<string, string>,
    input: NextPositionInput,
  ): Promise<boolean> {
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #offset = :one, #epoch = :epoch, #expiresAt = :expiresAt',
          ConditionExpression: '#expiresAt <= :now',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: {
            ':one': 1,
            ':epoch': input.newEpoch,
            ':expiresAt': input.expiresAt,
            ':now': input.nowSeconds,
          },
        }),
      );
      return true;
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return false;
      throw new StorageError(`UpdateItem ${key.pk} failed`, { cause });
    }
  }

  async head(realm: string, topic: string, nowSeconds: number): Promise<StreamPosition | undefined> {
    const key = keys.streamHead(realm, topic);
    try {
      const found = await this.table.client.send(
        new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
      );
      if (!found.Item || Number(found.Item.expiresAt) <= nowSeconds) return undefined;
      return positionOf(found.Item);
    } catch (cause) {
      throw new StorageError(`GetItem ${key.pk} failed`, { cause });
    }
  }

  /** The head row first (publishes from then on are in the new epoch), then every row of another epoch. */
  async reset(realm: string, topic: string, epoch: string, expiresAt: number): Promise<void> {
    const key = keys.streamHead(realm, topic);
    try {
      await this.table.client.send(
        new PutCommand({ TableName: this.table.tableName, Item: { ...key, offset: 0, epoch, expiresAt } }),
      );
    } catch (cause) {
      throw new StorageError(`PutItem ${key.pk} failed`, { cause });
    }
    await this.log.keepEpoch(historyPartition(realm, topic), epoch);
  }
}

/** Each retry of `nextPosition` follows another router's restart of an expired head row: two suffice. */
const MAX_HEAD_ATTEMPTS = 5;

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
      const repeat: MessageIdClaim = {
        status: 'repeat',
        publishedAt: String(found.Item?.publishedAt ?? publishedAt),
        done: found.Item?.done === true,
      };
      const position = positionOf(found.Item);
      return position ? { ...repeat, position } : repeat;
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

  /** One conditional UpdateItem (the first position wins); a strongly consistent GetItem when it lost. */
  async keepPosition(scope: string, messageId: string, position: StreamPosition): Promise<StreamPosition> {
    const key = keys.messageId(scope, messageId);
    try {
      await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: key,
          UpdateExpression: 'SET #offset = :offset, #epoch = :epoch',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#offset)',
          ExpressionAttributeNames: { '#offset': 'offset', '#epoch': 'epoch' },
          ExpressionAttributeValues: { ':offset': position.offset, ':epoch': position.epoch },
        }),
      );
      return position;
    } catch (cause) {
      if (!isConditionalCheckFailed(cause)) throw new StorageError(`UpdateItem ${key.pk} failed`, { cause });
    }
    try {
      const found = await this.table.client.send(
        new GetCommand({ TableName: this.table.tableName, Key: key, ConsistentRead: true }),
      );
      return positionOf(found.Item) ?? position;
    } catch (cause) {
      throw new StorageError(`GetItem ${key.pk} failed`, { cause });
    }
  }
}
