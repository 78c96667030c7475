/**
 * The platform's AWS resources, derived from the generated contract tables (routes, functions, channels) and
 * one stack's configuration. Nothing here is specific to a stack: `Pulumi.<stack>.yaml` holds the differences.
 * Each part lives in a file named after it; this file wires them together and names the stack's outputs.
 */
import type * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { functionTable, type HandlerName } from '../../generated/index.js';
import { tracedFunctions } from '../../src/publisher/trace/aws-names.js';
import { createStage } from './api-stage.js';
import type { StackConfig } from './config.js';
import { type DeployedFunction, deployFunctions, type ProgramOptions } from './functions.js';
import { createMonitoring } from './monitoring.js';
import { type ChannelQueue, createQueues, createSnsTopics } from './queues-and-topics.js';
import { createTable } from './table.js';
import { connectTriggers } from './triggers.js';
import { createAuthorizers, createRoutes, createWebsocketApi } from './websocket-api.js';

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

export function createPlatform(config: StackConfig, options: ProgramOptions): PlatformOutputs {
  const prefix = `wspush-${config.stack}`;
  const tags = { project: 'wspush', stack: config.stack };
  const table = createTable(config, prefix, tags);
  const queues = createQueues(config, prefix, tags);
  const topics = createSnsTopics(prefix, tags);
  const endpoints = createWebsocketApi(config, prefix, tags);
  const queueUrlsByChannel = Object.fromEntries(
    [...queues].map(([channel, { queue }]) => [channel, queue.url]),
  );
  const { functions, logGroups } = deployFunctions({
    config,
    options,
    tags,
    table,
    queues,
    queueUrlsByChannel,
    ...endpoints,
  });
  const functionOf = (handler: HandlerName): DeployedFunction => {
    const deployed = functions.get(handler);
    if (!deployed)
      throw new Error(`generated routeTable names handler "${handler}", missing from functionTable`);
    return deployed;
  };
  const authorizers = createAuthorizers(endpoints.api, config, functionOf);
  const routeResources = createRoutes(endpoints.api, config, functionOf, authorizers);
  const { websocketUrl } = createStage({
    config,
    prefix,
    tags,
    api: endpoints.api,
    routeResources: [...routeResources, ...authorizers.values()],
  });
  connectTriggers({ config, topics, queues }, functions.values());
  const deadLetterQueues = new Map([...queues].map(([channel, { dlq }]) => [channel, dlq]));
  const { dashboard } = createMonitoring({
    config,
    prefix,
    tags,
    deadLetterQueues,
    functions: functions.values(),
  });
  return {
    websocketUrl,
    managementEndpoint: endpoints.managementEndpoint,
    tableName: table.name,
    dashboardName: dashboard.dashboardName,
    ...messagingOutputs(queues, topics, functions.values()),
    // The traced functions this stack deploys (the Kafka router only when the stack enables Kafka).
    traceLogGroups: pulumi.all(
      tracedFunctions(functionTable.filter((f) => f.trigger.kind !== 'kafka' || config.kafka)).map(
        (handler) => logGroupOf(logGroups, handler).name,
      ),
    ),
    kafkaTopics: config.kafka ? { ...config.kafka.topics } : undefined,
  };
}

/** Topic ARNs, every queue's URL (DLQs and failure queues included) and the publishers' policy. */
function messagingOutputs(
  queues: ReadonlyMap<string, ChannelQueue>,
  topics: ReadonlyMap<string, aws.sns.Topic>,
  functions: Iterable<DeployedFunction>,
): Pick<PlatformOutputs, 'topicArns' | 'queueUrls' | 'publisherPolicyJson'> {
  const topicArns = Object.fromEntries([...topics].map(([channel, topic]) => [channel, topic.arn]));
  const queueUrls: Record<string, pulumi.Output<string>> = {};
  for (const [channel, { queue, dlq }] of queues) {
    queueUrls[channel] = queue.url;
    queueUrls[`${channel}-dlq`] = dlq.url;
  }
  for (const { definition, failureQueue } of functions) {
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
  return { topicArns, queueUrls, publisherPolicyJson };
}

function logGroupOf(logGroups: ReadonlyMap<string, aws.cloudwatch.LogGroup>, handler: string) {
  const logGroup = logGroups.get(handler);
  if (!logGroup) throw new Error(`no log group was created for the traced function "${handler}"`);
  return logGroup;
}
