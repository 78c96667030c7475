/**
 * Topic families and live subscriptions end to end through the local platform: `subscribe` / `unsubscribe`
 * frames on an open socket, the `subscribed` reply before the history, family publishes reaching only the
 * subscriber of that concrete topic, bad input rejected per topic with nothing written, and the rows found by
 * `$disconnect` (also when a subscribe races the disconnect).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits, validators } from '../../generated/index.js';
import { topicPartition } from '../../src/adapters/table-keys.js';
import type { Platform } from '../../src/local/platform.js';
import {
  families,
  historyFamily,
  invalidTopicName,
  overlongParameterTopic,
  ownerParameter,
  payloadFor,
  topicIn,
  topics,
  unknownTopic,
} from '../support/contract-picks.js';
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

// Picked from the contract by trait: an open fixed topic held from connect, an open family with a history
// (subscribed to after connect), a family with an owner rule, a role-gated fixed topic.
const fixed = topics.openHistory;
const family = historyFamily;
const owned = families.owned;
if (owned === undefined) throw new Error('the contract has no family with an owner rule');
const job = (id: string): string => topicIn(family, id);
const ownedBy = (userId: string): string => topicIn(owned, 'x', { [ownerParameter(owned)]: userId });
const publish = (topic: string): Promise<string> =>
  publishTopic(platform, clients, { realm: 'acme', topic, payload: payloadFor(topic) });

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
    const alice = await client({ userId: 'alice', realm: 'acme', topics: [fixed] });
    const bob = await client({ userId: 'bob', realm: 'acme' });
    const welcome = await alice.welcome();
    const id = String(welcome.connectionId);

    const mine = job('8812');
    const reply = await send(alice, { action: 'subscribe', topics: [mine], requestId: 'r-1' });
    expect(reply).toEqual({
      kind: 'subscribed',
      requestId: 'r-1',
      accepted: [mine],
      rejected: [],
      topics: [fixed, mine],
    });
    expect(validators.SubscribedFrame(reply).ok).toBe(true);
    expect(await send(bob, { action: 'subscribe', topics: [job('9000')], requestId: 'r-2' })).toMatchObject({
      accepted: [job('9000')],
    });
    expect(await metaTopics(id)).toEqual([fixed, mine]);

    await publish(mine);
    await alice.waitForFrame((f) => f.kind === 'topic' && f.topic === mine, 'the family message');
    await settle(platform);
    expect(bob.ofKind('topic').filter((f) => f.topic === mine)).toEqual([]);

    // Subscribing twice is not an error; unsubscribing a topic not held is not one either.
    expect(await send(alice, { action: 'subscribe', topics: [mine], requestId: 'r-3' })).toMatchObject({
      kind: 'subscribed',
      accepted: [mine],
      topics: [fixed, mine],
    });
    const off = await send(alice, {
      action: 'unsubscribe',
      topics: [mine, job('1')],
      requestId: 'r-4',
    });
    expect(off).toEqual({
      kind: 'unsubscribed',
      requestId: 'r-4',
      unsubscribed: [mine, job('1')],
      topics: [fixed],
    });
    expect(validators.UnsubscribedFrame(off).ok).toBe(true);
    expect(await holds(mine, id)).toBe(false);
    await publish(mine);
    await settle(platform);
    expect(alice.ofKind('topic').filter((f) => f.topic === mine)).toHaveLength(1);
  });

  it('replays the history of a history family topic after the subscribed reply', async () => {
    const first = await publish(job('h-1'));
    const second = await publish(job('h-1'));
    await settle(platform);
    const carol = await client({ userId: 'carol', realm: 'acme' });
    const before = carol.frames.length;
    await send(carol, { action: 'subscribe', topics: [job('h-1')], requestId: 'r-h' });
    await carol.waitUntil((c) => c.ofKind('topic').length >= 2 || undefined, 'two replayed frames');
    const after = carol.frames.slice(before);
    expect(after.map((f) => f.kind)).toEqual(['subscribed', 'topic', 'topic']);
    expect(after.slice(1).map((f) => [f.replayed, f.id])).toEqual([
      [true, first],
      [true, second],
    ]);
  });

  it('rejects each bad topic with its code, writes nothing for it, and keeps the socket open', async () => {
    const dave = await client({ userId: 'dave', realm: 'acme', topics: [fixed] });
    const id = String((await dave.welcome()).connectionId);
    const overlong = overlongParameterTopic(family).topic;
    const daves = ownedBy('dave');
    const erins = ownedBy('erin');
    const otherRealm = `globex/${job('1')}`;
    const reply = await send(dave, {
      action: 'subscribe',
      requestId: 'r-bad',
      topics: [unknownTopic, invalidTopicName, overlong, erins, topics.gated, otherRealm, daves],
    });
    expect(reply.accepted).toEqual([daves]);
    expect((reply.rejected as { topic: string; code: string }[]).map((r) => [r.topic, r.code])).toEqual([
      [unknownTopic, 'UNKNOWN_TOPIC'],
      [invalidTopicName, 'INVALID_TOPIC_NAME'],
      [overlong, 'INVALID_TOPIC_PARAMETER'],
      [erins, 'NOT_TOPIC_OWNER'],
      [topics.gated, 'FORBIDDEN_TOPIC'],
      [otherRealm, 'REALM_MISMATCH'],
    ]);
    expect(await metaTopics(id)).toEqual([fixed, daves]);
    expect(await holds(erins, id)).toBe(false);

    const malformed = await send(dave, { action: 'subscribe', topic: job('1'), requestId: 'r-mal' });
    expect(malformed).toMatchObject({ kind: 'error', code: 'INVALID_FRAME', requestId: 'r-mal' });
    expect(await metaTopics(id)).toEqual([fixed, daves]);

    // Over the limit on the total held: 2 held + the limit asked → 2 over it get TOO_MANY_TOPICS.
    const max = limits.maxTopicsPerConnection;
    const many = Array.from({ length: max }, (_, i) => job(`m-${i}`));
    const limited = await send(dave, { action: 'subscribe', topics: many, requestId: 'r-many' });
    expect(limited.accepted).toHaveLength(max - 2);
    expect((limited.rejected as { code: string }[]).map((r) => r.code)).toEqual([
      'TOO_MANY_TOPICS',
      'TOO_MANY_TOPICS',
    ]);
    expect(await holds(job(`m-${max - 1}`), id)).toBe(false);

    expect(await send(dave, { action: 'extendTTL', requestId: 'r-ttl' })).toMatchObject({
      kind: 'ttl-extended',
    });
    expect(dave.closeEvent).toBeUndefined();
  });

  it('$disconnect removes the rows of topics subscribed after connect, also right after a subscribe', async () => {
    const erin = await client({ userId: 'erin', realm: 'acme' });
    const id = String((await erin.welcome()).connectionId);
    const erins = ownedBy('erin');
    await send(erin, {
      action: 'subscribe',
      topics: [job('e-1'), erins],
      requestId: 'r-e',
    });
    expect(await holds(job('e-1'), id)).toBe(true);
    // A subscribe sent immediately before the close races the $disconnect.
    erin.ws.send(JSON.stringify({ action: 'subscribe', topics: [job('e-2')], requestId: 'r-race' }));
    await erin.close();
    await settle(platform);
    await waitFor(
      async () =>
        !(await holds(job('e-1'), id)) &&
        !(await holds(job('e-2'), id)) &&
        !(await holds(erins, id)) &&
        (await rowsOf(platform, clients, `conn#${id}`)).length === 0,
      'every row of the closed connection to be gone',
    );
  });
});
