/**
 * Builders for the Lambda events API Gateway WebSocket APIs send: the REQUEST authorizer event, `$connect`,
 * MESSAGE (custom routes and `$default`) and `$disconnect`. Shapes follow `src/handlers/events.ts` and the
 * semantics reference (every `requestContext` field, the authorizer context on every event after connect).
 */
import { randomBytes } from 'node:crypto';
import type {
  AuthorizerRequestEvent,
  RequestAuthorizer,
  WebSocketConnectEvent,
  WebSocketDisconnectEvent,
  WebSocketMessageEvent,
  WebSocketRequestContextBase,
} from '../../handlers/events.js';

/** API Gateway ids (connectionId, requestId, messageId) are 11 random bytes in base64: 16 chars ending in `=`. */
export function newApiGatewayId(): string {
  return randomBytes(11).toString('base64');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `requestTime` uses the Common Log Format in UTC, e.g. `27/Nov/2026:10:00:00 +0000`. */
export function formatRequestTime(date: Date): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return (
    `${pad(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`
  );
}

/** What the gateway knows about a connection; the same for every event of it. */
export interface ConnectionEventContext {
  connectionId: string;
  /** Epoch milliseconds of the upgrade request. */
  connectedAt: number;
  apiId: string;
  stage: string;
  domainName: string;
  sourceIp: string;
  userAgent?: string;
  /** Set once the authorizer allowed the connection; carried into every later event. */
  authorizer?: RequestAuthorizer;
}

/** The upgrade request as API Gateway passes it to the authorizer and `$connect`. */
export interface UpgradeRequestParts {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  /** Absent when the URL has no query string (as in AWS). */
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
}

/**
 * Splits Node's raw header list (names in their original case, as API Gateway preserves them) and the URL's
 * query string into the single- and multi-value maps of the event. Single-value maps keep the last value.
 */
export function upgradeRequestParts(
  rawHeaders: readonly string[],
  url: string,
  forwarded: { sourceIp: string; port: number },
): UpgradeRequestParts {
  const headers: Record<string, string> = {};
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    const name = rawHeaders[i] as string;
    const value = rawHeaders[i + 1] as string;
    headers[name] = value;
    const values = multiValueHeaders[name] ?? [];
    values.push(value);
    multiValueHeaders[name] = values;
  }
  // API Gateway adds these for the integration; handlers may log them.
  const added: Record<string, string> = {
    'X-Forwarded-For': forwarded.sourceIp,
    'X-Forwarded-Port': String(forwarded.port),
    'X-Forwarded-Proto': 'http',
  };
  for (const [name, value] of Object.entries(added)) {
    if (!Object.keys(headers).some((h) => h.toLowerCase() === name.toLowerCase())) {
      headers[name] = value;
      multiValueHeaders[name] = [value];
    }
  }
  const parts: UpgradeRequestParts = { headers, multiValueHeaders };
  const queryIndex = url.indexOf('?');
  if (queryIndex >= 0 && queryIndex < url.length - 1) {
    const params = new URLSearchParams(url.slice(queryIndex + 1));
    const single: Record<string, string> = {};
    const multi: Record<string, string[]> = {};
    for (const [key, value] of params) {
      single[key] = value;
      const values = multi[key] ?? [];
      values.push(value);
      multi[key] = values;
    }
    if (Object.keys(single).length > 0) {
      parts.queryStringParameters = single;
      parts.multiValueQueryStringParameters = multi;
    }
  }
  return parts;
}

function requestContext(
  connection: ConnectionEventContext,
  routeKey: string,
  eventType: WebSocketRequestContextBase['eventType'],
  now: Date,
): WebSocketRequestContextBase {
  const requestId = newApiGatewayId();
  const context: WebSocketRequestContextBase = {
    routeKey,
    eventType,
    extendedRequestId: requestId,
    requestTime: formatRequestTime(now),
    messageDirection: 'IN',
    stage: connection.stage,
    connectedAt: connection.connectedAt,
    requestTimeEpoch: now.getTime(),
    identity: { sourceIp: connection.sourceIp },
    requestId,
    domainName: connection.domainName,
    connectionId: connection.connectionId,
    apiId: connection.apiId,
  };
  if (connection.userAgent !== undefined) context.identity.userAgent = connection.userAgent;
  if (connection.authorizer !== undefined) context.authorizer = { ...connection.authorizer };
  return context;
}

/** `arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/$connect` */
export function connectMethodArn(
  connection: Pick<ConnectionEventContext, 'apiId' | 'stage'>,
  region: string,
  accountId: string,
): string {
  return `arn:aws:execute-api:${region}:${accountId}:${connection.apiId}/${connection.stage}/$connect`;
}

export function buildAuthorizerRequestEvent(
  connection: ConnectionEventContext,
  request: UpgradeRequestParts,
  options: { region: string; accountId: string; stageVariables?: Record<string, string>; now?: Date },
): AuthorizerRequestEvent {
  const base = requestContext(
    { ...connection, authorizer: undefined },
    '$connect',
    'CONNECT',
    options.now ?? new Date(),
  );
  const event: AuthorizerRequestEvent = {
    type: 'REQUEST',
    methodArn: connectMethodArn(connection, options.region, options.accountId),
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    requestContext: { ...base, eventType: 'CONNECT', routeKey: '$connect' },
  };
  if (request.queryStringParameters) {
    event.queryStringParameters = request.queryStringParameters;
    event.multiValueQueryStringParameters = request.multiValueQueryStringParameters ?? {};
  }
  if (options.stageVariables) event.stageVariables = options.stageVariables;
  return event;
}

export function buildConnectEvent(
  connection: ConnectionEventContext,
  request: UpgradeRequestParts,
  now: Date = new Date(),
): WebSocketConnectEvent {
  const base = requestContext(connection, '$connect', 'CONNECT', now);
  const event: WebSocketConnectEvent = {
    headers: request.headers,
    multiValueHeaders: request.multiValueHeaders,
    requestContext: { ...base, eventType: 'CONNECT', routeKey: '$connect' },
    isBase64Encoded: false,
  };
  if (request.queryStringParameters) {
    event.queryStringParameters = request.queryStringParameters;
    event.multiValueQueryStringParameters = request.multiValueQueryStringParameters ?? {};
  }
  return event;
}

/** A text frame's body is the raw string; a binary frame's body is its base64 with `isBase64Encoded: true`. */
export function buildMessageEvent(
  connection: ConnectionEventContext,
  routeKey: string,
  frame: { body: string; isBase64Encoded: boolean },
  now: Date = new Date(),
): WebSocketMessageEvent {
  const base = requestContext(connection, routeKey, 'MESSAGE', now);
  return {
    requestContext: { ...base, eventType: 'MESSAGE', messageId: newApiGatewayId() },
    body: frame.body,
    isBase64Encoded: frame.isBase64Encoded,
  };
}

export function buildDisconnectEvent(
  connection: ConnectionEventContext,
  close: { statusCode: number; reason: string },
  now: Date = new Date(),
): WebSocketDisconnectEvent {
  const base = requestContext(connection, '$disconnect', 'DISCONNECT', now);
  // API Gateway sends a few fixed headers on $disconnect (no client headers: the socket is gone).
  const headers: Record<string, string> = {
    Host: connection.domainName,
    'x-api-key': '',
    'X-Forwarded-For': '',
    'x-restapi': '',
  };
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) multiValueHeaders[name] = [value];
  return {
    headers,
    multiValueHeaders,
    requestContext: {
      ...base,
      eventType: 'DISCONNECT',
      routeKey: '$disconnect',
      disconnectStatusCode: close.statusCode,
      disconnectReason: close.reason,
    },
    isBase64Encoded: false,
  };
}
