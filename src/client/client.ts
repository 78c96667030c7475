/**
 * The wspush client: one logical subscription that survives reconnects, the 10-minute idle timeout, row
 * expiry and the 2-hour connection limit. Runs in browsers and Node ≥ 20 (pass `ws` where there is no
 * global WebSocket). Imports only generated contract code: no AWS SDK, no server code.
 */
// Each generated module by name, never generated/index.js: that one carries every validator of the contract.
import { classifyCloseCode, limits } from '../../generated/codes.js';
import type { FieldError, ValidationResult } from '../../generated/field-errors.js';
import type {
  ConnectionLimits,
  ErrorFrame,
  RejectedTopic,
  SubscribedFrame,
  TopicMessageFrame,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
} from '../../generated/models.js';
import type { ConcreteTopicName, TopicFilter, TopicPayloadOf } from '../../generated/topics.js';
import type { UserMessagePayloads, UserMessageTypeName } from '../../generated/user-messages.js';
import { type BackoffOptions, fullJitterDelay } from './backoff.js';
import { MessageIdWindow } from './dedup.js';
import { TypedEmitter } from './emitter.js';
import {
  buildSocketRequest,
  isBrowser,
  OPEN,
  type SocketEvent,
  type TokenTransport,
  upgradeStatusOf,
  type WebSocketConstructor,
  type WebSocketLike,
} from './socket.js';
import { systemTimers, type TimerHandle, type Timers } from './timers.js';
import { TopicSet, topicMatchesFilter } from './topic-set.js';

/** Default keep-alive: a `ping` every 70–85 % of the idle timeout, uniformly jittered (the cost model reads it). */
export const KEEP_ALIVE_WINDOW = { from: 0.7, to: 0.85 } as const;

/** Default handover lead before the maximum connection duration: 10 % of it, 1 s to 5 minutes. */
export function defaultHandoverLeadMs(maxConnectionMs: number): number {
  return Math.min(5 * 60_000, Math.max(1000, maxConnectionMs * 0.1));
}

export type ClientState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface ConnectOptions {
  /** The WebSocket endpoint, e.g. `wss://{apiId}.execute-api.{region}.amazonaws.com/dev` or `ws://localhost:3001`. */
  url: string;
  /** A fixed token. Prefer `getToken` for anything that lives longer than the token. */
  token?: string;
  /** Called before every connection attempt (first connect, each reconnect, each handover). */
  getToken?: () => string | Promise<string>;
  /**
   * Realm-relative topic names (`announcements`, `jobs.8812`). Unknown or forbidden ones come back in
   * `welcome.rejected`. `subscribe` / `unsubscribe` change the set later; every new connection asks for it.
   */
  topics?: readonly (ConcreteTopicName | (string & {}))[];
  /** How long `subscribe` / `unsubscribe` wait for the server's answer before rejecting. Default 10 s. */
  requestTimeoutMs?: number;
  /** A WebSocket class; defaults to `globalThis.WebSocket`. In Node 20 pass `WebSocket` from `ws`. */
  WebSocket?: WebSocketConstructor;
  /** Where the token goes. Default: `subprotocol` in browsers, `header` elsewhere. */
  transport?: TokenTransport;
  /**
   * Validate every payload against the contract before calling handlers (invalid ones emit `invalid-message`):
   * pass `payloadValidation` from `wspush/client/validation`. Without it the client carries no validator.
   */
  validatePayloads?: PayloadValidation;
  backoff?: BackoffOptions;
  /** Consecutive attempts that fail before the socket opens (and getToken failures) before giving up. Default 8. */
  maxPreOpenFailures?: number;
  /**
   * Interval of `ping` frames. Default: as rarely as the idle timeout allows, jittered so that clients connected
   * together do not ping together — 70–85 % of it (7–8.5 minutes of 10; a ping costs two API Gateway messages).
   */
  keepAliveIntervalMs?: number;
  /** How long before the rows expire `extendTTL` is sent. Default 20 % of the TTL, at most 10 minutes. */
  ttlRefreshMarginMs?: number;
  /** How long before the maximum connection duration the handover starts. Default 10 %, 1 s to 5 minutes. */
  handoverLeadMs?: number;
  /** How long the old connection stays open after the new one's welcome (catches in-flight messages). Default 2 s. */
  handoverOverlapMs?: number;
  /**
   * A 1000 close sent by the server (not by `close()`) is how a forced disconnect arrives: API Gateway's
   * `DELETE @connections` cannot send another code. Default `true`: reconnect with a fresh token (to keep a user
   * out, deny the token: a 401/403 upgrade stops the client). `false`: treat it as terminal, as the contract's
   * close-code table classifies 1000.
   */
  reconnectOnServerClose?: boolean;
  /**
   * Overrides the limits the welcome frame reports, for a deployment that enforces shorter ones than it
   * announces (e.g. a proxy in front of API Gateway with its own timeouts).
   */
  limits?: Partial<ConnectionLimits>;
  /** How many message ids are remembered for de-duplication. Default 1000. */
  dedupCapacity?: number;
  timers?: Timers;
  /** [0, 1) random source for backoff jitter. */
  random?: () => number;
}

export type ClosedReason = 'client' | 'terminal-close-code' | 'token-denied' | 'too-many-failures';

export interface ClosedDetail {
  reason: ClosedReason;
  /** The WebSocket close code of the last connection, if any. */
  code?: number;
  /** The close code's class name from the contract (`NORMAL`, `POLICY_VIOLATION`, `APP_TERMINAL`…). */
  codeName?: string;
  /** The HTTP status of a refused upgrade (401 invalid token, 403 denied). */
  status?: number;
}

/** A payload validator per topic and per user message type (`payloadValidation` of `wspush/client/validation`). */
export type PayloadValidator = (payload: unknown) => ValidationResult<unknown>;

export interface PayloadValidation {
  /** The payload validator of a concrete topic name's family; undefined when no family matches the name. */
  readonly topic: (name: string) => PayloadValidator | undefined;
  readonly userMessages: Readonly<Record<string, PayloadValidator>>;
}

export interface InvalidMessage {
  frame: TopicMessageFrame | UserMessageFrame;
  errors: FieldError[];
}

export interface ClientEvents {
  state: (state: ClientState) => void;
  /** Every welcome frame: the accepted and rejected topics, limits, pending offline messages. */
  welcome: (welcome: WelcomeFrame) => void;
  /** A new connection took over from the previous one without a gap. */
  handover: (detail: { from: string | undefined; to: string }) => void;
  reconnecting: (detail: { attempt: number; delayMs: number; code?: number; status?: number }) => void;
  closed: (detail: ClosedDetail) => void;
  /** Every topic or user message after de-duplication (and validation, when enabled). */
  message: (frame: TopicMessageFrame | UserMessageFrame) => void;
  'error-frame': (frame: ErrorFrame) => void;
  'invalid-message': (detail: InvalidMessage) => void;
  /** Socket errors, unparseable frames, token fetch failures and exceptions thrown by handlers. */
  error: (error: Error) => void;
}

type Role = 'primary' | 'handover';

/** A connection open this long resets the reconnect backoff. */
const STABLE_CONNECTION_MS = 30_000;

/** After a RATE_LIMITED close: the time a drained frame budget takes to refill (contract x-limits). */
const RATE_LIMITED_MIN_DELAY_MS = (limits.clientFrameBurst / limits.clientFramesPerSecond) * 1000;

/** One WebSocket. The client has a primary link, and during a handover a second, pending one. */
interface Link {
  readonly socket: WebSocketLike;
  opened: boolean;
  closed: boolean;
  openedAt: number;
  upgradeStatus: number | undefined;
  welcome: WelcomeFrame | undefined;
  /** Replaced by a newer link; its close is expected and ignored. */
  retiring: boolean;
  timers: TimerHandle[];
  ttlTimer: TimerHandle | undefined;
  onClosed: (() => void)[];
  /** server time − local time, from the welcome frame, to read `expiresAt` on the local clock. */
  clockSkewMs: number;
  /**
   * The close code an error frame announced (`closeCode`): API Gateway's DELETE @connections closes with 1000,
   * so the meaning of a platform-initiated close travels in the frame before it.
   */
  announcedCloseCode: number | undefined;
}

type TopicHandler = (payload: never, frame: TopicMessageFrame) => void;
type UserHandler = (payload: never, frame: UserMessageFrame) => void;

export class PushClient extends TypedEmitter<ClientEvents> {
  private readonly options: ConnectOptions;
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly WebSocketClass: WebSocketConstructor;
  private readonly transport: TokenTransport;
  private readonly dedup: MessageIdWindow;
  private readonly topicHandlers = new Map<string, Set<TopicHandler>>();
  private readonly userHandlers = new Map<string, Set<UserHandler>>();
  private readonly waiters: { resolve: (w: WelcomeFrame) => void; reject: (e: Error) => void }[] = [];
  private currentState: ClientState = 'idle';
  private primary: Link | undefined;
  private pending: Link | undefined;
  private readonly retiring = new Set<Link>();
  private stopped = false;
  private attempt = 0;
  private handoverAttempt = 0;
  /** A handover is fetching its token (no pending link yet). */
  private handoverStarting = false;
  private preOpenFailures = 0;
  private reconnectTimer: TimerHandle | undefined;
  private handoverRetryTimer: TimerHandle | undefined;
  private lastWelcome: WelcomeFrame | undefined;
  private closedDetail: ClosedDetail | undefined;
  private readonly topicSet: TopicSet;

  constructor(options: ConnectOptions) {
    super();
    if (options.token === undefined && options.getToken === undefined) {
      throw new TypeError('connect: pass `token` or `getToken`');
    }
    const WebSocketClass =
      options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!WebSocketClass) {
      throw new TypeError(
        "connect: no global WebSocket here; pass one, e.g. `import { WebSocket } from 'ws'` and `connect({ WebSocket, ... })`",
      );
    }
    this.options = options;
    this.WebSocketClass = WebSocketClass;
    this.transport = options.transport ?? (isBrowser() ? 'subprotocol' : 'header');
    if (this.transport === 'header' && isBrowser()) {
      throw new TypeError(
        "connect: browsers cannot send headers on a WebSocket; use transport 'subprotocol'",
      );
    }
    this.timers = options.timers ?? systemTimers;
    this.random = options.random ?? Math.random;
    this.dedup = new MessageIdWindow(options.dedupCapacity ?? 1000);
    this.topicSet = new TopicSet(options.topics ?? [], this.timers, options.requestTimeoutMs ?? 10_000);
  }

  get state(): ClientState {
    return this.currentState;
  }

  /** The latest welcome frame (of the current connection once a handover completes). */
  get welcome(): WelcomeFrame | undefined {
    return this.lastWelcome;
  }

  get accepted(): readonly string[] {
    return this.lastWelcome?.accepted ?? [];
  }

  get rejected(): readonly RejectedTopic[] {
    return this.lastWelcome?.rejected ?? [];
  }

  get connectionId(): string | undefined {
    return this.primary?.welcome?.connectionId;
  }

  /** The topics this client holds: connect-time ones plus subscribes minus unsubscribes (and server refusals). */
  get topics(): readonly string[] {
    return this.topicSet.topics;
  }

  /**
   * Typed handler for one topic (`announcements`, `jobs.8812`) or a family filter (`jobs.*`, one `*` per
   * parameter): the payload type follows the family. Returns a function that removes it.
   */
  onTopic<T extends TopicFilter | ConcreteTopicName>(
    topic: T,
    handler: (payload: TopicPayloadOf<T>, frame: TopicMessageFrame) => void,
  ): () => void {
    return addHandler(this.topicHandlers, topic, handler as TopicHandler);
  }

  /**
   * Subscribes the open connection to more topics; resolves with the server's `subscribed` answer (accepted and
   * rejected, with the welcome's codes). The topics stay in the client's set: reconnects and the 2-hour handover
   * ask for them again. Rejects on an error frame, a timeout, or when the client is closed.
   */
  subscribe(topics: readonly (ConcreteTopicName | (string & {}))[]): Promise<SubscribedFrame> {
    return this.request('subscribe', topics) as Promise<SubscribedFrame>;
  }

  /** Removes topics from the connection and the client's set; resolves with the server's `unsubscribed`. */
  unsubscribe(topics: readonly (ConcreteTopicName | (string & {}))[]): Promise<UnsubscribedFrame> {
    return this.request('unsubscribe', topics) as Promise<UnsubscribedFrame>;
  }

  /** Typed handler for one user message type; returns a function that removes it. */
  onUserMessage<T extends UserMessageTypeName>(
    type: T,
    handler: (payload: UserMessagePayloads[T], frame: UserMessageFrame) => void,
  ): () => void {
    return addHandler(this.userHandlers, type, handler as UserHandler);
  }

  /** Resolves with the welcome of the current connection (waiting for it if needed); rejects once closed. */
  ready(): Promise<WelcomeFrame> {
    if (this.closedDetail) return Promise.reject(closedError(this.closedDetail));
    if (this.currentState === 'open' && this.primary?.welcome) return Promise.resolve(this.primary.welcome);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Starts connecting (called by `connect`). */
  start(): void {
    if (this.currentState !== 'idle') return;
    this.setState('connecting');
    void this.openLink('primary');
  }

  /** Sends `ping` now (the client also does so on its own). */
  ping(requestId?: string): void {
    this.sendAction({ action: 'ping', ...(requestId ? { requestId } : {}) });
  }

  /** Sends `extendTTL` now (the client also does so on its own). */
  extendTtl(requestId?: string): void {
    this.sendAction({ action: 'extendTTL', ...(requestId ? { requestId } : {}) });
  }

  /** Closes every connection with 1000 and stops reconnecting. Resolves when the sockets have closed. */
  close(): Promise<void> {
    if (this.closedDetail) return Promise.resolve();
    const links = [this.primary, this.pending, ...this.retiring].filter(
      (l): l is Link => l !== undefined && !l.closed,
    );
    // Registered before finish() closes the sockets: a socket may report its close synchronously.
    const closes = links.map((link) => new Promise<void>((resolve) => link.onClosed.push(resolve)));
    this.finish({ reason: 'client' });
    if (links.length === 0) return Promise.resolve();
    return new Promise((resolve) => {
      void Promise.all(closes).then(() => resolve());
      // Never hang a caller on a socket that does not report its close.
      this.timers.setTimeout(resolve, 5000);
    });
  }

  // ---- connection lifecycle ----

  private async openLink(role: Role): Promise<void> {
    const replacing = this.primary;
    let token: string;
    try {
      token = this.options.getToken ? await this.options.getToken() : (this.options.token as string);
      if (typeof token !== 'string' || token.length === 0) throw new Error('getToken returned no token');
    } catch (error) {
      this.emitError(new Error(`getToken failed: ${messageOf(error)}`));
      if (role === 'handover') this.handoverStarting = false;
      if (this.stopped) return;
      if (role === 'handover') this.scheduleHandoverRetry();
      else this.onPreOpenFailure(undefined, undefined);
      return;
    }
    if (this.stopped) return;
    if (role === 'handover') {
      this.handoverStarting = false;
      // The primary ended while we fetched the token: the reconnect logic owns the next connection.
      if (this.pending || !replacing || this.primary !== replacing || replacing.closed) return;
    } else if (this.primary && !this.primary.closed) {
      return; // a handover link already took over
    }
    const request = buildSocketRequest(
      this.options.url,
      token,
      this.topicSet.connectTopics(),
      this.transport,
    );
    let socket: WebSocketLike;
    try {
      socket = request.options
        ? new this.WebSocketClass(request.url, request.protocols, request.options)
        : new this.WebSocketClass(request.url, request.protocols);
    } catch (error) {
      // A malformed URL or protocol: retrying cannot help.
      this.emitError(new Error(`cannot open WebSocket: ${messageOf(error)}`));
      this.finish({ reason: 'too-many-failures' });
      return;
    }
    const link: Link = {
      socket,
      opened: false,
      closed: false,
      openedAt: 0,
      upgradeStatus: undefined,
      welcome: undefined,
      retiring: false,
      timers: [],
      ttlTimer: undefined,
      onClosed: [],
      clockSkewMs: 0,
      announcedCloseCode: undefined,
    };
    if (role === 'primary') this.primary = link;
    else this.pending = link;
    socket.addEventListener('open', () => this.onOpen(link));
    socket.addEventListener('message', (event) => this.onMessage(link, event));
    socket.addEventListener('error', (event) => this.onSocketError(link, event));
    socket.addEventListener('close', (event) => this.onClose(link, event));
  }

  private onOpen(link: Link): void {
    link.opened = true;
    link.openedAt = this.timers.now();
    if (this.stopped) {
      link.socket.close(1000, 'client closed');
      return;
    }
    if (link === this.primary) {
      this.preOpenFailures = 0;
      this.setState('open');
      this.scheduleLinkTimers(link);
    }
  }

  private onSocketError(link: Link, event: SocketEvent): void {
    const status = upgradeStatusOf(event);
    if (status !== undefined) link.upgradeStatus = status;
    if (!link.retiring && !this.stopped) this.emitError(new Error(event.message ?? 'WebSocket error'));
  }

  private onClose(link: Link, event: SocketEvent): void {
    if (link.closed) return;
    link.closed = true;
    this.clearLinkTimers(link);
    this.retiring.delete(link);
    for (const resolve of link.onClosed.splice(0)) resolve();
    if (this.stopped || link.retiring) return;
    const code = link.announcedCloseCode ?? event.code;

    if (link === this.pending) {
      // A handover attempt failed; the primary keeps serving and we try again later.
      this.pending = undefined;
      this.scheduleHandoverRetry();
      return;
    }
    if (link !== this.primary) return;

    this.primary = undefined;
    if (this.pending && !this.pending.closed) {
      // The old connection ended (e.g. the 2-hour limit) while a replacement is on its way: adopt it.
      this.primary = this.pending;
      this.pending = undefined;
      if (this.primary.opened) {
        this.scheduleLinkTimers(this.primary);
        if (this.primary.welcome) this.adoptWelcome(this.primary.welcome);
      } else {
        this.setState('reconnecting');
      }
      return;
    }

    const status = link.upgradeStatus;
    if (status === 401 || status === 403) {
      this.finish({ reason: 'token-denied', status, ...(code !== undefined ? { code } : {}) });
      return;
    }
    if (!link.opened) {
      this.onPreOpenFailure(code, status);
      return;
    }
    const closeClass = classifyCloseCode(code ?? 1006);
    const forcedDisconnect = code === 1000 && this.options.reconnectOnServerClose !== false;
    if (!closeClass.retryable && !forcedDisconnect) {
      this.finish({ reason: 'terminal-close-code', code: code ?? 1006, codeName: closeClass.name });
      return;
    }
    if (closeClass.name === 'RATE_LIMITED') {
      // Closed for flooding: never a quick reconnect. The backoff keeps growing, and the first try waits at
      // least until a full frame budget has refilled (contract x-limits).
      this.scheduleReconnect(code, status, RATE_LIMITED_MIN_DELAY_MS);
      return;
    }
    // Backoff starts over only after a connection that stayed up: a server that accepts and then drops us
    // at once (or a DELETE @connections loop) still backs off.
    if (this.timers.now() - link.openedAt >= STABLE_CONNECTION_MS) this.attempt = 0;
    this.scheduleReconnect(code, status);
  }

  /** A close before open carries no status in browsers: retry with a fresh token, but not forever. */
  private onPreOpenFailure(code: number | undefined, status: number | undefined): void {
    this.preOpenFailures += 1;
    const max = this.options.maxPreOpenFailures ?? 8;
    if (this.preOpenFailures >= max) {
      this.finish({
        reason: 'too-many-failures',
        ...(code !== undefined ? { code } : {}),
        ...(status !== undefined ? { status } : {}),
      });
      return;
    }
    this.scheduleReconnect(code, status);
  }

  private scheduleReconnect(code: number | undefined, status: number | undefined, minDelayMs = 0): void {
    this.setState('reconnecting');
    const delayMs = minDelayMs + fullJitterDelay(this.attempt, this.options.backoff, this.random);
    this.attempt += 1;
    this.emit('reconnecting', {
      attempt: this.attempt,
      delayMs,
      ...(code !== undefined ? { code } : {}),
      ...(status !== undefined ? { status } : {}),
    });
    this.reconnectTimer = this.timers.setTimeout(() => {
      this.reconnectTimer = undefined;
      if (!this.stopped) void this.openLink('primary');
    }, delayMs);
  }

  private startHandover(): void {
    if (this.stopped || this.pending || this.handoverStarting || !this.primary) return;
    this.handoverStarting = true;
    void this.openLink('handover');
  }

  private scheduleHandoverRetry(): void {
    if (this.stopped || !this.primary || this.primary.closed) return;
    const delayMs = fullJitterDelay(this.handoverAttempt, this.options.backoff, this.random);
    this.handoverAttempt += 1;
    this.handoverRetryTimer = this.timers.setTimeout(() => {
      this.handoverRetryTimer = undefined;
      this.startHandover();
    }, delayMs);
  }

  private finish(detail: ClosedDetail): void {
    if (this.closedDetail) return;
    this.stopped = true;
    this.closedDetail = detail;
    if (this.reconnectTimer !== undefined) this.timers.clearTimeout(this.reconnectTimer);
    if (this.handoverRetryTimer !== undefined) this.timers.clearTimeout(this.handoverRetryTimer);
    for (const link of [this.primary, this.pending, ...this.retiring]) {
      if (!link) continue;
      this.clearLinkTimers(link);
      if (!link.closed) link.socket.close(1000, 'client closed');
    }
    this.setState('closed');
    this.emit('closed', detail);
    const error = closedError(detail);
    for (const waiter of this.waiters.splice(0)) waiter.reject(error);
    this.topicSet.close(error);
  }

  // ---- frames ----

  private onMessage(link: Link, event: SocketEvent): void {
    if (typeof event.data !== 'string') {
      this.emitError(new Error('ignored a non-text frame'));
      return;
    }
    let frame: unknown;
    try {
      frame = JSON.parse(event.data);
    } catch {
      this.emitError(new Error(`ignored a frame that is not JSON: ${event.data.slice(0, 80)}`));
      return;
    }
    if (!isRecord(frame) || typeof frame.kind !== 'string') {
      this.emitError(new Error(`ignored a frame without kind: ${event.data.slice(0, 80)}`));
      return;
    }
    switch (frame.kind) {
      case 'welcome':
        this.onWelcome(link, frame as unknown as WelcomeFrame);
        return;
      case 'topic':
        this.dispatchTopic(frame as unknown as TopicMessageFrame);
        return;
      case 'user':
        this.dispatchUser(frame as unknown as UserMessageFrame);
        return;
      case 'ttl-extended':
        if (typeof frame.expiresAt === 'string') this.scheduleTtl(link, frame.expiresAt);
        return;
      case 'pong':
        return;
      case 'subscribed':
      case 'unsubscribed':
        this.topicSet.onReply(frame as unknown as SubscribedFrame | UnsubscribedFrame);
        return;
      case 'error':
        this.onErrorFrame(link, frame as unknown as ErrorFrame);
        return;
      default:
        this.emitError(new Error(`ignored a frame of unknown kind ${JSON.stringify(frame.kind)}`));
    }
  }

  private onWelcome(link: Link, welcome: WelcomeFrame): void {
    link.welcome = welcome;
    const serverTime = Date.parse(welcome.serverTime);
    link.clockSkewMs = Number.isFinite(serverTime) ? serverTime - this.timers.now() : 0;
    if (link === this.pending && this.primary && !this.primary.closed) {
      // Handover: the new connection is subscribed now; retire the old one after a short overlap so
      // messages already on their way to it still arrive (duplicates are dropped by id).
      const old = this.primary;
      old.retiring = true;
      this.clearLinkTimers(old);
      this.retiring.add(old);
      this.primary = link;
      this.pending = undefined;
      this.handoverAttempt = 0;
      this.timers.setTimeout(() => {
        if (!old.closed) old.socket.close(1000, 'handover');
      }, this.options.handoverOverlapMs ?? 2000);
      this.scheduleLinkTimers(link);
      this.emit('handover', { from: old.welcome?.connectionId, to: welcome.connectionId });
    } else if (link === this.pending) {
      this.primary = link;
      this.pending = undefined;
      this.scheduleLinkTimers(link);
    } else if (link !== this.primary) {
      return;
    } else {
      this.scheduleLinkTimers(link);
    }
    this.adoptWelcome(welcome);
  }

  private adoptWelcome(welcome: WelcomeFrame): void {
    this.lastWelcome = welcome;
    // Topics of the set this connection did not ask for at connect (too long for the query, or subscribed
    // while it was opening) are subscribed now.
    for (const topics of this.topicSet.onWelcome(welcome)) this.sendFrame({ action: 'subscribe', topics });
    if (this.currentState !== 'open') this.setState('open');
    this.emit('welcome', welcome);
    for (const waiter of this.waiters.splice(0)) waiter.resolve(welcome);
  }

  private onErrorFrame(link: Link, frame: ErrorFrame): void {
    if (typeof frame.closeCode === 'number') link.announcedCloseCode = frame.closeCode;
    this.topicSet.onError(frame.requestId, new Error(`${frame.code}: ${frame.message}`));
    this.emit('error-frame', frame);
    // The server lost our rows (expired or removed): replace the connection without a gap.
    if (frame.code === 'CONNECTION_NOT_FOUND' && link === this.primary) this.startHandover();
  }

  private dispatchTopic(frame: TopicMessageFrame): void {
    if (typeof frame.id !== 'string' || this.dedup.seen(frame.id)) return;
    const validation = this.options.validatePayloads;
    if (validation) {
      const validate = typeof frame.topic === 'string' ? validation.topic(frame.topic) : undefined;
      const errors = payloadErrors(validate, frame.payload, 'topic', frame.topic);
      if (errors) {
        this.emit('invalid-message', { frame, errors });
        return;
      }
    }
    this.emitMessage(frame, this.topicHandlersFor(frame.topic));
  }

  /** Handlers of the exact name and of every matching family filter. */
  private topicHandlersFor(topic: string): Set<TopicHandler> {
    const handlers = new Set<TopicHandler>();
    for (const [filter, set] of this.topicHandlers)
      if (topicMatchesFilter(filter, topic)) for (const handler of set) handlers.add(handler);
    return handlers;
  }

  private request(
    kind: 'subscribe' | 'unsubscribe',
    topics: readonly string[],
  ): Promise<SubscribedFrame | UnsubscribedFrame> {
    if (this.closedDetail) return Promise.reject(closedError(this.closedDetail));
    const { frame, answer } = this.topicSet.request(kind, topics);
    // Not connected: the next connection asks for the whole set and its welcome answers the request.
    if (this.currentState === 'open') this.sendFrame(frame);
    return answer;
  }

  private dispatchUser(frame: UserMessageFrame): void {
    if (typeof frame.id !== 'string' || this.dedup.seen(frame.id)) return;
    const validation = this.options.validatePayloads;
    if (validation) {
      const validators = validation.userMessages;
      const validate = Object.hasOwn(validators, frame.type) ? validators[frame.type] : undefined;
      const errors = payloadErrors(validate, frame.payload, 'type', frame.type);
      if (errors) {
        this.emit('invalid-message', { frame, errors });
        return;
      }
    }
    this.emitMessage(frame, this.userHandlers.get(frame.type));
  }

  private emitMessage<F extends TopicMessageFrame | UserMessageFrame>(
    frame: F,
    handlers: Set<(payload: never, frame: F) => void> | undefined,
  ): void {
    for (const handler of [...(handlers ?? [])]) {
      try {
        handler(frame.payload as never, frame);
      } catch (error) {
        this.emitError(new Error(`message handler threw: ${messageOf(error)}`));
      }
    }
    for (const error of this.emit('message', frame)) {
      this.emitError(new Error(`message listener threw: ${messageOf(error)}`));
    }
  }

  // ---- timers: keep-alive, TTL, handover ----

  private scheduleLinkTimers(link: Link): void {
    this.clearLinkTimers(link);
    const connectionLimits = this.limitsOf(link);
    const keepAliveMs = (): number =>
      this.options.keepAliveIntervalMs ??
      Math.floor(
        connectionLimits.idleTimeoutSeconds *
          1000 *
          (KEEP_ALIVE_WINDOW.from + (KEEP_ALIVE_WINDOW.to - KEEP_ALIVE_WINDOW.from) * this.random()),
      );
    const keepAlive = (): void => {
      if (link.socket.readyState === OPEN) link.socket.send(JSON.stringify({ action: 'ping' }));
      link.timers.push(this.timers.setTimeout(keepAlive, keepAliveMs()));
    };
    link.timers.push(this.timers.setTimeout(keepAlive, keepAliveMs()));

    if (link.welcome) this.scheduleTtl(link, link.welcome.expiresAt);

    const maxMs = connectionLimits.maxConnectionSeconds * 1000;
    const leadMs = this.options.handoverLeadMs ?? defaultHandoverLeadMs(maxMs);
    const handoverAt = link.openedAt + maxMs - leadMs;
    link.timers.push(
      this.timers.setTimeout(() => this.startHandover(), Math.max(0, handoverAt - this.timers.now())),
    );
  }

  /** Sends `extendTTL` `ttlRefreshMarginMs` before `expiresAt` (read on the local clock). */
  private scheduleTtl(link: Link, expiresAt: string): void {
    const expiry = Date.parse(expiresAt);
    if (!Number.isFinite(expiry)) return;
    const localExpiry = expiry - link.clockSkewMs;
    const ttlMs = this.limitsOf(link).connectionTtlSeconds * 1000;
    const marginMs = this.options.ttlRefreshMarginMs ?? Math.min(10 * 60_000, ttlMs * 0.2);
    const fire = (): void => {
      if (link.closed || link.retiring) return;
      if (link.socket.readyState === OPEN) link.socket.send(JSON.stringify({ action: 'extendTTL' }));
      // Until `ttl-extended` arrives (and reschedules), ask again at half the time that is left.
      const left = localExpiry - this.timers.now();
      if (left > 0) link.ttlTimer = this.replaceTimer(link, link.ttlTimer, fire, Math.max(1000, left / 2));
    };
    link.ttlTimer = this.replaceTimer(
      link,
      link.ttlTimer,
      fire,
      Math.max(0, localExpiry - marginMs - this.timers.now()),
    );
  }

  private limitsOf(link: Link): ConnectionLimits {
    return { ...(link.welcome?.limits ?? limits), ...this.options.limits };
  }

  private replaceTimer(
    link: Link,
    previous: TimerHandle | undefined,
    fn: () => void,
    ms: number,
  ): TimerHandle {
    if (previous !== undefined) {
      this.timers.clearTimeout(previous);
      link.timers = link.timers.filter((t) => t !== previous);
    }
    const handle = this.timers.setTimeout(fn, ms);
    link.timers.push(handle);
    return handle;
  }

  private clearLinkTimers(link: Link): void {
    for (const handle of link.timers) this.timers.clearTimeout(handle);
    link.timers = [];
    link.ttlTimer = undefined;
  }

  // ---- helpers ----

  private sendAction(action: { action: 'ping' | 'extendTTL'; requestId?: string }): void {
    const link = this.primary;
    if (!link || link.socket.readyState !== OPEN) throw new Error('not connected');
    link.socket.send(JSON.stringify(action));
  }

  /** Sends on the primary when it is open; otherwise the next welcome covers it (see TopicSet). */
  private sendFrame(frame: {
    action: 'subscribe' | 'unsubscribe';
    topics: string[];
    requestId?: string;
  }): void {
    const link = this.primary;
    if (link && link.socket.readyState === OPEN) link.socket.send(JSON.stringify(frame));
  }

  private setState(state: ClientState): void {
    if (this.currentState === state) return;
    this.currentState = state;
    this.emit('state', state);
  }

  private emitError(error: Error): void {
    this.emit('error', error);
  }
}

/** Opens a client and starts connecting. Register handlers right away: nothing arrives before the socket opens. */
export function connect(options: ConnectOptions): PushClient {
  const client = new PushClient(options);
  client.start();
  return client;
}

function addHandler<H>(map: Map<string, Set<H>>, key: string, handler: H): () => void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(handler);
  return () => {
    set.delete(handler);
  };
}

/** The payload's errors (fields prefixed `payload.`), or an error naming an unknown topic or type. */
function payloadErrors(
  validate: PayloadValidator | undefined,
  payload: unknown,
  field: 'topic' | 'type',
  name: string,
): FieldError[] | undefined {
  if (!validate) {
    const what = field === 'topic' ? 'topic' : 'user message type';
    return [{ field, keyword: 'enum', message: `unknown ${what} ${JSON.stringify(name)}` }];
  }
  const result = validate(payload);
  return result.ok ? undefined : result.errors.map((e) => ({ ...e, field: prefixField('payload', e.field) }));
}

function prefixField(prefix: string, field: string): string {
  return field === '(root)' || field === '' ? prefix : `${prefix}.${field}`;
}

function closedError(detail: ClosedDetail): Error {
  const parts = [`client closed (${detail.reason})`];
  if (detail.status !== undefined) parts.push(`upgrade status ${detail.status}`);
  if (detail.code !== undefined)
    parts.push(`close code ${detail.code}${detail.codeName ? ` ${detail.codeName}` : ''}`);
  return new Error(parts.join(', '));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
