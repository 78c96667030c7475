/**
 * Delivery of a user envelope: post to every live connection of the user; when no connection accepted it
 * (none, all gone, still connecting, throttled or failing) keep it in the user's offline inbox.
 *
 * Publish during connect (design.md §3): a 410 from a connection younger than the connecting grace means
 * "not open yet". The message then goes to the inbox *and* a `drain` delivery job is enqueued for that
 * connection, so it arrives as soon as the socket is open. The same happens when a connection stays
 * throttled. In both cases the message is stored even if another connection of the user accepted it
 * (at-least-once: clients de-duplicate by `id`).
 *
 * Connections not welcomed yet (`welcomePending`) get the message held for their welcome job instead of a post
 * (src/core/welcome-hold.ts): the welcome stays their first frame. A held message also goes to the inbox when
 * no connection got it live, so it survives a connection that closes before its welcome.
 */
import { userMessageRegistry } from '../../generated/index.js';
import { type GoneResolution, resolveGone } from './connections.js';
import { ValidationError } from './errors.js';
import { userFrame } from './frames.js';
import { type Repeat, routeOnce, userScope } from './message-ids.js';
import type { ConnectionRecord, DeliveryJob, InboxItem, UserEnvelope } from './model.js';
import type {
  Clock,
  ConnectionStore,
  DomainLogger,
  HeldMessageStore,
  InboxStore,
  JobQueue,
  MessageIdStore,
  PutResult,
} from './ports.js';
import { silentLogger } from './ports.js';
import { emptySummary, type PostDeps, type PostResult, type PostSummary, postToMany } from './posting.js';
import { messageKeyTime } from './stored-messages.js';
import { goneOutcome, type TraceDeps, traceHop, tracePost, traceReason } from './tracing.js';
import { HELD_REASON, holdForConnections } from './welcome-hold.js';

export interface UserDeliverySettings {
  inboxMaxItems: number;
  connectingGraceSeconds: number;
  deliveryDelaySeconds: number;
  /**
   * Optional per-stack cap (`OFFLINE_RETENTION_MAX_DAYS`): an inbox row expires after
   * `min(retentionDays of the message type, cap)`. Unset: the contract's retention applies as is.
   */
  offlineRetentionMaxDays?: number;
}

export interface UserDeliveryDeps extends PostDeps, TraceDeps {
  store: ConnectionStore;
  inbox: InboxStore;
  held: HeldMessageStore;
  messageIds: MessageIdStore;
  deliveryQueue: JobQueue<DeliveryJob>;
  clock: Clock;
  userDelivery: UserDeliverySettings;
  logger?: DomainLogger;
}

export interface UserDeliveryResult extends PostSummary {
  connections: number;
  /** `stored` / `duplicate` when the inbox was written, `expired` when the retention had already passed. */
  inbox: PutResult | 'expired' | 'not-needed';
  droppedFromInbox: number;
  drainJobs: number;
  /** Connections not welcomed yet that got the message held for their welcome job. */
  held: number;
  /**
   * `dropped`: the message id was already published and fully handled (nothing done); `handled-as-first`: a
   * repeat of a publish still in flight, handled with the first one's `publishedAt`; `no`: a first publish.
   */
  repeat: Repeat;
}

export const DAY_SECONDS = 86_400;

/** What posting to the user's connections left to do. */
interface PostOutcomes {
  summary: PostSummary;
  /** Connections still in `$connect`: their connect job delivers the inbox. */
  drainFor: Array<{ connectionId: string; record?: ConnectionRecord }>;
  /**
   * Open connections whose post failed (throttled, 5xx, timed out): each gets a `retry` job carrying the
   * message. Not the inbox: it is one row per user, deleted by the first connection it reaches, so with two
   * failing connections of one user the second would never get the message.
   */
  retryFor: string[];
}

const sourceOf = (envelope: UserEnvelope) =>
  ({ kind: 'user', realm: envelope.realm, userId: envelope.userId }) as const;

export class UserDeliveryService {
  constructor(private readonly deps: UserDeliveryDeps) {}

  async route(published: UserEnvelope): Promise<UserDeliveryResult> {
    const claim = {
      scope: userScope(published.realm, published.userId),
      expiresAt: this.retentionEnd(published),
      nowSeconds: Math.floor(this.deps.clock.now() / 1000),
    };
    return routeOnce(
      this.deps,
      claim,
      published,
      (envelope) => this.deliver(envelope),
      () => ({
        ...emptySummary(),
        connections: 0,
        inbox: 'not-needed' as const,
        droppedFromInbox: 0,
        drainJobs: 0,
        held: 0,
      }),
    );
  }

  private async deliver(envelope: UserEnvelope): Promise<Omit<UserDeliveryResult, 'repeat'>> {
    const { store, clock } = this.deps;
    const connections = await store.listUserConnections(
      envelope.realm,
      envelope.userId,
      Math.floor(clock.now() / 1000),
    );
    traceHop(this.deps, envelope, 'routed', { audience: connections.length });
    const pending = connections.filter((c) => c.welcomePending).map((c) => c.connectionId);
    // A held message's inbox copy is written before its held row: the welcome job that posts the held row
    // deletes the copy, so a copy written after that job ran would be left behind (and delivered again).
    const early = pending.length > 0 ? await this.store(envelope) : undefined;
    const holds = await holdForConnections(
      this.deps,
      pending,
      { kind: 'user', envelope },
      sourceOf(envelope),
    );
    for (const connectionId of holds.held) {
      tracePost(this.deps, envelope, 'posted', connectionId, 'connecting', { reason: HELD_REASON });
    }
    const open = connections.filter((c) => !c.welcomePending).map((c) => c.connectionId);
    const posted = await this.post(envelope, [...open, ...holds.post]);
    posted.summary.gone += holds.gone.length;
    const stored = await this.settleInbox(envelope, posted, early);
    const retryJobs = await this.enqueueJobs(
      envelope,
      posted.retryFor.map((connectionId) => ({ connectionId })),
      'retry',
    );
    return {
      ...posted.summary,
      connections: connections.length,
      ...stored,
      drainJobs: stored.drainJobs + retryJobs,
      held: holds.held.length,
    };
  }

  /** Posts the frame to each connection and sorts out what each failure needs. */
  private async post(envelope: UserEnvelope, connectionIds: readonly string[]): Promise<PostOutcomes> {
    const results = await postToMany(this.deps, connectionIds, JSON.stringify(userFrame(envelope)));
    const outcomes: PostOutcomes = { summary: emptySummary(), drainFor: [], retryFor: [] };
    for (const result of results) await this.account(envelope, result, outcomes);
    return outcomes;
  }

  private async account(envelope: UserEnvelope, result: PostResult, outcomes: PostOutcomes): Promise<void> {
    const { summary } = outcomes;
    const logger = this.deps.logger ?? silentLogger;
    switch (result.outcome) {
      case 'ok':
        summary.delivered++;
        tracePost(this.deps, envelope, 'posted', result.connectionId, 'ok');
        return;
      case 'gone': {
        const { store, clock, userDelivery } = this.deps;
        const grace = userDelivery.connectingGraceSeconds * 1000;
        const resolution: GoneResolution = await resolveGone(
          store,
          result.connectionId,
          sourceOf(envelope),
          clock.now(),
          grace,
        );
        if (resolution.status === 'connecting') {
          summary.connecting++;
          outcomes.drainFor.push({ connectionId: result.connectionId, record: resolution.record });
        } else {
          summary.gone++;
        }
        tracePost(this.deps, envelope, 'posted', result.connectionId, goneOutcome(resolution));
        return;
      }
      case 'throttled':
        summary.throttled++;
        outcomes.retryFor.push(result.connectionId);
        tracePost(this.deps, envelope, 'posted', result.connectionId, 'throttled');
        return;
      case 'too-large':
        // Retrying cannot help (the frame will not shrink): reported, not stored.
        summary.tooLarge++;
        logger.error('user frame too large for the connection', { connectionId: result.connectionId });
        tracePost(this.deps, envelope, 'posted', result.connectionId, 'too-large', {
          reason: 'the frame is over the gateway frame limit: not delivered, not stored',
        });
        return;
      case 'failed':
        summary.failed++;
        outcomes.retryFor.push(result.connectionId);
        logger.error('post failed', { connectionId: result.connectionId, error: String(result.error) });
        tracePost(this.deps, envelope, 'posted', result.connectionId, 'failed', {
          reason: traceReason(String(result.error)),
        });
        return;
    }
  }

  /**
   * Stored when no connection has it or will get it from a retry job (held ones may close before their
   * welcome), or for connections still connecting; an early copy nobody needs is deleted.
   */
  private async settleInbox(
    envelope: UserEnvelope,
    { summary, drainFor, retryFor }: PostOutcomes,
    early: PutResult | 'expired' | undefined,
  ): Promise<Pick<UserDeliveryResult, 'inbox' | 'droppedFromInbox' | 'drainJobs'>> {
    const { clock, userDelivery } = this.deps;
    const needsInbox = (summary.delivered === 0 && retryFor.length === 0) || drainFor.length > 0;
    // A frame the gateway refused as too large would be refused again from the inbox: not stored.
    const keep = needsInbox && summary.tooLarge === 0;
    if (early === 'stored' && !keep) {
      // Another connection has it (or will, from a retry job): the early copy is not needed after all.
      await this.deps.inbox.deleteMany(envelope.realm, envelope.userId, [
        { publishedAt: messageKeyTime(envelope.publishedAt), messageId: envelope.messageId },
      ]);
    }
    if (!keep) return { inbox: 'not-needed', droppedFromInbox: 0, drainJobs: 0 };
    const inbox = early ?? (await this.store(envelope));
    traceHop(this.deps, envelope, 'stored', { store: 'inbox', result: inbox });
    const droppedFromInbox =
      inbox === 'stored'
        ? await this.deps.inbox.trim(
            envelope.realm,
            envelope.userId,
            userDelivery.inboxMaxItems,
            Math.floor(clock.now() / 1000),
          )
        : 0;
    const drainJobs = inbox === 'expired' ? 0 : await this.enqueueJobs(envelope, drainFor, 'drain');
    return { inbox, droppedFromInbox, drainJobs };
  }

  /**
   * When the inbox row (and the message id's claim) expires: `min(retentionDays of the type, per-stack cap)`
   * after `publishedAt`, in epoch seconds.
   */
  private retentionEnd(envelope: UserEnvelope): number {
    const definition = userMessageRegistry[envelope.type as keyof typeof userMessageRegistry];
    // The contract requires retentionDays for every user message type and envelopes are validated before
    // they get here: an unknown type is a caller bug, never stored with a made-up retention.
    if (!definition) {
      throw new ValidationError(
        'user envelope',
        [{ field: 'type', keyword: 'enum', message: `unknown user message type "${envelope.type}"` }],
        `unknown user message type "${envelope.type}"`,
      );
    }
    const cap = this.deps.userDelivery.offlineRetentionMaxDays;
    const retentionDays =
      cap === undefined ? definition.retentionDays : Math.min(definition.retentionDays, cap);
    return Math.floor(Date.parse(messageKeyTime(envelope.publishedAt)) / 1000) + retentionDays * DAY_SECONDS;
  }

  private async store(envelope: UserEnvelope): Promise<PutResult | 'expired'> {
    const publishedAt = messageKeyTime(envelope.publishedAt);
    const expiresAt = this.retentionEnd(envelope);
    if (expiresAt <= Math.floor(this.deps.clock.now() / 1000)) return 'expired';
    const item: InboxItem = { publishedAt, messageId: envelope.messageId, envelope, expiresAt };
    return this.deps.inbox.put(envelope.realm, envelope.userId, item);
  }

  /**
   * One delivery job per target connection: `drain` (the connect job's inbox delivery, for connections still
   * in `$connect`) or `retry` (the message itself, for open connections whose post failed).
   */
  private async enqueueJobs(
    envelope: UserEnvelope,
    targets: ReadonlyArray<{ connectionId: string; record?: ConnectionRecord }>,
    reason: 'drain' | 'retry',
  ): Promise<number> {
    let sent = 0;
    for (const target of targets) {
      const record = target.record ?? (await this.deps.store.getConnection(target.connectionId));
      if (!record) continue;
      const to = {
        connectionId: record.connectionId,
        userId: record.userId,
        realm: record.realm,
        correlationId: envelope.correlationId,
      };
      // A drain job names its connection only; a retry job carries the message (contract: DeliveryJob oneOf).
      const job: DeliveryJob = reason === 'retry' ? { reason, ...to, message: envelope } : { reason, ...to };
      await this.deps.deliveryQueue.send(job, { delaySeconds: this.deps.userDelivery.deliveryDelaySeconds });
      sent++;
    }
    return sent;
  }
}
