/** One client connection as the gateway holds it, and the two things done to it: send a frame, close it. */
import { WebSocket } from 'ws';
import type { ConnectionEventContext } from '../events/websocket.js';
import type { FrameSizeGuard } from './frame-size-guard.js';

export interface CloseCause {
  code: number;
  reason: string;
}

export interface Connection {
  context: ConnectionEventContext;
  state: 'connecting' | 'open' | 'closed';
  socket?: WebSocket;
  /** epoch ms of the last frame in either direction (`GET @connections` lastActiveAt) */
  lastActiveAt: number;
  /** epoch ms of the last frame from the client: the idle timeout counts from here */
  lastMessageAt: number;
  /** Set when the gateway decided to close (limits, DELETE, shutdown): reported in `$disconnect`. */
  serverClose?: CloseCause;
  /** Reads the client's frame headers for the 32 KB frame limit (set when the socket opens). */
  guard?: FrameSizeGuard;
}

/** The gateway's sockets carry their connection, so shared listeners find it through `this`. */
export class GatewaySocket extends WebSocket {
  gatewayConnection: Connection | undefined = undefined;
}

/** Open connections by id; a connection is in it from the upgrade request until its socket closes. */
export type ConnectionTable = Map<string, Connection>;

export const GOING_AWAY: CloseCause = { code: 1001, reason: 'Going away' };
export const CONNECTION_LOST: CloseCause = { code: 1006, reason: 'Connection lost' };
export const FRAME_TOO_BIG: CloseCause = { code: 1009, reason: 'Frame size exceeds the 32 KB limit' };
export const MESSAGE_TOO_BIG: CloseCause = { code: 1009, reason: 'Message size exceeds the 128 KB limit' };
export const CLOSED_BY_MANAGEMENT_API: CloseCause = { code: 1000, reason: 'Closed by the @connections API' };

/** Ms a client gets to answer the close handshake before it is dropped (API Gateway does not wait either). */
const CLOSE_HANDSHAKE_MS = 2000;

export function sendFrame(connection: Connection, frame: string): void {
  if (connection.socket?.readyState === WebSocket.OPEN) connection.socket.send(frame);
}

/** Starts the close handshake of an open connection; the first cause is the one `$disconnect` reports. */
export function closeConnection(connection: Connection, cause: CloseCause): void {
  if (!connection.socket || connection.state !== 'open') return;
  connection.serverClose ??= cause;
  connection.socket.close(cause.code, cause.reason);
  setTimeout(() => connection.socket?.terminate(), CLOSE_HANDSHAKE_MS).unref();
}

export function openConnectionIds(connections: ConnectionTable): string[] {
  return [...connections.values()].filter((c) => c.state === 'open').map((c) => c.context.connectionId);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
