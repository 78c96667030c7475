/**
 * Answers a `subscribe` / `unsubscribe` frame on its own route: the reply (`subscribed`, `unsubscribed` or an
 * error frame) is posted through the @connections API rather than returned as a route response, so that the
 * history of newly subscribed history topics, and the positioned replay and `recovery` frame of each topic sent
 * with `since`, can follow it in order (contract: `x-reply: posted`).
 */
import { parseClientFrame } from './client-frames.js';
import type { FrameBudget } from './frame-budget.js';
import { errorFrame, subscribedFrame, unsubscribedFrame } from './frames.js';
import type { Identity } from './model.js';
import type { DomainLogger } from './ports.js';
import { silentLogger } from './ports.js';
import { type PostDeps, postWithRetry } from './posting.js';
import { decideSince } from './stream-positions.js';
import type { SubscriptionService } from './subscriptions.js';

export interface SubscriptionRepliesDeps extends PostDeps {
  subscriptions: SubscriptionService;
  /** Every subscribe / unsubscribe frame spends the connection's frame budget first. */
  budget: FrameBudget;
  logger?: DomainLogger;
}

/** What happened, for the handler's log line. */
export interface AnswerSummary {
  reply: string;
  code?: string;
  accepted?: string[];
  rejected?: string[];
  /** Positions sent with `since` that were ignored (`topic:code`). */
  sinceRejected?: string[];
  replayed: number;
}

/**
 * Tries of a reply's post after a transient @connections error (5xx, timeout) before it is given up: nothing else
 * would retry it (the route's invocation is not retried), and the client waits for the reply (the SDK: 10 s).
 */
export const REPLY_FAILED_RETRIES = 3;

export class SubscriptionReplies {
  /** Posting with transient errors retried (postWithRetry's failedRetries). */
  private readonly posting: PostDeps;

  constructor(private readonly deps: SubscriptionRepliesDeps) {
    this.posting = { ...deps, settings: { ...deps.settings, failedRetries: REPLY_FAILED_RETRIES } };
  }

  /** Never throws for bad input; a storage failure is answered INTERNAL_ERROR (retryable) and rethrown. */
  async answer(
    connectionId: string,
    identity: Identity | undefined,
    body: string | undefined | null,
    isBase64Encoded: boolean,
  ): Promise<AnswerSummary> {
    const parsed = parseClientFrame(body, isBase64Encoded);
    const admission = await this.deps.budget.admit(connectionId, parsed.ok ? parsed.requestId : undefined);
    if (!admission.handle) {
      if (admission.reply) return this.reply(connectionId, admission.reply);
      return { reply: 'closed', code: 'RATE_LIMITED', replayed: 0 };
    }
    if (!parsed.ok) return this.reply(connectionId, parsed.reply);
    const { requestId } = parsed;
    if (identity === undefined) {
      return this.reply(
        connectionId,
        errorFrame('INTERNAL_ERROR', 'no identity on this connection', requestId),
      );
    }
    const topics = parsed.topics ?? [];
    try {
      if (parsed.action === 'subscribe') {
        const result = await this.deps.subscriptions.subscribe(connectionId, identity, topics);
        if (result.status === 'not-found') return this.reply(connectionId, notFound(requestId));
        const { accepted, rejected } = result;
        const summary = await this.reply(
          connectionId,
          subscribedFrame({ accepted, rejected, topics: result.topics }, requestId),
        );
        summary.accepted = accepted;
        summary.rejected = rejected.map((r) => `${r.topic}:${r.code}`);
        if (summary.reply !== 'ok') return summary;
        const positions = decideSince(parsed.since ?? [], accepted, identity.realm);
        const request = { topics: accepted, fresh: result.added, ...positions };
        const frames = await this.deps.subscriptions.replay(identity.realm, request, requestId);
        for (const frame of frames) {
          const posted = await postWithRetry(this.posting, connectionId, frame.data);
          if (posted.outcome !== 'ok') break;
          if (frame.envelope) summary.replayed++;
        }
        if (parsed.since) summary.sinceRejected = positions.rejected.map((r) => `${r.topic}:${r.code}`);
        return summary;
      }
      if (parsed.action === 'unsubscribe') {
        const result = await this.deps.subscriptions.unsubscribe(connectionId, identity, topics);
        if (result.status === 'not-found') return this.reply(connectionId, notFound(requestId));
        const { unsubscribed } = result;
        return this.reply(
          connectionId,
          unsubscribedFrame({ unsubscribed, topics: result.topics }, requestId),
        );
      }
      const message = `"${parsed.action}" is not served on this route`;
      return this.reply(connectionId, errorFrame('UNKNOWN_ACTION', message, requestId));
    } catch (error) {
      await this.reply(
        connectionId,
        errorFrame('INTERNAL_ERROR', 'the platform failed; try again', requestId),
      );
      throw error;
    }
  }

  private async reply(connectionId: string, frame: { kind: string; code?: string }): Promise<AnswerSummary> {
    const posted = await postWithRetry(this.posting, connectionId, JSON.stringify(frame));
    if (posted.outcome === 'failed') {
      (this.deps.logger ?? silentLogger).error('reply post failed', {
        connectionId,
        error: String(posted.error),
      });
    }
    const summary: AnswerSummary = { reply: posted.outcome, replayed: 0 };
    if (frame.code !== undefined) summary.code = frame.code;
    return summary;
  }
}

function notFound(requestId: string | undefined) {
  return errorFrame('CONNECTION_NOT_FOUND', 'the connection is no longer registered; reconnect', requestId);
}
