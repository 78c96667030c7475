/**
 * `stop()`: closes every socket with 1001, waits (bounded) for the close handshakes, then for the
 * `$disconnect` and other in-flight invocations, then closes the `ws` and HTTP servers.
 */
import type { Server } from 'node:http';
import type { Server as WebSocketServer } from 'ws';
import { closeConnection, type GatewaySocket, GOING_AWAY } from './gateway-connection.js';
import type { GatewayState } from './gateway-state.js';

/** How long the close handshakes may take, and how much longer the invocations after them. */
const CLOSE_HANDSHAKES_MS = 3000;
const INVOCATIONS_AFTER_MS = 5000;
const POLL_MS = 20;

export interface GatewayServers {
  server: Server;
  wss: WebSocketServer<typeof GatewaySocket>;
  stopLimitSweep: () => void;
}

export async function shutdownGateway(state: GatewayState, servers: GatewayServers): Promise<void> {
  if (state.stopping) return;
  state.stopping = true;
  const { connections } = state;
  for (const connection of connections.values()) closeConnection(connection, GOING_AWAY);
  const deadline = Date.now() + CLOSE_HANDSHAKES_MS;
  while ([...connections.values()].some((c) => c.state === 'open') && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  for (const connection of connections.values()) connection.socket?.terminate();
  servers.stopLimitSweep();
  await state.invocations.settle(deadline + INVOCATIONS_AFTER_MS);
  await new Promise<void>((resolve) => servers.wss.close(() => resolve()));
  servers.server.closeAllConnections();
  await new Promise<void>((resolve) => servers.server.close(() => resolve()));
}
