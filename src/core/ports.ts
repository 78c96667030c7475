/**
 * Ports: the only way the domain services reach storage, the WebSocket management API, queues and time.
 * AWS implementations are in src/adapters, in-memory ones in src/core/testing.
 */
import type {
  BroadcastEnvelope,
  ConnectionRecord,
  HeldMessage,
  HistoryItem,
  InboxItem,
  PostOutcome,
  StoredEnvelopeRef,
  StreamPosition,
  TopicSubscriber,
  UserConnection,
} from './model.js';

export interface ConnectionStore {
  /**
   * Writes the meta row, the user row and one row per topic (2 + t items); the user and topic rows carry
   * `welcomePending` until `markWelcomed`.
   */
  saveConnection(record: ConnectionRecord): Promise<void>;
  /** The meta row, expired or not (callers decide what expiry means for them). */
  getConnection(connectionId: string): Promise<ConnectionRecord | undefined>;
  /**
   * Deletes the meta row first (returning what it held at that instant), then the user row and the topic rows
   * of the record and of the deleted meta row: a topic a concurrent subscribe added is never missed. Idempotent.
   */
  deleteConnection(record: ConnectionRecord): Promise<void>;
  /**
   * Replaces the meta row's topic list (and their partition layout) if the row still exists at revision
   * `record.rev`; the updated record, or undefined when it changed meanwhile or is gone (re-read and decide).
   */
  setTopics(record: ConnectionRecord, topics: readonly string[]): Promise<ConnectionRecord | undefined>;
  /**
   * Puts the topic rows of `topics` for the connection (layout of `record`), expiring at `expiresAt`; with
   * `welcomePending` when `record` has no `welcomedAt` (a subscribe before the welcome).
   */
  putTopicRows(record: ConnectionRecord, topics: readonly string[], expiresAt: number): Promise<void>;
  /** Deletes the topic rows of `topics` for the connection (layout of `record`). Idempotent. */
  deleteTopicRows(record: ConnectionRecord, topics: readonly string[]): Promise<void>;
  /** Deletes one topic row (when the meta row is already gone). Idempotent. */
  deleteTopicSubscription(realm: string, topic: string, connectionId: string): Promise<void>;
  /** Deletes one user row (when the meta row is already gone). Idempotent. */
  deleteUserConnection(realm: string, userId: string, connectionId: string): Promise<void>;
  /**
   * Records that the welcome frame was posted: `welcomedAt` on the meta row first (what routers re-read before
   * they trust a held message to the welcome job), then removes `welcomePending` from the user row and the topic
   * rows the meta row lists after that update. Idempotent; false when the meta row no longer exists.
   */
  markWelcomed(connectionId: string, welcomedAt: number): Promise<boolean>;
  /**
   * Sets `expiresAt` on the meta row, then on the user row and the topic rows the meta row lists *after* that
   * update (not those of `record`: a topic subscribed meanwhile is included); false when the meta row is gone.
   */
  extendConnection(record: ConnectionRecord, expiresAt: number): Promise<boolean>;
  /** Unexpired subscribers of a topic in a realm (every page). */
  listTopicSubscribers(realm: string, topic: string, nowSeconds: number): Promise<TopicSubscriber[]>;
  /** How many partition keys a topic's subscriber rows are spread over (x-topic.partitions). */
  topicPartitionCount(topic: string): number;
  /**
   * One page of a topic partition's unexpired subscribers, in connection id order: those after `range.after`
   * (from the start when absent) up to and including `range.through` (no bound when absent), at most
   * `range.limit` rows read. One Query page, so a router can send it before it reads the next.
   */
  readTopicSubscriberPage(
    realm: string,
    topic: string,
    partition: number,
    nowSeconds: number,
    range: SubscriberPageRange,
  ): Promise<SubscriberPage>;
  /** Unexpired connections of a user (every page). */
  listUserConnections(realm: string, userId: string, nowSeconds: number): Promise<UserConnection[]>;
}

export interface SubscriberPageRange {
  /** Exclusive start: a connection id (absent: the partition's first row). */
  after?: string;
  /** Inclusive end: a connection id (absent: the partition's last row). */
  through?: string;
  /** Rows read at most (expired rows count: DynamoDB's Limit applies before the expiry filter). */
  limit: number;
}

export interface SubscriberPage {
  subscribers: TopicSubscriber[];
  /** The id the next page starts after: `through` when the range is done; absent when the partition is. */
  next?: string;
}

/**
 * A page of a broadcast's audience that the router has turned into shard jobs (sent): pages (after, next] of
 * one topic partition. A router retried by SNS skips claimed pages instead of sending their shards again.
 */
export interface ShardClaim {
  partition: number;
  /** The page's exclusive start ('' = the partition's start). */
  after: string;
  /** Its inclusive end, where the next page starts (absent: the partition ended with this page). */
  next?: string;
  /** The `shard` number of the page's first job, and one past its last. */
  firstShard: number;
  endShard: number;
}

/** Claims of the pages a broadcast's router sent, per publish (scope and message id). */
export interface ShardClaimStore {
  list(scope: string, messageId: string): Promise<ShardClaim[]>;
  /** Records a sent shard job's range; false when it was claimed already (a concurrent handling sent it too). */
  claim(scope: string, messageId: string, claim: ShardClaim, expiresAt: number): Promise<boolean>;
}

/** Where a broadcast envelope too large for every shard job is kept once (`StoredEnvelopeRef`). */
export interface EnvelopeStore {
  put(envelope: BroadcastEnvelope, expiresAt: number): Promise<void>;
  get(ref: StoredEnvelopeRef, nowSeconds: number): Promise<BroadcastEnvelope | undefined>;
}

export type PutResult = 'stored' | 'duplicate';

/** The offline inbox of a user, ordered by (publishedAt, messageId). */
export interface InboxStore {
  /** Stores once per (publishedAt, messageId): a second put of the same message is a `duplicate`. */
  put(realm: string, userId: string, item: InboxItem): Promise<PutResult>;
  /** Unexpired items, oldest first, at most `limit`. */
  list(realm: string, userId: string, nowSeconds: number, limit: number): Promise<InboxItem[]>;
  /** Deletes the items (batched: BatchWriteItem of up to 25 deletes a call). Idempotent. */
  deleteMany(
    realm: string,
    userId: string,
    items: ReadonlyArray<Pick<InboxItem, 'publishedAt' | 'messageId'>>,
  ): Promise<void>;
  /** Drops the oldest items beyond `maxItems` (expired ones are not counted); returns how many were dropped. */
  trim(realm: string, userId: string, maxItems: number, nowSeconds: number): Promise<number>;
}

/**
 * Messages held for connections that were not welcomed yet (`conn#{id}` / `held#…` rows, one per message and
 * connection, expiring with the connection's maximum duration).
 */
export interface HeldMessageStore {
  /** Stores once per (connection, message): holding the same message again is a no-op. */
  hold(connectionId: string, message: HeldMessage, expiresAt: number): Promise<void>;
  /** The connection's unexpired held messages, oldest `publishedAt` first (strongly consistent). */
  list(connectionId: string, nowSeconds: number): Promise<HeldMessage[]>;
  /** Deletes one row; true when it was still there (the caller took it: nobody else will post it). */
  take(connectionId: string, message: HeldMessage): Promise<boolean>;
}

/** What a claim of a message id found: the first claim, or the claim an earlier publish of the id made. */
export type MessageIdClaim =
  | { status: 'first' }
  | { status: 'repeat'; publishedAt: string; done: boolean; position?: StreamPosition };

/**
 * One claim per (scope, messageId) until it expires: how a publish retried with the same id is recognised
 * (scope `user#{realm}#{userId}` or `topic#{realm}#{topic}`, any topic). Expired claims count as absent.
 */
export interface MessageIdStore {
  /** Claims the id with this publish's `publishedAt`; a repeat gets the first claim back instead. */
  claim(
    scope: string,
    messageId: string,
    publishedAt: string,
    expiresAt: number,
    nowSeconds: number,
  ): Promise<MessageIdClaim>;
  /** Marks the claim's publish as fully handled: later repeats are dropped, not delivered again. */
  markDone(scope: string, messageId: string): Promise<void>;
  /**
   * Records the stream position assigned to the claim's publish, unless one is recorded already: returns the
   * recorded one (the first), so every handling of the same publish uses the same offset.
   */
  keepPosition(scope: string, messageId: string, position: StreamPosition): Promise<StreamPosition>;
}

/** What `nextPosition` needs besides the stream: the row's new expiry and the epoch to start if there is none. */
export interface NextPositionInput {
  nowSeconds: number;
  /** Epoch seconds; outlives every history row of the stream (docs/data-model.md). */
  expiresAt: number;
  /** Used only when the stream has no unexpired head row (never published, or its history expired). */
  newEpoch: string;
}

export interface HistoryListOptions {
  fresh?: boolean;
}

/** Recent messages of topics whose offline policy is `history`, and the head of each topic's stream. */
export interface HistoryStore {
  put(realm: string, topic: string, item: HistoryItem): Promise<PutResult>;
  /**
   * The next position of the stream of (realm, topic): one atomic increment of its head row, so concurrent
   * routers never get the same offset. An absent or expired head row starts epoch `newEpoch` at offset 1.
   */
  nextPosition(realm: string, topic: string, input: NextPositionInput): Promise<StreamPosition>;
  /** The stream's newest position (strongly consistent), or undefined when it has no unexpired head row. */
  head(realm: string, topic: string, nowSeconds: number): Promise<StreamPosition | undefined>;
  /** Deliberate reset: deletes the history rows and starts epoch `epoch` at offset 0. */
  reset(realm: string, topic: string, epoch: string, expiresAt: number): Promise<void>;
  /**
   * The newest `limit` unexpired items, returned oldest first. `fresh`: read the store now (a cache in front of
   * the store, src/core/history-cache.ts, otherwise may answer with what it read earlier in the invocation).
   */
  list(
    realm: string,
    topic: string,
    nowSeconds: number,
    limit: number,
    options?: HistoryListOptions,
  ): Promise<HistoryItem[]>;
  /** Drops items older than the newest `keep`; returns how many were dropped. */
  trim(realm: string, topic: string, keep: number): Promise<number>;
}

/**
 * The WebSocket management API. Resolves with the domain outcome; throws `ConnectionPostError` for
 * anything that is not one (403, 5xx, network).
 */
export interface ConnectionGateway {
  post(connectionId: string, data: string): Promise<PostOutcome>;
}

/** Closes connections (`DELETE @connections`: API Gateway closes the socket with 1000, no other code). */
export interface ConnectionCloser {
  /** True when the connection was open and is now closing; false when it was already gone. */
  close(connectionId: string): Promise<boolean>;
}

export interface QueueSendOptions {
  delaySeconds?: number;
}

export interface JobQueue<T> {
  send(job: T, options?: QueueSendOptions): Promise<void>;
  /** Sends several jobs (the adapter batches them); throws if any could not be sent. */
  sendAll(jobs: readonly T[]): Promise<void>;
}

export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Waits `ms` milliseconds (injected so tests do not sleep). */
export type Sleep = (ms: number) => Promise<void>;

/** A value in [0, 1) (injected so jitter is deterministic in tests). */
export type RandomSource = () => number;

/** The log methods the services use; Powertools Logger satisfies it. */
export interface DomainLogger {
  debug(message: string, attributes?: Record<string, unknown>): void;
  info(message: string, attributes?: Record<string, unknown>): void;
  warn(message: string, attributes?: Record<string, unknown>): void;
  error(message: string, attributes?: Record<string, unknown>): void;
}

export const silentLogger: DomainLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export const systemClock: Clock = { now: () => Date.now() };
export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
