/**
 * An HTTP upgrade request to an open WebSocket connection: the request guard, the path and shutdown checks,
 * the connection entry (*connecting* until the handshake completes: the management API answers 410), the
 * authorizer and `$connect` (connect-authorization.ts), then the `ws` handshake.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Server as WebSocketServer } from 'ws';
import { type ConnectionEventContext, newApiGatewayId, upgradeRequestParts } from '../events/websocket.js';
import { createRequestGuard } from '../request-guard.js';
import { admitConnection } from './connect-authorization.js';
import { invokeDisconnect } from './disconnect-integration.js';
import { CONNECTION_LOST, type Connection, type GatewaySocket, GOING_AWAY } from './gateway-connection.js';
import type { GatewayState } from './gateway-state.js';
import type { OpenConnection } from './socket-listeners.js';
import { refuseUpgrade, refuseWithMessage } from './upgrade-refusal.js';

export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void>;

/** Shared no-op 'error' listener for sockets still in the upgrade. */
function ignoreError(): void {}

/** Why a request is not even tried as a connection, or undefined. */
function checkRequest(
  state: GatewayState,
  guard: ReturnType<typeof createRequestGuard>,
  req: IncomingMessage,
): { status: number; message: string } | undefined {
  const { stage } = state.settings;
  // A page elsewhere than this machine may not open a connection (request-guard.ts); API Gateway has no such
  // check, the local platform needs it because it runs on the developer's machine.
  const allowed = guard.check(req.headers);
  if (!allowed.ok) return { status: allowed.status, message: `Forbidden: ${allowed.reason}` };
  const path = (req.url ?? '/').split('?')[0];
  if (path !== '/' && path !== `/${stage}` && path !== `/${stage}/`)
    return { status: 404, message: `No API at ${path}: connect to / or /${stage}` };
  if (state.stopping) return { status: 503, message: 'Service Unavailable' };
  if (req.headers.upgrade?.toLowerCase() !== 'websocket' || !req.headers['sec-websocket-key'])
    return { status: 400, message: 'Bad Request: not a WebSocket upgrade' };
  return undefined;
}

/** The connection entry for an upgrade request, registered as *connecting*. */
function registerConnecting(state: GatewayState, req: IncomingMessage, now: Date): Connection {
  const { strings } = state;
  const { apiId, stage, host } = state.settings;
  const sourceIp = strings.intern((req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''));
  // Every field is present from the start (undefined until known): properties added later would move
  // these long-lived objects' fields into a separate backing store, which idle connections pay for.
  const userAgent = req.headers['user-agent'];
  const context: ConnectionEventContext = {
    connectionId: newApiGatewayId(),
    connectedAt: now.getTime(),
    apiId,
    stage,
    domainName: strings.intern(req.headers.host ?? `${host}:${String(state.port)}`),
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
  state.connections.set(context.connectionId, connection);
  return connection;
}

export function createUpgradeHandler(
  state: GatewayState,
  wss: WebSocketServer<typeof GatewaySocket>,
  protocolAnswers: WeakMap<IncomingMessage, string>,
  openConnection: OpenConnection,
): UpgradeHandler {
  const guard = createRequestGuard({ extraHosts: [state.settings.host] });
  return async (req, socket, head) => {
    socket.on('error', ignoreError); // a client vanishing mid-upgrade is not a server error
    const refused = checkRequest(state, guard, req);
    if (refused) {
      refuseWithMessage(socket, refused.status, refused.message);
      return;
    }
    const now = new Date();
    const connection = registerConnecting(state, req, now);
    const { context } = connection;
    let clientGone = false;
    const onClientGone = (): void => {
      clientGone = true;
    };
    socket.once('close', onClientGone);
    const abandon = (): void => {
      state.connections.delete(context.connectionId);
      connection.state = 'closed';
    };

    const parts = upgradeRequestParts(req.rawHeaders, req.url ?? '/', {
      sourceIp: context.sourceIp,
      port: state.port,
    });
    const admission = await admitConnection(state, context, parts, now);
    if (!admission.admitted) {
      abandon();
      const { status, body, errorType } = admission.refusal;
      refuseUpgrade(socket, status, body, errorType);
      return;
    }

    if (state.settings.onConnecting) await state.settings.onConnecting(context.connectionId);
    if (clientGone || socket.destroyed || state.stopping) {
      // `$connect` accepted a client that left before the handshake: tell `$disconnect` so rows are cleaned.
      abandon();
      invokeDisconnect(state, connection, state.stopping ? GOING_AWAY : CONNECTION_LOST);
      socket.destroy();
      return;
    }
    if (admission.protocolAnswer !== undefined) protocolAnswers.set(req, admission.protocolAnswer);
    // `ws` may still refuse the handshake (a malformed Sec-WebSocket-Key or version) or find the socket
    // gone, and then never calls back: the connection `$connect` registered must not stay behind.
    socket.off('close', onClientGone);
    const onRefused = (): void => {
      if (connection.state !== 'connecting') return;
      abandon();
      invokeDisconnect(state, connection, CONNECTION_LOST);
    };
    socket.once('close', onRefused);
    wss.handleUpgrade(req, socket, head, (ws) => {
      // From here `ws` owns the socket (and listens for its errors and close): the upgrade-time listeners
      // would only keep this request's scope alive for the life of the connection.
      socket.off('close', onRefused);
      socket.off('error', ignoreError);
      openConnection(connection, ws, socket);
    });
  };
}
