/** Fixture for function-needs.test.ts (the function-sdk-calls.ts detector) (never run): reads through the ItemStore port only → GetItem. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { FixtureItemStore, FixtureNotifier, LookalikeStore } from './adapters.js';
import type { ItemStore, Notifier } from './ports.js';

const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const store: ItemStore = new FixtureItemStore(client);
// Constructed, but notify is never called in this function.
export const notifier: Notifier = new FixtureNotifier(new SQSClient({}));
export const lookalike = new LookalikeStore(client);

/** A top-level function nothing calls (nor exports): its command does not count. */
const neverCalled = (): UpdateCommand =>
  new UpdateCommand({ TableName: 'fixture', Key: { pk: 'x' }, UpdateExpression: 'SET a = :a' });

function lookup(items: ItemStore, id: string): Promise<unknown> {
  return items.read(id);
}

export const handler = async (event: { id: string }): Promise<unknown> => lookup(store, event.id);

/** Referenced only from a type position: still never called. */
export type Unreached = typeof neverCalled;
