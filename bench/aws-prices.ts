/**
 * Every AWS price the benchmarks and the simulation use, per region, each with its public source and the date
 * it was read. The one place to change a price. This machine reaches neither aws.amazon.com nor the AWS Price
 * List API: prices were read from stored copies of those pages, of the Price List offer files and of public
 * write-ups; re-check them on the AWS pricing pages before quoting a figure to anyone.
 *
 * A stack's prices are those of the region in its `infra/pulumi/Pulumi.<stack>.yaml` (`aws:region`).
 * List prices, first tier, no free tier, USD.
 */
import { loadStackConfig } from '../infra/pulumi/stack-files.js';

export interface Price {
  usd: number;
  source: string;
  /** When the figure was read from the source (YYYY-MM-DD). */
  read: string;
}

export interface RegionPrices {
  /** API Gateway WebSocket, per million messages sent or received (32 KB units). */
  apiGatewayPerMillionMessages: Price;
  /** API Gateway WebSocket, per million connection-minutes. */
  apiGatewayPerMillionConnectionMinutes: Price;
  /** Lambda, per million requests (arm64 and x86 alike). */
  lambdaPerMillionRequests: Price;
  /** Lambda arm64 duration, per GB-second (first tier). */
  lambdaPerGbSecondArm: Price;
  /** DynamoDB on-demand, per million write request units. */
  dynamoPerMillionWriteUnits: Price;
  /** DynamoDB on-demand, per million read request units. */
  dynamoPerMillionReadUnits: Price;
  /** SNS standard topics, per million published messages (64 KB units; deliveries to Lambda are free). */
  snsPerMillionPublishes: Price;
  /** SQS standard queues, per million requests (64 KB units; receives and deletes count like sends). */
  sqsPerMillionRequests: Price;
  /** CloudWatch Logs standard class, per GB ingested (uncompressed). */
  logsPerGbIngested: Price;
  /** CloudWatch Logs, per GB-month archived (compressed). */
  logsPerGbMonthStored: Price;
  /** X-Ray, per million traces recorded. */
  xrayPerMillionTracesRecorded: Price;
  /** AppSync Events, per million Event API operations (connects, subscribes, publishes, deliveries; 5 KB units). */
  appSyncEventsPerMillionOperations: Price;
  /** AppSync Events, per million connection-minutes. */
  appSyncEventsPerMillionConnectionMinutes: Price;
}

const READ = '2026-11-29';
const AWS_APIGW = 'aws.amazon.com/api-gateway/pricing (stored copy: 32 KB metering, free tier)';
const LAMBDA =
  'aws.amazon.com/lambda/pricing; cloudchipr.com write-up (2025): arm64 $0.0000133334/GB-s, $0.20/M requests, same in both regions';
const DDB_CUT =
  'aws.amazon.com/dynamodb/pricing/on-demand after the 2024-11-01 cut of 50% (airbyte.com, 2025-07: us-east-1 $0.625/$0.125)';
const LOGS = 'aws.amazon.com/cloudwatch/pricing, Logs, standard class (not re-checkable from this machine)';
const XRAY =
  'aws.amazon.com/xray/pricing: $5.00 per million traces recorded, same in both regions (not re-checkable from this machine)';
const APPSYNC = 'aws.amazon.com/appsync/pricing, AppSync Events; shared/reference/aws-websocket-semantics.md';

export const PRICES_BY_REGION: Record<'us-east-1' | 'eu-west-1', RegionPrices> = {
  'us-east-1': {
    apiGatewayPerMillionMessages: {
      usd: 1.0,
      source: `${AWS_APIGW}; awsforengineers.com (2025-05)`,
      read: READ,
    },
    apiGatewayPerMillionConnectionMinutes: {
      usd: 0.25,
      source: `${AWS_APIGW}; repost.aws question quoting the page; c3x.dev`,
      read: READ,
    },
    lambdaPerMillionRequests: { usd: 0.2, source: LAMBDA, read: READ },
    lambdaPerGbSecondArm: { usd: 0.0000133334, source: LAMBDA, read: READ },
    dynamoPerMillionWriteUnits: { usd: 0.625, source: DDB_CUT, read: READ },
    dynamoPerMillionReadUnits: { usd: 0.125, source: DDB_CUT, read: READ },
    snsPerMillionPublishes: {
      usd: 0.5,
      source: 'aws.amazon.com/sns/pricing; factualminds.com (2026-06)',
      read: READ,
    },
    sqsPerMillionRequests: {
      usd: 0.4,
      source: 'aws.amazon.com/sqs/pricing; cloudburn.io (2026-03)',
      read: READ,
    },
    logsPerGbIngested: { usd: 0.5, source: LOGS, read: READ },
    logsPerGbMonthStored: { usd: 0.03, source: LOGS, read: READ },
    xrayPerMillionTracesRecorded: { usd: 5.0, source: XRAY, read: READ },
    appSyncEventsPerMillionOperations: { usd: 1.0, source: APPSYNC, read: READ },
    appSyncEventsPerMillionConnectionMinutes: { usd: 0.08, source: APPSYNC, read: READ },
  },
  'eu-west-1': {
    apiGatewayPerMillionMessages: {
      usd: 1.14,
      source: `${AWS_APIGW}; EU (Ireland) rate as listed in a public architecture note beside the region's HTTP API rate ($1.11)`,
      read: READ,
    },
    apiGatewayPerMillionConnectionMinutes: {
      usd: 0.285,
      source: `${AWS_APIGW}; EU (Ireland) rate from the same note`,
      read: READ,
    },
    lambdaPerMillionRequests: { usd: 0.2, source: LAMBDA, read: READ },
    lambdaPerGbSecondArm: { usd: 0.0000133334, source: LAMBDA, read: READ },
    dynamoPerMillionWriteUnits: {
      usd: 0.7068,
      source: `${DDB_CUT}; EU (Ireland) = half its pre-cut $1.4135 (derived, not read)`,
      read: READ,
    },
    dynamoPerMillionReadUnits: {
      usd: 0.1415,
      source: `${DDB_CUT}; EU (Ireland) = half its pre-cut $0.283 (derived, not read)`,
      read: READ,
    },
    snsPerMillionPublishes: {
      usd: 0.5,
      source: 'aws.amazon.com/sns/pricing (EU (Ireland) as us-east-1)',
      read: READ,
    },
    sqsPerMillionRequests: {
      usd: 0.4,
      source: 'aws.amazon.com/sqs/pricing (EU (Ireland) as us-east-1)',
      read: READ,
    },
    logsPerGbIngested: { usd: 0.57, source: LOGS, read: READ },
    logsPerGbMonthStored: { usd: 0.03, source: LOGS, read: READ },
    xrayPerMillionTracesRecorded: { usd: 5.0, source: XRAY, read: READ },
    appSyncEventsPerMillionOperations: {
      usd: 1.0,
      source:
        'AWS Price List offer file for AWSAppSync (stored copy): "$1 per million Event API operations in EU (Ireland)", usage type EU-EventAPI-Operation, effective 2024-09-01',
      read: READ,
    },
    appSyncEventsPerMillionConnectionMinutes: {
      usd: 0.08,
      source: `${APPSYNC}; EU (Ireland) assumed equal to us-east-1 (no stored copy lists it)`,
      read: READ,
    },
  },
};

export type PricedRegion = keyof typeof PRICES_BY_REGION;

/** Plain numbers (USD) for arithmetic. */
export type PriceTable = { [K in keyof RegionPrices]: number };

export function priceTable(region: string): PriceTable {
  const prices = PRICES_BY_REGION[region as PricedRegion] as RegionPrices | undefined;
  if (!prices) {
    throw new Error(
      `no prices for region ${region} in bench/aws-prices.ts (priced: ${Object.keys(PRICES_BY_REGION).join(', ')})`,
    );
  }
  return Object.fromEntries(Object.entries(prices).map(([k, p]) => [k, (p as Price).usd])) as PriceTable;
}

/** A stack's region, as its stack file sets it. */
export function stackRegion(stack: string): string {
  const region = loadStackConfig(stack)['aws:region'];
  if (!region) throw new Error(`infra/pulumi/Pulumi.${stack}.yaml sets no aws:region`);
  return region;
}
