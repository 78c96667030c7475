/**
 * Keeps a connection alive within API Gateway's limits: a `ping` before the idle timeout, and `extendTTL`
 * before the connection's rows expire (read on the local clock, corrected by the welcome's server time).
 */
import type { ConnectionLimits } from '../../generated/models.js';
import type { Link } from './link.js';
import type { Timers } from './timers.js';

/** Default keep-alive: a `ping` every 70–85 % of the idle timeout, uniformly jittered (the cost model reads it). */
export const KEEP_ALIVE_WINDOW = { from: 0.7, to: 0.85 } as const;

export interface KeepAliveSettings {
  keepAliveIntervalMs?: number;
  ttlRefreshMarginMs?: number;
  limits?: Partial<ConnectionLimits>;
  timers: Timers;
  random: () => number;
}

export class KeepAlive {
  constructor(private readonly settings: KeepAliveSettings) {}

  /** Arms the link's ping timer, and its TTL extension once the welcome told when the rows expire. */
  schedule(link: Link): void {
    const idleMs = link.limits(this.settings.limits).idleTimeoutSeconds * 1000;
    const keepAlive = (): void => {
      link.send({ action: 'ping' });
      link.addTimer(keepAlive, this.pingIntervalMs(idleMs));
    };
    link.addTimer(keepAlive, this.pingIntervalMs(idleMs));
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

  private pingIntervalMs(idleMs: number): number {
    if (this.settings.keepAliveIntervalMs !== undefined) return this.settings.keepAliveIntervalMs;
    const { from, to } = KEEP_ALIVE_WINDOW;
    return Math.floor(idleMs * (from + (to - from) * this.settings.random()));
  }
}
