/** The platform's one DynamoDB table: on-demand, no GSI, TTL on, encrypted with the AWS managed key. */
import * as aws from '@pulumi/aws';
import { TABLE_KEYS, tableDefinition } from '../../src/adapters/table-definition.js';
import type { StackConfig } from './config.js';

export function createTable(
  config: StackConfig,
  prefix: string,
  tags: Record<string, string>,
): aws.dynamodb.Table {
  const definition = tableDefinition(prefix);
  return new aws.dynamodb.Table('table', {
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
}
