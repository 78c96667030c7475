/**
 * The client's last position (offset, epoch) per history topic, taken from the topic frames it receives and
 * the `recovery` frames that answer a `since` (or the welcome's answers, src/client/welcome-recovery.ts). It
 * moves only forward within an epoch; a new epoch replaces it. It builds the `since` the client sends on connect (query string) and in `subscribe` frames, within the
 * contract's limits, and saves itself through a `PositionStorage` after every change.
 */
import { limits } from '../../generated/codes.js';
import type { RecoveryFrame, StreamPosition } from '../../generated/models.js';
import { matchesPattern } from '../../generated/patterns.js';
import { messageOf } from './client-events.js';
import { isRecord } from './frame-parsing.js';
import type { PositionStorage } from './position-storage.js';

/** A well-formed position (StreamOffset: an integer ≥ 0 up to 2^53 − 1; StreamEpoch: its pattern), or undefined. */
export function streamPositionOf(offset: unknown, epoch: unknown): StreamPosition | undefined {
  if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return undefined;
  if (!matchesPattern('StreamEpoch', epoch)) return undefined;
  return { offset, epoch };
}

export class StreamPositions {
  private readonly byTopic = new Map<string, StreamPosition>();

  constructor(
    private readonly storage: PositionStorage,
    /** Whether the client holds a topic: positions of other topics are the first to go when full. */
    private readonly isHeld: (topic: string) => boolean,
    private readonly onStorageError: (error: Error) => void,
  ) {
    this.restore();
  }

  get(topic: string): StreamPosition | undefined {
    return this.byTopic.get(topic);
  }

  snapshot(): Record<string, StreamPosition> {
    return Object.fromEntries([...this.byTopic].map(([topic, p]) => [topic, { ...p }]));
  }

  /** A topic frame's position: forward within its epoch, or a new epoch. Frames without one are ignored. */
  advance(topic: string, offset: unknown, epoch: unknown): void {
    const position = streamPositionOf(offset, epoch);
    if (!position || !matchesPattern('TopicName', topic)) return;
    const known = this.byTopic.get(topic);
    if (known && known.epoch === position.epoch && known.offset >= position.offset) return;
    this.set(topic, position);
  }

  /**
   * A `recovery` frame. Recovered: the stream's newest position is ours too (forward only). Not recovered or
   * ignored: the position we sent is worthless, the stream's newest replaces it (or none when it has none).
   */
  recover(frame: RecoveryFrame): void {
    if (!this.byTopic.has(frame.topic) && !this.isHeld(frame.topic)) return;
    const position = streamPositionOf(frame.offset, frame.epoch);
    if (frame.recovered) {
      if (position) this.advance(frame.topic, position.offset, position.epoch);
    } else if (position && matchesPattern('TopicName', frame.topic)) {
      this.set(frame.topic, position);
    } else {
      this.forget([frame.topic]);
    }
  }

  forget(topics: readonly string[]): void {
    let changed = false;
    for (const topic of topics) changed = this.byTopic.delete(topic) || changed;
    if (changed) this.save();
  }

  /**
   * The connect query's `since` for these topics (`topic~offset~epoch`, comma-separated), at most
   * `x-limits.sinceMaxLength` characters and `maxTopicsPerConnection` entries; a position that does not fit is
   * left out (its topic is replayed as without `since`). Undefined when no topic has a position.
   */
  sinceQuery(topics: readonly string[]): string | undefined {
    const entries: string[] = [];
    let length = 0;
    for (const topic of topics) {
      if (entries.length >= limits.maxTopicsPerConnection) break;
      const position = this.byTopic.get(topic);
      if (!position) continue;
      const entry = `${topic}~${position.offset}~${position.epoch}`;
      const next = length + (entries.length > 0 ? 1 : 0) + entry.length;
      if (next > limits.sinceMaxLength) continue;
      entries.push(entry);
      length = next;
    }
    return entries.length > 0 ? entries.join(',') : undefined;
  }

  /** The `since` field of a `subscribe` frame for these topics, or undefined when none has a position. */
  sinceField(topics: readonly string[]): Record<string, StreamPosition> | undefined {
    const since: Record<string, StreamPosition> = {};
    let count = 0;
    for (const topic of topics) {
      const position = this.byTopic.get(topic);
      if (!position || count >= limits.maxTopicsPerConnection) continue;
      since[topic] = { ...position };
      count += 1;
    }
    return count > 0 ? since : undefined;
  }

  private set(topic: string, position: StreamPosition): void {
    this.byTopic.delete(topic); // re-inserted last: the map's order is the order of last change
    if (this.byTopic.size >= limits.maxTopicsPerConnection) this.evictOne();
    this.byTopic.set(topic, position);
    this.save();
  }

  /** Makes room: the least recently changed position of a topic not held, else the least recently changed. */
  private evictOne(): void {
    const topics = [...this.byTopic.keys()];
    const victim = topics.find((topic) => !this.isHeld(topic)) ?? topics[0];
    if (victim !== undefined) this.byTopic.delete(victim);
  }

  private save(): void {
    try {
      this.storage.save({ version: 1, positions: this.snapshot() });
    } catch (error) {
      this.onStorageError(new Error(`position storage: save failed: ${messageOf(error)}`));
    }
  }

  /** Loads the stored snapshot; malformed data (or a throwing adapter) is ignored, entry by entry. */
  private restore(): void {
    let stored: unknown;
    try {
      stored = this.storage.load();
    } catch (error) {
      this.onStorageError(new Error(`position storage: load failed: ${messageOf(error)}`));
      return;
    }
    if (!isRecord(stored) || stored.version !== 1 || !isRecord(stored.positions)) return;
    for (const [topic, value] of Object.entries(stored.positions)) {
      if (this.byTopic.size >= limits.maxTopicsPerConnection) return;
      const position = isRecord(value) ? streamPositionOf(value.offset, value.epoch) : undefined;
      if (position && matchesPattern('TopicName', topic)) this.byTopic.set(topic, position);
    }
  }
}
