/** `$disconnect` (best effort): deletes every row of the connection, found from its meta row. Idempotent. */
import type { ConnectionService } from '../core/connections.js';
import type { LambdaContext, WebSocketDisconnectEvent, WebSocketRouteResult } from './events.js';
import { count, instrumented, log } from './runtime/observability.js';
import { connectionService } from './runtime/services.js';

export function createDisconnectHandler(deps: { connections: ConnectionService }) {
  return (event: WebSocketDisconnectEvent, context?: LambdaContext): Promise<WebSocketRouteResult> =>
    instrumented(context, async () => {
      const { connectionId, disconnectStatusCode, disconnectReason } = event.requestContext;
      const removed = await deps.connections.unregister(connectionId);
      count('Disconnections');
      log.info('connection closed', {
        connectionId,
        disconnectStatusCode,
        disconnectReason,
        rowsFound: removed !== undefined,
        userId: removed?.userId,
      });
      return { statusCode: 200 };
    });
}

export const handler = createDisconnectHandler({ connections: connectionService() });
