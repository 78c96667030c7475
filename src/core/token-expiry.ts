/**
 * Closing connections whose token expired (issue #14 item 13), on stacks that enable it (per-stack setting
 * `closeExpiredTokensAfterSeconds`, off by default). Lambda has no timers: the token's `exp` travels from the
 * authorizer's context to the connection's meta row at `$connect`, which also enqueues a token check job delayed
 * to `exp + afterSeconds` (chained in steps of SQS's longest delay); the delivery worker then closes the
 * connection, whether or not the client sends anything. `extendTTL` checks too (it has the meta row at hand).
 * The close is announced like RATE_LIMITED's: an error frame TOKEN_EXPIRED with closeCode 4101, then
 * DELETE @connections (carried out with 1000); the SDK fetches a new token and reconnects.
 */

import { closeCodeNamed } from './frame-budget.js';
import type { ErrorFrame } from './frames.js';
import { errorFrame } from './frames.js';
import type { ConnectionRecord, TokenCheckJob } from './model.js';
import type {
  ConnectionCloser,
  ConnectionGateway,
  ConnectionStore,
  DomainLogger,
  JobQueue,
} from './ports.js';
import { silentLogger } from './ports.js';
import { queuePolicy } from './queue-policy.js';

/** The close code that announces a close for an expired token (x-close-codes TOKEN_EXPIRED). */
export const TOKEN_EXPIRED_CLOSE_CODE: number = closeCodeNamed('TOKEN_EXPIRED');

/**
 * How late the close may come after `exp + afterSeconds` (the contract's TOKEN_EXPIRED descriptions and
 * docs/authentication.md say 10 s): SQS delays in whole seconds (rounded up: ≤ 1 s), the worker receives the job
 * (long polling: about a second, a cold start included) and posts the notice and the DELETE. It holds while the
 * delivery queue has no backlog and @connections answers; a failed attempt is retried after 1, 2, 4 … s.
 */
export const TOKEN_CLOSE_BOUND_SECONDS = 10;

/** When a connection with this token is due to be closed (epoch ms). */
export function tokenCloseDueMs(tokenExpiresAt: number, afterSeconds: number): number {
  return (tokenExpiresAt + afterSeconds) * 1000;
}

/**
 * The decision: the token's `exp` (epoch seconds) lies more than `afterSeconds` before `nowMs`. A connection
 * without a known `exp` (opened before the setting, or a token without one) is never closed for it.
 */
export function isTokenExpired(
  tokenExpiresAt: number | undefined,
  nowMs: number,
  afterSeconds: number,
): boolean {
  if (tokenExpiresAt === undefined) return false;
  return nowMs >= tokenCloseDueMs(tokenExpiresAt, afterSeconds);
}

/** The check's delay: whole seconds (SQS's unit) rounded up, so it never comes early, and one SQS delay at most. */
export function tokenCheckDelaySeconds(dueMs: number, nowMs: number): number {
  return Math.min(queuePolicy.maxDelaySeconds, Math.max(0, Math.ceil((dueMs - nowMs) / 1000)));
}

/** The notice posted just before the close. */
export function tokenExpiredNotice(tokenExpiresAt: number, requestId?: string): ErrorFrame {
  const expired = new Date(tokenExpiresAt * 1000).toISOString();
  const notice = errorFrame('TOKEN_EXPIRED', `the token expired at ${expired}: closing`, requestId);
  notice.closeCode = TOKEN_EXPIRED_CLOSE_CODE;
  return notice;
}

export interface TokenExpiryDeps {
  /** Posts the notice and closes the connection (DELETE @connections). */
  gateway: ConnectionGateway & ConnectionCloser;
  now: () => number;
  /** The stack's `closeExpiredTokensAfterSeconds`. */
  afterSeconds: number;
  logger?: DomainLogger;
}

export class TokenExpiryGuard {
  constructor(private readonly deps: TokenExpiryDeps) {}

  get afterSeconds(): number {
    return this.deps.afterSeconds;
  }

  /** Closes the connection (notice first) when its token expired; true when it did so (or it was gone). */
  async closeIfExpired(record: ConnectionRecord, requestId?: string): Promise<boolean> {
    const { tokenExpiresAt } = record;
    if (tokenExpiresAt === undefined) return false;
    if (!isTokenExpired(tokenExpiresAt, this.deps.now(), this.deps.afterSeconds)) return false;
    const { connectionId } = record;
    // The notice first: once closed, nothing reaches the client. A connection already gone needs neither.
    const posted = await this.deps.gateway.post(
      connectionId,
      JSON.stringify(tokenExpiredNotice(tokenExpiresAt, requestId)),
    );
    const closed = posted === 'gone' ? false : await this.deps.gateway.close(connectionId);
    (this.deps.logger ?? silentLogger).info('connection closed: its token expired', {
      connectionId,
      userId: record.userId,
      tokenExpiresAt,
      posted,
      closed,
    });
    return true;
  }
}

export interface TokenChecksDeps {
  store: ConnectionStore;
  /** The delivery queue, which carries the token check jobs. */
  queue: JobQueue<TokenCheckJob>;
  guard: TokenExpiryGuard;
  now: () => number;
  /** The gateway's maximum connection duration: a token outliving it needs no check (the gateway closes first). */
  maxConnectionSeconds: number;
}

/** What a token check job did (logged by the worker). */
export type TokenCheckOutcome = 'closed' | 'rescheduled' | 'gone' | 'other-token';

/** The token check jobs: scheduled at `$connect`, carried out (or sent on for the rest) by the delivery worker. */
export class TokenChecks {
  constructor(private readonly deps: TokenChecksDeps) {}

  /** The job for a new connection; none without a known `exp` or when the gateway ends the connection first. */
  jobFor(record: ConnectionRecord, correlationId: string): TokenCheckJob | undefined {
    const { tokenExpiresAt } = record;
    if (tokenExpiresAt === undefined) return undefined;
    if (this.outlivesConnection(record, tokenExpiresAt)) return undefined;
    return {
      reason: 'token-check',
      connectionId: record.connectionId,
      userId: record.userId,
      realm: record.realm,
      tokenExpiresAt,
      correlationId,
    };
  }

  /** Enqueues the job, delayed until it is due (or by SQS's longest delay, when it is due later). */
  async schedule(job: TokenCheckJob): Promise<number> {
    const due = tokenCloseDueMs(job.tokenExpiresAt, this.deps.guard.afterSeconds);
    const delaySeconds = tokenCheckDelaySeconds(due, this.deps.now());
    await this.deps.queue.send(job, { delaySeconds });
    return delaySeconds;
  }

  /**
   * Idempotent: a connection without its meta row ($disconnect removed it), one past the gateway's maximum
   * duration, or another connection's row (user, realm or token differ) is left alone; a close whose notice meets
   * 410 stops there. A job received before it is due (a link of the chain) is sent on for the rest.
   */
  async check(job: TokenCheckJob): Promise<TokenCheckOutcome> {
    const record = await this.deps.store.getConnection(job.connectionId);
    // The row is read even when expired (no extendTTL): the socket may still be open, and still gets closed.
    if (!record || this.deps.now() >= record.connectedAt + this.deps.maxConnectionSeconds * 1000)
      return 'gone';
    if (
      record.userId !== job.userId ||
      record.realm !== job.realm ||
      record.tokenExpiresAt !== job.tokenExpiresAt
    ) {
      return 'other-token';
    }
    if (await this.deps.guard.closeIfExpired(record)) return 'closed';
    await this.schedule(job);
    return 'rescheduled';
  }

  private outlivesConnection(record: ConnectionRecord, tokenExpiresAt: number): boolean {
    const due = tokenCloseDueMs(tokenExpiresAt, this.deps.guard.afterSeconds);
    return due >= record.connectedAt + this.deps.maxConnectionSeconds * 1000;
  }
}
