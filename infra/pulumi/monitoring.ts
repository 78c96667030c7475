/**
 * Alarms (every dead-letter and failure queue, function errors and throttles, the authorizer's error rate,
 * rejected Kafka records) and the stack's CloudWatch dashboard.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StackConfig } from './config.js';
import { KAFKA_REJECTED_METRIC } from './kafka.js';
import { type DeployedFunction, METRICS_NAMESPACE } from './program.js';

export interface MonitoringInput {
  config: StackConfig;
  prefix: string;
  tags: Record<string, string>;
  /** The DLQ of each SQS channel. */
  deadLetterQueues: ReadonlyMap<string, aws.sqs.Queue>;
  functions: Iterable<DeployedFunction>;
}

export function createMonitoring(input: MonitoringInput): { dashboard: aws.cloudwatch.Dashboard } {
  const { config, prefix, tags } = input;
  const functions = [...input.functions];
  let alarmTopicArn: pulumi.Output<string>;
  if (config.alarm.kind === 'email') {
    // CloudWatch cannot publish to a topic encrypted with the AWS managed alias/aws/sns key: leave this one plain.
    const alarmTopic = new aws.sns.Topic('alarm-topic', { name: `${prefix}-alarms`, tags });
    new aws.sns.TopicSubscription('alarm-email', {
      topic: alarmTopic.arn,
      protocol: 'email',
      endpoint: config.alarm.email,
    });
    alarmTopicArn = alarmTopic.arn;
  } else {
    alarmTopicArn = pulumi.output(config.alarm.topicArn);
  }
  const alarmDefaults = {
    alarmActions: [alarmTopicArn],
    okActions: [alarmTopicArn],
    treatMissingData: 'notBreaching',
    tags,
  };
  /** Alarms on any value above zero in one period (a kept message, an error, a throttle, a rejected record). */
  const aboveZero = {
    evaluationPeriods: 1,
    threshold: 0,
    comparisonOperator: 'GreaterThanThreshold',
    ...alarmDefaults,
  };

  const deadLetterQueues: Array<{ key: string; queue: aws.sqs.Queue }> = [];
  for (const [channel, dlq] of input.deadLetterQueues)
    deadLetterQueues.push({ key: `${channel}-dlq`, queue: dlq });
  for (const { definition, failureQueue } of functions) {
    if (failureQueue) deadLetterQueues.push({ key: `${definition.handler}-failures`, queue: failureQueue });
  }
  for (const { key, queue } of deadLetterQueues) {
    new aws.cloudwatch.MetricAlarm(`${key}-depth-alarm`, {
      name: pulumi.interpolate`${queue.name} has messages`,
      alarmDescription: 'Messages failed processing and are kept here. See docs/operations.md#redrive-a-dlq.',
      namespace: 'AWS/SQS',
      metricName: 'ApproximateNumberOfMessagesVisible',
      dimensions: { QueueName: queue.name },
      statistic: 'Maximum',
      period: 60,
      ...aboveZero,
    });
  }

  for (const { definition, fn } of functions) {
    const kind = definition.trigger.kind;
    if (kind === 'kafka') {
      new aws.cloudwatch.MetricAlarm(`${definition.handler}-rejected-alarm`, {
        name: pulumi.interpolate`${fn.name} rejected records`,
        alarmDescription:
          'Kafka records failed the contract and were not delivered; each is in the Kafka failure queue with its reason. See docs/operations.md#kafka.',
        namespace: METRICS_NAMESPACE,
        metricName: KAFKA_REJECTED_METRIC,
        dimensions: { service: `wspush-${config.stack}` },
        statistic: 'Sum',
        period: 300,
        ...aboveZero,
      });
    }
    if (kind === 'sns' || kind === 'sqs' || kind === 'kafka') {
      new aws.cloudwatch.MetricAlarm(`${definition.handler}-errors-alarm`, {
        name: pulumi.interpolate`${fn.name} errors`,
        alarmDescription:
          'Invocations failed (retried; kept in the failure queue or DLQ when retries run out).',
        namespace: 'AWS/Lambda',
        metricName: 'Errors',
        dimensions: { FunctionName: fn.name },
        statistic: 'Sum',
        period: 300,
        ...aboveZero,
      });
    }
    if (kind === 'authorizer') {
      // A rejected token is a thrown `Unauthorized`, which Lambda counts as an error: alarm on the error rate
      // over a minimum volume, not on single rejections.
      new aws.cloudwatch.MetricAlarm(`${definition.handler}-errors-alarm`, {
        name: pulumi.interpolate`${fn.name} error rate`,
        alarmDescription:
          'More than half of the authorizer invocations failed (IdP/JWKS down, or a token flood).',
        evaluationPeriods: 3,
        datapointsToAlarm: 2,
        threshold: 0.5,
        comparisonOperator: 'GreaterThanThreshold',
        metricQueries: [
          {
            id: 'errors',
            metric: {
              namespace: 'AWS/Lambda',
              metricName: 'Errors',
              dimensions: { FunctionName: fn.name },
              stat: 'Sum',
              period: 60,
            },
          },
          {
            id: 'invocations',
            metric: {
              namespace: 'AWS/Lambda',
              metricName: 'Invocations',
              dimensions: { FunctionName: fn.name },
              stat: 'Sum',
              period: 60,
            },
          },
          {
            id: 'rate',
            expression: 'IF(invocations >= 20, errors / invocations, 0)',
            label: 'authorizer error rate',
            returnData: true,
          },
        ],
        ...alarmDefaults,
      });
    }
    new aws.cloudwatch.MetricAlarm(`${definition.handler}-throttles-alarm`, {
      name: pulumi.interpolate`${fn.name} throttled`,
      alarmDescription: 'Lambda throttled invocations (reserved/maximum concurrency or the account limit).',
      namespace: 'AWS/Lambda',
      metricName: 'Throttles',
      dimensions: { FunctionName: fn.name },
      statistic: 'Sum',
      period: 300,
      ...aboveZero,
    });
  }

  const service = `wspush-${config.stack}`;
  const emfMetric = (name: string): string[] => [METRICS_NAMESPACE, name, 'service', service];
  const functionNames = functions.map(({ fn }) => fn.name);
  const dlqNames = deadLetterQueues.map(({ queue }) => queue.name);
  const dashboard = new aws.cloudwatch.Dashboard('dashboard', {
    dashboardName: prefix,
    dashboardBody: pulumi.jsonStringify(
      pulumi.all([functionNames, dlqNames]).apply(([fnNames, queueNames]) => ({
        widgets: [
          {
            type: 'metric',
            x: 0,
            y: 0,
            width: 12,
            height: 6,
            properties: {
              title: 'Connections and deliveries',
              region: config.region,
              stat: 'Sum',
              period: 60,
              view: 'timeSeries',
              metrics: ['Connections', 'Deliveries', 'Gone'].map(emfMetric),
            },
          },
          {
            type: 'metric',
            x: 12,
            y: 0,
            width: 12,
            height: 6,
            properties: {
              title: 'Offline inbox',
              region: config.region,
              stat: 'Sum',
              period: 60,
              view: 'timeSeries',
              metrics: ['OfflineStored', 'OfflineDelivered'].map(emfMetric),
            },
          },
          {
            type: 'metric',
            x: 0,
            y: 6,
            width: 12,
            height: 6,
            properties: {
              title: 'Lambda errors',
              region: config.region,
              stat: 'Sum',
              period: 60,
              metrics: fnNames.map((n) => ['AWS/Lambda', 'Errors', 'FunctionName', n]),
            },
          },
          {
            type: 'metric',
            x: 12,
            y: 6,
            width: 12,
            height: 6,
            properties: {
              title: 'Dead-letter and failure queues',
              region: config.region,
              stat: 'Maximum',
              period: 60,
              metrics: queueNames.map((n) => [
                'AWS/SQS',
                'ApproximateNumberOfMessagesVisible',
                'QueueName',
                n,
              ]),
            },
          },
          ...(config.kafka
            ? [
                {
                  type: 'metric',
                  x: 0,
                  y: 12,
                  width: 12,
                  height: 6,
                  properties: {
                    title: 'Kafka records',
                    region: config.region,
                    stat: 'Sum',
                    period: 60,
                    view: 'timeSeries',
                    metrics: [KAFKA_REJECTED_METRIC, 'KafkaRecordsRouted', 'KafkaRecordsRetried'].map(
                      emfMetric,
                    ),
                  },
                },
              ]
            : []),
        ],
      })),
    ),
  });
  return { dashboard };
}
