/** The per-connection frame budget (token bucket as GCRA) with the in-memory store and a fake management API. */
import { describe, expect, it } from 'vitest';
import { limits } from '../../generated/index.js';
import {
  contractFrameBudget,
  FrameBudget,
  type FrameBudgetPolicy,
  gcraSpend,
  RATE_LIMITED_CLOSE_CODE,
} from './frame-budget.js';
import { createWorld } from './testing/world.js';

const policy: FrameBudgetPolicy = { intervalMs: 100, burst: 5, strikes: 3 };

describe('gcraSpend', () => {
  it('allows a burst of `burst` frames at one instant, then refuses', () => {
    let tat: number | undefined;
    const results: boolean[] = [];
    for (let i = 0; i < 7; i++) {
      const next = gcraSpend(tat, 1000, policy);
      results.push(next !== undefined);
      if (next) tat = next.tat;
    }
    expect(results).toEqual([true, true, true, true, true, false, false]);
  });

  it('refills one frame per interval', () => {
    let tat = gcraSpend(undefined, 0, policy)?.tat;
    for (let i = 0; i < 4; i++) tat = gcraSpend(tat, 0, policy)?.tat;
    expect(gcraSpend(tat, 0, policy)).toBeUndefined();
    expect(gcraSpend(tat, 99, policy)).toBeUndefined();
    expect(gcraSpend(tat, 100, policy)).toEqual({ tat: 600, refilled: false });
    expect(gcraSpend(tat, 500, policy)).toEqual({ tat: 600, refilled: true });
  });
});

describe('FrameBudget', () => {
  it('reads its numbers from the contract', () => {
    expect(contractFrameBudget.intervalMs).toBe(1000 / limits.clientFramesPerSecond);
    expect(contractFrameBudget.burst).toBe(limits.clientFrameBurst);
    expect(contractFrameBudget.strikes).toBe(limits.clientFrameStrikes);
    expect(RATE_LIMITED_CLOSE_CODE).toBe(4129);
  });

  it('refuses over the budget with RATE_LIMITED, then posts the notice and closes after the strikes', async () => {
    const world = createWorld();
    await world.connect('c1');
    const budget = new FrameBudget({ ...budgetDeps(world), policy });
    const admissions = [];
    for (let i = 0; i < 5 + 3; i++) admissions.push(await budget.admit('c1', `r-${i}`));
    expect(admissions.slice(0, 5).every((a) => a.handle)).toBe(true);
    expect(admissions[5]).toMatchObject({ handle: false, reply: { code: 'RATE_LIMITED', requestId: 'r-5' } });
    expect(admissions[6]).toMatchObject({ handle: false, reply: { code: 'RATE_LIMITED', retryable: true } });
    expect(admissions[7]).toEqual({ handle: false });
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'error', code: 'RATE_LIMITED', closeCode: 4129, requestId: 'r-7' }),
    ]);
    expect(world.gateway.closed).toEqual(['c1']);
  });

  it('forgives the strikes once the bucket has filled up again', async () => {
    const world = createWorld();
    await world.connect('c1');
    const budget = new FrameBudget({ ...budgetDeps(world), policy });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 5 + 2; i++) await budget.admit('c1');
      world.clock.advance(policy.intervalMs * policy.burst);
    }
    expect(world.gateway.closed).toEqual([]);
  });

  it('keeps one budget per connection: a flood on one leaves the others untouched', async () => {
    const world = createWorld();
    await world.connect('flood');
    await world.connect('calm');
    const budget = new FrameBudget({ ...budgetDeps(world), policy });
    for (let i = 0; i < 20; i++) await budget.admit('flood');
    expect(await budget.admit('calm')).toEqual({ handle: true });
    expect(world.gateway.closed).toEqual(['flood']);
  });

  it('lets frames of a connection without rows through (the route answers CONNECTION_NOT_FOUND)', async () => {
    const world = createWorld();
    const budget = new FrameBudget({ ...budgetDeps(world), policy });
    for (let i = 0; i < 10; i++) expect(await budget.admit('gone')).toEqual({ handle: true });
  });

  it('answers extendTTL and $default frames with RATE_LIMITED once over the budget (ClientFrameService)', async () => {
    const world = createWorld();
    await world.connect('c1');
    const replies = [];
    for (let i = 0; i < limits.clientFrameBurst + 1; i++) {
      const action = i % 2 === 0 ? 'extendTTL' : 'no-such-action';
      replies.push(await world.frames.respond('c1', JSON.stringify({ action, requestId: `r${i}` }), false));
    }
    // Within the burst each frame is handled: extendTTL extended, the unknown action UNKNOWN_ACTION.
    const within = replies.slice(0, limits.clientFrameBurst);
    expect(within.filter((r) => r?.kind === 'ttl-extended')).toHaveLength(limits.clientFrameBurst / 2);
    expect(within.every((r) => r?.kind !== 'error' || r.code === 'UNKNOWN_ACTION')).toBe(true);
    expect(replies.at(-1)).toMatchObject({
      kind: 'error',
      code: 'RATE_LIMITED',
      requestId: `r${limits.clientFrameBurst}`,
    });
  });
});

function budgetDeps(world: ReturnType<typeof createWorld>) {
  return {
    store: world.budgetStore,
    gateway: world.gateway,
    now: () => world.clock.now(),
  };
}
