/**
 * The few WebSocket features the client needs, satisfied by the browser's `WebSocket`, by the `ws`
 * package in Node, and by the fake socket of the unit tests.
 */

/** The subset of a message/close/error event the client reads. Browsers and `ws` both provide these. */
export interface SocketEvent {
  readonly type: string;
  /** message events: the frame (a string for text frames). */
  data?: unknown;
  /** close events. */
  code?: number;
  reason?: string;
  /** `ws` error events: "Unexpected server response: 401" when the upgrade is refused. */
  message?: string;
}

export type SocketEventType = 'open' | 'message' | 'close' | 'error';

export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: SocketEventType, listener: (event: SocketEvent) => void): void;
}

/** Options only `ws` (Node) understands; browsers ignore a third constructor argument. */
export interface NodeSocketOptions {
  headers?: Record<string, string>;
}

/** A WebSocket class: the global one in browsers (and Node ≥ 22), or `ws`'s `WebSocket` in Node 20. */
export type WebSocketConstructor = new (
  url: string,
  protocols?: string | string[],
  options?: NodeSocketOptions,
) => WebSocketLike;

export const OPEN = 1;

/** Where the token travels on the upgrade request. */
export type TokenTransport = 'subprotocol' | 'query' | 'header';

export interface SocketRequest {
  url: string;
  protocols: string[] | undefined;
  options: NodeSocketOptions | undefined;
}

/**
 * Builds the upgrade request: `topics`, `since` (the stream positions) and `recovery=welcome` in the query
 * string; the token as the `bearer` subprotocol (browsers cannot set headers), as `?token=` (visible in URLs and
 * logs), or as `Authorization: Bearer`.
 */
export function buildSocketRequest(
  baseUrl: string,
  token: string,
  query: { topics: readonly string[]; since?: string | undefined },
  transport: TokenTransport,
): SocketRequest {
  const url = new URL(baseUrl);
  if (query.topics.length > 0) url.searchParams.set('topics', query.topics.join(','));
  if (query.since !== undefined) url.searchParams.set('since', query.since);
  // The answers to `since` in the welcome (contract 1.14): one post less per topic; older servers ignore it.
  url.searchParams.set('recovery', 'welcome');
  if (transport === 'query') url.searchParams.set('token', token);
  return {
    url: url.toString(),
    protocols: transport === 'subprotocol' ? ['bearer', token] : undefined,
    options: transport === 'header' ? { headers: { Authorization: `Bearer ${token}` } } : undefined,
  };
}

/** The HTTP status of a refused upgrade, when the socket implementation reports it (`ws` does). */
export function upgradeStatusOf(event: SocketEvent): number | undefined {
  const match = /Unexpected server response: (\d{3})/.exec(event.message ?? '');
  return match ? Number(match[1]) : undefined;
}

export function isBrowser(): boolean {
  return typeof (globalThis as { document?: unknown }).document !== 'undefined';
}

/** The WebSocket class and token transport for these options; throws a TypeError that says how to fix them. */
export function resolveWebSocket(
  WebSocketOption: WebSocketConstructor | undefined,
  transportOption: TokenTransport | undefined,
): { WebSocketClass: WebSocketConstructor; transport: TokenTransport } {
  const WebSocketClass = WebSocketOption ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!WebSocketClass) {
    throw new TypeError(
      "connect: no global WebSocket here; pass one, e.g. `import { WebSocket } from 'ws'` and `connect({ WebSocket, ... })`",
    );
  }
  const transport = transportOption ?? (isBrowser() ? 'subprotocol' : 'header');
  if (transport === 'header' && isBrowser()) {
    throw new TypeError("connect: browsers cannot send headers on a WebSocket; use transport 'subprotocol'");
  }
  return { WebSocketClass, transport };
}
