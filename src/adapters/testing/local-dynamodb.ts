/** A dynalite server on a free loopback port with the single table created — for adapter and handler tests. */
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { tableDefinition } from '../table-definition.js';

export interface LocalDynamo {
  endpoint: string;
  tableName: string;
  client: DynamoDBClient;
  documentClient: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

export const testCredentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export async function startLocalDynamo(tableName = 'wspush-test'): Promise<LocalDynamo> {
  const server = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: testCredentials });
  await client.send(new CreateTableCommand(tableDefinition(tableName)));
  const documentClient = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
  return {
    endpoint,
    tableName,
    client,
    documentClient,
    async stop() {
      client.destroy();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}
