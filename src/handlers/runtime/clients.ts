/**
 * AWS SDK clients, built once per cold start and shared by the handlers of one process.
 * `AWS_ENDPOINT_URL` (local platform) is passed explicitly; the management API always uses
 * `WS_MANAGEMENT_ENDPOINT` (never a domain taken from an event: SNS and SQS events have none).
 */
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { awsEndpointUrl, awsRegion } from './config.js';

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

export function getManagementClient(endpoint: string): ApiGatewayManagementApiClient {
  let client = managementClients.get(endpoint);
  if (!client) {
    const region = awsRegion();
    // The SDK's own retries would hide 410/429 from the domain logic, which retries 429 itself.
    client = new ApiGatewayManagementApiClient({ endpoint, maxAttempts: 1, ...(region ? { region } : {}) });
    managementClients.set(endpoint, client);
  }
  return client;
}
