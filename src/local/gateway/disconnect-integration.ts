/** `$disconnect`: invoked once after every connection `$connect` accepted goes away; best effort, never retried. */
import { buildDisconnectEvent } from '../events/websocket.js';
import type { CloseCause, Connection } from './gateway-connection.js';
import { functionRoute } from './gateway-options.js';
import type { GatewayState } from './gateway-state.js';

export function invokeDisconnect(state: GatewayState, connection: Connection, cause: CloseCause): void {
  const { routes, invoke, log } = state.settings;
  const route = functionRoute(routes, '$disconnect');
  if (!route) return;
  const event = buildDisconnectEvent(connection.context, { statusCode: cause.code, reason: cause.reason });
  state.invocations.track(
    invoke(route.handler, event).catch((error: unknown) => {
      log({
        level: 'error',
        message: '$disconnect integration failed',
        connectionId: connection.context.connectionId,
        error: String(error),
      });
    }),
  );
}
