import { describe, expect, it } from 'vitest';
import { topics } from '../../test/support/contract-picks.js';
import type { DeliveryJob } from './model.js';
import { broadcastEnvelope, createWorld, userEnvelope, type World } from './testing/world.js';
import { holdUntilWelcomed, STALE_MARKER_MS } from './welcome-hold.js';

const { openHistory, openDrop } = topics;

/** The kind (and id) of every frame posted to a connection, in order. */
const framesOf = (world: World, connectionId: string): string[] =>
  world.gateway.framesTo(connectionId).map((f) => (f.kind === 'welcome' ? 'welcome' : `${f.kind}:${f.id}`));

describe('messages routed before the welcome', () => {
  it('a user message is held (and kept in the inbox), then posted once, right after the welcome', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    const envelope = userEnvelope();
    const routed = await world.users.route(envelope);
    expect(routed).toMatchObject({ held: 1, delivered: 0, inbox: 'stored', drainJobs: 0 });
    expect(world.gateway.posts).toEqual([]);

    expect(await world.worker.process(job)).toMatchObject({ welcome: true, offlineDelivered: 1 });
    expect(framesOf(world, 'new')).toEqual(['welcome', `user:${envelope.messageId}`]);
    expect(world.held.count('new')).toBe(0);
    expect(world.inbox.size('acme', 'alice')).toBe(0);
  });

  it('a held user message the inbox did not reach the job with is posted from the held row, inbox copy deleted', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    const envelope = userEnvelope();
    // The router runs after the job listed the inbox, before it lists the held rows.
    const list = world.inbox.list.bind(world.inbox);
    world.inbox.list = async (...args) => {
      const items = await list(...args);
      await world.users.route(envelope);
      return items;
    };
    expect(await world.worker.process(job)).toMatchObject({ offlineDelivered: 0, heldDelivered: 1 });
    expect(framesOf(world, 'new')).toEqual(['welcome', `user:${envelope.messageId}`]);
    expect(world.inbox.size('acme', 'alice')).toBe(0);
    expect(world.held.count('new')).toBe(0);
  });

  it('a topic message is held for the unwelcomed subscriber only, and a history replay is not repeated', async () => {
    const world = createWorld();
    await world.open('old', { userId: 'bob' }, [openHistory, openDrop]);
    const { job } = await world.connect('new', {}, [openHistory, openDrop], 0);
    const kept = broadcastEnvelope({ topic: openHistory });
    const dropped = broadcastEnvelope({ topic: openDrop });
    expect(await world.broadcast.route(kept)).toMatchObject({ delivered: 1, held: 1 });
    expect(await world.broadcast.route(dropped)).toMatchObject({ delivered: 1, held: 1 });
    expect(framesOf(world, 'new')).toEqual([]);

    const result = await world.worker.process(job);
    // The history message was replayed from history, so its held copy is taken without a second post.
    expect(result).toMatchObject({ welcome: true, replayed: 1, heldDelivered: 1 });
    expect(framesOf(world, 'new')).toEqual([
      'welcome',
      `topic:${kept.messageId}`,
      `topic:${dropped.messageId}`,
    ]);
    expect(world.held.count('new')).toBe(0);
  });

  it('once welcomed, the connection is posted to directly', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    await world.worker.process(job);
    const later = broadcastEnvelope({ topic: openDrop });
    expect(await world.broadcast.route(later)).toMatchObject({ delivered: 1, held: 0 });
    expect(framesOf(world, 'new')).toEqual(['welcome', `topic:${later.messageId}`]);
  });

  it('race: the welcome job runs between the hold and the meta read — posted once, by the job', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    interleaveBeforeMetaRead(world, 'new', () => world.worker.process(job));
    const envelope = broadcastEnvelope({ topic: openDrop });
    expect(await world.broadcast.route(envelope)).toMatchObject({ delivered: 0, held: 1 });
    expect(framesOf(world, 'new')).toEqual(['welcome', `topic:${envelope.messageId}`]);
  });

  it('race: the welcome job runs right after a user message was held — posted once, no inbox copy left', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    interleaveBeforeMetaRead(world, 'new', () => world.worker.process(job));
    const envelope = userEnvelope();
    expect(await world.users.route(envelope)).toMatchObject({ delivered: 0, held: 1 });
    expect(framesOf(world, 'new')).toEqual(['welcome', `user:${envelope.messageId}`]);
    expect(world.inbox.size('acme', 'alice')).toBe(0);
    expect(world.held.count('new')).toBe(0);
  });

  it('a user message held for one connection and posted to another leaves no inbox copy', async () => {
    const world = createWorld();
    await world.open('old', {}, [openDrop]);
    const { job } = await world.connect('new', {}, [openDrop], 0);
    const envelope = userEnvelope();
    expect(await world.users.route(envelope)).toMatchObject({ delivered: 1, held: 1 });
    expect(world.inbox.size('acme', 'alice')).toBe(0);
    await world.worker.process(job);
    expect(framesOf(world, 'new')).toEqual(['welcome', `user:${envelope.messageId}`]);
  });

  it('race: the router holds after the job listed the held rows — it sees welcomedAt and posts itself, once', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    const envelope = broadcastEnvelope({ topic: openDrop });
    const list = world.held.list.bind(world.held);
    world.held.list = async (...args) => {
      const listed = await list(...args);
      // The router read the rows before the marker was cleared, and holds after this listing.
      await holdUntilWelcomed(world, 'new', { kind: 'topic', envelope }, sourceOf(envelope)).then(
        async (outcome) => {
          expect(outcome).toBe('post');
          await world.gateway.post('new', JSON.stringify({ kind: 'topic', id: envelope.messageId }));
        },
      );
      return listed;
    };
    await world.worker.process(job);
    expect(framesOf(world, 'new')).toEqual(['welcome', `topic:${envelope.messageId}`]);
    expect(world.held.count('new')).toBe(0);
  });

  it('many connections and messages in every order: welcome first on each, every message exactly once', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const world = createWorld();
      const random = mulberry32(seed);
      const jobs: DeliveryJob[] = [];
      for (let i = 0; i < 5; i++) jobs.push((await world.connect(`c${i}`, {}, [openDrop], 0)).job);
      const messages = Array.from({ length: 6 }, (_, i) =>
        i % 2 === 0 ? broadcastEnvelope({ topic: openDrop }) : userEnvelope(),
      );
      const steps: Array<() => Promise<unknown>> = [
        ...jobs.map((job) => () => world.worker.process(job)),
        ...messages.map((m) => () => ('topic' in m ? world.broadcast.route(m) : world.users.route(m))),
      ];
      await Promise.all(shuffle(steps, random).map((step) => step()));
      for (let i = 0; i < 5; i++) {
        const frames = framesOf(world, `c${i}`);
        expect(frames[0]).toBe('welcome');
        const ids = frames.slice(1).map((f) => f.split(':')[1]);
        expect(new Set(ids).size).toBe(ids.length);
        expect(new Set(ids)).toEqual(new Set(messages.map((m) => m.messageId)));
      }
    }
  });

  it('a stale marker (a subscribe that raced the welcome) is cleared by the first router that meets it', async () => {
    const world = createWorld();
    const { job } = await world.connect('new', {}, [openDrop], 0);
    await world.worker.process(job);
    world.clock.advance(STALE_MARKER_MS + 1);
    const row = world.store.topics.get(`acme#${openDrop}`)?.get('new');
    if (row) row.welcomePending = true;
    const envelope = broadcastEnvelope({ topic: openDrop });
    expect(await world.broadcast.route(envelope)).toMatchObject({ delivered: 1, held: 0 });
    expect(world.store.topics.get(`acme#${openDrop}`)?.get('new')?.welcomePending).toBeUndefined();
  });

  it('a connection whose meta row is gone: nothing held, its stale row removed', async () => {
    const world = createWorld();
    await world.connect('gone', {}, [openDrop], 0);
    world.store.meta.delete('gone');
    const envelope = broadcastEnvelope({ topic: openDrop });
    expect(await world.broadcast.route(envelope)).toMatchObject({ gone: 0, held: 0, delivered: 0 });
    expect(world.held.count('gone')).toBe(0);
    expect(world.store.topics.get(`acme#${openDrop}`)?.has('gone')).toBe(false);
  });
});

function sourceOf(envelope: { realm: string; topic: string }) {
  return { kind: 'topic', realm: envelope.realm, topic: envelope.topic } as const;
}

/** Runs `between` after the router wrote its held row, before it reads the meta row. */
function interleaveBeforeMetaRead(world: World, connectionId: string, between: () => Promise<unknown>): void {
  const hold = world.held.hold.bind(world.held);
  let done = false;
  world.held.hold = async (id, message, expiresAt) => {
    await hold(id, message, expiresAt);
    if (id === connectionId && !done) {
      done = true;
      await between();
    }
  };
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}
