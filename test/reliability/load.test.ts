/**
 * Reliability — load: 2,000 connections over the contract's fixed topics in 17 realms (50 topics with
 * today's contract: 3 × 17, less the role-gated one of the realm without a privileged user) and 20 users, a mixed stream of broadcasts and user messages published with the publisher SDK. Every subscriber
 * gets every message of its topics and users exactly once after de-duplication by id, non-subscribers get
 * none, no function fails, nothing is left in the offline inboxes or dead-letter queues.
 *
 * Message count: RELIABILITY_MESSAGES, default 10,000 as the issue asks (~535,000 deliveries). Before the local
 * Lambda runtime queued asynchronous invocations per function, a burst of publishes started every router at
 * once in this one process, timed them out and multiplied the load with retries (a 1,000-message run lost
 * deliveries); with the queue a 1,000-message run delivered 54,189 of 54,189 in 38 s with no error or duplicate.
 * `RELIABILITY_MESSAGES=1000 npm run test:reliability` is a quicker local run.
 */
import { GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { topicNames, topicRegistry } from '../../generated/index.js';
import type { AnyTopicPublishInput, AnyUserPublishInput } from '../../src/publisher/index.js';
import { createPublisher } from '../../src/publisher/index.js';
import { topicMessage, userMessage, userMessageType } from '../support/contract-picks.js';
import { inboxItems } from './lib/inbox.js';
import { connectPatiently, LatenessReport, LOST_AFTER_MS, welcomeDelay } from './lib/lateness.js';
import { eventually, startTestPlatform, summary, type TestPlatform } from './lib/platform-harness.js';
import type { TestClient } from './lib/ws-client.js';

const CONNECTIONS = Number(process.env.RELIABILITY_CONNECTIONS ?? 2000);
const MESSAGES = Number(process.env.RELIABILITY_MESSAGES ?? 10_000);
const USERS = 20;
const OFFLINE_USERS = 4;
const REALMS = Array.from({ length: 17 }, (_, i) => `realm-${String(i).padStart(2, '0')}`);
const TOPICS: readonly string[] = topicNames;
/** A privileged user holds every role the topics ask for; the others hold none. */
const EVERY_ROLE = [...new Set(topicNames.flatMap((t) => topicRegistry[t].access.roles))];
const GATED = topicNames.filter((t) => topicRegistry[t].access.roles.length > 0);
/** Every topic of every realm has subscribers, except the role-gated topics of the last realm. */
const TOPICS_WITH_AUDIENCE = REALMS.length * TOPICS.length - GATED.length;

/** Deterministic PRNG so a failure can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface User {
  userId: string;
  realm: string;
  privileged: boolean;
}
interface Conn {
  user: User;
  topics: string[];
  client?: TestClient;
  expected: Set<string>;
}

const rand = prng(Number(process.env.RELIABILITY_SEED ?? 7));
// user i lives in realm i % 17; the last realm's only user is not privileged, so its role-gated topics have no
// subscriber: TOPICS_WITH_AUDIENCE topics with an audience.
const users: User[] = Array.from({ length: USERS }, (_, i) => ({
  userId: `load-user-${i}`,
  realm: REALMS[i % REALMS.length] as string,
  privileged: i % REALMS.length !== REALMS.length - 1,
}));
const offlineUsers: User[] = Array.from({ length: OFFLINE_USERS }, (_, i) => ({
  userId: `load-offline-${i}`,
  realm: REALMS[i] as string,
  privileged: false,
}));

let tp: TestPlatform;
const conns: Conn[] = [];
const topicKey = (realm: string, topic: string): string => `${realm}/${topic}`;

beforeAll(async () => {
  tp = await startTestPlatform();
}, 60_000);

afterAll(async () => {
  for (const c of conns) c.client?.socket.terminate();
  await tp?.stop();
});

/**
 * What became of the connect jobs of connections without a welcome: in the delivery DLQ (lost by the
 * platform), failed invocations, or nowhere (still in flight: only late).
 */
async function explainLostWelcomes(lost: Conn[]): Promise<void> {
  const sqs = new SQSClient({
    endpoint: tp.platform.urls.edge,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  const dlqUrl = tp.platform.urls.queues['wspush-local-delivery-dlq'];
  const dead = dlqUrl
    ? await sqs.send(
        new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }),
      )
    : undefined;
  sqs.destroy();
  console.log('[reliability] load: connections without a welcome', {
    count: lost.length,
    closeCodes: lost.map((c) => c.client?.closeCode),
    deliveryDlq: (dead?.Messages ?? []).map((m) => m.Body?.slice(0, 300)),
    failures: tp.platform.runtime.failures.list().slice(0, 5),
    functions: tp.platform.runtime.stats(),
    eventSources: tp.platform.edge.eventSources.map((e) => ({ queue: e.options.queueName, ...e.stats() })),
  });
}

describe('load', () => {
  it(`${CONNECTIONS} connections, ${MESSAGES} messages: exactly once after de-dup, nothing stray, nothing left`, async () => {
    const started = Date.now();
    const tokens = new Map<string, string>();
    for (const u of users)
      tokens.set(u.userId, await tp.token(u.userId, u.realm, u.privileged ? EVERY_ROLE : []));
    // Every connection asks for a random subset of its realm's topics (possibly none: non-subscribers);
    // a role-gated topic asked for by a user without its roles is refused and must never be delivered.
    for (let i = 0; i < CONNECTIONS; i++) {
      const user = users[i % USERS] as User;
      const topics = TOPICS.filter(() => rand() < 0.4);
      conns.push({ user, topics: [...topics], expected: new Set() });
    }
    let next = 0;
    let refused = 0;
    const welcomes = new LatenessReport('welcome');
    const connects = new LatenessReport('connect (handshake done)');
    let connectRetries = 0;
    const welcomeLost: Conn[] = [];
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        while (next < conns.length) {
          const c = conns[next++] as Conn;
          const opened = await connectPatiently({
            gatewayUrl: tp.platform.urls.gateway,
            token: tokens.get(c.user.userId) as string,
            topics: c.topics.join(','),
          });
          const { outcome } = opened;
          connects.record(opened.delayMs);
          connectRetries += opened.attempts - 1;
          if (!outcome.ok) {
            refused++;
            continue;
          }
          c.client = outcome.client;
          // A late welcome (a loaded machine) is reported, not a failure; only a missing one is.
          const { welcome, delayMs } = await welcomeDelay(outcome.client);
          welcomes.record(delayMs);
          if (!welcome) welcomeLost.push(c);
          c.topics = (welcome?.accepted as string[] | undefined) ?? [];
        }
      }),
    );
    expect(refused).toBe(0);
    console.log(
      `[reliability] load: ${conns.length} connections open after ${((Date.now() - started) / 1000).toFixed(0)} s; ${connects.line()}, ${connectRetries} retried; ${welcomes.line()}`,
    );
    if (welcomeLost.length > 0) await explainLostWelcomes(welcomeLost);
    expect(welcomeLost.map((c) => c.client?.closeCode ?? 'open, no welcome')).toEqual([]);
    const connectSeconds = (Date.now() - started) / 1000;
    const audiences = new Map<string, Conn[]>();
    for (const c of conns) {
      for (const t of c.topics) {
        const key = topicKey(c.user.realm, t);
        audiences.set(key, [...(audiences.get(key) ?? []), c]);
      }
    }
    const topicKeys = [...audiences.keys()].sort();
    expect(topicKeys.length).toBe(TOPICS_WITH_AUDIENCE);

    // The message mix: 80% broadcasts over those topics (each with its example payload), 20% user messages (online and offline users).
    const publisher = createPublisher({
      snsClient: tp.sns,
      broadcastTopicArn: tp.platform.urls.broadcastTopicArn,
      userTopicArn: tp.platform.urls.userTopicArn,
    });
    const topicInputs: AnyTopicPublishInput[] = [];
    const userInputs: AnyUserPublishInput[] = [];
    const offlineExpected = new Map<string, string[]>();
    for (let m = 0; m < MESSAGES; m++) {
      const messageId = `load-${m}`;
      if (rand() < 0.8) {
        const key = topicKeys[Math.floor(rand() * topicKeys.length)] as string;
        const [realm, topic] = key.split('/') as [string, string];
        for (const c of audiences.get(key) ?? []) c.expected.add(messageId);
        topicInputs.push({ ...topicMessage(topic, realm), messageId });
      } else {
        const pool = rand() < 0.8 ? users : offlineUsers;
        const user = pool[Math.floor(rand() * pool.length)] as User;
        if (pool === users) {
          for (const c of conns) if (c.user === user) c.expected.add(messageId);
        } else {
          offlineExpected.set(user.userId, [...(offlineExpected.get(user.userId) ?? []), messageId]);
        }
        userInputs.push({ ...userMessage(user.userId, userMessageType, user.realm), messageId });
      }
    }
    const publishStart = Date.now();
    // Like the client SDK, every client pings now and then: a run longer than API Gateway's 10-minute idle
    // timeout (which the local gateway enforces) must not close the connections it is measuring.
    const keepAlive = setInterval(() => {
      for (const c of conns) void c.client?.send('{"action":"ping"}').catch(() => undefined);
    }, 240_000);
    const batches = [
      ...Array.from(
        { length: Math.ceil(topicInputs.length / 10) },
        (_, i) => () => publisher.publishToTopicBatch(topicInputs.slice(i * 10, i * 10 + 10)),
      ),
      ...Array.from(
        { length: Math.ceil(userInputs.length / 10) },
        (_, i) => () => publisher.publishToUserBatch(userInputs.slice(i * 10, i * 10 + 10)),
      ),
    ];
    let b = 0;
    let publishFailures = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (b < batches.length) {
          const results = await (batches[b++] as () => Promise<{ ok: boolean }[]>)();
          publishFailures += results.filter((r) => !r.ok).length;
        }
      }),
    );
    expect(publishFailures).toBe(0);

    const expectedDeliveries = conns.reduce((s, c) => s + c.expected.size, 0);
    const receivedUnique = (): number =>
      conns.reduce((s, c) => s + [...c.expected].filter((id) => c.client?.seen.has(id)).length, 0);
    let lastLog = Date.now();
    // However slow a loaded machine delivers, the wait goes on while deliveries keep arriving; only when none
    // arrived for LOST_AFTER_MS are the missing ones lost.
    let lastCount = -1;
    let lastProgressAt = Date.now();
    await eventually(
      () => {
        const got = receivedUnique();
        if (got !== lastCount) {
          lastCount = got;
          lastProgressAt = Date.now();
        }
        if (Date.now() - lastLog > 15_000) {
          lastLog = Date.now();
          console.log(
            `[reliability] load progress: ${got}/${expectedDeliveries} deliveries after ${((Date.now() - publishStart) / 1000).toFixed(0)} s`,
          );
        }
        return got >= expectedDeliveries || Date.now() - lastProgressAt > LOST_AFTER_MS;
      },
      Number.POSITIVE_INFINITY,
      500,
    );
    clearInterval(keepAlive);
    await tp.platform.runtime.drain();
    const deliverSeconds = (Date.now() - publishStart) / 1000;

    // The offline users connect now: every message they missed, in publish order, once; inbox empty after.
    const offlineClients: TestClient[] = [];
    let offlineLost = 0;
    let offlineDuplicated = 0;
    let offlineLeft = 0;
    const offlineWaits = new LatenessReport('offline backlog');
    for (const u of offlineUsers) {
      const { outcome } = await connectPatiently({
        gatewayUrl: tp.platform.urls.gateway,
        token: await tp.token(u.userId, u.realm),
        topics: '',
      });
      if (!outcome.ok) throw new Error(`offline user refused: ${outcome.status}`);
      offlineClients.push(outcome.client);
      const want = offlineExpected.get(u.userId) ?? [];
      const waitStart = Date.now();
      await eventually(() => want.every((id) => outcome.client.seen.has(id)), LOST_AFTER_MS, 100);
      offlineWaits.record(
        want.every((id) => outcome.client.seen.has(id)) ? Date.now() - waitStart : undefined,
      );
      offlineLost += want.filter((id) => !outcome.client.seen.has(id)).length;
      offlineDuplicated += [...outcome.client.seen.values()].reduce((s, n) => s + n - 1, 0);
      const order = outcome.client.frames.filter((f) => f.kind === 'user').map((f) => f.id as string);
      const firstSeen = order.filter((id, i) => order.indexOf(id) === i);
      expect(firstSeen).toEqual(want);
      await eventually(
        async () => (await inboxItems(tp.dynamo, tp.platform.tableName, u.realm, u.userId)).length === 0,
        LOST_AFTER_MS,
        100,
      );
      offlineLeft += (await inboxItems(tp.dynamo, tp.platform.tableName, u.realm, u.userId)).length;
    }
    for (const c of offlineClients) c.socket.terminate();
    console.log(`[reliability] load: ${offlineWaits.line()}`);

    let lost = 0;
    let duplicated = 0;
    let stray = 0;
    let nonSubscriberFrames = 0;
    for (const c of conns) {
      const client = c.client as TestClient;
      for (const id of c.expected) if (!client.seen.has(id)) lost++;
      for (const [id, n] of client.seen) {
        duplicated += n - 1;
        if (!c.expected.has(id)) stray++;
      }
      if (c.topics.length === 0)
        nonSubscriberFrames += client.frames.filter((f) => f.kind === 'topic').length;
    }
    const stats = tp.platform.runtime.stats();
    const functionErrors = Object.entries(stats).filter(([, s]) => s.errors > 0 || s.timeouts > 0);
    const sqs = new SQSClient({
      endpoint: tp.platform.urls.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    let dlqMessages = 0;
    for (const [name, url] of Object.entries(tp.platform.urls.queues)) {
      if (!name.endsWith('-dlq')) continue;
      const attrs = await sqs.send(
        new GetQueueAttributesCommand({
          QueueUrl: url,
          AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
        }),
      );
      dlqMessages +=
        Number(attrs.Attributes?.ApproximateNumberOfMessages ?? 0) +
        Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    }
    sqs.destroy();
    const offlineMessages = [...offlineExpected.values()].reduce((s, l) => s + l.length, 0);
    if (functionErrors.length > 0 || tp.platform.runtime.failures.list().length > 0) {
      // Enough to diagnose a red run without a debugger: which functions failed, and the first reasons.
      console.log('[reliability] load diagnostics', {
        functionErrors: functionErrors.map(([name, s]) => ({ name, errors: s.errors, timeouts: s.timeouts })),
        failures: tp.platform.runtime.failures
          .list()
          .slice(0, 5)
          .map((f) => ({ functionName: f.functionName, attempts: f.attempts, error: f.error })),
      });
    }
    summary('load', {
      cases: expectedDeliveries + offlineMessages,
      passed: expectedDeliveries - lost + offlineMessages - offlineLost,
      lost: lost + offlineLost,
      duplicated: duplicated + offlineDuplicated,
      extra: `connections=${conns.length} topics=${topicKeys.length} users=${USERS}+${OFFLINE_USERS}offline messages=${MESSAGES} stray=${stray} nonSubscriberFrames=${nonSubscriberFrames} functionErrors=${functionErrors.length} failures=${tp.platform.runtime.failures.list().length} dlq=${dlqMessages} offlineLeft=${offlineLeft} welcomesLate=${welcomes.late} connect=${connectSeconds.toFixed(1)}s deliver=${deliverSeconds.toFixed(1)}s`,
    });
    expect({ lost, offlineLost, stray, nonSubscriberFrames, offlineLeft, dlqMessages }).toEqual({
      lost: 0,
      offlineLost: 0,
      stray: 0,
      nonSubscriberFrames: 0,
      offlineLeft: 0,
      dlqMessages: 0,
    });
    expect(functionErrors).toEqual([]);
    expect(tp.platform.runtime.failures.list()).toEqual([]);
  }, 7_200_000);
});
