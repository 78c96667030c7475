/**
 * The router's shard-page claims (`shards#{scope}#{messageId}`, one row per sent shard job, `p{partition}#{start}`)
 * and the envelopes stored once for large broadcasts (`envelope#{realm}#{topic}#{messageId}`). Both expire by
 * TTL, and every read filters `expiresAt` (TTL deletes lazily).
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../core/errors.js';
import type { BroadcastEnvelope, StoredEnvelopeRef } from '../core/model.js';
import type { EnvelopeStore, ShardClaim, ShardClaimStore } from '../core/ports.js';
import { type DynamoTable, isConditionalCheckFailed } from './dynamodb-table.js';
import { keys, shardClaimPartition } from './table-keys.js';

export class DynamoShardClaimStore implements ShardClaimStore {
  constructor(private readonly table: DynamoTable) {}

  async list(scope: string, messageId: string): Promise<ShardClaim[]> {
    const nowSeconds = Math.floor(Date.now() / 1000);
    const items = await this.table.query({ pk: shardClaimPartition(scope, messageId), nowSeconds });
    return items.map((item) => {
      const claim: ShardClaim = {
        partition: Number(item.partition),
        after: String(item.after),
        firstShard: Number(item.firstShard),
        endShard: Number(item.endShard),
      };
      if (typeof item.next === 'string') claim.next = item.next;
      return claim;
    });
  }

  async claim(scope: string, messageId: string, claim: ShardClaim, expiresAt: number): Promise<boolean> {
    const key = keys.shardClaim(scope, messageId, claim.partition, claim.after);
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: { ...key, ...claim, expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return false;
      throw new StorageError(`PutItem ${key.pk} ${key.sk} failed`, { cause });
    }
  }
}

export class DynamoEnvelopeStore implements EnvelopeStore {
  constructor(private readonly table: DynamoTable) {}

  /** Idempotent: every handling of a publish writes the same item. */
  async put(envelope: BroadcastEnvelope, expiresAt: number): Promise<void> {
    const key = keys.storedEnvelope(envelope.realm, envelope.topic, envelope.messageId);
    try {
      await this.table.client.send(
        new PutCommand({ TableName: this.table.tableName, Item: { ...key, envelope, expiresAt } }),
      );
    } catch (cause) {
      throw new StorageError(`PutItem ${key.pk} failed`, { cause });
    }
  }

  async get(ref: StoredEnvelopeRef, nowSeconds: number): Promise<BroadcastEnvelope | undefined> {
    const key = keys.storedEnvelope(ref.realm, ref.topic, ref.messageId);
    let item: Record<string, unknown> | undefined;
    try {
      item = (await this.table.client.send(new GetCommand({ TableName: this.table.tableName, Key: key })))
        .Item;
    } catch (cause) {
      throw new StorageError(`GetItem ${key.pk} failed`, { cause });
    }
    if (item === undefined || Number(item.expiresAt) <= nowSeconds) return undefined;
    return item.envelope as BroadcastEnvelope;
  }
}
