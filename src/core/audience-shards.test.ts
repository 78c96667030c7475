/**
 * Huge audiences (issue #17 item 3): the router streams pages into shard jobs, a router retried by SNS sends no
 * page twice and misses no one, and an envelope too large for every shard job is stored once and referenced.
 */
import { describe, expect, it } from 'vitest';
import { topics } from '../../test/support/contract-picks.js';
import { BroadcastIncompleteError, StoredEnvelopeMissingError } from './errors.js';
import { topicScope } from './message-ids.js';
import type { FanoutJob } from './model.js';
import type { SubscriberPageRange } from './ports.js';
import { broadcastEnvelope, createWorld } from './testing/world.js';

const id = (i: number): string => `c${String(i).padStart(4, '0')}=`;

/** A world whose audience reads cost `msPerPage` of (manual) clock time each, 3 partitions. */
async function sharding(audience: number, options: { msPerPage?: number; inline?: number } = {}) {
  const world = createWorld({
    shardThreshold: 5,
    shardSize: 4,
    ...(options.inline === undefined ? {} : { inlineEnvelopeMaxBytes: options.inline }),
  });
  world.store.partitionCount = 3;
  // Welcomed subscribers (a subscriber not welcomed yet gets the message held for its welcome job instead).
  for (let i = 0; i < audience; i++) await welcomed(world, id(i));
  const read = world.store.readTopicSubscriberPage.bind(world.store);
  world.store.readTopicSubscriberPage = async (
    realm: string,
    topic: string,
    partition: number,
    now: number,
    range: SubscriberPageRange,
  ) => {
    world.clock.current += options.msPerPage ?? 0;
    return read(realm, topic, partition, now, range);
  };
  return world;
}

async function welcomed(world: ReturnType<typeof createWorld>, connectionId: string): Promise<void> {
  await world.connect(connectionId, { userId: `u-${connectionId}` }, [topics.openHistory]);
  await world.store.markWelcomed(connectionId, world.clock.now());
}

const shardIds = (jobs: readonly FanoutJob[]): string[] => jobs.flatMap((j) => j.connectionIds);

describe('streamed shards', () => {
  it('sends every page as shard jobs as it reads them, each subscriber in exactly one job', async () => {
    const world = await sharding(50);
    const envelope = broadcastEnvelope({ messageId: 'stream-1' });
    const result = await world.broadcast.route(envelope);
    const jobs = world.fanoutQueue.jobs();
    expect(result).toMatchObject({ audience: 50, shards: jobs.length, delivered: 0 });
    expect(shardIds(jobs).sort()).toEqual(Array.from({ length: 50 }, (_, i) => id(i)));
    expect(jobs.every((j) => j.connectionIds.length <= 4 && j.envelope?.messageId === 'stream-1')).toBe(true);
    // Every partition is read page by page: the first page probes, each later one starts where it ended.
    expect(new Set(jobs.map((j) => j.partition))).toEqual(new Set([0, 1, 2]));
    expect(new Set(jobs.map((j) => `${j.partition}:${j.shard}`)).size).toBe(jobs.length);
  });

  it('out of time: throws after claiming what it sent; the retry sends only the rest, nobody twice', async () => {
    const world = await sharding(60, { msPerPage: 1_000 });
    const envelope = broadcastEnvelope({ messageId: 'deadline' });
    const stopAt = world.clock.now() + 4_500;
    await expect(world.broadcast.route(envelope, { stopAt })).rejects.toBeInstanceOf(
      BroadcastIncompleteError,
    );
    const first = shardIds(world.fanoutQueue.jobs());
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(60);
    const sentBefore = world.fanoutQueue.jobs().length;
    // SNS retries the invocation (same envelope): claimed pages are skipped without being read again.
    const readsBefore = world.store.pageReads.length;
    const claimed = await world.shardClaims.list(topicScope('acme', envelope.topic), 'deadline');
    const retry = await world.broadcast.route(envelope);
    const all = shardIds(world.fanoutQueue.jobs());
    expect(all.sort()).toEqual(Array.from({ length: 60 }, (_, i) => id(i)));
    expect(new Set(all).size).toBe(all.length);
    // No page the first handling sent is read again: no read of the retry starts where a claimed page starts.
    const retryReads = world.store.pageReads.slice(readsBefore);
    expect(claimed.length).toBeGreaterThan(0);
    for (const read of retryReads) {
      expect(claimed.some((c) => c.partition === read.partition && c.after === (read.after ?? ''))).toBe(
        false,
      );
    }
    expect(world.fanoutQueue.jobs().length - sentBefore).toBe(retry.shards);
    const keys = world.fanoutQueue.jobs().map((j) => `${j.partition}:${j.shard}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('a retry after connections came and went reads only the unsent gaps, bounded by the sent pages', async () => {
    const world = await sharding(60, { msPerPage: 1_000 });
    const envelope = broadcastEnvelope({ messageId: 'churn' });
    await expect(
      world.broadcast.route(envelope, { stopAt: world.clock.now() + 4_500 }),
    ).rejects.toBeInstanceOf(BroadcastIncompleteError);
    const sent = new Set(shardIds(world.fanoutQueue.jobs()));
    // Between the handlings: new connections sort into sent and unsent ranges, and one sent subscriber leaves.
    for (const extra of ['c0000a=', 'c0030a=', 'c0059a=']) await welcomed(world, extra);
    const before = world.fanoutQueue.jobs().length;
    await world.broadcast.route(envelope);
    const retried = shardIds(world.fanoutQueue.jobs().slice(before));
    // Nobody already sent is sent again; every subscriber of an unsent range is.
    expect(retried.filter((c) => sent.has(c))).toEqual([]);
    const original = Array.from({ length: 60 }, (_, i) => id(i));
    expect(original.filter((c) => !sent.has(c)).every((c) => retried.includes(c))).toBe(true);
  });

  it('a send that fails half-way fails the routing; the retry sends the failed page and nothing else again', async () => {
    const world = await sharding(40);
    const envelope = broadcastEnvelope({ messageId: 'send-fails' });
    const sendAll = world.fanoutQueue.sendAll.bind(world.fanoutQueue);
    let calls = 0;
    world.fanoutQueue.sendAll = async (jobs) => {
      if (++calls === 3) throw new Error('SQS unavailable');
      return sendAll(jobs);
    };
    await expect(world.broadcast.route(envelope)).rejects.toThrow('SQS unavailable');
    const firstIds = shardIds(world.fanoutQueue.jobs());
    await world.broadcast.route(envelope);
    const all = shardIds(world.fanoutQueue.jobs());
    expect(new Set(all).size).toBe(all.length);
    expect(all.sort()).toEqual(Array.from({ length: 40 }, (_, i) => id(i)));
    expect(firstIds.length).toBeLessThan(40);
  });

  it('a send SQS takes only part of fails the routing; the retry sends only the jobs not taken', async () => {
    // The probe's first page of a partition holds 8 ids, two shard jobs: SQS takes the first and refuses the
    // second (a SendMessageBatch entry in Failed). Nothing SQS took may go out again.
    const world = await sharding(40);
    const envelope = broadcastEnvelope({ messageId: 'partial-send' });
    const sendAll = world.fanoutQueue.sendAll.bind(world.fanoutQueue);
    let refused = 0;
    world.fanoutQueue.sendAll = async (jobs) => {
      const refuse = refused === 0 && jobs.some((j) => j.shard === 1 && j.partition === 0);
      if (!refuse) return sendAll(jobs);
      refused++;
      await sendAll(jobs.filter((j) => !(j.shard === 1 && j.partition === 0)));
      throw new Error('1 message(s) not accepted by the fan-out queue');
    };
    await expect(world.broadcast.route(envelope)).rejects.toThrow('not accepted');
    expect(refused).toBe(1);
    await world.broadcast.route(envelope);
    const all = shardIds(world.fanoutQueue.jobs());
    expect(all.length - new Set(all).size).toBe(0);
    expect(all.sort()).toEqual(Array.from({ length: 40 }, (_, i) => id(i)));
  });

  it('a crash between a send and its claim re-sends that one shard job only (the documented bound)', async () => {
    const world = await sharding(40);
    const envelope = broadcastEnvelope({ messageId: 'claim-lost' });
    world.shardClaims.failNextClaims = 1;
    await expect(world.broadcast.route(envelope)).rejects.toThrow('injected claim failure');
    const first = world.fanoutQueue.jobs().length;
    await world.broadcast.route(envelope);
    const all = shardIds(world.fanoutQueue.jobs());
    const twice = all.length - new Set(all).size;
    expect(new Set(all).size).toBe(40);
    // At most one shard job's ids (4) went out twice: each job is claimed on its own.
    expect(twice).toBeGreaterThan(0);
    expect(twice).toBeLessThanOrEqual(4);
    expect(world.fanoutQueue.jobs().length).toBeGreaterThan(first);
  });

  it('a small audience is still posted by the router itself', async () => {
    const world = await sharding(5);
    const result = await world.broadcast.route(broadcastEnvelope({ messageId: 'small' }));
    expect(result).toMatchObject({ audience: 5, shards: 0, delivered: 5 });
    expect(world.fanoutQueue.jobs()).toEqual([]);
  });
});

describe('large envelopes', () => {
  it('an envelope over the inline limit is stored once; shard jobs carry its reference, workers post it', async () => {
    const world = await sharding(30, { inline: 200 });
    const envelope = broadcastEnvelope({ messageId: 'big-1' });
    envelope.payload = { ...envelope.payload, body: 'x'.repeat(500) };
    await world.broadcast.route(envelope);
    const jobs = world.fanoutQueue.jobs();
    expect(world.envelopes.items.size).toBe(1);
    expect(jobs.every((j) => j.envelope === undefined && j.storedEnvelope?.messageId === 'big-1')).toBe(true);
    expect(jobs[0]?.storedEnvelope).toEqual({
      realm: envelope.realm,
      topic: envelope.topic,
      messageId: 'big-1',
      correlationId: envelope.correlationId,
    });
    for (const job of jobs) await world.broadcast.runShardJob(job, world.clock.now() + 60_000);
    const posted = world.gateway.posts.filter((p) => p.data.includes('big-1'));
    expect(posted).toHaveLength(30);
    expect(posted.every((p) => p.data.includes('x'.repeat(500)))).toBe(true);
    // Read once per environment, not once per job.
    expect(world.envelopes.gets).toBe(1);
  });

  it('retry and continuation jobs of a stored envelope keep referencing it', async () => {
    const world = await sharding(0, { inline: 200 });
    const envelope = broadcastEnvelope({ messageId: 'big-2' });
    envelope.payload = { ...envelope.payload, body: 'y'.repeat(500) };
    await world.envelopes.put(envelope, 2_000_000_000);
    const job: FanoutJob = {
      shard: 0,
      connectionIds: ['gone-later='],
      storedEnvelope: { realm: 'acme', topic: envelope.topic, messageId: 'big-2', correlationId: 'c' },
    };
    // No time left: the connection is handed to a continuation job, which references the stored envelope.
    await world.broadcast.runShardJob(job, world.clock.now() - 1);
    const [continued] = world.fanoutQueue.jobs();
    expect(continued?.envelope).toBeUndefined();
    expect(continued?.storedEnvelope?.messageId).toBe('big-2');
  });

  it('a shard job whose stored envelope is gone fails (retried, then the DLQ), posting nothing', async () => {
    const world = await sharding(0);
    const job: FanoutJob = {
      shard: 0,
      connectionIds: ['x='],
      storedEnvelope: {
        realm: 'acme',
        topic: topics.openHistory,
        messageId: 'never-stored',
        correlationId: 'c',
      },
    };
    await expect(world.broadcast.runShardJob(job, world.clock.now() + 60_000)).rejects.toBeInstanceOf(
      StoredEnvelopeMissingError,
    );
    expect(world.gateway.posts).toEqual([]);
  });
});
