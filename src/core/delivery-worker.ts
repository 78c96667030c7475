/**
 * The delivery job: welcome frame first (reason `connect`), then topic history of the accepted topics with
 * `offline.policy: history` (`replayed: true`; only what is newer than the position the client sent with
 * `since`, followed by that topic's `recovery` frame, or with the answers in the welcome when the client
 * connected with `recovery=welcome`: the history is read before the welcome), then the user's inbox oldest first (`offline: true`),
 * deleting inbox items (in batches) only after their posts succeeded, then the messages routers held for the
 * connection until its welcome (src/core/welcome-hold.ts). `drain` jobs send the inbox only.
 *
 * - A `drain` job before the connect job has sent welcome and history → RetryLaterError (welcome stays the
 *   first frame), unless the connection is older than the grace + 60 s (the connect job then failed).
 * - A connect job whose welcome and history were already sent (a retry) skips them.
 * - Connection not open yet (410 within the connecting grace) or still throttled → RetryLaterError
 *   (the SQS item fails and comes back); what was already posted may be posted again (at-least-once).
 * - Gone for good (410 after the grace, or its rows are gone/expired) → the job completes and the inbox stays
 *   intact for the next connection.
 * - Its token expired (stacks with closeExpiredTokensAfterSeconds) → a `connect` or `drain` job closes it
 *   (TOKEN_EXPIRED, 4101) instead of posting, as gone: the inbox stays for the client's next connection.
 */
import { nowSeconds, resolveGone } from './connections.js';
import { ConnectionPostError, RetryLaterError } from './errors.js';
import { topicFrame, userFrame, type WelcomeFrame, welcomeFrame } from './frames.js';
import { InvocationHistoryCache } from './history-cache.js';
import { framesOf, type ReplayFrame, recoveryOutcomes } from './history-replay.js';
import type {
  ConnectDeliveryJob,
  ConnectionRecord,
  DeliveryJob,
  HeldMessage,
  InboxItem,
  RecoveryOutcome,
} from './model.js';
import type {
  Clock,
  ConnectionStore,
  DomainLogger,
  HeldMessageStore,
  HistoryStore,
  InboxStore,
} from './ports.js';
import { silentLogger } from './ports.js';
import { type PostDeps, postWithRetry } from './posting.js';
import { messageKeyTime } from './stored-messages.js';
import { topicReplays } from './stream-positions.js';
import type { TokenExpiryGuard } from './token-expiry.js';
import { type PostTraceOutcome, sampled, type TraceDeps, tracePost, traceReason } from './tracing.js';
import { heldMessageKey } from './welcome-hold.js';

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
  held: HeldMessageStore;
  history: HistoryStore;
  clock: Clock;
  delivery: DeliveryWorkerSettings;
  /** On stacks that close connections whose token expired: such a connection is closed, not posted to. */
  tokenExpiry?: TokenExpiryGuard;
  logger?: DomainLogger;
}

export interface DeliveryResult {
  status: 'delivered' | 'gone';
  welcome: boolean;
  replayed: number;
  offlineDelivered: number;
  /** Inbox items skipped because the gateway refused them as too large (deleted: they can never be sent). */
  offlineDropped: number;
  /** Messages held for the connection until its welcome, posted after it. */
  heldDelivered: number;
}

type Step = 'ok' | 'gone' | 'too-large';

/**
 * Waits between the welcome's tries while the connection is still in `$connect` (2.6 s in all): `$connect`
 * writes the rows and enqueues the job, then returns within tens of milliseconds.
 */
export const WELCOME_OPEN_WAITS_MS: readonly number[] = [25, 50, 100, 200, 400, 800, 1000];

/** How long a job that hit RetryLaterError waits before it is retried: 1, 2, 4, 8, 16, 30, 30… s by receive count. */
export function retryDelaySeconds(receiveCount: number): number {
  return Math.min(30, 2 ** Math.max(0, receiveCount - 1));
}

export class DeliveryWorker {
  constructor(private readonly deps: DeliveryWorkerDeps) {}

  /**
   * This worker with history reads cached for one invocation (src/core/history-cache.ts): the jobs of a batch
   * that replay the same topic read its history once. Call once per invocation; drop it afterwards.
   */
  forInvocation(): DeliveryWorker {
    return new DeliveryWorker({ ...this.deps, history: new InvocationHistoryCache(this.deps.history) });
  }

  async process(job: DeliveryJob): Promise<DeliveryResult> {
    const { store, inbox, clock, delivery } = this.deps;
    const result: DeliveryResult = {
      status: 'delivered',
      welcome: false,
      replayed: 0,
      offlineDelivered: 0,
      offlineDropped: 0,
      heldDelivered: 0,
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
    // A retry job's message is in no inbox: it is posted (the connection is closed by its token check job).
    if (job.reason !== 'retry' && (await this.deps.tokenExpiry?.closeIfExpired(record))) {
      return { ...result, status: 'gone' };
    }
    if (job.reason === 'retry') {
      // One user message to one open connection whose earlier post failed; a failure here throws, so SQS
      // retries the job and, past maxReceiveCount, keeps it in the DLQ.
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
    /** What this job posted (heldMessageKey): a message both replayed or in the inbox and held goes out once. */
    const posted = new Set<string>();

    // A retried connect job whose welcome and history already went out goes straight to the inbox.
    if (job.reason === 'connect' && !welcomed) {
      const step = await this.welcomeAndHistory(job, record, items.length, posted, result);
      if (step === 'gone') return { ...result, status: 'gone' };
    }
    if ((await this.postInbox(job, record, items, posted, result)) === 'gone') {
      return { ...result, status: 'gone' };
    }
    if (job.reason === 'connect' && (await this.postHeld(job, record, posted, result)) === 'gone') {
      return { ...result, status: 'gone' };
    }
    return result;
  }

  /**
   * The history is read first (cached per invocation) so that a connection opened with `recovery=welcome` gets
   * the answers to `since` in its welcome; then the welcome (waiting briefly for the connection to open: the job
   * is enqueued with no delay), the replayed history (positioned by `since`) with its recovery frames unless the
   * welcome carried them, then `welcomedAt`: from then on routers post to this connection instead of holding for it.
   */
  private async welcomeAndHistory(
    job: ConnectDeliveryJob,
    record: ConnectionRecord,
    pendingOffline: number,
    posted: Set<string>,
    result: DeliveryResult,
  ): Promise<'ok' | 'gone'> {
    const { clock, store } = this.deps;
    const request = {
      topics: job.accepted,
      fresh: job.accepted,
      since: job.since,
      rejected: job.sinceRejected,
    };
    const replays = await topicReplays(this.deps.history, job.realm, request, nowSeconds(clock));
    const answers = job.recovery ?? 'frames';
    const recovery = answers === 'welcome' ? recoveryOutcomes(replays) : undefined;
    const welcome = this.welcome(job, record, pendingOffline, recovery);
    if ((await this.postWhenOpen(record, JSON.stringify(welcome))) !== 'ok') return 'gone';
    result.welcome = true;
    if ((await this.postReplay(job, record, framesOf(replays, answers), posted, result)) === 'gone')
      return 'gone';
    // Not best effort: routers hold this connection's messages until it is set. A failure fails the job, whose
    // retry posts the welcome again (a repeated welcome beats messages held until they expire).
    if (!(await store.markWelcomed(record.connectionId, clock.now()))) return 'gone';
    return 'ok';
  }

  private welcome(
    job: ConnectDeliveryJob,
    record: ConnectionRecord,
    pendingOffline: number,
    recovery: RecoveryOutcome[] | undefined,
  ): WelcomeFrame {
    const { clock, delivery } = this.deps;
    return welcomeFrame({
      connectionId: job.connectionId,
      userId: job.userId,
      realm: job.realm,
      accepted: job.accepted,
      rejected: job.rejected,
      expiresAt: record.expiresAt,
      now: clock.now(),
      pendingOffline,
      limits: {
        idleTimeoutSeconds: delivery.idleTimeoutSeconds,
        maxConnectionSeconds: delivery.maxConnectionSeconds,
        connectionTtlSeconds: delivery.connectionTtlSeconds,
      },
      ...(recovery ? { recovery } : {}),
    });
  }

  /** The replayed history after the welcome, in order; each message is marked posted (not posted again if held). */
  private async postReplay(
    job: ConnectDeliveryJob,
    record: ConnectionRecord,
    frames: readonly ReplayFrame[],
    posted: Set<string>,
    result: DeliveryResult,
  ): Promise<'ok' | 'gone'> {
    for (const frame of frames) {
      const step = await this.post(record, frame.data);
      // Replays are per connection and per message: sampled like a broadcast's successes.
      if (frame.envelope && sampled(this.deps)) {
        tracePost(this.deps, frame.envelope, 'delivered-on-connect', record.connectionId, step, {
          job: job.reason,
          store: 'history',
          sampled: true,
        });
      }
      if (step === 'gone') return 'gone';
      if (step === 'ok' && frame.envelope) result.replayed++;
      if (frame.envelope) posted.add(heldMessageKey({ kind: 'topic', envelope: frame.envelope }));
    }
    return 'ok';
  }

  /** The user's inbox, oldest first; the items posted are deleted in batches, also when a post fails. */
  private async postInbox(
    job: DeliveryJob,
    record: ConnectionRecord,
    items: readonly InboxItem[],
    posted: Set<string>,
    result: DeliveryResult,
  ): Promise<'ok' | 'gone'> {
    const done: InboxItem[] = [];
    try {
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
        if (step === 'gone') return 'gone';
        if (step === 'too-large') result.offlineDropped++;
        else result.offlineDelivered++;
        done.push(item);
        posted.add(heldMessageKey({ kind: 'user', envelope: item.envelope }));
      }
      return 'ok';
    } finally {
      if (done.length > 0) await this.deps.inbox.deleteMany(job.realm, job.userId, done);
    }
  }

  /**
   * The messages routers held for this connection before its welcome (src/core/welcome-hold.ts), listed after
   * `welcomedAt` was written. Each row is taken (deleted) before its post, so a router that met `welcomedAt` in
   * the same instant and takes it too never posts it a second time; a failed post puts the row back. A held user
   * message was also kept in the inbox (for a connection that closes before its welcome): those copies are
   * deleted in one batch.
   */
  private async postHeld(
    job: DeliveryJob,
    record: ConnectionRecord,
    posted: Set<string>,
    result: DeliveryResult,
  ): Promise<'ok' | 'gone'> {
    const { held, clock } = this.deps;
    const messages = await held.list(record.connectionId, nowSeconds(clock));
    const inboxCopies: Array<Pick<InboxItem, 'publishedAt' | 'messageId'>> = [];
    try {
      for (const message of messages) {
        if (!(await held.take(record.connectionId, message))) continue;
        const key = heldMessageKey(message);
        if (!posted.has(key)) {
          const step = await this.postTaken(record, message);
          tracePost(this.deps, message.envelope, 'delivered-on-connect', record.connectionId, step, {
            job: job.reason,
            reason: 'held until the welcome',
          });
          // A user message keeps its inbox copy for the user's next connection.
          if (step === 'gone') return 'gone';
          if (step === 'ok') result.heldDelivered++;
          posted.add(key);
        }
        if (message.kind === 'user') {
          const { publishedAt, messageId } = message.envelope;
          inboxCopies.push({ publishedAt: messageKeyTime(publishedAt), messageId });
        }
      }
      return 'ok';
    } finally {
      if (inboxCopies.length > 0) await this.deps.inbox.deleteMany(job.realm, job.userId, inboxCopies);
    }
  }

  /** Posts a held message the job took; if the post throws, the row is put back for the job's retry. */
  private async postTaken(record: ConnectionRecord, message: HeldMessage): Promise<Step> {
    const frame =
      message.kind === 'user'
        ? userFrame(message.envelope)
        : topicFrame(message.envelope, false, message.position);
    try {
      return await this.post(record, JSON.stringify(frame));
    } catch (error) {
      await this.deps.held.hold(record.connectionId, message, record.expiresAt);
      throw error;
    }
  }

  /**
   * The welcome's post: the job is enqueued with no delay, so on AWS it can run before `$connect` has returned
   * (410 while the connection is younger than the grace). It tries again after WELCOME_OPEN_WAITS_MS before it
   * leaves the job to SQS's retry.
   */
  private async postWhenOpen(record: ConnectionRecord, data: string): Promise<Step> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.post(record, data);
      } catch (error) {
        const wait = WELCOME_OPEN_WAITS_MS[attempt];
        if (!(error instanceof RetryLaterError && error.reason === 'not-open') || wait === undefined)
          throw error;
        await this.deps.sleep(wait);
      }
    }
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
