/**
 * Keeps a connection alive within API Gateway's limits — a keep-alive frame before the idle timeout, `extendTTL`
 * before the connection's rows expire (read on the local clock, corrected by the welcome's server time) — and
 * notices a dead link.
 *
 * Cadence (docs/clients.md "Keep-alive"): API Gateway closes a connection after 10 minutes without a frame from
 * the client. The keep-alive is the one-way `keepAlive` (one billed message, nothing comes back), sent every
 * 78–88 % of the idle timeout (7.8–8.8 minutes of 10), uniformly jittered so that clients connected together do
 * not send together. The upper end leaves 72 s for a late timer: browsers fire a hidden tab's chained timers up
 * to about a minute late (Chrome's intensive throttling aligns them to the minute).
 *
 * Dead links: a one-way frame proves nothing. When nothing at all arrived for `linkCheckAfterMs` (default three
 * idle timeouts: messages, replies and pongs all count), the next keep-alive is a two-way `ping` instead; if no
 * frame arrives within `linkCheckTimeoutMs` the link is dead, and so is a link whose send fails: the client drops
 * it and reconnects. An idle client thus pings on about every fourth keep-alive (3 pings per 2-hour session), a
 * client that receives messages never does.
 */
import type { ConnectionLimits } from '../../generated/models.js';
import type { Link } from './link.js';
import type { Timers } from './timers.js';

/** Default keep-alive: a `keepAlive` every 78–88 % of the idle timeout, uniformly jittered (the cost model reads it). */
export const KEEP_ALIVE_WINDOW = { from: 0.78, to: 0.88 } as const;

/** Default silence, in idle timeouts, after which the keep-alive is a two-way `ping` (the cost model reads it). */
export const LINK_CHECK_AFTER_IDLE_TIMEOUTS = 3;

/** Default time a `ping` sent for a link check waits for any frame before the link counts as dead. */
export const DEFAULT_LINK_CHECK_TIMEOUT_MS = 20_000;

export interface KeepAliveSettings {
  keepAliveIntervalMs?: number;
  linkCheckAfterMs?: number;
  linkCheckTimeoutMs?: number;
  ttlRefreshMarginMs?: number;
  limits?: Partial<ConnectionLimits>;
  timers: Timers;
  random: () => number;
}

export class KeepAlive {
  /**
   * @param onDeadLink called when a link check went unanswered or a keep-alive could not be sent: the owner
   *   drops the link and reconnects.
   */
  constructor(
    private readonly settings: KeepAliveSettings,
    private readonly onDeadLink: (link: Link) => void,
  ) {}

  /** Arms the link's keep-alive timer, and its TTL extension once the welcome told when the rows expire. */
  schedule(link: Link): void {
    const idleMs = link.limits(this.settings.limits).idleTimeoutSeconds * 1000;
    const checkAfterMs = this.settings.linkCheckAfterMs ?? idleMs * LINK_CHECK_AFTER_IDLE_TIMEOUTS;
    const tick = (): void => {
      const check = this.settings.timers.now() - link.lastReceivedAt >= checkAfterMs;
      if (!this.trySend(link, { action: check ? 'ping' : 'keepAlive' })) {
        this.onDeadLink(link);
        return;
      }
      if (check) this.awaitAnyFrame(link);
      link.addTimer(tick, this.intervalMs(idleMs));
    };
    link.addTimer(tick, this.intervalMs(idleMs));
    if (link.welcome) this.extendTtlBefore(link, link.welcome.expiresAt);
  }

  /** Sends `extendTTL` `ttlRefreshMarginMs` before `expiresAt` (read on the local clock). */
  extendTtlBefore(link: Link, expiresAt: string): void {
    const expiry = Date.parse(expiresAt);
    if (!Number.isFinite(expiry)) return;
    const { timers } = this.settings;
    const localExpiry = expiry - link.clockSkewMs;
    const ttlMs = link.limits(this.settings.limits).connectionTtlSeconds * 1000;
    const marginMs = this.settings.ttlRefreshMarginMs ?? Math.min(10 * 60_000, ttlMs * 0.2);
    const fire = (): void => {
      if (link.closed || link.retiring) return;
      link.send({ action: 'extendTTL' });
      // Until `ttl-extended` arrives (and reschedules), ask again at half the time that is left.
      const left = localExpiry - timers.now();
      if (left > 0) link.ttlTimer = link.replaceTimer(link.ttlTimer, fire, Math.max(1000, left / 2));
    };
    link.ttlTimer = link.replaceTimer(
      link.ttlTimer,
      fire,
      Math.max(0, localExpiry - marginMs - timers.now()),
    );
  }

  /** After a link-check `ping`: any frame (the `pong` or anything else) within the timeout proves the link. */
  private awaitAnyFrame(link: Link): void {
    const receivedBefore = link.framesReceived;
    link.addTimer(() => {
      if (link.framesReceived === receivedBefore) this.onDeadLink(link);
    }, this.settings.linkCheckTimeoutMs ?? DEFAULT_LINK_CHECK_TIMEOUT_MS);
  }

  /** A send that cannot happen (socket no longer open, or throwing) means the link is gone. */
  private trySend(link: Link, frame: object): boolean {
    try {
      return link.send(frame);
    } catch {
      return false;
    }
  }

  private intervalMs(idleMs: number): number {
    if (this.settings.keepAliveIntervalMs !== undefined) return this.settings.keepAliveIntervalMs;
    const { from, to } = KEEP_ALIVE_WINDOW;
    return Math.floor(idleMs * (from + (to - from) * this.settings.random()));
  }
}
