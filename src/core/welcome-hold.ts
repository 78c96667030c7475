/**
 * The welcome is the first frame of every connection (asyncapi.yaml `sendWelcome`). Until its welcome job has
 * posted it, a connection's user and topic rows carry `welcomePending`; routers that find the marker hold the
 * message for that connection (a `held#` row under `conn#{id}`) instead of posting it, and the welcome job posts
 * the held messages right after the welcome, history and inbox.
 *
 * The hand-over takes no lock. It relies on two orders, each a write followed by a strongly consistent read:
 * - router: write the held row, then read the meta row;
 * - welcome job: write `welcomedAt` on the meta row, then list the held rows.
 * At least one of the two sees the other's write. A router that finds `welcomedAt` already set takes its row
 * back with a conditional delete and posts the message itself (whoever deletes the row posts it); the welcome
 * job posts every row it listed. Both post only in the instant they race (clients de-duplicate by `id`); a held
 * message is never lost while the connection lives.
 */
import { limits } from '../../generated/index.js';
import { mapWithConcurrency } from './concurrency.js';
import { type GoneSource, nowSeconds, resolveGone } from './connections.js';
import type { HeldMessage } from './model.js';
import type { Clock, ConnectionStore, HeldMessageStore } from './ports.js';

export interface WelcomeHoldDeps {
  store: ConnectionStore;
  held: HeldMessageStore;
  clock: Clock;
}

/** `held`: the welcome job posts it; `post`: welcomed meanwhile, the caller posts it now; `gone`: no connection. */
export type HoldOutcome = 'held' | 'post' | 'gone';

/**
 * A marker still there this long after `welcomedAt` is stale (a subscribe that read the meta row before the
 * welcome wrote its topic row after the markers were cleared): the router clears it again.
 */
export const STALE_MARKER_MS = 10_000;

/** The trace reason of a message held for a connection's welcome job (result `connecting`). */
export const HELD_REASON = 'held until the welcome: the welcome job posts it right after the welcome';

/** Holds at most this many connections' rows at once (a reconnect storm can put many behind one message). */
const HOLD_CONCURRENCY = 16;

/** A held message's identity within a connection: the same message routed twice is held (and posted) once. */
export function heldMessageKey(message: HeldMessage): string {
  return message.kind === 'user'
    ? `user:${message.envelope.messageId}`
    : `topic:${message.envelope.topic}:${message.envelope.messageId}`;
}

/** Holds `message` for one connection whose row says `welcomePending` (the rules above). */
export async function holdUntilWelcomed(
  deps: WelcomeHoldDeps,
  connectionId: string,
  message: HeldMessage,
  source: GoneSource,
): Promise<HoldOutcome> {
  const { store, held, clock } = deps;
  const now = nowSeconds(clock);
  // A held row never outlives the longest connection: its welcome job runs long before.
  await held.hold(connectionId, message, now + limits.maxConnectionSeconds);
  const record = await store.getConnection(connectionId);
  if (!record || record.expiresAt <= now) {
    await held.take(connectionId, message);
    // No grace: the meta row is gone or expired, so these rows are stale (resolveGone removes only them).
    await resolveGone(store, connectionId, source, clock.now(), 0);
    return 'gone';
  }
  if (record.welcomedAt === undefined) return 'held';
  if (!(await held.take(connectionId, message))) return 'held';
  if (clock.now() - record.welcomedAt > STALE_MARKER_MS)
    await store.markWelcomed(connectionId, record.welcomedAt);
  return 'post';
}

export interface HoldSummary {
  /** Connections welcomed meanwhile: the caller posts to them like to any open connection. */
  post: string[];
  held: string[];
  gone: string[];
}

/** `holdUntilWelcomed` for every connection in `connectionIds` (bounded concurrency). */
export async function holdForConnections(
  deps: WelcomeHoldDeps,
  connectionIds: readonly string[],
  message: HeldMessage,
  source: GoneSource,
): Promise<HoldSummary> {
  const summary: HoldSummary = { post: [], held: [], gone: [] };
  const outcomes = await mapWithConcurrency(connectionIds, HOLD_CONCURRENCY, async (connectionId) => ({
    connectionId,
    outcome: await holdUntilWelcomed(deps, connectionId, message, source),
  }));
  for (const { connectionId, outcome } of outcomes) summary[outcome].push(connectionId);
  return summary;
}
