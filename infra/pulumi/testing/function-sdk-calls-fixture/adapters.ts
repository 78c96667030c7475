/**
 * Fixture for function-needs.test.ts (the function-sdk-calls.ts detector) (never run, only analysed). Each class keeps all of its methods in a bundle
 * (esbuild does not tree-shake methods); only the methods the handlers reach may count.
 */
import type { SQSClient } from '@aws-sdk/client-sqs';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { ItemStore, Notifier } from './ports.js';
import { SendMessageCommand } from './sdk.js';

export class FixtureItemStore implements ItemStore {
  constructor(private readonly client: DynamoDBDocumentClient) {}

  async read(id: string): Promise<unknown> {
    const output = await this.client.send(new GetCommand({ TableName: 'fixture', Key: { pk: id } }));
    return output.Item;
  }

  /** In both bundles, reached by neither handler. */
  async write(id: string): Promise<void> {
    await this.client.send(new PutCommand({ TableName: 'fixture', Item: { pk: id } }));
  }
}

export class FixtureNotifier implements Notifier {
  constructor(private readonly client: SQSClient) {}

  async notify(id: string): Promise<void> {
    await this.client.send(new SendMessageCommand({ QueueUrl: 'http://fixture', MessageBody: id }));
  }
}

/** Has a `read` method but implements no port: a call through ItemStore must not reach it. */
export class LookalikeStore {
  constructor(private readonly client: DynamoDBDocumentClient) {}

  async read(id: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: 'fixture', Key: { pk: id } }));
  }
}
