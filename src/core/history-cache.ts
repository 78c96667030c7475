/**
 * History reads shared by the jobs of one worker invocation (issue #17 item 6): in a reconnect storm every
 * connect job of a batch replays the same `history#{realm}#{topic}` key, so the invocation reads it (and the
 * stream's head) once, not once per connection. A new cache is made per invocation and dropped with it, so
 * nothing read by one invocation is served to another.
 *
 * Why a cached read is not stale for a connect job: every job of the batch was enqueued by a `$connect` that had
 * written the connection's rows (marked `welcomePending`) before the invocation began, and the cache is filled
 * during the invocation. A message routed after the fill either was in the history already, or its router met
 * the marked row and held the message for the welcome job, which posts it after the replay
 * (src/core/welcome-hold.ts). A replay that needs a fresher list (a gap above the oldest row listed, see
 * positionedReplay) asks for it with `{fresh: true}`, which reads again and refreshes the entry.
 */
import type { HistoryItem, StreamPosition } from './model.js';
import type { HistoryListOptions, HistoryStore, NextPositionInput, PutResult } from './ports.js';

export class InvocationHistoryCache implements HistoryStore {
  private readonly lists = new Map<string, Promise<HistoryItem[]>>();
  private readonly heads = new Map<string, Promise<StreamPosition | undefined>>();
  /** Store reads made (not served from the cache): what the storm saves is visible in tests and the bench. */
  reads = 0;

  constructor(private readonly store: HistoryStore) {}

  list(
    realm: string,
    topic: string,
    nowSeconds: number,
    limit: number,
    options?: HistoryListOptions,
  ): Promise<HistoryItem[]> {
    const key = `${realm}#${topic}#${limit}`;
    let entry = options?.fresh ? undefined : this.lists.get(key);
    if (entry === undefined) {
      this.reads++;
      entry = this.store.list(realm, topic, nowSeconds, limit, options);
      this.forgetOnFailure(this.lists, key, entry);
    }
    // Rows that expired since the read are left out, as a read now would.
    return entry.then((items) => items.filter((item) => item.expiresAt > nowSeconds));
  }

  head(realm: string, topic: string, nowSeconds: number): Promise<StreamPosition | undefined> {
    const key = `${realm}#${topic}`;
    let entry = this.heads.get(key);
    if (entry === undefined) {
      this.reads++;
      entry = this.store.head(realm, topic, nowSeconds);
      this.forgetOnFailure(this.heads, key, entry);
    }
    return entry;
  }

  // Writes go to the store and drop what this invocation cached of the stream.
  put(realm: string, topic: string, item: HistoryItem): Promise<PutResult> {
    this.forget(realm, topic);
    return this.store.put(realm, topic, item);
  }

  nextPosition(realm: string, topic: string, input: NextPositionInput): Promise<StreamPosition> {
    this.forget(realm, topic);
    return this.store.nextPosition(realm, topic, input);
  }

  reset(realm: string, topic: string, epoch: string, expiresAt: number): Promise<void> {
    this.forget(realm, topic);
    return this.store.reset(realm, topic, epoch, expiresAt);
  }

  trim(realm: string, topic: string, keep: number): Promise<number> {
    this.forget(realm, topic);
    return this.store.trim(realm, topic, keep);
  }

  private forget(realm: string, topic: string): void {
    this.heads.delete(`${realm}#${topic}`);
    const prefix = `${realm}#${topic}#`;
    for (const key of this.lists.keys()) if (key.startsWith(prefix)) this.lists.delete(key);
  }

  /** A failed read is not kept: the next job reads again (and fails or succeeds on its own). */
  private forgetOnFailure<T>(map: Map<string, Promise<T>>, key: string, entry: Promise<T>): void {
    map.set(key, entry);
    entry.catch(() => {
      if (map.get(key) === entry) map.delete(key);
    });
  }
}
