/**
 * What a lost primary connection means, from its upgrade status and close code (the contract's close-code
 * table): stop for good, count a failure before open, or reconnect after a backoff.
 */
import { classifyCloseCode, limits } from '../../generated/codes.js';
import type { ClosedDetail } from './client-events.js';
import type { Link } from './link.js';

/** A connection open this long resets the reconnect backoff. */
export const STABLE_CONNECTION_MS = 30_000;

/** After a RATE_LIMITED close: the time a drained frame budget takes to refill (contract x-limits). */
export const RATE_LIMITED_MIN_DELAY_MS = (limits.clientFrameBurst / limits.clientFramesPerSecond) * 1000;

export type CloseOutcome =
  | { action: 'finish'; detail: ClosedDetail }
  | { action: 'pre-open-failure' }
  | { action: 'reconnect'; minDelayMs: number; resetBackoff: boolean }
  /** Closed because the token expired (TOKEN_EXPIRED): a new token, a new connection at once, no failure counted. */
  | { action: 'renew-token' };

/**
 * The outcome of the primary link's close. `code` is the announced close code or the socket's;
 * `reconnectOnServerClose` is the option of that name; `now` the local clock.
 */
export function closeOutcome(
  link: Link,
  code: number | undefined,
  reconnectOnServerClose: boolean | undefined,
  now: number,
): CloseOutcome {
  const status = link.upgradeStatus;
  if (status === 401 || status === 403) {
    return {
      action: 'finish',
      detail: { reason: 'token-denied', status, ...(code !== undefined ? { code } : {}) },
    };
  }
  if (!link.opened) return { action: 'pre-open-failure' };
  const closeClass = classifyCloseCode(code ?? 1006);
  const forcedDisconnect = code === 1000 && reconnectOnServerClose !== false;
  if (!closeClass.retryable && !forcedDisconnect) {
    return {
      action: 'finish',
      detail: { reason: 'terminal-close-code', code: code ?? 1006, codeName: closeClass.name },
    };
  }
  if (closeClass.name === 'TOKEN_EXPIRED') return { action: 'renew-token' };
  if (closeClass.name === 'RATE_LIMITED') {
    // Closed for flooding: never a quick reconnect. The backoff keeps growing, and the first try waits at
    // least until a full frame budget has refilled (contract x-limits).
    return { action: 'reconnect', minDelayMs: RATE_LIMITED_MIN_DELAY_MS, resetBackoff: false };
  }
  // Backoff starts over only after a connection that stayed up: a server that accepts and then drops us
  // at once (or a DELETE @connections loop) still backs off.
  return { action: 'reconnect', minDelayMs: 0, resetBackoff: now - link.openedAt >= STABLE_CONNECTION_MS };
}
