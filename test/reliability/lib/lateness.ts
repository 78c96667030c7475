/**
 * "Late" versus "lost" for the reliability suite. On a loaded machine (CI running other suites on the same
 * cores) a frame can take tens of seconds; that is late, reported with how late, and never a failure. Only
 * a frame that has not arrived within RELIABILITY_LOST_AFTER_SECONDS (default 300 s, far beyond any delay the
 * platform's retries can add: five receives with backoff and 30 s visibility timeouts) counts as lost.
 */
import {
  type ClientOptions,
  type ConnectOutcome,
  connect,
  type Frame,
  type TestClient,
} from './ws-client.js';

/** One definition of the bound every reliability wait uses before it calls something lost. */
export const LOST_AFTER_MS = Number(process.env.RELIABILITY_LOST_AFTER_SECONDS ?? 300) * 1000;

/** Reported as late (not a failure) from this delay on. */
export const LATE_AFTER_MS = 5_000;

export const isWelcome = (f: Frame): boolean => f.kind === 'welcome';

/** Collects delays and says how late the slowest were. */
export class LatenessReport {
  private readonly delays: number[] = [];
  private missing = 0;

  constructor(private readonly what: string) {}

  record(delayMs: number | undefined): void {
    if (delayMs === undefined) this.missing++;
    else this.delays.push(delayMs);
  }

  get lost(): number {
    return this.missing;
  }

  get late(): number {
    return this.delays.filter((d) => d >= LATE_AFTER_MS).length;
  }

  /** e.g. `welcome: 2000 arrived, 3 late (≥5 s), p50 0.0 s, p99 2.1 s, max 41.7 s, 0 lost (none after 300 s)` */
  line(): string {
    const sorted = [...this.delays].sort((a, b) => a - b);
    const at = (q: number): string =>
      sorted.length === 0
        ? '-'
        : ((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number) / 1000).toFixed(1);
    return (
      `${this.what}: ${sorted.length} arrived, ${this.late} late (≥${LATE_AFTER_MS / 1000} s), ` +
      `p50 ${at(0.5)} s, p99 ${at(0.99)} s, max ${at(1)} s, ${this.missing} lost (none after ${LOST_AFTER_MS / 1000} s)`
    );
  }
}

/**
 * Waits for the welcome of a freshly opened client: its delay from the open, or undefined when it did not
 * come within LOST_AFTER_MS or the socket closed first (both a loss).
 */
export async function welcomeDelay(client: TestClient): Promise<{ welcome?: Frame; delayMs?: number }> {
  try {
    const welcome = await client.waitFor(isWelcome, LOST_AFTER_MS);
    const arrived = client.welcomeAt ?? Date.now();
    return { welcome, delayMs: arrived - (client.openedAt ?? arrived) };
  } catch {
    return {};
  }
}

/**
 * Opens a connection the way the client SDK does on a busy platform: a handshake that times out or an upgrade
 * refused with 5xx (a `$connect` that timed out) is retried with backoff until LOST_AFTER_MS has passed. The
 * outcome says how many attempts it took and how late the connection was; 4xx refusals are returned at once.
 */
export async function connectPatiently(
  options: ClientOptions,
): Promise<{ outcome: ConnectOutcome; attempts: number; delayMs: number }> {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    const last = Date.now() - started >= LOST_AFTER_MS;
    let outcome: ConnectOutcome;
    try {
      outcome = await connect({ connectTimeoutMs: 30_000, ...options });
    } catch (error) {
      if (last) throw error;
      outcome = { ok: false, status: 0, body: String(error) };
    }
    if (outcome.ok || (outcome.status >= 400 && outcome.status < 500) || last)
      return { outcome, attempts: attempt, delayMs: Date.now() - started };
    await new Promise((r) => setTimeout(r, Math.min(10_000, 250 * 2 ** attempt)));
  }
}
