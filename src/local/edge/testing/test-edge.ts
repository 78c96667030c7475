/**
 * The local edge (the same DynamoDB, SQS, SNS and `@connections` emulators `npm start` runs) for tests and
 * benchmarks that drive the handlers or adapters directly: free loopback port, no functions wired (nothing
 * consumes the queues, so tests read what was sent), a `RecordingRegistry` behind `@connections`.
 */
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { tableDefinition } from '../../../adapters/table-definition.js';
import { type Edge, startEdge } from '../edge-server.js';
import type { SqsPeekedMessage } from '../sqs-service.js';
import { RecordingRegistry } from './recording-registry.js';

export const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

export interface TestEdge {
  edge: Edge;
  /** `http://127.0.0.1:<port>`: the `AWS_ENDPOINT_URL` of every SDK client */
  url: string;
  /** `<url>/<stage>`: the `@connections` endpoint */
  managementEndpoint: string;
  registry: RecordingRegistry;
  /** URL of the queue `<prefix><suffix>` (created at start for every sqs function of the contract). */
  queueUrl(suffix: string): string;
  /** Creates another queue (one the contract's functions do not poll) and returns its URL. */
  createQueue(suffix: string): string;
  /** The messages a queue holds, oldest first, not received. */
  messages(queueUrl: string): SqsPeekedMessage[];
  /** Their bodies. */
  bodies(queueUrl: string): string[];
  /** A table of the single-table design and a document client for it. */
  createTable(tableName: string): Promise<DynamoDBDocumentClient>;
  stop(): Promise<void>;
}

export async function startTestEdge(options: { prefix?: string; stage?: string } = {}): Promise<TestEdge> {
  const prefix = options.prefix ?? 'wspush-test';
  const stage = options.stage ?? 'test';
  const registry = new RecordingRegistry();
  const edge = await startEdge({ port: 0, registry, stage, resourcePrefix: prefix, subscriptions: false });
  const clients: DynamoDBClient[] = [];
  const messages = (queueUrl: string): SqsPeekedMessage[] => edge.sqs.peek(edge.sqs.nameFromUrl(queueUrl));
  return {
    edge,
    url: edge.url,
    managementEndpoint: `${edge.url}/${stage}`,
    registry,
    queueUrl: (suffix) => edge.queueUrl(`${prefix}${suffix}`),
    createQueue(suffix) {
      edge.sqs.createQueue(`${prefix}${suffix}`, {});
      return edge.queueUrl(`${prefix}${suffix}`);
    },
    messages,
    bodies: (queueUrl) => messages(queueUrl).map((m) => m.body),
    async createTable(tableName) {
      const client = new DynamoDBClient({
        endpoint: edge.url,
        region: 'us-east-1',
        credentials: TEST_CREDENTIALS,
      });
      clients.push(client);
      await client.send(new CreateTableCommand(tableDefinition(tableName)));
      return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
    },
    async stop() {
      for (const client of clients) client.destroy();
      await edge.stop();
    },
  };
}
