/**
 * The connection lifecycle: opens the primary link (token, then socket), follows it through open and close,
 * reconnects with backoff or stops for good (close-handling), and keeps a link serving across the 2-hour
 * handover. It owns the client's state; frames go to the host (the `PushClient` facade), which routes them.
 */
import type { WelcomeFrame } from '../../generated/models.js';
import { type ClientEvents, type ClientState, type ClosedDetail, messageOf } from './client-events.js';
import type { ConnectOptions } from './client-options.js';
import { closeOutcome } from './close-handling.js';
import type { EmitFn } from './emitter.js';
import { Handover } from './handover.js';
import { KeepAlive } from './keep-alive.js';
import { Link, type LinkRole, LinkSlots } from './link.js';
import { ReconnectScheduler } from './reconnect-scheduler.js';
import {
  buildSocketRequest,
  type SocketEvent,
  type TokenTransport,
  upgradeStatusOf,
  type WebSocketConstructor,
  type WebSocketLike,
} from './socket.js';
import type { Timers } from './timers.js';

export interface ConnectionSettings {
  options: ConnectOptions;
  WebSocketClass: WebSocketConstructor;
  transport: TokenTransport;
  timers: Timers;
  random: () => number;
}

/** What the lifecycle needs of the client around it. */
export interface ConnectionHost {
  emit: EmitFn<ClientEvents>;
  /** What the next connect query asks for: the topics, and the positions to resume them from. */
  connectQuery(): { topics: string[]; since: string | undefined };
  /** A message arrived on a link (any link: primary, pending or retiring). */
  onSocketMessage(link: Link, event: SocketEvent): void;
  /** A link took over as the serving connection with this welcome (connect, reconnect or handover). */
  onWelcomeAdopted(welcome: WelcomeFrame): void;
  /** The client closed for good (after the `closed` event). */
  onFinished(detail: ClosedDetail): void;
}

export class ConnectionLifecycle {
  readonly slots = new LinkSlots();
  private currentState: ClientState = 'idle';
  private isStopped = false;
  private closed: ClosedDetail | undefined;
  private readonly reconnects: ReconnectScheduler;
  private readonly keepAlive: KeepAlive;
  private readonly handover: Handover;

  constructor(
    private readonly settings: ConnectionSettings,
    private readonly host: ConnectionHost,
  ) {
    const { options, timers, random } = settings;
    const base = { ...options, timers, random };
    this.reconnects = new ReconnectScheduler(base);
    this.keepAlive = new KeepAlive(base, (link) => this.dropDeadLink(link));
    this.handover = new Handover(base, {
      slots: this.slots,
      isStopped: () => this.isStopped,
      openReplacement: () => void this.openLink('handover'),
    });
  }

  get state(): ClientState {
    return this.currentState;
  }

  get stopped(): boolean {
    return this.isStopped;
  }

  /** Why the client closed; undefined while it runs. */
  get closedDetail(): ClosedDetail | undefined {
    return this.closed;
  }

  /** The welcome of the serving connection while the client is open. */
  get openWelcome(): WelcomeFrame | undefined {
    return this.currentState === 'open' ? this.slots.primary?.welcome : undefined;
  }

  start(): void {
    if (this.currentState !== 'idle') return;
    this.setState('connecting');
    void this.openLink('primary');
  }

  /** Sends on the primary link when it is open; returns whether it was sent. */
  send(frame: object): boolean {
    return this.slots.primary?.send(frame) ?? false;
  }

  /** `ttl-extended`: the rows expire at this new time. */
  ttlExtended(link: Link, expiresAt: string): void {
    this.keepAlive.extendTtlBefore(link, expiresAt);
  }

  /** The server lost this link's rows (expired or removed): replace it without a gap if it is the primary. */
  rowsLost(link: Link): void {
    if (link === this.slots.primary) this.handover.start();
  }

  /**
   * A link's welcome. Returns true when the link now serves (the caller adopts the welcome): the primary's,
   * or a pending link's, which takes over (a `handover` event when it replaced an open primary).
   */
  acceptWelcome(link: Link, welcome: WelcomeFrame): boolean {
    link.welcome = welcome;
    const serverTime = Date.parse(welcome.serverTime);
    link.clockSkewMs = Number.isFinite(serverTime) ? serverTime - this.settings.timers.now() : 0;
    const { slots } = this;
    if (link === slots.pending && slots.primary && !slots.primary.closed) {
      const old = this.handover.takeOver(link);
      this.armTimers(link);
      this.host.emit('handover', { from: old.welcome?.connectionId, to: welcome.connectionId });
    } else if (link === slots.pending) {
      slots.primary = link;
      slots.pending = undefined;
      this.armTimers(link);
    } else if (link !== slots.primary) {
      return false;
    } else {
      this.armTimers(link);
    }
    return true;
  }

  markOpen(): void {
    this.setState('open');
  }

  /** Closes every connection with 1000 and stops reconnecting. Resolves when the sockets have closed. */
  close(): Promise<void> {
    if (this.closed) return Promise.resolve();
    const links = this.slots.all().filter((l) => !l.closed);
    // Registered before finish() closes the sockets: a socket may report its close synchronously.
    const closes = links.map((link) => new Promise<void>((resolve) => link.onClosed.push(resolve)));
    this.finish({ reason: 'client' });
    if (links.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      void Promise.all(closes).then(() => resolve());
      // Never hang a caller on a socket that does not report its close.
      this.settings.timers.setTimeout(resolve, 5000);
    });
  }

  // ---- opening a link ----

  private async openLink(role: LinkRole): Promise<void> {
    const replacing = this.slots.primary;
    const token = await this.fetchToken(role);
    if (token === undefined || this.isStopped) return;
    if (role === 'handover') {
      this.handover.tokenSettled();
      // The primary ended while we fetched the token: the reconnect logic owns the next connection.
      const { pending, primary } = this.slots;
      if (pending || !replacing || primary !== replacing || replacing.closed) return;
    } else if (this.slots.primary && !this.slots.primary.closed) {
      return; // a handover link already took over
    }
    const socket = this.openSocket(token);
    if (!socket) return;
    const link = new Link(socket, this.settings.timers);
    if (role === 'primary') this.slots.primary = link;
    else this.slots.pending = link;
    socket.addEventListener('open', () => this.onOpen(link));
    socket.addEventListener('message', (event) => {
      link.noteReceived(this.settings.timers.now());
      this.host.onSocketMessage(link, event);
    });
    socket.addEventListener('error', (event) => this.onSocketError(link, event));
    socket.addEventListener('close', (event) => this.onClose(link, event));
  }

  /** The token for the next attempt; undefined after a failure, which is counted and retried. */
  private async fetchToken(role: LinkRole): Promise<string | undefined> {
    const { options } = this.settings;
    try {
      const token = options.getToken ? await options.getToken() : (options.token as string);
      if (typeof token !== 'string' || token.length === 0) throw new Error('getToken returned no token');
      return token;
    } catch (error) {
      this.emitError(new Error(`getToken failed: ${messageOf(error)}`));
      if (role === 'handover') this.handover.tokenSettled();
      if (this.isStopped) return undefined;
      if (role === 'handover') this.handover.scheduleRetry();
      else this.onPreOpenFailure(undefined, undefined);
      return undefined;
    }
  }

  private openSocket(token: string): WebSocketLike | undefined {
    const { options, transport, WebSocketClass } = this.settings;
    const request = buildSocketRequest(options.url, token, this.host.connectQuery(), transport);
    try {
      return request.options
        ? new WebSocketClass(request.url, request.protocols, request.options)
        : new WebSocketClass(request.url, request.protocols);
    } catch (error) {
      // A malformed URL or protocol: retrying cannot help.
      this.emitError(new Error(`cannot open WebSocket: ${messageOf(error)}`));
      this.finish({ reason: 'too-many-failures' });
      return undefined;
    }
  }

  // ---- socket events ----

  private onOpen(link: Link): void {
    link.opened = true;
    link.openedAt = this.settings.timers.now();
    link.lastReceivedAt = link.openedAt;
    if (this.isStopped) {
      link.socket.close(1000, 'client closed');
      return;
    }
    if (link === this.slots.primary) {
      this.reconnects.opened();
      this.setState('open');
      this.armTimers(link);
    }
  }

  private onSocketError(link: Link, event: SocketEvent): void {
    const status = upgradeStatusOf(event);
    if (status !== undefined) link.upgradeStatus = status;
    if (!link.retiring && !this.isStopped) this.emitError(new Error(event.message ?? 'WebSocket error'));
  }

  private onClose(link: Link, event: SocketEvent): void {
    if (!link.markClosed()) return;
    this.slots.retiring.delete(link);
    if (this.isStopped || link.retiring) return;
    const code = link.announcedCloseCode ?? event.code;
    if (link === this.slots.pending) {
      // A handover attempt failed; the primary keeps serving and we try again later.
      this.slots.pending = undefined;
      this.handover.scheduleRetry();
      return;
    }
    if (link !== this.slots.primary) return;
    this.slots.primary = undefined;
    if (this.slots.pending && !this.slots.pending.closed) {
      this.adoptPending(this.slots.pending);
      return;
    }
    this.afterPrimaryLost(link, code);
  }

  /**
   * The keep-alive found the serving link dead (a link check unanswered, or a send that failed). A dead link
   * may never report its close, so it is handled as lost now, as a network loss (1006): reconnect with backoff.
   * Its later close event is ignored.
   */
  private dropDeadLink(link: Link): void {
    if (link.closed || link.retiring || this.isStopped) return;
    this.emitError(new Error('keep-alive: the connection stopped answering; reconnecting'));
    this.onClose(link, { type: 'close', code: 1006 });
    try {
      link.socket.close(1000, 'keep-alive: no answer');
    } catch {
      // Already closing or closed: nothing to do.
    }
  }

  /** The old connection ended (e.g. the 2-hour limit) while a replacement is on its way: adopt it. */
  private adoptPending(pending: Link): void {
    this.slots.primary = pending;
    this.slots.pending = undefined;
    if (!pending.opened) {
      this.setState('reconnecting');
      return;
    }
    this.armTimers(pending);
    if (pending.welcome) this.host.onWelcomeAdopted(pending.welcome);
  }

  private afterPrimaryLost(link: Link, code: number | undefined): void {
    const status = link.upgradeStatus;
    const outcome = closeOutcome(
      link,
      code,
      this.settings.options.reconnectOnServerClose,
      this.settings.timers.now(),
    );
    switch (outcome.action) {
      case 'finish':
        this.finish(outcome.detail);
        return;
      case 'pre-open-failure':
        this.onPreOpenFailure(code, status);
        return;
      case 'reconnect':
        if (outcome.resetBackoff) this.reconnects.resetBackoff();
        this.scheduleReconnect(code, status, outcome.minDelayMs);
        return;
      case 'renew-token':
        // Not a failure: the connection served its token's lifetime. openLink fetches the new token.
        this.reconnects.resetBackoff();
        this.setState('reconnecting');
        this.host.emit('reconnecting', { ...this.reconnects.scheduleNow(() => this.reopenPrimary()), code });
    }
  }

  /** A close before open carries no status in browsers: retry with a fresh token, but not forever. */
  private onPreOpenFailure(code: number | undefined, status: number | undefined): void {
    if (this.reconnects.preOpenFailureExhausted()) {
      this.finish({
        reason: 'too-many-failures',
        ...(code !== undefined ? { code } : {}),
        ...(status !== undefined ? { status } : {}),
      });
      return;
    }
    this.scheduleReconnect(code, status);
  }

  private reopenPrimary(): void {
    if (!this.isStopped) void this.openLink('primary');
  }

  private scheduleReconnect(code: number | undefined, status: number | undefined, minDelayMs = 0): void {
    this.setState('reconnecting');
    const next = this.reconnects.schedule(() => this.reopenPrimary(), minDelayMs);
    this.host.emit('reconnecting', {
      ...next,
      ...(code !== undefined ? { code } : {}),
      ...(status !== undefined ? { status } : {}),
    });
  }

  private finish(detail: ClosedDetail): void {
    if (this.closed) return;
    this.isStopped = true;
    this.closed = detail;
    this.reconnects.cancel();
    this.handover.cancel();
    for (const link of this.slots.all()) {
      link.clearTimers();
      if (!link.closed) link.socket.close(1000, 'client closed');
    }
    this.setState('closed');
    this.host.emit('closed', detail);
    this.host.onFinished(detail);
  }

  /** Keep-alive, TTL extension and the handover deadline of the serving link. */
  private armTimers(link: Link): void {
    link.clearTimers();
    this.keepAlive.schedule(link);
    const { maxConnectionSeconds } = link.limits(this.settings.options.limits);
    this.handover.scheduleDeadline(link, maxConnectionSeconds);
  }

  private setState(state: ClientState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.host.emit('state', state);
  }

  private emitError(error: Error): void {
    this.host.emit('error', error);
  }
}
