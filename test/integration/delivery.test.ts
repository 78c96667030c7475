/**
 * End to end through the local platform: real `ws` clients on the gateway, real SNS publishes through the
 * edge, the real handler modules in between. Topic routing, realms, roles, user messages and offline delivery.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import {
  gatedRoles,
  invalidTopicName,
  payloadFor,
  topics,
  unknownTopic,
  userMessageType,
} from '../support/contract-picks.js';
import {
  type AwsClients,
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

const { openHistory: open1, openDrop: open2, gated } = topics;

describe('welcome', () => {
  it('lists the accepted and the rejected topics with their codes', async () => {
    const alice = await client({
      userId: 'alice',
      realm: 'acme',
      topics: [open1, gated, unknownTopic, invalidTopicName, open2],
    });
    const welcome = await alice.welcome();
    expect(welcome).toMatchObject({ kind: 'welcome', userId: 'alice', realm: 'acme', pendingOffline: 0 });
    expect(welcome.accepted).toEqual([open1, open2]);
    const rejected = (welcome.rejected as Array<{ topic: string; code: string }>).map((r) => [
      r.topic,
      r.code,
    ]);
    expect(rejected).toEqual(
      expect.arrayContaining([
        [gated, 'FORBIDDEN_TOPIC'],
        [unknownTopic, 'UNKNOWN_TOPIC'],
        [invalidTopicName, 'INVALID_TOPIC_NAME'],
      ]),
    );
    expect(rejected).toHaveLength(3);
    expect(typeof welcome.connectionId).toBe('string');
    await alice.close();
  });
});

describe('broadcast', () => {
  it("reaches the topic's subscribers in the realm only, and a role-gated topic only its roles", async () => {
    const reader = await client({ userId: 'rita', realm: 'acme', topics: [open1, gated] });
    const otherTopic = await client({ userId: 'jack', realm: 'acme', topics: [open2] });
    const privileged = await client({
      userId: 'ada',
      realm: 'acme',
      roles: [...gatedRoles],
      topics: [open1, gated],
    });
    const otherRealm = await client({
      userId: 'rita',
      realm: 'globex',
      roles: [...gatedRoles],
      topics: [open1, gated, open2],
    });
    await Promise.all([reader, otherTopic, privileged, otherRealm].map((c) => c.welcome()));
    expect((await reader.welcome()).accepted).toEqual([open1]);

    const openId = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: open1,
      payload: payloadFor(open1),
    });
    const gatedId = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: gated,
      payload: payloadFor(gated),
    });
    await reader.waitForFrame((f) => f.id === openId, `the ${open1} message at rita@acme`);
    await privileged.waitUntil(
      (c) => live(c, 'topic').length >= 2 && c,
      'both messages at the privileged user',
    );
    await settle(platform, 300);

    expect(ids(live(reader, 'topic'))).toEqual([openId]);
    expect(ids(live(privileged, 'topic')).sort()).toEqual([openId, gatedId].sort());
    expect(live(otherTopic, 'topic')).toEqual([]);
    expect(live(otherRealm, 'topic')).toEqual([]);
    const frame = live(reader, 'topic')[0];
    expect(frame).toMatchObject({ kind: 'topic', topic: open1, payload: payloadFor(open1) });
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
    expect(first.ofKind('user')[0]).toMatchObject({ kind: 'user', type: userMessageType, id });
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
