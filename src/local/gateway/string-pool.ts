/**
 * One shared copy of strings that many long-lived connections repeat (source IP, host, user agent, the
 * authorizer context's realm and roles). Each connection would otherwise hold its own copy, parsed fresh
 * from its upgrade request or its authorizer's answer. Bounded: when full it starts over, which only costs
 * duplicates, never a wrong value.
 */
export class StringPool {
  readonly #pool = new Map<string, string>();

  constructor(private readonly maxEntries = 4096) {}

  intern(value: string): string {
    const known = this.#pool.get(value);
    if (known !== undefined) return known;
    if (this.#pool.size >= this.maxEntries) this.#pool.clear();
    this.#pool.set(value, value);
    return value;
  }

  /** The same object with its string values interned (numbers and booleans are kept as they are). */
  internValues<T extends object>(record: T): T {
    const values = record as Record<string, unknown>;
    for (const key of Object.keys(values)) {
      const value = values[key];
      if (typeof value === 'string') values[key] = this.intern(value);
    }
    return record;
  }

  get size(): number {
    return this.#pool.size;
  }
}
