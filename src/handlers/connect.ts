/**
 * `$connect`: decides the requested topics and the positions sent (`since`, `recovery`), writes the connection's rows and
 * enqueues one delivery job (welcome, history or positioned replay, inbox) — it never posts (API Gateway answers 410 until `$connect` returned) and never
 * waits for the backlog. Answers `Sec-WebSocket-Protocol: bearer` when the client offered that subprotocol.
 */
import { randomUUID } from 'node:crypto';
import type { ConnectionService } from '../core/connections.js';
import { parseRecoveryParameter, parseSinceParameter } from '../core/stream-positions.js';
import { parseTopicsParameter } from '../core/topic-access.js';
import type { LambdaContext, WebSocketConnectEvent, WebSocketRouteResult } from './events.js';
import { count, instrumented, log, withCorrelationId } from './runtime/observability.js';
import { connectionService, deliveryQueue, tokenChecks } from './runtime/services.js';
import { identityFromAuthorizer, offersBearerSubprotocol } from './runtime/websocket.js';

export interface ConnectDeps {
  connections: ConnectionService;
  newCorrelationId?: () => string;
}

export function createConnectHandler(deps: ConnectDeps) {
  const newCorrelationId = deps.newCorrelationId ?? (() => randomUUID());
  return (event: WebSocketConnectEvent, context?: LambdaContext): Promise<WebSocketRouteResult> =>
    instrumented(context, async () => {
      const { connectionId, connectedAt } = event.requestContext;
      const identity = identityFromAuthorizer(event.requestContext.authorizer);
      if (!identity) {
        // Only reachable when the route has no (or another) authorizer: refuse rather than guess a user.
        log.error('no valid authorizer context on $connect', { connectionId });
        return { statusCode: 401 };
      }
      const requestedTopics = parseTopicsParameter(
        event.queryStringParameters?.topics,
        event.multiValueQueryStringParameters?.topics,
      );
      // Read up to x-limits.sinceMaxLength characters only: the positions are checked in register().
      const since = parseSinceParameter(
        event.queryStringParameters?.since,
        event.multiValueQueryStringParameters?.since,
      );
      // An unknown value is ignored (contract): the answers come as `recovery` frames, the log says why.
      const recovery = parseRecoveryParameter(
        event.queryStringParameters?.recovery,
        event.multiValueQueryStringParameters?.recovery,
      );
      const correlationId = newCorrelationId();
      await withCorrelationId(correlationId, async () => {
        const result = await deps.connections.register({
          connectionId,
          identity,
          requestedTopics,
          connectedAt: connectedAt || Date.now(),
          correlationId,
          since,
          recovery: recovery.placement,
        });
        count('Connections');
        log.info('connection registered', {
          connectionId,
          userId: identity.userId,
          realm: identity.realm,
          accepted: result.accepted,
          rejected: result.rejected.map((r) => `${r.topic}:${r.code}`),
          since: result.job.since?.map((s) => `${s.topic}~${s.offset}~${s.epoch}`),
          sinceRejected: result.job.sinceRejected?.map((r) => `${r.topic}:${r.code}`),
          recovery: recovery.placement,
          ...(recovery.ignored ? { recoveryIgnored: recovery.ignored } : {}),
          tokenCheckInSeconds: result.tokenCheckInSeconds,
        });
      });
      const response: WebSocketRouteResult = { statusCode: 200 };
      if (offersBearerSubprotocol(event.headers)) response.headers = { 'Sec-WebSocket-Protocol': 'bearer' };
      return response;
    });
}

export const handler = createConnectHandler({
  connections: connectionService(deliveryQueue(), tokenChecks()),
});
