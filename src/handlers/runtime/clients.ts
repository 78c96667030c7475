/**
 * AWS SDK clients, built once per cold start and shared by the handlers of one process.
 * `AWS_ENDPOINT_URL` (local platform) is passed explicitly; the management API always uses
 * `WS_MANAGEMENT_ENDPOINT` (never a domain taken from an event: SNS and SQS events have none).
 */
import {
  ApiGatewayManagementApiClient,
  type ApiGatewayManagementApiClientConfig,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsEndpointUrl, awsRegion, postConcurrency } from './config.js';

/** One SQS-triggered invocation carries up to 10 records, each posting with `POST_CONCURRENCY` in flight. */
const MAX_RECORDS_PER_INVOCATION = 10;
/** A hung post becomes a failed outcome (and a retry job) well inside the function's timeout. */
const MANAGEMENT_REQUEST_TIMEOUT_MS = 10_000;

interface CommonOptions {
  region?: string;
  endpoint?: string;
}

function common(): CommonOptions {
  const options: CommonOptions = {};
  const region = awsRegion();
  if (region) options.region = region;
  const endpoint = awsEndpointUrl();
  if (endpoint) options.endpoint = endpoint;
  return options;
}

let documentClient: DynamoDBDocumentClient | undefined;
let sqsClient: SQSClient | undefined;
const managementClients = new Map<string, ApiGatewayManagementApiClient>();

export function getDocumentClient(): DynamoDBDocumentClient {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient(common()), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
}

export function getSqsClient(): SQSClient {
  sqsClient ??= new SQSClient(common());
  return sqsClient;
}

/**
 * The management API client's options (endpoint, retries, timeouts, sockets) without region and credentials,
 * shared with the fan-out benchmark so it measures the client exactly as the functions configure it.
 */
export function managementClientOptions(endpoint: string): ApiGatewayManagementApiClientConfig {
  // The SDK's own retries would hide 410/429 from the domain logic, which retries 429 itself.
  // The SDK's default agent has 50 sockets per process: size it so POST_CONCURRENCY holds for every record of
  // an invocation (records are processed at once), so posts never queue for a socket inside one Lambda.
  const maxSockets = postConcurrency() * MAX_RECORDS_PER_INVOCATION;
  return {
    endpoint,
    maxAttempts: 1,
    requestHandler: {
      requestTimeout: MANAGEMENT_REQUEST_TIMEOUT_MS,
      throwOnRequestTimeout: true,
      httpAgent: { keepAlive: true, maxSockets },
      httpsAgent: { keepAlive: true, maxSockets },
    },
  };
}

export function getManagementClient(endpoint: string): ApiGatewayManagementApiClient {
  let client = managementClients.get(endpoint);
  if (!client) {
    const region = awsRegion();
    client = new ApiGatewayManagementApiClient({
      ...managementClientOptions(endpoint),
      ...(region ? { region } : {}),
    });
    managementClients.set(endpoint, client);
  }
  return client;
}
