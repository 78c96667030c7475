/**
 * The idle timeout and the maximum duration: one sweep over the open connections every `sweepMs` (a tenth
 * of the shorter limit, 50 ms to 1 s) instead of a timer per connection, which idle connections would each
 * pay for. A limit is enforced at most `sweepMs` late; API Gateway is not exact either. Both close with 1001.
 */
import { closeConnection, GOING_AWAY } from './gateway-connection.js';
import type { GatewayState } from './gateway-state.js';

export function sweepIntervalMs(idleMs: number, maxMs: number): number {
  return Math.min(1000, Math.max(50, Math.min(idleMs, maxMs) / 10));
}

/** Starts the sweep; the returned function stops it. */
export function startLimitSweep(state: GatewayState): () => void {
  const { idleMs, maxMs } = state.settings;
  const sweep = (): void => {
    const now = Date.now();
    for (const connection of state.connections.values()) {
      if (connection.state !== 'open' || connection.serverClose) continue;
      if (now >= connection.lastMessageAt + idleMs || now >= connection.context.connectedAt + maxMs)
        closeConnection(connection, GOING_AWAY);
    }
  };
  const timer = setInterval(sweep, sweepIntervalMs(idleMs, maxMs));
  timer.unref();
  return () => clearInterval(timer);
}
