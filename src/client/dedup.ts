/**
 * Remembers the last `capacity` message ids, so a message delivered twice (at-least-once delivery,
 * an offline message racing a live one, the overlap of a handover) reaches the handlers once.
 * Memory is bounded: a ring of ids plus a set, the oldest id is forgotten first.
 */
export class MessageIdWindow {
  readonly capacity: number;
  private readonly ring: (string | undefined)[];
  private readonly ids = new Set<string>();
  private next = 0;

  constructor(capacity = 1000) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`dedup capacity must be a positive integer, got ${capacity}`);
    }
    this.capacity = capacity;
    this.ring = new Array<string | undefined>(capacity);
  }

  /** True when `id` was seen within the window; otherwise records it and returns false. */
  seen(id: string): boolean {
    if (this.ids.has(id)) return true;
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.ids.delete(evicted);
    this.ring[this.next] = id;
    this.ids.add(id);
    this.next = (this.next + 1) % this.capacity;
    return false;
  }

  get size(): number {
    return this.ids.size;
  }
}
