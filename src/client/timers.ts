/**
 * The clock the client uses for backoff, keep-alive, TTL extension and handover.
 * Injectable so unit tests drive it with fake timers instead of waiting.
 */
export type TimerHandle = unknown;

export interface Timers {
  setTimeout(callback: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  /** Epoch milliseconds. */
  now(): number;
}

/** Timers backed by the global functions (resolved at call time, so fake global timers also work). */
export const systemTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
  now: () => Date.now(),
};
