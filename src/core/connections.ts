/**
 * Connection lifecycle: register on `$connect` (topic decision, positions sent, rows, one delivery job), unregister on
 * `$disconnect`, extend the TTL, and decide what a 410 from the management API means.
 */
import type {
  ConnectDeliveryJob,
  ConnectionRecord,
  DeliveryJob,
  Identity,
  RecoveryPlacement,
  RejectedTopic,
  SinceRejection,
} from './model.js';
import type { Clock, ConnectionStore, DomainLogger, JobQueue } from './ports.js';
import { silentLogger } from './ports.js';
import { decideSince, type SinceEntry } from './stream-positions.js';
import type { TokenChecks } from './token-expiry.js';
import { decideTopics } from './topic-access.js';

export interface ConnectionSettings {
  connectionTtlSeconds: number;
  maxTopicsPerConnection: number;
}

export interface RegisterInput {
  connectionId: string;
  identity: Identity;
  requestedTopics: readonly string[];
  /** Epoch ms from `requestContext.connectedAt`. */
  connectedAt: number;
  correlationId: string;
  /** The `since` query parameter, parsed (parseSinceParameter): checked here against the accepted topics. */
  since?: { entries: readonly SinceEntry[]; rejected: readonly SinceRejection[] };
  /** The `recovery` query parameter (parseRecoveryParameter): `welcome` puts the answers to `since` in the welcome. */
  recovery?: RecoveryPlacement;
}

export interface RegisterResult {
  record: ConnectionRecord;
  accepted: string[];
  rejected: RejectedTopic[];
  job: ConnectDeliveryJob;
  /** The token check's delay (seconds), when one was scheduled (src/core/token-expiry.ts). */
  tokenCheckInSeconds?: number;
}

export const nowSeconds = (clock: Clock): number => Math.floor(clock.now() / 1000);

export class ConnectionService {
  constructor(
    private readonly deps: {
      store: ConnectionStore;
      deliveryQueue: JobQueue<DeliveryJob>;
      clock: Clock;
      settings: ConnectionSettings;
      /** On stacks that close connections whose token expired: the check job scheduled at register. */
      tokenChecks?: TokenChecks;
      logger?: DomainLogger;
    },
  ) {}

  /**
   * Writes the connection's rows (marked `welcomePending`: routers hold its messages until the welcome) and
   * enqueues one delivery job (welcome, history, inbox, held messages) with no delay, so the welcome is not
   * slowed by a fixed wait: the worker retries the welcome for a moment while API Gateway still answers 410
   * (`$connect` has not returned yet), and `$connect` never waits for the backlog. If the job cannot be enqueued
   * the rows are removed again and the error propagates, so the upgrade fails instead of leaving a connection
   * that never gets its welcome. The same holds for the token check job, when the stack closes connections
   * whose token expired: a connection is never left open without it.
   */
  async register(input: RegisterInput): Promise<RegisterResult> {
    const { store, deliveryQueue, clock, settings } = this.deps;
    const { accepted, rejected } = decideTopics(
      input.requestedTopics,
      input.identity,
      settings.maxTopicsPerConnection,
    );
    const record: ConnectionRecord = {
      connectionId: input.connectionId,
      userId: input.identity.userId,
      realm: input.identity.realm,
      topics: accepted,
      connectedAt: input.connectedAt,
      expiresAt: nowSeconds(clock) + settings.connectionTtlSeconds,
    };
    if (input.identity.tokenExpiresAt !== undefined) record.tokenExpiresAt = input.identity.tokenExpiresAt;
    await store.saveConnection(record);
    const job: ConnectDeliveryJob = {
      reason: 'connect',
      connectionId: record.connectionId,
      userId: record.userId,
      realm: record.realm,
      accepted,
      rejected,
      connectedAt: record.connectedAt,
      expiresAt: record.expiresAt,
      correlationId: input.correlationId,
    };
    if (input.since) {
      const decided = decideSince(input.since.entries, accepted, record.realm);
      const sinceRejected = [...input.since.rejected, ...decided.rejected];
      if (decided.since.length > 0) job.since = decided.since;
      if (sinceRejected.length > 0) job.sinceRejected = sinceRejected;
    }
    // Only the opt-in travels: a job without it is answered with `recovery` frames, as before contract 1.14.
    if (input.recovery === 'welcome') job.recovery = 'welcome';
    const tokenCheck = this.deps.tokenChecks?.jobFor(record, input.correlationId);
    let tokenCheckInSeconds: number | undefined;
    try {
      await deliveryQueue.send(job);
      if (tokenCheck) tokenCheckInSeconds = await this.deps.tokenChecks?.schedule(tokenCheck);
    } catch (error) {
      await store.deleteConnection(record).catch((cleanupError: unknown) => {
        (this.deps.logger ?? silentLogger).error('removing the rows after a failed enqueue failed', {
          connectionId: record.connectionId,
          error: String(cleanupError),
        });
      });
      throw error;
    }
    const result: RegisterResult = { record, accepted, rejected, job };
    if (tokenCheckInSeconds !== undefined) result.tokenCheckInSeconds = tokenCheckInSeconds;
    return result;
  }

  /** Deletes every row of the connection found from its meta row; a no-op when it is already gone. */
  async unregister(connectionId: string): Promise<ConnectionRecord | undefined> {
    const record = await this.deps.store.getConnection(connectionId);
    if (record) await this.deps.store.deleteConnection(record);
    return record;
  }

  /** New expiry (epoch seconds) of every row, or undefined when the connection's rows are gone or expired. */
  async extend(
    connectionId: string,
    stopIf?: (record: ConnectionRecord) => Promise<boolean>,
  ): Promise<number | 'stopped' | undefined> {
    const { store, clock, settings } = this.deps;
    const now = nowSeconds(clock);
    const record = await store.getConnection(connectionId);
    if (!record || record.expiresAt <= now) return undefined;
    // A check of the meta row already read (the token-expiry close): true, nothing is extended.
    if (stopIf !== undefined && (await stopIf(record))) return 'stopped';
    const expiresAt = now + settings.connectionTtlSeconds;
    return (await store.extendConnection(record, expiresAt)) ? expiresAt : undefined;
  }
}

/** Where the 410 came from, so the right row can be removed when the meta row is already gone. */
export type GoneSource =
  | { kind: 'topic'; realm: string; topic: string }
  | { kind: 'user'; realm: string; userId: string }
  | { kind: 'direct' };

export type GoneResolution =
  | { status: 'connecting'; record: ConnectionRecord }
  | { status: 'removed'; record: ConnectionRecord | undefined };

/**
 * API Gateway answers 410 both for a closed connection and for one still inside `$connect`. A connection
 * whose meta row exists, is unexpired and is younger than the grace period is *connecting* and kept;
 * otherwise the rows of that connection (and only that one) are deleted.
 */
export async function resolveGone(
  store: ConnectionStore,
  connectionId: string,
  source: GoneSource,
  nowMs: number,
  graceMs: number,
): Promise<GoneResolution> {
  const record = await store.getConnection(connectionId);
  if (record && record.expiresAt > Math.floor(nowMs / 1000) && nowMs - record.connectedAt < graceMs) {
    return { status: 'connecting', record };
  }
  if (record) {
    await store.deleteConnection(record);
  } else if (source.kind === 'topic') {
    await store.deleteTopicSubscription(source.realm, source.topic, connectionId);
  } else if (source.kind === 'user') {
    await store.deleteUserConnection(source.realm, source.userId, connectionId);
  }
  return { status: 'removed', record };
}
