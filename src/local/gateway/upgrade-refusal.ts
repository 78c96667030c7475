/** Refuses a WebSocket upgrade with an HTTP status and a JSON body, as API Gateway answers a failed connect. */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/** Ms a refused client gets to read the answer before its socket is destroyed. */
const LINGER_MS = 100;

export function refuseUpgrade(socket: Duplex, status: number, body: string, errorType?: string): void {
  if (socket.destroyed) return;
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  if (errorType) headers.push(`x-amzn-ErrorType: ${errorType}`);
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), LINGER_MS).unref();
}

/** Refuses with `{"message": message}`. */
export function refuseWithMessage(socket: Duplex, status: number, message: string): void {
  refuseUpgrade(socket, status, JSON.stringify({ message }));
}
