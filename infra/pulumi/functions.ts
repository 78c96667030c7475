/**
 * One Lambda function per handler of the contract: its log group, role, least-privilege policy (derived from
 * function-needs.ts), failure queue (SNS- and Kafka-triggered functions) and the function itself.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { type FunctionDefinition, functionTable, type HandlerName } from '../../generated/index.js';
import { queuePolicy } from '../../src/core/queue-policy.js';
import { functionName as stackFunctionName } from '../../src/publisher/trace/aws-names.js';
import {
  type FunctionSettings,
  LAMBDA_SYSTEM_LOG_LEVEL,
  SETTINGS_BY_TRIGGER,
  type StackConfig,
} from './config.js';
import { environmentFor, needsOf } from './function-environment.js';
import { kafkaSourceStatements } from './kafka.js';
import { type PolicyStatement, RESOURCE_WILDCARD_ACTIONS } from './platform-constants.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BUNDLE_DIR = resolve(REPO_ROOT, 'dist/functions');

export interface ProgramOptions {
  /** Fail when a function bundle is missing (off only under the unit-test mocks, which never read code). */
  requireBundles: boolean;
}

/** A deployed Lambda function: its contract definition, the function, its role and policy, its failure queue. */
export interface DeployedFunction {
  definition: FunctionDefinition;
  fn: aws.lambda.Function;
  role: aws.iam.Role;
  policy: aws.iam.RolePolicy;
  failureQueue?: aws.sqs.Queue;
}

export function bundlePath(handler: string, requireBundles: boolean): string {
  const path = resolve(BUNDLE_DIR, handler, 'index.mjs');
  if (requireBundles && !existsSync(path)) {
    throw new Error(`Missing bundle ${path}: run \`npm run build\` before pulumi preview/up.`);
  }
  return path;
}

/** What every function is deployed against: the stack, the table, the queues and the API's endpoints. */
export interface FunctionContext {
  config: StackConfig;
  options: ProgramOptions;
  tags: Record<string, string>;
  table: aws.dynamodb.Table;
  queues: ReadonlyMap<string, { queue: aws.sqs.Queue }>;
  queueUrlsByChannel: Record<string, pulumi.Output<string>>;
  managementEndpoint: pulumi.Output<string>;
  manageConnectionsArn: pulumi.Output<string>;
  closeConnectionsArn: pulumi.Output<string>;
}

export function deployFunction(
  definition: FunctionDefinition,
  ctx: FunctionContext,
): { deployed: DeployedFunction; logGroup: aws.cloudwatch.LogGroup } {
  const { config, options, tags, table, queueUrlsByChannel, managementEndpoint } = ctx;
  const handler = definition.handler;
  const settings: FunctionSettings = config.functions[SETTINGS_BY_TRIGGER[definition.trigger.kind]];
  const functionName = stackFunctionName(config.stack, handler);

  const logGroup = new aws.cloudwatch.LogGroup(`${handler}-logs`, {
    name: `/aws/lambda/${functionName}`,
    retentionInDays: config.logRetentionDays,
    tags,
  });

  const role = new aws.iam.Role(`${handler}-role`, {
    name: `${functionName}-role`,
    assumeRolePolicy: JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    }),
    tags,
  });

  // SNS-triggered functions are invoked asynchronously: keep what fails after Lambda's two retries. The
  // Kafka router's queue keeps the records it rejects and the batches its mappings give up on.
  const failureQueue =
    definition.trigger.kind === 'sns' || definition.trigger.kind === 'kafka'
      ? new aws.sqs.Queue(`${handler}-failures`, {
          name: `${functionName}-failures`,
          messageRetentionSeconds: queuePolicy.deadLetterRetentionSeconds,
          sqsManagedSseEnabled: true,
          tags,
        })
      : undefined;

  const statements = policyStatements(definition, ctx, logGroup, failureQueue);
  const policy = new aws.iam.RolePolicy(`${handler}-policy`, {
    role: role.id,
    policy: pulumi.jsonStringify({ Version: '2012-10-17', Statement: statements }),
  });

  const reserved =
    definition.trigger.kind === 'sns' && config.functions.routerReservedConcurrency > 0
      ? config.functions.routerReservedConcurrency
      : undefined;
  const fn = new aws.lambda.Function(
    handler,
    {
      name: functionName,
      description: `wspush ${handler} (${definition.trigger.kind})`,
      runtime: aws.lambda.Runtime.NodeJS22dX,
      architectures: ['arm64'],
      handler: 'index.handler',
      code: new pulumi.asset.AssetArchive({
        'index.mjs': new pulumi.asset.FileAsset(bundlePath(handler, options.requireBundles)),
      }),
      role: role.arn,
      memorySize: settings.memoryMb,
      timeout: settings.timeoutSeconds,
      reservedConcurrentExecutions: reserved,
      tracingConfig: { mode: 'Active' },
      // JSON logs: Lambda filters by the `level` field Powertools writes, so the level must be set here too.
      loggingConfig: {
        logFormat: 'JSON',
        logGroup: logGroup.name,
        applicationLogLevel: config.logLevel,
        systemLogLevel: LAMBDA_SYSTEM_LOG_LEVEL,
      },
      environment: {
        variables: environmentFor(handler, config, {
          tableName: table.name,
          managementEndpoint,
          queueUrls: queueUrlsByChannel,
          failureQueueUrl: failureQueue?.url,
        }),
      },
      tags,
    },
    // The policy must exist before the function runs or an event source mapping validates the role.
    { dependsOn: [logGroup, policy] },
  );
  return { deployed: { definition, fn, role, policy, failureQueue }, logGroup };
}

/** The function's policy: its own logs, X-Ray, and only what function-needs.ts says its code sends. */
function policyStatements(
  definition: FunctionDefinition,
  ctx: FunctionContext,
  logGroup: aws.cloudwatch.LogGroup,
  failureQueue: aws.sqs.Queue | undefined,
): PolicyStatement[] {
  const { config, table, queues, manageConnectionsArn, closeConnectionsArn } = ctx;
  const handler: HandlerName = definition.handler;
  const needs = needsOf(handler);
  const statements: PolicyStatement[] = [
    {
      Sid: 'WriteOwnLogs',
      Effect: 'Allow',
      Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      Resource: [pulumi.interpolate`${logGroup.arn}:log-stream:*`],
    },
    { Sid: 'XRayTraces', Effect: 'Allow', Action: [...RESOURCE_WILDCARD_ACTIONS], Resource: ['*'] },
  ];
  if (needs.table.length > 0) {
    statements.push({ Sid: 'Table', Effect: 'Allow', Action: [...needs.table], Resource: [table.arn] });
  }
  if (needs.postsToConnections) {
    statements.push({
      Sid: 'PostToConnections',
      Effect: 'Allow',
      Action: ['execute-api:ManageConnections'],
      Resource: needs.closesConnections
        ? [manageConnectionsArn, closeConnectionsArn]
        : [manageConnectionsArn],
    });
  }
  /** The ARNs of the queues of `channels`; a channel no sqs function consumes is a generator bug. */
  const queueArns = (channels: readonly string[], uses: string): pulumi.Output<string>[] =>
    channels.map((channel) => {
      const target = queues.get(channel);
      if (!target)
        throw new Error(`Function "${handler}" ${uses} "${channel}", which no sqs function consumes`);
      return target.queue.arn;
    });
  const sendTargets = queueArns(needs.sendsTo, 'sends to');
  if (sendTargets.length > 0) {
    statements.push({
      Sid: 'EnqueueJobs',
      Effect: 'Allow',
      Action: ['sqs:SendMessage'],
      Resource: sendTargets,
    });
  }
  const visibilityTargets = queueArns(needs.changesVisibilityOn, 'delays messages of');
  if (visibilityTargets.length > 0) {
    statements.push({
      Sid: 'RetrySoon',
      Effect: 'Allow',
      Action: ['sqs:ChangeMessageVisibility'],
      Resource: visibilityTargets,
    });
  }
  if (definition.trigger.kind === 'kafka' && config.kafka)
    statements.push(...kafkaSourceStatements(config.kafka));
  if (definition.trigger.kind === 'sqs') {
    const source = queues.get(definition.trigger.channel);
    if (source) {
      statements.push({
        Sid: 'ConsumeQueue',
        Effect: 'Allow',
        Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
        Resource: [source.queue.arn],
      });
    }
  }
  // One grant serves both writers: Lambda's on-failure destination (as the role) and the code (needs.failureQueue).
  if (failureQueue) {
    statements.push({
      Sid: 'KeepFailures',
      Effect: 'Allow',
      Action: ['sqs:SendMessage'],
      Resource: [failureQueue.arn],
    });
  }
  return statements;
}

/** Every function of the contract's function table this stack deploys, by handler, with its log group. */
export function deployFunctions(ctx: FunctionContext): {
  functions: Map<HandlerName, DeployedFunction>;
  logGroups: Map<string, aws.cloudwatch.LogGroup>;
} {
  const functions = new Map<HandlerName, DeployedFunction>();
  const logGroups = new Map<string, aws.cloudwatch.LogGroup>();
  for (const definition of functionTable) {
    // Kafka ingestion is off unless the stack's `kafka` key is set: then nothing about it is deployed.
    if (definition.trigger.kind === 'kafka' && !ctx.config.kafka) continue;
    const { deployed, logGroup } = deployFunction(definition, ctx);
    logGroups.set(definition.handler, logGroup);
    functions.set(definition.handler, deployed);
  }
  return { functions, logGroups };
}
