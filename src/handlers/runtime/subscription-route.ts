/** The body of the `subscribe` and `unsubscribe` routes: the reply is posted by the core, the route returns 200. */
import { randomUUID } from 'node:crypto';
import type { SubscriptionReplies } from '../../core/subscription-replies.js';
import type { LambdaContext, WebSocketMessageEvent, WebSocketRouteResult } from '../events.js';
import { instrumented, logger, withCorrelationId } from './observability.js';
import { identityFromAuthorizer } from './websocket.js';

export function createSubscriptionHandler(deps: {
  replies: SubscriptionReplies;
  newCorrelationId?: () => string;
}) {
  const newCorrelationId = deps.newCorrelationId ?? (() => randomUUID());
  return (event: WebSocketMessageEvent, context?: LambdaContext): Promise<WebSocketRouteResult> =>
    instrumented(context, () =>
      withCorrelationId(newCorrelationId(), async () => {
        const { connectionId, routeKey } = event.requestContext;
        const identity = identityFromAuthorizer(event.requestContext.authorizer);
        if (!identity) logger.error('no valid authorizer context on a subscription route', { connectionId });
        try {
          const summary = await deps.replies.answer(
            connectionId,
            identity,
            event.body,
            event.isBase64Encoded,
          );
          logger.info('subscription frame answered', { connectionId, routeKey, ...summary });
        } catch (error) {
          logger.error('subscription frame failed', { connectionId, routeKey, error: error as Error });
        }
        return { statusCode: 200 };
      }),
    );
}
