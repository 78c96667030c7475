/** The local DynamoDB (src/local/edge/dynalite-server.ts) with the single table created — for tests and benchmarks. */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { startDynalite } from '../../local/edge/dynalite-server.js';
import { tableDefinition } from '../table-definition.js';

export interface LocalDynamo {
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

export const testCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

/** Creates a table of the single-table design and waits until it is ACTIVE. */
export async function createTable(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  for (let i = 0; i < 50; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`table ${tableName} did not become ACTIVE`);
}

/**
 * `tableName`: the table to create (`false`: none, the caller creates its own). `maxAttempts`: the SDK's
 * retries (benchmarks that load dynalite hard raise it).
 */
export async function startLocalDynamo(
  tableName: string | false = 'wspush-test',
  options: { maxAttempts?: number } = {},
): Promise<LocalDynamo> {
  const dynalite = await startDynalite();
  const { endpoint } = dynalite;
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: testCredentials,
    ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
  });
  if (tableName !== false) await createTable(client, tableName);
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint,
    tableName: tableName || '',
    client,
    documentClient,
    async stop() {
      client.destroy();
      await dynalite.close();
    },
  };
}
