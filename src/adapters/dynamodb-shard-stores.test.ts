/**
 * The router's page reads, shard claims and stored envelopes against dynalite with the real SDK. The stores take the
 * topic as an opaque key and its partition count as an option: a neutral topic name serves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicScope } from '../core/message-ids.js';
import type { ConnectionRecord } from '../core/model.js';
import { broadcastEnvelope } from '../core/testing/world.js';
import { DynamoConnectionStore } from './dynamodb-connection-store.js';
import { DynamoEnvelopeStore, DynamoShardClaimStore } from './dynamodb-shard-stores.js';
import { DynamoTable } from './dynamodb-table.js';
import { type LocalDynamo, startLocalDynamo } from './testing/local-dynamodb.js';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo?.stop();
});

const TOPIC = 'topic-a';
const NOW = Math.floor(Date.now() / 1000);
const table = () => new DynamoTable(dynamo.documentClient, { tableName: dynamo.tableName });

function record(connectionId: string, expiresAt = NOW + 7800): ConnectionRecord {
  return {
    connectionId,
    userId: `u-${connectionId}`,
    realm: 'pages',
    topics: [TOPIC],
    connectedAt: NOW * 1000,
    expiresAt,
  };
}

describe('DynamoConnectionStore.readTopicSubscriberPage', () => {
  it('reads a partition page by page (after, through, limit) and skips expired rows', async () => {
    const store = new DynamoConnectionStore(table(), { topicPartitions: () => 3 });
    const ids = Array.from({ length: 30 }, (_, i) => `p${String(i).padStart(2, '0')}=`);
    for (const id of ids) await store.saveConnection(record(id, id === 'p07=' ? NOW - 1 : NOW + 7800));
    expect(store.topicPartitionCount(TOPIC)).toBe(3);
    const seen: string[] = [];
    for (let partition = 0; partition < 3; partition++) {
      let after: string | undefined;
      for (let pages = 0; pages < 20; pages++) {
        const page = await store.readTopicSubscriberPage('pages', TOPIC, partition, NOW, {
          ...(after === undefined ? {} : { after }),
          limit: 4,
        });
        expect(page.subscribers.length).toBeLessThanOrEqual(4);
        seen.push(...page.subscribers.map((s) => s.connectionId));
        if (page.next === undefined) break;
        expect(page.next > (after ?? '')).toBe(true);
        after = page.next;
      }
    }
    expect(seen.sort()).toEqual(ids.filter((id) => id !== 'p07=').sort());
    // A bounded read stops at `through` (inclusive) and hands it back as the next start.
    const all = await store.readTopicSubscriberPage('pages', TOPIC, 0, NOW, { limit: 100 });
    const [a, b, c] = all.subscribers.map((s) => s.connectionId);
    const bounded = await store.readTopicSubscriberPage('pages', TOPIC, 0, NOW, {
      ...(a === undefined ? {} : { after: a }),
      ...(c === undefined ? {} : { through: c }),
      limit: 100,
    });
    expect(bounded.subscribers.map((s) => s.connectionId)).toEqual([b, c]);
    expect(bounded.next).toBe(c);
  });
});

describe('DynamoShardClaimStore', () => {
  it('claims a page once (a concurrent handling gets false) and lists the claims of a publish', async () => {
    const claims = new DynamoShardClaimStore(table());
    const page = { partition: 1, after: '', next: 'p05=', firstShard: 0, endShard: 2 };
    expect(await claims.claim(topicScope('pages', TOPIC), 'm-1', page, NOW + 3600)).toBe(true);
    expect(await claims.claim(topicScope('pages', TOPIC), 'm-1', page, NOW + 3600)).toBe(false);
    const last = { partition: 1, after: 'p05=', firstShard: 2, endShard: 3 };
    expect(await claims.claim(topicScope('pages', TOPIC), 'm-1', last, NOW + 3600)).toBe(true);
    expect(await claims.list(topicScope('pages', TOPIC), 'm-1')).toEqual([page, last]);
    expect(await claims.list(topicScope('pages', TOPIC), 'other')).toEqual([]);
  });
});

describe('DynamoEnvelopeStore', () => {
  it('stores an envelope once for its shard jobs and stops returning it once expired', async () => {
    const envelopes = new DynamoEnvelopeStore(table());
    const envelope = broadcastEnvelope({ messageId: 'stored-1', realm: 'pages' });
    envelope.payload = { ...envelope.payload, body: 'z'.repeat(100_000) };
    await envelopes.put(envelope, NOW + 60);
    const ref = { realm: 'pages', topic: envelope.topic, messageId: 'stored-1', correlationId: 'c' };
    expect(await envelopes.get(ref, NOW)).toEqual(envelope);
    expect(await envelopes.get(ref, NOW + 60)).toBeUndefined();
    expect(await envelopes.get({ ...ref, messageId: 'missing' }, NOW)).toBeUndefined();
  });
});
