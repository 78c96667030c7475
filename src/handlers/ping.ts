/** `ping` (two-way): answers `pong` with the server time; needs no table. */

import { parseClientFrame } from '../core/client-frames.js';
import { errorFrame, pongFrame } from '../core/frames.js';
import type { LambdaContext, WebSocketMessageEvent, WebSocketRouteResult } from './events.js';
import { instrumented } from './runtime/observability.js';
import { replyWith } from './runtime/websocket.js';

export function handler(
  event: WebSocketMessageEvent,
  context?: LambdaContext,
): Promise<WebSocketRouteResult> {
  return instrumented(context, async () => {
    const parsed = parseClientFrame(event.body, event.isBase64Encoded);
    if (!parsed.ok) return replyWith(parsed.reply);
    if (parsed.action !== 'ping') {
      return replyWith(
        errorFrame('UNKNOWN_ACTION', `the ping route does not answer "${parsed.action}"`, parsed.requestId),
      );
    }
    return replyWith(pongFrame(Date.now(), parsed.requestId));
  });
}
