/**
 * One WebSocket of the client and what it knows about it. The client has a primary link, during a handover a
 * second, pending one, and for a short overlap the retiring links a handover replaced (`LinkSlots`).
 */
import { limits } from '../../generated/codes.js';
import type { ConnectionLimits, WelcomeFrame } from '../../generated/models.js';
import { OPEN, type WebSocketLike } from './socket.js';
import type { TimerHandle, Timers } from './timers.js';

/** `primary` serves the application; `handover` is the replacement opened before the 2-hour limit. */
export type LinkRole = 'primary' | 'handover';

export class Link {
  opened = false;
  closed = false;
  openedAt = 0;
  upgradeStatus: number | undefined;
  welcome: WelcomeFrame | undefined;
  /** Replaced by a newer link; its close is expected and ignored. */
  retiring = false;
  ttlTimer: TimerHandle | undefined;
  readonly onClosed: (() => void)[] = [];
  /** server time − local time, from the welcome frame, to read `expiresAt` on the local clock. */
  clockSkewMs = 0;
  /**
   * The close code an error frame announced (`closeCode`): API Gateway's DELETE @connections closes with 1000,
   * so the meaning of a platform-initiated close travels in the frame before it.
   */
  announcedCloseCode: number | undefined;
  /** Local time of the last frame received (of the open, before any): the keep-alive's link check reads it. */
  lastReceivedAt = 0;
  /** Frames received so far: a link check passes when it grows. */
  framesReceived = 0;
  private timers: TimerHandle[] = [];

  constructor(
    readonly socket: WebSocketLike,
    private readonly clock: Timers,
  ) {}

  get isOpen(): boolean {
    return this.socket.readyState === OPEN;
  }

  /** Records a frame received at `now` (local clock). */
  noteReceived(now: number): void {
    this.lastReceivedAt = now;
    this.framesReceived += 1;
  }

  /** Sends a frame when the socket is open; returns whether it was sent. */
  send(frame: object): boolean {
    if (!this.isOpen) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** A timer that dies with the link (cleared on close, on retirement and when the timers are re-armed). */
  addTimer(fn: () => void, ms: number): TimerHandle {
    const handle = this.clock.setTimeout(fn, ms);
    this.timers.push(handle);
    return handle;
  }

  replaceTimer(previous: TimerHandle | undefined, fn: () => void, ms: number): TimerHandle {
    if (previous !== undefined) {
      this.clock.clearTimeout(previous);
      this.timers = this.timers.filter((t) => t !== previous);
    }
    return this.addTimer(fn, ms);
  }

  clearTimers(): void {
    for (const handle of this.timers) this.clock.clearTimeout(handle);
    this.timers = [];
    this.ttlTimer = undefined;
  }

  /** Records the socket's close once: clears its timers and tells those waiting. False if already closed. */
  markClosed(): boolean {
    if (this.closed) return false;
    this.closed = true;
    this.clearTimers();
    for (const resolve of this.onClosed.splice(0)) resolve();
    return true;
  }

  /** The limits in force: the welcome's (the contract's before it), overridden by the `limits` option. */
  limits(overrides: Partial<ConnectionLimits> | undefined): ConnectionLimits {
    return { ...(this.welcome?.limits ?? limits), ...overrides };
  }
}

export class LinkSlots {
  primary: Link | undefined;
  pending: Link | undefined;
  readonly retiring = new Set<Link>();

  /** Every link the client holds, in any state. */
  all(): Link[] {
    return [this.primary, this.pending, ...this.retiring].filter((l): l is Link => l !== undefined);
  }
}
