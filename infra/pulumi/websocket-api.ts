/**
 * The API Gateway WebSocket API: the API and its @connections endpoint, the `$connect` authorizer, and one route
 * per entry of the generated route table (a Lambda proxy integration, or a mock API Gateway answers itself).
 */
import { createHash } from 'node:crypto';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { FunctionRoute, HandlerName, MockRoute, RouteDefinition } from '../../generated/index.js';
import { functionTable, routeKeys, routeTable } from '../../generated/index.js';
import { MOCK_REQUEST_TEMPLATE, mockReplyTemplate, mockReplyTemplates } from '../../src/core/mock-replies.js';
import { functionName as stackFunctionName } from '../../src/publisher/trace/aws-names.js';
import type { StackConfig } from './config.js';
import type { DeployedFunction } from './functions.js';
import { CLOSE_CONNECTIONS_METHOD, MANAGE_CONNECTIONS_METHOD } from './platform-constants.js';

export interface WebsocketApi {
  api: aws.apigatewayv2.Api;
  /** The @connections endpoint the functions post to. */
  managementEndpoint: pulumi.Output<string>;
  manageConnectionsArn: pulumi.Output<string>;
  closeConnectionsArn: pulumi.Output<string>;
}

export function createWebsocketApi(
  config: StackConfig,
  prefix: string,
  tags: Record<string, string>,
): WebsocketApi {
  const api = new aws.apigatewayv2.Api('websocket-api', {
    name: prefix,
    protocolType: 'WEBSOCKET',
    routeSelectionExpression: '$request.body.action',
    description: `wspush push platform (${config.stack})`,
    tags,
  });
  const connectionsArn = (method: string) =>
    pulumi.interpolate`${api.executionArn}/${config.stageName}/${method}/@connections/*`;
  return {
    api,
    managementEndpoint: pulumi.interpolate`https://${api.id}.execute-api.${config.region}.amazonaws.com/${config.stageName}`,
    manageConnectionsArn: connectionsArn(MANAGE_CONNECTIONS_METHOD),
    closeConnectionsArn: connectionsArn(CLOSE_CONNECTIONS_METHOD),
  };
}

type FunctionOf = (handler: HandlerName) => DeployedFunction;

/** The REQUEST authorizer of each `authorizer` function, invocable by API Gateway. */
export function createAuthorizers(
  api: aws.apigatewayv2.Api,
  config: StackConfig,
  functionOf: FunctionOf,
): Map<HandlerName, aws.apigatewayv2.Authorizer> {
  const authorizers = new Map<HandlerName, aws.apigatewayv2.Authorizer>();
  for (const definition of functionTable) {
    if (definition.trigger.kind !== 'authorizer') continue;
    const { fn } = functionOf(definition.handler);
    const authorizer = new aws.apigatewayv2.Authorizer(`${definition.handler}-authorizer`, {
      apiId: api.id,
      name: stackFunctionName(config.stack, definition.handler),
      authorizerType: 'REQUEST',
      authorizerUri: fn.invokeArn,
      // At most one identity source (they are ANDed); `none` lets the function read query, subprotocol or
      // header itself. See docs/operations.md#identity-source.
      identitySources:
        config.authorizerIdentitySource === 'none' ? undefined : [config.authorizerIdentitySource],
    });
    new aws.lambda.Permission(`${definition.handler}-invoke-by-apigateway`, {
      action: 'lambda:InvokeFunction',
      function: fn.name,
      principal: 'apigateway.amazonaws.com',
      sourceArn: pulumi.interpolate`${api.executionArn}/authorizers/${authorizer.id}`,
    });
    authorizers.set(definition.handler, authorizer);
  }
  return authorizers;
}

/** Every route of the route table; the resources a deployment must wait for. */
export function createRoutes(
  api: aws.apigatewayv2.Api,
  config: StackConfig,
  functionOf: FunctionOf,
  authorizers: ReadonlyMap<HandlerName, aws.apigatewayv2.Authorizer>,
): pulumi.Resource[] {
  return routeKeys.flatMap((routeKey) => {
    const route: RouteDefinition = routeTable[routeKey];
    const name = routeLogicalName(routeKey);
    if (route.integration === 'mock') return mockRoute(api, name, route);
    const authorizerId = route.authorizer === undefined ? undefined : authorizers.get(route.authorizer)?.id;
    if (route.authorizer !== undefined && authorizerId === undefined)
      throw new Error(`Route ${routeKey} names authorizer "${route.authorizer}", not deployed`);
    return functionRoute(api, config, {
      name,
      routeKey,
      route,
      fn: functionOf(route.handler).fn,
      authorizerId,
    });
  });
}

/** A stable logical name for a route key (`$connect` → `connect-route`). */
function routeLogicalName(routeKey: string): string {
  return `route-${routeKey.replace(/^\$/, '').replace(/[^A-Za-z0-9-]/g, '') || 'root'}`;
}

interface ProxyRoute {
  name: string;
  routeKey: string;
  route: FunctionRoute;
  fn: aws.lambda.Function;
  authorizerId: pulumi.Input<string> | undefined;
}

/** A route to a function through a Lambda proxy integration; two-way routes send the function's `body` back. */
function functionRoute(api: aws.apigatewayv2.Api, config: StackConfig, r: ProxyRoute): pulumi.Resource[] {
  const integration = new aws.apigatewayv2.Integration(`${r.name}-integration`, {
    apiId: api.id,
    integrationType: 'AWS_PROXY',
    integrationMethod: 'POST',
    integrationUri: r.fn.invokeArn,
    contentHandlingStrategy: 'CONVERT_TO_TEXT',
  });
  const apiRoute = new aws.apigatewayv2.Route(r.name, {
    apiId: api.id,
    routeKey: r.routeKey,
    operationName: r.route.operationId,
    target: pulumi.interpolate`integrations/${integration.id}`,
    authorizationType: r.authorizerId ? 'CUSTOM' : 'NONE',
    authorizerId: r.authorizerId,
    routeResponseSelectionExpression: r.route.twoWay ? '$default' : undefined,
  });
  const resources: pulumi.Resource[] = [integration, apiRoute];
  if (r.route.twoWay) {
    resources.push(
      new aws.apigatewayv2.RouteResponse(`${r.name}-response`, {
        apiId: api.id,
        routeId: apiRoute.id,
        routeResponseKey: '$default',
      }),
    );
  }
  new aws.lambda.Permission(`${r.name}-invoke-by-apigateway`, {
    action: 'lambda:InvokeFunction',
    function: r.fn.name,
    principal: 'apigateway.amazonaws.com',
    sourceArn: pulumi.interpolate`${api.executionArn}/${config.stageName}/${r.routeKey}`,
  });
  return resources;
}

/**
 * A route API Gateway handles itself (`x-integration: mock`): a MOCK integration whose request template selects
 * status 200. Two-way (`ping`): an integration response rendering the contract's reply
 * (`src/core/mock-replies.ts`) and a route response so the rendered frame is sent back. One-way (`keepAlive`):
 * neither — with no route response API Gateway returns nothing over the socket, whatever the integration
 * answers, so the frame only resets the idle timer (one billed message). No function, no invocation.
 */
function mockRoute(api: aws.apigatewayv2.Api, name: string, route: MockRoute): pulumi.Resource[] {
  const integration = new aws.apigatewayv2.Integration(`${name}-integration`, {
    apiId: api.id,
    integrationType: 'MOCK',
    templateSelectionExpression: '\\$default',
    requestTemplates: { $default: MOCK_REQUEST_TEMPLATE },
  });
  const apiRoute = new aws.apigatewayv2.Route(name, {
    apiId: api.id,
    routeKey: route.routeKey,
    operationName: route.operationId,
    target: pulumi.interpolate`integrations/${integration.id}`,
    authorizationType: 'NONE',
    ...(route.twoWay ? { routeResponseSelectionExpression: '$default' } : {}),
  });
  if (!route.twoWay) return [integration, apiRoute];
  const integrationResponse = new aws.apigatewayv2.IntegrationResponse(`${name}-integration-response`, {
    apiId: api.id,
    integrationId: integration.id,
    integrationResponseKey: '$default',
    templateSelectionExpression: '\\$default',
    responseTemplates: { $default: mockReplyTemplate(route.routeKey) },
  });
  const routeResponse = new aws.apigatewayv2.RouteResponse(`${name}-response`, {
    apiId: api.id,
    routeId: apiRoute.id,
    routeResponseKey: '$default',
  });
  return [integration, integrationResponse, apiRoute, routeResponse];
}

/** Hash of everything that changes what a deployment serves, so the deployment is redone when it changes. */
export function routeSetHash(config: StackConfig): string {
  const material = JSON.stringify({
    routes: routeKeys.map((key) => routeTable[key]),
    mockReplies: mockReplyTemplates,
    identitySource: config.authorizerIdentitySource,
  });
  return createHash('sha256').update(material).digest('hex');
}
