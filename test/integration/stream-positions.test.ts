/**
 * Positioned replay end to end through the local platform (real `ws` clients, SNS publishes through the edge,
 * the real handlers and DynamoDB store): a client that reconnects with `since` gets only what it missed, then a
 * `recovery` frame; a reset stream answers EPOCH_CHANGED; `subscribe` with `since`; bad positions get their
 * codes, write nothing, and the topic is still subscribed and replayed as without `since`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits, validators } from '../../generated/index.js';
import { DynamoHistoryStore } from '../../src/adapters/dynamodb-message-stores.js';
import { DynamoTable } from '../../src/adapters/dynamodb-table.js';
import { keys } from '../../src/adapters/table-keys.js';
import { resetStream } from '../../src/core/stream-positions.js';
import type { Platform } from '../../src/local/platform.js';
import { historySize, topicExample, topics } from '../support/contract-picks.js';
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
} from './support.js';

const topic = topics.openHistory;
const size = historySize(topic);
const payload = topicExample(topic);

let platform: Platform;
let clients: AwsClients;
const open: TestClient[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = awsClients(platform);
});

afterAll(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  clients?.destroy();
  await platform?.stop();
});

async function client(
  realm: string,
  options: { since?: string; topics?: string[] } = {},
): Promise<TestClient> {
  const c = await connect(platform, {
    userId: 'alice',
    realm,
    topics: options.topics ?? [topic],
    ...options,
  });
  open.push(c);
  await c.welcome();
  return c;
}

/**
 * Publishes `count` messages to the realm's stream one after another, each seen live by `observer` before the
 * next (so offsets follow publish order); returns the live frames.
 */
async function publish(realm: string, observer: TestClient, count: number): Promise<Frame[]> {
  const frames: Frame[] = [];
  for (let i = 0; i < count; i++) {
    const id = await publishTopic(platform, clients, { realm, topic, payload });
    frames.push(await observer.waitForFrame((f) => f.kind === 'topic' && f.id === id, `live ${id}`));
  }
  return frames;
}

/** The frames after the welcome, once the `recovery` frames expected have arrived and the platform is idle. */
async function afterWelcome(c: TestClient, recoveries: number): Promise<Frame[]> {
  await c.waitUntil((t) => t.ofKind('recovery').length >= recoveries || undefined, `${recoveries} recovery`);
  await settle(platform);
  return c.frames.slice(c.frames.findIndex((f) => f.kind === 'welcome') + 1);
}

/** The platform's history store, through the edge like the functions' (for a reset, or to read a head). */
const platformHistory = () =>
  new DynamoHistoryStore(new DynamoTable(clients.dynamo, { tableName: platform.tableName }));

const replayOf = (live: readonly Frame[]) => live.map((f) => ({ ...f, replayed: true }));

describe('reconnect with since', () => {
  it.each([0, 1, size - 1, size + 5])(
    'after missing %i messages: exactly those, then recovery',
    async (k) => {
      const realm = `pos-k${k}`;
      const observer = await client(realm);
      const seen = await publish(realm, observer, 3);
      const missed = await publish(realm, observer, k);
      const last = seen[2] as Frame;
      expect(last.offset).toBe(3);
      const since = `${topic}~${last.offset}~${last.epoch}`;
      const back = await client(realm, { since });
      const frames = await afterWelcome(back, 1);
      const newest = missed.at(-1) ?? last;
      if (k < size) {
        expect(frames).toEqual([
          ...replayOf(missed),
          {
            kind: 'recovery',
            topic,
            recovered: true,
            replayed: k,
            offset: newest.offset,
            epoch: last.epoch,
          },
        ]);
      } else {
        // The history keeps the newest `size`: the oldest 5 missed are gone.
        expect(frames).toEqual([
          ...replayOf(missed.slice(k - size)),
          {
            kind: 'recovery',
            topic,
            recovered: false,
            code: 'HISTORY_TRIMMED',
            reason: `offset 4 is no longer in the history (newest ${newest.offset}): replayed what remains`,
            replayed: size,
            offset: newest.offset,
            epoch: last.epoch,
          },
        ]);
      }
      expect(
        frames.every(
          (f) => (f.kind === 'topic' ? validators.TopicMessageFrame(f) : validators.RecoveryFrame(f)).ok,
        ),
      ).toBe(true);
    },
  );

  it('without since the whole history is replayed as before, and no recovery frame is sent', async () => {
    const realm = 'pos-none';
    const observer = await client(realm);
    const live = await publish(realm, observer, 3);
    const back = await client(realm);
    await back.waitUntil((t) => t.ofKind('topic').length >= 3 || undefined, 'the replay');
    await settle(platform);
    expect(back.frames.slice(1)).toEqual(replayOf(live));
  });

  it('a reset stream answers EPOCH_CHANGED with what the new epoch holds', async () => {
    const realm = 'pos-reset';
    const observer = await client(realm);
    const old = await publish(realm, observer, 2);
    const reset = await resetStream(platformHistory(), realm, topic, Date.now() / 1000);
    const fresh = await publish(realm, observer, 1);
    expect(fresh[0]).toMatchObject({ offset: 1, epoch: reset?.epoch });
    const back = await client(realm, { since: `${topic}~2~${old[1]?.epoch}` });
    expect(await afterWelcome(back, 1)).toEqual([
      ...replayOf(fresh),
      {
        kind: 'recovery',
        topic,
        recovered: false,
        code: 'EPOCH_CHANGED',
        reason: `the stream's history was lost or reset (epoch ${old[1]?.epoch} is now ${reset?.epoch})`,
        replayed: 1,
        offset: 1,
        epoch: reset?.epoch,
      },
    ]);
  });
});

describe('concurrent publishes', () => {
  it("through the platform's concurrent routers get unique gap-free offsets, replayed in offset order", async () => {
    const realm = 'pos-conc';
    const count = Math.min(size, 20);
    const observer = await client(realm);
    await Promise.all(
      Array.from({ length: count }, () => publishTopic(platform, clients, { realm, topic, payload })),
    );
    // Routers run 4 at a time locally and each Queries every partition key of the topic on one dynalite thread:
    // under CPU contention the 20 take about 14 s (measured), past the default 10 s wait.
    await observer.waitUntil(
      (t) => t.ofKind('topic').length >= count || undefined,
      `${count} live frames`,
      60_000,
    );
    await settle(platform);
    const live = observer.ofKind('topic');
    const offsets = live.map((f) => Number(f.offset)).sort((a, b) => a - b);
    expect(offsets).toEqual(Array.from({ length: count }, (_, i) => i + 1));
    expect(new Set(live.map((f) => f.epoch)).size).toBe(1);
    const half = Math.floor(count / 2);
    const back = await client(realm, { since: `${topic}~${half}~${live[0]?.epoch}` });
    const frames = await afterWelcome(back, 1);
    const byOffset = [...live].sort((a, b) => Number(a.offset) - Number(b.offset));
    expect(frames).toEqual([
      ...replayOf(byOffset.slice(half)),
      {
        kind: 'recovery',
        topic,
        recovered: true,
        replayed: count - half,
        offset: count,
        epoch: live[0]?.epoch,
      },
    ]);
  }, 90_000);
});

describe('a retried routing', () => {
  it('keeps the offset its first handling took (SNS retries the router after it failed half-way)', async () => {
    const realm = 'pos-retry';
    const observer = await client(realm);
    // The router's audience listing (a Query of the topic's subscriber rows) fails until the router has failed
    // once: its first handling took offset 1 and stored the history row; the retry must not take offset 2.
    // Scoped to the subscriber rows: the observer's connect job may still be running after its welcome frame
    // (history replay, welcomedAt, held messages), and a Query fault on every key failed it, so its rows stayed
    // `welcomePending` and the retried router rightly held the message until SQS retried that job (30 s).
    const rule = platform.faults.add({
      kind: 'dynamodb-throttle',
      operation: 'Query',
      bodyContains: `topic#${realm}#${topic}`,
      times: 'always',
    });
    const invocations = () => platform.runtime.stats()['broadcast-router']?.invocations ?? 0;
    const before = invocations();
    const first = await publishTopic(platform, clients, { realm, topic, payload });
    const deadline = Date.now() + 20_000;
    while (invocations() - before < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    // The failed handlings took their offset (a GetItem: not throttled) before they failed.
    const taken = await platformHistory().head(realm, topic, Date.now() / 1000);
    platform.faults.remove(rule);
    expect(platform.faults.fired(rule)).toBeGreaterThan(0);
    expect(invocations() - before).toBeGreaterThanOrEqual(2);
    expect(taken?.offset).toBe(1);
    const retried = await observer.waitForFrame((f) => f.id === first, 'the retried message', 20_000);
    const [next] = await publish(realm, observer, 1);
    expect([retried.offset, next?.offset]).toEqual([1, 2]);
    const back = await client(realm, { since: `${topic}~0~${retried.epoch}` });
    expect((await afterWelcome(back, 1)).map((f) => [f.kind, f.id, f.offset])).toEqual([
      ['topic', first, 1],
      ['topic', next?.id, 2],
      ['recovery', undefined, 2],
    ]);
  });
});

describe('subscribe with since', () => {
  it('a new topic and a topic already held get only what is newer, then a recovery frame with the requestId', async () => {
    const realm = 'pos-sub';
    const observer = await client(realm);
    const live = await publish(realm, observer, 4);
    const epoch = live[0]?.epoch;
    const c = await client(realm, { topics: [] });
    const send = async (frame: Record<string, unknown>, recoveries: number) => {
      const before = c.frames.length;
      c.ws.send(JSON.stringify(frame));
      await c.waitUntil(
        (t) => t.frames.slice(before).filter((f) => f.kind === 'recovery').length >= recoveries || undefined,
        'the recovery frames',
      );
      await settle(platform);
      return c.frames.slice(before);
    };
    const first = await send(
      { action: 'subscribe', topics: [topic], since: { [topic]: { offset: 2, epoch } }, requestId: 's-1' },
      1,
    );
    expect(first).toEqual([
      { kind: 'subscribed', requestId: 's-1', accepted: [topic], rejected: [], topics: [topic] },
      ...replayOf(live.slice(2)),
      { kind: 'recovery', topic, recovered: true, replayed: 2, offset: 4, epoch, requestId: 's-1' },
    ]);
    // Held already: only the positioned replay; a malformed position gets SINCE_INVALID and nothing else.
    const held = await send(
      { action: 'subscribe', topics: [topic], since: { [topic]: { offset: 3, epoch } }, requestId: 's-2' },
      1,
    );
    expect(held.map((f) => [f.kind, f.id ?? f.recovered])).toEqual([
      ['subscribed', undefined],
      ['topic', live[3]?.id],
      ['recovery', true],
    ]);
    const bad = await send(
      { action: 'subscribe', topics: [topic], since: { [topic]: { offset: -1, epoch } }, requestId: 's-3' },
      1,
    );
    expect(bad).toEqual([
      { kind: 'subscribed', requestId: 's-3', accepted: [topic], rejected: [], topics: [topic] },
      {
        kind: 'recovery',
        topic,
        recovered: false,
        code: 'SINCE_INVALID',
        reason: 'offset: must be >= 0',
        replayed: 0,
        offset: 4,
        epoch,
        requestId: 's-3',
      },
    ]);
    expect(c.closeEvent).toBeUndefined();
  });
});

describe('bad since on connect', () => {
  it('unknown topic, negative or fractional offset, bad epoch, offset ahead: codes, nothing written, topic replayed', async () => {
    const realm = 'pos-bad';
    const observer = await client(realm);
    const live = await publish(realm, observer, 2);
    const epoch = String(live[0]?.epoch);
    const headBefore = await rowsOf(platform, clients, keys.streamHead(realm, topic).pk);
    const cases: [since: string, code: string][] = [
      [`weather~1~${epoch}`, 'SINCE_UNKNOWN_TOPIC'],
      [`${topic}~-1~${epoch}`, 'SINCE_INVALID'],
      [`${topic}~1.5~${epoch}`, 'SINCE_INVALID'],
      [`${topic}~1~bad!epoch`, 'SINCE_INVALID'],
      [`${topic}~9~${epoch}`, 'SINCE_AHEAD'],
      // Over x-limits.sinceMaxLength: ignored whole (topic `*`).
      [`${topic}~1~${epoch},`.repeat(Math.ceil(limits.sinceMaxLength / 10)), 'SINCE_INVALID'],
    ];
    for (const [since, code] of cases) {
      const c = await client(realm, { since });
      const frames = await afterWelcome(c, 1);
      expect(c.frames[0]).toMatchObject({ kind: 'welcome', accepted: [topic], rejected: [] });
      expect(frames.filter((f) => f.kind === 'topic')).toEqual(replayOf(live));
      const [recovery] = frames.filter((f) => f.kind === 'recovery');
      expect(recovery, since.slice(0, 60)).toMatchObject({ recovered: false, code });
      expect(validators.RecoveryFrame(recovery).ok).toBe(true);
      expect(frames.at(-1)).toBe(recovery);
      await c.close();
    }
    expect(await rowsOf(platform, clients, keys.streamHead(realm, topic).pk)).toEqual(headBefore);
    expect(await rowsOf(platform, clients, keys.streamHead(realm, 'weather').pk)).toEqual([]);
  });
});
