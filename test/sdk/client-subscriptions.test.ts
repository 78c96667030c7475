/**
 * The client SDK's `subscribe` / `unsubscribe` against the local platform: they resolve with the server's
 * answer, `onTopic('jobs.*')` receives every subscribed job topic typed by its family, and the client's current
 * set is asked for again by the new connection after a forced disconnect and after the 2-hour handover
 * (shortened to 10 s) without the application doing anything.
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobStatusPayload } from '../../generated/index.js';
import { connect, type PushClient } from '../../src/client/index.js';
import { payloadValidation } from '../../src/client/validation.js';
import type { Platform } from '../../src/local/platform.js';
import type { Publisher } from '../../src/publisher/index.js';
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
  platform = await startLocalPlatform({ maxConnectionSeconds: 10 });
  publisher = publisherFor(platform);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await platform?.stop();
});

const job = (jobId: string, progress: number): JobStatusPayload => ({
  jobId,
  status: 'running',
  progress,
  updatedAt: new Date().toISOString(),
});

function open(userId: string, topics: string[] = []): PushClient {
  const { WebSocket } = recordingWebSocket();
  const client = connect({
    url: platform.urls.gateway,
    getToken: tokenSource(platform, userId),
    topics,
    WebSocket,
    validatePayloads: payloadValidation,
    handoverLeadMs: 5000,
  });
  clients.push(client);
  return client;
}

describe('client subscriptions', { timeout: 120_000 }, () => {
  it('subscribe and unsubscribe resolve with the server answer; onTopic filters by family', async () => {
    const client = open('sub-alice', ['announcements']);
    await client.ready();
    const progress: [string, number][] = [];
    client.onTopic('jobs.*', (payload, frame) => progress.push([frame.topic, payload.progress]));

    const answer = await client.subscribe(['jobs.a-1', 'users.someone-else.activity']);
    expect(answer).toMatchObject({
      kind: 'subscribed',
      accepted: ['jobs.a-1'],
      rejected: [{ topic: 'users.someone-else.activity', code: 'NOT_TOPIC_OWNER' }],
      topics: ['announcements', 'jobs.a-1'],
    });
    expect(client.topics).toEqual(['announcements', 'jobs.a-1']);

    await publisher.publishToTopic({ realm: 'acme', topic: 'jobs.a-1', payload: job('a-1', 30) });
    await waitFor('the job message', () => progress.length === 1);
    expect(progress).toEqual([['jobs.a-1', 30]]);

    const off = await client.unsubscribe(['jobs.a-1']);
    expect(off).toMatchObject({
      kind: 'unsubscribed',
      unsubscribed: ['jobs.a-1'],
      topics: ['announcements'],
    });
    expect(client.topics).toEqual(['announcements']);
  });

  it('re-subscribes its current set after a forced disconnect', async () => {
    const client = open('sub-bob');
    const first = await client.ready();
    await client.subscribe(['jobs.b-1']);
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
    expect(client.welcome?.accepted).toEqual(['jobs.b-1']);
    const received: string[] = [];
    client.onTopic('jobs.b-1', (_payload, frame) => received.push(frame.id));
    const sent = await publisher.publishToTopic({
      realm: 'acme',
      topic: 'jobs.b-1',
      payload: job('b-1', 60),
    });
    await waitFor('the job message on the new connection', () => received.includes(sent.messageId));
    management.destroy();
  });

  it('keeps its subscriptions across the handover', async () => {
    const client = open('sub-carol');
    const first = await client.ready();
    await client.subscribe(['documents.d-5.comments']);
    await waitFor('the handover', () => client.connectionId !== first.connectionId, 30_000);
    expect(client.welcome?.accepted).toEqual(['documents.d-5.comments']);
    const received: string[] = [];
    client.onTopic('documents.*.comments', (payload) => received.push(payload.text));
    await publisher.publishToTopic({
      realm: 'acme',
      topic: 'documents.d-5.comments',
      payload: {
        commentId: 'c-1',
        author: 'carol',
        text: 'after the handover',
        createdAt: new Date().toISOString(),
      },
    });
    await waitFor('the comment on the new connection', () => received.includes('after the handover'));
  });
});
