import { describe, expect, it } from 'vitest';
import { type UserMessageTypeName, userMessageRegistry, userMessageTypes } from '../../generated/index.js';
import {
  topics as contractTopics,
  otherUserMessageType,
  userMessageExample,
} from '../../test/support/contract-picks.js';
import { ConnectionPostError } from './errors.js';
import { createWorld, userEnvelope } from './testing/world.js';

const { openHistory: open1 } = contractTopics;
const retentionDays = (type: UserMessageTypeName): number => userMessageRegistry[type].retentionDays;
/** The user message type the contract keeps longest offline. */
const longestKept = [...userMessageTypes].sort(
  (a, b) => retentionDays(b) - retentionDays(a),
)[0] as UserMessageTypeName;

const nowSeconds = (ms: number) => Math.floor(ms / 1000);

describe('UserDeliveryService.route', () => {
  it('posts to every live connection of the user and stores nothing', async () => {
    const world = createWorld();
    await world.open('phone');
    await world.open('laptop');
    await world.open('bob-1', { userId: 'bob' });
    await world.open('other-realm', { realm: 'otherrealm' });
    const envelope = userEnvelope();
    const result = await world.users.route(envelope);
    expect(result).toMatchObject({ connections: 2, delivered: 2, inbox: 'not-needed', drainJobs: 0 });
    expect(world.gateway.posts.map((p) => p.connectionId).sort()).toEqual(['laptop', 'phone']);
    expect(world.gateway.framesTo('phone')[0]).toEqual({
      kind: 'user',
      id: envelope.messageId,
      type: envelope.type,
      publishedAt: envelope.publishedAt,
      correlationId: envelope.correlationId,
      payload: envelope.payload,
    });
    expect(world.inbox.size('acme', 'alice')).toBe(0);
  });

  it('stores the message in the inbox when the user has no connection, expiring after the type retention', async () => {
    const world = createWorld();
    const type = otherUserMessageType;
    const envelope = userEnvelope({
      type,
      publishedAt: '2026-11-27T09:00:00Z',
      payload: userMessageExample(type),
    });
    const result = await world.users.route(envelope);
    expect(result).toMatchObject({ connections: 0, inbox: 'stored' });
    const [item] = await world.inbox.list('acme', 'alice', nowSeconds(world.clock.now()), 10);
    expect(item?.envelope).toEqual(envelope);
    expect(item?.expiresAt).toBe(
      nowSeconds(Date.parse('2026-11-27T09:00:00Z')) + retentionDays(type) * 86_400,
    );
  });

  it('caps the inbox expiry at OFFLINE_RETENTION_MAX_DAYS when the stack sets a shorter one', async () => {
    const published = '2026-11-27T09:00:00Z';
    const capped = createWorld({ offlineRetentionMaxDays: 1 });
    // The type kept longest (7 days in the contract today) is cut to 1 day by the cap.
    expect(retentionDays(longestKept)).toBeGreaterThan(1);
    await capped.users.route(
      userEnvelope({ type: longestKept, publishedAt: published, payload: userMessageExample(longestKept) }),
    );
    const [short] = await capped.inbox.list('acme', 'alice', nowSeconds(capped.clock.now()), 10);
    expect(short?.expiresAt).toBe(nowSeconds(Date.parse(published)) + 1 * 86_400);

    // A cap above the type's retention changes nothing: min(retention, 30) = retention.
    expect(retentionDays(longestKept)).toBeLessThan(30);
    const loose = createWorld({ offlineRetentionMaxDays: 30 });
    await loose.users.route(
      userEnvelope({ type: longestKept, publishedAt: published, payload: userMessageExample(longestKept) }),
    );
    const [kept] = await loose.inbox.list('acme', 'alice', nowSeconds(loose.clock.now()), 10);
    expect(kept?.expiresAt).toBe(nowSeconds(Date.parse(published)) + retentionDays(longestKept) * 86_400);
  });

  it('refuses to store a message of a type the contract does not define (no made-up retention)', async () => {
    const world = createWorld();
    await expect(world.users.route(userEnvelope({ type: 'no-such-type' }))).rejects.toThrow(
      /unknown user message type "no-such-type"/,
    );
    expect(world.inbox.size('acme', 'alice')).toBe(0);
  });

  it('does not store a message whose retention already passed', async () => {
    const world = createWorld();
    const result = await world.users.route(userEnvelope({ publishedAt: '2026-11-01T00:00:00Z' }));
    expect(result.inbox).toBe('expired');
    expect(world.inbox.size('acme', 'alice')).toBe(0);
  });

  it('a duplicate delivery of the same message stores one inbox row', async () => {
    const world = createWorld();
    const envelope = userEnvelope();
    expect((await world.users.route(envelope)).inbox).toBe('stored');
    expect((await world.users.route(structuredClone(envelope))).repeat).toBe('dropped');
    expect(world.inbox.size('acme', 'alice')).toBe(1);
  });

  it('a publisher retrying with the same messageId (new publishedAt) stores one row and posts once', async () => {
    const world = createWorld();
    const first = userEnvelope({ messageId: 'retry-456', publishedAt: '2026-11-27T09:59:00.000Z' });
    const retry = { ...first, publishedAt: '2026-11-27T09:59:03.000Z', correlationId: 'c-retry' };
    await world.users.route(first);
    expect(await world.users.route(retry)).toMatchObject({ repeat: 'dropped', delivered: 0 });
    expect(world.inbox.size('acme', 'alice')).toBe(1);

    await world.open('live');
    const online = { ...first, messageId: 'retry-789' };
    expect(await world.users.route(online)).toMatchObject({ delivered: 1, repeat: 'no' });
    expect(await world.users.route({ ...online, publishedAt: '2026-11-27T10:00:00.000Z' })).toMatchObject({
      delivered: 0,
      repeat: 'dropped',
    });
    expect(world.gateway.posts.filter((p) => p.data.includes('retry-789'))).toHaveLength(1);
  });

  it('a repeat while the first publish is unfinished (it failed half-way) is handled as the first: same row', async () => {
    const world = createWorld();
    const first = userEnvelope({ messageId: 'half-way', publishedAt: '2026-11-27T09:59:00.000Z' });
    // The first publish claimed the id and stored its row, then its invocation died before the mark.
    await world.messageIds.claim('user#acme#alice', 'half-way', first.publishedAt, 2_000_000_000, 0);
    const retry = { ...first, publishedAt: '2026-11-27T09:59:07.000Z' };
    expect(await world.users.route(retry)).toMatchObject({ repeat: 'handled-as-first', inbox: 'stored' });
    const [row] = await world.inbox.list('acme', 'alice', 0, 10);
    expect(row?.publishedAt).toBe(first.publishedAt);
    expect(row?.envelope.publishedAt).toBe(first.publishedAt);
    expect((await world.users.route(retry)).repeat).toBe('dropped');
    expect(world.inbox.size('acme', 'alice')).toBe(1);
  });

  it('stores when every connection is gone, and removes their rows', async () => {
    const world = createWorld();
    await world.open('stale');
    world.gateway.script('stale', 'gone');
    const result = await world.users.route(userEnvelope());
    expect(result).toMatchObject({ gone: 1, inbox: 'stored', drainJobs: 0 });
    expect(world.store.rowCount()).toBe(0);
  });

  it('publish during connect to rows without the marker (written before 1.6): inbox and a drain job', async () => {
    const world = createWorld();
    const { job: connectJob } = await world.connect('joining', {}, [open1], 1);
    for (const bucket of [...world.store.users.values(), ...world.store.topics.values()]) {
      const row = bucket.get('joining');
      if (row) delete row.welcomePending;
    }
    world.deliveryQueue.sent.length = 0;
    world.gateway.script('joining', 'gone');
    const envelope = userEnvelope();
    const result = await world.users.route(envelope);
    expect(result).toMatchObject({ connecting: 1, gone: 0, inbox: 'stored', drainJobs: 1 });
    expect(world.store.meta.has('joining')).toBe(true);
    expect(world.deliveryQueue.sent).toEqual([
      {
        delaySeconds: 1,
        // A drain job names its connection only (contract: DeliveryJob oneOf, no connect fields).
        job: {
          reason: 'drain',
          connectionId: 'joining',
          userId: 'alice',
          realm: 'acme',
          correlationId: envelope.correlationId,
        },
      },
    ]);

    // Once the socket is open: a drain job that runs before the connect job waits (welcome stays first)…
    world.gateway.script('joining', 'ok');
    const drainJob = world.deliveryQueue.jobs()[0]!;
    await expect(world.worker.process(drainJob)).rejects.toMatchObject({ reason: 'not-welcomed' });
    expect(world.gateway.posts).toEqual([]);
    // …the connect job sends the welcome and the raced message…
    const welcome = await world.worker.process(connectJob);
    expect(welcome).toMatchObject({ status: 'delivered', welcome: true, offlineDelivered: 1 });
    expect(world.gateway.framesTo('joining').map((f) => [f.kind, f.id, f.offline])).toEqual([
      ['welcome', undefined, undefined],
      ['user', envelope.messageId, true],
    ]);
    expect(world.inbox.size('acme', 'alice')).toBe(0);
    // …and the drain job then completes with nothing left to send.
    expect(await world.worker.process(drainJob)).toMatchObject({ status: 'delivered', offlineDelivered: 0 });
    expect(world.gateway.posts).toHaveLength(2);
  });

  it('a connection still throttled after retries gets a retry job carrying the message, not the inbox', async () => {
    const world = createWorld();
    await world.open('busy');
    world.deliveryQueue.sent.length = 0;
    world.gateway.script('busy', 'throttled');
    const envelope = userEnvelope();
    const result = await world.users.route(envelope);
    expect(result).toMatchObject({ throttled: 1, inbox: 'not-needed', drainJobs: 1 });
    expect(
      world.deliveryQueue.sent.map((s) => [
        s.job.reason,
        s.job.connectionId,
        'message' in s.job ? s.job.message : undefined,
      ]),
    ).toEqual([['retry', 'busy', envelope]]);
  });

  it('two failing connections of one user each get the message (the shared inbox row would reach one)', async () => {
    const world = createWorld();
    await world.open('tab1');
    await world.open('tab2');
    await world.open('tab3');
    world.deliveryQueue.sent.length = 0;
    // Failing for the router's post (throttled: the first try and its 3 backoff retries), fine afterwards.
    world.gateway.script('tab1', new ConnectionPostError('tab1', 500), 'ok');
    world.gateway.script('tab2', 'throttled', 'throttled', 'throttled', 'throttled', 'ok');
    const envelope = userEnvelope();
    const result = await world.users.route(envelope);
    expect(result).toMatchObject({ delivered: 1, failed: 1, throttled: 1, inbox: 'not-needed' });
    const retries = world.deliveryQueue.sent.map((s) => s.job);
    expect(retries.map((j) => j.connectionId).sort()).toEqual(['tab1', 'tab2']);
    // The worker posts each retry job's message to its connection.
    for (const job of retries) expect(await world.worker.process(job)).toMatchObject({ offlineDelivered: 1 });
    for (const tab of ['tab1', 'tab2', 'tab3'])
      expect(world.gateway.framesTo(tab).filter((f) => f.id === envelope.messageId)).toHaveLength(1);
  });

  it('bounds the inbox per user by dropping the oldest messages', async () => {
    const world = createWorld({ inboxMaxItems: 3 });
    for (let i = 0; i < 5; i++) {
      await world.users.route(userEnvelope({ messageId: `m${i}`, publishedAt: `2026-11-27T09:00:0${i}Z` }));
    }
    const items = await world.inbox.list('acme', 'alice', nowSeconds(world.clock.now()), 10);
    expect(items.map((i) => i.messageId)).toEqual(['m2', 'm3', 'm4']);
  });

  it('orders the inbox by publish time even when publishedAt uses another offset', async () => {
    const world = createWorld();
    await world.users.route(userEnvelope({ messageId: 'later', publishedAt: '2026-11-27T09:30:00Z' }));
    await world.users.route(userEnvelope({ messageId: 'earlier', publishedAt: '2026-11-27T10:00:00+01:00' }));
    const items = await world.inbox.list('acme', 'alice', nowSeconds(world.clock.now()), 10);
    expect(items.map((i) => i.messageId)).toEqual(['earlier', 'later']);
  });
});
