/**
 * Reliability — faults. Each scenario injects one failure (edge fault rules, docs/design.md §6, or killing
 * the platform process), then checks: no offline message lost, none stored twice, and duplicates to clients
 * only where delivery is documented as at-least-once (the client de-duplicates by id).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SNSClient } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPublisher, type Publisher } from '../../src/publisher/index.js';
import { topicMessage, topics, userMessage, userMessageType } from '../support/contract-picks.js';
import { inboxItems } from './lib/inbox.js';
import { LOST_AFTER_MS } from './lib/lateness.js';
import { eventually, startTestPlatform, summary, type TestPlatform } from './lib/platform-harness.js';
import { startPlatformProcess } from './lib/platform-process.js';
import { connectOrThrow, type TestClient } from './lib/ws-client.js';

const REALM = 'acme';
/** The broadcasts' topic: every user may read it, and it keeps a history. */
const TOPIC = topics.openHistory;
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
let tp: TestPlatform;
let publisher: Publisher;
const clients: TestClient[] = [];
const totals = { cases: 0, passed: 0, lost: 0, duplicated: 0 };

beforeAll(async () => {
  tp = await startTestPlatform();
  publisher = createPublisher({
    snsClient: tp.sns,
    broadcastTopicArn: tp.platform.urls.broadcastTopicArn,
    userTopicArn: tp.platform.urls.userTopicArn,
  });
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.socket.terminate();
  await tp?.stop();
  summary('faults total', totals);
});

async function online(userId: string, topics = ''): Promise<TestClient> {
  const client = await connectOrThrow({
    gatewayUrl: tp.platform.urls.gateway,
    token: await tp.token(userId, REALM),
    topics,
  });
  clients.push(client);
  await client.waitFor((f) => f.kind === 'welcome', LOST_AFTER_MS);
  return client;
}

async function sendUser(userId: string, messageId: string): Promise<void> {
  await publisher.publishToUser({ ...userMessage(userId, userMessageType, REALM), messageId });
}

/** Records one scenario: every id must have arrived at least once; extra copies are counted as duplicates. */
function record(
  part: string,
  client: TestClient,
  ids: readonly string[],
  extra = '',
): { lost: number; duplicated: number } {
  const lost = ids.filter((id) => !client.seen.has(id)).length;
  const duplicated = ids.reduce((s, id) => s + Math.max(0, (client.seen.get(id) ?? 0) - 1), 0);
  totals.cases += ids.length;
  totals.passed += ids.length - lost;
  totals.lost += lost;
  totals.duplicated += duplicated;
  summary(`faults ${part}`, { cases: ids.length, passed: ids.length - lost, lost, duplicated, extra });
  return { lost, duplicated };
}

async function inboxCount(userId: string): Promise<number> {
  return (await inboxItems(tp.dynamo, tp.platform.tableName, REALM, userId)).length;
}

describe('faults', () => {
  it('management API 410 while the connection is new: stored, drained to it, once', async () => {
    const client = await online('f-410');
    tp.platform.faults.add({ kind: 'connections-status', status: 410, method: 'POST', times: 1 });
    await sendUser('f-410', 'f-410-m1');
    await eventually(() => client.seen.has('f-410-m1'), 30_000, 50);
    await eventually(async () => (await inboxCount('f-410')) === 0, 10_000, 100);
    const left = await inboxCount('f-410');
    const r = record('410', client, ['f-410-m1'], `inboxLeft=${left}`);
    expect(r.lost).toBe(0);
    expect(left).toBe(0);
    expect(client.closeCode).toBeUndefined();
  }, 60_000);

  it('management API 429 (throttled): retried, delivered', async () => {
    const client = await online('f-429');
    tp.platform.faults.add({ kind: 'connections-status', status: 429, method: 'POST', times: 2 });
    await sendUser('f-429', 'f-429-m1');
    await eventually(() => client.seen.has('f-429-m1'), 30_000, 50);
    const r = record('429', client, ['f-429-m1'], `inboxLeft=${await inboxCount('f-429')}`);
    expect(r.lost).toBe(0);
  }, 60_000);

  it('management API 500 during a broadcast: the unreachable connection gets a delayed retry job, every subscriber gets it once', async () => {
    const subs = [await online('f-500', TOPIC), await online('f-500', TOPIC), await online('f-500', TOPIC)];
    tp.platform.faults.add({ kind: 'connections-status', status: 500, method: 'POST', times: 1 });
    await publisher.publishToTopic({ ...topicMessage(TOPIC, REALM), messageId: 'f-500-b1' });
    await eventually(() => subs.every((c) => c.seen.has('f-500-b1')), 30_000, 50);
    let lost = 0;
    let duplicated = 0;
    for (const c of subs) {
      lost += c.seen.has('f-500-b1') ? 0 : 1;
      duplicated += Math.max(0, (c.seen.get('f-500-b1') ?? 0) - 1);
    }
    totals.cases += subs.length;
    totals.passed += subs.length - lost;
    totals.lost += lost;
    totals.duplicated += duplicated;
    summary('faults 500', { cases: subs.length, passed: subs.length - lost, lost, duplicated });
    expect(lost).toBe(0);
  }, 60_000);

  it('management API timing out: retried, delivered', async () => {
    const client = await online('f-hang');
    tp.platform.faults.add({ kind: 'connections-hang', ms: 8_000, method: 'POST', times: 1 });
    await sendUser('f-hang', 'f-hang-m1');
    await eventually(() => client.seen.has('f-hang-m1'), 90_000, 100);
    const r = record('timeout', client, ['f-hang-m1'], `inboxLeft=${await inboxCount('f-hang')}`);
    expect(r.lost).toBe(0);
  }, 120_000);

  it('DynamoDB throttling while storing offline messages: each stored once, delivered on connect', async () => {
    tp.platform.faults.add({ kind: 'dynamodb-throttle', times: 3 });
    const ids = ['f-thr-m1', 'f-thr-m2', 'f-thr-m3'];
    for (const id of ids) await sendUser('f-thr', id);
    await eventually(async () => (await inboxCount('f-thr')) >= ids.length, 30_000, 100);
    await tp.platform.runtime.drain();
    const stored = await inboxCount('f-thr');
    const client = await online('f-thr');
    await eventually(() => ids.every((id) => client.seen.has(id)), 30_000, 50);
    await eventually(async () => (await inboxCount('f-thr')) === 0, 10_000, 100);
    const r = record(
      'dynamodb-throttle',
      client,
      ids,
      `stored=${stored} inboxLeft=${await inboxCount('f-thr')}`,
    );
    expect(stored).toBe(ids.length);
    expect(r.lost).toBe(0);
  }, 90_000);

  it('DynamoDB UnprocessedItems while a connection is registered: retried, rows complete, messages flow', async () => {
    tp.platform.faults.add({ kind: 'dynamodb-unprocessed', times: 2 });
    const client = await online('f-unproc', TOPIC);
    await publisher.publishToTopic({ ...topicMessage(TOPIC, REALM), messageId: 'f-unproc-b1' });
    await sendUser('f-unproc', 'f-unproc-m1');
    await eventually(() => client.seen.has('f-unproc-b1') && client.seen.has('f-unproc-m1'), 30_000, 50);
    const r = record('dynamodb-unprocessed', client, ['f-unproc-b1', 'f-unproc-m1']);
    expect(r.lost).toBe(0);
  }, 60_000);

  it('the delivery worker failing mid-batch (inbox deletes throttled): redelivered, nothing lost, nothing left', async () => {
    const user = 'f-crash';
    const ids = ['f-crash-m1', 'f-crash-m2', 'f-crash-m3', 'f-crash-m4'];
    for (const id of ids) await sendUser(user, id);
    await eventually(async () => (await inboxCount(user)) === ids.length, 30_000, 100);
    // Only this user's inbox deletes fail: the connect job posts the welcome and the 4 messages, then its one
    // BatchWriteItem deleting them is throttled (the SDK's retries too), so the job fails after its posts.
    // Scoped by key, $connect's own BatchWriteItem (conn/user rows) goes through.
    const rule = tp.platform.faults.add({
      kind: 'dynamodb-throttle',
      operation: 'BatchWriteItem',
      bodyContains: `inbox#${REALM}#${user}`,
      times: 'always',
    });
    const deliveryFailures = () =>
      tp.platform.edge.eventSources.find((s) => s.options.queueName.endsWith('-delivery'))?.stats().failed ??
      0;
    const failuresBefore = deliveryFailures();
    const client = await online(user);
    // The job failed mid-batch: its messages were posted, their deletes refused, the record left to SQS.
    const failed = await eventually(() => deliveryFailures() > failuresBefore, 30_000, 50);
    const fired = tp.platform.faults.fired(rule);
    const postedBeforeFailure = ids.filter((id) => client.seen.has(id)).length;
    tp.platform.faults.remove(rule);
    // The SQS message comes back after the worker's short retry (1 s for a first failure): the job runs again, posts the
    // inbox again (at-least-once: the client de-duplicates by id) and deletes it.
    await eventually(async () => (await inboxCount(user)) === 0, 90_000, 200);
    await eventually(() => ids.every((id) => (client.seen.get(id) ?? 0) >= 2), 10_000, 100);
    const left = await inboxCount(user);
    const r = record(
      'worker-crash',
      client,
      ids,
      `inboxLeft=${left} throttledBatchWrites=${fired} postedBeforeFailure=${postedBeforeFailure}`,
    );
    expect(failed).toBe(true);
    expect(fired).toBeGreaterThan(0);
    expect(postedBeforeFailure).toBe(ids.length);
    expect(r.lost).toBe(0);
    expect(left).toBe(0);
    // Once each after de-duplication by id, in publish order; the raw copies are the one redelivered batch.
    const userFrames = client.frames.filter((f) => f.kind === 'user').map((f) => f.id);
    expect([...new Set(userFrames)]).toEqual(ids);
    expect(userFrames).toEqual([...ids, ...ids]);
    expect(client.frames[0]?.kind).toBe('welcome');
    expect(client.frames.filter((f) => f.kind === 'welcome')).toHaveLength(1);
  }, 150_000);

  it('platform killed (SIGKILL) and restarted on the same --data-dir: offline messages kept, stored once, delivered once each', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wspush-restart-'));
    const ids = ['f-kill-m1', 'f-kill-m2', 'f-kill-m3', 'f-kill-m4', 'f-kill-m5'];
    let first = await startPlatformProcess(dataDir);
    try {
      const sns = new SNSClient({ endpoint: first.urls.edge, region: 'us-east-1', credentials });
      const dynamo = new DynamoDBClient({ endpoint: first.urls.edge, region: 'us-east-1', credentials });
      const pub = createPublisher({
        snsClient: sns,
        broadcastTopicArn: first.urls.broadcastTopicArn,
        userTopicArn: first.urls.userTopicArn,
      });
      for (const id of ids) {
        await pub.publishToUser({ ...userMessage('f-kill', userMessageType, REALM), messageId: id });
      }
      const storedBefore = await eventually(
        async () => (await inboxItems(dynamo, first.tableName, REALM, 'f-kill')).length === ids.length,
        30_000,
        100,
      );
      expect(storedBefore).toBe(true);
      sns.destroy();
      dynamo.destroy();
      await first.kill();

      first = await startPlatformProcess(dataDir);
      const dynamo2 = new DynamoDBClient({ endpoint: first.urls.edge, region: 'us-east-1', credentials });
      // Give any redelivered work a moment, then check nothing was stored twice.
      await new Promise((r) => setTimeout(r, 1_000));
      const storedAfter = (await inboxItems(dynamo2, first.tableName, REALM, 'f-kill')).length;
      const client = await connectOrThrow({
        gatewayUrl: first.urls.gateway,
        token: await first.token('f-kill', REALM),
        topics: '',
      });
      await eventually(() => ids.every((id) => client.seen.has(id)), 30_000, 50);
      const order = client.frames.filter((f) => f.kind === 'user').map((f) => f.id);
      await eventually(
        async () => (await inboxItems(dynamo2, first.tableName, REALM, 'f-kill')).length === 0,
        10_000,
        100,
      );
      const left = (await inboxItems(dynamo2, first.tableName, REALM, 'f-kill')).length;
      const r = record('kill-restart', client, ids, `storedAfterRestart=${storedAfter} inboxLeft=${left}`);
      client.socket.terminate();
      dynamo2.destroy();
      expect(storedAfter).toBe(ids.length);
      expect(r.lost).toBe(0);
      expect(order.filter((id, i) => order.indexOf(id) === i)).toEqual(ids);
      expect(left).toBe(0);
    } finally {
      await first.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 150_000);

  it('no function failed for good and no dead letters, after all of the above', async () => {
    await tp.platform.runtime.drain();
    const failures = tp.platform.runtime.failures.list().map((f) => `${f.functionName}: ${f.error.message}`);
    // Each fault above is retried to success: nothing may end up in the on-failure store.
    expect(failures).toEqual([]);
  }, 60_000);
});
