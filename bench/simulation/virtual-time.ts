/**
 * A virtual clock for the simulation: timers are kept in whole-millisecond buckets and fired in time order; the
 * clock jumps from one bucket to the next once every promise chain started by the previous bucket has settled
 * (one `setImmediate` turn drains the microtask queue, and nothing in the simulation does real I/O).
 */
import type { Clock, RandomSource, Sleep } from '../../src/core/ports.js';

export class VirtualTime implements Clock {
  private current = 0;
  private readonly buckets = new Map<number, Array<() => void>>();
  private readonly heap: number[] = [];

  constructor(private readonly epochMs: number) {}

  /** Epoch milliseconds (what the core reads). */
  now(): number {
    return this.epochMs + this.current;
  }

  /** Milliseconds since the simulation started. */
  elapsed(): number {
    return this.current;
  }

  /** Runs `fn` `delayMs` from now (rounded up to the next whole millisecond). */
  after(delayMs: number, fn: () => void): void {
    const at = this.current + Math.max(0, Math.ceil(delayMs));
    let bucket = this.buckets.get(at);
    if (!bucket) {
      bucket = [];
      this.buckets.set(at, bucket);
      this.push(at);
    }
    bucket.push(fn);
  }

  readonly sleep: Sleep = (ms) => new Promise((resolve) => this.after(ms, resolve));

  /** Fires timers until none is left or the next one is later than `untilMs` (since the start). */
  async run(untilMs: number): Promise<void> {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = this.heap[0];
      if (next === undefined || next > untilMs) return;
      this.pop();
      this.current = next;
      const bucket = this.buckets.get(next) ?? [];
      this.buckets.delete(next);
      for (const fn of bucket) fn();
    }
  }

  private push(value: number): void {
    const h = this.heap;
    h.push(value);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((h[parent] as number) <= value) break;
      h[i] = h[parent] as number;
      i = parent;
    }
    h[i] = value;
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop() as number;
    if (h.length === 0) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= h.length) break;
      const right = left + 1;
      const child = right < h.length && (h[right] as number) < (h[left] as number) ? right : left;
      if ((h[child] as number) >= last) break;
      h[i] = h[child] as number;
      i = child;
    }
    h[i] = last;
  }
}

/** Deterministic PRNG (mulberry32), so a run is reproducible. */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A lognormal sample with the given median (sigma = spread of the log). */
export function lognormal(random: RandomSource, medianMs: number, sigma: number): number {
  const u = Math.max(random(), 1e-12);
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
  return medianMs * Math.exp(sigma * z);
}

/** A token bucket: `rate` tokens per second, at most `burst` stored. */
export class TokenBucket {
  private tokens: number;
  private last = 0;

  constructor(
    private readonly clock: { elapsed(): number },
    private readonly rate: number,
    private readonly burst: number,
  ) {
    this.tokens = burst;
  }

  private refill(): void {
    const now = this.clock.elapsed();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.rate) / 1000);
    this.last = now;
  }

  /** Takes `n` tokens if available now. */
  tryTake(n = 1): boolean {
    this.refill();
    if (this.tokens < n) return false;
    this.tokens -= n;
    return true;
  }

  /** Reserves `n` tokens, going into debt: how long the caller must wait for them (0 when available now). */
  reserve(n: number): number {
    this.refill();
    this.tokens -= n;
    return this.tokens >= 0 ? 0 : (-this.tokens * 1000) / this.rate;
  }

  /** Gives back a reservation the caller did not use. */
  refund(n: number): void {
    this.tokens += n;
  }
}
