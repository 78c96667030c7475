/**
 * The per-connection frame budget (issue #14 item 9): a token bucket over every frame a client sends, with the
 * contract's numbers (x-limits clientFramesPerSecond, clientFrameBurst, clientFrameStrikes). It is kept as a
 * GCRA "theoretical arrival time" (TAT), the token bucket's one-number form: a frame at `now` is allowed when
 * `max(tat, now) + interval <= now + burst * interval`, and then moves the TAT there. One number per connection
 * updates atomically in one conditional write (src/adapters/dynamodb-frame-budget-store.ts), which every
 * Lambda instance sees; the in-memory store applies the same rule.
 */
import { closeCodes, limits } from '../../generated/codes.js';
import type { ErrorFrame } from './frames.js';
import { errorFrame } from './frames.js';
import type { ConnectionCloser, ConnectionGateway, DomainLogger } from './ports.js';
import { silentLogger } from './ports.js';

export interface FrameBudgetPolicy {
  /** Milliseconds one frame costs (1000 / frames per second). */
  intervalMs: number;
  /** Frames a full bucket holds. */
  burst: number;
  /** Refused frames (without the bucket filling up in between) after which the connection is closed. */
  strikes: number;
}

/** The contract's budget (x-limits). */
export const contractFrameBudget: FrameBudgetPolicy = {
  intervalMs: 1000 / limits.clientFramesPerSecond,
  burst: limits.clientFrameBurst,
  strikes: limits.clientFrameStrikes,
};

/** The close code that announces a close for the frame budget (x-close-codes RATE_LIMITED). */
export const RATE_LIMITED_CLOSE_CODE: number = closeCodeNamed('RATE_LIMITED');

export function closeCodeNamed(name: string): number {
  const range = closeCodes.find((c) => c.name === name);
  if (range === undefined) throw new Error(`x-close-codes defines no ${name}`);
  return range.from;
}

/** What a store's `spend` found: the frame fits, or it is refused (`strikes`: refused since the bucket was full). */
export type SpendResult =
  | { status: 'allowed' }
  | { status: 'limited'; strikes: number }
  /** The connection's meta row is gone: no budget to keep (the route answers as it would without one). */
  | { status: 'unknown-connection' };

/** Where the budget of each connection lives (its meta row on AWS). */
export interface FrameBudgetStore {
  spend(connectionId: string, nowMs: number, policy: FrameBudgetPolicy): Promise<SpendResult>;
}

/**
 * The GCRA rule, shared by the stores: the new TAT when the frame is allowed, undefined when it is refused.
 * `refilled`: the bucket was full (the TAT had passed), so earlier strikes are forgiven.
 */
export function gcraSpend(
  tat: number | undefined,
  nowMs: number,
  policy: FrameBudgetPolicy,
): { tat: number; refilled: boolean } | undefined {
  if (tat === undefined || tat <= nowMs) return { tat: nowMs + policy.intervalMs, refilled: true };
  if (tat <= nowMs + (policy.burst - 1) * policy.intervalMs) {
    return { tat: tat + policy.intervalMs, refilled: false };
  }
  return undefined;
}

/** What a route does with one frame: handle it, or not (then answer `reply`, absent once the connection is closed). */
export type Admission = { handle: true } | { handle: false; reply?: ErrorFrame };

export interface FrameBudgetDeps {
  store: FrameBudgetStore;
  /** Posts the closing notice and closes the connection (DELETE @connections). */
  gateway: ConnectionGateway & ConnectionCloser;
  now: () => number;
  policy?: FrameBudgetPolicy;
  logger?: DomainLogger;
}

export class FrameBudget {
  constructor(private readonly deps: FrameBudgetDeps) {}

  /**
   * Spends one frame of the connection's budget. Over the budget: a RATE_LIMITED reply; after the policy's
   * strikes: the notice (RATE_LIMITED with closeCode 4129) is posted, then the connection is closed.
   */
  async admit(connectionId: string, requestId?: string): Promise<Admission> {
    const policy = this.deps.policy ?? contractFrameBudget;
    const result = await this.deps.store.spend(connectionId, this.deps.now(), policy);
    if (result.status !== 'limited') return { handle: true };
    const budget = `${Math.round(1000 / policy.intervalMs)}/s, burst ${policy.burst}`;
    if (result.strikes < policy.strikes) {
      const message = `over the frame budget (${budget}); the frame was not handled`;
      return { handle: false, reply: errorFrame('RATE_LIMITED', message, requestId) };
    }
    const notice = errorFrame(
      'RATE_LIMITED',
      `over the frame budget (${budget}) after ${policy.strikes} refused frames: closing`,
      requestId,
    );
    notice.closeCode = RATE_LIMITED_CLOSE_CODE;
    // The notice first: once closed, nothing reaches the client. A connection already gone needs neither.
    const posted = await this.deps.gateway.post(connectionId, JSON.stringify(notice));
    const closed = posted === 'gone' ? false : await this.deps.gateway.close(connectionId);
    (this.deps.logger ?? silentLogger).warn('connection closed for its frame budget', {
      connectionId,
      strikes: result.strikes,
      posted,
      closed,
    });
    return { handle: false };
  }
}
