/** Shared rules of stored messages (offline inbox, topic history). */

/**
 * The sort-key time of a message: `publishedAt` normalised with `toISOString()` so that lexical order of
 * the sort key is time order (`2026-11-27T10:00:00Z` and `…+02:00` would not sort correctly as sent).
 */
export function messageKeyTime(publishedAt: string): string {
  const ms = Date.parse(publishedAt);
  if (Number.isNaN(ms)) throw new RangeError(`publishedAt "${publishedAt}" is not a date-time`);
  return new Date(ms).toISOString();
}
