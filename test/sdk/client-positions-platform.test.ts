/**
 * The client SDK resumes a history topic through the local platform: a client that is disconnected while k
 * messages are published reconnects with `since` (its last position) and `recovery=welcome`, and receives the
 * answer in the welcome, exactly those k, replayed, then a `recovery` event `recovered: true` (no `recovery`
 * frame is posted); one that misses more than the history holds is told `recovered: false`
 * (HISTORY_TRIMMED). The topic is picked from the contract (an open topic with history).
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { connect, type PushClient, type RecoveryFrame } from '../../src/client/index.js';
import type { Platform } from '../../src/local/platform.js';
import type { Publisher } from '../../src/publisher/index.js';
import { historySize, topicExample, topics } from '../support/contract-picks.js';
import {
  publisherFor,
  recordingWebSocket,
  startLocalPlatform,
  tokenSource,
  waitFor,
} from './platform-helpers.js';

const topic = topics.openHistory;
const payload = topicExample(topic);

let platform: Platform;
let publisher: Publisher;
let management: ApiGatewayManagementApiClient;
const clients: PushClient[] = [];

beforeAll(async () => {
  platform = await startLocalPlatform();
  publisher = publisherFor(platform);
  management = new ApiGatewayManagementApiClient({
    endpoint: platform.urls.management,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});

afterAll(async () => {
  await Promise.allSettled(clients.map((c) => c.close()));
  management?.destroy();
  await platform?.stop();
});

/** A getToken that waits while the gate is shut: the client stays disconnected until the test opens it. */
function gatedTokens(
  realm: string,
  userId: string,
): { getToken: () => Promise<string>; shut(): void; open(): void } {
  const source = tokenSource(platform, userId, [], realm);
  let gate: Promise<void> = Promise.resolve();
  let release = (): void => undefined;
  return {
    getToken: async () => {
      await gate;
      return source();
    },
    shut: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    open: () => release(),
  };
}

/** An SDK client of `realm` on the history topic, recording raw frames, messages delivered and recoveries. */
async function resumingClient(realm: string, userId: string) {
  const tokens = gatedTokens(realm, userId);
  const { WebSocket, frames } = recordingWebSocket();
  const client = connect({
    url: platform.urls.gateway,
    getToken: tokens.getToken,
    topics: [topic],
    WebSocket,
  });
  clients.push(client);
  const delivered: string[] = [];
  const recoveries: RecoveryFrame[] = [];
  client.onTopic(topic, (_payload, frame) => delivered.push(frame.id));
  client.on('recovery', (frame) => recoveries.push(frame));
  await client.ready();
  return { client, tokens, frames, delivered, recoveries };
}

/** Publishes `count` messages one after another, each seen by `observer` before the next (offsets in order). */
async function publish(realm: string, observer: string[], count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { messageId } = await publisher.publishUncheckedToTopic({ realm, topic, payload });
    await waitFor(`message ${messageId} live`, () => observer.includes(messageId));
    ids.push(messageId);
  }
  return ids;
}

async function observerOf(realm: string): Promise<string[]> {
  const seen: string[] = [];
  const observer = connect({
    url: platform.urls.gateway,
    getToken: tokenSource(platform, 'observer', [], realm),
    topics: [topic],
    WebSocket: recordingWebSocket().WebSocket,
  });
  clients.push(observer);
  observer.onTopic(topic, (_p, frame) => seen.push(frame.id));
  await observer.ready();
  return seen;
}

/** The `recovery` array of the first frame (the welcome), as recorded. */
const welcomeRecovery = (frames: readonly object[]): unknown =>
  (frames[0] as { recovery?: unknown }).recovery;

/** Forces a disconnect (DELETE @connections) while the client cannot get a token, publishes, then lets it back. */
async function missWhileDisconnected(
  subject: Awaited<ReturnType<typeof resumingClient>>,
  realm: string,
  observer: string[],
  k: number,
): Promise<{ missed: string[]; framesBefore: number }> {
  const before = subject.client.connectionId;
  subject.tokens.shut();
  await management.send(new DeleteConnectionCommand({ ConnectionId: before }));
  await waitFor('the client to notice', () => subject.client.state === 'reconnecting');
  const missed = await publish(realm, observer, k);
  const framesBefore = subject.frames.length;
  subject.tokens.open();
  await waitFor('the recovery', () => subject.recoveries.length === 1, 30_000);
  return { missed, framesBefore };
}

describe('resuming a history topic through the local platform', { timeout: 120_000 }, () => {
  it('a client that missed k messages while disconnected receives exactly those k, then recovered: true', async () => {
    const realm = 'resume-k3';
    const observer = await observerOf(realm);
    const subject = await resumingClient(realm, 'resume-alice');
    const seen = await publish(realm, observer, 2);
    await waitFor('the first two', () => subject.delivered.length === 2);
    const { missed, framesBefore } = await missWhileDisconnected(subject, realm, observer, 3);

    const after = subject.frames.slice(framesBefore);
    // On the wire: the welcome with the answer to since (the SDK connects with recovery=welcome), then only
    // the 3 missed messages, replayed, in order; no recovery frame.
    expect(after[0]?.kind).toBe('welcome');
    expect(validators.WelcomeFrame(after[0]).ok).toBe(true);
    const epoch = subject.client.streamPositions[topic]?.epoch;
    expect(welcomeRecovery(after)).toEqual([{ topic, recovered: true, replayed: 3, offset: 5, epoch }]);
    expect(after.filter((f) => f.kind === 'recovery')).toEqual([]);
    const replayed = after.filter((f) => f.kind === 'topic');
    expect(replayed.map((f) => f.id)).toEqual(missed);
    expect(replayed.every((f) => (f as { replayed?: boolean }).replayed === true)).toBe(true);
    // The application gets the same event a recovery frame gave, after the replayed messages.
    expect(subject.recoveries).toEqual([
      { kind: 'recovery', topic, recovered: true, replayed: 3, offset: 5, epoch },
    ]);
    expect(subject.delivered.at(-1)).toBe(missed.at(-1));
    expect(subject.delivered).toEqual([...seen, ...missed]);
    expect(subject.client.streamPositions[topic]).toEqual({ offset: 5, epoch: subject.recoveries[0]?.epoch });
  });

  it('a client that missed more than the history holds is told recovered: false (HISTORY_TRIMMED)', async () => {
    const realm = 'resume-trimmed';
    const size = historySize(topic);
    const observer = await observerOf(realm);
    const subject = await resumingClient(realm, 'resume-bob');
    await publish(realm, observer, 1);
    await waitFor('the first message', () => subject.delivered.length === 1);
    const { missed, framesBefore } = await missWhileDisconnected(subject, realm, observer, size + 2);

    const after = subject.frames.slice(framesBefore);
    expect(after.filter((f) => f.kind === 'recovery')).toEqual([]);
    expect(welcomeRecovery(after)).toEqual([
      expect.objectContaining({ code: 'HISTORY_TRIMMED', replayed: size }),
    ]);
    const replayed = after.filter((f) => f.kind === 'topic');
    expect(replayed.map((f) => f.id)).toEqual(missed.slice(2));
    expect(subject.recoveries).toEqual([
      expect.objectContaining({ topic, recovered: false, code: 'HISTORY_TRIMMED', replayed: size }),
    ]);
    expect(subject.client.streamPositions[topic]?.offset).toBe(size + 3);
  });
});
