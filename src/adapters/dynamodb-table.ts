/**
 * The two DynamoDB primitives every store builds on: BatchWriteItem in chunks of at most 25 with
 * UnprocessedItems retried (jittered backoff), and Query following LastEvaluatedKey with `expiresAt > now`.
 */
import type { NativeAttributeValue } from '@aws-sdk/lib-dynamodb';
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  type DynamoDBDocumentClient,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { type BackoffPolicy, chunk, jitteredDelay } from '../core/concurrency.js';
import { StorageError, UnprocessedItemsError } from '../core/errors.js';
import { type RandomSource, realSleep, type Sleep } from '../core/ports.js';

/** What the adapters need of a DocumentClient (a wrapper can stand in for it in tests). */
export interface DocumentSender {
  send: DynamoDBDocumentClient['send'];
}

export type Item = Record<string, NativeAttributeValue>;
export type KeyOf = { pk: string; sk: string };
export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: KeyOf } };

export interface DynamoTableOptions {
  tableName: string;
  /** Attempts per 25-item chunk (first call included) before UnprocessedItemsError. */
  maxBatchAttempts?: number;
  backoff?: BackoffPolicy;
  sleep?: Sleep;
  random?: RandomSource;
  /** Query page size (`Limit`); unset = DynamoDB's 1 MB pages. */
  pageLimit?: number;
}

export const BATCH_WRITE_LIMIT = 25;

export interface QueryOptions {
  pk: string;
  skPrefix?: string;
  /** Only items with `expiresAt > nowSeconds` (TTL deletion lags by up to days). */
  nowSeconds?: number;
  /** Attributes to return (keys only for trims). */
  projection?: readonly string[];
  /** false = newest sort key first. */
  ascending?: boolean;
  /** Stop once this many matching items were collected. */
  maxItems?: number;
  /** Strongly consistent read (a read that must see every write acknowledged before it). */
  consistent?: boolean;
}

/** One Query page: `Limit` rows read from after `startAfter`, optionally within an inclusive sort key range. */
export interface QueryPageOptions extends Omit<QueryOptions, 'maxItems'> {
  /** Inclusive sort key bounds (instead of `skPrefix`). */
  skBetween?: readonly [string, string];
  limit?: number;
  startAfter?: Record<string, NativeAttributeValue>;
}

export interface QueryPage {
  items: Item[];
  /** DynamoDB's LastEvaluatedKey: more may follow after it. */
  lastKey?: Record<string, NativeAttributeValue>;
}

export class DynamoTable {
  readonly tableName: string;
  private readonly maxBatchAttempts: number;
  private readonly backoff: BackoffPolicy;
  private readonly sleep: Sleep;
  private readonly random: RandomSource;
  private readonly pageLimit: number | undefined;

  constructor(
    readonly client: DocumentSender,
    options: DynamoTableOptions,
  ) {
    this.tableName = options.tableName;
    this.maxBatchAttempts = options.maxBatchAttempts ?? 8;
    this.backoff = options.backoff ?? { baseDelayMs: 25, maxDelayMs: 1000 };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.pageLimit = options.pageLimit;
  }

  async batchWrite(requests: readonly WriteRequest[]): Promise<void> {
    for (const part of chunk(requests, BATCH_WRITE_LIMIT)) {
      let pending: WriteRequest[] = part;
      for (let attempt = 1; ; attempt++) {
        let output: BatchWriteCommandOutput;
        try {
          output = await this.client.send(
            new BatchWriteCommand({ RequestItems: { [this.tableName]: pending } }),
          );
        } catch (cause) {
          throw new StorageError(`BatchWriteItem on ${this.tableName} failed`, { cause });
        }
        pending = (output.UnprocessedItems?.[this.tableName] ?? []) as WriteRequest[];
        if (pending.length === 0) break;
        if (attempt >= this.maxBatchAttempts) throw new UnprocessedItemsError(pending.length, attempt);
        await this.sleep(jitteredDelay(attempt - 1, this.backoff, this.random));
      }
    }
  }

  async query(options: QueryOptions): Promise<Item[]> {
    const items: Item[] = [];
    let startAfter: Record<string, NativeAttributeValue> | undefined;
    do {
      const page = await this.queryPage({
        ...options,
        ...(this.pageLimit === undefined ? {} : { limit: this.pageLimit }),
        ...(startAfter === undefined ? {} : { startAfter }),
      });
      for (const item of page.items) {
        items.push(item);
        if (options.maxItems !== undefined && items.length >= options.maxItems) return items;
      }
      startAfter = page.lastKey;
    } while (startAfter);
    return items;
  }

  async queryPage(options: QueryPageOptions): Promise<QueryPage> {
    const values: Record<string, NativeAttributeValue> = { ':pk': options.pk };
    let condition = 'pk = :pk';
    if (options.skBetween !== undefined) {
      condition += ' AND sk BETWEEN :low AND :high';
      values[':low'] = options.skBetween[0];
      values[':high'] = options.skBetween[1];
    } else if (options.skPrefix !== undefined) {
      condition += ' AND begins_with(sk, :prefix)';
      values[':prefix'] = options.skPrefix;
    }
    const names: Record<string, string> = {};
    let filter: string | undefined;
    if (options.nowSeconds !== undefined) {
      filter = '#expiresAt > :now';
      names['#expiresAt'] = 'expiresAt';
      values[':now'] = options.nowSeconds;
    }
    let projection: string | undefined;
    if (options.projection) {
      projection = options.projection
        .map((attribute, index) => {
          names[`#p${index}`] = attribute;
          return `#p${index}`;
        })
        .join(', ');
    }
    try {
      const page = await this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: condition,
          FilterExpression: filter,
          ProjectionExpression: projection,
          ExpressionAttributeNames: Object.keys(names).length > 0 ? names : undefined,
          ExpressionAttributeValues: values,
          ScanIndexForward: options.ascending ?? true,
          ExclusiveStartKey: options.startAfter,
          Limit: options.limit,
          ...(options.consistent ? { ConsistentRead: true } : {}),
        }),
      );
      return page.LastEvaluatedKey
        ? { items: page.Items ?? [], lastKey: page.LastEvaluatedKey }
        : { items: page.Items ?? [] };
    } catch (cause) {
      throw new StorageError(`Query on ${this.tableName} (${options.pk}) failed`, { cause });
    }
  }
}

/** True for the SDK's ConditionalCheckFailedException (by name: the class may come from another copy). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'ConditionalCheckFailedException';
}
