/**
 * The 2-hour handover: before API Gateway's maximum connection duration ends the primary connection, a new
 * one is opened; once its welcome arrives it becomes the primary and the old one is closed after a short
 * overlap, so messages already on their way to it still arrive (duplicates are dropped by id). A failed attempt
 * is retried with backoff while the old connection keeps serving.
 */
import type { BackoffOptions } from './backoff.js';
import { fullJitterDelay } from './backoff.js';
import type { Link, LinkSlots } from './link.js';
import type { TimerHandle, Timers } from './timers.js';

/** Default handover lead before the maximum connection duration: 10 % of it, 1 s to 5 minutes. */
export function defaultHandoverLeadMs(maxConnectionMs: number): number {
  return Math.min(5 * 60_000, Math.max(1000, maxConnectionMs * 0.1));
}

export interface HandoverSettings {
  handoverLeadMs?: number;
  handoverOverlapMs?: number;
  backoff?: BackoffOptions;
  timers: Timers;
  random: () => number;
}

/** What the handover needs of the connection lifecycle. */
export interface HandoverHost {
  readonly slots: LinkSlots;
  isStopped(): boolean;
  /** Opens the replacement link (fetches a token first); it lands in `slots.pending`. */
  openReplacement(): void;
}

export class Handover {
  private attempt = 0;
  /** A handover is fetching its token (no pending link yet). */
  private starting = false;
  private retryTimer: TimerHandle | undefined;

  constructor(
    private readonly settings: HandoverSettings,
    private readonly host: HandoverHost,
  ) {}

  /** Arms the link's handover `handoverLeadMs` before its maximum connection duration. */
  scheduleDeadline(link: Link, maxConnectionSeconds: number): void {
    const maxMs = maxConnectionSeconds * 1000;
    const leadMs = this.settings.handoverLeadMs ?? defaultHandoverLeadMs(maxMs);
    const handoverAt = link.openedAt + maxMs - leadMs;
    link.addTimer(() => this.start(), Math.max(0, handoverAt - this.settings.timers.now()));
  }

  /** Starts replacing the primary, unless a replacement is already on its way. */
  start(): void {
    const { slots } = this.host;
    if (this.host.isStopped() || slots.pending || this.starting || !slots.primary) return;
    this.starting = true;
    this.host.openReplacement();
  }

  /** The replacement's token fetch ended (with a token or not): a new handover may start again. */
  tokenSettled(): void {
    this.starting = false;
  }

  /** A replacement failed (no token, or closed before its welcome): try again later. */
  scheduleRetry(): void {
    const { primary } = this.host.slots;
    if (this.host.isStopped() || !primary || primary.closed) return;
    const delayMs = fullJitterDelay(this.attempt, this.settings.backoff, this.settings.random);
    this.attempt += 1;
    this.retryTimer = this.settings.timers.setTimeout(() => {
      this.retryTimer = undefined;
      this.start();
    }, delayMs);
  }

  /** The pending link's welcome: it becomes the primary; the old one retires after the overlap. Returns the old. */
  takeOver(next: Link): Link {
    const { slots } = this.host;
    const old = slots.primary as Link;
    old.retiring = true;
    old.clearTimers();
    slots.retiring.add(old);
    slots.primary = next;
    slots.pending = undefined;
    this.attempt = 0;
    this.settings.timers.setTimeout(() => {
      if (!old.closed) old.socket.close(1000, 'handover');
    }, this.settings.handoverOverlapMs ?? 2000);
    return old;
  }

  cancel(): void {
    if (this.retryTimer !== undefined) this.settings.timers.clearTimeout(this.retryTimer);
  }
}
