/**
 * The client SDK's `subscribe` / `unsubscribe` against the local platform: they resolve with the server's
 * answer, `onTopic(<a family's filter>)` receives every subscribed topic of the family typed by it, and the client's current
 * set is asked for again by the new connection after a forced disconnect and after the 2-hour handover
 * (shortened to 10 s) without the application doing anything.
 */
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TopicFamily, topicRegistry } from '../../generated/index.js';
import { connect, type PushClient } from '../../src/client/index.js';
import { payloadValidation } from '../../src/client/validation.js';
import type { Platform } from '../../src/local/platform.js';
import type { Publisher } from '../../src/publisher/index.js';
import {
  families,
  ownerParameter,
  payloadFor,
  topicIn,
  topicMessage,
  topics,
} from '../support/contract-picks.js';
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

/** A family every user may subscribe to, any parameter value (no owner rule). */
const family: TopicFamily = families.unowned ?? expect.fail('the contract has no family with a parameter');

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
    const owned = families.owned ?? expect.fail('the contract has no family with an owner rule');
    const first = topics.openHistory;
    const client = open('sub-alice', [first]);
    await client.ready();
    const received: [string, unknown][] = [];
    client.onTopic(topicRegistry[family].filter, (payload, frame) => received.push([frame.topic, payload]));

    const mine = topicIn(family, 'a-1');
    const othersOwn = topicIn(owned, 'x', { [ownerParameter(owned)]: 'someone-else' });
    const answer = await client.subscribe([mine, othersOwn]);
    expect(answer).toMatchObject({
      kind: 'subscribed',
      accepted: [mine],
      rejected: [{ topic: othersOwn, code: 'NOT_TOPIC_OWNER' }],
      topics: [first, mine],
    });
    expect(client.topics).toEqual([first, mine]);

    await publisher.publishToTopic(topicMessage(mine));
    await waitFor('the message of the family', () => received.length === 1);
    expect(received).toEqual([[mine, payloadFor(mine)]]);

    const off = await client.unsubscribe([mine]);
    expect(off).toMatchObject({
      kind: 'unsubscribed',
      unsubscribed: [mine],
      topics: [first],
    });
    expect(client.topics).toEqual([first]);
  });

  it('re-subscribes its current set after a forced disconnect', async () => {
    const client = open('sub-bob');
    const first = await client.ready();
    const topic = topicIn(family, 'b-1');
    await client.subscribe([topic]);
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
    expect(client.welcome?.accepted).toEqual([topic]);
    const received: string[] = [];
    client.onTopic(topicRegistry[family].filter, (_payload, frame) => received.push(frame.id));
    const sent = await publisher.publishToTopic(topicMessage(topic));
    await waitFor('the message on the new connection', () => received.includes(sent.messageId));
    management.destroy();
  });

  it('keeps its subscriptions across the handover', async () => {
    const client = open('sub-carol');
    const first = await client.ready();
    const topic = topicIn(family, 'd-5');
    await client.subscribe([topic]);
    await waitFor('the handover', () => client.connectionId !== first.connectionId, 30_000);
    expect(client.welcome?.accepted).toEqual([topic]);
    const received: string[] = [];
    client.onTopic(topicRegistry[family].filter, (_payload, frame) => received.push(frame.id));
    const sent = await publisher.publishToTopic(topicMessage(topic));
    await waitFor('the message on the new connection', () => received.includes(sent.messageId));
  });
});
