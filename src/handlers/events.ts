/**
 * Lambda event shapes of API Gateway WebSocket APIs, as AWS sends them.
 * `@types/aws-lambda` omits `identity`, `authorizer`, headers and the disconnect fields, so we keep our own.
 * The local gateway builds exactly these shapes (src/local), the handlers consume them (src/handlers).
 */

export type AuthorizerContextValue = string | number | boolean;

/** What our authorizer puts in `context`: scalar values only (API Gateway rejects objects and arrays). */
export interface PlatformAuthorizerContext {
  userId: string;
  realm: string;
  /** Comma-separated role names (arrays are not allowed in an authorizer context). */
  roles: string;
  [key: string]: AuthorizerContextValue;
}

/** `requestContext.authorizer` as API Gateway passes it to every route of the connection. */
export type RequestAuthorizer = PlatformAuthorizerContext & {
  principalId: string;
  integrationLatency: number;
};

export interface WebSocketRequestContextBase {
  routeKey: string;
  messageId?: string;
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT';
  extendedRequestId: string;
  requestTime: string;
  messageDirection: 'IN';
  stage: string;
  connectedAt: number;
  requestTimeEpoch: number;
  identity: { sourceIp: string; userAgent?: string };
  requestId: string;
  domainName: string;
  connectionId: string;
  apiId: string;
  authorizer?: RequestAuthorizer;
}

export interface WebSocketConnectEvent {
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  requestContext: WebSocketRequestContextBase & { eventType: 'CONNECT'; routeKey: '$connect' };
  isBase64Encoded: boolean;
}

export interface WebSocketMessageEvent {
  requestContext: WebSocketRequestContextBase & { eventType: 'MESSAGE'; messageId: string };
  body: string;
  isBase64Encoded: boolean;
}

export interface WebSocketDisconnectEvent {
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
  requestContext: WebSocketRequestContextBase & {
    eventType: 'DISCONNECT';
    routeKey: '$disconnect';
    disconnectStatusCode: number;
    disconnectReason: string;
  };
  isBase64Encoded: boolean;
}

export interface AuthorizerRequestEvent {
  type: 'REQUEST';
  methodArn: string;
  headers: Record<string, string>;
  multiValueHeaders: Record<string, string[]>;
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  stageVariables?: Record<string, string>;
  requestContext: WebSocketRequestContextBase & { eventType: 'CONNECT'; routeKey: '$connect' };
}

export interface AuthorizerResult {
  principalId: string;
  policyDocument: {
    Version: '2012-10-17';
    Statement: Array<{ Action: 'execute-api:Invoke'; Effect: 'Allow' | 'Deny'; Resource: string }>;
  };
  context?: Record<string, AuthorizerContextValue>;
}

/** What a WebSocket route integration returns. For two-way routes `body` is sent back as one frame. */
export interface WebSocketRouteResult {
  statusCode: number;
  headers?: Record<string, string>;
  body?: string;
}

/** The subset of the Lambda context object our handlers and the local runtime use. */
export interface LambdaContext {
  functionName: string;
  functionVersion: string;
  invokedFunctionArn: string;
  memoryLimitInMB: string;
  awsRequestId: string;
  logGroupName: string;
  logStreamName: string;
  callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}
