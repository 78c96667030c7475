/**
 * `wspush trace` against the local platform end to end (SNS → routers → workers → gateway, the trace store,
 * `GET /console/trace/{id}`, the CLI's timeline): a user message to two connections with one gone, a broadcast
 * across fan-out shards, an offline message delivered on the next connect, an invalid envelope dead-lettered
 * with its reason. An unknown id exits 5, a malformed one 2.
 */
import { randomUUID } from 'node:crypto';
import { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicRegistry } from '../../generated/index.js';
import type { TraceRecord } from '../../src/core/tracing.js';
import type { Platform } from '../../src/local/platform.js';
import { EXIT } from '../../src/publisher/cli.js';
import { runCliCaptured } from '../support/captured-cli.js';
import { invalidPayloadFor, payloadFor, topics, userMessageType } from '../support/contract-picks.js';
import { closedPort } from '../support/spawn-cli.js';
import {
  type AwsClients,
  awsClients,
  connect,
  publishTopic,
  publishUser,
  startTestPlatform,
  type TestClient,
  traceCli,
  waitFor,
} from './support.js';

let platform: Platform;
let clients: AwsClients;
const open: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform({
    env: { FANOUT_SHARD_THRESHOLD: '4', FANOUT_SHARD_SIZE: '3', CONNECTING_GRACE_SECONDS: '1' },
  });
  clients = awsClients(platform);
});
afterAll(async () => {
  for (const client of open) await client.close();
  clients?.destroy();
  await platform?.stop();
});

async function online(userId: string, topics?: string[]): Promise<{ client: TestClient; id: string }> {
  const client = await connect(platform, { userId, realm: 'acme', ...(topics ? { topics } : {}) });
  open.push(client);
  const welcome = await client.welcome();
  return { client, id: String(welcome.connectionId) };
}

const trace = (...args: string[]) => traceCli(platform, ...args);

/** A connection id (`+`, `/`, `=`) as a regular expression that matches it literally. */
const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The hop column of the timeline's lines, in the order printed. */
function printedHops(stdout: string): string[] {
  return stdout
    .split('\n')
    .filter((line) => /^\s+[+-]\d+\.\d{3}s\s/.test(line))
    .map((line) => line.trim().split(/\s+/)[1] as string);
}

/** The records of the JSON output, in journey order. */
async function recordsOf(id: string): Promise<TraceRecord[]> {
  const result = await trace(id, '--json');
  expect(result.code, result.stderr).toBe(EXIT.OK);
  return (JSON.parse(result.stdout) as { hops: { record: TraceRecord }[] }).hops.map((h) => h.record);
}

const kept = (id: string, hop: TraceRecord['hop']): TraceRecord[] =>
  platform.traces.find(id).flatMap((h) => (h.record.hop === hop ? [h.record] : []));

describe('wspush trace (local platform)', () => {
  it('a user message to two connections, one gone: published, routed to 2, one posted hop per connection', async () => {
    const alive = await online('trace-ann');
    const lost = await online('trace-ann');
    // Older than the connecting grace (1 s): a 410 now means the connection has gone, not "still connecting".
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    platform.faults.add({ kind: 'connections-status', status: 410, connectionId: lost.id, method: 'POST' });
    const id = await publishUser(platform, clients, { realm: 'acme', userId: 'trace-ann' });
    await waitFor(async () => kept(id, 'posted').length === 2, 'two posted hops');

    const records = await recordsOf(id);
    expect(records.map((r) => r.hop)).toEqual(['published', 'routed', 'posted', 'posted']);
    expect((await trace(id, '--local', '--json')).stdout).toBe((await trace(id, '--json')).stdout);
    expect(records[0]).toMatchObject({ kind: 'user', userId: 'trace-ann', via: { transport: 'sns' } });
    expect(records[1]).toMatchObject({ audience: 2 });
    const posted = Object.fromEntries(records.slice(2).map((r) => [r.connectionId, r.result]));
    expect(posted).toEqual({ [alive.id]: 'delivered', [lost.id]: 'gone' });

    const result = await trace(id);
    expect(result.code, result.stderr).toBe(EXIT.OK);
    expect(printedHops(result.stdout)).toEqual(['published', 'routed', 'posted', 'posted']);
    expect(result.stdout).toContain(`user message "${userMessageType}" to trace-ann in acme (id ${id}`);
    expect(result.stdout).toMatch(new RegExp(`${literal(alive.id)}\\s+delivered\\s+live`));
    expect(result.stdout).toMatch(new RegExp(`${literal(lost.id)}\\s+dropped\\s+gone \\(410\\)`));
  });

  it('a broadcast across fan-out shards: routed with the shard count, one posted hop per shard with counts', async () => {
    for (let i = 0; i < 7; i++) await online(`trace-fan-${i}`, [topics.openDrop]);
    const id = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: topics.openDrop,
      payload: payloadFor(topics.openDrop),
    });
    // 7 subscribers in shards of at most 3 per page of each of the topic's partition keys: 3 to 7 shards.
    await waitFor(async () => kept(id, 'routed').length === 1, 'the routed hop');
    const routedHop = (await recordsOf(id)).find((r) => r.hop === 'routed');
    const count = Number(routedHop?.shards);
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(Math.min(7, 3 + topicRegistry[topics.openDrop].partitions));
    await waitFor(async () => kept(id, 'posted').length === count, `${count} shard hops`);
    const records = await recordsOf(id);
    // The router streams shard jobs as it reads the audience and records `routed` (with the totals) when it is
    // done, so shards may post before it: only `published` comes first.
    expect(records[0]?.hop).toBe('published');
    expect(records.map((r) => r.hop).sort()).toEqual(
      [...Array.from({ length: count }, () => 'posted'), 'published', 'routed'].sort(),
    );
    const routed = records.find((r) => r.hop === 'routed');
    expect(routed).toMatchObject({ kind: 'topic', topic: topics.openDrop, audience: 7, shards: count });
    const shards = records.filter((r) => r.hop === 'posted');
    expect(shards.every((r) => r.connectionId === undefined)).toBe(true);
    expect(shards.reduce((sum, r) => sum + (r.counts?.delivered ?? 0), 0)).toBe(7);

    const result = await trace(id);
    expect(result.code, result.stderr).toBe(EXIT.OK);
    expect(result.stdout).toMatch(
      new RegExp(`routed\\s+7 connection\\(s\\) in ${count} fan-out shard\\(s\\)`),
    );
    expect(result.stdout).toMatch(new RegExp(`Broadcast shards: ${count} record\\(s\\): delivered 7`));
  });

  it('an offline message: published, routed to nobody, stored, delivered on the next connect', async () => {
    const id = await publishUser(platform, clients, { realm: 'acme', userId: 'trace-olga' });
    await waitFor(async () => kept(id, 'stored').length > 0, 'the stored hop');
    const { client, id: connectionId } = await online('trace-olga');
    await client.waitForFrame((f) => f.kind === 'user' && f.id === id, 'the offline message');
    await waitFor(async () => kept(id, 'delivered-on-connect').length > 0, 'the delivered-on-connect hop');

    const result = await trace(id);
    expect(result.code, result.stderr).toBe(EXIT.OK);
    expect(printedHops(result.stdout)).toEqual(['published', 'routed', 'stored', 'delivered-on-connect']);
    expect(result.stdout).toMatch(/routed\s+0 connection\(s\)/);
    expect(result.stdout).toMatch(/stored\s+inbox: stored/);
    expect(result.stdout).toMatch(
      new RegExp(`${literal(connectionId)}\\s+delivered\\s+from the inbox on connect`),
    );
  });

  it('an invalid envelope: a dead-lettered hop with the reason, found by its correlation id too', async () => {
    const messageId = `bad-${Date.now()}`;
    const correlationId = `c-${randomUUID()}`;
    const { payload: invalid, field: invalidField } = invalidPayloadFor(topics.openHistory);
    const envelope = {
      messageId,
      correlationId,
      realm: 'acme',
      topic: topics.openHistory,
      publishedAt: new Date().toISOString(),
      payload: invalid,
    };
    await clients.sns.send(
      new PublishCommand({ TopicArn: platform.urls.broadcastTopicArn, Message: JSON.stringify(envelope) }),
    );
    await waitFor(async () => kept(messageId, 'dead-lettered').length > 0, 'the dead-lettered hop');

    for (const id of [messageId, correlationId]) {
      const records = await recordsOf(id);
      // The router fails the invocation: each (retried) attempt dead-letters it again; nothing else happens.
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) {
        expect(record).toMatchObject({
          hop: 'dead-lettered',
          messageId,
          correlationId,
          via: { transport: 'sns' },
          reason: expect.stringMatching(
            new RegExp(`invalid broadcast envelope: .*payload\\.${invalidField}`),
          ),
        });
      }
    }
    const result = await trace(correlationId);
    expect(result.code, result.stderr).toBe(EXIT.OK);
    expect(result.stdout).toMatch(
      new RegExp(`dead-lettered\\s+.*— invalid broadcast envelope: .*payload\\.${invalidField}`),
    );
  });

  it('an unknown id exits 5 with a clear message; a malformed one exits 2; so does --local with --stack', async () => {
    const unknown = await trace('no-such-message');
    expect(unknown.code).toBe(EXIT.NOT_FOUND);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/has no trace record of no-such-message: check the id/);
    const malformed = await trace('bad id!');
    expect(malformed.code).toBe(EXIT.USAGE);
    expect(malformed.stderr).toMatch(/"bad id!" is not a message id or correlation id/);
    const both = await trace('some-id', '--local', '--stack', 'prod');
    expect(both.code).toBe(EXIT.USAGE);
    expect(both.stderr).toMatch(/--local traces the local platform: leave out --stack/);
    // No platform there: exit 4, pointing at npm start.
    const down = await runCliCaptured([
      'trace',
      'some-id',
      '--console',
      `http://127.0.0.1:${await closedPort()}`,
    ]);
    expect(down.code).toBe(EXIT.UNREACHABLE);
    expect(down.stderr).toMatch(/cannot reach the local platform at .*Is `npm start` running\?/);
  });

  it('the console endpoint: 200 with the hops and the CLI timeline, 404 unknown, 400 malformed, 405 not GET', async () => {
    const id = await publishUser(platform, clients, { realm: 'acme', userId: 'trace-nobody' });
    await waitFor(async () => kept(id, 'stored').length > 0, 'the stored hop');
    const url = (path: string) => new URL(path, platform.urls.idp);
    const found = await fetch(url(`/console/trace/${id}`));
    expect(found.status).toBe(200);
    expect(found.headers.get('cache-control')).toBe('no-store');
    const body = (await found.json()) as { hops: unknown[]; timeline: string };
    expect(body.hops).toHaveLength(3);
    expect(body.timeline).toBe((await trace(id)).stdout);
    expect((await fetch(url('/console/trace/nothing-here'))).status).toBe(404);
    const malformed = await fetch(url(`/console/trace/${'x'.repeat(500)}`));
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json()).length).toBeLessThan(400);
    expect((await fetch(url(`/console/trace/${id}`), { method: 'POST' })).status).toBe(405);
  });
});
