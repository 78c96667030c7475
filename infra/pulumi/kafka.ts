/**
 * Kafka ingestion of one stack (only when its `kafka` key is set): one event source mapping per contract
 * Kafka channel (AWS maps one topic per mapping) into the Kafka router, the permissions the mappings need on
 * the function's role, and the alarm on rejected records. docs/operations.md#kafka.
 */
import * as aws from '@pulumi/aws';
import type * as pulumi from '@pulumi/pulumi';
import type { KafkaChannelName } from '../../generated/index.js';
import type { KafkaStackConfig } from './kafka-config.js';

export interface KafkaPolicyStatement {
  Sid: string;
  Effect: 'Allow';
  Action: string[];
  Resource: pulumi.Input<string>[];
}

/**
 * What a Kafka mapping's pollers need to reach a cluster in a VPC (network interfaces in its subnets). EC2 has
 * no resource-level permission for the Describe calls: the documented exception to scoped resources, as in
 * AWS's AWSLambdaMSKExecutionRole.
 */
export const KAFKA_NETWORK_ACTIONS = [
  'ec2:CreateNetworkInterface',
  'ec2:DescribeNetworkInterfaces',
  'ec2:DescribeVpcs',
  'ec2:DeleteNetworkInterface',
  'ec2:DescribeSubnets',
  'ec2:DescribeSecurityGroups',
] as const;

/** `arn:…:cluster/name/uuid` → `arn:…:<kind>/name/uuid/<name>` (MSK IAM access control resources). */
function mskResource(clusterArn: string, kind: 'topic' | 'group', name: string): string {
  return `${clusterArn.replace(':cluster/', `:${kind}/`)}/${name}`;
}

/** The statements the event source mappings need on the Kafka router's role (the code itself needs none). */
export function kafkaSourceStatements(kafka: KafkaStackConfig): KafkaPolicyStatement[] {
  const statements: KafkaPolicyStatement[] = [];
  const { source, auth } = kafka;
  if (source.kind === 'msk') {
    statements.push({
      Sid: 'ReadMskCluster',
      Effect: 'Allow',
      Action: ['kafka:DescribeClusterV2', 'kafka:GetBootstrapBrokers'],
      Resource: [source.clusterArn],
    });
    if (auth.mechanism === 'IAM') {
      const topics = Object.values(kafka.topics).map((t) => mskResource(source.clusterArn, 'topic', t));
      const groups = Object.values(kafka.consumerGroupIds).map((g) =>
        mskResource(source.clusterArn, 'group', g),
      );
      statements.push(
        {
          Sid: 'ConnectToMsk',
          Effect: 'Allow',
          Action: ['kafka-cluster:Connect', 'kafka-cluster:DescribeClusterDynamicConfiguration'],
          Resource: [source.clusterArn],
        },
        {
          Sid: 'ReadKafkaTopics',
          Effect: 'Allow',
          Action: ['kafka-cluster:DescribeTopic', 'kafka-cluster:ReadData'],
          Resource: topics,
        },
        {
          Sid: 'UseConsumerGroups',
          Effect: 'Allow',
          Action: ['kafka-cluster:DescribeGroup', 'kafka-cluster:AlterGroup'],
          Resource: groups,
        },
      );
    }
  }
  if (source.kind === 'msk' || source.vpc !== undefined) {
    statements.push({
      Sid: 'KafkaNetwork',
      Effect: 'Allow',
      Action: [...KAFKA_NETWORK_ACTIONS],
      Resource: ['*'],
    });
  }
  const secrets = [
    ...(auth.mechanism === 'IAM' ? [] : [auth.secretArn]),
    ...(source.kind === 'self-managed' && source.serverRootCaSecretArn ? [source.serverRootCaSecretArn] : []),
  ];
  if (secrets.length > 0) {
    statements.push({
      Sid: 'ReadKafkaSecrets',
      Effect: 'Allow',
      Action: ['secretsmanager:GetSecretValue'],
      Resource: secrets,
    });
  }
  return statements;
}

function accessConfigurations(kafka: KafkaStackConfig): { type: string; uri: string }[] {
  const { source, auth } = kafka;
  const out: { type: string; uri: string }[] = [];
  if (auth.mechanism !== 'IAM') out.push({ type: auth.mechanism, uri: auth.secretArn });
  if (source.kind === 'self-managed') {
    for (const subnet of source.vpc?.subnetIds ?? [])
      out.push({ type: 'VPC_SUBNET', uri: `subnet:${subnet}` });
    for (const group of source.vpc?.securityGroupIds ?? [])
      out.push({ type: 'VPC_SECURITY_GROUP', uri: `security_group:${group}` });
    if (source.serverRootCaSecretArn)
      out.push({ type: 'SERVER_ROOT_CA_CERTIFICATE', uri: source.serverRootCaSecretArn });
  }
  return out;
}

/**
 * One mapping per channel. Provisioned pollers, because Kafka mappings honour retries, bisection and partial
 * batch responses only in that mode: the router reports the record its partition resumes from, Lambda retries
 * it at most `maximumRetryAttempts` times, then sends the batch's description to the failure queue and moves on.
 */
export function createKafkaMappings(args: {
  handler: string;
  kafka: KafkaStackConfig;
  functionArn: pulumi.Input<string>;
  failureQueueArn: pulumi.Input<string>;
  dependsOn: pulumi.Resource[];
}): aws.lambda.EventSourceMapping[] {
  const { kafka } = args;
  return (Object.keys(kafka.topics) as KafkaChannelName[]).map((channel) => {
    const consumerGroupId = kafka.consumerGroupIds[channel];
    const access = accessConfigurations(kafka);
    return new aws.lambda.EventSourceMapping(
      `${args.handler}-${channel}-source`,
      {
        functionName: args.functionArn,
        topics: [kafka.topics[channel]],
        startingPosition: kafka.startingPosition,
        batchSize: kafka.batchSize,
        maximumBatchingWindowInSeconds: kafka.maximumBatchingWindowSeconds,
        functionResponseTypes: ['ReportBatchItemFailures'],
        bisectBatchOnFunctionError: true,
        maximumRetryAttempts: kafka.maximumRetryAttempts,
        provisionedPollerConfig: {
          minimumPollers: kafka.pollers.minimum,
          maximumPollers: kafka.pollers.maximum,
        },
        destinationConfig: { onFailure: { destinationArn: args.failureQueueArn } },
        ...(kafka.source.kind === 'msk'
          ? {
              eventSourceArn: kafka.source.clusterArn,
              amazonManagedKafkaEventSourceConfig: { consumerGroupId },
            }
          : {
              selfManagedEventSource: {
                endpoints: { KAFKA_BOOTSTRAP_SERVERS: kafka.source.bootstrapServers.join(',') },
              },
              selfManagedKafkaEventSourceConfig: { consumerGroupId },
            }),
        sourceAccessConfigurations: access.length > 0 ? access : undefined,
      },
      { dependsOn: args.dependsOn },
    );
  });
}

/** The EMF metric of rejected records (the router's `KafkaRecordsRejected`), alarmed on the first one. */
export const KAFKA_REJECTED_METRIC = 'KafkaRecordsRejected';
