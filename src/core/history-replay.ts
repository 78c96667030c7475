/**
 * Topic history replay, shared by the connect-time delivery job (after the welcome) and the `subscribe` reply:
 * the frames to post, in order. The rules (which topics, positioned or whole) are in stream-positions.ts.
 */
import { recoveryFrame, topicFrame } from './frames.js';
import type { BroadcastEnvelope } from './model.js';
import type { HistoryStore } from './ports.js';
import { type ReplayRequest, topicReplays } from './stream-positions.js';

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
  const frames: ReplayFrame[] = [];
  for (const replay of await topicReplays(history, realm, request, nowSeconds)) {
    for (const item of replay.items) {
      const data = JSON.stringify(topicFrame(item.envelope, true, item.position));
      frames.push({ data, envelope: item.envelope });
    }
    if (replay.answer)
      frames.push({ data: JSON.stringify(recoveryFrame(replay.answer, replay.items.length, requestId)) });
  }
  return frames;
}
