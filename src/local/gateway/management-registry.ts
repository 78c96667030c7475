/**
 * The gateway's side of the `@connections` management API (the edge's connections-api.ts calls it): post a
 * frame (ok / gone / too-large / throttled), read a connection's info, close a connection.
 */
import { WebSocket } from 'ws';
import type { ConnectionInfo, ConnectionRegistry, PostOutcome } from './connection-registry.js';
import { CLOSED_BY_MANAGEMENT_API, closeConnection } from './gateway-connection.js';
import type { GatewayState } from './gateway-state.js';

export function createManagementRegistry(state: GatewayState): ConnectionRegistry {
  const { connections } = state;
  const { messageBytes, maxBufferedBytes } = state.settings;
  return {
    async post(connectionId: string, data: Buffer): Promise<PostOutcome> {
      const connection = connections.get(connectionId);
      const socket = connection?.socket;
      if (connection?.state !== 'open' || !socket || socket.readyState !== WebSocket.OPEN) return 'gone';
      if (data.length > messageBytes) return 'too-large';
      if (socket.bufferedAmount > maxBufferedBytes) return 'throttled';
      connection.lastActiveAt = Date.now();
      // Accepted once queued, as API Gateway answers 200 before the client reads; a slow reader fills the
      // buffer and later posts get 429. Data frames from the management API are text frames.
      socket.send(data, { binary: false });
      return 'ok';
    },
    info(connectionId: string): ConnectionInfo | undefined {
      const connection = connections.get(connectionId);
      if (connection?.state !== 'open') return undefined;
      const info: ConnectionInfo = {
        connectedAt: new Date(connection.context.connectedAt),
        lastActiveAt: new Date(connection.lastActiveAt),
        sourceIp: connection.context.sourceIp,
      };
      if (connection.context.userAgent !== undefined) info.userAgent = connection.context.userAgent;
      return info;
    },
    async close(connectionId: string): Promise<boolean> {
      const connection = connections.get(connectionId);
      if (connection?.state !== 'open' || connection.socket?.readyState !== WebSocket.OPEN) return false;
      closeConnection(connection, CLOSED_BY_MANAGEMENT_API);
      return true;
    },
  };
}
