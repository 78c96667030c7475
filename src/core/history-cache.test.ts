import { describe, expect, it } from 'vitest';
import { topics } from '../../test/support/contract-picks.js';
import { InvocationHistoryCache } from './history-cache.js';
import type { DeliveryJob } from './model.js';
import type { HistoryStore } from './ports.js';
import { broadcastEnvelope, createWorld, type World } from './testing/world.js';

const { openHistory } = topics;

/** Counts the store's list and head reads behind the world's history. */
function countReads(world: World): { list: number; head: number } {
  const counts = { list: 0, head: 0 };
  const history: HistoryStore = world.history;
  const list = history.list.bind(history);
  const head = history.head.bind(history);
  world.history.list = (...args) => {
    counts.list++;
    return list(...args);
  };
  world.history.head = (...args) => {
    counts.head++;
    return head(...args);
  };
  return counts;
}

async function connectMany(world: World, count: number, prefix: string): Promise<DeliveryJob[]> {
  const jobs: DeliveryJob[] = [];
  for (let i = 0; i < count; i++) jobs.push((await world.connect(`${prefix}${i}`, {}, [openHistory], 0)).job);
  return jobs;
}

describe('history reads cached per invocation', () => {
  it('a batch of connect jobs replaying one topic reads its history once, and every job replays it', async () => {
    const world = createWorld();
    for (let i = 0; i < 3; i++) await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    const jobs = await connectMany(world, 10, 'c');
    const reads = countReads(world);
    const invocation = world.worker.forInvocation();
    const results = await Promise.all(jobs.map((job) => invocation.process(job)));
    expect(results.every((r) => r.welcome && r.replayed === 3)).toBe(true);
    expect(reads.list).toBe(1);
  });

  it('positioned reconnects of one batch share the head and the list too', async () => {
    const world = createWorld();
    const first = broadcastEnvelope({ topic: openHistory });
    await world.broadcast.route(first);
    const [position] = [...(world.history.heads.values() ?? [])];
    if (!position) throw new Error('no stream head');
    await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    const jobs = (await connectMany(world, 5, 's')).map((job) => ({
      ...job,
      since: [{ topic: openHistory, offset: 1, epoch: position.epoch }],
    }));
    const reads = countReads(world);
    const invocation = world.worker.forInvocation();
    const results = await Promise.all(jobs.map((job) => invocation.process(job)));
    // Only the message after offset 1 is replayed to each.
    expect(results.every((r) => r.replayed === 1)).toBe(true);
    expect(reads).toEqual({ list: 1, head: 1 });
  });

  it('is not stale across invocations: a message published between two invocations is replayed by the second', async () => {
    const world = createWorld();
    await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    const [a, b] = await connectMany(world, 2, 'x');
    if (!a || !b) throw new Error('two jobs expected');
    await world.worker.forInvocation().process(a);
    await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    expect(await world.worker.forInvocation().process(b)).toMatchObject({ replayed: 2 });
  });

  it('a message routed after the cache was filled reaches a job of the same invocation once, after its replay', async () => {
    const world = createWorld();
    await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    const [a, b] = await connectMany(world, 2, 'y');
    if (!a || !b) throw new Error('two jobs expected');
    const invocation = world.worker.forInvocation();
    await invocation.process(a);
    const later = broadcastEnvelope({ topic: openHistory });
    // b is not welcomed yet: its router holds the message, and b's job posts it after the cached replay.
    expect(await world.broadcast.route(later)).toMatchObject({ held: 1, delivered: 1 });
    expect(await invocation.process(b)).toMatchObject({ replayed: 1, heldDelivered: 1 });
    const ids = world.gateway.framesTo('y1').map((f) => (f.kind === 'welcome' ? 'welcome' : f.id));
    expect(ids[0]).toBe('welcome');
    expect(ids.at(-1)).toBe(later.messageId);
    expect(ids.filter((id) => id === later.messageId)).toHaveLength(1);
  });

  it('fresh reads bypass the entry and refresh it; writes and failures drop it', async () => {
    const world = createWorld();
    const reads = countReads(world);
    const cache = new InvocationHistoryCache(world.history);
    await cache.list('acme', openHistory, 0, 20);
    await cache.list('acme', openHistory, 0, 20);
    expect(reads.list).toBe(1);
    await cache.list('acme', openHistory, 0, 20, { fresh: true });
    await cache.list('acme', openHistory, 0, 20);
    expect(reads.list).toBe(2);
    await cache.trim('acme', openHistory, 20);
    await cache.list('acme', openHistory, 0, 20);
    expect(reads.list).toBe(3);

    let fail = true;
    const list = world.history.list;
    world.history.list = async (...args) => {
      if (fail) throw new Error('throttled');
      return list(...args);
    };
    await expect(cache.list('acme', 'other', 0, 20)).rejects.toThrow('throttled');
    fail = false;
    await expect(cache.list('acme', 'other', 0, 20)).resolves.toEqual([]);
  });

  it('leaves out rows that expired after the read', async () => {
    const world = createWorld();
    await world.broadcast.route(broadcastEnvelope({ topic: openHistory }));
    const cache = new InvocationHistoryCache(world.history);
    const now = Math.floor(world.clock.now() / 1000);
    const [item] = await cache.list('acme', openHistory, now, 20);
    if (!item) throw new Error('one history item expected');
    expect(await cache.list('acme', openHistory, item.expiresAt, 20)).toEqual([]);
  });
});
