/**
 * The two integrations that decide an upgrade: the `$connect` route's REQUEST authorizer (401/403/500) and the
 * `$connect` integration itself (its status is the upgrade's status, a throw is 502, its
 * `Sec-WebSocket-Protocol` header is echoed in the handshake).
 */
import type { RequestAuthorizer } from '../../handlers/events.js';
import {
  buildAuthorizerRequestEvent,
  buildConnectEvent,
  type ConnectionEventContext,
  connectMethodArn,
  type UpgradeRequestParts,
} from '../events/websocket.js';
import { decideAuthorizer } from './authorizer-result.js';
import { isRecord } from './gateway-connection.js';
import { functionRoute } from './gateway-options.js';
import type { GatewayState } from './gateway-state.js';

/** How an upgrade is refused: the HTTP answer API Gateway gives. */
export interface UpgradeRefusal {
  status: number;
  body: string;
  errorType?: string;
}

export type ConnectAdmission =
  | { admitted: true; protocolAnswer: string | undefined }
  | { admitted: false; refusal: UpgradeRefusal };

const INTERNAL_ERROR_BODY = '{"message":"Internal server error"}';

function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name.toLowerCase() && typeof value === 'string') return value;
  }
  return undefined;
}

/** Runs the authorizer when the `$connect` route has one; on Allow its context joins the connection's. */
async function authorize(
  state: GatewayState,
  context: ConnectionEventContext,
  parts: UpgradeRequestParts,
  now: Date,
): Promise<UpgradeRefusal | undefined> {
  const { routes, invoke, region, accountId, log } = state.settings;
  const authorizerName = functionRoute(routes, '$connect')?.authorizer;
  if (!authorizerName) return undefined;
  const event = buildAuthorizerRequestEvent(context, parts, { region, accountId, now });
  const started = Date.now();
  let outcome: { ok: true; value: unknown } | { ok: false; error: unknown };
  try {
    outcome = { ok: true, value: await invoke(authorizerName, event) };
  } catch (error) {
    outcome = { ok: false, error };
  }
  const decision = decideAuthorizer(
    outcome,
    connectMethodArn(context, region, accountId),
    Date.now() - started,
  );
  switch (decision.kind) {
    case 'allow':
      context.authorizer = state.strings.internValues(decision.authorizer) satisfies RequestAuthorizer;
      return undefined;
    case 'unauthorized':
      return { status: 401, body: '{"message":"Unauthorized"}', errorType: 'UnauthorizedException' };
    case 'forbidden':
      return { status: 403, body: '{"message":"Forbidden"}', errorType: 'AccessDeniedException' };
    case 'error':
      log({
        level: 'error',
        message: 'authorizer failed',
        connectionId: context.connectionId,
        error: decision.reason,
      });
      return { status: 500, body: INTERNAL_ERROR_BODY, errorType: 'AuthorizerConfigurationException' };
  }
}

/** Invokes `$connect` (when routed); a non-2xx status refuses the upgrade with that status and body. */
async function invokeConnect(
  state: GatewayState,
  context: ConnectionEventContext,
  parts: UpgradeRequestParts,
): Promise<ConnectAdmission> {
  const { routes, invoke, log } = state.settings;
  const route = functionRoute(routes, '$connect');
  if (!route) return { admitted: true, protocolAnswer: undefined };
  let result: unknown;
  try {
    result = await invoke(route.handler, buildConnectEvent(context, parts));
  } catch (error) {
    log({
      level: 'error',
      message: '$connect integration failed',
      connectionId: context.connectionId,
      error: String(error),
    });
    return { admitted: false, refusal: { status: 502, body: INTERNAL_ERROR_BODY } };
  }
  if (!isRecord(result)) return { admitted: true, protocolAnswer: undefined };
  const status = typeof result.statusCode === 'number' ? result.statusCode : 200;
  if (status < 200 || status > 299) {
    const body = typeof result.body === 'string' ? result.body : '';
    return { admitted: false, refusal: { status, body } };
  }
  const headers = result.headers as Record<string, unknown> | undefined;
  return { admitted: true, protocolAnswer: headerValue(headers, 'Sec-WebSocket-Protocol') };
}

/** The authorizer, then `$connect`: admitted, or the refusal the client gets. */
export async function admitConnection(
  state: GatewayState,
  context: ConnectionEventContext,
  parts: UpgradeRequestParts,
  now: Date,
): Promise<ConnectAdmission> {
  const refusal = await authorize(state, context, parts, now);
  if (refusal) return { admitted: false, refusal };
  return invokeConnect(state, context, parts);
}
