/**
 * The welcome is the first frame of every connection (contract: `sendWelcome`), also for user and topic messages
 * routed between the socket opening and the welcome, under a race of many connections, with the production
 * delivery delay (1 s) for user-router jobs. Nothing held is lost or posted twice.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { topicExample, topics } from '../support/contract-picks.js';
import {
  type AwsClients,
  awsClients,
  connect,
  publishTopic,
  publishUser,
  rowsOf,
  startTestPlatform,
  type TestClient,
  waitFor,
} from './support.js';

const REALM = 'acme';
const CONNECTIONS = 24;
const TOPIC_MESSAGES = 3;

let platform: Platform;
let clients: AwsClients;
const open: TestClient[] = [];
/** Message ids published to each user while its connection was in `$connect` (before the handshake). */
const duringConnect = new Map<string, string>();

beforeAll(async () => {
  platform = await startTestPlatform({
    deliveryDelaySeconds: 1,
    onConnecting: async (connectionId) => {
      const [meta] = await rowsOf(platform, clients, `conn#${connectionId}`);
      const userId = String(meta?.userId);
      // Every other connection also gets a message routed while it is still in `$connect`.
      if (Number(userId.slice(1)) % 2 === 0) {
        duringConnect.set(userId, await publishUser(platform, clients, { realm: REALM, userId }));
      }
    },
  });
  clients = awsClients(platform);
});

afterAll(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  clients?.destroy();
  await platform?.stop();
});

describe('the welcome is the first frame', () => {
  it('for user and topic messages routed between the upgrade and the welcome, on every connection', async () => {
    const topic = topics.openDrop;
    const afterOpen = new Map<string, string>();
    const users = Array.from({ length: CONNECTIONS }, (_, i) => `w${i}`);
    // All connections open at once; each user is sent a message the moment its socket is open.
    const opened = await Promise.all(
      users.map(async (userId) => {
        const client = await connect(platform, { userId, realm: REALM, topics: [topic] });
        open.push(client);
        afterOpen.set(userId, await publishUser(platform, clients, { realm: REALM, userId }));
        return { userId, client };
      }),
    );
    // Topic messages while most welcomes are still on their way.
    const topicIds = await Promise.all(
      Array.from({ length: TOPIC_MESSAGES }, () =>
        publishTopic(platform, clients, { realm: REALM, topic, payload: topicExample(topic) }),
      ),
    );

    for (const { userId, client } of opened) {
      const expected = [afterOpen.get(userId), duringConnect.get(userId), ...topicIds].filter(
        (id): id is string => id !== undefined,
      );
      await client.waitUntil(
        (c) => expected.every((id) => c.frames.some((f) => f.id === id)),
        `every message to ${userId}`,
        30_000,
      );
      // Late duplicates would arrive right behind the originals: give them the time to.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const kinds = client.frames.map((f) => f.kind);
      expect(kinds[0], `first frame of ${userId}: ${JSON.stringify(client.frames)}`).toBe('welcome');
      expect(kinds.filter((k) => k === 'welcome')).toHaveLength(1);
      const delivered = client.frames.filter((f) => f.kind !== 'welcome').map((f) => f.id);
      expect(delivered.sort(), `frames of ${userId}`).toEqual([...expected].sort());
    }
    expect(duringConnect.size).toBe(CONNECTIONS / 2);
    // Nothing is left behind: no held rows and no inbox copies of delivered messages.
    for (const { userId, client } of opened) {
      const welcome = client.frames[0] as { connectionId: string };
      const held = (await rowsOf(platform, clients, `conn#${welcome.connectionId}`)).filter((r) =>
        String(r.sk).startsWith('held#'),
      );
      expect(held).toEqual([]);
      // The worker deletes the inbox copies it posted after the posts (batched): the client can see a message
      // before its copy is gone.
      const inboxEmptied = async () =>
        (await rowsOf(platform, clients, `inbox#${REALM}#${userId}`)).length === 0 || undefined;
      await waitFor(inboxEmptied, `the inbox of ${userId} emptied`, 10_000);
    }
  }, 90_000);
});
