import { describe, expect, it } from 'vitest';
import { AdaptivePacer, fanoutPlan, type Pacer, THROTTLED_RETRY_MIN_MS } from './pacing.js';
import { postWithRetry } from './posting.js';
import { FakeConnectionGateway, ManualClock } from './testing/memory.js';
import { broadcastEnvelope, createWorld } from './testing/world.js';

/** A sleep that moves the manual clock, so paced code runs in simulated time. */
function clockSleep(clock: ManualClock) {
  const delays: number[] = [];
  const sleep = async (ms: number): Promise<void> => {
    delays.push(ms);
    clock.advance(ms);
  };
  return Object.assign(sleep, { delays });
}

describe('fan-out plan from the posting budget', () => {
  it('gives just enough workers at ≤ 1,000 posts/s each, one shard per invocation', () => {
    expect(fanoutPlan(10_000)).toEqual({
      workers: 10,
      ratePerWorker: 1000,
      inFlightPerWorker: 250,
      batchSize: 1,
    });
    expect(fanoutPlan(2_500)).toMatchObject({ workers: 3, ratePerWorker: 2500 / 3 });
    // The event source mapping needs at least 2; a small budget is split between them.
    expect(fanoutPlan(500)).toMatchObject({ workers: 2, ratePerWorker: 250, inFlightPerWorker: 63 });
    expect(fanoutPlan(1)).toMatchObject({ workers: 2, ratePerWorker: 0.5, inFlightPerWorker: 10 });
  });
});

describe('AdaptivePacer', () => {
  it('spaces posts at 1 / rate after a quarter second of burst, halves the rate on a 429 and climbs back 10% of it per second', async () => {
    const clock = new ManualClock(0);
    const sleep = clockSleep(clock);
    const pacer = new AdaptivePacer(100, clock, sleep);
    // A quarter second's worth (25) goes at once, then one every 10 ms.
    for (let i = 0; i < 30; i++) await pacer.acquire();
    expect(clock.now()).toBe(50);
    pacer.throttled();
    expect(pacer.currentRate()).toBe(50);
    // A burst of 429s within 100 ms counts once.
    pacer.throttled();
    expect(pacer.currentRate()).toBe(50);
    clock.advance(2_000);
    expect(pacer.currentRate()).toBe(70);
    clock.advance(10_000);
    expect(pacer.currentRate()).toBe(100);
    for (let i = 0; i < 20; i++) {
      pacer.throttled();
      clock.advance(100);
    }
    // Never below 5% of the full rate, so a worker always makes progress.
    expect(pacer.currentRate()).toBeGreaterThanOrEqual(5);
  });
});

describe('paced posting', () => {
  const throttledThenOk = () => new FakeConnectionGateway().script('c1', 'throttled', 'throttled', 'ok');

  it('a 429 slows the pacer and is tried again after at least a second, without counting against throttleRetries', async () => {
    const clock = new ManualClock(0);
    const sleep = clockSleep(clock);
    const calls: string[] = [];
    const pacer: Pacer = {
      acquire: async () => void calls.push('acquire'),
      throttled: () => void calls.push('throttled'),
    };
    const settings = { concurrency: 1, throttleRetries: 0, backoff: { baseDelayMs: 50, maxDelayMs: 1000 } };
    const deadline = { stopAt: 60_000, now: () => clock.now() };
    const result = await postWithRetry(
      { gateway: throttledThenOk(), sleep, random: () => 0.5, settings, pacer },
      'c1',
      'frame',
      deadline,
    );
    expect(result.outcome).toBe('ok');
    expect(calls).toEqual(['acquire', 'throttled', 'acquire', 'throttled', 'acquire']);
    expect(sleep.delays).toEqual([1.5 * THROTTLED_RETRY_MIN_MS, 1.5 * THROTTLED_RETRY_MIN_MS]);
  });

  it('stops retrying when the next try would pass the deadline', async () => {
    const clock = new ManualClock(0);
    const sleep = clockSleep(clock);
    const pacer = new AdaptivePacer(1000, clock, sleep);
    const settings = { concurrency: 1, throttleRetries: 3, backoff: { baseDelayMs: 50, maxDelayMs: 1000 } };
    const result = await postWithRetry(
      { gateway: throttledThenOk(), sleep, random: () => 0.5, settings, pacer },
      'c1',
      'frame',
      { stopAt: 1_000, now: () => clock.now() },
    );
    expect(result.outcome).toBe('throttled');
  });

  it('a shard still throttled at its deadline continues in a job 1 s later with the same attempt, not a retry', async () => {
    const clock = new ManualClock();
    const sleep = clockSleep(clock);
    const pacer = new AdaptivePacer(1000, clock, sleep);
    const world = createWorld({ pacer });
    await world.open('busy');
    await world.open('fine');
    world.gateway.script('busy', 'throttled');
    const envelope = broadcastEnvelope();
    const result = await world.broadcast.runShardJob(
      { shard: 0, shards: 1, connectionIds: ['busy', 'fine'], envelope, attempt: 2 },
      world.clock.now() + 500,
    );
    expect(result).toMatchObject({ delivered: 1, throttled: 1, retried: 0, throttledLater: 1 });
    expect(world.fanoutQueue.sent).toEqual([
      {
        job: { shard: 0, shards: 1, connectionIds: ['busy'], envelope, attempt: 2 },
        delaySeconds: THROTTLED_RETRY_MIN_MS / 1000,
      },
    ]);
    expect(world.gateway.framesTo('fine')).toHaveLength(1);
  });
});
