import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  CreateTableCommand,
  DynamoDBClient,
  GetItemCommand,
  ProvisionedThroughputExceededException,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateTopicCommand, ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableDefinition } from '../../../src/adapters/table-definition.js';
import { type Edge, startEdge } from '../../../src/local/edge/index.js';
import { clientConfig, RecordingRegistry } from './helpers.js';

describe('DynamoDB through the edge (dynalite)', () => {
  let edge: Edge;
  let ddb: DynamoDBClient;
  beforeAll(async () => {
    edge = await startEdge({ host: '127.0.0.1', port: 0, registry: new RecordingRegistry() });
    ddb = new DynamoDBClient({ ...clientConfig(edge.url), maxAttempts: 1 });
    await ddb.send(new CreateTableCommand(tableDefinition('mem-table')));
  });
  afterAll(async () => {
    ddb.destroy();
    await edge.stop();
  });

  it('stores and reads items', async () => {
    await ddb.send(
      new PutItemCommand({ TableName: 'mem-table', Item: { pk: { S: 'a' }, sk: { S: 'b' }, v: { N: '1' } } }),
    );
    const { Item } = await ddb.send(
      new GetItemCommand({ TableName: 'mem-table', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
    );
    expect(Item?.v).toEqual({ N: '1' });
    expect(edge.stats.snapshot().dynamodb).toMatchObject({ CreateTable: 1, PutItem: 1, GetItem: 1 });
  });

  it('throttles N requests with ProvisionedThroughputExceededException', async () => {
    edge.faults.add({ kind: 'dynamodb-throttle', operation: 'GetItem', times: 1 });
    const key = { pk: { S: 'a' }, sk: { S: 'b' } };
    await expect(ddb.send(new GetItemCommand({ TableName: 'mem-table', Key: key }))).rejects.toBeInstanceOf(
      ProvisionedThroughputExceededException,
    );
    expect((await ddb.send(new GetItemCommand({ TableName: 'mem-table', Key: key }))).Item).toBeDefined();
  });

  it('throttles only the requests whose body contains bodyContains, and counts what it fired', async () => {
    const rule = edge.faults.add({
      kind: 'dynamodb-throttle',
      operation: 'GetItem',
      bodyContains: 'scoped#1',
      times: 'always',
    });
    const get = (pk: string) =>
      ddb.send(new GetItemCommand({ TableName: 'mem-table', Key: { pk: { S: pk }, sk: { S: 'b' } } }));
    await expect(get('scoped#1')).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    await expect(get('scoped#2')).resolves.toBeDefined();
    await expect(get('a')).resolves.toBeDefined();
    await expect(get('scoped#1')).rejects.toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(edge.faults.fired(rule)).toBe(2);
    edge.faults.remove(rule);
    await expect(get('scoped#1')).resolves.toBeDefined();
    expect(edge.faults.fired(rule)).toBe(2);
  });

  it('returns UnprocessedItems on BatchWriteItem without writing', async () => {
    edge.faults.add({ kind: 'dynamodb-unprocessed', times: 1 });
    const request = { 'mem-table': [{ PutRequest: { Item: { pk: { S: 'u' }, sk: { S: '1' } } } }] };
    const first = await ddb.send(new BatchWriteItemCommand({ RequestItems: request }));
    expect(first.UnprocessedItems).toEqual(request);
    expect(
      (
        await ddb.send(
          new GetItemCommand({ TableName: 'mem-table', Key: { pk: { S: 'u' }, sk: { S: '1' } } }),
        )
      ).Item,
    ).toBeUndefined();
    const second = await ddb.send(new BatchWriteItemCommand({ RequestItems: request }));
    expect(second.UnprocessedItems ?? {}).toEqual({});
    expect(
      (
        await ddb.send(
          new GetItemCommand({ TableName: 'mem-table', Key: { pk: { S: 'u' }, sk: { S: '1' } } }),
        )
      ).Item,
    ).toBeDefined();
  });

  it('answers a malformed body with 400 and keeps serving', async () => {
    const res = await fetch(edge.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'DynamoDB_20120810.PutItem', 'content-type': 'application/x-amz-json-1.0' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('SerializationException');
    expect(
      (
        await ddb.send(
          new GetItemCommand({ TableName: 'mem-table', Key: { pk: { S: 'a' }, sk: { S: 'b' } } }),
        )
      ).Item,
    ).toBeDefined();
  });

  it('passes dynalite validation errors through', async () => {
    await expect(
      ddb.send(new GetItemCommand({ TableName: 'no-such-table', Key: { pk: { S: 'a' }, sk: { S: 'b' } } })),
    ).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});

describe('restart with a dataDir', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'wspush-edge-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('keeps queue messages (waiting and in flight), topics and DynamoDB items across a restart', async () => {
    const registry = new RecordingRegistry();
    const first = await startEdge({ host: '127.0.0.1', port: 0, dataDir, registry });
    let sqs = new SQSClient(clientConfig(first.url));
    let ddb = new DynamoDBClient(clientConfig(first.url));
    let sns = new SNSClient(clientConfig(first.url));
    await ddb.send(new CreateTableCommand(tableDefinition('disk-table')));
    await ddb.send(
      new PutItemCommand({
        TableName: 'disk-table',
        Item: { pk: { S: 'inbox#acme#alice' }, sk: { S: 'msg#1' }, body: { S: 'kept' } },
      }),
    );
    await sns.send(new CreateTopicCommand({ Name: 'kept-topic' }));
    const deliveryUrl = first.resources.queues['wspush-local-delivery'] as string;
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: deliveryUrl,
        MessageBody: 'waiting-1',
        MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } },
      }),
    );
    await sqs.send(new SendMessageCommand({ QueueUrl: deliveryUrl, MessageBody: 'waiting-2' }));
    await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: deliveryUrl, VisibilityTimeout: 1, MaxNumberOfMessages: 1 }),
    );
    sqs.destroy();
    ddb.destroy();
    sns.destroy();
    await first.stop();
    expect((await readdir(dataDir)).sort()).toEqual(
      expect.arrayContaining(['dynamodb', 'sns.json', 'sqs.json']),
    );

    const second = await startEdge({ host: '127.0.0.1', port: 0, dataDir, registry });
    sqs = new SQSClient(clientConfig(second.url));
    ddb = new DynamoDBClient(clientConfig(second.url));
    sns = new SNSClient(clientConfig(second.url));
    try {
      const url = second.resources.queues['wspush-local-delivery'] as string;
      const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
      expect(
        Number(attrs.Attributes?.ApproximateNumberOfMessages) +
          Number(attrs.Attributes?.ApproximateNumberOfMessagesNotVisible),
      ).toBe(2);
      const bodies: string[] = [];
      const deadline = Date.now() + 5000;
      while (bodies.length < 2 && Date.now() < deadline) {
        const { Messages = [] } = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: url,
            WaitTimeSeconds: 2,
            MaxNumberOfMessages: 10,
            MessageAttributeNames: ['All'],
            MessageSystemAttributeNames: ['All'],
          }),
        );
        for (const m of Messages) {
          bodies.push(m.Body as string);
          if (m.Body === 'waiting-1') {
            expect(m.MessageAttributes?.a?.StringValue).toBe('b');
            expect(m.Attributes?.ApproximateReceiveCount).toBe('2');
          }
        }
      }
      expect(bodies.sort()).toEqual(['waiting-1', 'waiting-2']);
      const { Item } = await ddb.send(
        new GetItemCommand({
          TableName: 'disk-table',
          Key: { pk: { S: 'inbox#acme#alice' }, sk: { S: 'msg#1' } },
        }),
      );
      expect(Item?.body).toEqual({ S: 'kept' });
      const { Topics } = await sns.send(new ListTopicsCommand({}));
      expect(Topics?.map((t) => t.TopicArn)).toContain('arn:aws:sns:us-east-1:000000000000:kept-topic');
    } finally {
      sqs.destroy();
      ddb.destroy();
      sns.destroy();
      await second.stop();
    }
  });

  it('writes SQS state to disk shortly after each change, without waiting for stop (survives a kill)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspush-edge-kill-'));
    const edge = await startEdge({
      host: '127.0.0.1',
      port: 0,
      dataDir: dir,
      registry: new RecordingRegistry(),
    });
    const sqs = new SQSClient(clientConfig(edge.url));
    try {
      await sqs.send(
        new SendMessageCommand({
          QueueUrl: edge.queueUrl('wspush-local-delivery'),
          MessageBody: 'unflushed',
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      expect(await readFile(join(dir, 'sqs.json'), 'utf8')).toContain('unflushed');
    } finally {
      sqs.destroy();
      await edge.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
