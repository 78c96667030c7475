/**
 * The SQS JSON protocol (`X-Amz-Target: AmazonSQS.<Action>`, `application/x-amz-json-1.0`) that the current
 * `@aws-sdk/client-sqs` speaks. Errors carry both the JSON `__type` and the awsQuery-compatible
 * `x-amzn-query-error` header, as SQS does.
 */
import type { ServerResponse } from 'node:http';
import type { SqsMessageAttributeValue, SqsReceivedMessage } from '../events/sqs.js';
import { AwsError } from './aws-error.js';
import type { Faults } from './faults.js';
import { sendJson } from './http-util.js';
import type { SqsService } from './sqs-service.js';

type Json = Record<string, unknown>;

const CONTENT_TYPE = 'application/x-amz-json-1.0';

export function sendSqsError(res: ServerResponse, error: AwsError): void {
  sendJson(
    res,
    error.statusCode,
    { __type: `com.amazonaws.sqs#${error.code}`, message: error.message },
    {
      'x-amzn-ErrorType': error.code,
      'x-amzn-query-error': `${error.queryCode ?? error.code};${error.senderFault ? 'Sender' : 'Receiver'}`,
    },
    CONTENT_TYPE,
  );
}

function str(input: Json, key: string, required = true): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) {
    if (required) throw new AwsError('MissingParameter', `The request must contain the parameter ${key}.`);
    return undefined;
  }
  if (typeof value !== 'string')
    throw new AwsError('InvalidParameterValue', `Value for parameter ${key} must be a string.`);
  return value;
}

function int(input: Json, key: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new AwsError(
      'InvalidParameterValue',
      `Value ${JSON.stringify(value)} for parameter ${key} is invalid. Reason: must be an integer.`,
    );
  }
  return value;
}

function stringMap(input: Json, key: string): Record<string, string> {
  const value = input[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new AwsError('InvalidParameterValue', `${key} must be a map.`);
  for (const [k, v] of Object.entries(value)) {
    if (typeof v !== 'string')
      throw new AwsError('InvalidAttributeValue', `Invalid value for the parameter ${k}.`);
  }
  return value as Record<string, string>;
}

function stringList(input: Json, key: string): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new AwsError('InvalidParameterValue', `${key} must be a list of strings.`);
  }
  return value as string[];
}

function messageAttributes(input: Json): Record<string, SqsMessageAttributeValue> {
  const value = input.MessageAttributes;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new AwsError('InvalidParameterValue', 'MessageAttributes must be a map.');
  const result: Record<string, SqsMessageAttributeValue> = {};
  for (const [name, raw] of Object.entries(value as Record<string, Json>)) {
    if (!raw || typeof raw !== 'object')
      throw new AwsError('InvalidParameterValue', `Message attribute '${name}' is invalid.`);
    const attr: SqsMessageAttributeValue = { DataType: String(raw.DataType ?? '') };
    if (typeof raw.StringValue === 'string') attr.StringValue = raw.StringValue;
    if (typeof raw.BinaryValue === 'string') attr.BinaryValue = raw.BinaryValue;
    result[name] = attr;
  }
  return result;
}

function batchEntries(input: Json, key: string): Json[] {
  const entries = input[key];
  if (!Array.isArray(entries) || entries.length === 0) {
    throw new AwsError(
      'EmptyBatchRequest',
      'There should be at least one entry in the request.',
      400,
      'AWS.SimpleQueueService.EmptyBatchRequest',
    );
  }
  if (entries.length > 10) {
    throw new AwsError(
      'TooManyEntriesInBatchRequest',
      `Maximum number of entries per request are 10. You have sent ${entries.length}.`,
      400,
      'AWS.SimpleQueueService.TooManyEntriesInBatchRequest',
    );
  }
  const ids = new Set<string>();
  for (const entry of entries as Json[]) {
    const id = entry?.Id;
    if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,80}$/.test(id)) {
      throw new AwsError(
        'InvalidBatchEntryId',
        'A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long.',
        400,
        'AWS.SimpleQueueService.InvalidBatchEntryId',
      );
    }
    if (ids.has(id)) {
      throw new AwsError(
        'BatchEntryIdsNotDistinct',
        `Id ${id} repeated.`,
        400,
        'AWS.SimpleQueueService.BatchEntryIdsNotDistinct',
      );
    }
    ids.add(id);
  }
  return entries as Json[];
}

function failedEntry(id: string, error: unknown): Json {
  const e = error instanceof AwsError ? error : new AwsError('InternalError', String(error), 500);
  return { Id: id, SenderFault: e.senderFault, Code: e.code, Message: e.message };
}

const SYSTEM_ATTRIBUTES = [
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
];

function selectAttributes(
  message: SqsReceivedMessage,
  names: readonly string[],
): Record<string, string> | undefined {
  const all: Record<string, string> = {
    SenderId: message.senderId,
    SentTimestamp: String(message.sentTimestamp),
    ApproximateReceiveCount: String(message.receiveCount),
    ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp),
  };
  const wanted = names.includes('All') ? SYSTEM_ATTRIBUTES : names.filter((n) => n in all);
  if (wanted.length === 0) return undefined;
  return Object.fromEntries(wanted.map((n) => [n, all[n] as string]));
}

function selectMessageAttributes(
  attributes: Record<string, SqsMessageAttributeValue>,
  names: readonly string[],
): Record<string, SqsMessageAttributeValue> | undefined {
  const selected = Object.entries(attributes).filter(([name]) =>
    names.some(
      (pattern) =>
        pattern === 'All' ||
        pattern === '.*' ||
        pattern === name ||
        (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
    ),
  );
  return selected.length > 0 ? Object.fromEntries(selected) : undefined;
}

export type SqsAction = (input: Json, baseUrl: string) => Promise<Json> | Json;

/** SQS refuses a batch whose message bodies add up to more than this (BatchRequestTooLong). */
const MAX_BATCH_BYTES = 262_144;

export function createSqsActions(sqs: SqsService, faults?: Faults): Record<string, SqsAction> {
  const url = (baseUrl: string, name: string): string => `${baseUrl}/${sqs.accountId}/${name}`;
  const queueOf = (input: Json): string => sqs.nameFromUrl(str(input, 'QueueUrl') as string);

  return {
    CreateQueue(input, baseUrl) {
      const name = sqs.createQueue(
        str(input, 'QueueName') as string,
        stringMap(input, 'Attributes'),
        stringMap(input, 'tags'),
      );
      return { QueueUrl: url(baseUrl, name) };
    },
    GetQueueUrl(input, baseUrl) {
      const name = str(input, 'QueueName') as string;
      if (!sqs.has(name)) sqs.nameFromUrl(`/${sqs.accountId}/${name}`);
      return { QueueUrl: url(baseUrl, name) };
    },
    ListQueues(input, baseUrl) {
      const names = sqs.listQueues(str(input, 'QueueNamePrefix', false) ?? '');
      const max = int(input, 'MaxResults') ?? 1000;
      return { QueueUrls: names.slice(0, max).map((n) => url(baseUrl, n)) };
    },
    DeleteQueue(input) {
      sqs.deleteQueue(queueOf(input));
      return {};
    },
    GetQueueAttributes(input) {
      return { Attributes: sqs.getAttributes(queueOf(input), stringList(input, 'AttributeNames') ?? []) };
    },
    SetQueueAttributes(input) {
      sqs.setAttributes(queueOf(input), stringMap(input, 'Attributes'));
      return {};
    },
    PurgeQueue(input) {
      sqs.purge(queueOf(input));
      return {};
    },
    SendMessage(input) {
      const result = sqs.send(queueOf(input), {
        body: str(input, 'MessageBody') as string,
        delaySeconds: int(input, 'DelaySeconds'),
        messageAttributes: messageAttributes(input),
      });
      return {
        MessageId: result.messageId,
        MD5OfMessageBody: result.md5OfMessageBody,
        ...(result.md5OfMessageAttributes ? { MD5OfMessageAttributes: result.md5OfMessageAttributes } : {}),
      };
    },
    SendMessageBatch(input) {
      const queue = queueOf(input);
      const Successful: Json[] = [];
      const Failed: Json[] = [];
      const entries = batchEntries(input, 'Entries');
      const total = entries.reduce((sum, e) => sum + Buffer.byteLength(String(e.MessageBody ?? '')), 0);
      if (total > MAX_BATCH_BYTES) {
        throw new AwsError(
          'BatchRequestTooLong',
          `Batch requests cannot be longer than ${MAX_BATCH_BYTES} bytes. You have sent ${total} bytes.`,
          400,
          'AWS.SimpleQueueService.BatchRequestTooLong',
        );
      }
      for (const entry of entries) {
        const id = entry.Id as string;
        try {
          const body = str(entry, 'MessageBody') as string;
          if (faults?.takeSqsEntry(body)) {
            Failed.push({ Id: id, SenderFault: false, Code: 'InternalError', Message: 'injected fault' });
            continue;
          }
          const result = sqs.send(queue, {
            body,
            delaySeconds: int(entry, 'DelaySeconds'),
            messageAttributes: messageAttributes(entry),
          });
          Successful.push({
            Id: id,
            MessageId: result.messageId,
            MD5OfMessageBody: result.md5OfMessageBody,
            ...(result.md5OfMessageAttributes
              ? { MD5OfMessageAttributes: result.md5OfMessageAttributes }
              : {}),
          });
        } catch (error) {
          Failed.push(failedEntry(id, error));
        }
      }
      return { Successful, Failed };
    },
    async ReceiveMessage(input) {
      const queue = queueOf(input);
      const messages = await sqs.receive(queue, {
        maxMessages: int(input, 'MaxNumberOfMessages'),
        waitTimeSeconds: int(input, 'WaitTimeSeconds'),
        visibilityTimeout: int(input, 'VisibilityTimeout'),
      });
      const systemNames = [
        ...(stringList(input, 'AttributeNames') ?? []),
        ...(stringList(input, 'MessageSystemAttributeNames') ?? []),
      ];
      const attributeNames = stringList(input, 'MessageAttributeNames') ?? [];
      if (messages.length === 0) return {};
      return {
        Messages: messages.map((m) => {
          const attributes = selectAttributes(m, systemNames);
          const userAttributes = selectMessageAttributes(m.messageAttributes, attributeNames);
          return {
            MessageId: m.messageId,
            ReceiptHandle: m.receiptHandle,
            MD5OfBody: m.md5OfBody,
            Body: m.body,
            ...(attributes ? { Attributes: attributes } : {}),
            ...(m.md5OfMessageAttributes ? { MD5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
            ...(userAttributes ? { MessageAttributes: userAttributes } : {}),
          };
        }),
      };
    },
    DeleteMessage(input) {
      sqs.deleteMessage(queueOf(input), str(input, 'ReceiptHandle') as string);
      return {};
    },
    DeleteMessageBatch(input) {
      const queue = queueOf(input);
      const Successful: Json[] = [];
      const Failed: Json[] = [];
      for (const entry of batchEntries(input, 'Entries')) {
        try {
          sqs.deleteMessage(queue, str(entry, 'ReceiptHandle') as string);
          Successful.push({ Id: entry.Id });
        } catch (error) {
          Failed.push(failedEntry(entry.Id as string, error));
        }
      }
      return { Successful, Failed };
    },
    ChangeMessageVisibility(input) {
      sqs.changeVisibility(
        queueOf(input),
        str(input, 'ReceiptHandle') as string,
        int(input, 'VisibilityTimeout') ?? -1,
      );
      return {};
    },
    ChangeMessageVisibilityBatch(input) {
      const queue = queueOf(input);
      const Successful: Json[] = [];
      const Failed: Json[] = [];
      for (const entry of batchEntries(input, 'Entries')) {
        try {
          sqs.changeVisibility(
            queue,
            str(entry, 'ReceiptHandle') as string,
            int(entry, 'VisibilityTimeout') ?? -1,
          );
          Successful.push({ Id: entry.Id });
        } catch (error) {
          Failed.push(failedEntry(entry.Id as string, error));
        }
      }
      return { Successful, Failed };
    },
  };
}

/** Runs one SQS JSON request; returns the action name for the stats. */
export async function handleSqsRequest(
  actions: Record<string, SqsAction>,
  action: string,
  body: Buffer,
  baseUrl: string,
  res: ServerResponse,
): Promise<void> {
  const handler = Object.hasOwn(actions, action) ? actions[action] : undefined;
  if (!handler) {
    sendSqsError(
      res,
      new AwsError(
        'UnknownOperationException',
        `The action ${action} is not valid for this endpoint (local SQS).`,
        400,
        'InvalidAction',
      ),
    );
    return;
  }
  let input: Json;
  try {
    const parsed: unknown = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    input = parsed as Json;
  } catch {
    sendSqsError(
      res,
      new AwsError(
        'SerializationException',
        'The request body is not a valid JSON object.',
        400,
        'SerializationException',
      ),
    );
    return;
  }
  try {
    sendJson(res, 200, await handler(input, baseUrl), {}, CONTENT_TYPE);
  } catch (error) {
    if (error instanceof AwsError) sendSqsError(res, error);
    else sendSqsError(res, new AwsError('InternalError', `Internal error: ${(error as Error).message}`, 500));
  }
}
