/**
 * Alarms (every dead-letter and failure queue, function errors and throttles, the authorizer's error rate,
 * rejected Kafka records) and the stack's CloudWatch dashboard.
 */
import * as aws from '@pulumi/aws';
import * as pulumi from '@pulumi/pulumi';
import type { StackConfig } from './config.js';
import type { DeployedFunction } from './functions.js';
import { KAFKA_REJECTED_METRIC } from './kafka.js';
import { dashboardBody } from './monitoring-dashboard.js';
import { METRICS_NAMESPACE } from './platform-constants.js';

export interface MonitoringInput {
  config: StackConfig;
  prefix: string;
  tags: Record<string, string>;
  /** The DLQ of each SQS channel. */
  deadLetterQueues: ReadonlyMap<string, aws.sqs.Queue>;
  functions: Iterable<DeployedFunction>;
}

/** Where alarms notify: a topic of the stack with an e-mail subscription, or a topic the operator gives. */
function alarmTopicArn(
  config: StackConfig,
  prefix: string,
  tags: Record<string, string>,
): pulumi.Output<string> {
  if (config.alarm.kind !== 'email') return pulumi.output(config.alarm.topicArn);
  // CloudWatch cannot publish to a topic encrypted with the AWS managed alias/aws/sns key: leave this one plain.
  const alarmTopic = new aws.sns.Topic('alarm-topic', { name: `${prefix}-alarms`, tags });
  new aws.sns.TopicSubscription('alarm-email', {
    topic: alarmTopic.arn,
    protocol: 'email',
    endpoint: config.alarm.email,
  });
  return alarmTopic.arn;
}

interface AlarmSettings {
  /** Actions, missing-data treatment and tags every alarm shares. */
  defaults: {
    alarmActions: pulumi.Output<string>[];
    okActions: pulumi.Output<string>[];
    treatMissingData: string;
    tags: Record<string, string>;
  };
  /** Alarms on any value above zero in one period (a kept message, an error, a throttle, a rejected record). */
  aboveZero: AlarmSettings['defaults'] & {
    evaluationPeriods: number;
    threshold: number;
    comparisonOperator: string;
  };
}

function alarmSettings(topicArn: pulumi.Output<string>, tags: Record<string, string>): AlarmSettings {
  const defaults = {
    alarmActions: [topicArn],
    okActions: [topicArn],
    treatMissingData: 'notBreaching',
    tags,
  };
  return {
    defaults,
    aboveZero: {
      evaluationPeriods: 1,
      threshold: 0,
      comparisonOperator: 'GreaterThanThreshold',
      ...defaults,
    },
  };
}

/** Every dead-letter queue (one per SQS channel) and every function's failure queue, keyed for resource names. */
function keptMessageQueues(input: MonitoringInput, functions: DeployedFunction[]) {
  const queues: Array<{ key: string; queue: aws.sqs.Queue }> = [];
  for (const [channel, dlq] of input.deadLetterQueues) queues.push({ key: `${channel}-dlq`, queue: dlq });
  for (const { definition, failureQueue } of functions) {
    if (failureQueue) queues.push({ key: `${definition.handler}-failures`, queue: failureQueue });
  }
  return queues;
}

function queueDepthAlarm(key: string, queue: aws.sqs.Queue, alarms: AlarmSettings): void {
  new aws.cloudwatch.MetricAlarm(`${key}-depth-alarm`, {
    name: pulumi.interpolate`${queue.name} has messages`,
    alarmDescription: 'Messages failed processing and are kept here. See docs/operations.md#redrive-a-dlq.',
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensions: { QueueName: queue.name },
    statistic: 'Maximum',
    period: 60,
    ...alarms.aboveZero,
  });
}

/** A Lambda metric summed over five minutes, alarmed above zero. */
function lambdaSumAlarm(
  name: string,
  fn: aws.lambda.Function,
  metricName: 'Errors' | 'Throttles',
  title: string,
  description: string,
  alarms: AlarmSettings,
): void {
  new aws.cloudwatch.MetricAlarm(name, {
    name: pulumi.interpolate`${fn.name} ${title}`,
    alarmDescription: description,
    namespace: 'AWS/Lambda',
    metricName,
    dimensions: { FunctionName: fn.name },
    statistic: 'Sum',
    period: 300,
    ...alarms.aboveZero,
  });
}

/**
 * A rejected token is a thrown `Unauthorized`, which Lambda counts as an error: the authorizer alarms on the
 * error rate over a minimum volume, not on single rejections.
 */
function authorizerErrorRateAlarm(handler: string, fn: aws.lambda.Function, alarms: AlarmSettings): void {
  const lambdaMetric = (metricName: string) => ({
    namespace: 'AWS/Lambda',
    metricName,
    dimensions: { FunctionName: fn.name },
    stat: 'Sum',
    period: 60,
  });
  new aws.cloudwatch.MetricAlarm(`${handler}-errors-alarm`, {
    name: pulumi.interpolate`${fn.name} error rate`,
    alarmDescription:
      'More than half of the authorizer invocations failed (IdP/JWKS down, or a token flood).',
    evaluationPeriods: 3,
    datapointsToAlarm: 2,
    threshold: 0.5,
    comparisonOperator: 'GreaterThanThreshold',
    metricQueries: [
      { id: 'errors', metric: lambdaMetric('Errors') },
      { id: 'invocations', metric: lambdaMetric('Invocations') },
      {
        id: 'rate',
        expression: 'IF(invocations >= 20, errors / invocations, 0)',
        label: 'authorizer error rate',
        returnData: true,
      },
    ],
    ...alarms.defaults,
  });
}

/** A function's alarms: rejected Kafka records, errors (or the authorizer's error rate), throttles. */
function functionAlarms(
  { definition, fn }: DeployedFunction,
  config: StackConfig,
  alarms: AlarmSettings,
): void {
  const { handler } = definition;
  const kind = definition.trigger.kind;
  if (kind === 'kafka') {
    new aws.cloudwatch.MetricAlarm(`${handler}-rejected-alarm`, {
      name: pulumi.interpolate`${fn.name} rejected records`,
      alarmDescription:
        'Kafka records failed the contract and were not delivered; each is in the Kafka failure queue with its reason. See docs/operations.md#kafka.',
      namespace: METRICS_NAMESPACE,
      metricName: KAFKA_REJECTED_METRIC,
      dimensions: { service: `wspush-${config.stack}` },
      statistic: 'Sum',
      period: 300,
      ...alarms.aboveZero,
    });
  }
  if (kind === 'sns' || kind === 'sqs' || kind === 'kafka') {
    lambdaSumAlarm(
      `${handler}-errors-alarm`,
      fn,
      'Errors',
      'errors',
      'Invocations failed (retried; kept in the failure queue or DLQ when retries run out).',
      alarms,
    );
  }
  if (kind === 'authorizer') authorizerErrorRateAlarm(handler, fn, alarms);
  lambdaSumAlarm(
    `${handler}-throttles-alarm`,
    fn,
    'Throttles',
    'throttled',
    'Lambda throttled invocations (reserved/maximum concurrency or the account limit).',
    alarms,
  );
}

export function createMonitoring(input: MonitoringInput): { dashboard: aws.cloudwatch.Dashboard } {
  const { config, prefix, tags } = input;
  const functions = [...input.functions];
  const alarms = alarmSettings(alarmTopicArn(config, prefix, tags), tags);
  const queues = keptMessageQueues(input, functions);
  for (const { key, queue } of queues) queueDepthAlarm(key, queue, alarms);
  for (const deployed of functions) functionAlarms(deployed, config, alarms);

  const functionNames = functions.map(({ fn }) => fn.name);
  const queueNames = queues.map(({ queue }) => queue.name);
  const dashboard = new aws.cloudwatch.Dashboard('dashboard', {
    dashboardName: prefix,
    dashboardBody: pulumi.jsonStringify(
      pulumi.all([functionNames, queueNames]).apply(([fnNames, qNames]) =>
        dashboardBody({
          region: config.region,
          service: `wspush-${config.stack}`,
          functionNames: fnNames,
          queueNames: qNames,
          kafka: Boolean(config.kafka),
        }),
      ),
    ),
  });
  return { dashboard };
}
