/**
 * Large audiences through the real fan-out path: above FANOUT_SHARD_THRESHOLD the broadcast router splits the
 * audience into fan-out jobs on SQS, the fan-out worker posts each shard, and a connection the management API
 * refuses with 500 gets a delayed retry job of its own — delivered once, the others not posted twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { payloadFor, topics } from '../support/contract-picks.js';
import {
  type AwsClients,
  awsClients,
  connect,
  publishTopic,
  startTestPlatform,
  type TestClient,
} from './support.js';

let platform: Platform;
let clients: AwsClients;
const subscribers: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform({ env: { FANOUT_SHARD_THRESHOLD: '4', FANOUT_SHARD_SIZE: '3' } });
  clients = awsClients(platform);
  for (let i = 0; i < 10; i++) {
    const client = await connect(platform, { userId: `fan-${i}`, realm: 'acme', topics: [TOPIC] });
    await client.welcome();
    subscribers.push(client);
  }
});

afterAll(async () => {
  for (const client of subscribers) await client.close();
  clients?.destroy();
  await platform?.stop();
});

/** A topic without history: only the live fan-out delivers it. */
const TOPIC = topics.openDrop;
const payload = payloadFor(TOPIC);

const copies = (client: TestClient, id: string): number =>
  client.ofKind('topic').filter((f) => f.id === id).length;

it('shards an audience above the threshold across fan-out worker invocations; each subscriber gets it once', async () => {
  const before = platform.runtime.stats()['fanout-worker']?.invocations ?? 0;
  const id = await publishTopic(platform, clients, {
    realm: 'acme',
    topic: TOPIC,
    payload,
  });
  await Promise.all(subscribers.map((c) => c.waitForFrame((f) => f.id === id, `message ${id}`, 20_000)));
  expect(subscribers.map((c) => copies(c, id))).toEqual(subscribers.map(() => 1));
  // 10 subscribers in shards of 3: four jobs, carried by at least one fan-out worker invocation.
  expect((platform.runtime.stats()['fanout-worker']?.invocations ?? 0) - before).toBeGreaterThanOrEqual(1);
});

it('a router retried by SNS after a shard send failed sends only the shards not sent yet: each subscriber gets it once', async () => {
  // One subscriber's shard job is refused by SQS (both of SendMessageBatch's tries): that page is neither sent
  // nor claimed, the router fails after the other pages were sent and claimed, and SNS retries it.
  const victim = String((await subscribers[7]?.welcome())?.connectionId);
  const rule = platform.faults.add({ kind: 'sqs-entry-failure', bodyContains: victim, times: 2 });
  const stats = () => platform.runtime.stats()['broadcast-router'] ?? { invocations: 0, errors: 0 };
  const fanoutRecords = () =>
    platform.edge.eventSources.find((s) => s.options.queueName.endsWith('-fanout'))?.stats().records ?? 0;
  const before = { router: stats(), records: fanoutRecords() };
  const id = await publishTopic(platform, clients, { realm: 'acme', topic: TOPIC, payload });
  await Promise.all(subscribers.map((c) => c.waitForFrame((f) => f.id === id, `message ${id}`, 30_000)));
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(platform.faults.fired(rule)).toBe(2);
  // The first handling failed, its SNS retry succeeded.
  expect(stats().invocations - before.router.invocations).toBe(2);
  expect(stats().errors - before.router.errors).toBe(1);
  // A shard sent twice would post its connections twice: none is.
  expect(subscribers.map((c) => copies(c, id))).toEqual(subscribers.map(() => 1));
  // 10 subscribers in shards of at most 3 per page: each shard job handled once (no job of the retry repeats one).
  const records = fanoutRecords() - before.records;
  expect(records).toBeGreaterThanOrEqual(4);
  expect(records).toBeLessThanOrEqual(10);
  expect(platform.runtime.failures.list()).toEqual([]);
});

it('a shard post answered 500 is retried for that connection only, by a delayed job, and arrives once', async () => {
  platform.faults.add({ kind: 'connections-status', status: 500, method: 'POST', times: 1 });
  const id = await publishTopic(platform, clients, {
    realm: 'acme',
    topic: TOPIC,
    payload,
  });
  // The retry job waits 2 s (attempt 1); everything must have arrived, exactly once, well after that.
  await Promise.all(subscribers.map((c) => c.waitForFrame((f) => f.id === id, `message ${id}`, 30_000)));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(subscribers.map((c) => copies(c, id))).toEqual(subscribers.map(() => 1));
  expect(platform.runtime.failures.list()).toEqual([]);
});
