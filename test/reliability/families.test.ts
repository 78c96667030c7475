/**
 * Reliability — topic families at scale: 1,000 connections, each subscribed *after* connect to its own
 * topic of an open family with a parameter (`jobs.{jobId}` today) with a `subscribe` frame; 1,000 publishes
 * (one per topic, through the publisher SDK in batches); each message is delivered to exactly one connection (its subscriber) and to no other.
 * FAMILY_CONNECTIONS overrides the size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyTopicPublishInput } from '../../src/publisher/index.js';
import { createPublisher } from '../../src/publisher/index.js';
import { historyFamily, topicIn, topicMessage } from '../support/contract-picks.js';
import { eventually, startTestPlatform, summary, type TestPlatform } from './lib/platform-harness.js';
import { connect, type TestClient } from './lib/ws-client.js';

const CONNECTIONS = Number(process.env.FAMILY_CONNECTIONS ?? 1000);
/** A family with a parameter that every user of the realm may subscribe to (no role, no owner rule): one topic each. */
const topicOf = (i: number): string => topicIn(historyFamily, `s-${i}`);

let tp: TestPlatform;
const clients: TestClient[] = [];

beforeAll(async () => {
  tp = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  for (const c of clients) c.socket.terminate();
  await tp?.stop();
});

describe('topic families', () => {
  it(`${CONNECTIONS} connections each subscribed after connect to its own ${historyFamily} topic: one delivery each, none stray`, async () => {
    const started = Date.now();
    const token = await tp.token('family-user', 'acme');
    let next = 0;
    const refused: string[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < CONNECTIONS) {
          const i = next++;
          const outcome = await connect({ gatewayUrl: tp.platform.urls.gateway, token });
          if (!outcome.ok) {
            refused.push(`${i}: upgrade ${outcome.status}`);
            continue;
          }
          clients[i] = outcome.client;
          await outcome.client.waitFor((f) => f.kind === 'welcome', 60_000);
          await outcome.client.send(
            JSON.stringify({ action: 'subscribe', topics: [topicOf(i)], requestId: `s-${i}` }),
          );
          const reply = await outcome.client.waitFor((f) => f.requestId === `s-${i}`, 60_000);
          if (reply.kind !== 'subscribed' || (reply.accepted as string[])[0] !== topicOf(i))
            refused.push(`${i}: ${JSON.stringify(reply)}`);
        }
      }),
    );
    expect(refused).toEqual([]);
    const subscribeSeconds = (Date.now() - started) / 1000;

    const publisher = createPublisher({
      snsClient: tp.sns,
      broadcastTopicArn: tp.platform.urls.broadcastTopicArn,
      userTopicArn: tp.platform.urls.userTopicArn,
    });
    const inputs: AnyTopicPublishInput[] = Array.from({ length: CONNECTIONS }, (_, i) => ({
      ...topicMessage(topicOf(i)),
      messageId: `fam-${i}`,
    }));
    const publishStart = Date.now();
    let failures = 0;
    for (let b = 0; b < inputs.length; b += 10) {
      const results = await publisher.publishToTopicBatch(inputs.slice(b, b + 10));
      failures += results.filter((r) => !r.ok).length;
    }
    expect(failures).toBe(0);

    const delivered = (): number => clients.filter((c, i) => c.seen.has(`fam-${i}`)).length;
    await eventually(() => delivered() === CONNECTIONS, 600_000, 250);
    await tp.platform.runtime.drain();
    const deliverSeconds = (Date.now() - publishStart) / 1000;

    let lost = 0;
    let stray = 0;
    let duplicated = 0;
    for (const [i, c] of clients.entries()) {
      if (!c.seen.has(`fam-${i}`)) lost++;
      for (const [id, count] of c.seen) {
        if (id !== `fam-${i}`) stray++;
        else duplicated += count - 1;
      }
    }
    summary('families', {
      cases: CONNECTIONS,
      passed: CONNECTIONS - lost,
      lost,
      duplicated,
      extra: `stray=${stray} subscribe=${subscribeSeconds.toFixed(0)}s deliver=${deliverSeconds.toFixed(0)}s`,
    });
    expect(lost).toBe(0);
    expect(stray).toBe(0);
  });
});
