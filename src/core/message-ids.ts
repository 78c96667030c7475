/**
 * Idempotent publishing by message id (docs/publishing.md). The first publish of an id in a scope (a user, or
 * a topic of a realm) claims it until the id's window ends; a later publish of the same id
 * - after the first was fully handled (stored and posted, or handed to jobs): is dropped, nothing is stored
 *   or delivered again;
 * - while the first is still in flight, or after it failed half-way (SNS retries it): is handled as the first
 *   one, with the first one's `publishedAt`, so every stored row is the same row (live posts may repeat:
 *   clients de-duplicate by id).
 */
import type { StreamPosition } from './model.js';
import type { DomainLogger, MessageIdStore } from './ports.js';
import { silentLogger } from './ports.js';
import { messageKeyTime } from './stored-messages.js';

/** How long an id is remembered for a topic that keeps no history (`offline.policy: drop`). */
export const DROP_TOPIC_ID_WINDOW_SECONDS = 86_400;

export const userScope = (realm: string, userId: string): string => `user#${realm}#${userId}`;
export const topicScope = (realm: string, topic: string): string => `topic#${realm}#${topic}`;

export type IdDecision =
  /** Handle the publish with this `publishedAt` (the envelope's own, or the first publish's); mark it done after. */
  | { action: 'handle'; publishedAt: string; claimed: boolean; repeat?: boolean; position?: StreamPosition }
  /** A repeat of a publish already fully handled: nothing to do. */
  | { action: 'drop'; publishedAt: string };

export async function claimMessageId(
  ids: MessageIdStore,
  scope: string,
  envelope: { messageId: string; publishedAt: string },
  expiresAt: number,
  nowSeconds: number,
): Promise<IdDecision> {
  const publishedAt = messageKeyTime(envelope.publishedAt);
  // Past its window the id is not remembered (and nothing is stored): handled as it comes.
  if (expiresAt <= nowSeconds) return { action: 'handle', publishedAt, claimed: false };
  const claim = await ids.claim(scope, envelope.messageId, publishedAt, expiresAt, nowSeconds);
  if (claim.status === 'first') return { action: 'handle', publishedAt, claimed: true };
  if (claim.done) return { action: 'drop', publishedAt: claim.publishedAt };
  const decision: IdDecision = {
    action: 'handle',
    publishedAt: claim.publishedAt,
    claimed: true,
    repeat: true,
  };
  return claim.position ? { ...decision, position: claim.position } : decision;
}

/** Best effort: without the mark a later repeat is handled again (stored once, posted live again). */
export async function markMessageIdDone(
  ids: MessageIdStore,
  scope: string,
  messageId: string,
  logger: DomainLogger = silentLogger,
): Promise<void> {
  await ids.markDone(scope, messageId).catch((error: unknown) => {
    logger.warn('could not mark the message id handled', { messageId, error: String(error) });
  });
}

/** What the id claim made of a publish: a first publish, a repeat handled as the first, or a dropped repeat. */
export type Repeat = 'no' | 'handled-as-first' | 'dropped';

/** What `handle` learns from the claim: whether the id is claimed, and the position a first handling kept. */
export interface ClaimedId {
  claimed: boolean;
  /** An earlier handling of the same publish claimed the id and did not finish (SNS retry, duplicate). */
  repeat?: boolean;
  /** The stream position recorded on the claim by an earlier handling of the same publish. */
  position?: StreamPosition;
}

/**
 * Routes a publish at most once per id and scope: claims the id, drops a repeat of a handled publish
 * (`dropped()` is its result), handles a repeat in flight with the first one's `publishedAt` (so every stored
 * row is the same row), then marks the id done.
 */
export async function routeOnce<E extends { messageId: string; publishedAt: string }, R>(
  deps: { messageIds: MessageIdStore; logger?: DomainLogger },
  claim: { scope: string; expiresAt: number; nowSeconds: number },
  published: E,
  handle: (envelope: E, claimed: ClaimedId) => Promise<R>,
  dropped: () => R,
): Promise<R & { repeat: Repeat }> {
  const { scope, expiresAt, nowSeconds } = claim;
  const decision = await claimMessageId(deps.messageIds, scope, published, expiresAt, nowSeconds);
  if (decision.action === 'drop') {
    (deps.logger ?? silentLogger).info('message id already published and handled; dropped', {
      messageId: published.messageId,
      firstPublishedAt: decision.publishedAt,
    });
    return { ...dropped(), repeat: 'dropped' };
  }
  const envelope =
    decision.publishedAt === messageKeyTime(published.publishedAt)
      ? published
      : { ...published, publishedAt: decision.publishedAt };
  const claimed: ClaimedId = { claimed: decision.claimed };
  if (decision.position) claimed.position = decision.position;
  if (decision.repeat) claimed.repeat = true;
  const result = await handle(envelope, claimed);
  if (decision.claimed) await markMessageIdDone(deps.messageIds, scope, envelope.messageId, deps.logger);
  return { ...result, repeat: envelope === published ? 'no' : 'handled-as-first' };
}
