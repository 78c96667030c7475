/**
 * Fan-out of a broadcast envelope to the subscribers of its topic in its realm: topic history first (for
 * topics with `offline.policy: history`), then direct posts — or, above the shard threshold, fan-out jobs
 * that several fan-out worker invocations post in parallel.
 */
import { topicRegistry } from '../../generated/index.js';
import { chunk } from './concurrency.js';
import { type GoneSource, resolveGone } from './connections.js';
import { DeliveryRetriesExhaustedError } from './errors.js';
import { topicFrame } from './frames.js';
import type { BroadcastEnvelope, FanoutJob } from './model.js';
import { THROTTLED_RETRY_MIN_MS } from './pacing.js';
import type {
  Clock,
  ConnectionStore,
  DomainLogger,
  HistoryStore,
  JobQueue,
  QueueSendOptions,
} from './ports.js';
import { silentLogger } from './ports.js';
import { emptySummary, type PostDeps, type PostSummary, postToMany } from './posting.js';
import { messageKeyTime } from './stored-messages.js';

/** The contract's FanoutJob allows at most 2,000 connection ids. */
const MAX_IDS_PER_JOB = 2000;

export interface BroadcastSettings {
  shardThreshold: number;
  shardSize: number;
  connectingGraceSeconds: number;
  /** Retry jobs for connections a post could not reach (500, timeout, still throttled); then the DLQ. */
  maxRetryAttempts?: number;
}

/** Default number of retry jobs before a delivery is left to the fan-out DLQ. */
export const DEFAULT_MAX_RETRY_ATTEMPTS = 5;

/** A shard's outcome, with the connections that must be retried (never silently dropped). */
export interface ShardResult extends PostSummary {
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

export interface BroadcastDeps extends PostDeps {
  store: ConnectionStore;
  history: HistoryStore;
  fanoutQueue: JobQueue<FanoutJob>;
  clock: Clock;
  broadcast: BroadcastSettings;
  logger?: DomainLogger;
}

export interface BroadcastResult extends PostSummary {
  audience: number;
  shards: number;
  historyStored: boolean;
  /** Connections handed to a retry job. */
  retried: number;
}

export class BroadcastService {
  constructor(private readonly deps: BroadcastDeps) {}

  async route(envelope: BroadcastEnvelope): Promise<BroadcastResult> {
    const { store, clock, broadcast } = this.deps;
    const historyStored = await this.storeHistory(envelope);
    const subscribers = await store.listTopicSubscribers(
      envelope.realm,
      envelope.topic,
      Math.floor(clock.now() / 1000),
    );
    const ids = subscribers.map((s) => s.connectionId);
    if (ids.length > broadcast.shardThreshold) {
      const groups = chunk(ids, broadcast.shardSize);
      const jobs: FanoutJob[] = groups.map((connectionIds, shard) => ({
        shard,
        shards: groups.length,
        connectionIds,
        envelope,
      }));
      await this.deps.fanoutQueue.sendAll(jobs);
      return { ...emptySummary(), audience: ids.length, shards: jobs.length, historyStored, retried: 0 };
    }
    const { retry, deferred: _none, throttledLater, ...summary } = await this.postShard(envelope, ids);
    await this.retryLater(envelope, retry, 1);
    await this.continueLater(envelope, throttledLater, 0, THROTTLED_RETRY_MIN_MS / 1000);
    return { ...summary, audience: ids.length, shards: 0, historyStored, retried: retry.length };
  }

  /**
   * Hands the connections a post could not reach to a delayed fan-out job (exponential delay per attempt).
   * Past the last attempt it throws, so the SQS job fails and ends in the DLQ with the delivery kept.
   * A thrown send error fails the invocation, which SNS/SQS retry (at-least-once; clients de-duplicate).
   */
  async retryLater(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
  ): Promise<void> {
    if (connectionIds.length === 0) return;
    const maxAttempts = this.deps.broadcast.maxRetryAttempts ?? DEFAULT_MAX_RETRY_ATTEMPTS;
    if (attempt > maxAttempts) {
      throw new DeliveryRetriesExhaustedError(envelope.messageId, connectionIds.length, maxAttempts);
    }
    const delaySeconds = Math.min(900, 2 ** attempt);
    await this.enqueueJobs(envelope, connectionIds, attempt, { delaySeconds });
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
  async continueLater(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
    delaySeconds = 0,
  ): Promise<void> {
    if (connectionIds.length === 0) return;
    await this.enqueueJobs(envelope, connectionIds, attempt, delaySeconds > 0 ? { delaySeconds } : undefined);
    (this.deps.logger ?? silentLogger).info('fan-out shard continued in a new job', {
      messageId: envelope.messageId,
      connections: connectionIds.length,
      attempt,
      delaySeconds,
    });
  }

  /** Fan-out jobs for `connectionIds` (at most MAX_IDS_PER_JOB each) with the given attempt number. */
  private async enqueueJobs(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    attempt: number,
    options?: QueueSendOptions,
  ): Promise<void> {
    const groups = chunk(connectionIds, MAX_IDS_PER_JOB);
    for (const [shard, ids] of groups.entries()) {
      await this.deps.fanoutQueue.send(
        { shard, shards: groups.length, connectionIds: ids, envelope, attempt },
        options,
      );
    }
  }

  /**
   * One fan-out job, as the fan-out worker runs it: posts the shard until `stopAt`, hands the unreachable
   * connections to a delayed retry job (the ones reached are not posted twice) and the ones not started on to
   * an immediate continuation job.
   */
  async runShardJob(job: FanoutJob, stopAt: number): Promise<ShardResult> {
    const result = await this.postShard(job.envelope, job.connectionIds, { stopAt });
    await this.retryLater(job.envelope, result.retry, (job.attempt ?? 0) + 1);
    await this.continueLater(job.envelope, result.deferred, job.attempt ?? 0);
    await this.continueLater(
      job.envelope,
      result.throttledLater,
      job.attempt ?? 0,
      THROTTLED_RETRY_MIN_MS / 1000,
    );
    return result;
  }

  /** Posts one envelope to the given connections (a fan-out job, or a small audience directly). */
  async postShard(
    envelope: BroadcastEnvelope,
    connectionIds: readonly string[],
    options: { stopAt?: number } = {},
  ): Promise<ShardResult> {
    const { clock, broadcast, store } = this.deps;
    const logger = this.deps.logger ?? silentLogger;
    const data = JSON.stringify(topicFrame(envelope));
    const deadline =
      options.stopAt === undefined ? undefined : { stopAt: options.stopAt, now: () => clock.now() };
    const results = await postToMany(this.deps, connectionIds, data, deadline);
    const summary: ShardResult = { ...emptySummary(), retry: [], deferred: [], throttledLater: [] };
    const source: GoneSource = { kind: 'topic', realm: envelope.realm, topic: envelope.topic };
    for (const result of results) {
      switch (result.outcome) {
        case 'ok':
          summary.delivered++;
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
          break;
        }
        case 'throttled':
          summary.throttled++;
          if (this.deps.pacer) summary.throttledLater.push(result.connectionId);
          else summary.retry.push(result.connectionId);
          logger.warn('post still throttled after retries', { connectionId: result.connectionId });
          break;
        case 'too-large':
          summary.tooLarge++;
          logger.error('frame too large for the connection', { connectionId: result.connectionId });
          break;
        case 'failed':
          summary.failed++;
          summary.retry.push(result.connectionId);
          logger.error('post failed', { connectionId: result.connectionId, error: String(result.error) });
          break;
        case 'deferred':
          summary.deferred.push(result.connectionId);
          break;
      }
    }
    return summary;
  }

  /** Keeps the message for replay on connect when the topic's offline policy is `history`. */
  private async storeHistory(envelope: BroadcastEnvelope): Promise<boolean> {
    const definition = topicRegistry[envelope.topic as keyof typeof topicRegistry];
    if (definition?.offline.policy !== 'history') return false;
    const { historySize, retentionSeconds } = definition.offline;
    const publishedAt = messageKeyTime(envelope.publishedAt);
    const expiresAt = Math.floor(Date.parse(publishedAt) / 1000) + retentionSeconds;
    if (expiresAt <= Math.floor(this.deps.clock.now() / 1000)) return false;
    const stored = await this.deps.history.put(envelope.realm, envelope.topic, {
      publishedAt,
      messageId: envelope.messageId,
      envelope,
      expiresAt,
    });
    if (stored === 'stored') await this.deps.history.trim(envelope.realm, envelope.topic, historySize);
    return true;
  }
}
