/**
 * Stream positions on the DynamoDB adapters against dynalite with the real SDK: the head row's atomic
 * increment under concurrent routers, a retried routing keeping its first offset, expiry and reset epochs.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicFamilies, topicRegistry } from '../../generated/index.js';
import { topics as contractTopics, topicIn } from '../../test/support/contract-picks.js';
import { BroadcastService } from '../core/broadcast.js';
import type { BroadcastEnvelope, FanoutJob } from '../core/model.js';
import type { ConnectionStore } from '../core/ports.js';
import { resetStream } from '../core/stream-positions.js';
import { FakeConnectionGateway, ManualClock, MemoryJobQueue } from '../core/testing/memory.js';
import { broadcastEnvelope } from '../core/testing/world.js';
import { DynamoConnectionStore } from './dynamodb-connection-store.js';
import { DynamoHeldMessageStore } from './dynamodb-held-message-store.js';
import { DynamoHistoryStore, DynamoMessageIdStore } from './dynamodb-message-stores.js';
import { DynamoEnvelopeStore, DynamoShardClaimStore } from './dynamodb-shard-stores.js';
import { DynamoTable } from './dynamodb-table.js';
import { keys } from './table-keys.js';
import { type LocalDynamo, startLocalDynamo, testCredentials } from './testing/local-dynamodb.js';

const { openHistory: open1 } = contractTopics;

let dynamo: LocalDynamo;
const clients: DynamoDBClient[] = [];
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await dynamo?.stop();
});

/** Its own SDK client, as another router's Lambda instance would have. */
function ownTable(): DynamoTable {
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: testCredentials,
  });
  clients.push(client);
  return new DynamoTable(DynamoDBDocumentClient.from(client), {
    tableName: dynamo.tableName,
    sleep: async () => {},
  });
}

const clock = new ManualClock();
const nowSeconds = () => Math.floor(clock.now() / 1000);

function router(options: { store?: ConnectionStore } = {}) {
  const table = ownTable();
  const gateway = new FakeConnectionGateway();
  const service = new BroadcastService({
    gateway,
    sleep: async () => {},
    random: () => 0.5,
    settings: { concurrency: 4, throttleRetries: 1, backoff: { baseDelayMs: 1, maxDelayMs: 1 } },
    store: options.store ?? new DynamoConnectionStore(table),
    history: new DynamoHistoryStore(table),
    held: new DynamoHeldMessageStore(table),
    messageIds: new DynamoMessageIdStore(table),
    shardClaims: new DynamoShardClaimStore(table),
    envelopes: new DynamoEnvelopeStore(table),
    fanoutQueue: new MemoryJobQueue<FanoutJob>(),
    clock,
    broadcast: { shardThreshold: 500, shardSize: 250, connectingGraceSeconds: 30 },
  });
  return { service, gateway, history: new DynamoHistoryStore(table) };
}

const envelope = (realm: string, topic: string, i: number): BroadcastEnvelope =>
  broadcastEnvelope({ realm, topic, messageId: `${realm}-${i}`, publishedAt: '2026-11-27T09:59:00.000Z' });

/** A concrete topic whose family keeps at least 40 messages of history (the concurrent test reads 40 back). */
const deepHistory = (() => {
  const family = topicFamilies.find((f) => {
    const offline = topicRegistry[f].offline;
    return offline.policy === 'history' && offline.historySize >= 40;
  });
  if (family === undefined) throw new Error('the contract has no topic keeping 40 messages of history');
  return topicIn(family, 'd-1');
})();

describe('stream positions on DynamoDB', () => {
  it('concurrent publishes from four routers get unique, gap-free offsets in one epoch (history 50 deep)', async () => {
    const routers = [router(), router(), router(), router()];
    const perRouter = 10;
    await Promise.all(
      routers.map((r, k) =>
        Promise.all(
          Array.from({ length: perRouter }, (_, i) =>
            r.service.route(envelope('conc', deepHistory, k * perRouter + i)),
          ),
        ),
      ),
    );
    const rows = await routers[0]!.history.list('conc', deepHistory, nowSeconds(), 50);
    const offsets = rows.map((row) => row.position?.offset ?? 0).sort((a, b) => a - b);
    expect(offsets).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    expect(new Set(rows.map((row) => row.position?.epoch)).size).toBe(1);
    expect(await routers[1]!.history.head('conc', deepHistory, nowSeconds())).toEqual({
      offset: 40,
      epoch: rows[0]!.position!.epoch,
    });
  });

  it('a routing retried after a failure half-way keeps its first offset (and the next publish the next one)', async () => {
    const table = ownTable();
    const real = new DynamoConnectionStore(table);
    let failures = 1;
    // The first routing stores history, then fails listing the audience: SNS retries the whole invocation.
    const flaky = Object.assign(Object.create(real) as ConnectionStore, {
      readTopicSubscriberPage: async (...args: Parameters<ConnectionStore['readTopicSubscriberPage']>) => {
        if (failures-- > 0) throw new Error('network');
        return real.readTopicSubscriberPage(...args);
      },
    });
    const first = router({ store: flaky });
    const second = router();
    const published = envelope('retry', open1, 1);
    await expect(first.service.route(published)).rejects.toThrow('network');
    const retried = { ...published, publishedAt: '2026-11-27T09:59:30.000Z' };
    expect(await second.service.route(retried)).toMatchObject({ repeat: 'handled-as-first' });
    await second.service.route(envelope('retry', open1, 2));
    const rows = await second.history.list('retry', open1, nowSeconds(), 50);
    expect(rows.map((row) => [row.messageId, row.position?.offset])).toEqual([
      ['retry-1', 1],
      ['retry-2', 2],
    ]);
    // A repeat of the handled publish is dropped: no third offset.
    expect(await first.service.route(published)).toMatchObject({ repeat: 'dropped' });
    expect(await second.history.head('retry', open1, nowSeconds())).toMatchObject({ offset: 2 });
  });

  it('the claim keeps the first position recorded; a later one gets it back', async () => {
    const ids = new DynamoMessageIdStore(ownTable());
    await ids.claim(
      `topic#keep#${open1}`,
      'k-1',
      '2026-11-27T09:59:00.000Z',
      nowSeconds() + 60,
      nowSeconds(),
    );
    const first = { offset: 5, epoch: 'aaaa' };
    expect(await ids.keepPosition(`topic#keep#${open1}`, 'k-1', first)).toEqual(first);
    expect(await ids.keepPosition(`topic#keep#${open1}`, 'k-1', { offset: 6, epoch: 'aaaa' })).toEqual(first);
    const repeat = await ids.claim(`topic#keep#${open1}`, 'k-1', '2026-11-27T09:59:00.000Z', 0, nowSeconds());
    expect(repeat).toMatchObject({ status: 'repeat', position: first });
  });

  it('an expired head row starts a new epoch at offset 1, once, under concurrent routers', async () => {
    const history = new DynamoHistoryStore(ownTable());
    const input = (newEpoch: string) => ({
      nowSeconds: nowSeconds(),
      expiresAt: nowSeconds() + 60,
      newEpoch,
    });
    expect(await history.nextPosition('exp', open1, input('old'))).toEqual({
      offset: 1,
      epoch: 'old',
    });
    expect(await history.nextPosition('exp', open1, input('unused'))).toEqual({
      offset: 2,
      epoch: 'old',
    });
    // The row expired (TTL deletion lags: it is still there).
    await dynamo.documentClient.send(
      new UpdateCommand({
        TableName: dynamo.tableName,
        Key: keys.streamHead('exp', open1),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': nowSeconds() - 1 },
      }),
    );
    expect(await history.head('exp', open1, nowSeconds())).toBeUndefined();
    const routers = Array.from({ length: 5 }, () => new DynamoHistoryStore(ownTable()));
    const next = await Promise.all(routers.map((r, i) => r.nextPosition('exp', open1, input(`new${i}`))));
    expect(next.map((p) => p.offset).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(next.map((p) => p.epoch)).size).toBe(1);
    expect(next[0]!.epoch).not.toBe('old');
  });

  it('a deliberate reset drops the history and starts a new epoch at offset 0', async () => {
    const r = router();
    await r.service.route(envelope('reset', open1, 1));
    const before = await r.history.head('reset', open1, nowSeconds());
    const after = await resetStream(r.history, 'reset', open1, nowSeconds());
    expect(after).toMatchObject({ offset: 0 });
    expect(after?.epoch).not.toBe(before?.epoch);
    expect(await r.history.list('reset', open1, nowSeconds(), 50)).toEqual([]);
    await r.service.route(envelope('reset', open1, 2));
    const rows = await r.history.list('reset', open1, nowSeconds(), 50);
    expect(rows.map((row) => row.position)).toEqual([{ offset: 1, epoch: after?.epoch }]);
  });
});
