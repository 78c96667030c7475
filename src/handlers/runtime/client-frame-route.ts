/**
 * A client-frame route (`extendTTL`, `$default`): the frame budget, then a reply or a typed error frame.
 * (`ping` is a mock route: the gateway answers it, no function runs.)
 */
import type { ClientFrameService } from '../../core/client-frames.js';
import { errorFrame } from '../../core/frames.js';
import type { LambdaContext, WebSocketMessageEvent, WebSocketRouteResult } from '../events.js';
import { instrumented, log } from './observability.js';
import { replyWith } from './websocket.js';

export function createClientFrameRoute(deps: { frames: ClientFrameService }) {
  return (event: WebSocketMessageEvent, context?: LambdaContext): Promise<WebSocketRouteResult> =>
    instrumented(context, async () => {
      const { connectionId, routeKey } = event.requestContext;
      try {
        const reply = await deps.frames.respond(connectionId, event.body, event.isBase64Encoded);
        // Closed for its frame budget: the notice was posted, nothing more to send.
        if (reply === undefined) return { statusCode: 200 };
        if (reply.kind === 'error')
          log.info('client frame refused', { connectionId, routeKey, code: reply.code });
        return replyWith(reply);
      } catch (error) {
        // A typed, retryable error frame instead of API Gateway's generic "Internal server error"; no stack trace.
        log.error('client frame failed', { connectionId, routeKey, error: error as Error });
        return replyWith(errorFrame('INTERNAL_ERROR', 'the platform failed; try again'));
      }
    });
}
