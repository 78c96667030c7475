import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Edge, startEdge } from '../../../src/local/edge/index.js';
import { clientConfig, RecordingRegistry } from './helpers.js';

let edge: Edge;
let sqs: SQSClient;

beforeAll(async () => {
  edge = await startEdge({ host: '127.0.0.1', port: 0, registry: new RecordingRegistry() });
  sqs = new SQSClient(clientConfig(edge.url));
});
afterAll(async () => {
  sqs.destroy();
  await edge.stop();
});

async function queue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl as string;
}

describe('SQS JSON protocol through @aws-sdk/client-sqs', () => {
  it('creates queues, returns their URL and lists them', async () => {
    const url = await queue('list-a');
    expect(url).toBe(`${edge.url}/000000000000/list-a`);
    expect(await queue('list-a')).toBe(url); // idempotent
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'list-a' }));
    expect(QueueUrl).toBe(url);
    const { QueueUrls } = await sqs.send(new ListQueuesCommand({ QueueNamePrefix: 'list-' }));
    expect(QueueUrls).toEqual([url]);
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: 'missing' }))).rejects.toBeInstanceOf(
      QueueDoesNotExist,
    );
  });

  it('rejects re-creating a queue with different attributes and bad attribute values', async () => {
    await queue('attrs', { VisibilityTimeout: '5' });
    await expect(queue('attrs', { VisibilityTimeout: '6' })).rejects.toMatchObject({
      name: 'QueueNameExists',
    });
    await expect(queue('bad-attrs', { VisibilityTimeout: 'soon' })).rejects.toMatchObject({
      name: 'InvalidAttributeValue',
    });
    await expect(queue('bad-attrs', { Bogus: '1' })).rejects.toMatchObject({ name: 'InvalidAttributeName' });
  });

  it('sends and receives with attributes, MD5s validated by the SDK, and deletes', async () => {
    const url = await queue('basic');
    const sent = await sqs.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'héllo',
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: 'greeting' },
          n: { DataType: 'Number', StringValue: '3' },
        },
      }),
    );
    expect(sent.MessageId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    const { Messages } = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: url,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
        MaxNumberOfMessages: 10,
      }),
    );
    expect(Messages).toHaveLength(1);
    const m = Messages?.[0];
    expect(m?.Body).toBe('héllo');
    expect(m?.MessageId).toBe(sent.MessageId);
    expect(m?.Attributes?.ApproximateReceiveCount).toBe('1');
    expect(Number(m?.Attributes?.SentTimestamp)).toBeGreaterThan(Date.now() - 10_000);
    expect(m?.MessageAttributes?.kind).toEqual({ DataType: 'String', StringValue: 'greeting' });
    expect(m?.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    await sqs.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: m?.ReceiptHandle }));
    const attrs = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(attrs.Attributes).toMatchObject({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      QueueArn: 'arn:aws:sqs:us-east-1:000000000000:basic',
      VisibilityTimeout: '30',
    });
  });

  it('hides a received message for the visibility timeout, then redelivers it with a higher receive count', async () => {
    const url = await queue('visibility', { VisibilityTimeout: '1' });
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'again' }));
    const first = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
    );
    expect(first.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');
    const hidden = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(hidden.Messages ?? []).toHaveLength(0);
    const counts = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(counts.Attributes).toEqual({ ApproximateNumberOfMessagesNotVisible: '1' });
    // Long polling returns as soon as the message becomes visible again (~1 s), not after 5 s.
    const started = Date.now();
    const second = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5, MessageSystemAttributeNames: ['All'] }),
    );
    expect(Date.now() - started).toBeLessThan(3000);
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    // The old receipt handle no longer deletes the message (AWS semantics); the new one does.
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.Messages?.[0]?.ReceiptHandle }),
    );
    expect(
      (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
          }),
        )
      ).Attributes?.ApproximateNumberOfMessagesNotVisible,
    ).toBe('1');
    await sqs.send(
      new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second.Messages?.[0]?.ReceiptHandle }),
    );
    expect(
      (
        await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: url,
            AttributeNames: ['ApproximateNumberOfMessagesNotVisible'],
          }),
        )
      ).Attributes?.ApproximateNumberOfMessagesNotVisible,
    ).toBe('0');
  });

  it('ChangeMessageVisibility to 0 releases a message at once; a per-receive VisibilityTimeout overrides the queue', async () => {
    const url = await queue('change-vis');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x' }));
    const first = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 600 }));
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: url,
        ReceiptHandle: first.Messages?.[0]?.ReceiptHandle,
        VisibilityTimeout: 0,
      }),
    );
    const second = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(second.Messages?.[0]?.Body).toBe('x');
    await expect(
      sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: url,
          ReceiptHandle: 'not-a-handle',
          VisibilityTimeout: 0,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ReceiptHandleIsInvalid' });
  });

  it('delays messages by DelaySeconds (per message and per queue)', async () => {
    const url = await queue('delay');
    await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 1 }));
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessagesDelayed'],
      }),
    );
    expect(attrs.Attributes?.ApproximateNumberOfMessagesDelayed).toBe('1');
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages ?? []).toHaveLength(0);
    const started = Date.now();
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 3 }));
    expect(got.Messages?.[0]?.Body).toBe('later');
    expect(Date.now() - started).toBeGreaterThan(500);

    const delayedQueue = await queue('delay-queue', { DelaySeconds: '1' });
    await sqs.send(new SendMessageCommand({ QueueUrl: delayedQueue, MessageBody: 'q' }));
    expect(
      (await sqs.send(new ReceiveMessageCommand({ QueueUrl: delayedQueue }))).Messages ?? [],
    ).toHaveLength(0);
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', DelaySeconds: 901 })),
    ).rejects.toMatchObject({
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('moves a message to the DLQ after maxReceiveCount receives', async () => {
    await queue('work-dlq');
    const url = await queue('work', {
      VisibilityTimeout: '0',
      RedrivePolicy: JSON.stringify({
        deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:work-dlq',
        maxReceiveCount: 2,
      }),
    });
    const sent = await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toHaveLength(1);
    // The third receive finds it over the limit: it goes to the DLQ instead.
    expect((await sqs.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages ?? []).toHaveLength(0);
    const dlq = await sqs.send(new ReceiveMessageCommand({ QueueUrl: `${edge.url}/000000000000/work-dlq` }));
    expect(dlq.Messages?.[0]).toMatchObject({ MessageId: sent.MessageId, Body: 'poison' });
    await expect(
      queue('bad-redrive', {
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:nope',
          maxReceiveCount: 2,
        }),
      }),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
  });

  it('sends and deletes in batches, reporting per-entry failures', async () => {
    const url = await queue('batch');
    const sent = await sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'one' },
          { Id: 'b', MessageBody: 'two', MessageAttributes: { t: { DataType: 'String', StringValue: 'v' } } },
          { Id: 'c', MessageBody: 'three', DelaySeconds: 5000 },
        ],
      }),
    );
    expect(sent.Successful?.map((s) => s.Id)).toEqual(['a', 'b']);
    expect(sent.Failed).toEqual([
      expect.objectContaining({ Id: 'c', SenderFault: true, Code: 'InvalidParameterValue' }),
    ]);
    const { Messages = [] } = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }),
    );
    expect(Messages.map((m) => m.Body).sort()).toEqual(['one', 'two']);
    const deleted = await sqs.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          ...Messages.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle })),
          { Id: 'bad', ReceiptHandle: 'garbage' },
        ],
      }),
    );
    expect(deleted.Successful).toHaveLength(2);
    expect(deleted.Failed).toEqual([expect.objectContaining({ Id: 'bad', Code: 'ReceiptHandleIsInvalid' })]);
    await expect(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [
            { Id: 'x', MessageBody: '1' },
            { Id: 'x', MessageBody: '2' },
          ],
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchEntryIdsNotDistinct' });
  });

  it('refuses a batch over 256 KiB (BatchRequestTooLong); a sqs-entry-failure fault fails the matching entry once', async () => {
    const url = await queue('batch-limits');
    const big = 'x'.repeat(100_000);
    await expect(
      sqs.send(
        new SendMessageBatchCommand({
          QueueUrl: url,
          Entries: [1, 2, 3].map((n) => ({ Id: `b${n}`, MessageBody: big })),
        }),
      ),
    ).rejects.toMatchObject({ name: 'BatchRequestTooLong' });
    edge.faults.add({ kind: 'sqs-entry-failure', bodyContains: 'unlucky', times: 1 });
    const entries = [
      { Id: 'a', MessageBody: 'fine' },
      { Id: 'b', MessageBody: 'unlucky' },
    ];
    const first = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    expect(first.Successful?.map((s) => s.Id)).toEqual(['a']);
    expect(first.Failed).toEqual([
      expect.objectContaining({ Id: 'b', SenderFault: false, Code: 'InternalError' }),
    ]);
    const second = await sqs.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
    expect(second.Successful?.map((s) => s.Id)).toEqual(['a', 'b']);
  });

  it('limits MaxNumberOfMessages to 1..10 and returns up to that many', async () => {
    const url = await queue('many');
    for (let i = 0; i < 12; i += 1)
      await sqs.send(new SendMessageCommand({ QueueUrl: url, MessageBody: `m${i}` }));
    const got = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(got.Messages).toHaveLength(10);
    await expect(
      sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })),
    ).rejects.toMatchObject({ $metadata: { httpStatusCode: 400 } });
    await sqs.send(new PurgeQueueCommand({ QueueUrl: url }));
    const attrs = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    expect(attrs.Attributes).toEqual({
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
    });
  });

  it('answers a missing queue with QueueDoesNotExist and an empty body with a clear error', async () => {
    await expect(
      sqs.send(new SendMessageCommand({ QueueUrl: `${edge.url}/000000000000/nope`, MessageBody: 'x' })),
    ).rejects.toBeInstanceOf(QueueDoesNotExist);
    const res = await fetch(edge.url, {
      method: 'POST',
      headers: { 'x-amz-target': 'AmazonSQS.SendMessage', 'content-type': 'application/x-amz-json-1.0' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ __type: expect.stringContaining('SerializationException') });
  });

  it('creates the contract queues with DLQs at start', () => {
    expect(edge.resources.queues).toMatchObject({
      'wspush-local-delivery': `${edge.url}/000000000000/wspush-local-delivery`,
      'wspush-local-delivery-dlq': `${edge.url}/000000000000/wspush-local-delivery-dlq`,
      'wspush-local-fanout': `${edge.url}/000000000000/wspush-local-fanout`,
    });
    expect(edge.sqs.redrivePolicy('wspush-local-delivery')).toEqual({
      deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:wspush-local-delivery-dlq',
      maxReceiveCount: 5,
    });
  });
});
