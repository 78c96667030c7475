/**
 * The delivery job: welcome frame first (reason `connect`), then topic history of the accepted topics with
 * `offline.policy: history` (`replayed: true`; only what is newer than the position the client sent with
 * `since`, followed by that topic's `recovery` frame), then the user's inbox oldest first (`offline: true`),
 * deleting each inbox item only after its post succeeded. `drain` jobs send the inbox only.
 *
 * - A `drain` job before the connect job has sent welcome and history → RetryLaterError (welcome stays the
 *   first frame), unless the connection is older than the grace + 60 s (the connect job then failed).
 * - A connect job whose welcome and history were already sent (a retry) skips them.
 * - Connection not open yet (410 within the connecting grace) or still throttled → RetryLaterError
 *   (the SQS item fails and comes back); what was already posted may be posted again (at-least-once).
 * - Gone for good (410 after the grace, or its rows are gone/expired) → the job completes and the inbox stays
 *   intact for the next connection.
 */
import { nowSeconds, resolveGone } from './connections.js';
import { ConnectionPostError, RetryLaterError, ValidationError } from './errors.js';
import { userFrame, welcomeFrame } from './frames.js';
import { replayFrames } from './history-replay.js';
import type { ConnectionRecord, DeliveryJob } from './model.js';
import type { Clock, ConnectionStore, DomainLogger, HistoryStore, InboxStore } from './ports.js';
import { silentLogger } from './ports.js';
import { type PostDeps, postWithRetry } from './posting.js';
import { type PostTraceOutcome, sampled, type TraceDeps, tracePost, traceReason } from './tracing.js';

export interface DeliveryWorkerSettings {
  connectingGraceSeconds: number;
  connectionTtlSeconds: number;
  /** Announced in the welcome frame: what the gateway in front of this deployment enforces. */
  idleTimeoutSeconds: number;
  maxConnectionSeconds: number;
  inboxMaxItems: number;
}

export interface DeliveryWorkerDeps extends PostDeps, TraceDeps {
  store: ConnectionStore;
  inbox: InboxStore;
  history: HistoryStore;
  clock: Clock;
  delivery: DeliveryWorkerSettings;
  logger?: DomainLogger;
}

export interface DeliveryResult {
  status: 'delivered' | 'gone';
  welcome: boolean;
  replayed: number;
  offlineDelivered: number;
  /** Inbox items skipped because the gateway refused them as too large (deleted: they can never be sent). */
  offlineDropped: number;
}

type Step = 'ok' | 'gone' | 'too-large';

/** How long a job that hit RetryLaterError waits before it is retried: 1, 2, 4, 8, 16, 30, 30… s by receive count. */
export function retryDelaySeconds(receiveCount: number): number {
  return Math.min(30, 2 ** Math.max(0, receiveCount - 1));
}

export class DeliveryWorker {
  constructor(private readonly deps: DeliveryWorkerDeps) {}

  async process(job: DeliveryJob): Promise<DeliveryResult> {
    const { store, inbox, clock, delivery } = this.deps;
    const result: DeliveryResult = {
      status: 'delivered',
      welcome: false,
      replayed: 0,
      offlineDelivered: 0,
      offlineDropped: 0,
    };
    const record = await store.getConnection(job.connectionId);
    if (
      !record ||
      record.expiresAt <= nowSeconds(clock) ||
      record.userId !== job.userId ||
      record.realm !== job.realm
    ) {
      return { ...result, status: 'gone' };
    }
    if (job.reason === 'retry') {
      // One user message to one open connection whose earlier post failed; a failure here throws, so SQS
      // retries the job and, past maxReceiveCount, keeps it in the DLQ.
      if (!job.message) {
        const missing = { field: 'message', keyword: 'required', message: 'a retry job carries the message' };
        throw new ValidationError('delivery job', [missing], 'a retry job carries no message');
      }
      const message = job.message;
      const step = await this.post(record, JSON.stringify(userFrame(message))).catch((error: unknown) => {
        // Thrown back to SQS, which retries the job: the record says why this attempt did not deliver.
        const outcome: PostTraceOutcome = !(error instanceof RetryLaterError)
          ? 'failed'
          : error.reason === 'throttled'
            ? 'throttled'
            : 'connecting';
        tracePost(this.deps, message, 'posted', record.connectionId, outcome, {
          job: 'retry',
          reason: traceReason(String(error)),
        });
        throw error;
      });
      tracePost(this.deps, message, 'posted', record.connectionId, step, {
        job: 'retry',
      });
      if (step === 'gone') return { ...result, status: 'gone' };
      if (step === 'too-large') result.offlineDropped++;
      else result.offlineDelivered++;
      return result;
    }
    const welcomed = record.welcomedAt !== undefined;
    if (job.reason === 'drain' && !welcomed && clock.now() - record.connectedAt < this.welcomeWaitMs()) {
      // The welcome must be the first frame: let the connect job (which drains the inbox too) go first.
      throw new RetryLaterError(record.connectionId, 'not-welcomed');
    }
    const items = await inbox.list(job.realm, job.userId, nowSeconds(clock), delivery.inboxMaxItems);

    // A retried connect job whose welcome and history already went out goes straight to the inbox.
    if (job.reason === 'connect' && !welcomed) {
      const welcome = welcomeFrame({
        connectionId: job.connectionId,
        userId: job.userId,
        realm: job.realm,
        accepted: job.accepted,
        rejected: job.rejected,
        expiresAt: record.expiresAt,
        now: clock.now(),
        pendingOffline: items.length,
        limits: {
          idleTimeoutSeconds: delivery.idleTimeoutSeconds,
          maxConnectionSeconds: delivery.maxConnectionSeconds,
          connectionTtlSeconds: delivery.connectionTtlSeconds,
        },
      });
      if ((await this.post(record, JSON.stringify(welcome))) !== 'ok') return { ...result, status: 'gone' };
      result.welcome = true;

      const request = {
        topics: job.accepted,
        fresh: job.accepted,
        since: job.since,
        rejected: job.sinceRejected,
      };
      const replay = await replayFrames(this.deps.history, job.realm, request, nowSeconds(clock));
      for (const frame of replay) {
        const step = await this.post(record, frame.data);
        // Replays are per connection and per message: sampled like a broadcast's successes.
        if (frame.envelope && sampled(this.deps)) {
          tracePost(this.deps, frame.envelope, 'delivered-on-connect', record.connectionId, step, {
            job: job.reason,
            store: 'history',
            sampled: true,
          });
        }
        if (step === 'gone') return { ...result, status: 'gone' };
        if (step === 'ok' && frame.envelope) result.replayed++;
      }
      // Best effort: without the mark, drain jobs only wait longer (grace + 60 s) before they deliver.
      await store.markWelcomed(record.connectionId, clock.now()).catch((error: unknown) => {
        (this.deps.logger ?? silentLogger).warn('could not record the welcome', {
          connectionId: record.connectionId,
          error: String(error),
        });
      });
    }

    for (const item of items) {
      const step = await this.post(record, JSON.stringify(userFrame(item.envelope, true)));
      tracePost(this.deps, item.envelope, 'delivered-on-connect', record.connectionId, step, {
        job: job.reason,
        store: 'inbox',
        ...(step === 'gone'
          ? { reason: 'the connection closed: kept in the inbox for the next connect' }
          : {}),
        ...(step === 'too-large' ? { reason: 'over the gateway frame limit: removed from the inbox' } : {}),
      });
      if (step === 'gone') return { ...result, status: 'gone' };
      if (step === 'too-large') result.offlineDropped++;
      else result.offlineDelivered++;
      await inbox.delete(job.realm, job.userId, item);
    }
    return result;
  }

  /** How long a drain job waits for the connect job's welcome before it delivers anyway. */
  private welcomeWaitMs(): number {
    return (this.deps.delivery.connectingGraceSeconds + 60) * 1000;
  }

  /** One post with the job's rules; throws RetryLaterError / ConnectionPostError to have the job retried. */
  private async post(record: ConnectionRecord, data: string): Promise<Step> {
    const { store, clock, delivery } = this.deps;
    const logger = this.deps.logger ?? silentLogger;
    const posted = await postWithRetry(this.deps, record.connectionId, data);
    switch (posted.outcome) {
      case 'ok':
        return 'ok';
      case 'too-large':
        logger.error('frame too large for the connection; skipped', { connectionId: record.connectionId });
        return 'too-large';
      case 'throttled':
        throw new RetryLaterError(record.connectionId, 'throttled');
      case 'failed':
        if (posted.error instanceof ConnectionPostError) throw posted.error;
        throw new ConnectionPostError(record.connectionId, undefined, { cause: posted.error });
      case 'gone': {
        const resolution = await resolveGone(
          store,
          record.connectionId,
          { kind: 'direct' },
          clock.now(),
          delivery.connectingGraceSeconds * 1000,
        );
        if (resolution.status === 'connecting') throw new RetryLaterError(record.connectionId, 'not-open');
        return 'gone';
      }
    }
  }
}
