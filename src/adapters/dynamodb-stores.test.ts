/**
 * The DynamoDB adapters against dynalite (the real DynamoDB API) with the real SDK clients. The adapters take topic
 * names as opaque keys and their partition counts as an option (the contract is read above them), so the topics
 * here are neutral names (`topic-a`, `topic-b`); stored envelopes are the contract's examples (core/testing/world).
 */
import {
  BatchWriteCommand,
  type BatchWriteCommandOutput,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnprocessedItemsError } from '../core/errors.js';
import type { ConnectionRecord, HeldMessage, InboxItem } from '../core/model.js';
import { broadcastEnvelope, userEnvelope } from '../core/testing/world.js';
import { DynamoConnectionStore } from './dynamodb-connection-store.js';
import { DynamoHeldMessageStore } from './dynamodb-held-message-store.js';
import { DynamoHistoryStore, DynamoInboxStore, DynamoMessageIdStore } from './dynamodb-message-stores.js';
import { type DocumentSender, DynamoTable, type WriteRequest } from './dynamodb-table.js';
import { keys, partitionOf, topicPartition } from './table-keys.js';
import { type LocalDynamo, startLocalDynamo } from './testing/local-dynamodb.js';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo?.stop();
});

const NOW = 1_764_237_600; // 2026-11-27T10:00:00Z
const noSleep = async () => {};

function table(options: { client?: DocumentSender; pageLimit?: number; maxBatchAttempts?: number } = {}) {
  return new DynamoTable(options.client ?? dynamo.documentClient, {
    tableName: dynamo.tableName,
    sleep: noSleep,
    pageLimit: options.pageLimit,
    maxBatchAttempts: options.maxBatchAttempts,
  });
}

function record(connectionId: string, overrides: Partial<ConnectionRecord> = {}): ConnectionRecord {
  return {
    connectionId,
    userId: 'alice',
    realm: 'acme',
    topics: ['topic-a'],
    connectedAt: NOW * 1000 - 60_000,
    expiresAt: NOW + 7800,
    ...overrides,
  };
}

/**
 * A DocumentClient wrapper that, for its first `failures` BatchWriteItem calls, writes only the first half of
 * the request (rounded down) and returns the rest as UnprocessedItems (as DynamoDB does under throttling).
 */
function withUnprocessedItems(failures: number) {
  const calls: number[] = [];
  let remaining = failures;
  const send = (async (command: unknown) => {
    if (command instanceof BatchWriteCommand) {
      const requests = command.input.RequestItems?.[dynamo.tableName] ?? [];
      calls.push(requests.length);
      if (remaining > 0) {
        remaining--;
        const half = Math.floor(requests.length / 2);
        if (half > 0) {
          await dynamo.documentClient.send(
            new BatchWriteCommand({ RequestItems: { [dynamo.tableName]: requests.slice(0, half) } }),
          );
        }
        const output: BatchWriteCommandOutput = {
          UnprocessedItems: { [dynamo.tableName]: requests.slice(half) },
          $metadata: {},
        };
        return output;
      }
    }
    return dynamo.documentClient.send(command as BatchWriteCommand);
  }) as DocumentSender['send'];
  return { client: { send }, calls };
}

describe('DynamoTable', () => {
  it('writes in chunks of at most 25 and retries UnprocessedItems until all are written', async () => {
    const wrapper = withUnprocessedItems(3);
    const puts: WriteRequest[] = Array.from({ length: 60 }, (_, i) => ({
      PutRequest: {
        Item: { pk: 'chunk-test', sk: `item#${String(i).padStart(3, '0')}`, expiresAt: NOW + 60 },
      },
    }));
    await table({ client: wrapper.client }).batchWrite(puts);
    expect(Math.max(...wrapper.calls)).toBeLessThanOrEqual(25);
    expect(wrapper.calls.length).toBeGreaterThan(3); // 3 chunks + the retries of unprocessed items
    const items = await table().query({ pk: 'chunk-test' });
    expect(items).toHaveLength(60);
  });

  it('gives up with UnprocessedItemsError after the last attempt', async () => {
    const wrapper = withUnprocessedItems(100);
    const puts: WriteRequest[] = Array.from({ length: 4 }, (_, i) => ({
      PutRequest: { Item: { pk: 'give-up', sk: `item#${i}`, expiresAt: NOW + 60 } },
    }));
    await expect(
      table({ client: wrapper.client, maxBatchAttempts: 3 }).batchWrite(puts),
    ).rejects.toBeInstanceOf(UnprocessedItemsError);
  });

  it('follows LastEvaluatedKey past one page and filters expired rows', async () => {
    const puts: WriteRequest[] = Array.from({ length: 23 }, (_, i) => ({
      PutRequest: {
        Item: {
          pk: 'paged',
          sk: `item#${String(i).padStart(2, '0')}`,
          expiresAt: i % 5 === 0 ? NOW - 1 : NOW + 60,
        },
      },
    }));
    await table().batchWrite(puts);
    const items = await table({ pageLimit: 4 }).query({ pk: 'paged', nowSeconds: NOW });
    expect(items).toHaveLength(23 - 5);
    expect(items.every((item) => Number(item.expiresAt) > NOW)).toBe(true);
  });
});

describe('DynamoConnectionStore', () => {
  it('writes 2 + t rows and finds them by key (no Scan)', async () => {
    const store = new DynamoConnectionStore(table());
    await store.saveConnection(record('rowsA=', { topics: ['topic-a', 'topic-b'] }));
    expect(await store.getConnection('rowsA=')).toEqual(record('rowsA=', { topics: ['topic-a', 'topic-b'] }));
    expect(await store.listUserConnections('acme', 'alice', NOW)).toContainEqual({
      connectionId: 'rowsA=',
      connectedAt: NOW * 1000 - 60_000,
      expiresAt: NOW + 7800,
      welcomePending: true,
    });
    expect(await store.listTopicSubscribers('acme', 'topic-b', NOW)).toEqual([
      { connectionId: 'rowsA=', userId: 'alice', welcomePending: true },
    ]);
  });

  it('keeps realms apart', async () => {
    const store = new DynamoConnectionStore(table());
    await store.saveConnection(record('realmA=', { realm: 'r1', topics: ['topic-b'] }));
    await store.saveConnection(record('realmB=', { realm: 'r2', topics: ['topic-b'] }));
    expect((await store.listTopicSubscribers('r1', 'topic-b', NOW)).map((s) => s.connectionId)).toEqual([
      'realmA=',
    ]);
    expect((await store.listUserConnections('r2', 'alice', NOW)).map((s) => s.connectionId)).toEqual([
      'realmB=',
    ]);
  });

  it('ignores expired rows that TTL has not removed', async () => {
    const store = new DynamoConnectionStore(table());
    await store.saveConnection(record('expired=', { realm: 'ttl', expiresAt: NOW - 10 }));
    await store.saveConnection(record('fresh=', { realm: 'ttl' }));
    expect((await store.listTopicSubscribers('ttl', 'topic-a', NOW)).map((s) => s.connectionId)).toEqual([
      'fresh=',
    ]);
    expect((await store.listUserConnections('ttl', 'alice', NOW)).map((s) => s.connectionId)).toEqual([
      'fresh=',
    ]);
  });

  it('lists a topic audience past one query page', async () => {
    const store = new DynamoConnectionStore(table({ pageLimit: 7 }));
    for (let i = 0; i < 40; i++)
      await store.saveConnection(record(`page${i}=`, { realm: 'big', userId: `u${i}` }));
    expect(await store.listTopicSubscribers('big', 'topic-a', NOW)).toHaveLength(40);
  });

  it('spreads a topic over its partition keys and lists, extends and deletes across them', async () => {
    const store = new DynamoConnectionStore(table({ pageLimit: 5 }), {
      topicPartitions: (topic) => (topic === 'topic-a' ? 4 : 1),
    });
    const saved = Array.from({ length: 40 }, (_, i) =>
      record(`part${i}=`, { realm: 'parts', userId: `u${i}`, topics: ['topic-a', 'topic-b'] }),
    );
    for (const r of saved) await store.saveConnection(r);
    // Every partition key holds some of the rows (FNV-1a of 40 ids over 4 partitions).
    const perPartition = await Promise.all(
      [0, 1, 2, 3].map(
        async (p) =>
          (await table().query({ pk: topicPartition('parts', 'topic-a', p), nowSeconds: NOW })).length,
      ),
    );
    expect(perPartition.every((n) => n > 0)).toBe(true);
    expect(perPartition.reduce((a, b) => a + b, 0)).toBe(40);
    const audience = await store.listTopicSubscribers('parts', 'topic-a', NOW);
    expect(audience.map((s) => s.connectionId).sort()).toEqual(saved.map((r) => r.connectionId).sort());
    expect(await store.listTopicSubscribers('parts', 'topic-b', NOW)).toHaveLength(40);

    const first = await store.getConnection('part0=');
    expect(first?.topicPartitions).toEqual({ 'topic-a': 4 });
    if (!first) throw new Error('saved connection not found');
    expect(await store.extendConnection(first, NOW + 9000)).toBe(true);
    const row = await table().query({
      pk: topicPartition('parts', 'topic-a', partitionOf('part0=', 4)),
      nowSeconds: NOW,
    });
    expect(row.find((item) => item.sk === 'conn#part0=')?.expiresAt).toBe(NOW + 9000);

    await store.deleteConnection(first);
    const after = await store.listTopicSubscribers('parts', 'topic-a', NOW);
    expect(after).toHaveLength(39);
    expect(after.some((s) => s.connectionId === 'part0=')).toBe(false);
  });

  it('finds and deletes rows written before a topic got more partitions', async () => {
    const before = new DynamoConnectionStore(table());
    const old = record('older=', { realm: 'grow', topics: ['topic-a'] });
    await before.saveConnection(old);
    const after = new DynamoConnectionStore(table(), { topicPartitions: () => 8 });
    await after.saveConnection(record('newer=', { realm: 'grow', userId: 'bob', topics: ['topic-a'] }));
    // Partition 0 is the one-partition layout, so the old row is still in the audience.
    expect(
      (await after.listTopicSubscribers('grow', 'topic-a', NOW)).map((s) => s.connectionId).sort(),
    ).toEqual(['newer=', 'older=']);
    // Its meta row has no layout, so the delete targets the old key.
    const stored = await after.getConnection('older=');
    expect(stored?.topicPartitions).toBeUndefined();
    if (!stored) throw new Error('saved connection not found');
    await after.deleteConnection(stored);
    expect((await after.listTopicSubscribers('grow', 'topic-a', NOW)).map((s) => s.connectionId)).toEqual([
      'newer=',
    ]);
  });

  it('deletes every row of one connection only, idempotently', async () => {
    const store = new DynamoConnectionStore(table());
    const gone = record('delA=', { realm: 'del', topics: ['topic-a', 'topic-b'] });
    await store.saveConnection(gone);
    await store.saveConnection(record('delB=', { realm: 'del' }));
    await store.deleteConnection(gone);
    await store.deleteConnection(gone);
    expect(await store.getConnection('delA=')).toBeUndefined();
    expect((await store.listTopicSubscribers('del', 'topic-a', NOW)).map((s) => s.connectionId)).toEqual([
      'delB=',
    ]);
    expect(await store.listTopicSubscribers('del', 'topic-b', NOW)).toEqual([]);
    expect((await store.listUserConnections('del', 'alice', NOW)).map((s) => s.connectionId)).toEqual([
      'delB=',
    ]);
  });

  it('extends every row, and never re-creates the rows of a deleted connection', async () => {
    const store = new DynamoConnectionStore(table());
    const rec = record('ext=', { realm: 'ext', topics: ['topic-a', 'topic-b'] });
    await store.saveConnection(rec);
    expect(await store.extendConnection(rec, NOW + 9999)).toBe(true);
    const rows = await Promise.all(
      [
        keys.connectionMeta('ext='),
        keys.userConnection('ext', 'alice', 'ext='),
        keys.topicConnection('ext', 'topic-b', 'ext='),
      ].map((key) => dynamo.documentClient.send(new GetCommand({ TableName: dynamo.tableName, Key: key }))),
    );
    expect(rows.map((r) => r.Item?.expiresAt)).toEqual([NOW + 9999, NOW + 9999, NOW + 9999]);
    expect(await store.markWelcomed('ext=', NOW * 1000 + 5)).toBe(true);
    expect((await store.getConnection('ext='))?.welcomedAt).toBe(NOW * 1000 + 5);
    await store.deleteConnection(rec);
    expect(await store.extendConnection(rec, NOW + 10_000)).toBe(false);
    expect(await store.markWelcomed('ext=', NOW * 1000)).toBe(false);
    expect(await store.getConnection('ext=')).toBeUndefined();
  });
});

function inboxItem(messageId: string, publishedAt: string, expiresAt = NOW + 86_400): InboxItem {
  return {
    messageId,
    publishedAt,
    expiresAt,
    envelope: userEnvelope({ messageId, correlationId: `c-${messageId}`, publishedAt }),
  };
}

describe('DynamoInboxStore', () => {
  it('returns items oldest first, across pages, without expired ones', async () => {
    const inbox = new DynamoInboxStore(table({ pageLimit: 2 }));
    await inbox.put('acme', 'order', inboxItem('m3', '2026-11-27T09:03:00.000Z'));
    await inbox.put('acme', 'order', inboxItem('m1', '2026-11-27T09:01:00.000Z'));
    await inbox.put('acme', 'order', inboxItem('old', '2026-11-27T09:00:00.000Z', NOW - 1));
    await inbox.put('acme', 'order', inboxItem('m2', '2026-11-27T09:02:00.000Z'));
    const items = await inbox.list('acme', 'order', NOW, 10);
    expect(items.map((i) => i.messageId)).toEqual(['m1', 'm2', 'm3']);
    expect(items[0]?.envelope).toEqual(inboxItem('m1', '2026-11-27T09:01:00.000Z').envelope);
    expect((await inbox.list('acme', 'order', NOW, 2)).map((i) => i.messageId)).toEqual(['m1', 'm2']);
  });

  it('claims a message id once per scope: a repeat gets the first publishedAt, done after markDone; an expired claim is overwritten', async () => {
    const ids = new DynamoMessageIdStore(table());
    const scope = 'user#acme#claims';
    const t1 = '2026-11-27T09:00:00.000Z';
    expect(await ids.claim(scope, 'm1', t1, NOW + 60, NOW)).toEqual({ status: 'first' });
    expect(await ids.claim(scope, 'm1', '2026-11-27T09:00:05.000Z', NOW + 60, NOW)).toEqual({
      status: 'repeat',
      publishedAt: t1,
      done: false,
    });
    await ids.markDone(scope, 'm1');
    expect(await ids.claim(scope, 'm1', t1, NOW + 60, NOW)).toMatchObject({ status: 'repeat', done: true });
    expect(await ids.claim('topic#acme#topic-a', 'm1', t1, NOW + 60, NOW)).toEqual({ status: 'first' });
    expect(await ids.claim(scope, 'm1', t1, NOW + 200, NOW + 60)).toEqual({ status: 'first' });
    await ids.markDone(scope, 'never-claimed');
    const row = await dynamo.documentClient.send(
      new GetCommand({ TableName: dynamo.tableName, Key: keys.messageId(scope, 'never-claimed') }),
    );
    expect(row.Item).toBeUndefined();
  });

  it('stores a duplicate delivery once (conditional put on the message key)', async () => {
    const inbox = new DynamoInboxStore(table());
    expect(await inbox.put('acme', 'dup', inboxItem('d1', '2026-11-27T09:00:00.000Z'))).toBe('stored');
    expect(await inbox.put('acme', 'dup', inboxItem('d1', '2026-11-27T09:00:00.000Z'))).toBe('duplicate');
    expect(await inbox.list('acme', 'dup', NOW, 10)).toHaveLength(1);
  });

  it('deletes one item, and trims to the newest maxItems (drop oldest)', async () => {
    const inbox = new DynamoInboxStore(table());
    for (let i = 0; i < 6; i++)
      await inbox.put('acme', 'trim', inboxItem(`t${i}`, `2026-11-27T09:00:0${i}.000Z`));
    await inbox.deleteMany('acme', 'trim', [{ messageId: 't5', publishedAt: '2026-11-27T09:00:05.000Z' }]);
    expect(await inbox.trim('acme', 'trim', 3, NOW)).toBe(2);
    expect((await inbox.list('acme', 'trim', NOW, 10)).map((i) => i.messageId)).toEqual(['t2', 't3', 't4']);
  });

  it('deletes many items in BatchWriteItem calls of 25 (not one DeleteItem each)', async () => {
    const sent: string[] = [];
    const client: DocumentSender = {
      send: ((command: Parameters<DocumentSender['send']>[0]) => {
        sent.push(command.constructor.name);
        return dynamo.documentClient.send(command);
      }) as DocumentSender['send'],
    };
    const inbox = new DynamoInboxStore(table({ client }));
    const items = Array.from({ length: 60 }, (_, i) =>
      inboxItem(`b${String(i).padStart(2, '0')}`, `2026-11-27T09:01:${String(i % 60).padStart(2, '0')}.000Z`),
    );
    for (const item of items) await inbox.put('acme', 'batch', item);
    sent.length = 0;
    await inbox.deleteMany('acme', 'batch', items);
    expect(sent).toEqual(['BatchWriteCommand', 'BatchWriteCommand', 'BatchWriteCommand']);
    expect(await inbox.list('acme', 'batch', NOW, 100)).toEqual([]);
  });
});

describe('DynamoHistoryStore', () => {
  it('returns the newest items oldest first and trims older ones', async () => {
    const history = new DynamoHistoryStore(table({ pageLimit: 3 }));
    for (let i = 0; i < 8; i++) {
      const item = inboxItem(`h${i}`, `2026-11-27T09:00:0${i}.000Z`);
      await history.put('acme', 'topic-a', {
        ...item,
        envelope: {
          messageId: item.messageId,
          correlationId: 'c',
          realm: 'acme',
          topic: 'topic-a',
          publishedAt: item.publishedAt,
          payload: {},
        },
      });
    }
    expect((await history.list('acme', 'topic-a', NOW, 3)).map((i) => i.messageId)).toEqual([
      'h5',
      'h6',
      'h7',
    ]);
    expect(await history.trim('acme', 'topic-a', 5)).toBe(3);
    expect((await history.list('acme', 'topic-a', NOW, 10)).map((i) => i.messageId)).toEqual([
      'h3',
      'h4',
      'h5',
      'h6',
      'h7',
    ]);
  });

  it('realm partitions are separate', async () => {
    const history = new DynamoHistoryStore(table());
    await dynamo.documentClient.send(
      new PutCommand({
        TableName: dynamo.tableName,
        Item: {
          ...keys.historyItem('r9', 'topic-a', '2026-11-27T09:00:00.000Z', 'x'),
          expiresAt: NOW + 60,
        },
      }),
    );
    expect(await history.list('r8', 'topic-a', NOW, 10)).toEqual([]);
  });
});

describe('welcome holding on the table', () => {
  it('marks the user and topic rows welcomePending until markWelcomed clears them (rows of a deleted connection stay deleted)', async () => {
    const store = new DynamoConnectionStore(table());
    const rec = record('wel=', { realm: 'wel', topics: ['topic-a', 'topic-b'] });
    await store.saveConnection(rec);
    expect(await store.listUserConnections('wel', 'alice', NOW)).toMatchObject([{ welcomePending: true }]);
    expect(await store.listTopicSubscribers('wel', 'topic-b', NOW)).toEqual([
      { connectionId: 'wel=', userId: 'alice', welcomePending: true },
    ]);
    expect(await store.markWelcomed('wel=', NOW * 1000)).toBe(true);
    expect((await store.listUserConnections('wel', 'alice', NOW))[0]?.welcomePending).toBeUndefined();
    expect(await store.listTopicSubscribers('wel', 'topic-b', NOW)).toEqual([
      { connectionId: 'wel=', userId: 'alice' },
    ]);
    // A subscribe before the welcome marks its row; after it, not.
    await store.putTopicRows(rec, ['late-topic'], NOW + 100);
    expect((await store.listTopicSubscribers('wel', 'late-topic', NOW))[0]?.welcomePending).toBe(true);
    await store.putTopicRows({ ...rec, welcomedAt: NOW * 1000 }, ['later-topic'], NOW + 100);
    expect((await store.listTopicSubscribers('wel', 'later-topic', NOW))[0]?.welcomePending).toBeUndefined();
    await store.deleteConnection(rec);
    expect(await store.markWelcomed('wel=', NOW * 1000)).toBe(false);
    expect(await store.listUserConnections('wel', 'alice', NOW)).toEqual([]);
  });

  it('holds a message once per connection, lists in publish order, takes once', async () => {
    const held = new DynamoHeldMessageStore(table());
    const user = (id: string, at: string): HeldMessage => ({
      kind: 'user',
      envelope: inboxItem(id, at).envelope,
    });
    const topic: HeldMessage = {
      kind: 'topic',
      envelope: broadcastEnvelope({
        messageId: 'u1',
        correlationId: 'c-t',
        publishedAt: '2026-11-27T09:00:00.000Z',
      }),
      position: { offset: 7, epoch: 'e1' },
    };
    await held.hold('h1=', user('u2', '2026-11-27T09:00:02.000Z'), NOW + 60);
    await held.hold('h1=', user('u1', '2026-11-27T09:00:01.000Z'), NOW + 60);
    await held.hold('h1=', user('u1', '2026-11-27T09:00:01.000Z'), NOW + 60);
    await held.hold('h1=', topic, NOW + 60);
    await held.hold('h1=', user('old', '2026-11-27T08:00:00.000Z'), NOW - 1);
    await held.hold('h2=', user('u1', '2026-11-27T09:00:01.000Z'), NOW + 60);
    const listed = await held.list('h1=', NOW);
    expect(listed.map((m) => `${m.kind}:${m.envelope.messageId}`)).toEqual([
      'topic:u1',
      'user:u1',
      'user:u2',
    ]);
    expect(listed[0]).toEqual(topic);
    expect(await held.take('h1=', listed[1] as HeldMessage)).toBe(true);
    expect(await held.take('h1=', listed[1] as HeldMessage)).toBe(false);
    for (const message of listed) await held.take('h1=', message);
    expect(await held.list('h1=', NOW)).toEqual([]);
    expect(await held.list('h2=', NOW)).toHaveLength(1);
    // Held rows live beside the meta row and never read as one.
    const store = new DynamoConnectionStore(table());
    expect(await store.getConnection('h2=')).toBeUndefined();
  });
});
