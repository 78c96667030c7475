/** One SQS queue and DLQ per `sqs` channel of the contract, one SNS topic per `sns` channel. */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import { functionTable, type HandlerName } from '../../generated/index.js';
import { queuePolicy } from '../../src/core/queue-policy.js';
import type { StackConfig } from './config.js';

/** A job queue, its dead-letter queue and the function that consumes it. */
export interface ChannelQueue {
  queue: aws.sqs.Queue;
  dlq: aws.sqs.Queue;
  consumer: HandlerName;
}

export function createQueues(
  config: StackConfig,
  prefix: string,
  tags: Record<string, string>,
): Map<string, ChannelQueue> {
  const queues = new Map<string, ChannelQueue>();
  for (const fn of functionTable) {
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
  return queues;
}

export function createSnsTopics(prefix: string, tags: Record<string, string>): Map<string, aws.sns.Topic> {
  const topics = new Map<string, aws.sns.Topic>();
  for (const fn of functionTable) {
    if (fn.trigger.kind !== 'sns') continue;
    const topic = new aws.sns.Topic(fn.trigger.channel, {
      name: `${prefix}${fn.trigger.suffix}`,
      kmsMasterKeyId: 'alias/aws/sns',
      tags,
    });
    topics.set(fn.trigger.channel, topic);
  }
  return topics;
}
