/**
 * The local WebSocket gateway: a `ws` server with API Gateway WebSocket API semantics.
 *
 * - Upgrade: REQUEST authorizer (401/403/500), then `$connect` (its status is the upgrade's status, a throw is
 *   502, its `Sec-WebSocket-Protocol` header is echoed in the handshake). Until the handshake completes the
 *   connection is *connecting*: the management API answers 410 for it, as API Gateway does.
 * - Messages: route selection on `$request.body.action`; non-JSON, binary and unmatched frames go to
 *   `$default` (binary frames as base64 with `isBase64Encoded: true`; the `$default` handler answers them).
 *   Two-way routes send the returned `body` back; a throwing integration yields the
 *   `{"message":"Internal server error",...}` frame and the socket stays open.
 * - Limits: 32 KB frames and 128 KB messages (close 1009), idle timeout and maximum duration (close 1001).
 * - `$disconnect` after every opened connection closes, with `disconnectStatusCode`/`disconnectReason`.
 */
import { createServer, type IncomingMessage, type Server, STATUS_CODES } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import type { RequestAuthorizer } from '../../handlers/events.js';
import {
  buildAuthorizerRequestEvent,
  buildConnectEvent,
  buildDisconnectEvent,
  buildMessageEvent,
  type ConnectionEventContext,
  connectMethodArn,
  newApiGatewayId,
  upgradeRequestParts,
} from '../events/websocket.js';
import { createRequestGuard } from '../request-guard.js';
import { decideAuthorizer } from './authorizer-result.js';
import type { ConnectionInfo, ConnectionRegistry, PostOutcome } from './connection-registry.js';
import { FrameSizeGuard } from './frame-size-guard.js';
import { StringPool } from './string-pool.js';

/** Invokes a Lambda function by name (the local runtime's `invokeFunction`) and resolves with its result. */
export type FunctionInvoker = (functionName: string, event: unknown) => Promise<unknown>;

/** The part of the generated route table the gateway needs. */
export interface GatewayRoute {
  routeKey: string;
  handler: string;
  twoWay: boolean;
  authorizer?: string;
}

export interface GatewayLogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  connectionId?: string;
  [key: string]: unknown;
}

export interface GatewayOptions {
  routes: Readonly<Record<string, GatewayRoute>>;
  invoke: FunctionInvoker;
  host?: string;
  /** 0 picks a free port. Default 3001. */
  port?: number;
  stage?: string;
  apiId?: string;
  region?: string;
  accountId?: string;
  idleTimeoutSeconds?: number;
  maxConnectionSeconds?: number;
  frameBytes?: number;
  messageBytes?: number;
  /** A POST is throttled (429) while the socket's send buffer holds more than this. Default 1 MiB. */
  maxBufferedBytes?: number;
  log?: (entry: GatewayLogEntry) => void;
  /**
   * Test seam: awaited after `$connect` succeeded and before the handshake completes, i.e. while the
   * connection is *connecting* (the management API answers 410). Tests publish here to hit that race.
   */
  onConnecting?: (connectionId: string) => Promise<void> | void;
}

export interface Gateway {
  /** `ws://host:port` */
  url: string;
  host: string;
  port: number;
  stage: string;
  registry: ConnectionRegistry;
  /** Ids of open connections (for tests and the console). */
  openConnectionIds(): string[];
  /** Closes every socket with 1001, waits for the `$disconnect` invocations, then closes the server. */
  stop(): Promise<void>;
}

interface CloseCause {
  code: number;
  reason: string;
}

interface Connection {
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
class GatewaySocket extends WebSocket {
  gatewayConnection: Connection | undefined = undefined;
}

export const GOING_AWAY: CloseCause = { code: 1001, reason: 'Going away' };
const FRAME_TOO_BIG: CloseCause = { code: 1009, reason: 'Frame size exceeds the 32 KB limit' };
const MESSAGE_TOO_BIG: CloseCause = { code: 1009, reason: 'Message size exceeds the 128 KB limit' };

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name.toLowerCase() && typeof value === 'string') return value;
  }
  return undefined;
}

/** Shared no-op 'error' listener for sockets still in the upgrade. */
function ignoreError(): void {}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function failUpgrade(socket: Duplex, status: number, body: string, errorType?: string): void {
  if (socket.destroyed) return;
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
  ];
  if (errorType) headers.push(`x-amzn-ErrorType: ${errorType}`);
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), 100).unref();
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const host = options.host ?? '127.0.0.1';
  const stage = options.stage ?? 'local';
  const apiId = options.apiId ?? 'wspushloc1';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '000000000000';
  const idleMs = (options.idleTimeoutSeconds ?? 600) * 1000;
  const maxMs = (options.maxConnectionSeconds ?? 7200) * 1000;
  const frameBytes = options.frameBytes ?? 32 * 1024;
  const messageBytes = options.messageBytes ?? 128 * 1024;
  const maxBuffered = options.maxBufferedBytes ?? 1024 * 1024;
  const routes = options.routes;
  const log =
    options.log ??
    ((entry: GatewayLogEntry) => {
      if (entry.level !== 'info')
        process.stderr.write(`${JSON.stringify({ source: 'gateway', ...entry })}\n`);
    });

  const connections = new Map<string, Connection>();
  /** Many connections share a source IP, host, user agent, realm and roles: one copy each. */
  const strings = new StringPool();
  /** `$connect`'s Sec-WebSocket-Protocol answer, handed to `handleProtocols` for this request. */
  const protocolAnswers = new WeakMap<IncomingMessage, string>();
  const pending = new Set<Promise<unknown>>();
  let stopping = false;

  const track = <T>(promise: Promise<T>): Promise<T> => {
    pending.add(promise);
    void promise.finally(() => pending.delete(promise)).catch(() => {});
    return promise;
  };

  const wss = new WebSocketServer<typeof GatewaySocket>({
    noServer: true,
    WebSocket: GatewaySocket,
    // The gateway keeps its own table of connections; a second set in `ws` would only cost memory.
    clientTracking: false,
    maxPayload: messageBytes,
    // API Gateway does not negotiate permessage-deflate; without it wire length = payload length.
    perMessageDeflate: false,
    handleProtocols: (_offered, request) => protocolAnswers.get(request) ?? false,
  });

  const server: Server = createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'application/json', Upgrade: 'websocket' });
    res.end(JSON.stringify({ message: 'This is a WebSocket endpoint: connect with a WebSocket client.' }));
  });

  const send = (connection: Connection, frame: string): void => {
    if (connection.socket?.readyState === WebSocket.OPEN) connection.socket.send(frame);
  };

  const closeWith = (connection: Connection, cause: CloseCause): void => {
    if (!connection.socket || connection.state !== 'open') return;
    connection.serverClose ??= cause;
    connection.socket.close(cause.code, cause.reason);
    // A client that never answers the close handshake is dropped (API Gateway does not wait either).
    setTimeout(() => connection.socket?.terminate(), 2000).unref();
  };

  const invokeDisconnect = (connection: Connection, cause: CloseCause): void => {
    const route = routes.$disconnect;
    if (!route) return;
    const event = buildDisconnectEvent(connection.context, { statusCode: cause.code, reason: cause.reason });
    track(
      options.invoke(route.handler, event).catch((error: unknown) => {
        log({
          level: 'error',
          message: '$disconnect integration failed',
          connectionId: connection.context.connectionId,
          error: String(error),
        });
      }),
    );
  };

  const routeMessage = async (connection: Connection, data: Buffer, isBinary: boolean): Promise<void> => {
    let routeKey = '$default';
    let body: string;
    if (isBinary) {
      body = data.toString('base64');
    } else {
      body = data.toString('utf8');
      try {
        const parsed: unknown = JSON.parse(body);
        const action = isRecord(parsed) ? parsed.action : undefined;
        if (typeof action === 'string' && !action.startsWith('$') && Object.hasOwn(routes, action))
          routeKey = action;
      } catch {
        // Not JSON: `$default`, as API Gateway does when the selection expression cannot be evaluated.
      }
    }
    const event = buildMessageEvent(connection.context, routeKey, { body, isBase64Encoded: isBinary });
    const reply = (message: string): void =>
      send(
        connection,
        JSON.stringify({
          message,
          connectionId: connection.context.connectionId,
          requestId: event.requestContext.requestId,
        }),
      );
    const route = routes[routeKey];
    if (!route) {
      reply('Forbidden');
      return;
    }
    let result: unknown;
    try {
      result = await options.invoke(route.handler, event);
    } catch (error) {
      log({
        level: 'error',
        message: `${routeKey} integration failed`,
        connectionId: connection.context.connectionId,
        error: String(error),
      });
      reply('Internal server error');
      return;
    }
    if (route.twoWay && isRecord(result) && result.body !== undefined && result.body !== null) {
      send(connection, typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
    }
  };

  /**
   * The idle timeout and the maximum duration: one sweep over the open connections every `sweepMs` (a tenth
   * of the shorter limit, 50 ms to 1 s) instead of a timer per connection, which idle connections would each
   * pay for. A limit is enforced at most `sweepMs` late; API Gateway is not exact either.
   */
  const sweepMs = Math.min(1000, Math.max(50, Math.min(idleMs, maxMs) / 10));
  const sweepLimits = (): void => {
    const now = Date.now();
    for (const connection of connections.values()) {
      if (connection.state !== 'open' || connection.serverClose) continue;
      if (now >= connection.lastMessageAt + idleMs || now >= connection.context.connectedAt + maxMs)
        closeWith(connection, GOING_AWAY);
    }
  };
  const limitSweep = setInterval(sweepLimits, sweepMs);
  limitSweep.unref();

  /**
   * The socket listeners are shared by every connection and find theirs through `this` (the emitter), so an
   * idle connection costs no closures of its own (API Gateway holds thousands of idle connections).
   */
  const byRawSocket = new WeakMap<Duplex, Connection>();

  function onRawData(this: Duplex, chunk: Buffer): void {
    const connection = byRawSocket.get(this);
    if (connection?.guard && connection.guard.push(chunk) !== undefined) closeWith(connection, FRAME_TOO_BIG);
  }
  function onSocketMessage(this: WebSocket, data: Buffer, isBinary: boolean): void {
    const connection = (this as GatewaySocket).gatewayConnection;
    if (!connection || connection.serverClose) return; // closing: later frames are not routed
    connection.lastActiveAt = Date.now();
    connection.lastMessageAt = connection.lastActiveAt;
    track(routeMessage(connection, data, isBinary));
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
    connections.delete(connection.context.connectionId);
    invokeDisconnect(connection, connection.serverClose ?? { code, reason: reason.toString('utf8') });
  }

  const onOpen = (connection: Connection, socket: GatewaySocket, rawSocket: Duplex): void => {
    connection.socket = socket;
    connection.state = 'open';
    socket.gatewayConnection = connection;
    connection.guard = new FrameSizeGuard(frameBytes);
    byRawSocket.set(rawSocket, connection);
    // Prepended so the guard reads each frame header before `ws` can emit the message it belongs to.
    rawSocket.prependListener('data', onRawData);
    // The idle timeout counts from the handshake, as it did when the timer started here.
    connection.lastMessageAt = Date.now();
    socket.on('message', onSocketMessage);
    socket.on('error', onSocketError);
    socket.on('close', onSocketClose);
    log({ level: 'info', message: 'connected', connectionId: connection.context.connectionId });
  };

  const guard = createRequestGuard({ extraHosts: [host] });
  const handleUpgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    socket.on('error', ignoreError); // a client vanishing mid-upgrade is not a server error
    // A page elsewhere than this machine may not open a connection (request-guard.ts); API Gateway has no such
    // check, the local platform needs it because it runs on the developer's machine.
    const allowed = guard.check(req.headers);
    if (!allowed.ok) {
      failUpgrade(socket, allowed.status, JSON.stringify({ message: `Forbidden: ${allowed.reason}` }));
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/' && path !== `/${stage}` && path !== `/${stage}/`) {
      failUpgrade(socket, 404, JSON.stringify({ message: `No API at ${path}: connect to / or /${stage}` }));
      return;
    }
    if (stopping) {
      failUpgrade(socket, 503, JSON.stringify({ message: 'Service Unavailable' }));
      return;
    }
    if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !req.headers['sec-websocket-key']) {
      failUpgrade(socket, 400, JSON.stringify({ message: 'Bad Request: not a WebSocket upgrade' }));
      return;
    }
    const now = new Date();
    const sourceIp = strings.intern((req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''));
    // Every field is present from the start (undefined until known): properties added later would move
    // these long-lived objects' fields into a separate backing store, which idle connections pay for.
    const userAgent = req.headers['user-agent'];
    const context: ConnectionEventContext = {
      connectionId: newApiGatewayId(),
      connectedAt: now.getTime(),
      apiId,
      stage,
      domainName: strings.intern(req.headers.host ?? `${host}:${String(actualPort)}`),
      sourceIp,
      userAgent: userAgent ? strings.intern(userAgent) : undefined,
      authorizer: undefined,
    };
    const connection: Connection = {
      context,
      state: 'connecting',
      socket: undefined,
      lastActiveAt: now.getTime(),
      lastMessageAt: now.getTime(),
      serverClose: undefined,
      guard: undefined,
    };
    const id = context.connectionId;
    connections.set(id, connection);
    let clientGone = false;
    const onClientGone = (): void => {
      clientGone = true;
    };
    socket.once('close', onClientGone);
    const parts = upgradeRequestParts(req.rawHeaders, req.url ?? '/', {
      sourceIp,
      port: actualPort,
    });
    const abandon = (): void => {
      connections.delete(id);
      connection.state = 'closed';
    };

    const connectRoute = routes.$connect;
    const authorizerName = connectRoute?.authorizer;
    if (authorizerName) {
      const event = buildAuthorizerRequestEvent(context, parts, { region, accountId, now });
      const started = Date.now();
      let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await options.invoke(authorizerName, event) };
      } catch (error) {
        outcome = { ok: false, error };
      }
      const decision = decideAuthorizer(
        outcome,
        connectMethodArn(context, region, accountId),
        Date.now() - started,
      );
      if (decision.kind !== 'allow') {
        abandon();
        if (decision.kind === 'unauthorized') {
          failUpgrade(socket, 401, '{"message":"Unauthorized"}', 'UnauthorizedException');
        } else if (decision.kind === 'forbidden') {
          failUpgrade(socket, 403, '{"message":"Forbidden"}', 'AccessDeniedException');
        } else {
          log({ level: 'error', message: 'authorizer failed', connectionId: id, error: decision.reason });
          failUpgrade(socket, 500, '{"message":"Internal server error"}', 'AuthorizerConfigurationException');
        }
        return;
      }
      context.authorizer = strings.internValues(decision.authorizer) satisfies RequestAuthorizer;
    }

    let protocolAnswer: string | undefined;
    if (connectRoute) {
      let result: unknown;
      try {
        result = await options.invoke(connectRoute.handler, buildConnectEvent(context, parts));
      } catch (error) {
        abandon();
        log({
          level: 'error',
          message: '$connect integration failed',
          connectionId: id,
          error: String(error),
        });
        failUpgrade(socket, 502, '{"message":"Internal server error"}');
        return;
      }
      const status = isRecord(result) && typeof result.statusCode === 'number' ? result.statusCode : 200;
      if (status < 200 || status > 299) {
        abandon();
        const body = isRecord(result) && typeof result.body === 'string' ? result.body : '';
        failUpgrade(socket, status, body);
        return;
      }
      protocolAnswer = isRecord(result)
        ? headerValue(result.headers as Record<string, unknown> | undefined, 'Sec-WebSocket-Protocol')
        : undefined;
    }

    if (options.onConnecting) await options.onConnecting(id);
    if (clientGone || socket.destroyed || stopping) {
      // `$connect` accepted a client that left before the handshake: tell `$disconnect` so rows are cleaned.
      abandon();
      invokeDisconnect(connection, stopping ? GOING_AWAY : { code: 1006, reason: 'Connection lost' });
      socket.destroy();
      return;
    }
    if (protocolAnswer !== undefined) protocolAnswers.set(req, protocolAnswer);
    // `ws` may still refuse the handshake (a malformed Sec-WebSocket-Key or version) or find the socket
    // gone, and then never calls back: the connection `$connect` registered must not stay behind.
    socket.off('close', onClientGone);
    const onRefused = (): void => {
      if (connection.state !== 'connecting') return;
      abandon();
      invokeDisconnect(connection, { code: 1006, reason: 'Connection lost' });
    };
    socket.once('close', onRefused);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // From here `ws` owns the socket (and listens for its errors and close): the upgrade-time listeners
      // would only keep this request's scope alive for the life of the connection.
      socket.off('close', onRefused);
      socket.off('error', ignoreError);
      onOpen(connection, ws, socket);
    });
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    track(
      handleUpgrade(req, socket, head).catch((error: unknown) => {
        log({ level: 'error', message: 'upgrade failed', error: String(error) });
        failUpgrade(socket, 500, '{"message":"Internal server error"}');
      }),
    );
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`WebSocket gateway: port ${options.port ?? 3001} on ${host} is already in use`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(options.port ?? 3001, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;

  const registry: ConnectionRegistry = {
    async post(connectionId: string, data: Buffer): Promise<PostOutcome> {
      const connection = connections.get(connectionId);
      const socket = connection?.socket;
      if (connection?.state !== 'open' || !socket || socket.readyState !== WebSocket.OPEN) {
        return 'gone';
      }
      if (data.length > messageBytes) return 'too-large';
      if (socket.bufferedAmount > maxBuffered) return 'throttled';
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
      if (connection?.state !== 'open' || connection.socket?.readyState !== WebSocket.OPEN) {
        return false;
      }
      closeWith(connection, { code: 1000, reason: 'Closed by the @connections API' });
      return true;
    },
  };

  return {
    url: `ws://${host}:${actualPort}`,
    host,
    port: actualPort,
    stage,
    registry,
    openConnectionIds: () =>
      [...connections.values()].filter((c) => c.state === 'open').map((c) => c.context.connectionId),
    async stop(): Promise<void> {
      if (stopping) return;
      stopping = true;
      for (const connection of connections.values()) closeWith(connection, GOING_AWAY);
      // Wait for the close handshakes, then for the `$disconnect` (and any in-flight) invocations.
      const deadline = Date.now() + 3000;
      while ([...connections.values()].some((c) => c.state === 'open') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      for (const connection of connections.values()) connection.socket?.terminate();
      clearInterval(limitSweep);
      while (pending.size > 0 && Date.now() < deadline + 5000) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((r) => setTimeout(r, 100))]);
      }
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
