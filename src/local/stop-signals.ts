/**
 * What a SIGINT / SIGTERM means to `npm start`. One Ctrl+C often arrives twice: the terminal signals the
 * whole foreground process group (npm and the platform) and npm forwards the signal to its child again. So
 * every signal within FORCE_AFTER_MS of the first is the same request; only a signal sent later (someone
 * pressing Ctrl+C again because the stop hangs) forces an exit without flushing.
 */
export const FORCE_AFTER_MS = 2_000;

export type SignalDecision = 'stop' | 'same-stop' | 'force';

export function createSignalPolicy(now: () => number = Date.now): (signal: string) => SignalDecision {
  let firstAt: number | undefined;
  return () => {
    const at = now();
    if (firstAt === undefined) {
      firstAt = at;
      return 'stop';
    }
    return at - firstAt < FORCE_AFTER_MS ? 'same-stop' : 'force';
  };
}
