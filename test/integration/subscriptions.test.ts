/**
 * Topic families and live subscriptions end to end through the local platform: `subscribe` / `unsubscribe`
 * frames on an open socket, the `subscribed` reply before the history, family publishes reaching only the
 * subscriber of that concrete topic, bad input rejected per topic with nothing written, and the rows found by
 * `$disconnect` (also when a subscribe races the disconnect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { topicPartition } from '../../src/adapters/table-keys.js';
import type { Platform } from '../../src/local/platform.js';
import {
  type AwsClients,
  awsClients,
  connect,
  type Frame,
  publishTopic,
  rowsOf,
  settle,
  startTestPlatform,
  type TestClient,
  waitFor,
} from './support.js';

let platform: Platform;
let clients: AwsClients;
const open: TestClient[] = [];

async function client(options: Parameters<typeof connect>[1]): Promise<TestClient> {
  const c = await connect(platform, options);
  open.push(c);
  await c.welcome();
  return c;
}

const job = (jobId: string, progress: number) => ({
  jobId,
  status: 'running',
  progress,
  updatedAt: new Date().toISOString(),
});

/** Sends a subscription frame and waits for its answer (matched by requestId). */
async function send(c: TestClient, frame: Record<string, unknown>): Promise<Frame> {
  c.ws.send(JSON.stringify(frame));
  return c.waitForFrame((f) => f.requestId === frame.requestId, `the answer to ${JSON.stringify(frame)}`);
}

async function metaTopics(connectionId: string): Promise<unknown> {
  const [meta] = await rowsOf(platform, clients, `conn#${connectionId}`);
  return meta?.topics;
}

async function holds(topic: string, connectionId: string): Promise<boolean> {
  const rows = await rowsOf(platform, clients, topicPartition('acme', topic));
  return rows.some((row) => row.sk === `conn#${connectionId}`);
}

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = awsClients(platform);
});

afterAll(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  clients?.destroy();
  await platform?.stop();
});

describe('subscribe and unsubscribe on an open connection', () => {
  it('subscribes after connect, receives only its own family topic, unsubscribes, and is idempotent', async () => {
    const alice = await client({ userId: 'alice', realm: 'acme', topics: ['announcements'] });
    const bob = await client({ userId: 'bob', realm: 'acme' });
    const welcome = await alice.welcome();
    const id = String(welcome.connectionId);

    const reply = await send(alice, { action: 'subscribe', topics: ['jobs.8812'], requestId: 'r-1' });
    expect(reply).toEqual({
      kind: 'subscribed',
      requestId: 'r-1',
      accepted: ['jobs.8812'],
      rejected: [],
      topics: ['announcements', 'jobs.8812'],
    });
    expect(validators.SubscribedFrame(reply).ok).toBe(true);
    expect(await send(bob, { action: 'subscribe', topics: ['jobs.9000'], requestId: 'r-2' })).toMatchObject({
      accepted: ['jobs.9000'],
    });
    expect(await metaTopics(id)).toEqual(['announcements', 'jobs.8812']);

    await publishTopic(platform, clients, { realm: 'acme', topic: 'jobs.8812', payload: job('8812', 40) });
    await alice.waitForFrame((f) => f.kind === 'topic' && f.topic === 'jobs.8812', 'the job message');
    await settle(platform);
    expect(bob.ofKind('topic').filter((f) => f.topic === 'jobs.8812')).toEqual([]);

    // Subscribing twice is not an error; unsubscribing a topic not held is not one either.
    expect(await send(alice, { action: 'subscribe', topics: ['jobs.8812'], requestId: 'r-3' })).toMatchObject(
      {
        kind: 'subscribed',
        accepted: ['jobs.8812'],
        topics: ['announcements', 'jobs.8812'],
      },
    );
    const off = await send(alice, {
      action: 'unsubscribe',
      topics: ['jobs.8812', 'jobs.1'],
      requestId: 'r-4',
    });
    expect(off).toEqual({
      kind: 'unsubscribed',
      requestId: 'r-4',
      unsubscribed: ['jobs.8812', 'jobs.1'],
      topics: ['announcements'],
    });
    expect(validators.UnsubscribedFrame(off).ok).toBe(true);
    expect(await holds('jobs.8812', id)).toBe(false);
    await publishTopic(platform, clients, { realm: 'acme', topic: 'jobs.8812', payload: job('8812', 50) });
    await settle(platform);
    expect(alice.ofKind('topic').filter((f) => f.topic === 'jobs.8812')).toHaveLength(1);
  });

  it('replays the history of a history family topic after the subscribed reply', async () => {
    await publishTopic(platform, clients, { realm: 'acme', topic: 'jobs.h-1', payload: job('h-1', 10) });
    await publishTopic(platform, clients, { realm: 'acme', topic: 'jobs.h-1', payload: job('h-1', 20) });
    await settle(platform);
    const carol = await client({ userId: 'carol', realm: 'acme' });
    const before = carol.frames.length;
    await send(carol, { action: 'subscribe', topics: ['jobs.h-1'], requestId: 'r-h' });
    await carol.waitUntil((c) => c.ofKind('topic').length >= 2 || undefined, 'two replayed frames');
    const after = carol.frames.slice(before);
    expect(after.map((f) => f.kind)).toEqual(['subscribed', 'topic', 'topic']);
    expect(after.slice(1).map((f) => [f.replayed, (f.payload as { progress: number }).progress])).toEqual([
      [true, 10],
      [true, 20],
    ]);
  });

  it('rejects each bad topic with its code, writes nothing for it, and keeps the socket open', async () => {
    const dave = await client({ userId: 'dave', realm: 'acme', topics: ['announcements'] });
    const id = String((await dave.welcome()).connectionId);
    const reply = await send(dave, {
      action: 'subscribe',
      requestId: 'r-bad',
      topics: [
        'weather.1',
        'jobs.bad$',
        `jobs.${'x'.repeat(70)}`,
        'users.erin.activity',
        'audit-alerts',
        'globex/jobs.1',
        'users.dave.activity',
      ],
    });
    expect(reply.accepted).toEqual(['users.dave.activity']);
    expect((reply.rejected as { topic: string; code: string }[]).map((r) => [r.topic, r.code])).toEqual([
      ['weather.1', 'UNKNOWN_TOPIC'],
      ['jobs.bad$', 'INVALID_TOPIC_NAME'],
      [`jobs.${'x'.repeat(70)}`, 'INVALID_TOPIC_PARAMETER'],
      ['users.erin.activity', 'NOT_TOPIC_OWNER'],
      ['audit-alerts', 'FORBIDDEN_TOPIC'],
      ['globex/jobs.1', 'REALM_MISMATCH'],
    ]);
    expect(await metaTopics(id)).toEqual(['announcements', 'users.dave.activity']);
    expect(await holds('users.erin.activity', id)).toBe(false);

    const malformed = await send(dave, { action: 'subscribe', topic: 'jobs.1', requestId: 'r-mal' });
    expect(malformed).toMatchObject({ kind: 'error', code: 'INVALID_FRAME', requestId: 'r-mal' });
    expect(await metaTopics(id)).toEqual(['announcements', 'users.dave.activity']);

    // Over the limit on the total held: 2 held + 20 asked → 18 accepted, 2 TOO_MANY_TOPICS.
    const many = Array.from({ length: 20 }, (_, i) => `jobs.m-${i}`);
    const limited = await send(dave, { action: 'subscribe', topics: many, requestId: 'r-many' });
    expect(limited.accepted).toHaveLength(18);
    expect((limited.rejected as { code: string }[]).map((r) => r.code)).toEqual([
      'TOO_MANY_TOPICS',
      'TOO_MANY_TOPICS',
    ]);
    expect(await holds('jobs.m-19', id)).toBe(false);

    expect(await send(dave, { action: 'extendTTL', requestId: 'r-ttl' })).toMatchObject({
      kind: 'ttl-extended',
    });
    expect(dave.closeEvent).toBeUndefined();
  });

  it('$disconnect removes the rows of topics subscribed after connect, also right after a subscribe', async () => {
    const erin = await client({ userId: 'erin', realm: 'acme' });
    const id = String((await erin.welcome()).connectionId);
    await send(erin, {
      action: 'subscribe',
      topics: ['jobs.e-1', 'documents.d-9.comments'],
      requestId: 'r-e',
    });
    expect(await holds('jobs.e-1', id)).toBe(true);
    // A subscribe sent immediately before the close races the $disconnect.
    erin.ws.send(JSON.stringify({ action: 'subscribe', topics: ['jobs.e-2'], requestId: 'r-race' }));
    await erin.close();
    await settle(platform);
    await waitFor(
      async () =>
        !(await holds('jobs.e-1', id)) &&
        !(await holds('jobs.e-2', id)) &&
        !(await holds('documents.d-9.comments', id)) &&
        (await rowsOf(platform, clients, `conn#${id}`)).length === 0,
      'every row of the closed connection to be gone',
    );
  });
});
