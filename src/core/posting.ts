/**
 * Posting frames to connections: bounded concurrency, jittered backoff on 429, and unexpected errors kept
 * per connection (one failing connection never fails the others).
 */
import { type BackoffPolicy, jitteredDelay, mapWithConcurrency } from './concurrency.js';
import type { PostOutcome } from './model.js';
import { type Pacer, THROTTLED_RETRY_MIN_MS } from './pacing.js';
import type { ConnectionGateway, RandomSource, Sleep } from './ports.js';

export interface PostSettings {
  concurrency: number;
  /** Retries after a 429 before the post counts as `throttled`. */
  throttleRetries: number;
  /**
   * Retries after an unexpected error (5xx, timeout) before the post counts as `failed`, with the same backoff.
   * Unset (0) for deliveries, which hand a failed post to a retry job; set where nothing else would retry it
   * (the `subscribe` / `unsubscribe` replies, src/core/subscription-replies.ts).
   */
  failedRetries?: number;
  backoff: BackoffPolicy;
}

export const defaultPostSettings: PostSettings = {
  concurrency: 50,
  throttleRetries: 3,
  backoff: { baseDelayMs: 50, maxDelayMs: 1000 },
};

export interface PostDeps {
  gateway: ConnectionGateway;
  sleep: Sleep;
  random: RandomSource;
  settings: PostSettings;
  /**
   * Bulk posting (broadcast fan-out) only: paces posts to the worker's share of the posting budget. A 429 then
   * slows the pacer and the post is tried again after at least THROTTLED_RETRY_MIN_MS, until the deadline.
   */
  pacer?: Pacer;
}

export type AttemptedPost =
  | { connectionId: string; outcome: PostOutcome }
  | { connectionId: string; outcome: 'failed'; error: unknown };

export type PostResult =
  | AttemptedPost
  /** Not attempted: the caller's deadline had passed before its turn came. */
  | { connectionId: string; outcome: 'deferred' };

export interface PostDeadline {
  /** Epoch ms after which no new post starts (posts already started finish). */
  stopAt: number;
  now: () => number;
}

/**
 * One post; other errors become `failed` (after `failedRetries` tries with full-jitter backoff, when set). A 429
 * is retried: unpaced, with full-jitter backoff up to `throttleRetries` times; paced, after 1–2 s (the pacer slowed down meanwhile) for as long as the deadline
 * allows, or `throttleRetries` times without a deadline.
 */
export async function postWithRetry(
  deps: PostDeps,
  connectionId: string,
  data: string,
  deadline?: PostDeadline,
): Promise<AttemptedPost> {
  const { pacer } = deps;
  for (let attempt = 0; ; attempt++) {
    let outcome: PostOutcome;
    try {
      if (pacer) await pacer.acquire();
      outcome = await deps.gateway.post(connectionId, data);
    } catch (error) {
      if (attempt >= (deps.settings.failedRetries ?? 0)) return { connectionId, outcome: 'failed', error };
      await deps.sleep(jitteredDelay(attempt, deps.settings.backoff, deps.random));
      continue;
    }
    if (outcome !== 'throttled') return { connectionId, outcome };
    if (!pacer) {
      if (attempt >= deps.settings.throttleRetries) return { connectionId, outcome };
      await deps.sleep(jitteredDelay(attempt, deps.settings.backoff, deps.random));
      continue;
    }
    pacer.throttled();
    const wait = THROTTLED_RETRY_MIN_MS * (1 + deps.random());
    const outOfTime = deadline
      ? deadline.now() + wait >= deadline.stopAt
      : attempt >= deps.settings.throttleRetries;
    if (outOfTime) return { connectionId, outcome };
    await deps.sleep(wait);
  }
}

/**
 * Posts `data` to every connection, `settings.concurrency` at a time. With a deadline, connections whose turn
 * comes after it are returned as `deferred` instead of posted, so a caller running out of time can hand them
 * on rather than be killed mid-batch (which would make its whole batch be retried, duplicates included).
 */
export function postToMany(
  deps: PostDeps,
  connectionIds: readonly string[],
  data: string,
): Promise<AttemptedPost[]>;
export function postToMany(
  deps: PostDeps,
  connectionIds: readonly string[],
  data: string,
  deadline: PostDeadline | undefined,
): Promise<PostResult[]>;
export function postToMany(
  deps: PostDeps,
  connectionIds: readonly string[],
  data: string,
  deadline?: PostDeadline,
): Promise<PostResult[]> {
  return mapWithConcurrency(
    connectionIds,
    deps.settings.concurrency,
    (connectionId): Promise<PostResult> =>
      deadline !== undefined && deadline.now() >= deadline.stopAt
        ? Promise.resolve({ connectionId, outcome: 'deferred' })
        : postWithRetry(deps, connectionId, data, deadline),
  );
}

export interface PostSummary {
  delivered: number;
  gone: number;
  connecting: number;
  throttled: number;
  tooLarge: number;
  failed: number;
}

export const emptySummary = (): PostSummary => ({
  delivered: 0,
  gone: 0,
  connecting: 0,
  throttled: 0,
  tooLarge: 0,
  failed: 0,
});

/**
 * No new post starts later than this before the function's timeout: posts already in flight may take up to
 * the management client's 10 s request timeout, and the batch response must still be returned.
 */
export const STOP_POSTING_BEFORE_TIMEOUT_MS = 12_000;

/**
 * When a worker stops starting posts: at half its remaining time, and at least STOP_POSTING_BEFORE_TIMEOUT_MS
 * before its timeout. Half, because a batch whose invocation runs past the queue's visibility timeout is
 * handed to another invocation too (AWS advises visibility ≥ 6 × timeout; the local platform uses 30 s for
 * both).
 */
export function postingDeadline(now: number, remainingMs: number): number {
  return now + Math.min(remainingMs - STOP_POSTING_BEFORE_TIMEOUT_MS, remainingMs / 2);
}
