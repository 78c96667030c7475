/** Topic history replay, shared by the connect-time delivery job and the `subscribe` reply. */
import { topicFrame } from './frames.js';
import type { HistoryStore } from './ports.js';
import { topicDefinitionOf } from './topic-access.js';

/**
 * The serialized frames (`replayed: true`) of the unexpired history of each topic whose family has
 * `offline.policy: history` (at most its `historySize`), topic by topic, oldest first.
 */
export async function historyFrames(
  history: HistoryStore,
  realm: string,
  topics: readonly string[],
  nowSeconds: number,
): Promise<string[]> {
  const frames: string[] = [];
  for (const topic of topics) {
    const definition = topicDefinitionOf(topic);
    if (definition?.offline.policy !== 'history') continue;
    const items = await history.list(realm, topic, nowSeconds, definition.offline.historySize);
    for (const item of items) frames.push(JSON.stringify(topicFrame(item.envelope, true)));
  }
  return frames;
}
