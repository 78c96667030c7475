/**
 * End to end through the local platform: real `ws` clients on the gateway, real SNS publishes through the
 * edge, the real handler modules in between. Topic routing, realms, roles, user messages and offline delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import {
  type AwsClients,
  announcement,
  awsClients,
  connect,
  type Frame,
  publishTopic,
  publishUser,
  settle,
  startTestPlatform,
  type TestClient,
} from './support.js';

let platform: Platform;
let clients: AwsClients;
/** Run by the gateway while a connection is between `$connect` and the handshake (see the race test). */
let whileConnecting: ((connectionId: string) => Promise<void>) | undefined;
const open: TestClient[] = [];

async function client(
  ...args: Parameters<typeof connect> extends [Platform, infer O] ? [O] : never
): Promise<TestClient> {
  const c = await connect(platform, args[0]);
  open.push(c);
  return c;
}

const live = (c: TestClient, kind: 'topic' | 'user'): Frame[] =>
  c.ofKind(kind).filter((f) => f.replayed !== true);
const ids = (frames: Frame[]): unknown[] => frames.map((f) => f.id);

beforeAll(async () => {
  platform = await startTestPlatform({
    onConnecting: async (connectionId) => {
      await whileConnecting?.(connectionId);
    },
  });
  clients = awsClients(platform);
});

afterAll(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  clients?.destroy();
  await platform?.stop();
});

describe('welcome', () => {
  it('lists the accepted and the rejected topics with their codes', async () => {
    const alice = await client({
      userId: 'alice',
      realm: 'acme',
      topics: ['announcements', 'audit-alerts', 'weather', 'Bad_Name', 'job-status'],
    });
    const welcome = await alice.welcome();
    expect(welcome).toMatchObject({ kind: 'welcome', userId: 'alice', realm: 'acme', pendingOffline: 0 });
    expect(welcome.accepted).toEqual(['announcements', 'job-status']);
    const rejected = (welcome.rejected as Array<{ topic: string; code: string }>).map((r) => [
      r.topic,
      r.code,
    ]);
    expect(rejected).toEqual(
      expect.arrayContaining([
        ['audit-alerts', 'FORBIDDEN_TOPIC'],
        ['weather', 'UNKNOWN_TOPIC'],
        ['Bad_Name', 'INVALID_TOPIC_NAME'],
      ]),
    );
    expect(rejected).toHaveLength(3);
    expect(typeof welcome.connectionId).toBe('string');
    await alice.close();
  });
});

describe('broadcast', () => {
  it("reaches the topic's subscribers in the realm only, and audit-alerts only admins", async () => {
    const reader = await client({ userId: 'rita', realm: 'acme', topics: ['announcements', 'audit-alerts'] });
    const jobsOnly = await client({ userId: 'jack', realm: 'acme', topics: ['job-status'] });
    const admin = await client({
      userId: 'ada',
      realm: 'acme',
      roles: ['admin'],
      topics: ['announcements', 'audit-alerts'],
    });
    const otherRealm = await client({
      userId: 'rita',
      realm: 'globex',
      roles: ['admin'],
      topics: ['announcements', 'audit-alerts', 'job-status'],
    });
    await Promise.all([reader, jobsOnly, admin, otherRealm].map((c) => c.welcome()));
    expect((await reader.welcome()).accepted).toEqual(['announcements']);

    const announcementId = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: 'announcements',
      payload: announcement('Maintenance tonight'),
    });
    const auditId = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: 'audit-alerts',
      payload: { alertId: 'al-1', kind: 'failed-logins', severity: 'high', details: '25 failed logins' },
    });
    await reader.waitForFrame((f) => f.id === announcementId, 'the announcement at rita@acme');
    await admin.waitUntil((c) => live(c, 'topic').length >= 2 && c, 'both messages at the admin');
    await settle(platform, 300);

    expect(ids(live(reader, 'topic'))).toEqual([announcementId]);
    expect(ids(live(admin, 'topic')).sort()).toEqual([announcementId, auditId].sort());
    expect(live(jobsOnly, 'topic')).toEqual([]);
    expect(live(otherRealm, 'topic')).toEqual([]);
    const frame = live(reader, 'topic')[0];
    expect(frame).toMatchObject({
      kind: 'topic',
      topic: 'announcements',
      payload: announcement('Maintenance tonight'),
    });
    expect(typeof frame?.correlationId).toBe('string');
  });
});

describe('user messages', () => {
  it("reach every connection of the user, and nobody else's", async () => {
    const first = await client({ userId: 'uma', realm: 'acme', topics: [] });
    const second = await client({ userId: 'uma', realm: 'acme', via: 'query' });
    const namesake = await client({ userId: 'uma', realm: 'globex' });
    const other = await client({ userId: 'otto', realm: 'acme' });
    await Promise.all([first, second, namesake, other].map((c) => c.welcome()));

    const id = await publishUser(platform, clients, { realm: 'acme', userId: 'uma' });
    await first.waitForFrame((f) => f.id === id, 'the message on the first connection');
    await second.waitForFrame((f) => f.id === id, 'the message on the second connection');
    await settle(platform, 300);
    expect(first.ofKind('user')).toHaveLength(1);
    expect(second.ofKind('user')).toHaveLength(1);
    expect(first.ofKind('user')[0]).toMatchObject({ kind: 'user', type: 'notification', id });
    expect(namesake.ofKind('user')).toEqual([]);
    expect(other.ofKind('user')).toEqual([]);
  });

  it('published while the user is offline, arrive in publish order on the next connect, once', async () => {
    const before = await client({ userId: 'olga', realm: 'acme' });
    await before.welcome();
    await before.close();
    await settle(platform, 100);

    const published: string[] = [];
    for (let i = 0; i < 3; i++)
      published.push(await publishUser(platform, clients, { realm: 'acme', userId: 'olga' }));
    await settle(platform, 100);

    const back = await client({ userId: 'olga', realm: 'acme' });
    const welcome = await back.welcome();
    expect(welcome.pendingOffline).toBe(3);
    await back.waitUntil((c) => c.ofKind('user').length >= 3 && c, 'three offline messages');
    await settle(platform, 500);
    const delivered = back.ofKind('user');
    expect(ids(delivered)).toEqual(published);
    expect(delivered.every((f) => f.offline === true)).toBe(true);
    // The welcome comes first, then the inbox in order.
    expect(back.frames[0]?.kind).toBe('welcome');
    await back.close();
    await settle(platform, 100);

    // Delivered once: the next connect finds an empty inbox.
    const again = await client({ userId: 'olga', realm: 'acme' });
    expect((await again.welcome()).pendingOffline).toBe(0);
    await settle(platform, 300);
    expect(again.ofKind('user')).toEqual([]);
  });

  it('published while the connection is still in $connect, still arrives', async () => {
    let publishedId: string | undefined;
    whileConnecting = async () => {
      whileConnecting = undefined;
      publishedId = await publishUser(platform, clients, { realm: 'acme', userId: 'rick' });
      // The user router has run (and met 410 from the connecting connection) before the handshake completes.
      await platform.runtime.drain();
    };
    const rick = await client({ userId: 'rick', realm: 'acme' });
    expect(publishedId).toBeDefined();
    await rick.waitForFrame(
      (f) => f.kind === 'user' && f.id === publishedId,
      'the message published during connect',
    );
    // At-least-once: clients de-duplicate by id; after that it is there exactly once.
    expect(new Set(ids(rick.ofKind('user')))).toEqual(new Set([publishedId]));
  });
});
