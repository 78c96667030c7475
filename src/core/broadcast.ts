/**
 * Fan-out of a broadcast envelope to the subscribers of its topic in its realm: topic history first (for
 * topics with `offline.policy: history`), then direct posts — or, above the shard threshold, fan-out jobs
 * that several fan-out worker invocations post in parallel. Subscribers not welcomed yet get the message held
 * for their welcome job instead (src/core/welcome-hold.ts), so their welcome stays their first frame.
 */
import { type ShardJobBase, streamShards } from './audience-shards.js';
import { chunk } from './concurrency.js';
import { type GoneSource, resolveGone } from './connections.js';
import {
  BroadcastIncompleteError,
  DeliveryRetriesExhaustedError,
  StoredEnvelopeMissingError,
} from './errors.js';
import { topicFrame } from './frames.js';
import {
  type ClaimedId,
  DROP_TOPIC_ID_WINDOW_SECONDS,
  type Repeat,
  routeOnce,
  topicScope,
} from './message-ids.js';
import type { BroadcastEnvelope, FanoutJob, StreamPosition, TopicSubscriber } from './model.js';
import { THROTTLED_RETRY_MIN_MS } from './pacing.js';
import type {
  Clock,
  ConnectionStore,
  DomainLogger,
  EnvelopeStore,
  HeldMessageStore,
  HistoryStore,
  JobQueue,
  MessageIdStore,
  QueueSendOptions,
  ShardClaimStore,
  SubscriberPage,
} from './ports.js';
import { silentLogger } from './ports.js';
import { emptySummary, type PostDeps, type PostSummary, postToMany } from './posting.js';
import { queuePolicy } from './queue-policy.js';
import { messageKeyTime } from './stored-messages.js';
import { headExpiresAt, newEpoch } from './stream-positions.js';
import { topicDefinitionOf } from './topic-access.js';
import {
  goneOutcome,
  sampled,
  type TraceCounts,
  type TraceDeps,
  traceHop,
  tracePost,
  traceReason,
} from './tracing.js';
import { HELD_REASON, holdForConnections } from './welcome-hold.js';

/** The contract's FanoutJob allows at most 2,000 connection ids. */
const MAX_IDS_PER_JOB = 2000;

/**
 * Envelopes up to this size (JSON bytes) travel in every shard job; larger ones are stored once and shard jobs
 * reference them. A shard job of 250–2,000 ids is 5–40 KB; SQS bills each 64 KB of a request and a batch holds
 * at most 256 KB, so a 120 KB envelope in every job would multiply the router's bytes and requests.
 */
export const INLINE_ENVELOPE_MAX_BYTES = 16_384;

/** Stored envelopes (and their shard jobs' envelope cache) kept per worker environment. */
const ENVELOPE_CACHE_ENTRIES = 8;

export interface BroadcastSettings {
  shardThreshold: number;
  shardSize: number;
  connectingGraceSeconds: number;
  /** Retry jobs for connections a post could not reach (500, timeout, still throttled); then the DLQ. */
  maxRetryAttempts?: number;
  /** See INLINE_ENVELOPE_MAX_BYTES (the default). */
  inlineEnvelopeMaxBytes?: number;
}

/** Default number of retry jobs before a delivery is left to the fan-out DLQ. */
export const DEFAULT_MAX_RETRY_ATTEMPTS = 5;

/** A shard's posts, with the connections that must be handed on (never silently dropped); core-internal. */
interface ShardResult extends PostSummary {
  /** Posts that failed (throttled, 5xx, timed out): retried later with backoff, as another attempt. */
  retry: string[];
  /** Connections not attempted before the deadline: continued at once in a new job (not a failed attempt). */
  deferred: string[];
  /**
   * Paced posting only: connections still answered 429 at the deadline. Continued in a new job after
   * THROTTLED_RETRY_MIN_MS with the same attempt: a throttled post is slowed down, never a failed delivery.
   */
  throttledLater: string[];
}

/** What one shard job did: its posts, and how many connections it handed to later fan-out jobs. */
export interface ShardJobResult extends PostSummary {
  /** Connections whose post failed (throttled, 5xx, timed out), handed to a delayed retry job. */
  retried: number;
  /** Connections not attempted before the deadline, continued at once in a new job. */
  deferred: number;
  /** Paced posting: connections still throttled at the deadline, continued after THROTTLED_RETRY_MIN_MS. */
  throttledLater: number;
}

export interface BroadcastDeps extends PostDeps, TraceDeps {
  store: ConnectionStore;
  history: HistoryStore;
  held: HeldMessageStore;
  messageIds: MessageIdStore;
  shardClaims: ShardClaimStore;
  envelopes: EnvelopeStore;
  fanoutQueue: JobQueue<FanoutJob>;
  clock: Clock;
  broadcast: BroadcastSettings;
  logger?: DomainLogger;
  /** Names a new stream epoch (tests inject a fixed one). */
  newEpoch?: () => string;
}

/** Which shard a post belongs to, for its trace record (absent: posted directly by the router). */
export interface ShardPosition {
  shard: number;
  /** Absent for a shard the router streamed before it knew the total. */
  shards?: number;
  attempt: number;
}

export interface BroadcastResult extends PostSummary {
  audience: number;
  shards: number;
  historyStored: boolean;
  /** Connections handed to a retry job. */
  retried: number;
  /** Subscribers not welcomed yet that got the message held for their welcome job. */
  held: number;
  /** As in `UserDeliveryResult`: a first publish, a repeat handled as the first, or a dropped repeat. */
  repeat: Repeat;
}

export class BroadcastService {
  /** Stored envelopes read by this environment (immutable, so kept across invocations). */
  private readonly envelopeCache = new Map<string, BroadcastEnvelope>();

  constructor(private readonly deps: BroadcastDeps) {}

  /**
   * Routes a publish once per message id. `stopAt` (epoch ms) is when the router stops reading the audience:
   * the shard jobs sent so far are claimed, and it throws BroadcastIncompleteError so SNS retries it.
   */
  async route(published: BroadcastEnvelope, options: { stopAt?: number } = {}): Promise<BroadcastResult> {
    const claim = {
      scope: topicScope(published.realm, published.topic),
      expiresAt: this.idWindowEnd(published),
      nowSeconds: Math.floor(this.deps.clock.now() / 1000),
    };
    return routeOnce(
      this.deps,
      claim,
      published,
      (envelope, claimed) => this.fanOut(envelope, claimed, options.stopAt),
      () => ({
        ...emptySummary(),
        audience: 0,
        shards: 0,
        historyStored: false,
        retried: 0,
        held: 0,
      }),
    );
  }

  /** The id's window: the history retention for `offline.policy: history`, otherwise a fixed day. */
  private idWindowEnd(envelope: BroadcastEnvelope): number {
    const definition = topicDefinitionOf(envelope.topic);
    const seconds =
      definition?.offline.policy === 'history'
        ? definition.offline.retentionSeconds
        : DROP_TOPIC_ID_WINDOW_SECONDS;
    return Math.floor(Date.parse(messageKeyTime(envelope.publishedAt)) / 1000) + seconds;
  }

  private async fanOut(
    envelope: BroadcastEnvelope,
    claimed: ClaimedId,
    stopAt: number | undefined,
  ): Promise<Omit<BroadcastResult, 'repeat'>> {
    const { clock, broadcast } = this.deps;
    const stream = await this.assignPosition(envelope, claimed);
    const historyStored = await this.storeHistory(envelope, stream);
    const nowSeconds = Math.floor(clock.now() / 1000);
    const scope = topicScope(envelope.realm, envelope.topic);
    // Only a repeat handling can find pages an earlier one sent.
    const claims = claimed.repeat ? await this.deps.shardClaims.list(scope, envelope.messageId) : [];
    let firstPages: Map<number, SubscriberPage> | undefined;
    if (claims.length === 0) {
      firstPages = await this.firstPages(envelope, nowSeconds);
      const pages = [...firstPages.values()];
      const subscribers = pages.flatMap((page) => page.subscribers);
      if (pages.every((page) => page.next === undefined) && subscribers.length <= broadcast.shardThreshold) {
        return this.postDirectly(envelope, subscribers, historyStored, stream);
      }
    }
    let held = 0;
    const streamed = await streamShards(this.deps, {
      realm: envelope.realm,
      topic: envelope.topic,
      scope,
      messageId: envelope.messageId,
      base: await this.jobBase(envelope, nowSeconds, stream),
      nowSeconds,
      claimExpiresAt: this.idWindowEnd(envelope),
      shardSize: broadcast.shardSize,
      claims,
      ...(stopAt === undefined ? {} : { stopAt }),
      ...(firstPages ? { firstPages } : {}),
      // Each page's subscribers not welcomed yet get the message held for their welcome job instead.
      admit: async (subscribers) => {
        const admitted = await this.holdForUnwelcomed(envelope, subscribers, stream);
        held += admitted.held;
        return admitted.ids;
      },
    });
    traceHop(this.deps, envelope, 'routed', {
      audience: streamed.audience,
      shards: streamed.shards,
      ...(streamed.skippedPages > 0 ? { reason: `${streamed.skippedPages} page(s) sent before` } : {}),
    });
    if (!streamed.complete) throw new BroadcastIncompleteError(envelope.messageId, streamed.shards);
    return {
      ...emptySummary(),
      audience: streamed.audience,
      shards: streamed.shards,
      historyStored,
      retried: 0,
      held,
    };
  }

  /** The first page of every partition, large enough to tell a small audience (posted directly) apart. */
  private async firstPages(
    envelope: BroadcastEnvelope,
    nowSeconds: number,
  ): Promise<Map<number, SubscriberPage>> {
    const { store, broadcast } = this.deps;
    // More than the threshold, in whole shards: a large audience's first page makes full shard jobs.
    const { shardSize, shardThreshold } = broadcast;
    const limit = Math.ceil((shardThreshold + 1) / shardSize) * shardSize;
    const partitions = Array.from({ length: store.topicPartitionCount(envelope.topic) }, (_, p) => p);
    const pages = await Promise.all(
      partitions.map((p) =>
        store.readTopicSubscriberPage(envelope.realm, envelope.topic, p, nowSeconds, { limit }),
      ),
    );
    return new Map(pages.map((page, p) => [p, page]));
  }

  /** A small audience: the router posts it itself. */
  private async postDirectly(
    envelope: BroadcastEnvelope,
    subscribers: readonly TopicSubscriber[],
    historyStored: boolean,
    stream: StreamPosition | undefined,
  ): Promise<Omit<BroadcastResult, 'repeat'>> {
    const { ids, held } = await this.holdForUnwelcomed(envelope, subscribers, stream);
    traceHop(this.deps, envelope, 'routed', { audience: ids.length, shards: 0 });
    const {
      retried,
      deferred: _none,
      throttledLater: _later,
      ...summary
    } = await this.postAndHandOn(envelope, ids, { stream }, 0);
    return { ...summary, audience: subscribers.length, shards: 0, historyStored, retried, held };
  }

  /**
   * Holds the message for the subscribers whose row says they are not welcomed yet (few: those that connected
   * in the last moments); the ones to post to now, and how many were held.
   */
  private async holdForUnwelcomed(
    envelope: BroadcastEnvelope,
    subscribers: readonly TopicSubscriber[],
    stream: StreamPosition | undefined,
  ): Promise<{ ids: string[]; held: number }> {
    const ids = subscribers.filter((s) => !s.welcomePending).map((s) => s.connectionId);
    const pending = subscribers.filter((s) => s.welcomePending).map((s) => s.connectionId);
    if (pending.length === 0) return { ids, held: 0 };
    const message = { kind: 'topic', envelope, ...(stream ? { position: stream } : {}) } as const;
    const source = { kind: 'topic', realm: envelope.realm, topic: envelope.topic } as const;
    const holds = await holdForConnections(this.deps, pending, message, source);
    for (const connectionId of holds.held) {
      tracePost(this.deps, envelope, 'posted', connectionId, 'connecting', { reason: HELD_REASON });
    }
    return { ids: [...ids, ...holds.post], held: holds.held.length };
  }

  /**
   * What every shard job carries: the envelope, or — over the inline limit — a reference to one stored copy,
   * kept until the fan-out DLQ would have let go of the last job that may need it.
   */
  private async jobBase(
    envelope: BroadcastEnvelope,
    nowSeconds: number,
    stream: StreamPosition | undefined,
  ): Promise<ShardJobBase> {
    const position = stream ? { position: stream } : {};
    const limit = this.deps.broadcast.inlineEnvelopeMaxBytes ?? INLINE_ENVELOPE_MAX_BYTES;
    if (new TextEncoder().encode(JSON.stringify(envelope)).length <= limit) return { envelope, ...position };
    await this.deps.envelopes.put(envelope, nowSeconds + queuePolicy.deadLetterRetentionSeconds);
    const { realm, topic, messageId, correlationId } = envelope;
    return { storedEnvelope: { realm, topic, messageId, correlationId }, ...position };
  }

  /** A shard job's envelope: carried, or read once per environment from the store. */
  async envelopeOf(job: FanoutJob): Promise<BroadcastEnvelope> {
    if (job.envelope) return job.envelope;
    const ref = job.storedEnvelope;
    if (!ref) throw new StoredEnvelopeMissingError('(none: the job has neither envelope)');
    const key = `${ref.realm}#${ref.topic}#${ref.messageId}`;
    const cached = this.envelopeCache.get(key);
    if (cached) return cached;
    const stored = await this.deps.envelopes.get(ref, Math.floor(this.deps.clock.now() / 1000));
    if (!stored) throw new StoredEnvelopeMissingError(ref.messageId);
    if (this.envelopeCache.size >= ENVELOPE_CACHE_ENTRIES) {
      const oldest = this.envelopeCache.keys().next().value;
      if (oldest !== undefined) this.envelopeCache.delete(oldest);
    }
    this.envelopeCache.set(key, stored);
    return stored;
  }

  /**
   * Hands the connections a post could not reach to a delayed fan-out job (exponential delay per attempt).
   * Past the last attempt it throws, so the SQS job fails and ends in the DLQ with the delivery kept.
   * A thrown send error fails the invocation, which SNS/SQS retry (at-least-once; clients de-duplicate).
   */
  private async retryLater(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
    stream?: StreamPosition,
    base?: ShardJobBase,
  ): Promise<void> {
    if (connectionIds.length === 0) return;
    const maxAttempts = this.deps.broadcast.maxRetryAttempts ?? DEFAULT_MAX_RETRY_ATTEMPTS;
    if (attempt > maxAttempts) {
      traceHop(this.deps, envelope, 'dead-lettered', {
        counts: { retried: connectionIds.length },
        reason: `retries exhausted: ${connectionIds.length} connection(s) unreachable after ${maxAttempts} attempts`,
      });
      throw new DeliveryRetriesExhaustedError(envelope.messageId, connectionIds.length, maxAttempts);
    }
    const delaySeconds = Math.min(900, 2 ** attempt);
    await this.enqueueJobs(envelope, connectionIds, attempt, { delaySeconds }, stream, base);
    (this.deps.logger ?? silentLogger).warn('delivery retry scheduled', {
      messageId: envelope.messageId,
      connections: connectionIds.length,
      attempt,
      delaySeconds,
    });
  }

  /**
   * Hands connections a shard had no time left for to new fan-out jobs, due at once and keeping the attempt
   * number (nothing failed for them). Each hop is a fresh invocation with a fresh time budget.
   */
  private async continueLater(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
    delaySeconds = 0,
    stream?: StreamPosition,
    base?: ShardJobBase,
  ): Promise<void> {
    if (connectionIds.length === 0) return;
    const options = delaySeconds > 0 ? { delaySeconds } : undefined;
    await this.enqueueJobs(envelope, connectionIds, attempt, options, stream, base);
    (this.deps.logger ?? silentLogger).info('fan-out shard continued in a new job', {
      messageId: envelope.messageId,
      connections: connectionIds.length,
      attempt,
      delaySeconds,
    });
  }

  /**
   * Fan-out jobs for `connectionIds` (at most MAX_IDS_PER_JOB each) with the given attempt number, carrying
   * `base` (a stored envelope's reference) or else the envelope itself.
   */
  private async enqueueJobs(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
    options?: QueueSendOptions,
    stream?: StreamPosition,
    base?: ShardJobBase,
  ): Promise<void> {
    const carried: ShardJobBase = base ?? { envelope, ...(stream ? { position: stream } : {}) };
    const groups = chunk(connectionIds, MAX_IDS_PER_JOB);
    for (const [shard, ids] of groups.entries()) {
      const job: FanoutJob = { ...carried, shard, shards: groups.length, connectionIds: ids, attempt };
      await this.deps.fanoutQueue.send(job, options);
    }
  }

  /**
   * One fan-out job, as the fan-out worker runs it: posts the shard until `stopAt`, hands the unreachable
   * connections to a delayed retry job (the ones reached are not posted twice) and the ones not started on to
   * an immediate continuation job.
   */
  async runShardJob(job: FanoutJob, stopAt: number): Promise<ShardJobResult> {
    const attempt = job.attempt ?? 0;
    const position: ShardPosition = { shard: job.shard, attempt };
    if (job.shards !== undefined) position.shards = job.shards;
    const stream = job.position;
    const envelope = await this.envelopeOf(job);
    // Later jobs for this shard keep referencing the stored envelope instead of carrying it.
    const base: ShardJobBase | undefined = job.storedEnvelope
      ? { storedEnvelope: job.storedEnvelope, ...(stream ? { position: stream } : {}) }
      : undefined;
    return this.postAndHandOn(envelope, job.connectionIds, { stopAt, position, stream }, attempt, base);
  }

  /**
   * Posts to the connections and hands on the ones not reached: failed posts to a retry job (attempt + 1), the
   * ones not started before the deadline to an immediate job and, when paced, the still throttled ones to a job
   * after THROTTLED_RETRY_MIN_MS (both keeping the attempt). The router's direct path and each shard job; the
   * jobs handed on carry `base` (a stored envelope's reference) when given, else the envelope.
   */
  private async postAndHandOn(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    options: { stopAt?: number; position?: ShardPosition; stream?: StreamPosition },
    attempt: number,
    base?: ShardJobBase,
  ): Promise<ShardJobResult> {
    const { stream } = options;
    const { retry, deferred, throttledLater, ...summary } = await this.postShard(
      envelope,
      connectionIds,
      options,
    );
    await this.retryLater(envelope, retry, attempt + 1, stream, base);
    await this.continueLater(envelope, deferred, attempt, 0, stream, base);
    const throttledDelay = THROTTLED_RETRY_MIN_MS / 1000;
    await this.continueLater(envelope, throttledLater, attempt, throttledDelay, stream, base);
    return {
      ...summary,
      retried: retry.length,
      deferred: deferred.length,
      throttledLater: throttledLater.length,
    };
  }

  /** Posts one envelope to the given connections (a fan-out job, or a small audience directly). */
  private async postShard(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    options: { stopAt?: number; position?: ShardPosition; stream?: StreamPosition } = {},
  ): Promise<ShardResult> {
    const { clock, broadcast, store } = this.deps;
    const logger = this.deps.logger ?? silentLogger;
    const data = JSON.stringify(topicFrame(envelope, false, options.stream));
    const deadline =
      options.stopAt === undefined ? undefined : { stopAt: options.stopAt, now: () => clock.now() };
    const results = await postToMany(this.deps, connectionIds, data, deadline);
    const summary: ShardResult = { ...emptySummary(), retry: [], deferred: [], throttledLater: [] };
    const source: GoneSource = { kind: 'topic', realm: envelope.realm, topic: envelope.topic };
    const position = options.position ?? {};
    for (const result of results) {
      switch (result.outcome) {
        case 'ok':
          summary.delivered++;
          if (sampled(this.deps))
            tracePost(this.deps, envelope, 'posted', result.connectionId, 'ok', {
              ...position,
              sampled: true,
            });
          break;
        case 'gone': {
          const resolution = await resolveGone(
            store,
            result.connectionId,
            source,
            clock.now(),
            broadcast.connectingGraceSeconds * 1000,
          );
          if (resolution.status === 'connecting') summary.connecting++;
          else summary.gone++;
          tracePost(this.deps, envelope, 'posted', result.connectionId, goneOutcome(resolution), position);
          break;
        }
        case 'throttled':
          summary.throttled++;
          if (this.deps.pacer) summary.throttledLater.push(result.connectionId);
          else summary.retry.push(result.connectionId);
          logger.warn('post still throttled after retries', { connectionId: result.connectionId });
          tracePost(this.deps, envelope, 'posted', result.connectionId, 'throttled', position);
          break;
        case 'too-large':
          summary.tooLarge++;
          logger.error('frame too large for the connection', { connectionId: result.connectionId });
          tracePost(this.deps, envelope, 'posted', result.connectionId, 'too-large', {
            ...position,
            reason: 'the frame is over the gateway frame limit: dropped for this connection',
          });
          break;
        case 'failed':
          summary.failed++;
          summary.retry.push(result.connectionId);
          logger.error('post failed', { connectionId: result.connectionId, error: String(result.error) });
          tracePost(this.deps, envelope, 'posted', result.connectionId, 'failed', {
            ...position,
            reason: traceReason(String(result.error)),
          });
          break;
        case 'deferred':
          summary.deferred.push(result.connectionId);
          break;
      }
    }
    traceHop(this.deps, envelope, 'posted', { ...position, counts: shardCounts(summary) });
    return summary;
  }

  /**
   * The stream position of a history topic's message (none for other topics, and none for a message whose
   * retention is already over: it is never stored, so no client could recover it). A handling that repeats an
   * earlier one of the same publish (SNS retry) gets the position the claim kept; otherwise the head row's next
   * offset, kept on the claim first-wins, so a retried routing never assigns a second offset.
   */
  private async assignPosition(
    envelope: BroadcastEnvelope,
    claimed: ClaimedId,
  ): Promise<StreamPosition | undefined> {
    const definition = topicDefinitionOf(envelope.topic);
    if (definition?.offline.policy !== 'history') return undefined;
    if (claimed.position) return claimed.position;
    const nowSeconds = Math.floor(this.deps.clock.now() / 1000);
    const { retentionSeconds } = definition.offline;
    if (historyExpiresAt(envelope, retentionSeconds) <= nowSeconds) return undefined;
    const { realm, topic, messageId } = envelope;
    const next = await this.deps.history.nextPosition(realm, topic, {
      nowSeconds,
      expiresAt: headExpiresAt(nowSeconds, retentionSeconds),
      newEpoch: (this.deps.newEpoch ?? newEpoch)(),
    });
    if (!claimed.claimed) return next;
    const kept = await this.deps.messageIds.keepPosition(topicScope(realm, topic), messageId, next);
    if (kept.offset !== next.offset || kept.epoch !== next.epoch) {
      (this.deps.logger ?? silentLogger).warn('a concurrent handling of this publish kept another offset', {
        messageId,
        kept,
        unused: next,
      });
    }
    return kept;
  }

  /** Keeps the message for replay on connect when the topic's offline policy is `history`. */
  private async storeHistory(envelope: BroadcastEnvelope, position?: StreamPosition): Promise<boolean> {
    const definition = topicDefinitionOf(envelope.topic);
    if (definition?.offline.policy !== 'history') return false;
    const { historySize, retentionSeconds } = definition.offline;
    const publishedAt = messageKeyTime(envelope.publishedAt);
    const expiresAt = historyExpiresAt(envelope, retentionSeconds);
    if (expiresAt <= Math.floor(this.deps.clock.now() / 1000)) return false;
    const item = { publishedAt, messageId: envelope.messageId, envelope, expiresAt };
    const stored = await this.deps.history.put(
      envelope.realm,
      envelope.topic,
      position ? { ...item, position } : item,
    );
    traceHop(this.deps, envelope, 'stored', { store: 'history', result: stored });
    if (stored === 'stored') await this.deps.history.trim(envelope.realm, envelope.topic, historySize);
    return true;
  }
}

/** When a history row of the envelope expires: its retention after its (normalised) `publishedAt`. */
function historyExpiresAt(envelope: BroadcastEnvelope, retentionSeconds: number): number {
  return Math.floor(Date.parse(messageKeyTime(envelope.publishedAt)) / 1000) + retentionSeconds;
}

/** A shard's outcome in the trace record's `counts` (failed posts are the retried ones). */
function shardCounts(summary: ShardResult): TraceCounts {
  return {
    delivered: summary.delivered,
    gone: summary.gone,
    connecting: summary.connecting,
    throttled: summary.throttled,
    retried: summary.failed,
    tooLarge: summary.tooLarge,
    deferred: summary.deferred.length,
  };
}
