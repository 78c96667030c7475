/**
 * A client frame to its route's integration: route selection on `$request.body.action` (non-JSON, binary and
 * unmatched frames go to `$default`), then the two-way route's reply, or the error frame API Gateway sends.
 * Every frame, routed or not, has already reset the connection's idle timer (socket-listeners.ts).
 */
import { buildMessageEvent } from '../events/websocket.js';
import { type Connection, isRecord, sendFrame } from './gateway-connection.js';
import type { GatewayRoute } from './gateway-options.js';
import type { GatewayState } from './gateway-state.js';
import { renderMockReply } from './mock-integration.js';

/** The route key API Gateway selects for a text frame: its JSON `action` when a route has that name. */
export function selectRouteKey(routes: Readonly<Record<string, GatewayRoute>>, body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const action = isRecord(parsed) ? parsed.action : undefined;
    if (typeof action === 'string' && !action.startsWith('$') && Object.hasOwn(routes, action)) return action;
  } catch {
    // Not JSON: `$default`, as API Gateway does when the selection expression cannot be evaluated.
  }
  return '$default';
}

export async function routeFrame(
  state: GatewayState,
  connection: Connection,
  data: Buffer,
  isBinary: boolean,
): Promise<void> {
  const { routes, invoke, log } = state.settings;
  // Binary frames are not selected on: `$default` gets them as base64 and decides.
  const body = isBinary ? data.toString('base64') : data.toString('utf8');
  const routeKey = isBinary ? '$default' : selectRouteKey(routes, body);
  const event = buildMessageEvent(connection.context, routeKey, { body, isBase64Encoded: isBinary });
  const reply = (message: string): void =>
    sendFrame(
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
  if (route.integration === 'mock') {
    // API Gateway handles a mock route itself: no function runs. A two-way mock answers with its template
    // (src/core/mock-replies.ts); a one-way mock (no route response) sends nothing back.
    if (route.twoWay) sendFrame(connection, renderMockReply(routeKey, { ...event.requestContext }));
    return;
  }
  let result: unknown;
  try {
    result = await invoke(route.handler, event);
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
    sendFrame(connection, typeof result.body === 'string' ? result.body : JSON.stringify(result.body));
  }
}
