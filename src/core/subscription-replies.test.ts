/** The `subscribe` / `unsubscribe` replies: a transient @connections error does not lose the reply (#11 debt). */
import { describe, expect, it } from 'vitest';
import { topics } from '../../test/support/contract-picks.js';
import { REPLY_FAILED_RETRIES, SubscriptionReplies } from './subscription-replies.js';
import { SubscriptionService } from './subscriptions.js';
import { createWorld } from './testing/world.js';

const identity = { userId: 'alice', realm: 'acme', roles: [] };

function setup() {
  const world = createWorld();
  const subscriptions = new SubscriptionService({
    store: world.store,
    history: world.history,
    clock: world.clock,
    settings: { maxTopicsPerConnection: 20 },
  });
  const replies = new SubscriptionReplies({
    gateway: world.gateway,
    sleep: world.sleep,
    random: () => 0.5,
    settings: { concurrency: 4, throttleRetries: 3, backoff: { baseDelayMs: 50, maxDelayMs: 1000 } },
    subscriptions,
    budget: world.budget,
  });
  const frame = (action: string, requestId: string) =>
    JSON.stringify({ action, requestId, topics: [topics.openDrop] });
  return { world, replies, frame };
}

describe('subscription replies: transient post errors are retried', () => {
  it('a subscribed reply whose first two posts fail (5xx, timeout) is posted by a retry, after a backoff', async () => {
    const { world, replies, frame } = setup();
    await world.open('c1', identity, []);
    world.gateway.script('c1', new Error('500 InternalServerError'), new Error('timed out'), 'ok');
    const summary = await replies.answer('c1', identity, frame('subscribe', 'r1'), false);
    expect(summary.reply).toBe('ok');
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'subscribed', requestId: 'r1', accepted: [topics.openDrop] }),
    ]);
    expect(world.sleep.delays).toHaveLength(2);
  });

  it('an unsubscribed reply is retried the same way', async () => {
    const { world, replies, frame } = setup();
    await world.open('c1', identity, [topics.openDrop]);
    world.gateway.script('c1', new Error('503 ServiceUnavailable'), 'ok');
    const summary = await replies.answer('c1', identity, frame('unsubscribe', 'r2'), false);
    expect(summary.reply).toBe('ok');
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'unsubscribed', requestId: 'r2', unsubscribed: [topics.openDrop] }),
    ]);
  });

  it(`gives up after ${REPLY_FAILED_RETRIES} retries: the reply is reported failed, the subscription is kept`, async () => {
    const { world, replies, frame } = setup();
    await world.open('c1', identity, []);
    world.gateway.script('c1', new Error('500 InternalServerError'));
    const summary = await replies.answer('c1', identity, frame('subscribe', 'r3'), false);
    expect(summary.reply).toBe('failed');
    expect(world.sleep.delays).toHaveLength(REPLY_FAILED_RETRIES);
    expect((await world.store.getConnection('c1'))?.topics).toEqual([topics.openDrop]);
  });

  it('a gone connection is not retried', async () => {
    const { world, replies, frame } = setup();
    await world.open('c1', identity, []);
    world.gateway.script('c1', 'gone');
    const summary = await replies.answer('c1', identity, frame('subscribe', 'r4'), false);
    expect(summary.reply).toBe('gone');
    expect(world.sleep.delays).toHaveLength(0);
  });
});
