/**
 * The client and publisher SDKs (and the CLI) against the whole local platform: gateway, authorizer,
 * handlers, SNS, SQS, DynamoDB.
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TopicMessageFrame, UserMessageFrame } from '../../generated/index.js';
import { type ClientState, connect, type PushClient } from '../../src/client/index.js';
import { payloadValidation } from '../../src/client/validation.js';
import type { Platform } from '../../src/local/platform.js';
import { type Publisher, PublishValidationError } from '../../src/publisher/index.js';
import {
  otherUserMessageType,
  payloadFor,
  payloadMissingFieldFor,
  topicMessage,
  topics,
  unknownTopic,
  userMessage,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import { spawnCli, WSPUSH_BIN } from '../support/spawn-cli.js';
import {
  publisherFor,
  recordingWebSocket,
  startLocalPlatform,
  tokenSource,
  waitFor,
} from './platform-helpers.js';

let platform: Platform;
let publisher: Publisher;
const clients: PushClient[] = [];

beforeAll(async () => {
  platform = await startLocalPlatform();
  publisher = publisherFor(platform);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await platform?.stop();
});

function track(client: PushClient): PushClient {
  clients.push(client);
  return client;
}

/** A topic every user may read, with history (so a reconnect can resume from its position). */
const topic = topics.openHistory;

// Generous timeouts: this machine runs several suites at once, and each spawn starts Node + tsx.
describe('client SDK against the local platform', { timeout: 120_000 }, () => {
  it('receives typed topic and user messages and reports accepted and rejected topics', async () => {
    const { WebSocket } = recordingWebSocket();
    const client = track(
      connect({
        url: platform.urls.gateway,
        getToken: tokenSource(platform, 'typed-alice'),
        topics: [topic, topics.openDrop, topics.gated, unknownTopic],
        WebSocket,
        validatePayloads: payloadValidation,
      }),
    );
    const withHistory: unknown[] = [];
    const withoutHistory: unknown[] = [];
    const userMessages: { payload: unknown; frame: UserMessageFrame }[] = [];
    const invalid: unknown[] = [];
    client.onTopic(topic, (payload) => withHistory.push(payload));
    client.onTopic(topics.openDrop, (payload) => withoutHistory.push(payload));
    client.onUserMessage(userMessageType, (payload, frame) => userMessages.push({ payload, frame }));
    client.on('invalid-message', (detail) => invalid.push(detail));

    const welcome = await client.ready();
    expect(welcome.userId).toBe('typed-alice');
    expect(client.accepted).toEqual([topic, topics.openDrop]);
    expect(client.rejected.map((r) => [r.topic, r.code])).toEqual([
      [topics.gated, 'FORBIDDEN_TOPIC'],
      [unknownTopic, 'UNKNOWN_TOPIC'],
    ]);

    await publisher.publishToTopic(topicMessage(topic));
    await publisher.publishToTopic(topicMessage(topics.openDrop));
    const sent = await publisher.publishToUser({
      ...userMessage('typed-alice'),
      correlationId: 'req-typed-1',
    });
    await waitFor(
      'three messages',
      () => withHistory.length + withoutHistory.length + userMessages.length >= 3,
    );
    expect(withHistory).toEqual([payloadFor(topic)]);
    expect(withoutHistory).toEqual([payloadFor(topics.openDrop)]);
    expect(userMessages).toHaveLength(1);
    expect(userMessages[0]?.payload).toEqual(userMessageExample(userMessageType));
    expect(userMessages[0]?.frame).toMatchObject({ id: sent.messageId, correlationId: 'req-typed-1' });
    expect(invalid).toEqual([]);
  });

  it('connects with every token transport (subprotocol, query, header)', async () => {
    for (const transport of ['subprotocol', 'query', 'header'] as const) {
      const client = track(
        connect({
          url: platform.urls.gateway,
          getToken: tokenSource(platform, `transport-${transport}`),
          topics: [topic],
          WebSocket: recordingWebSocket().WebSocket,
          transport,
        }),
      );
      await expect(client.ready()).resolves.toMatchObject({ userId: `transport-${transport}` });
      await client.close();
    }
  });

  it('survives a forced disconnect (DELETE @connections), with a fresh token, resuming from its stream position', async () => {
    const { WebSocket, frames } = recordingWebSocket();
    const getToken = tokenSource(platform, 'forced-bob');
    const client = track(connect({ url: platform.urls.gateway, getToken, topics: [topic], WebSocket }));
    const states: ClientState[] = [];
    client.on('state', (s) => states.push(s));
    const received: string[] = [];
    client.onTopic(topic, (_payload, frame) => received.push(frame.id));
    const first = await client.ready();

    const before = await publisher.publishToTopic(topicMessage(topic));
    await waitFor('the first message', () => received.includes(before.messageId));

    const management = new ApiGatewayManagementApiClient({
      endpoint: platform.urls.management,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    await management.send(new DeleteConnectionCommand({ ConnectionId: first.connectionId }));
    await waitFor(
      'a new connection',
      () => client.connectionId !== undefined && client.connectionId !== first.connectionId,
    );
    expect(states).toContain('reconnecting');
    expect(client.state).toBe('open');
    expect(getToken.calls).toBe(2);

    const after = await publisher.publishToTopic(topicMessage(topic));
    await waitFor('the message after the reconnect', () => received.includes(after.messageId));
    // The topic keeps a history, but the new connection sent its position (`since`): nothing it had is
    // replayed (before #12 the first message came again, dropped by id), and its welcome says so (the SDK
    // connects with recovery=welcome: no recovery frame).
    const wireCopies = frames.filter((f) => f.kind === 'topic' && f.id === before.messageId);
    expect(wireCopies).toHaveLength(1);
    expect(frames.filter((f) => f.kind === 'recovery')).toEqual([]);
    const welcomes = frames.filter((f) => f.kind === 'welcome') as { recovery?: unknown }[];
    expect(welcomes.map((w) => w.recovery)).toEqual([
      undefined,
      [expect.objectContaining({ topic, recovered: true, replayed: 0 })],
    ]);
    expect(received.filter((id) => id === before.messageId)).toHaveLength(1);
    expect(new Set(received).size).toBe(received.length);
  });

  it('delivers user messages missed while offline on the next connect, once', async () => {
    const getToken = tokenSource(platform, 'offline-carol');
    const type = otherUserMessageType;
    const offline = await publisher.publishToUser(userMessage('offline-carol', type));
    const missed: { id: string; payload: unknown; offline: boolean | undefined }[] = [];
    const client = track(
      connect({
        url: platform.urls.gateway,
        getToken,
        topics: [],
        WebSocket: recordingWebSocket().WebSocket,
      }),
    );
    client.onUserMessage(type, (payload, frame) =>
      missed.push({ id: frame.id, payload, offline: frame.offline }),
    );
    const welcome = await client.ready();
    expect(welcome.pendingOffline).toBeGreaterThanOrEqual(1);
    await waitFor('the offline message', () => missed.length >= 1);
    expect(missed).toEqual([{ id: offline.messageId, payload: userMessageExample(type), offline: true }]);
  });

  it('stops, without retrying, when the token is refused at the upgrade (401)', async () => {
    let calls = 0;
    const client = track(
      connect({
        url: platform.urls.gateway,
        getToken: () => {
          calls += 1;
          return 'not-a-jwt';
        },
        topics: [topic],
        WebSocket: recordingWebSocket().WebSocket,
      }),
    );
    await expect(client.ready()).rejects.toThrow(/token-denied\), upgrade status 401/);
    expect(calls).toBe(1);
    expect(client.state).toBe('closed');
  });

  it('the publisher rejects invalid messages before they reach SNS', async () => {
    const missing = payloadMissingFieldFor(topic);
    const error = await publisher
      .publishUncheckedToTopic({ realm: 'acme', topic, payload: missing.payload })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishValidationError);
    expect((error as PublishValidationError).field).toBe(`payload.${missing.field}`);
  });

  it('publishes from the CLI (spawned) to a connected client; wspush token mints a working token', async () => {
    const run = (args: string[]) =>
      spawnCli(process.execPath, [WSPUSH_BIN, ...args], {
        env: {
          AWS_ENDPOINT_URL: platform.urls.edge,
          WSPUSH_BROADCAST_TOPIC_ARN: undefined,
          WSPUSH_USER_TOPIC_ARN: undefined,
        },
      });

    const token = await run(['token', '--user', 'cli-dave', '--realm', 'acme', '--idp', platform.urls.idp]);
    expect(token.stderr).toBe('');
    expect(token.code).toBe(0);
    const received: TopicMessageFrame[] = [];
    const client = track(
      connect({
        url: platform.urls.gateway,
        token: token.stdout.trim(),
        topics: [topic],
        WebSocket: recordingWebSocket().WebSocket,
      }),
    );
    client.onTopic(topic, (_p, frame) => received.push(frame));
    await expect(client.ready()).resolves.toMatchObject({ userId: 'cli-dave' });

    const published = await run([
      'publish',
      'topic',
      '--realm',
      'acme',
      '--topic',
      topic,
      '--payload',
      JSON.stringify(payloadFor(topic)),
      '--correlation-id',
      'cli-corr-1',
    ]);
    expect(published.stderr).toBe('');
    expect(published.code).toBe(0);
    const { messageId } = JSON.parse(published.stdout) as { messageId: string };
    await waitFor('the CLI message', () => received.some((f) => f.id === messageId));
    expect(received.find((f) => f.id === messageId)).toMatchObject({
      correlationId: 'cli-corr-1',
      payload: payloadFor(topic),
    });
  });
});
