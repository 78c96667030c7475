/**
 * Topic history replay, shared by the connect-time delivery job (read before the welcome, posted after it) and the
 * `subscribe` reply: the frames to post, in order, and the answers to `since` a welcome carries. The rules (which
 * topics, positioned or whole) are in stream-positions.ts.
 */
import { recoveryFrame, recoveryOutcome, topicFrame } from './frames.js';
import type { BroadcastEnvelope, RecoveryOutcome, RecoveryPlacement } from './model.js';
import type { HistoryStore } from './ports.js';
import { type ReplayRequest, type TopicReplay, topicReplays } from './stream-positions.js';

/** One serialized frame; `envelope` for a replayed message (`replayed: true`), absent for a `recovery` frame. */
export interface ReplayFrame {
  data: string;
  envelope?: BroadcastEnvelope;
}

/**
 * Per topic of the request: its replayed messages (with their stream position), then its `recovery` frame when
 * the client sent a position for it (echoing `requestId` on `subscribe`); ignored positions of other topics last.
 */
export async function replayFrames(
  history: HistoryStore,
  realm: string,
  request: ReplayRequest,
  nowSeconds: number,
  requestId?: string,
): Promise<ReplayFrame[]> {
  return framesOf(await topicReplays(history, realm, request, nowSeconds), 'frames', requestId);
}

/**
 * The frames of replays already read, in order: per topic its replayed messages, then its `recovery` frame when it
 * has an answer and the answers go in `frames` (with `welcome` they are in the welcome: recoveryOutcomes).
 */
export function framesOf(
  replays: readonly TopicReplay[],
  answers: RecoveryPlacement,
  requestId?: string,
): ReplayFrame[] {
  const frames: ReplayFrame[] = [];
  for (const replay of replays) {
    for (const item of replay.items) {
      const data = JSON.stringify(topicFrame(item.envelope, true, item.position));
      frames.push({ data, envelope: item.envelope });
    }
    if (replay.answer && answers === 'frames')
      frames.push({ data: JSON.stringify(recoveryFrame(replay.answer, replay.items.length, requestId)) });
  }
  return frames;
}

/** The welcome's `recovery` items: each answered topic's outcome, `replayed` its frames that follow the welcome. */
export function recoveryOutcomes(replays: readonly TopicReplay[]): RecoveryOutcome[] {
  return replays.flatMap((replay) =>
    replay.answer ? [recoveryOutcome(replay.answer, replay.items.length)] : [],
  );
}
