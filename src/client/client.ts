/**
 * The wspush client: one logical subscription that survives reconnects, the 10-minute idle timeout, row
 * expiry and the 2-hour connection limit. Runs in browsers and Node ≥ 20 (pass `ws` where there is no
 * global WebSocket). Imports only generated contract code: no AWS SDK, no server code.
 *
 * `PushClient` is the application's view; the work is done by its parts: `ConnectionLifecycle` (links,
 * reconnects, close codes, keep-alive, handover), `TopicSet` (the topic set and subscribe requests),
 * `StreamPositions` (the last position per history topic, sent as `since`) and `MessageDispatcher`
 * (de-duplication, validation, handlers). The facade routes each server frame to its part.
 */
// Each generated module by name, never generated/index.js: that one carries every validator of the contract.
import type {
  ErrorFrame,
  RecoveryFrame,
  RejectedTopic,
  StreamPosition,
  SubscribedFrame,
  TopicMessageFrame,
  UnsubscribedFrame,
  UserMessageFrame,
  WelcomeFrame,
} from '../../generated/models.js';
import type { ConcreteTopicName, TopicFilter, TopicPayloadOf } from '../../generated/topics.js';
import type { UserMessagePayloads, UserMessageTypeName } from '../../generated/user-messages.js';
import { type ClientEvents, type ClientState, closedError } from './client-events.js';
import type { ConnectOptions } from './client-options.js';
import { ConnectionLifecycle } from './connection-lifecycle.js';
import { TypedEmitter } from './emitter.js';
import { parseFrame, type ServerFrame } from './frame-parsing.js';
import type { Link } from './link.js';
import { MessageDispatcher, type TopicHandler, type UserHandler } from './message-dispatch.js';
import { memoryPositionStorage } from './position-storage.js';
import { resolveWebSocket, type SocketEvent } from './socket.js';
import { StreamPositions } from './stream-positions.js';
import { systemTimers } from './timers.js';
import { TopicSet } from './topic-set.js';
import { WelcomeRecoveries } from './welcome-recovery.js';

export type {
  ClientEvents,
  ClientState,
  ClosedDetail,
  ClosedReason,
  InvalidMessage,
} from './client-events.js';
export type { ConnectOptions, PayloadValidation, PayloadValidator } from './client-options.js';

type TopicList = readonly (ConcreteTopicName | (string & {}))[];

export class PushClient extends TypedEmitter<ClientEvents> {
  private readonly connection: ConnectionLifecycle;
  private readonly topicSet: TopicSet;
  private readonly dispatcher: MessageDispatcher;
  private readonly positions: StreamPositions;
  private readonly waiters: { resolve: (w: WelcomeFrame) => void; reject: (e: Error) => void }[] = [];
  private lastWelcome: WelcomeFrame | undefined;
  /** Per link: the answers to `since` its welcome carried, waiting for their topic's replay. */
  private readonly welcomeRecoveries = new WeakMap<Link, WelcomeRecoveries>();

  constructor(options: ConnectOptions) {
    super();
    if (options.token === undefined && options.getToken === undefined) {
      throw new TypeError('connect: pass `token` or `getToken`');
    }
    const { WebSocketClass, transport } = resolveWebSocket(options.WebSocket, options.transport);
    const timers = options.timers ?? systemTimers;
    const random = options.random ?? Math.random;
    const emit = this.emit.bind(this) as PushClient['emit'];
    this.dispatcher = new MessageDispatcher(options.validatePayloads, options.dedupCapacity ?? 1000, emit);
    this.topicSet = new TopicSet(options.topics ?? [], timers, options.requestTimeoutMs ?? 10_000);
    this.positions = new StreamPositions(
      options.positionStorage ?? memoryPositionStorage(),
      (topic) => this.topicSet.topics.includes(topic),
      (error) => this.emit('error', error),
    );
    this.connection = new ConnectionLifecycle(
      { options, WebSocketClass, transport, timers, random },
      {
        emit,
        connectQuery: () => {
          const topics = this.topicSet.connectTopics();
          return { topics, since: this.positions.sinceQuery(topics) };
        },
        onSocketMessage: (link, event) => this.onSocketMessage(link, event),
        onWelcomeAdopted: (welcome) => this.adoptWelcome(welcome),
        onFinished: (detail) => {
          const error = closedError(detail);
          for (const waiter of this.waiters.splice(0)) waiter.reject(error);
          this.topicSet.close(error);
        },
      },
    );
  }

  get state(): ClientState {
    return this.connection.state;
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
    return this.connection.slots.primary?.welcome?.connectionId;
  }

  /** The topics this client holds: connect-time ones plus subscribes minus unsubscribes (and server refusals). */
  get topics(): readonly string[] {
    return this.topicSet.topics;
  }

  /**
   * The last stream position (offset, epoch) per history topic: what the next connection or `subscribe` sends
   * as `since`, so that only newer messages are replayed.
   */
  get streamPositions(): Readonly<Record<string, StreamPosition>> {
    return this.positions.snapshot();
  }

  /**
   * Typed handler for one topic (`announcements`, `jobs.8812`) or a family filter (`jobs.*`, one `*` per
   * parameter): the payload type follows the family. Returns a function that removes it.
   */
  onTopic<T extends TopicFilter | ConcreteTopicName>(
    topic: T,
    handler: (payload: TopicPayloadOf<T>, frame: TopicMessageFrame) => void,
  ): () => void {
    return this.dispatcher.onTopic(topic, handler as TopicHandler);
  }

  /** Typed handler for one user message type; returns a function that removes it. */
  onUserMessage<T extends UserMessageTypeName>(
    type: T,
    handler: (payload: UserMessagePayloads[T], frame: UserMessageFrame) => void,
  ): () => void {
    return this.dispatcher.onUserMessage(type, handler as UserHandler);
  }

  /**
   * Subscribes the open connection to more topics; resolves with the server's `subscribed` answer (accepted and
   * rejected, with the welcome's codes). The topics stay in the client's set: reconnects and the 2-hour handover
   * ask for them again. Rejects on an error frame, a timeout, or when the client is closed.
   */
  subscribe(topics: TopicList): Promise<SubscribedFrame> {
    return this.request('subscribe', topics) as Promise<SubscribedFrame>;
  }

  /** Removes topics from the connection and the client's set; resolves with the server's `unsubscribed`. */
  unsubscribe(topics: TopicList): Promise<UnsubscribedFrame> {
    return this.request('unsubscribe', topics) as Promise<UnsubscribedFrame>;
  }

  /** Resolves with the welcome of the current connection (waiting for it if needed); rejects once closed. */
  ready(): Promise<WelcomeFrame> {
    const closed = this.connection.closedDetail;
    if (closed) return Promise.reject(closedError(closed));
    const welcome = this.connection.openWelcome;
    if (welcome) return Promise.resolve(welcome);
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** Starts connecting (called by `connect`). */
  start(): void {
    this.connection.start();
  }

  /** Sends `ping` now (the client also does so on its own). */
  ping(requestId?: string): void {
    this.sendNow({ action: 'ping', ...(requestId ? { requestId } : {}) });
  }

  /** Sends `extendTTL` now (the client also does so on its own). */
  extendTtl(requestId?: string): void {
    this.sendNow({ action: 'extendTTL', ...(requestId ? { requestId } : {}) });
  }

  /** Closes every connection with 1000 and stops reconnecting. Resolves when the sockets have closed. */
  close(): Promise<void> {
    return this.connection.close();
  }

  // ---- server frames ----

  private onSocketMessage(link: Link, event: SocketEvent): void {
    const parsed = parseFrame(event);
    if (parsed.ok) this.route(link, parsed.frame);
    else this.emit('error', parsed.error);
  }

  /** Each frame kind to the part that handles it; then the welcome's answers to `since` that it completes. */
  private route(link: Link, frame: ServerFrame): void {
    this.handle(link, frame);
    this.welcomeRecoveries.get(link)?.afterFrame(frame);
  }

  private handle(link: Link, frame: ServerFrame): void {
    switch (frame.kind) {
      case 'welcome':
        if (this.connection.acceptWelcome(link, frame as unknown as WelcomeFrame))
          this.adoptWelcome(frame as unknown as WelcomeFrame);
        this.onWelcomeRecovery(link, frame.recovery);
        return;
      case 'topic':
        this.onTopicFrame(frame as unknown as TopicMessageFrame);
        return;
      case 'user':
        this.dispatcher.user(frame as unknown as UserMessageFrame);
        return;
      case 'ttl-extended':
        if (typeof frame.expiresAt === 'string') this.connection.ttlExtended(link, frame.expiresAt);
        return;
      case 'pong':
        return;
      case 'subscribed':
      case 'unsubscribed':
        this.onSubscriptionReply(frame as unknown as SubscribedFrame | UnsubscribedFrame);
        return;
      case 'recovery':
        this.onRecovery(frame as unknown as RecoveryFrame);
        return;
      case 'error':
        this.onErrorFrame(link, frame as unknown as ErrorFrame);
        return;
      default:
        this.emit('error', new Error(`ignored a frame of unknown kind ${JSON.stringify(frame.kind)}`));
    }
  }

  /** Delivered first, then its position kept: a position saved means the application had the message. */
  private onTopicFrame(frame: TopicMessageFrame): void {
    this.dispatcher.topic(frame);
    if (typeof frame.topic === 'string') this.positions.advance(frame.topic, frame.offset, frame.epoch);
  }

  /** The welcome's answers to `since` (connected with `recovery=welcome`): each as a `recovery` frame, in turn. */
  private onWelcomeRecovery(link: Link, recovery: unknown): void {
    let recoveries = this.welcomeRecoveries.get(link);
    if (!recoveries) {
      recoveries = new WelcomeRecoveries((frame) => this.onRecovery(frame));
      this.welcomeRecoveries.set(link, recoveries);
    }
    recoveries.start(recovery);
  }

  private onRecovery(frame: RecoveryFrame): void {
    if (typeof frame.topic !== 'string' || typeof frame.recovered !== 'boolean') {
      this.emit(
        'error',
        new Error(
          `ignored a recovery frame without topic or recovered: ${JSON.stringify(frame).slice(0, 80)}`,
        ),
      );
      return;
    }
    this.positions.recover(frame);
    this.emit('recovery', frame);
  }

  private onSubscriptionReply(frame: SubscribedFrame | UnsubscribedFrame): void {
    this.topicSet.onReply(frame);
    if (frame.kind === 'subscribed') this.positions.forget(frame.rejected.map((r) => r.topic));
  }

  /** A welcome that made its link the serving one: the client is open with it. */
  private adoptWelcome(welcome: WelcomeFrame): void {
    this.lastWelcome = welcome;
    this.positions.forget(welcome.rejected.map((r) => r.topic));
    // Topics of the set this connection did not ask for at connect (too long for the query, or subscribed
    // while it was opening) are subscribed now, from their positions.
    for (const topics of this.topicSet.onWelcome(welcome)) this.connection.send(this.subscribeFrame(topics));
    this.connection.markOpen();
    this.emit('welcome', welcome);
    for (const waiter of this.waiters.splice(0)) waiter.resolve(welcome);
  }

  private onErrorFrame(link: Link, frame: ErrorFrame): void {
    if (typeof frame.closeCode === 'number') link.announcedCloseCode = frame.closeCode;
    this.topicSet.onError(frame.requestId, new Error(`${frame.code}: ${frame.message}`));
    this.emit('error-frame', frame);
    // The server lost our rows (expired or removed): replace the connection without a gap.
    if (frame.code === 'CONNECTION_NOT_FOUND') this.connection.rowsLost(link);
  }

  private request(
    kind: 'subscribe' | 'unsubscribe',
    topics: TopicList,
  ): Promise<SubscribedFrame | UnsubscribedFrame> {
    const closed = this.connection.closedDetail;
    if (closed) return Promise.reject(closedError(closed));
    const { frame, answer } = this.topicSet.request(kind, topics);
    if (kind === 'unsubscribe') this.positions.forget(frame.topics);
    // Not connected: the next connection asks for the whole set and its welcome answers the request.
    if (this.connection.state === 'open')
      this.connection.send(kind === 'subscribe' ? this.subscribeFrame(frame.topics, frame.requestId) : frame);
    return answer;
  }

  /** A `subscribe` frame, with `since` for the topics that have a position. */
  private subscribeFrame(topics: string[], requestId?: string): object {
    const since = this.positions.sinceField(topics);
    return { action: 'subscribe', topics, ...(since ? { since } : {}), ...(requestId ? { requestId } : {}) };
  }

  private sendNow(action: { action: 'ping' | 'extendTTL'; requestId?: string }): void {
    if (!this.connection.send(action)) throw new Error('not connected');
  }
}

/** Opens a client and starts connecting. Register handlers right away: nothing arrives before the socket opens. */
export function connect(options: ConnectOptions): PushClient {
  const client = new PushClient(options);
  client.start();
  return client;
}
