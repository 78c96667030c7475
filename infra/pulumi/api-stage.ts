/**
 * The API's deployment and stage: throttling, access logs (with the account's API Gateway logging role when
 * this stack manages it) and the optional custom domain. Returns the URL clients connect to.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { routeKeys } from '../../generated/index.js';
import type { CustomDomain, StackConfig } from './config.js';
import { routeSetHash } from './websocket-api.js';

export interface StageInput {
  config: StackConfig;
  prefix: string;
  tags: Record<string, string>;
  api: aws.apigatewayv2.Api;
  /** Routes and authorizers: the deployment waits for them. */
  routeResources: pulumi.Resource[];
}

export function createStage(input: StageInput): { websocketUrl: pulumi.Output<string> } {
  const { config, prefix, tags, api } = input;
  const deployment = new aws.apigatewayv2.Deployment(
    'deployment',
    {
      apiId: api.id,
      description: `routes ${routeKeys.join(' ')}`,
      // Replaced (and re-pointed by the stage) whenever the route set or the authorizer's sources change.
      triggers: { routeSet: routeSetHash(config) },
    },
    { dependsOn: input.routeResources },
  );
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
      accessLogSettings: { destinationArn: accessLogs.arn, format: ACCESS_LOG_FORMAT },
      tags,
    },
    { dependsOn: config.manageApiGatewayAccount ? [apiGatewayLogging(config, prefix, tags)] : [] },
  );
  const stageUrl = pulumi.interpolate`wss://${api.id}.execute-api.${config.region}.amazonaws.com/${stage.name}`;
  const domain = config.customDomain;
  return { websocketUrl: domain ? customDomainUrl(domain, tags, api, stage) : stageUrl };
}

const ACCESS_LOG_FORMAT = JSON.stringify({
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
});

/**
 * API Gateway writes access and execution logs of REST and WebSocket APIs through one role per account and
 * region. One stack per account/region manages it (config `manageApiGatewayAccount`).
 */
function apiGatewayLogging(
  config: StackConfig,
  prefix: string,
  tags: Record<string, string>,
): pulumi.Resource {
  const caller = aws.getCallerIdentityOutput();
  const partition = aws.getPartitionOutput();
  const role = new aws.iam.Role('apigateway-logs-role', {
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
  const policy = new aws.iam.RolePolicy('apigateway-logs-policy', {
    role: role.id,
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
  return new aws.apigateway.Account(
    'apigateway-account',
    { cloudwatchRoleArn: role.arn },
    { dependsOn: [policy] },
  );
}

/** The stage mapped at the root of the stack's domain: clients connect to wss://<domain>. */
function customDomainUrl(
  customDomain: CustomDomain,
  tags: Record<string, string>,
  api: aws.apigatewayv2.Api,
  stage: aws.apigatewayv2.Stage,
): pulumi.Output<string> {
  const domain = new aws.apigatewayv2.DomainName('custom-domain', {
    domainName: customDomain.domainName,
    domainNameConfiguration: {
      certificateArn: customDomain.certificateArn,
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
  return pulumi.interpolate`wss://${mapping.domainName}`;
}
