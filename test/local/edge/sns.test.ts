import {
  CreateTopicCommand,
  InvalidParameterException,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  NotFoundException,
  PublishBatchCommand,
  PublishCommand,
  SNSClient,
  SubscribeCommand,
} from '@aws-sdk/client-sns';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SNSEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Edge, startEdge } from '../../../src/local/edge/index.js';
import {
  createLambdaRuntime,
  type LambdaHandler,
  type LambdaRuntime,
} from '../../../src/local/lambda/index.js';
import { clientConfig, eventually, RecordingRegistry } from './helpers.js';

const received: Record<string, SNSEvent[]> = {};
function record(name: string, event: unknown): void {
  received[name] = [...(received[name] ?? []), event as SNSEvent];
}
let failuresLeft = 0;
const handlers: Record<string, LambdaHandler> = {
  'broadcast-router': async (event) => {
    record('broadcast-router', event);
  },
  'user-router': async (event) => {
    record('user-router', event);
  },
  flaky: async (event) => {
    record('flaky', event);
    if (failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error('flaky failure');
    }
  },
  broken: async () => {
    throw new TypeError('always broken');
  },
};

let edge: Edge;
let runtime: LambdaRuntime;
let sns: SNSClient;

beforeAll(async () => {
  runtime = createLambdaRuntime({
    loadHandler: async (name) => {
      const handler = handlers[name];
      if (!handler) throw new Error(`no fixture ${name}`);
      return handler;
    },
    retryDelaysMs: [20, 40],
  });
  edge = await startEdge({
    host: '127.0.0.1',
    port: 0,
    registry: new RecordingRegistry(),
    runtime,
    subscriptions: {
      sns: [
        { topicName: 'wspush-local-broadcast', functionName: 'broadcast-router' },
        { topicName: 'wspush-local-user', functionName: 'user-router' },
      ],
    },
  });
  sns = new SNSClient(clientConfig(edge.url));
});
afterAll(async () => {
  sns.destroy();
  await edge.stop();
  await runtime.stop();
});
beforeEach(() => {
  for (const key of Object.keys(received)) delete received[key];
  edge.failures.clear();
});

describe('SNS awsQuery protocol through @aws-sdk/client-sns', () => {
  it('has the contract topics at start and creates topics idempotently', async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'extra' }));
    expect(TopicArn).toBe('arn:aws:sns:us-east-1:000000000000:extra');
    expect((await sns.send(new CreateTopicCommand({ Name: 'extra' }))).TopicArn).toBe(TopicArn);
    const { Topics } = await sns.send(new ListTopicsCommand({}));
    expect(Topics?.map((t) => t.TopicArn)).toEqual(
      expect.arrayContaining([
        TopicArn,
        'arn:aws:sns:us-east-1:000000000000:wspush-local-broadcast',
        'arn:aws:sns:us-east-1:000000000000:wspush-local-user',
      ]),
    );
    await expect(sns.send(new CreateTopicCommand({ Name: 'bad name!' }))).rejects.toBeInstanceOf(
      InvalidParameterException,
    );
  });

  it('delivers a published message to the subscribed function as an SNS event with attributes', async () => {
    const topicArn = edge.topicArn('wspush-local-user');
    const { MessageId } = await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: '{"hello":"world"}',
        MessageAttributes: {
          realm: { DataType: 'String', StringValue: 'acme' },
          bin: { DataType: 'Binary', BinaryValue: new Uint8Array([1, 2, 3]) },
        },
      }),
    );
    const events = await eventually(() => received['user-router']);
    expect(events).toHaveLength(1);
    const record = events[0]?.Records[0];
    expect(record).toMatchObject({ EventSource: 'aws:sns', EventVersion: '1.0' });
    expect(record?.EventSubscriptionArn).toMatch(/^arn:aws:sns:us-east-1:000000000000:wspush-local-user:/);
    expect(record?.Sns).toMatchObject({
      Type: 'Notification',
      MessageId,
      TopicArn: topicArn,
      Message: '{"hello":"world"}',
      Subject: null,
      SignatureVersion: '1',
      MessageAttributes: { realm: { Type: 'String', Value: 'acme' }, bin: { Type: 'Binary', Value: 'AQID' } },
    });
    expect(new Date(record?.Sns.Timestamp ?? '').toISOString()).toBe(record?.Sns.Timestamp);
    expect(received['broadcast-router']).toBeUndefined();
  });

  it('publishes batches with attributes and reports invalid entries', async () => {
    const topicArn = edge.topicArn('wspush-local-broadcast');
    const result = await sns.send(
      new PublishBatchCommand({
        TopicArn: topicArn,
        PublishBatchRequestEntries: [
          {
            Id: 'one',
            Message: 'm1',
            MessageAttributes: { topic: { DataType: 'String', StringValue: 'topic-a' } },
          },
          { Id: 'two', Message: 'm2' },
          {
            Id: 'bad',
            Message: 'm3',
            MessageAttributes: { n: { DataType: 'Number', StringValue: 'NaN-ish' } },
          },
        ],
      }),
    );
    expect(result.Successful?.map((s) => s.Id)).toEqual(['one', 'two']);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: 'bad', SenderFault: true })]);
    const events = await eventually(() =>
      received['broadcast-router']?.length === 2 ? received['broadcast-router'] : undefined,
    );
    const byMessage = Object.fromEntries(events.map((e) => [e.Records[0]?.Sns.Message, e.Records[0]?.Sns]));
    expect(byMessage.m1?.MessageAttributes).toEqual({ topic: { Type: 'String', Value: 'topic-a' } });
    expect(byMessage.m2?.MessageAttributes).toEqual({});
    await expect(
      sns.send(
        new PublishBatchCommand({
          TopicArn: topicArn,
          PublishBatchRequestEntries: [
            { Id: 'x', Message: 'a' },
            { Id: 'x', Message: 'b' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinctException' });
  });

  it('answers unknown topics with NotFound and empty messages with InvalidParameter', async () => {
    await expect(
      sns.send(new PublishCommand({ TopicArn: 'arn:aws:sns:us-east-1:000000000000:nope', Message: 'x' })),
    ).rejects.toBeInstanceOf(NotFoundException);
    await expect(
      sns.send(new PublishCommand({ TopicArn: edge.topicArn('wspush-local-user'), Message: '' })),
    ).rejects.toBeInstanceOf(InvalidParameterException);
  });

  it('retries a failing function twice, then succeeds without a failure record', async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'flaky-topic' }));
    edge.sns.subscribe(TopicArn as string, 'lambda', 'flaky');
    failuresLeft = 2;
    await sns.send(new PublishCommand({ TopicArn, Message: 'eventually' }));
    await eventually(() => (received.flaky?.length === 3 ? true : undefined));
    await runtime.drain();
    expect(edge.failures.list()).toEqual([]);
  });

  it('records an invocation that fails all three attempts (GET /_local/failures and the JS API)', async () => {
    const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'broken-topic' }));
    const { SubscriptionArn } = await sns.send(
      new SubscribeCommand({
        TopicArn,
        Protocol: 'lambda',
        Endpoint: 'arn:aws:lambda:us-east-1:000000000000:function:broken',
      }),
    );
    expect(SubscriptionArn).toMatch(/^arn:aws:sns:us-east-1:000000000000:broken-topic:/);
    const { MessageId } = await sns.send(new PublishCommand({ TopicArn, Message: 'doomed' }));
    await eventually(() => (edge.failures.list().length > 0 ? true : undefined));
    const [failure] = edge.failures.list();
    expect(failure).toMatchObject({
      functionName: 'broken',
      source: `sns:${TopicArn}`,
      attempts: 3,
      error: { name: 'TypeError', message: 'always broken' },
    });
    expect((failure?.event as SNSEvent | undefined)?.Records[0]?.Sns.MessageId).toBe(MessageId);
    const res = await fetch(`${edge.url}/_local/failures`);
    expect((await res.json()) as unknown).toMatchObject({
      failures: [{ functionName: 'broken', attempts: 3 }],
    });
    expect(runtime.stats().broken).toMatchObject({ invocations: 3, errors: 3 });
    const { Subscriptions } = await sns.send(new ListSubscriptionsCommand({}));
    expect(Subscriptions?.some((s) => s.SubscriptionArn === SubscriptionArn && s.Protocol === 'lambda')).toBe(
      true,
    );
  });

  it('delivers to an SQS subscription as an SNS envelope, or raw', async () => {
    const sqs = new SQSClient(clientConfig(edge.url));
    try {
      const { TopicArn } = await sns.send(new CreateTopicCommand({ Name: 'to-queue' }));
      const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'from-topic' }));
      await sns.send(
        new SubscribeCommand({
          TopicArn,
          Protocol: 'sqs',
          Endpoint: 'arn:aws:sqs:us-east-1:000000000000:from-topic',
        }),
      );
      await sns.send(
        new PublishCommand({
          TopicArn,
          Message: 'queued',
          MessageAttributes: { a: { DataType: 'String', StringValue: 'b' } },
        }),
      );
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 2 }));
      expect(JSON.parse(Messages?.[0]?.Body ?? '{}')).toMatchObject({
        Type: 'Notification',
        TopicArn,
        Message: 'queued',
        MessageAttributes: { a: { Type: 'String', Value: 'b' } },
      });
    } finally {
      sqs.destroy();
    }
  });

  it('answers an unknown action with InvalidAction naming it', async () => {
    const res = await fetch(edge.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ExplodeTopic&Version=2010-03-31',
    });
    expect(res.status).toBe(400);
    const xml = await res.text();
    expect(xml).toContain('<Code>InvalidAction</Code>');
    expect(xml).toContain('ExplodeTopic');
  });
});
