/** What invokes each function besides API Gateway: SNS → routers, SQS → workers, Kafka → the Kafka router. */
import * as aws from '@pulumi/aws';
import { fanoutPlan } from '../../src/core/pacing.js';
import type { StackConfig } from './config.js';
import type { DeployedFunction } from './functions.js';
import { createKafkaMappings } from './kafka.js';
import type { ChannelQueue } from './queues-and-topics.js';

export interface TriggerSources {
  config: StackConfig;
  topics: ReadonlyMap<string, aws.sns.Topic>;
  queues: ReadonlyMap<string, ChannelQueue>;
}

export function connectTriggers(sources: TriggerSources, functions: Iterable<DeployedFunction>): void {
  const { config } = sources;
  for (const deployed of functions) {
    const { definition, failureQueue, fn, policy } = deployed;
    const trigger = definition.trigger;
    if (trigger.kind === 'sns') {
      const topic = sources.topics.get(trigger.channel);
      if (topic && failureQueue) snsTrigger(deployed, topic, failureQueue);
    } else if (trigger.kind === 'kafka' && config.kafka && failureQueue) {
      createKafkaMappings({
        handler: definition.handler,
        kafka: config.kafka,
        functionArn: fn.arn,
        failureQueueArn: failureQueue.arn,
        dependsOn: [policy],
      });
    } else if (trigger.kind === 'sqs') {
      const source = sources.queues.get(trigger.channel);
      if (source) sqsTrigger(config, deployed, trigger.channel, source.queue);
    }
  }
}

/** An SNS subscription; failed async invocations go to the function's failure queue after two retries. */
function snsTrigger(
  { definition, fn, policy }: DeployedFunction,
  topic: aws.sns.Topic,
  failureQueue: aws.sqs.Queue,
) {
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
}

function sqsTrigger(
  config: StackConfig,
  { definition, fn, policy }: DeployedFunction,
  channel: string,
  queue: aws.sqs.Queue,
) {
  new aws.lambda.EventSourceMapping(
    `${definition.handler}-source`,
    {
      eventSourceArn: queue.arn,
      functionName: fn.arn,
      ...eventSourceScaling(config, channel),
      functionResponseTypes: ['ReportBatchItemFailures'],
    },
    { dependsOn: [policy] },
  );
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
