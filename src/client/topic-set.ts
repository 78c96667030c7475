/**
 * The client's current topic set and its `subscribe` / `unsubscribe` requests. The set is what the application
 * asked for (connect-time topics, plus subscribes, minus unsubscribes); every new connection (reconnect, 2-hour
 * handover) asks for it again — in the connect query as far as it fits, the rest by `subscribe` after the
 * welcome — so the application never re-subscribes itself. A request whose connection dies before the reply
 * is answered from the next welcome.
 */
import { limits } from '../../generated/codes.js';
import type { SubscribedFrame, UnsubscribedFrame, WelcomeFrame } from '../../generated/models.js';
import type { TimerHandle, Timers } from './timers.js';

type Reply = SubscribedFrame | UnsubscribedFrame;

interface Pending {
  kind: 'subscribe' | 'unsubscribe';
  names: string[];
  resolve(reply: Reply): void;
  reject(error: Error): void;
  timer: TimerHandle;
}

/** Does a concrete topic match a filter (`jobs.*` matches `jobs.8812`; `*` is one whole segment)? */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  if (filter === topic) return true;
  if (!filter.includes('*')) return false;
  const want = filter.split('.');
  const have = topic.split('.');
  return want.length === have.length && want.every((part, i) => part === '*' || part === have[i]);
}

export class TopicSet {
  private readonly desired: string[];
  private readonly pending = new Map<string, Pending>();
  private sequence = 0;
  /** The topics the latest connect query asked for (the welcome answers each of them). */
  private asked = new Set<string>();

  constructor(
    initial: readonly string[],
    private readonly timers: Timers,
    private readonly timeoutMs: number,
  ) {
    this.desired = [...new Set(initial)];
  }

  /** The topics the application holds (what every new connection asks for). */
  get topics(): readonly string[] {
    return this.desired;
  }

  /** The leading topics whose comma-joined list fits the connect query. */
  connectTopics(): string[] {
    const out: string[] = [];
    let length = 0;
    for (const topic of this.desired) {
      const next = length + (out.length > 0 ? 1 : 0) + encodeURIComponent(topic).length;
      if (next > limits.topicsQueryMaxLength) break;
      out.push(topic);
      length = next;
    }
    this.asked = new Set(out);
    return out;
  }

  /** Registers a request; returns the frame to send and the promise of its answer. */
  request(
    kind: 'subscribe' | 'unsubscribe',
    names: readonly string[],
  ): { frame: { action: typeof kind; topics: string[]; requestId: string }; answer: Promise<Reply> } {
    const unique = [...new Set(names)];
    if (kind === 'subscribe') {
      for (const name of unique) if (!this.desired.includes(name)) this.desired.push(name);
    } else {
      this.remove(unique);
    }
    const requestId = `sub-${++this.sequence}`;
    const answer = new Promise<Reply>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        this.pending.delete(requestId);
        reject(new Error(`no answer to ${kind} ${requestId} within ${this.timeoutMs} ms`));
      }, this.timeoutMs);
      this.pending.set(requestId, { kind, names: unique, resolve, reject, timer });
    });
    return { frame: { action: kind, topics: unique, requestId }, answer };
  }

  /** A `subscribed` / `unsubscribed` frame: resolves its request. Topics the server refused leave the set. */
  onReply(frame: Reply): void {
    if (frame.kind === 'subscribed') this.remove(frame.rejected.map((r) => r.topic));
    const pending = frame.requestId === undefined ? undefined : this.pending.get(frame.requestId);
    if (!pending) return;
    this.settle(frame.requestId as string, pending);
    pending.resolve(frame);
  }

  /** An error frame answering a request (INVALID_FRAME, CONNECTION_NOT_FOUND…): rejects it. */
  onError(requestId: string | undefined, error: Error): boolean {
    const pending = requestId === undefined ? undefined : this.pending.get(requestId);
    if (!pending || requestId === undefined) return false;
    this.settle(requestId, pending);
    pending.reject(error);
    return true;
  }

  /**
   * A new connection's welcome: answers every request still waiting (the connection asked for the whole set),
   * and returns the topics of the set the welcome neither accepted nor rejected (beyond the connect query, or
   * subscribed after it was built), which the caller subscribes in frames of at most the contract's limit.
   */
  onWelcome(welcome: WelcomeFrame): string[][] {
    for (const [requestId, pending] of [...this.pending]) {
      this.settle(requestId, pending);
      pending.resolve(this.fromWelcome(pending, welcome));
    }
    const known = new Set([...welcome.accepted, ...welcome.rejected.map((r) => r.topic)]);
    const missing = this.desired.filter((topic) => !known.has(topic) && !this.asked.has(topic));
    const frames: string[][] = [];
    for (let i = 0; i < missing.length; i += limits.maxTopicsPerConnection)
      frames.push(missing.slice(i, i + limits.maxTopicsPerConnection));
    return frames;
  }

  /** Rejects every waiting request (the client closed). */
  close(error: Error): void {
    for (const [requestId, pending] of [...this.pending]) {
      this.settle(requestId, pending);
      pending.reject(error);
    }
  }

  private fromWelcome(pending: Pending, welcome: WelcomeFrame): Reply {
    if (pending.kind === 'unsubscribe')
      return { kind: 'unsubscribed', unsubscribed: pending.names, topics: welcome.accepted };
    return {
      kind: 'subscribed',
      accepted: pending.names.filter((name) => welcome.accepted.includes(name)),
      rejected: welcome.rejected.filter((r) => pending.names.includes(r.topic)),
      topics: welcome.accepted,
    };
  }

  private settle(requestId: string, pending: Pending): void {
    this.timers.clearTimeout(pending.timer);
    this.pending.delete(requestId);
  }

  private remove(names: readonly string[]): void {
    for (const name of names) {
      const index = this.desired.indexOf(name);
      if (index >= 0) this.desired.splice(index, 1);
    }
  }
}
