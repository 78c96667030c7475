/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the delay is uniformly random in [0, min(maxDelayMs, baseDelayMs * 2^attempt)), which spreads a crowd of
 * clients reconnecting after an outage instead of having them retry in lockstep.
 */
export interface BackoffOptions {
  /** Ceiling of the first retry's delay. Default 500 ms. */
  baseDelayMs?: number;
  /** Largest ceiling. Default 30 s. */
  maxDelayMs?: number;
}

export const defaultBackoff: Required<BackoffOptions> = { baseDelayMs: 500, maxDelayMs: 30_000 };

/** The exclusive upper bound of the delay before retry number `attempt` (0-based). */
export function backoffCeiling(attempt: number, options: BackoffOptions = {}): number {
  const base = options.baseDelayMs ?? defaultBackoff.baseDelayMs;
  const max = options.maxDelayMs ?? defaultBackoff.maxDelayMs;
  // Cap the exponent so 2^attempt never overflows to Infinity on long outages.
  return Math.min(max, base * 2 ** Math.min(attempt, 30));
}

/** A full-jitter delay in [0, ceiling). `random` returns [0, 1) like Math.random. */
export function fullJitterDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  return Math.floor(random() * backoffCeiling(attempt, options));
}
