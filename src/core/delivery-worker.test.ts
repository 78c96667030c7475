import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { topics as contractTopics } from '../../test/support/contract-picks.js';
import { WELCOME_OPEN_WAITS_MS } from './delivery-worker.js';
import { RetryLaterError } from './errors.js';
import { broadcastEnvelope, createWorld, userEnvelope } from './testing/world.js';

const { openHistory: open1, openDrop: open2, gated } = contractTopics;

async function worldWithBacklog(secondsAgo = 60) {
  const world = createWorld();
  for (const [id, at] of [
    ['n2', '2026-11-27T09:20:00Z'],
    ['n1', '2026-11-27T09:10:00Z'],
    ['n3', '2026-11-27T09:30:00Z'],
  ] as const) {
    await world.users.route(userEnvelope({ messageId: id, publishedAt: at }));
  }
  await world.broadcast.route(broadcastEnvelope({ messageId: 'h1', publishedAt: '2026-11-27T09:00:00Z' }));
  await world.broadcast.route(broadcastEnvelope({ messageId: 'other', realm: 'otherrealm' }));
  const { job } = await world.connect('c1', {}, [open1, open2, gated], secondsAgo);
  return { world, job };
}

describe('DeliveryWorker.process', () => {
  it('sends welcome, then topic history (replayed), then the inbox in publish order (offline), emptying it', async () => {
    const { world, job } = await worldWithBacklog();
    const result = await world.worker.process(job);
    expect(result).toEqual({
      status: 'delivered',
      welcome: true,
      replayed: 1,
      offlineDelivered: 3,
      offlineDropped: 0,
      heldDelivered: 0,
    });
    expect(world.inbox.deleteBatches).toEqual([3]);
    const frames = world.gateway.framesTo('c1');
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'topic', 'user', 'user', 'user']);
    const [welcome, replay, ...offline] = frames;
    expect(welcome).toMatchObject({
      connectionId: 'c1',
      accepted: [open1, open2],
      rejected: [{ topic: gated, code: 'FORBIDDEN_TOPIC' }],
      pendingOffline: 3,
      serverTime: '2026-11-27T10:00:00.000Z',
    });
    expect(validators.WelcomeFrame(welcome).ok).toBe(true);
    expect(replay).toMatchObject({ id: 'h1', replayed: true });
    expect(validators.TopicMessageFrame(replay).ok).toBe(true);
    expect(offline.map((f) => f.id)).toEqual(['n1', 'n2', 'n3']);
    expect(offline.every((f) => f.offline === true && validators.UserMessageFrame(f).ok)).toBe(true);
    expect(world.inbox.size('acme', 'alice')).toBe(0);
  });

  it('announces the configured gateway limits in the welcome, not the contract defaults', async () => {
    const world = createWorld({ idleTimeoutSeconds: 5, maxConnectionSeconds: 30 });
    const { job } = await world.connect('c1');
    await world.worker.process(job);
    const [welcome] = world.gateway.framesTo('c1');
    expect(welcome?.limits).toEqual({
      idleTimeoutSeconds: 5,
      maxConnectionSeconds: 30,
      connectionTtlSeconds: 7800,
    });
    expect(validators.WelcomeFrame(welcome).ok).toBe(true);
  });

  it('a connection not open yet: retry later, nothing deleted', async () => {
    const { world, job } = await worldWithBacklog(2);
    world.gateway.script('c1', 'gone');
    await expect(world.worker.process(job)).rejects.toBeInstanceOf(RetryLaterError);
    expect(world.inbox.size('acme', 'alice')).toBe(3);
    expect(world.store.meta.has('c1')).toBe(true);
  });

  it('a connection gone for good: the job completes and the inbox stays intact for the next connection', async () => {
    const { world, job } = await worldWithBacklog(120);
    world.gateway.script('c1', 'gone');
    expect(await world.worker.process(job)).toMatchObject({ status: 'gone', welcome: false });
    expect(world.inbox.size('acme', 'alice')).toBe(3);
    expect(world.store.meta.has('c1')).toBe(false);
  });

  it('deletes an inbox item only after its post succeeded', async () => {
    const { world, job } = await worldWithBacklog(120);
    // welcome ok, history ok, n1 ok, then the socket goes away
    world.gateway.script('c1', 'ok', 'ok', 'ok', 'gone');
    expect(await world.worker.process(job)).toMatchObject({ status: 'gone', offlineDelivered: 1 });
    const left = await world.inbox.list('acme', 'alice', Math.floor(world.clock.now() / 1000), 10);
    expect(left.map((i) => i.messageId)).toEqual(['n2', 'n3']);
  });

  it('a still-throttled connection is retried later', async () => {
    const { world, job } = await worldWithBacklog();
    world.gateway.script('c1', 'throttled');
    await expect(world.worker.process(job)).rejects.toBeInstanceOf(RetryLaterError);
  });

  it('a job whose connection rows are gone completes without posting', async () => {
    const { world, job } = await worldWithBacklog();
    await world.connections.unregister('c1');
    expect(await world.worker.process(job)).toMatchObject({ status: 'gone' });
    expect(world.gateway.posts).toEqual([]);
    expect(world.inbox.size('acme', 'alice')).toBe(3);
  });

  it('a retried connect job whose welcome and history went out goes straight to the inbox', async () => {
    const { world, job } = await worldWithBacklog();
    // welcome ok, history ok, n1 throttled for good → retry later
    world.gateway.script('c1', 'ok', 'ok', 'throttled');
    await expect(world.worker.process(job)).rejects.toMatchObject({ reason: 'throttled' });
    world.gateway.script('c1', 'ok');
    expect(await world.worker.process(job)).toMatchObject({
      welcome: false,
      replayed: 0,
      offlineDelivered: 3,
    });
    expect(world.gateway.framesTo('c1').map((f) => f.kind)).toEqual([
      'welcome',
      'topic',
      'user',
      'user',
      'user',
    ]);
  });

  it('a drain job no longer waits for a welcome once the connection is older than the grace + 60 s', async () => {
    const { world, job } = await worldWithBacklog(120);
    const { connectionId, userId, realm, correlationId } = job;
    const result = await world.worker.process({
      reason: 'drain',
      connectionId,
      userId,
      realm,
      correlationId,
    });
    expect(result).toMatchObject({ welcome: false, offlineDelivered: 3 });
  });

  it('a failure to record the welcome fails the job (routers hold until it is recorded), inbox intact', async () => {
    const { world, job } = await worldWithBacklog();
    world.store.markWelcomed = async () => {
      throw new Error('AccessDenied');
    };
    await expect(world.worker.process(job)).rejects.toThrow('AccessDenied');
    expect(world.inbox.size('acme', 'alice')).toBe(3);
  });

  it('waits for a connection still in $connect (410 within the grace) and sends the welcome once it opens', async () => {
    const world = createWorld();
    const { job } = await world.connect('c1', {}, [open1], 0);
    world.gateway.script('c1', 'gone', 'gone', 'gone', 'ok');
    expect(await world.worker.process(job)).toMatchObject({ status: 'delivered', welcome: true });
    expect(world.sleep.delays).toEqual(WELCOME_OPEN_WAITS_MS.slice(0, 3));
    expect(world.gateway.framesTo('c1').map((f) => f.kind)).toEqual(['welcome']);
  });

  it('leaves the job to SQS once the connection stayed in $connect through every wait', async () => {
    const world = createWorld();
    const { job } = await world.connect('c1', {}, [open1], 0);
    world.gateway.script('c1', 'gone');
    await expect(world.worker.process(job)).rejects.toMatchObject({ reason: 'not-open' });
    expect(world.sleep.delays).toEqual(WELCOME_OPEN_WAITS_MS);
    expect(world.store.meta.get('c1')?.welcomedAt).toBeUndefined();
  });
});
