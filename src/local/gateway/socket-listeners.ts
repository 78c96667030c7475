/**
 * An open connection's socket listeners. They are shared by every connection of one gateway and find theirs
 * through `this` (the emitter), so an idle connection costs no closures of its own (API Gateway holds
 * thousands of idle connections).
 */
import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import { invokeDisconnect } from './disconnect-integration.js';
import { routeFrame } from './frame-routing.js';
import { FrameSizeGuard } from './frame-size-guard.js';
import {
  type Connection,
  closeConnection,
  FRAME_TOO_BIG,
  type GatewaySocket,
  MESSAGE_TOO_BIG,
} from './gateway-connection.js';
import type { GatewayState } from './gateway-state.js';

/** Marks a connection open once its handshake completed and starts listening to its socket. */
export type OpenConnection = (connection: Connection, socket: GatewaySocket, rawSocket: Duplex) => void;

export function createSocketListeners(state: GatewayState): OpenConnection {
  const { log, frameBytes } = state.settings;
  const byRawSocket = new WeakMap<Duplex, Connection>();

  function onRawData(this: Duplex, chunk: Buffer): void {
    const connection = byRawSocket.get(this);
    if (connection?.guard && connection.guard.push(chunk) !== undefined)
      closeConnection(connection, FRAME_TOO_BIG);
  }
  function onSocketMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
    const connection = (this as GatewaySocket).gatewayConnection;
    if (!connection || connection.serverClose) return; // closing: later frames are not routed
    connection.lastActiveAt = Date.now();
    connection.lastMessageAt = connection.lastActiveAt;
    state.invocations.track(routeFrame(state, connection, data, isBinary));
  }
  function onSocketError(this: WebSocket, error: Error & { code?: string }): void {
    const connection = (this as GatewaySocket).gatewayConnection;
    if (!connection) return;
    // `ws` closes with 1009 itself when a message exceeds maxPayload.
    if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') connection.serverClose ??= MESSAGE_TOO_BIG;
    else
      log({
        level: 'warn',
        message: 'socket error',
        connectionId: connection.context.connectionId,
        error: error.message,
      });
  }
  function onSocketClose(this: WebSocket, code: number, reason: Buffer): void {
    const connection = (this as GatewaySocket).gatewayConnection;
    if (!connection) return;
    connection.state = 'closed';
    state.connections.delete(connection.context.connectionId);
    invokeDisconnect(state, connection, connection.serverClose ?? { code, reason: reason.toString('utf8') });
  }

  return (connection, socket, rawSocket) => {
    connection.socket = socket;
    connection.state = 'open';
    socket.gatewayConnection = connection;
    connection.guard = new FrameSizeGuard(frameBytes);
    byRawSocket.set(rawSocket, connection);
    // Prepended so the guard reads each frame header before `ws` can emit the message it belongs to.
    rawSocket.prependListener('data', onRawData);
    // The idle timeout counts from the handshake.
    connection.lastMessageAt = Date.now();
    socket.on('message', onSocketMessage);
    socket.on('error', onSocketError);
    socket.on('close', onSocketClose);
    log({ level: 'info', message: 'connected', connectionId: connection.context.connectionId });
  };
}
