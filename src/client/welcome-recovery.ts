/**
 * The answers to `since` that a welcome carries (the client connects with `recovery=welcome`, contract 1.14):
 * one item per positioned topic, whose `replayed` frames follow the welcome. Each answer is handed on like a
 * `recovery` frame once its topic's replay is over, so the client's positions and `recovery` events are what
 * the frames gave: a position is saved only for messages the application had (an answer applied before the
 * replay would move the position past messages a dropped connection never delivered).
 *
 * A topic's replay is over when its `replayed` frames have arrived, when a replayed frame of a later answered
 * topic arrives (replays are sent topic by topic, in the welcome's order), or when a frame the server sends only
 * after every replay arrives (a user message or a live topic message). Answers still waiting when the link
 * closes go with it, like `recovery` frames lost with a connection: the next connection sends `since` again.
 */
import { limits } from '../../generated/codes.js';
import type { RecoveryFrame } from '../../generated/models.js';
import type { ServerFrame } from './frame-parsing.js';
import { isRecord } from './frame-parsing.js';

/** At most this many items are read: the contract's bound (one per topic, one for `*`). */
const MAX_ITEMS = limits.maxTopicsPerConnection + 1;

interface Waiting {
  frame: RecoveryFrame;
  remaining: number;
}

export class WelcomeRecoveries {
  private waiting: Waiting[] = [];

  /** `settle`: what a `recovery` frame does (it checks the frame and emits the event). */
  constructor(private readonly settle: (frame: RecoveryFrame) => void) {}

  /** A welcome's `recovery` array (absent: nothing to wait for). Answers with nothing replayed settle now. */
  start(recovery: unknown): void {
    this.flush();
    if (!Array.isArray(recovery)) return;
    for (const item of recovery.slice(0, MAX_ITEMS)) {
      const frame = { ...(isRecord(item) ? item : {}), kind: 'recovery' } as RecoveryFrame;
      const replayed = frame.replayed;
      const remaining = typeof replayed === 'number' && Number.isSafeInteger(replayed) ? replayed : 0;
      this.waiting.push({ frame, remaining });
    }
    this.settleWhile((w) => w.remaining <= 0);
  }

  /** After a frame of the link was handled: counts a replayed frame, settles the answers whose replay is over. */
  afterFrame(frame: ServerFrame): void {
    if (this.waiting.length === 0) return;
    if (frame.kind === 'user' || (frame.kind === 'topic' && frame.replayed !== true)) {
      this.flush();
      return;
    }
    if (frame.kind !== 'topic') return;
    const at = this.waiting.findIndex((w) => w.frame.topic === frame.topic);
    if (at < 0) return;
    this.settleWhile((_, index) => index < at);
    const own = this.waiting[0];
    if (own) own.remaining -= 1;
    this.settleWhile((w) => w.remaining <= 0);
  }

  private flush(): void {
    this.settleWhile(() => true);
  }

  /** Settles answers from the front while `done` says so, in the welcome's order. */
  private settleWhile(done: (waiting: Waiting, index: number) => boolean): void {
    let index = 0;
    while (this.waiting.length > 0) {
      const first = this.waiting[0] as Waiting;
      if (!done(first, index++)) return;
      this.waiting.shift();
      this.settle(first.frame);
    }
  }
}
