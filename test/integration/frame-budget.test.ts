/**
 * The per-connection frame budget end to end (issue #14 item 9): a client flooding extendTTL /
 * subscribe / $default frames gets RATE_LIMITED error frames, then the closing notice (RATE_LIMITED, closeCode
 * 4129) and the close; a client connected beside it keeps its pongs and its topic messages. `ping` is a mock
 * route the gateway answers itself: no function counts it, so it is outside the budget (the stage's route
 * throttle bounds it on AWS).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../generated/index.js';
import type { Platform } from '../../src/local/platform.js';
import { parameterizedFamily, payloadFor, topicIn, topics } from '../support/contract-picks.js';
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

beforeAll(async () => {
  platform = await startTestPlatform();
  clients = awsClients(platform);
});
afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

async function welcomed(userId: string): Promise<TestClient> {
  const c = await connect(platform, { userId, realm: 'acme', topics: [topics.openHistory] });
  await c.welcome();
  return c;
}

describe('frame budget', () => {
  it('answers a flood with RATE_LIMITED, then closes it with the notice; a calm client is unaffected', async () => {
    const flood = await welcomed('flooder');
    const calm = await welcomed('calm');
    // A full bucket serves a burst: every one of these is answered, none refused.
    for (let i = 0; i < limits.clientFrameBurst; i++) flood.ws.send(JSON.stringify({ action: 'extendTTL' }));
    await flood.waitUntil(
      (c) => c.ofKind('ttl-extended').length === limits.clientFrameBurst,
      'the burst answered',
    );
    expect(flood.ofKind('error')).toEqual([]);
    // Then it keeps going. How fast this machine answers decides how fast the bucket drains (a loaded machine
    // answers slower than the budget refills), so the bucket is drained in the table first: the meta row's
    // budget says the next free frame is 10 minutes away, and every frame from now on is refused.
    const connectionId = String(flood.frames[0]?.connectionId);
    await clients.dynamo.send(
      new UpdateCommand({
        TableName: platform.tableName,
        Key: { pk: `conn#${connectionId}`, sk: 'meta' },
        UpdateExpression: 'SET budgetTat = :later',
        ExpressionAttributeValues: { ':later': Date.now() + 600_000 },
      }),
    );
    // A ping over the budget is still answered: the gateway renders its pong, no function sees it.
    const pong = await flood.request(JSON.stringify({ action: 'ping' }));
    expect(pong).toEqual({ kind: 'pong', serverTime: pong.serverTime });
    const frames = ['extendTTL', 'subscribe', 'no-such-action'];
    for (let i = 0; i < limits.clientFrameStrikes + 10; i++) {
      const action = frames[i % frames.length];
      const frame =
        action === 'subscribe' ? { action, topics: [topicIn(parameterizedFamily, '1')] } : { action };
      flood.ws.send(JSON.stringify({ ...frame, requestId: `f${i}` }));
    }
    const closed = await flood.closed(60_000);
    // DELETE @connections closes with 1000 (as API Gateway does); the notice before it says what it means.
    expect(closed.code).toBe(1000);
    const errors = flood.ofKind('error');
    const notice = errors.find((f) => f.closeCode !== undefined);
    expect(notice).toMatchObject({ code: 'RATE_LIMITED', closeCode: 4129, retryable: true });
    const refused = errors.filter((f) => f.code === 'RATE_LIMITED' && f.closeCode === undefined);
    // Strikes 1..19 are answered RATE_LIMITED; the 20th closes (a reply racing the close may be lost).
    expect(refused.length).toBeLessThanOrEqual(limits.clientFrameStrikes - 1);
    expect(refused.length).toBeGreaterThan(limits.clientFrameStrikes / 2);
    // Nothing of the refused frames was handled: no ttl-extended or subscribed after the burst, and the
    // unknown action got RATE_LIMITED, not UNKNOWN_ACTION.
    expect(flood.ofKind('ttl-extended')).toHaveLength(limits.clientFrameBurst);
    expect(flood.ofKind('subscribed')).toEqual([]);
    expect(errors.every((f) => f.code === 'RATE_LIMITED')).toBe(true);
    // The calm client pings and receives its topic messages as before.
    const ttl = await calm.request(JSON.stringify({ action: 'extendTTL', requestId: 'calm-1' }));
    expect(ttl).toMatchObject({ kind: 'ttl-extended', requestId: 'calm-1' });
    expect(await calm.request(JSON.stringify({ action: 'ping' }))).toMatchObject({ kind: 'pong' });
    const id = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: topics.openHistory,
      payload: payloadFor(topics.openHistory),
    });
    await calm.waitForFrame((f) => f.kind === 'topic' && f.id === id, 'the topic message');
    await calm.close();
  }, 60_000);
});
