/**
 * `subscribe` / `unsubscribe` against dynalite with the real store, including the races of docs/data-model.md
 * ("Subscribing after connect"): each interleaving is forced by pausing one side at a store call, so the test
 * fails if the order of writes or the re-check were wrong. After each race no row of the connection may remain
 * that its meta row does not list (no orphans), and every listed row must exist with the meta row's expiry.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { limits } from '../../generated/index.js';
import {
  topics as contractTopics,
  families,
  invalidTopicName,
  ownerParameter,
  parameterizedFamily,
  topicIn,
  unknownTopic,
} from '../../test/support/contract-picks.js';
import { ConnectionService } from '../core/connections.js';
import type { ConnectionRecord, Identity } from '../core/model.js';
import type { ConnectionStore } from '../core/ports.js';
import { SubscriptionService } from '../core/subscriptions.js';
import { MemoryJobQueue } from '../core/testing/memory.js';
import { topicPartitions } from '../core/topic-access.js';
import { DynamoConnectionStore } from './dynamodb-connection-store.js';
import { DynamoHistoryStore } from './dynamodb-message-stores.js';
import { DynamoTable } from './dynamodb-table.js';
import { keys, topicPartition } from './table-keys.js';
import { type LocalDynamo, startLocalDynamo } from './testing/local-dynamodb.js';

const { openHistory: open1 } = contractTopics;
/** A concrete topic of a family with a parameter. */
const job = (id: string): string => topicIn(parameterizedFamily, id);
/** A topic of the owned family that is alice's (accepted), and one that is bob's (NOT_TOPIC_OWNER for alice). */
const ownedBy = (userId: string): string | undefined =>
  families.owned && topicIn(families.owned, 'x', { [ownerParameter(families.owned)]: userId });
const alicesOwn = ownedBy('alice') ?? job('d-1');
const bobs = ownedBy('bob') ?? contractTopics.gated;

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo?.stop();
});

const NOW_MS = 1_764_237_600_000;
let now = NOW_MS;
const clock = { now: () => now };
const alice: Identity = { userId: 'alice', realm: 'acme', roles: [] };

/** Pauses the `nth` call of a store method until released (the other side runs in between). */
class GatedStore {
  private gates = new Map<string, { nth: number; reached: () => void; wait: Promise<void> }>();
  private calls = new Map<string, number>();
  readonly store: ConnectionStore;

  constructor(inner: ConnectionStore) {
    this.store = new Proxy(inner, {
      get: (target, property, receiver) => {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        return async (...args: unknown[]) => {
          const count = (this.calls.get(property) ?? 0) + 1;
          this.calls.set(property, count);
          const gate = this.gates.get(property);
          if (gate && gate.nth === count) {
            gate.reached();
            await gate.wait;
          }
          return value.apply(target, args);
        };
      },
    });
  }

  /** Resolves `reached` when the call arrives; the call proceeds after `release()`. */
  pauseBefore(method: keyof ConnectionStore, nth = 1) {
    let reached!: () => void;
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => {
      reached = resolve;
    });
    const wait = new Promise<void>((resolve) => {
      release = resolve;
    });
    this.gates.set(method, { nth, reached, wait });
    return { arrived, release };
  }
}

let sequence = 0;
function setup() {
  const table = new DynamoTable(dynamo.documentClient, { tableName: dynamo.tableName });
  const partitions = topicPartitions;
  const plain = new DynamoConnectionStore(table, { topicPartitions: partitions });
  const gatedSubscriber = new GatedStore(new DynamoConnectionStore(table, { topicPartitions: partitions }));
  const gatedLifecycle = new GatedStore(new DynamoConnectionStore(table, { topicPartitions: partitions }));
  const subscriptions = new SubscriptionService({
    store: gatedSubscriber.store,
    history: new DynamoHistoryStore(table),
    clock,
    settings: { maxTopicsPerConnection: limits.maxTopicsPerConnection },
  });
  const connections = new ConnectionService({
    store: gatedLifecycle.store,
    deliveryQueue: new MemoryJobQueue(),
    clock,
    settings: { connectionTtlSeconds: 7800, maxTopicsPerConnection: 20 },
  });
  const connectionId = `Race${++sequence}AAAAAAAA=`;
  return { table, plain, gatedSubscriber, gatedLifecycle, subscriptions, connections, connectionId };
}

type Setup = ReturnType<typeof setup>;

async function connect(s: Setup, topics: string[] = [open1]): Promise<void> {
  await s.connections.register({
    connectionId: s.connectionId,
    identity: alice,
    requestedTopics: topics,
    connectedAt: now,
    correlationId: 'c-1',
  });
}

/** Topic rows of this connection under `topics` (every partition of each), with their expiry. */
async function topicRows(s: Setup, topics: readonly string[]): Promise<Map<string, number>> {
  const rows = new Map<string, number>();
  for (const topic of topics) {
    const count = topicPartitions(topic);
    for (let partition = 0; partition < count; partition++) {
      const items = await s.table.query({ pk: topicPartition('acme', topic, partition), skPrefix: 'conn#' });
      for (const item of items)
        if (item.sk === `conn#${s.connectionId}`) rows.set(topic, Number(item.expiresAt));
    }
  }
  return rows;
}

async function meta(s: Setup): Promise<ConnectionRecord | undefined> {
  return s.plain.getConnection(s.connectionId);
}

async function userRowExists(s: Setup): Promise<boolean> {
  const output = await dynamo.documentClient.send(
    new GetCommand({
      TableName: dynamo.tableName,
      Key: keys.userConnection('acme', 'alice', s.connectionId),
    }),
  );
  return output.Item !== undefined;
}

/** Every row listed by the meta row exists with its expiry, and no other candidate row exists. */
async function expectConsistent(s: Setup, names: readonly string[]): Promise<void> {
  const candidates = [...new Set(names)];
  const record = await meta(s);
  const rows = await topicRows(s, candidates);
  if (!record) {
    expect([...rows.keys()], 'no orphan topic rows after disconnect').toEqual([]);
    expect(await userRowExists(s)).toBe(false);
    return;
  }
  expect([...rows.keys()].sort()).toEqual(candidates.filter((t) => record.topics.includes(t)).sort());
  for (const expiresAt of rows.values()) expect(expiresAt).toBe(record.expiresAt);
}

beforeEach(() => {
  now = NOW_MS;
});

describe('subscribe and unsubscribe (dynalite)', () => {
  it('adds rows and the meta entry; a second subscribe is idempotent; unsubscribe removes both', async () => {
    const s = setup();
    await connect(s);
    const first = await s.subscriptions.subscribe(s.connectionId, alice, [job('1'), open1]);
    expect(first).toMatchObject({ status: 'ok', accepted: [job('1'), open1], added: [job('1')] });
    const again = await s.subscriptions.subscribe(s.connectionId, alice, [job('1')]);
    expect(again).toMatchObject({ status: 'ok', accepted: [job('1')], added: [] });
    expect((await meta(s))?.topics).toEqual([open1, job('1')]);
    await expectConsistent(s, [open1, job('1')]);
    const off = await s.subscriptions.unsubscribe(s.connectionId, alice, [job('1'), job('never-held')]);
    expect(off).toEqual({
      status: 'ok',
      unsubscribed: [job('1'), job('never-held')],
      topics: [open1],
    });
    await expectConsistent(s, [open1, job('1')]);
    expect(await s.subscriptions.unsubscribe(s.connectionId, alice, [job('1')])).toMatchObject({
      status: 'ok',
    });
  });

  it('writes nothing for rejected topics', async () => {
    const s = setup();
    await connect(s);
    const before = await meta(s);
    const result = await s.subscriptions.subscribe(s.connectionId, alice, [
      bobs,
      invalidTopicName,
      unknownTopic,
    ]);
    expect(result).toMatchObject({ status: 'ok', accepted: [], added: [] });
    expect(await meta(s)).toEqual(before);
    expect(await topicRows(s, [bobs])).toEqual(new Map());
  });

  it('answers not-found for an unknown or expired connection', async () => {
    const s = setup();
    expect(await s.subscriptions.subscribe(s.connectionId, alice, [job('1')])).toEqual({
      status: 'not-found',
    });
    await connect(s);
    now += 7801 * 1000;
    expect(await s.subscriptions.subscribe(s.connectionId, alice, [job('1')])).toEqual({
      status: 'not-found',
    });
  });

  it('race: a disconnect between the meta update and the row write leaves no orphan row', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedSubscriber.pauseBefore('putTopicRows');
    const subscribing = s.subscriptions.subscribe(s.connectionId, alice, [job('7')]);
    await gate.arrived;
    await s.connections.unregister(s.connectionId);
    gate.release();
    expect(await subscribing).toEqual({ status: 'not-found' });
    await expectConsistent(s, [open1, job('7')]);
  });

  it('race: a disconnect before the meta update makes the subscribe write nothing', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedSubscriber.pauseBefore('setTopics');
    const subscribing = s.subscriptions.subscribe(s.connectionId, alice, [job('7')]);
    await gate.arrived;
    await s.connections.unregister(s.connectionId);
    gate.release();
    expect(await subscribing).toEqual({ status: 'not-found' });
    await expectConsistent(s, [open1, job('7')]);
  });

  it('race: a disconnect that read the meta row before the subscribe still deletes the new row', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedLifecycle.pauseBefore('deleteConnection');
    const disconnecting = s.connections.unregister(s.connectionId);
    await gate.arrived; // it holds a record without job 7
    expect(await s.subscriptions.subscribe(s.connectionId, alice, [job('7')])).toMatchObject({
      status: 'ok',
    });
    gate.release();
    await disconnecting;
    await expectConsistent(s, [open1, job('7')]);
  });

  it('race: a disconnect after the row write and before the re-check is cleaned up by the subscribe', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedSubscriber.pauseBefore('getConnection', 2); // the re-check
    const subscribing = s.subscriptions.subscribe(s.connectionId, alice, [job('7'), alicesOwn]);
    await gate.arrived;
    await s.connections.unregister(s.connectionId);
    gate.release();
    expect(await subscribing).toEqual({ status: 'not-found' });
    await expectConsistent(s, [open1, job('7'), alicesOwn]);
  });

  it('race: an extendTTL between the meta update and the row write still reaches the new row', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedSubscriber.pauseBefore('putTopicRows');
    const subscribing = s.subscriptions.subscribe(s.connectionId, alice, [job('9')]);
    await gate.arrived;
    now += 600_000;
    expect(await s.connections.extend(s.connectionId)).toBe(Math.floor(now / 1000) + 7800);
    gate.release();
    expect(await subscribing).toMatchObject({ status: 'ok', added: [job('9')] });
    await expectConsistent(s, [open1, job('9')]);
  });

  it('race: an extendTTL that read the meta row before the subscribe updates the new row too', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedLifecycle.pauseBefore('extendConnection');
    now += 600_000;
    const extending = s.connections.extend(s.connectionId);
    await gate.arrived; // it holds a record without job 9
    await s.subscriptions.subscribe(s.connectionId, alice, [job('9')]);
    gate.release();
    await extending;
    await expectConsistent(s, [open1, job('9')]);
  });

  it('race: an unsubscribe between the row write and the re-check leaves neither entry nor row', async () => {
    const s = setup();
    await connect(s);
    const gate = s.gatedSubscriber.pauseBefore('getConnection', 2);
    const subscribing = s.subscriptions.subscribe(s.connectionId, alice, [job('5')]);
    await gate.arrived;
    const other = new SubscriptionService({
      store: s.plain,
      history: new DynamoHistoryStore(s.table),
      clock,
      settings: { maxTopicsPerConnection: 20 },
    });
    await other.unsubscribe(s.connectionId, alice, [job('5')]);
    gate.release();
    expect(await subscribing).toMatchObject({ status: 'ok', added: [] });
    await expectConsistent(s, [open1, job('5')]);
  });

  it('race: concurrent subscribes of one connection lose no topic and respect the limit on the total', async () => {
    const s = setup();
    await connect(
      s,
      Array.from({ length: 15 }, (_, i) => job(`held-${i}`)),
    );
    const wanted = Array.from({ length: 10 }, (_, i) => job(`new-${i}`));
    const services = wanted.map(
      () =>
        new SubscriptionService({
          store: new DynamoConnectionStore(s.table),
          history: new DynamoHistoryStore(s.table),
          clock,
          settings: { maxTopicsPerConnection: 20 },
        }),
    );
    const results = await Promise.all(
      wanted.map((topic, i) => services[i]?.subscribe(s.connectionId, alice, [topic])),
    );
    const accepted = results.flatMap((r) => (r?.status === 'ok' ? r.accepted : []));
    const rejected = results.flatMap((r) => (r?.status === 'ok' ? r.rejected.map((x) => x.code) : []));
    expect(accepted).toHaveLength(5);
    expect(rejected).toEqual(Array(5).fill('TOO_MANY_TOPICS'));
    const record = await meta(s);
    expect(record?.topics).toHaveLength(20);
    expect(record?.topics).toEqual(expect.arrayContaining(accepted));
    await expectConsistent(s, [...(record?.topics ?? []), ...wanted]);
    // $disconnect finds every row, those added after connect included.
    await s.connections.unregister(s.connectionId);
    await expectConsistent(s, [...(record?.topics ?? []), ...wanted]);
  });
});
