import { describe, expect, it } from 'vitest';
import { topicRegistry } from '../../generated/index.js';
import { broadcastScenario, reconnectStorm, TOPIC } from './scenarios.js';
import { SimQueue } from './sqs.js';
import { TokenBucket, VirtualTime } from './virtual-time.js';

describe('virtual time', () => {
  it('fires timers in time order and jumps the clock without waiting', async () => {
    const vt = new VirtualTime(1_000);
    const seen: string[] = [];
    void vt.sleep(30).then(() => seen.push(`b@${vt.elapsed()}`));
    vt.after(10, () => seen.push(`a@${vt.elapsed()}`));
    void (async () => {
      await vt.sleep(5);
      await vt.sleep(50);
      seen.push(`c@${vt.elapsed()}`);
    })();
    const started = performance.now();
    await vt.run(60_000);
    expect(seen).toEqual(['a@10', 'b@30', 'c@55']);
    expect(vt.now()).toBe(1_055);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('a token bucket refuses beyond its burst and refills at its rate', async () => {
    const vt = new VirtualTime(0);
    const bucket = new TokenBucket(vt, 10, 5);
    expect([1, 2, 3, 4, 5, 6].map(() => bucket.tryTake())).toEqual([true, true, true, true, true, false]);
    vt.after(500, () => {});
    await vt.run(1_000);
    expect([1, 2, 3, 4, 5, 6].map(() => bucket.tryTake())).toEqual([true, true, true, true, true, false]);
  });
});

describe('simulated SQS', () => {
  it('moves a message to the DLQ once it was received maxReceiveCount times', async () => {
    const vt = new VirtualTime(0);
    const queue = new SimQueue(vt, 'q', { visibilityTimeoutMs: 1_000, maxReceiveCount: 2 });
    queue.enqueue('job', 0);
    for (let i = 0; i < 2; i++) {
      const [message] = queue.take(10);
      expect(message?.receiveCount).toBe(i + 1);
      if (message) queue.release(message, 1_000);
      await vt.run(vt.elapsed() + 1_000);
    }
    expect(queue.take(10)).toEqual([]);
    expect(queue.stats.dlq).toBe(1);
    expect(queue.drained()).toBe(true);
  });
});

describe('broadcast scenario (the real BroadcastService on the modeled parts)', () => {
  it('delivers to every subscriber once, no sooner than the posting budget allows', async () => {
    const result = await broadcastScenario({ subscribers: 3_000, payloadBytes: 100, warm: true });
    expect(result).toMatchObject({
      delivered: 3_000,
      lost: 0,
      duplicates: 0,
      dlq: 0,
      routerAttempts: 1,
      throttled: 0,
    });
    // 3,000 over the topic's partition keys in shards of at most 250 per page: at least 12, and at most one
    // partly filled shard more per partition.
    const partitions = topicRegistry[TOPIC].partitions;
    expect(result.routerShardJobs).toBeGreaterThanOrEqual(12);
    expect(result.routerShardJobs).toBeLessThanOrEqual(12 + partitions);
    expect(result.duplicateShardJobs).toBe(0);
    expect(result.lastDeliveryMs).toBeGreaterThanOrEqual(result.floorMs);
    expect(result.dollarsPerMillionDeliveries).toBeGreaterThan(1);
  });

  it('a router cut off half-way and retried by SNS sends no shard twice and loses no one', async () => {
    const result = await broadcastScenario({
      subscribers: 20_000,
      payloadBytes: 100,
      warm: true,
      // Cut off early: the topic's many partition keys are read side by side, so the router is quick.
      routerFirstAttemptCutOffMs: 50,
    });
    expect(result).toMatchObject({ delivered: 20_000, lost: 0, duplicates: 0, duplicateShardJobs: 0 });
    expect(result.routerAttempts).toBe(2);
    // 20,000 in shards of at most 250 per page: at least 80, each sent once.
    expect(result.routerShardJobs).toBeGreaterThanOrEqual(80);
  });
});

describe('reconnect storm (ConnectionService and DeliveryWorker on the modeled parts)', () => {
  it('welcomes everyone; a client sending since gets the welcome (with the answer to since) and only what it missed', async () => {
    const result = await reconnectStorm({ clients: 1_000, newConnectionsPerSecond: 2_000, windowMs: 5_000 });
    expect(result).toMatchObject({
      neverWelcomed: 0,
      connectFailures: 0,
      dlq: 0,
      dynamoThrottledRequests: 0,
    });
    expect(result.missedPerReconnect).toBe(1.5);
    // No recovery frame (recovery=welcome): 1 + the messages actually missed (#17's target).
    expect(result.postsPerReconnect).toBe(1 + result.missedPerReconnect);
    // One history read per delivery-worker invocation, not per connection (batches of up to 10 jobs).
    expect(result.historyReads).toBeLessThan(1_000 / 2);
    expect(result.historyReads).toBeGreaterThanOrEqual(1_000 / 10);
  });
});
