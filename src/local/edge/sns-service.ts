/**
 * The SNS engine behind the edge's SNS endpoint: standard topics, subscriptions of Lambda functions
 * (invoked asynchronously through the local runtime: 2 retries, then the failure store) and SQS queues
 * (with or without RawMessageDelivery), and snapshots of topics and subscriptions for durability.
 */
import { randomUUID } from 'node:crypto';
import {
  buildSnsEvent,
  type SnsMessageAttributeValue,
  type SnsNotification,
  toLambdaSnsAttributes,
} from '../events/sns.js';
import type { FailureStore } from '../lambda/failure-store.js';
import type { LambdaRuntime } from '../lambda/runtime.js';
import { AwsError } from './aws-error.js';
import type { SqsService } from './sqs-service.js';

export type SnsProtocol = 'lambda' | 'sqs';

export interface SnsTopic {
  arn: string;
  name: string;
  attributes: Record<string, string>;
  tags: Record<string, string>;
}

export interface SnsSubscription {
  arn: string;
  topicArn: string;
  protocol: SnsProtocol;
  /** a Lambda function ARN (or bare name) or an SQS queue ARN */
  endpoint: string;
  attributes: Record<string, string>;
}

export interface SnsPublishInput {
  topicArn: string;
  message: string;
  subject?: string;
  messageStructure?: string;
  messageAttributes?: Record<string, SnsMessageAttributeValue>;
}

export interface SnsSnapshot {
  version: 1;
  topics: SnsTopic[];
  subscriptions: SnsSubscription[];
}

const TOPIC_NAME = /^[A-Za-z0-9_-]{1,256}$/;
const MAX_MESSAGE_BYTES = 262_144;

function notFound(): AwsError {
  return new AwsError('NotFound', 'Topic does not exist', 404);
}

function invalid(message: string): AwsError {
  return new AwsError('InvalidParameter', `Invalid parameter: ${message}`, 400);
}

function validateAttributes(attributes: Record<string, SnsMessageAttributeValue>): number {
  const names = Object.keys(attributes);
  if (names.length > 10) throw invalid('MessageAttributes: too many message attributes (maximum 10)');
  let size = 0;
  for (const name of names) {
    const value = attributes[name] as SnsMessageAttributeValue;
    if (!/^[A-Za-z0-9_.-]{1,256}$/.test(name) || name.startsWith('AWS.') || name.startsWith('Amazon.')) {
      throw new AwsError('ParameterValueInvalid', `The message attribute '${name}' has an invalid name.`);
    }
    if (!/^(String|Number|Binary)(\..+)?$/.test(value.DataType ?? '')) {
      throw new AwsError(
        'ParameterValueInvalid',
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const raw = value.DataType.startsWith('Binary') ? value.BinaryValue : value.StringValue;
    if (raw === undefined || raw === '') {
      throw new AwsError(
        'ParameterValueInvalid',
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${value.DataType}'.`,
      );
    }
    if (value.DataType.startsWith('Number') && !Number.isFinite(Number(raw))) {
      throw new AwsError(
        'ParameterValueInvalid',
        `Could not cast message attribute '${name}' value to number.`,
      );
    }
    size += Buffer.byteLength(name) + Buffer.byteLength(value.DataType) + Buffer.byteLength(raw);
  }
  return size;
}

export interface SnsServiceOptions {
  region?: string;
  accountId?: string;
  runtime?: LambdaRuntime;
  sqs: SqsService;
  failures: FailureStore;
  onChange?: () => void;
}

export class SnsService {
  readonly region: string;
  readonly accountId: string;
  private readonly topics = new Map<string, SnsTopic>();
  private readonly subscriptions = new Map<string, SnsSubscription>();
  private readonly onChange: () => void;

  constructor(private readonly options: SnsServiceOptions) {
    this.region = options.region ?? 'us-east-1';
    this.accountId = options.accountId ?? '000000000000';
    this.onChange = options.onChange ?? (() => undefined);
  }

  topicArn(name: string): string {
    return `arn:aws:sns:${this.region}:${this.accountId}:${name}`;
  }

  createTopic(
    name: string,
    attributes: Record<string, string> = {},
    tags: Record<string, string> = {},
  ): string {
    if (typeof name !== 'string' || !TOPIC_NAME.test(name)) {
      if (typeof name === 'string' && name.endsWith('.fifo'))
        throw invalid('FIFO topics are not supported by the local edge');
      throw invalid('Topic Name');
    }
    if (attributes.FifoTopic === 'true') throw invalid('FIFO topics are not supported by the local edge');
    const arn = this.topicArn(name);
    if (!this.topics.has(arn)) {
      this.topics.set(arn, { arn, name, attributes: { ...attributes }, tags: { ...tags } });
      this.onChange();
    }
    return arn;
  }

  getTopic(arn: string): SnsTopic {
    const topic = this.topics.get(arn);
    if (!topic) throw notFound();
    return topic;
  }

  deleteTopic(arn: string): void {
    this.topics.delete(arn);
    for (const [subArn, sub] of this.subscriptions)
      if (sub.topicArn === arn) this.subscriptions.delete(subArn);
    this.onChange();
  }

  listTopics(): string[] {
    return [...this.topics.keys()].sort();
  }

  topicAttributes(arn: string): Record<string, string> {
    const topic = this.getTopic(arn);
    const subs = [...this.subscriptions.values()].filter((s) => s.topicArn === arn).length;
    return {
      DisplayName: '',
      ...topic.attributes,
      TopicArn: arn,
      Owner: this.accountId,
      SubscriptionsConfirmed: String(subs),
      SubscriptionsPending: '0',
      SubscriptionsDeleted: '0',
    };
  }

  /** Subscribes a Lambda function (`arn:aws:lambda:...:function:NAME` or `NAME`) or an SQS queue ARN. */
  subscribe(
    topicArn: string,
    protocol: string,
    endpoint: string,
    attributes: Record<string, string> = {},
  ): string {
    this.getTopic(topicArn);
    if (protocol !== 'lambda' && protocol !== 'sqs') {
      throw invalid(`Protocol ${protocol} is not supported by the local edge (lambda and sqs are)`);
    }
    if (typeof endpoint !== 'string' || endpoint === '') throw invalid('Endpoint');
    if (
      protocol === 'lambda' &&
      !/^(arn:aws:lambda:[^:]+:\d{12}:function:)?[A-Za-z0-9_-]{1,64}$/.test(endpoint)
    ) {
      throw invalid('Lambda endpoint ARN');
    }
    if (protocol === 'sqs') this.options.sqs.nameFromArn(endpoint);
    const existing = [...this.subscriptions.values()].find(
      (s) => s.topicArn === topicArn && s.protocol === protocol && s.endpoint === endpoint,
    );
    if (existing) return existing.arn;
    const arn = `${topicArn}:${randomUUID()}`;
    this.subscriptions.set(arn, { arn, topicArn, protocol, endpoint, attributes: { ...attributes } });
    this.onChange();
    return arn;
  }

  unsubscribe(arn: string): void {
    if (this.subscriptions.delete(arn)) this.onChange();
  }

  listSubscriptions(topicArn?: string): SnsSubscription[] {
    return [...this.subscriptions.values()].filter((s) => topicArn === undefined || s.topicArn === topicArn);
  }

  /** Validates and accepts a message, then delivers it to every subscription without waiting. */
  publish(input: SnsPublishInput): string {
    const topic = this.getTopic(input.topicArn);
    if (typeof input.message !== 'string' || input.message.length === 0) throw invalid('Empty message');
    if (
      input.subject !== undefined &&
      (input.subject.length === 0 || input.subject.length > 100 || /[\r\n]/.test(input.subject))
    ) {
      throw invalid('Subject');
    }
    const attributes = input.messageAttributes ?? {};
    const size = Buffer.byteLength(input.message) + validateAttributes(attributes);
    if (size > MAX_MESSAGE_BYTES) throw invalid('Message too long');
    let perProtocol: Record<string, unknown> | undefined;
    if (input.messageStructure !== undefined) {
      if (input.messageStructure !== 'json') throw invalid('MessageStructure');
      try {
        perProtocol = JSON.parse(input.message) as Record<string, unknown>;
      } catch {
        throw invalid('Message Structure - JSON message body failed to parse');
      }
      if (!perProtocol || typeof perProtocol !== 'object' || typeof perProtocol.default !== 'string') {
        throw invalid('Message Structure - No default entry in JSON message body');
      }
    }
    const notification: SnsNotification = {
      messageId: randomUUID(),
      topicArn: topic.arn,
      message: input.message,
      timestamp: Date.now(),
      messageAttributes: attributes,
      ...(input.subject !== undefined ? { subject: input.subject } : {}),
    };
    for (const sub of this.listSubscriptions(topic.arn)) {
      const forProtocol = perProtocol?.[sub.protocol];
      const message = perProtocol
        ? typeof forProtocol === 'string'
          ? forProtocol
          : (perProtocol.default as string)
        : input.message;
      // Accepted before the Publish response (a function's invocation is journaled with --data-dir) and run
      // after it, as SNS does: a subscriber never delays or fails the publisher.
      if (sub.protocol === 'lambda') this.deliver(sub, { ...notification, message });
      else setImmediate(() => this.deliver(sub, { ...notification, message }));
    }
    return notification.messageId;
  }

  private deliver(sub: SnsSubscription, notification: SnsNotification): void {
    if (sub.protocol === 'lambda') {
      const functionName = sub.endpoint.split(':').pop() as string;
      const event = buildSnsEvent(notification, { region: this.region, subscriptionArn: sub.arn });
      const source = `sns:${sub.topicArn}`;
      if (!this.options.runtime) {
        this.options.failures.record({
          functionName,
          source,
          attempts: 0,
          error: { name: 'NoRuntime', message: 'The edge was started without a Lambda runtime' },
          event,
        });
        return;
      }
      this.options.runtime.invokeAsync(functionName, event, { source, retries: 2 });
      return;
    }
    try {
      const queue = this.options.sqs.nameFromArn(sub.endpoint);
      if (sub.attributes.RawMessageDelivery === 'true') {
        this.options.sqs.send(queue, {
          body: notification.message,
          messageAttributes: notification.messageAttributes,
        });
      } else {
        const host = `sns.${this.region}.amazonaws.com`;
        const envelope = {
          Type: 'Notification',
          MessageId: notification.messageId,
          TopicArn: notification.topicArn,
          ...(notification.subject !== undefined ? { Subject: notification.subject } : {}),
          Message: notification.message,
          Timestamp: new Date(notification.timestamp).toISOString(),
          SignatureVersion: '1',
          Signature: 'LOCAL',
          SigningCertURL: `https://${host}/SimpleNotificationService-local.pem`,
          UnsubscribeURL: `https://${host}/?Action=Unsubscribe&SubscriptionArn=${sub.arn}`,
          ...(Object.keys(notification.messageAttributes).length > 0
            ? { MessageAttributes: toLambdaSnsAttributes(notification.messageAttributes) }
            : {}),
        };
        this.options.sqs.send(queue, { body: JSON.stringify(envelope) });
      }
    } catch (error) {
      this.options.failures.record({
        functionName: `sqs:${sub.endpoint}`,
        source: `sns:${sub.topicArn}`,
        attempts: 1,
        error: { name: (error as Error).name, message: (error as Error).message },
        event: notification,
      });
    }
  }

  snapshot(): SnsSnapshot {
    return { version: 1, topics: [...this.topics.values()], subscriptions: [...this.subscriptions.values()] };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as Partial<SnsSnapshot> | undefined;
    if (s?.version !== 1 || !Array.isArray(s.topics) || !Array.isArray(s.subscriptions)) {
      throw new Error('Unrecognised SNS state file (expected version 1)');
    }
    this.topics.clear();
    this.subscriptions.clear();
    for (const t of s.topics) this.topics.set(t.arn, t);
    for (const sub of s.subscriptions) this.subscriptions.set(sub.arn, sub);
  }
}
