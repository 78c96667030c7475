/**
 * Pacing of bulk posts (broadcast fan-out) to the stack's share of API Gateway's account-wide `@connections`
 * budget. Every fan-out worker environment paces itself at `budget ÷ workers`, so the workers together stay at
 * the budget without talking to each other; a 429 (someone else used the budget: welcomes, user messages,
 * another stack) halves the worker's rate, which then climbs back additively (AIMD, as TCP does). Posts that
 * are not bulk (welcomes, history, user messages) are not paced: they go first and take the headroom.
 */
import type { Clock, Sleep } from './ports.js';

/**
 * Posts one fan-out worker environment can issue per second, with room to spare: the AWS SDK spends ≈ 0.6 ms of
 * CPU per PostToConnection (bench/results/fanout.json), and a 1,769 MB function has one vCPU.
 */
export const POSTS_PER_WORKER_PER_SECOND = 1000;
/** A paced worker never goes below this share of its rate after 429s, so it always makes progress. */
const MIN_RATE_SHARE = 0.05;
/** After a 429 the rate climbs back by this share of the full rate per second. */
const RECOVERY_SHARE_PER_SECOND = 0.1;
/** A throttled post waits at least this long before it is tried again (the "≥ 1 s"). */
export const THROTTLED_RETRY_MIN_MS = 1000;

/** What the posting budget implies for the fan-out side of a stack. */
export interface FanoutPlan {
  /** SQS event source `maximumConcurrency` of the fan-out worker. */
  workers: number;
  /** Posts per second each worker environment issues at most. */
  ratePerWorker: number;
  /** Posts in flight per worker environment: rate × a slow round trip (250 ms), at least 10. */
  inFlightPerWorker: number;
  /**
   * SQS batch size of the fan-out worker: 1. The shards of one batch share their worker's pace, so a batch of
   * ten only takes ten times longer; one shard per invocation lets the mapping spread shards over every worker.
   */
  batchSize: number;
}

/**
 * The fan-out plan for a posting budget (posts/s granted to this stack): just enough workers that each stays
 * below POSTS_PER_WORKER_PER_SECOND, at least 2 (the event source mapping's minimum).
 */
export function fanoutPlan(postingBudgetPerSecond: number): FanoutPlan {
  const workers = Math.max(2, Math.ceil(postingBudgetPerSecond / POSTS_PER_WORKER_PER_SECOND));
  const ratePerWorker = postingBudgetPerSecond / workers;
  return {
    workers,
    ratePerWorker,
    inFlightPerWorker: Math.max(10, Math.ceil(ratePerWorker * 0.25)),
    batchSize: 1,
  };
}

/** Paces posts; shared by every shard a worker environment posts. */
export interface Pacer {
  /** Resolves when the next post may start. */
  acquire(): Promise<void>;
  /** A post was answered 429. */
  throttled(): void;
}

/** Posts a paced worker may make at once after being idle: a quarter second of its rate. */
const BURST_SECONDS = 0.25;

/**
 * AIMD pacer: a token bucket at `rate` per second holding at most a quarter second of posts (an environment
 * between two invocations catches up on the gap); a 429 halves the rate (at most once per 100 ms, so one burst of
 * 429s counts once), and every second without one adds back 10% of the full rate.
 */
export class AdaptivePacer implements Pacer {
  private rate: number;
  /** Epoch ms at which the bucket is empty again: posts start no earlier than `emptyAt - burst window`. */
  private emptyAt = Number.NEGATIVE_INFINITY;
  private lastCut = Number.NEGATIVE_INFINITY;
  private lastUpdate: number;

  constructor(
    private readonly fullRate: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep,
  ) {
    this.rate = fullRate;
    this.lastUpdate = clock.now();
  }

  currentRate(): number {
    this.recover();
    return this.rate;
  }

  async acquire(): Promise<void> {
    this.recover();
    const now = this.clock.now();
    const interval = 1000 / this.rate;
    // A full bucket holds BURST_SECONDS of posts: never let the debt start further back than that.
    this.emptyAt = Math.max(this.emptyAt, now - BURST_SECONDS * 1000) + interval;
    const wait = this.emptyAt - now;
    if (wait > 0) await this.sleep(wait);
  }

  throttled(): void {
    const now = this.clock.now();
    this.recover();
    if (now - this.lastCut < 100) return;
    this.lastCut = now;
    this.rate = Math.max(this.fullRate * MIN_RATE_SHARE, this.rate / 2);
    // Drop the saved-up burst too: the budget is evidently in use.
    this.emptyAt = Math.max(this.emptyAt, now);
  }

  private recover(): void {
    const now = this.clock.now();
    const seconds = (now - this.lastUpdate) / 1000;
    this.lastUpdate = now;
    if (seconds > 0)
      this.rate = Math.min(this.fullRate, this.rate + this.fullRate * RECOVERY_SHARE_PER_SECOND * seconds);
  }
}
