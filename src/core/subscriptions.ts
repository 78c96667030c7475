/**
 * `subscribe` / `unsubscribe` on an open connection: the topic decision of `$connect` (same codes, the limit on
 * the total held), the meta row and the topic rows kept in step under races, then the reply and the history of
 * newly subscribed history topics, posted in that order.
 *
 * Why the rows never orphan (docs/data-model.md, "Subscribing after connect"):
 * - the meta row's topic list is changed first, by an UpdateItem conditioned on `attribute_exists(pk)` and on
 *   the list's revision (`rev`): two subscribes of one connection never lose each other's topics, and the limit
 *   counts what is really held;
 * - `$disconnect` deletes the meta row first and reads back what it held (ReturnValues ALL_OLD): every topic
 *   committed before that instant has its row deleted by the disconnect; a subscribe after it fails its condition;
 * - a topic row written after the disconnect deleted it is caught by the re-read that follows the write: a
 *   missing meta row (or one that no longer lists the topic) makes the subscribe delete the rows it wrote;
 * - `extendTTL` updates the rows its meta update returns (ALL_NEW); a subscribe whose re-read finds a later expiry
 *   than the one it wrote re-extends. TTL on every row is only the backstop.
 */
import { type ReplayFrame, replayFrames } from './history-replay.js';
import type { ConnectionRecord, Identity, RejectedTopic } from './model.js';
import type { Clock, ConnectionStore, DomainLogger, HistoryStore } from './ports.js';
import { silentLogger } from './ports.js';
import type { ReplayRequest } from './stream-positions.js';
import { decideTopics, stripRealm } from './topic-access.js';

/**
 * Attempts when concurrent changes of the same connection's topics win the conditional write. Each loss means
 * another request of this connection committed, so n requests in flight at once need at most n attempts.
 */
const MAX_ATTEMPTS = 25;

export interface SubscriptionDeps {
  store: ConnectionStore;
  history: HistoryStore;
  clock: Clock;
  settings: { maxTopicsPerConnection: number };
  logger?: DomainLogger;
}

export type SubscribeResult =
  | {
      status: 'ok';
      accepted: string[];
      rejected: RejectedTopic[];
      /** Every topic held afterwards. */
      topics: string[];
      /** Accepted topics that were not held before (their rows were written by this request). */
      added: string[];
    }
  | { status: 'not-found' };

export type UnsubscribeResult =
  | { status: 'ok'; unsubscribed: string[]; topics: string[] }
  | { status: 'not-found' };

/** Thrown when MAX_ATTEMPTS conditional writes in a row lost to concurrent changes (answered INTERNAL_ERROR). */
export class SubscriptionConflictError extends Error {
  override readonly name = 'SubscriptionConflictError';
  constructor(connectionId: string) {
    super(`the topics of connection ${connectionId} kept changing; try again`);
  }
}

const NOT_FOUND = { status: 'not-found' } as const;

export class SubscriptionService {
  constructor(private readonly deps: SubscriptionDeps) {}

  async subscribe(
    connectionId: string,
    identity: Identity,
    requested: readonly string[],
  ): Promise<SubscribeResult> {
    const { store, settings } = this.deps;
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = await this.current(connectionId, identity);
      if (!record) return NOT_FOUND;
      const { accepted, rejected } = decideTopics(
        requested,
        identity,
        settings.maxTopicsPerConnection,
        record.topics,
      );
      const added = accepted.filter((topic) => !record.topics.includes(topic));
      if (added.length === 0) return { status: 'ok', accepted, rejected, topics: record.topics, added };
      const updated = await store.setTopics(record, [...record.topics, ...added]);
      if (!updated) continue; // changed meanwhile or gone: read again and decide again
      await store.putTopicRows(updated, added, updated.expiresAt);
      const confirmed = await this.confirm(updated, added);
      if (!confirmed) return NOT_FOUND;
      const kept = added.filter((topic) => confirmed.topics.includes(topic));
      return { status: 'ok', accepted, rejected, topics: confirmed.topics, added: kept };
    }
    throw new SubscriptionConflictError(connectionId);
  }

  async unsubscribe(
    connectionId: string,
    identity: Identity,
    requested: readonly string[],
  ): Promise<UnsubscribeResult> {
    const names = [...new Set(requested.map((raw) => stripRealm(raw, identity.realm)))].filter(
      (name): name is string => typeof name === 'string',
    );
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const record = await this.current(connectionId, identity);
      if (!record) return NOT_FOUND;
      const removed = names.filter((name) => record.topics.includes(name));
      if (removed.length === 0) return { status: 'ok', unsubscribed: names, topics: record.topics };
      const remaining = record.topics.filter((topic) => !removed.includes(topic));
      const updated = await this.deps.store.setTopics(record, remaining);
      if (!updated) continue;
      // Meta row first: a crash here leaves a row the meta row no longer lists, which a 410 or TTL removes.
      await this.deps.store.deleteTopicRows(record, removed);
      return { status: 'ok', unsubscribed: names, topics: updated.topics };
    }
    throw new SubscriptionConflictError(connectionId);
  }

  /** The frames that follow the `subscribed` reply: history of new topics, positioned replays, recovery frames. */
  replay(realm: string, request: ReplayRequest, requestId?: string): Promise<ReplayFrame[]> {
    const now = Math.floor(this.deps.clock.now() / 1000);
    return replayFrames(this.deps.history, realm, request, now, requestId);
  }

  /** The unexpired meta row of this identity's connection. */
  private async current(connectionId: string, identity: Identity): Promise<ConnectionRecord | undefined> {
    const record = await this.deps.store.getConnection(connectionId);
    const now = Math.floor(this.deps.clock.now() / 1000);
    if (!record || record.expiresAt <= now) return undefined;
    if (record.realm !== identity.realm || record.userId !== identity.userId) return undefined;
    return record;
  }

  /**
   * Re-reads the meta row after the topic rows were written. Rows of topics it no longer lists (a disconnect or
   * an unsubscribe raced) are deleted again; an expiry extended meanwhile is applied to every row.
   */
  private async confirm(
    updated: ConnectionRecord,
    added: readonly string[],
  ): Promise<ConnectionRecord | undefined> {
    const { store } = this.deps;
    const current = await store.getConnection(updated.connectionId);
    const orphans = current ? added.filter((topic) => !current.topics.includes(topic)) : [...added];
    if (orphans.length > 0) {
      await store.deleteTopicRows(updated, orphans);
      (this.deps.logger ?? silentLogger).info(
        'subscription raced a disconnect or an unsubscribe; rows removed',
        {
          connectionId: updated.connectionId,
          topics: orphans,
        },
      );
    }
    if (current && current.expiresAt > updated.expiresAt)
      await store.extendConnection(current, current.expiresAt);
    return current;
  }
}
