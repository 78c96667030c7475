/**
 * When to try again after a connection is lost: full-jitter backoff per attempt (reset only by a connection that
 * stayed up), and a cap on consecutive attempts that fail before the socket opens.
 */
import { type BackoffOptions, fullJitterDelay } from './backoff.js';
import type { TimerHandle, Timers } from './timers.js';

export interface ReconnectSettings {
  backoff?: BackoffOptions;
  /** Default 8. */
  maxPreOpenFailures?: number;
  timers: Timers;
  random: () => number;
}

export class ReconnectScheduler {
  private attempt = 0;
  private preOpenFailures = 0;
  private timer: TimerHandle | undefined;

  constructor(private readonly settings: ReconnectSettings) {}

  /** Runs `reconnect` after the next backoff delay (at least `minDelayMs`); returns the attempt and delay. */
  schedule(reconnect: () => void, minDelayMs = 0): { attempt: number; delayMs: number } {
    const { backoff, random, timers } = this.settings;
    const delayMs = minDelayMs + fullJitterDelay(this.attempt, backoff, random);
    this.attempt += 1;
    this.timer = timers.setTimeout(() => {
      this.timer = undefined;
      reconnect();
    }, delayMs);
    return { attempt: this.attempt, delayMs };
  }

  /** Runs `reconnect` on the next tick, neither waiting a backoff nor counting an attempt (a token renewal). */
  scheduleNow(reconnect: () => void): { attempt: number; delayMs: number } {
    this.timer = this.settings.timers.setTimeout(() => {
      this.timer = undefined;
      reconnect();
    }, 0);
    return { attempt: this.attempt, delayMs: 0 };
  }

  /** A connection stayed up: the next reconnect starts from the first backoff step. */
  resetBackoff(): void {
    this.attempt = 0;
  }

  /** A socket opened: failures before open are counted afresh. */
  opened(): void {
    this.preOpenFailures = 0;
  }

  /** Counts a failure before the socket opened (or of getToken); true once the client should give up. */
  preOpenFailureExhausted(): boolean {
    this.preOpenFailures += 1;
    return this.preOpenFailures >= (this.settings.maxPreOpenFailures ?? 8);
  }

  cancel(): void {
    if (this.timer !== undefined) this.settings.timers.clearTimeout(this.timer);
  }
}
