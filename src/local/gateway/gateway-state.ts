/** What the gateway's parts share: its settings, its connections, its in-flight invocations, whether it stops. */
import type { ConnectionTable } from './gateway-connection.js';
import type { GatewaySettings } from './gateway-options.js';
import { InvocationTracker } from './invocation-tracker.js';
import { StringPool } from './string-pool.js';

export interface GatewayState {
  readonly settings: GatewaySettings;
  readonly connections: ConnectionTable;
  readonly invocations: InvocationTracker;
  /** Many connections share a source IP, host, user agent, realm and roles: one copy each. */
  readonly strings: StringPool;
  /** The port the server listens on (known once it listens, before any upgrade). */
  port: number;
  /** Set when `stop()` begins: new upgrades get 503, upgrades in progress are abandoned. */
  stopping: boolean;
}

export function createGatewayState(settings: GatewaySettings): GatewayState {
  return {
    settings,
    connections: new Map(),
    invocations: new InvocationTracker(),
    strings: new StringPool(),
    port: settings.port,
    stopping: false,
  };
}
