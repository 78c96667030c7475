/**
 * Closing connections whose token expired (issue #14 item 13), on stacks that enable it (per-stack setting
 * `closeExpiredTokensAfterSeconds`, off by default). Lambda has no timers: the token's `exp` travels from the
 * authorizer's context to the connection's meta row at `$connect`, and the client-frame route checks it each time
 * the client's `extendTTL` reaches it. The close is announced like RATE_LIMITED's: an error frame TOKEN_EXPIRED
 * with closeCode 4101, then DELETE @connections (carried out with 1000); the SDK fetches a new token and reconnects.
 */

import { closeCodeNamed } from './frame-budget.js';
import type { ErrorFrame } from './frames.js';
import { errorFrame } from './frames.js';
import type { ConnectionRecord } from './model.js';
import type { ConnectionCloser, ConnectionGateway, DomainLogger } from './ports.js';
import { silentLogger } from './ports.js';

/** The close code that announces a close for an expired token (x-close-codes TOKEN_EXPIRED). */
export const TOKEN_EXPIRED_CLOSE_CODE: number = closeCodeNamed('TOKEN_EXPIRED');

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
  return nowMs >= (tokenExpiresAt + afterSeconds) * 1000;
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
