/**
 * Builds the SQS → Lambda (event-source mapping) event exactly as AWS delivers it.
 * Lambda's SQS records use camelCase keys and lower-case attribute value keys, unlike the SQS API.
 */
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

export interface SqsMessageAttributeValue {
  DataType: string;
  StringValue?: string;
  /** base64 */
  BinaryValue?: string;
}

export interface SqsReceivedMessage {
  messageId: string;
  receiptHandle: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  /** epoch ms */
  sentTimestamp: number;
  /** epoch ms */
  firstReceiveTimestamp: number;
  receiveCount: number;
  senderId: string;
  messageAttributes: Record<string, SqsMessageAttributeValue>;
}

export interface SqsEventOptions {
  queueArn: string;
  region: string;
}

export function toLambdaSqsAttributes(
  attributes: Record<string, SqsMessageAttributeValue>,
): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    result[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: value.BinaryValue } : {}),
      stringListValues: [],
      binaryListValues: [],
      dataType: value.DataType,
    };
  }
  return result;
}

export function buildSqsRecord(message: SqsReceivedMessage, options: SqsEventOptions): SQSRecord {
  return {
    messageId: message.messageId,
    receiptHandle: message.receiptHandle,
    body: message.body,
    attributes: {
      ApproximateReceiveCount: String(message.receiveCount),
      SentTimestamp: String(message.sentTimestamp),
      SenderId: message.senderId,
      ApproximateFirstReceiveTimestamp: String(message.firstReceiveTimestamp),
    },
    messageAttributes: toLambdaSqsAttributes(message.messageAttributes),
    md5OfBody: message.md5OfBody,
    ...(message.md5OfMessageAttributes ? { md5OfMessageAttributes: message.md5OfMessageAttributes } : {}),
    eventSource: 'aws:sqs',
    eventSourceARN: options.queueArn,
    awsRegion: options.region,
  };
}

export function buildSqsEvent(messages: readonly SqsReceivedMessage[], options: SqsEventOptions): SQSEvent {
  return { Records: messages.map((m) => buildSqsRecord(m, options)) };
}
