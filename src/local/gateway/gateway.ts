/**
 * The local WebSocket gateway: a `ws` server with API Gateway WebSocket API semantics (README.md beside this
 * file). This module wires its parts:
 *
 * - upgrade-handler.ts: request checks, the *connecting* entry, then connect-authorization.ts (authorizer and
 *   `$connect`) and the handshake; upgrade-refusal.ts writes the HTTP answers.
 * - socket-listeners.ts: an open connection's listeners (frame limit, close, errors); frame-routing.ts routes
 *   each frame to its integration; disconnect-integration.ts runs `$disconnect`.
 * - management-registry.ts: the `@connections` side (post, info, close).
 * - connection-limits.ts: idle timeout and maximum duration; gateway-shutdown.ts: `stop()`.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { startLimitSweep } from './connection-limits.js';
import { GatewaySocket, openConnectionIds } from './gateway-connection.js';
import { type Gateway, type GatewayOptions, resolveGatewaySettings } from './gateway-options.js';
import { shutdownGateway } from './gateway-shutdown.js';
import { createGatewayState } from './gateway-state.js';
import { createManagementRegistry } from './management-registry.js';
import { createSocketListeners } from './socket-listeners.js';
import { createUpgradeHandler } from './upgrade-handler.js';
import { refuseUpgrade } from './upgrade-refusal.js';

export { GOING_AWAY } from './gateway-connection.js';
export type {
  FunctionInvoker,
  Gateway,
  GatewayLogEntry,
  GatewayOptions,
  GatewayRoute,
} from './gateway-options.js';

/** A plain HTTP request gets 426, as API Gateway answers one. */
function createHttpServer(): Server {
  return createServer((_req, res) => {
    res.writeHead(426, { 'Content-Type': 'application/json', Upgrade: 'websocket' });
    res.end(JSON.stringify({ message: 'This is a WebSocket endpoint: connect with a WebSocket client.' }));
  });
}

async function listen(server: Server, port: number, host: string): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`WebSocket gateway: port ${port} on ${host} is already in use`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  return (server.address() as AddressInfo).port;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const settings = resolveGatewaySettings(options);
  const state = createGatewayState(settings);
  /** `$connect`'s Sec-WebSocket-Protocol answer, handed to `handleProtocols` for this request. */
  const protocolAnswers = new WeakMap<IncomingMessage, string>();
  const wss = new WebSocketServer<typeof GatewaySocket>({
    noServer: true,
    WebSocket: GatewaySocket,
    // The gateway keeps its own table of connections; a second set in `ws` would only cost memory.
    clientTracking: false,
    maxPayload: settings.messageBytes,
    // API Gateway does not negotiate permessage-deflate; without it wire length = payload length.
    perMessageDeflate: false,
    handleProtocols: (_offered, request) => protocolAnswers.get(request) ?? false,
  });
  const stopLimitSweep = startLimitSweep(state);
  const handleUpgrade = createUpgradeHandler(state, wss, protocolAnswers, createSocketListeners(state));

  const server = createHttpServer();
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    state.invocations.track(
      handleUpgrade(req, socket, head).catch((error: unknown) => {
        settings.log({ level: 'error', message: 'upgrade failed', error: String(error) });
        refuseUpgrade(socket, 500, '{"message":"Internal server error"}');
      }),
    );
  });
  state.port = await listen(server, settings.port, settings.host);

  return {
    url: `ws://${settings.host}:${state.port}`,
    host: settings.host,
    port: state.port,
    stage: settings.stage,
    registry: createManagementRegistry(state),
    openConnectionIds: () => openConnectionIds(state.connections),
    stop: () => shutdownGateway(state, { server, wss, stopLimitSweep }),
  };
}
