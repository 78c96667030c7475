import { describe, expect, it } from 'vitest';
import { topics as contractTopics } from '../../test/support/contract-picks.js';
import { ConnectionPostError } from './errors.js';
import { broadcastEnvelope, createWorld } from './testing/world.js';

const { openHistory: open1, openDrop: open2 } = contractTopics;

describe('BroadcastService.route', () => {
  it('a publisher retrying a messageId (new publishedAt): one history row, one post, for any topic', async () => {
    const world = createWorld();
    await world.open('sub', {}, [open1, open2]);
    for (const topic of [open1, open2]) {
      const first = broadcastEnvelope({ topic, messageId: `retry-${topic}` });
      const retry = { ...first, publishedAt: '2026-11-27T09:59:05.000Z', correlationId: 'c-retry' };
      expect(await world.broadcast.route(first)).toMatchObject({ delivered: 1, repeat: 'no' });
      expect(await world.broadcast.route(retry)).toMatchObject({ delivered: 0, repeat: 'dropped' });
      expect(world.gateway.posts.filter((p) => p.data.includes(`retry-${topic}`))).toHaveLength(1);
    }
    expect(world.history.log.partitions.get(`acme#${open1}`)?.size).toBe(1);
  });

  it('a repeat while the first publish is unfinished keeps the first publishedAt: the same history row', async () => {
    const world = createWorld();
    const first = broadcastEnvelope({ messageId: 'half-way' });
    await world.messageIds.claim(`topic#acme#${open1}`, 'half-way', first.publishedAt, 2_000_000_000, 0);
    const retry = { ...first, publishedAt: '2026-11-27T09:59:09.000Z' };
    expect(await world.broadcast.route(retry)).toMatchObject({
      repeat: 'handled-as-first',
      historyStored: true,
    });
    const rows = await world.history.list('acme', open1, 0, 10);
    expect(rows.map((r) => r.publishedAt)).toEqual([first.publishedAt]);
  });

  it('posts only to subscribers of the topic in the envelope realm (realm isolation)', async () => {
    const world = createWorld();
    await world.open('acme-1', {}, [open1]);
    await world.open('acme-2', { userId: 'bob' }, [open2]);
    await world.open('other-1', { realm: 'otherrealm' }, [open1]);
    const envelope = broadcastEnvelope();
    const result = await world.broadcast.route(envelope);
    expect(result).toMatchObject({ audience: 1, delivered: 1, gone: 0, shards: 0 });
    expect(world.gateway.posts.map((p) => p.connectionId)).toEqual(['acme-1']);
    expect(world.gateway.framesTo('acme-1')).toEqual([
      {
        kind: 'topic',
        id: envelope.messageId,
        topic: open1,
        publishedAt: envelope.publishedAt,
        correlationId: envelope.correlationId,
        offset: 1,
        epoch: 'epoch1',
        payload: envelope.payload,
      },
    ]);
  });

  it('ignores expired rows that TTL has not deleted yet', async () => {
    const world = createWorld();
    await world.open('old');
    world.clock.advance(7801_000);
    await world.open('new');
    const result = await world.broadcast.route(broadcastEnvelope());
    expect(result.audience).toBe(1);
    expect(world.gateway.posts.map((p) => p.connectionId)).toEqual(['new']);
  });

  it('410 deletes the stale connection rows and never another connection', async () => {
    const world = createWorld();
    await world.open('stale', { userId: 'bob' }, [open1, open2]);
    await world.open('live', {}, [open1]);
    world.gateway.script('stale', 'gone');
    const result = await world.broadcast.route(broadcastEnvelope());
    expect(result).toMatchObject({ delivered: 1, gone: 1 });
    expect(world.store.meta.has('stale')).toBe(false);
    expect(world.store.topics.get(`acme#${open2}`)?.has('stale')).toBe(false);
    expect(world.store.users.get('acme#bob')?.has('stale')).toBe(false);
    expect(world.store.meta.has('live')).toBe(true);
    expect(world.store.topics.get(`acme#${open1}`)?.has('live')).toBe(true);
  });

  it('410 from a connection still inside its connecting grace keeps its rows', async () => {
    const world = createWorld();
    await world.open('joining', {}, [open1], 2);
    world.gateway.script('joining', 'gone');
    const result = await world.broadcast.route(broadcastEnvelope());
    expect(result).toMatchObject({ delivered: 0, gone: 0, connecting: 1 });
    expect(world.store.meta.has('joining')).toBe(true);
  });

  it('410 for a topic row whose meta row is gone deletes that topic row', async () => {
    const world = createWorld();
    await world.open('orphan');
    world.store.meta.delete('orphan');
    world.gateway.script('orphan', 'gone');
    await world.broadcast.route(broadcastEnvelope());
    expect(world.store.topics.get(`acme#${open1}`)?.has('orphan')).toBe(false);
  });

  it('retries 429 with jittered backoff and then delivers', async () => {
    const world = createWorld();
    await world.open('busy');
    world.gateway.script('busy', 'throttled', 'throttled', 'ok');
    const result = await world.broadcast.route(broadcastEnvelope());
    expect(result).toMatchObject({ delivered: 1, throttled: 0 });
    // full jitter with random() = 0.5: 0.5 * min(1000, 50 * 2^attempt)
    expect(world.sleep.delays).toEqual([25, 50]);
  });

  it('counts a connection still throttled after the retries, and a failing one, without failing the others', async () => {
    const world = createWorld();
    await world.open('busy');
    await world.open('broken');
    await world.open('fine');
    world.gateway.script('busy', 'throttled');
    world.gateway.script('broken', new ConnectionPostError('broken', 500));
    const envelope = broadcastEnvelope();
    const result = await world.broadcast.route(envelope);
    expect(result).toMatchObject({ delivered: 1, throttled: 1, failed: 1, retried: 2 });
    expect(world.sleep.delays).toHaveLength(3);
    // The unreachable connections are never dropped: one delayed retry job carries exactly them.
    expect(world.fanoutQueue.sent).toHaveLength(1);
    const [retry] = world.fanoutQueue.sent;
    expect(retry?.delaySeconds).toBe(2);
    expect(retry?.job).toMatchObject({ shard: 0, shards: 1, envelope, attempt: 1 });
    expect([...(retry?.job.connectionIds ?? [])].sort()).toEqual(['broken', 'busy']);
  });

  it('a retry job posts only to the connections it carries and retries again with a longer delay', async () => {
    const world = createWorld();
    await world.open('flaky');
    await world.open('fine');
    world.gateway.script('flaky', new ConnectionPostError('flaky', 500));
    const envelope = broadcastEnvelope();
    const job = { shard: 0, shards: 1, connectionIds: ['flaky'], envelope, attempt: 2 };
    const shard = await world.broadcast.runShardJob(job, Number.POSITIVE_INFINITY);
    expect(shard).toMatchObject({ failed: 1, retried: 1, deferred: 0 });
    expect(world.gateway.framesTo('fine')).toEqual([]);
    expect(world.fanoutQueue.sent).toEqual([
      { job: { shard: 0, shards: 1, connectionIds: ['flaky'], envelope, attempt: 3 }, delaySeconds: 8 },
    ]);
  });

  it('starts no post after the deadline and hands those connections to an immediate job, same attempt', async () => {
    const world = createWorld({ concurrency: 1 });
    for (const id of ['d1', 'd2', 'd3', 'd4']) await world.open(id);
    const stopAt = world.clock.now() + 2500;
    // Each post takes a second of the worker's time: d1, d2 and d3 start before the deadline, d4 would not.
    const original = world.gateway.post.bind(world.gateway);
    world.gateway.post = async (id, data) => {
      const outcome = await original(id, data);
      world.clock.advance(1000);
      return outcome;
    };
    const envelope = broadcastEnvelope();
    const job = { shard: 0, shards: 1, connectionIds: ['d1', 'd2', 'd3', 'd4'], envelope, attempt: 2 };
    const shard = await world.broadcast.runShardJob(job, stopAt);
    expect(shard).toMatchObject({ delivered: 3, deferred: 1, retried: 0 });
    expect(world.gateway.framesTo('d4')).toEqual([]);
    expect(world.fanoutQueue.sent).toEqual([
      { job: { shard: 0, shards: 1, connectionIds: ['d4'], envelope, attempt: 2 }, delaySeconds: undefined },
    ]);
  });

  it('with the deadline already passed, posts nothing and defers everyone', async () => {
    const world = createWorld();
    await world.open('late');
    const envelope = broadcastEnvelope();
    const job = { shard: 0, shards: 1, connectionIds: ['late'], envelope };
    const shard = await world.broadcast.runShardJob(job, world.clock.now());
    expect(shard).toMatchObject({ delivered: 0, deferred: 1 });
    expect(world.gateway.posts).toEqual([]);
    expect(world.fanoutQueue.jobs()).toEqual([{ ...job, attempt: 0 }]);
  });

  it('fails after the last retry attempt so the job is kept by the DLQ, and sends nothing more', async () => {
    const world = createWorld();
    await world.open('lost');
    world.gateway.script('lost', new ConnectionPostError('lost', 500));
    const job = { shard: 0, shards: 1, connectionIds: ['lost'], envelope: broadcastEnvelope(), attempt: 5 };
    await expect(world.broadcast.runShardJob(job, Number.POSITIVE_INFINITY)).rejects.toThrow(
      /still unreachable after 5 retry attempts/,
    );
    expect(world.fanoutQueue.sent).toEqual([]);
  });

  it('fails the invocation when the retry job cannot be enqueued (SNS retries the broadcast)', async () => {
    const world = createWorld();
    await world.open('broken');
    world.gateway.script('broken', new ConnectionPostError('broken', 500));
    world.fanoutQueue.failNext = new Error('SQS down');
    await expect(world.broadcast.route(broadcastEnvelope())).rejects.toThrow('SQS down');
  });

  it('bounds the posts in flight', async () => {
    const world = createWorld({ concurrency: 3 });
    for (let i = 0; i < 20; i++) await world.open(`c${i}`);
    let inFlight = 0;
    let peak = 0;
    const original = world.gateway.post.bind(world.gateway);
    world.gateway.post = async (id, data) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      return original(id, data);
    };
    const result = await world.broadcast.route(broadcastEnvelope());
    expect(result.delivered).toBe(20);
    expect(peak).toBe(3);
  });

  it('splits an audience above the threshold into fan-out jobs instead of posting', async () => {
    const world = createWorld({ shardThreshold: 5, shardSize: 4 });
    for (let i = 0; i < 10; i++) await world.open(`c${String(i).padStart(2, '0')}`);
    const envelope = broadcastEnvelope();
    const result = await world.broadcast.route(envelope);
    expect(result).toMatchObject({ audience: 10, shards: 3, delivered: 0 });
    expect(world.gateway.posts).toEqual([]);
    const jobs = world.fanoutQueue.jobs();
    // Streamed: the first page (more than the threshold, in whole shards: 8 rows) makes shards 0 and 1, the
    // next page (shardSize rows) shard 2; the total is not known when a shard is sent.
    expect(jobs.map((j) => [j.partition, j.shard, j.shards, j.connectionIds.length])).toEqual([
      [0, 0, undefined, 4],
      [0, 1, undefined, 4],
      [0, 2, undefined, 2],
    ]);
    expect(new Set(jobs.flatMap((j) => j.connectionIds)).size).toBe(10);
    expect(jobs[0]?.envelope).toEqual(envelope);

    const shard = await world.broadcast.runShardJob(jobs[2]!, Number.POSITIVE_INFINITY);
    expect(shard).toMatchObject({ delivered: 2, retried: 0, deferred: 0 });
  });

  it('keeps topic history only for topics with offline.policy history, bounded by historySize', async () => {
    const world = createWorld();
    const jobs = await world.broadcast.route(broadcastEnvelope({ topic: open2, payload: {} }));
    expect(jobs.historyStored).toBe(false);
    for (let i = 0; i < 25; i++) {
      const second = String(i).padStart(2, '0');
      await world.broadcast.route(broadcastEnvelope({ publishedAt: `2026-11-27T09:00:${second}Z` }));
    }
    const kept = await world.history.list('acme', open1, Math.floor(world.clock.now() / 1000), 100);
    expect(kept).toHaveLength(20);
    expect(kept[0]?.publishedAt).toBe('2026-11-27T09:00:05.000Z');
    expect(kept[19]?.publishedAt).toBe('2026-11-27T09:00:24.000Z');
    expect(world.history.log.partitions.get(`acme#${open2}`)).toBeUndefined();
  });
});
