/**
 * The platform's AWS resources, derived from the generated contract tables (routes, functions, channels) and
 * one stack's configuration. Nothing here is specific to a stack: `Pulumi.<stack>.yaml` holds the differences.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { FunctionDefinition, HandlerName, MockRoute, RouteDefinition } from '../../generated/index.js';
import { functionTable, limits, routeKeys, routeTable } from '../../generated/index.js';
import { TABLE_KEYS, tableDefinition } from '../../src/adapters/table-definition.js';
import { MOCK_REQUEST_TEMPLATE, mockReplyTemplate, mockReplyTemplates } from '../../src/core/mock-replies.js';
import { fanoutPlan } from '../../src/core/pacing.js';
import { queuePolicy } from '../../src/core/queue-policy.js';
import { functionSettings as settings } from '../../src/handlers/runtime/function-settings.js';
import { formatKafkaTopics } from '../../src/handlers/runtime/kafka-config.js';
import { functionName as stackFunctionName, tracedFunctions } from '../../src/publisher/trace/aws-names.js';
import type { StackConfig } from './config.js';
import { type FunctionNeeds, functionNeeds } from './function-needs.js';
import { deployFunction, type FunctionContext } from './functions.js';
import { createKafkaMappings } from './kafka.js';
import { createMonitoring } from './monitoring.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_DIR = resolve(REPO_ROOT, 'dist/functions');

/** Metrics namespace of the handlers' EMF metrics (docs/design.md §5). */
export const METRICS_NAMESPACE = 'wspush';
/**
 * The one @connections method the functions may call (`execute-api:ManageConnections` is scoped by it in the
 * ARN): they only post. GetConnection (GET) or DeleteConnection (DELETE) would need their own ARNs.
 */
export const MANAGE_CONNECTIONS_METHOD = 'POST';
/** The @connections method of the functions that close connections (`closesConnections`, the frame budget). */
export const CLOSE_CONNECTIONS_METHOD = 'DELETE';
/** Actions AWS offers no resource-level permission for (documented exception to scoped resources). */
export const RESOURCE_WILDCARD_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] as const;

export interface ProgramOptions {
  /** Fail when a function bundle is missing (off only under the unit-test mocks, which never read code). */
  requireBundles: boolean;
}

export interface PlatformOutputs {
  websocketUrl: pulumi.Output<string>;
  managementEndpoint: pulumi.Output<string>;
  tableName: pulumi.Output<string>;
  topicArns: Record<string, pulumi.Output<string>>;
  queueUrls: Record<string, pulumi.Output<string>>;
  publisherPolicyJson: pulumi.Output<string>;
  dashboardName: pulumi.Output<string>;
  /** The log groups of the functions that write trace records (`wspush trace --stack`). */
  traceLogGroups: pulumi.Output<string[]>;
  /** This stack's Kafka topic of each contract channel; undefined when the stack does not enable Kafka. */
  kafkaTopics: Record<string, string> | undefined;
}

export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: pulumi.Input<string>[];
}

/** `delivery-queue` → `DELIVERY_QUEUE_URL` (docs/design.md §3). */
export function queueUrlVariable(channel: string): string {
  return `${channel
    .replace(/-queue$/, '')
    .replace(/-/g, '_')
    .toUpperCase()}_QUEUE_URL`;
}

function logGroupOf(logGroups: ReadonlyMap<string, aws.cloudwatch.LogGroup>, handler: string) {
  const logGroup = logGroups.get(handler);
  if (!logGroup) throw new Error(`no log group was created for the traced function "${handler}"`);
  return logGroup;
}

/** A stable logical name for a route key (`$connect` → `connect-route`). */
function routeLogicalName(routeKey: string): string {
  return `route-${routeKey.replace(/^\$/, '').replace(/[^A-Za-z0-9-]/g, '') || 'root'}`;
}

export function needsOf(handler: HandlerName): FunctionNeeds {
  const needs = (functionNeeds as Partial<Record<string, FunctionNeeds>>)[handler];
  if (!needs) {
    throw new Error(
      `Function "${handler}" from generated/routes.ts has no entry in infra/pulumi/function-needs.ts: ` +
        'declare its table, queue and @connections access there.',
    );
  }
  return needs;
}

export function bundlePath(handler: string, requireBundles: boolean): string {
  const path = resolve(BUNDLE_DIR, handler, 'index.mjs');
  if (requireBundles && !existsSync(path)) {
    throw new Error(`Missing bundle ${path}: run \`npm run build\` before pulumi preview/up.`);
  }
  return path;
}

/** The environment of one function, from its needs and the stack config (docs/design.md §3). */
export function environmentFor(
  handler: HandlerName,
  config: StackConfig,
  refs: {
    tableName: pulumi.Input<string>;
    managementEndpoint: pulumi.Input<string>;
    queueUrls: Record<string, pulumi.Input<string>>;
    /** The function's own failure queue (functions whose needs declare `failureQueue`). */
    failureQueueUrl?: pulumi.Input<string>;
  },
): Record<string, pulumi.Input<string>> {
  const needs = needsOf(handler);
  const env: Record<string, pulumi.Input<string>> = {
    POWERTOOLS_SERVICE_NAME: `wspush-${config.stack}`,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: config.logLevel,
  };
  if (needs.table.length > 0) env.TABLE_NAME = refs.tableName;
  if (needs.postsToConnections) env.WS_MANAGEMENT_ENDPOINT = refs.managementEndpoint;
  for (const channel of [...needs.sendsTo, ...needs.changesVisibilityOn]) {
    const url = refs.queueUrls[channel];
    if (url === undefined) throw new Error(`Function "${handler}" uses unknown queue channel "${channel}"`);
    env[queueUrlVariable(channel)] = url;
  }
  if (needs.failureQueue) {
    if (refs.failureQueueUrl === undefined) throw new Error(`Function "${handler}" has no failure queue`);
    env.FAILURE_QUEUE_URL = refs.failureQueueUrl;
  }
  for (const group of needs.settings) {
    switch (group) {
      case 'jwt':
        env.JWT_ISSUERS = config.jwtIssuers.join(',');
        env.JWT_AUDIENCE = config.jwtAudience.join(',');
        env.JWKS_PATH = config.jwksPath;
        env.JWT_ALLOWED_REALMS = config.jwtAllowedRealms.join(',');
        env.JWT_TRUST_TOP_LEVEL_ROLES = String(config.jwtTrustTopLevelRoles);
        break;
      case 'connectionTtl':
        env[settings.connectionTtlSeconds.env] = String(config.connectionTtlSeconds);
        break;
      case 'deliveryDelay':
        env[settings.deliveryDelaySeconds.env] = String(config.deliveryDelaySeconds);
        break;
      case 'fanoutSharding':
        env[settings.fanoutShardThreshold.env] = String(config.fanoutShardThreshold);
        env[settings.fanoutShardSize.env] = String(config.fanoutShardSize);
        break;
      case 'inbox':
        env[settings.inboxMaxItems.env] = String(config.inboxMaxItems);
        break;
      case 'offlineRetention':
        // Optional: unset, inbox rows keep the contract's retention of their message type.
        if (config.offlineRetentionMaxDays !== undefined)
          env[settings.offlineRetentionMaxDays.env] = String(config.offlineRetentionMaxDays);
        break;
      case 'tokenExpiry':
        // Optional: unset, connections outlive their token.
        if (config.closeExpiredTokensAfterSeconds !== undefined)
          env[settings.closeExpiredTokensAfterSeconds.env] = String(config.closeExpiredTokensAfterSeconds);
        break;
      case 'gatewayLimits':
        // API Gateway's fixed idle timeout and maximum duration (the contract's values), announced in the
        // welcome frame. Not per-stack configuration: AWS does not let a stage change them.
        env.IDLE_TIMEOUT_SECONDS = String(limits.idleTimeoutSeconds);
        env.MAX_CONNECTION_SECONDS = String(limits.maxConnectionSeconds);
        break;
      case 'connectingGrace':
        env[settings.connectingGraceSeconds.env] = String(config.connectingGraceSeconds);
        break;
      case 'postConcurrency':
        env[settings.postConcurrency.env] = String(config.postConcurrency);
        break;
      case 'traceSampling':
        env[settings.traceSamplePerMille.env] = String(config.traceSamplePerMille);
        break;
      case 'postingBudget':
        env[settings.postingBudgetPerSecond.env] = String(config.postingBudgetPerSecond);
        break;
      case 'kafkaTopics':
        if (config.kafka) env.KAFKA_TOPICS = formatKafkaTopics(config.kafka.topics);
        break;
    }
  }
  return env;
}

/**
 * Batch size and maximum concurrency of a queue's event source mapping: the fan-out queue's come from the
 * stack's posting budget (one shard per invocation, just enough workers to post at the budget, paced each at
 * its share); the other queues use `functions.workerBatchSize` / `workerMaxConcurrency`.
 */
export function eventSourceScaling(
  config: StackConfig,
  channel: string,
): { batchSize: number; scalingConfig: { maximumConcurrency: number } } {
  if (channel === 'fanout-queue') {
    const plan = fanoutPlan(config.postingBudgetPerSecond);
    return { batchSize: plan.batchSize, scalingConfig: { maximumConcurrency: plan.workers } };
  }
  return {
    batchSize: config.functions.workerBatchSize,
    scalingConfig: { maximumConcurrency: config.functions.workerMaxConcurrency },
  };
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

/** A deployed Lambda function: its contract definition, the function, its role and policy, its failure queue. */
export interface DeployedFunction {
  definition: FunctionDefinition;
  fn: aws.lambda.Function;
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
  failureQueue?: aws.sqs.Queue;
}

export function createPlatform(config: StackConfig, options: ProgramOptions): PlatformOutputs {
  const prefix = `wspush-${config.stack}`;
  const tags = { project: 'wspush', stack: config.stack };

  // ---------------------------------------------------------------- DynamoDB: one table, no GSI
  const definition = tableDefinition(prefix);
  const table = new aws.dynamodb.Table('table', {
    name: prefix,
    billingMode: 'PAY_PER_REQUEST',
    hashKey: TABLE_KEYS.partitionKey,
    rangeKey: TABLE_KEYS.sortKey,
    attributes: (definition.AttributeDefinitions ?? []).map((a) => ({
      name: a.AttributeName ?? '',
      type: a.AttributeType ?? 'S',
    })),
    ttl: { attributeName: TABLE_KEYS.ttlAttribute, enabled: true },
    pointInTimeRecovery: { enabled: config.pointInTimeRecovery },
    // AWS managed KMS key (aws/dynamodb), visible in CloudTrail, instead of the AWS owned default.
    serverSideEncryption: { enabled: true },
    deletionProtectionEnabled: config.tableDeletionProtection,
    tags,
  });

  // ---------------------------------------------------------------- SQS: one queue + DLQ per sqs channel
  const sqsFunctions = functionTable.filter((f) => f.trigger.kind === 'sqs');
  const queues = new Map<string, { queue: aws.sqs.Queue; dlq: aws.sqs.Queue; consumer: HandlerName }>();
  for (const fn of sqsFunctions) {
    if (fn.trigger.kind !== 'sqs') continue;
    const { channel, suffix } = fn.trigger;
    const dlq = new aws.sqs.Queue(`${channel}-dlq`, {
      name: `${prefix}${suffix}-dlq`,
      messageRetentionSeconds: queuePolicy.deadLetterRetentionSeconds,
      sqsManagedSseEnabled: true,
      tags,
    });
    const queue = new aws.sqs.Queue(channel, {
      name: `${prefix}${suffix}`,
      // A message is hidden while a consumer works on it: cover several times the consumer's timeout.
      visibilityTimeoutSeconds: queuePolicy.visibilityTimeoutFactor * config.functions.worker.timeoutSeconds,
      messageRetentionSeconds: queuePolicy.queueRetentionSeconds,
      sqsManagedSseEnabled: true,
      redrivePolicy: pulumi.jsonStringify({
        deadLetterTargetArn: dlq.arn,
        maxReceiveCount: queuePolicy.maxReceiveCount,
      }),
      tags,
    });
    queues.set(channel, { queue, dlq, consumer: fn.handler });
  }
  const queueUrlsByChannel: Record<string, pulumi.Output<string>> = {};
  for (const [channel, { queue }] of queues) queueUrlsByChannel[channel] = queue.url;

  // ---------------------------------------------------------------- SNS: one topic per sns channel
  const topics = new Map<string, aws.sns.Topic>();
  for (const fn of functionTable) {
    if (fn.trigger.kind !== 'sns') continue;
    topics.set(
      fn.trigger.channel,
      new aws.sns.Topic(fn.trigger.channel, {
        name: `${prefix}${fn.trigger.suffix}`,
        kmsMasterKeyId: 'alias/aws/sns',
        tags,
      }),
    );
  }

  // ---------------------------------------------------------------- API Gateway WebSocket API
  const api = new aws.apigatewayv2.Api('websocket-api', {
    name: prefix,
    protocolType: 'WEBSOCKET',
    routeSelectionExpression: '$request.body.action',
    description: `wspush push platform (${config.stack})`,
    tags,
  });
  const managementEndpoint = pulumi.interpolate`https://${api.id}.execute-api.${config.region}.amazonaws.com/${config.stageName}`;
  const manageConnectionsArn = pulumi.interpolate`${api.executionArn}/${config.stageName}/${MANAGE_CONNECTIONS_METHOD}/@connections/*`;
  const closeConnectionsArn = pulumi.interpolate`${api.executionArn}/${config.stageName}/${CLOSE_CONNECTIONS_METHOD}/@connections/*`;

  // ---------------------------------------------------------------- Lambda functions (one per handler)
  const functions = new Map<HandlerName, DeployedFunction>();
  const logGroups = new Map<string, aws.cloudwatch.LogGroup>();
  const functionContext: FunctionContext = {
    config,
    options,
    tags,
    table,
    queues,
    queueUrlsByChannel,
    managementEndpoint,
    manageConnectionsArn,
    closeConnectionsArn,
  };
  for (const definition of functionTable) {
    // Kafka ingestion is off unless the stack's `kafka` key is set: then nothing about it is deployed.
    if (definition.trigger.kind === 'kafka' && !config.kafka) continue;
    const { deployed, logGroup } = deployFunction(definition, functionContext);
    logGroups.set(definition.handler, logGroup);
    functions.set(definition.handler, deployed);
  }

  const functionFor = (handler: HandlerName): DeployedFunction => {
    const deployed = functions.get(handler);
    if (!deployed)
      throw new Error(`generated routeTable names handler "${handler}", missing from functionTable`);
    return deployed;
  };

  // ---------------------------------------------------------------- $connect authorizer
  const authorizers = new Map<HandlerName, aws.apigatewayv2.Authorizer>();
  for (const definition of functionTable) {
    if (definition.trigger.kind !== 'authorizer') continue;
    const { fn } = functionFor(definition.handler);
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

  // ---------------------------------------------------------------- routes, straight from the route table
  const routeResources: pulumi.Resource[] = [];
  for (const routeKey of routeKeys) {
    const route: RouteDefinition = routeTable[routeKey];
    const name = routeLogicalName(routeKey);
    if (route.integration === 'mock') {
      routeResources.push(...mockRoute(api, name, route));
      continue;
    }
    const { fn } = functionFor(route.handler);
    const integration = new aws.apigatewayv2.Integration(`${name}-integration`, {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationMethod: 'POST',
      integrationUri: fn.invokeArn,
      contentHandlingStrategy: 'CONVERT_TO_TEXT',
    });
    let authorizerId: pulumi.Input<string> | undefined;
    if (route.authorizer !== undefined) {
      const authorizer = authorizers.get(route.authorizer);
      if (!authorizer)
        throw new Error(`Route ${routeKey} names authorizer "${route.authorizer}", not deployed`);
      authorizerId = authorizer.id;
    }
    const apiRoute = new aws.apigatewayv2.Route(name, {
      apiId: api.id,
      routeKey,
      operationName: route.operationId,
      target: pulumi.interpolate`integrations/${integration.id}`,
      authorizationType: authorizerId ? 'CUSTOM' : 'NONE',
      authorizerId,
      // Two-way routes send the integration's `body` back to the client as a frame.
      routeResponseSelectionExpression: route.twoWay ? '$default' : undefined,
    });
    routeResources.push(integration, apiRoute);
    if (route.twoWay) {
      routeResources.push(
        new aws.apigatewayv2.RouteResponse(`${name}-response`, {
          apiId: api.id,
          routeId: apiRoute.id,
          routeResponseKey: '$default',
        }),
      );
    }
    new aws.lambda.Permission(`${name}-invoke-by-apigateway`, {
      action: 'lambda:InvokeFunction',
      function: fn.name,
      principal: 'apigateway.amazonaws.com',
      sourceArn: pulumi.interpolate`${api.executionArn}/${config.stageName}/${routeKey}`,
    });
  }

  // ---------------------------------------------------------------- stage with throttling and access logs
  const deployment = new aws.apigatewayv2.Deployment(
    'deployment',
    {
      apiId: api.id,
      description: `routes ${routeKeys.join(' ')}`,
      // Replaced (and re-pointed by the stage) whenever the route set or the authorizer's sources change.
      triggers: { routeSet: routeSetHash(config) },
    },
    { dependsOn: [...routeResources, ...authorizers.values()] },
  );
  // API Gateway writes access and execution logs of REST and WebSocket APIs through one role per account and
  // region. One stack per account/region manages it (config `manageApiGatewayAccount`).
  const stageDependencies: pulumi.Resource[] = [];
  if (config.manageApiGatewayAccount) {
    const caller = aws.getCallerIdentityOutput();
    const partition = aws.getPartitionOutput();
    const apiGatewayLogsRole = new aws.iam.Role('apigateway-logs-role', {
      name: `${prefix}-apigateway-logs`,
      assumeRolePolicy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
        ],
      }),
      tags,
    });
    const logGroupsOfRegion = pulumi.interpolate`arn:${partition.partition}:logs:${config.region}:${caller.accountId}:log-group:*`;
    const apiGatewayLogsPolicy = new aws.iam.RolePolicy('apigateway-logs-policy', {
      role: apiGatewayLogsRole.id,
      policy: pulumi.jsonStringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'ApiGatewayLogs',
            Effect: 'Allow',
            // The actions of AWS's AmazonAPIGatewayPushToCloudWatchLogs policy, limited to this account and region.
            Action: [
              'logs:CreateLogGroup',
              'logs:CreateLogStream',
              'logs:DescribeLogGroups',
              'logs:DescribeLogStreams',
              'logs:PutLogEvents',
              'logs:GetLogEvents',
              'logs:FilterLogEvents',
            ],
            Resource: [logGroupsOfRegion],
          },
        ],
      }),
    });
    stageDependencies.push(
      new aws.apigateway.Account(
        'apigateway-account',
        { cloudwatchRoleArn: apiGatewayLogsRole.arn },
        { dependsOn: [apiGatewayLogsPolicy] },
      ),
    );
  }
  const accessLogs = new aws.cloudwatch.LogGroup('access-logs', {
    name: `/aws/apigateway/${prefix}-access`,
    retentionInDays: config.logRetentionDays,
    tags,
  });
  const stage = new aws.apigatewayv2.Stage(
    'stage',
    {
      apiId: api.id,
      name: config.stageName,
      deploymentId: deployment.id,
      autoDeploy: false,
      defaultRouteSettings: {
        throttlingRateLimit: config.routeThrottling.rateLimit,
        throttlingBurstLimit: config.routeThrottling.burstLimit,
        detailedMetricsEnabled: true,
        dataTraceEnabled: false,
        loggingLevel: 'ERROR',
      },
      accessLogSettings: {
        destinationArn: accessLogs.arn,
        format: JSON.stringify({
          requestId: '$context.requestId',
          connectionId: '$context.connectionId',
          routeKey: '$context.routeKey',
          eventType: '$context.eventType',
          status: '$context.status',
          requestTime: '$context.requestTimeEpoch',
          sourceIp: '$context.identity.sourceIp',
          authorizerError: '$context.authorizer.error',
          integrationError: '$context.integrationErrorMessage',
          principalId: '$context.authorizer.principalId',
        }),
      },
      tags,
    },
    { dependsOn: stageDependencies },
  );

  let websocketUrl: pulumi.Output<string> = pulumi.interpolate`wss://${api.id}.execute-api.${config.region}.amazonaws.com/${stage.name}`;
  if (config.customDomain) {
    const domain = new aws.apigatewayv2.DomainName('custom-domain', {
      domainName: config.customDomain.domainName,
      domainNameConfiguration: {
        certificateArn: config.customDomain.certificateArn,
        endpointType: 'REGIONAL',
        securityPolicy: 'TLS_1_2',
      },
      tags,
    });
    const mapping = new aws.apigatewayv2.ApiMapping('custom-domain-mapping', {
      apiId: api.id,
      domainName: domain.domainName,
      stage: stage.id,
    });
    // Mapped at the root of the domain: clients connect to wss://<domain>.
    websocketUrl = pulumi.interpolate`wss://${mapping.domainName}`;
  }

  // ---------------------------------------------------------------- triggers: SNS → routers, SQS → workers
  for (const { definition, fn, failureQueue, policy } of functions.values()) {
    const trigger = definition.trigger;
    if (trigger.kind === 'sns') {
      const topic = topics.get(trigger.channel);
      if (!topic || !failureQueue) continue;
      const permission = new aws.lambda.Permission(`${definition.handler}-invoke-by-sns`, {
        action: 'lambda:InvokeFunction',
        function: fn.name,
        principal: 'sns.amazonaws.com',
        sourceArn: topic.arn,
      });
      new aws.sns.TopicSubscription(
        `${definition.handler}-subscription`,
        { topic: topic.arn, protocol: 'lambda', endpoint: fn.arn },
        { dependsOn: [permission] },
      );
      new aws.lambda.FunctionEventInvokeConfig(
        `${definition.handler}-on-failure`,
        {
          functionName: fn.name,
          maximumRetryAttempts: 2,
          maximumEventAgeInSeconds: 6 * 3600,
          destinationConfig: { onFailure: { destination: failureQueue.arn } },
        },
        { dependsOn: [policy] },
      );
    } else if (trigger.kind === 'kafka' && config.kafka && failureQueue) {
      createKafkaMappings({
        handler: definition.handler,
        kafka: config.kafka,
        functionArn: fn.arn,
        failureQueueArn: failureQueue.arn,
        dependsOn: [policy],
      });
    } else if (trigger.kind === 'sqs') {
      const source = queues.get(trigger.channel);
      if (!source) continue;
      new aws.lambda.EventSourceMapping(
        `${definition.handler}-source`,
        {
          eventSourceArn: source.queue.arn,
          functionName: fn.arn,
          ...eventSourceScaling(config, trigger.channel),
          functionResponseTypes: ['ReportBatchItemFailures'],
        },
        { dependsOn: [policy] },
      );
    }
  }

  // ---------------------------------------------------------------- alarms and dashboard
  const deadLetterQueues = new Map<string, aws.sqs.Queue>();
  for (const [channel, { dlq }] of queues) deadLetterQueues.set(channel, dlq);
  const { dashboard } = createMonitoring({
    config,
    prefix,
    tags,
    deadLetterQueues,
    functions: functions.values(),
  });

  // ---------------------------------------------------------------- outputs
  const topicArns: Record<string, pulumi.Output<string>> = {};
  for (const [channel, topic] of topics) topicArns[channel] = topic.arn;
  const queueUrls: Record<string, pulumi.Output<string>> = {};
  for (const [channel, { queue, dlq }] of queues) {
    queueUrls[channel] = queue.url;
    queueUrls[`${channel}-dlq`] = dlq.url;
  }
  for (const { definition, failureQueue } of functions.values()) {
    if (failureQueue) queueUrls[`${definition.handler}-failures`] = failureQueue.url;
  }
  const publisherPolicyJson = pulumi.jsonStringify({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'PublishToWspushTopics',
        Effect: 'Allow',
        Action: ['sns:Publish'],
        Resource: [...topics.values()].map((t) => t.arn),
      },
    ],
  });
  return {
    websocketUrl,
    managementEndpoint,
    tableName: table.name,
    topicArns,
    queueUrls,
    publisherPolicyJson,
    dashboardName: dashboard.dashboardName,
    // The traced functions this stack deploys (the Kafka router only when the stack enables Kafka).
    traceLogGroups: pulumi.all(
      tracedFunctions(functionTable.filter((f) => f.trigger.kind !== 'kafka' || config.kafka)).map(
        (handler) => logGroupOf(logGroups, handler).name,
      ),
    ),
    kafkaTopics: config.kafka ? { ...config.kafka.topics } : undefined,
  };
}
