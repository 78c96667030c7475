/**
 * The in-memory SQS engine behind the edge's SQS endpoint (standard queues): visibility timeout,
 * DelaySeconds, long polling, redrive to a dead-letter queue after maxReceiveCount, retention, and
 * snapshots for durability. Protocol concerns live in `sqs-api.ts`; the event-source poller calls this directly.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { SqsMessageAttributeValue, SqsReceivedMessage } from '../events/sqs.js';
import { AwsError } from './aws-error.js';

export interface SqsMessageInput {
  body: string;
  delaySeconds?: number;
  messageAttributes?: Record<string, SqsMessageAttributeValue>;
}

export interface SqsSendResult {
  messageId: string;
  md5OfMessageBody: string;
  md5OfMessageAttributes?: string;
}

export interface SqsReceiveOptions {
  maxMessages?: number;
  /** long polling; default the queue's ReceiveMessageWaitTimeSeconds */
  waitTimeSeconds?: number;
  /** default the queue's VisibilityTimeout */
  visibilityTimeout?: number;
  signal?: AbortSignal;
}

interface StoredMessage {
  messageId: string;
  body: string;
  md5OfBody: string;
  md5OfMessageAttributes?: string;
  messageAttributes: Record<string, SqsMessageAttributeValue>;
  sentTimestamp: number;
  /** epoch ms at which the message can be received (delay or visibility timeout) */
  visibleAt: number;
  receiveCount: number;
  firstReceiveTimestamp?: number;
  /** the latest receipt handle; older ones no longer delete (as in AWS) */
  receiptHandle?: string;
  senderId: string;
}

export interface SqsPeekedMessage {
  messageId: string;
  body: string;
  sentTimestamp: number;
  /** epoch ms at which the message can be received (delay or visibility timeout) */
  visibleAt: number;
  receiveCount: number;
}

interface QueueState {
  name: string;
  createdTimestamp: number;
  lastModifiedTimestamp: number;
  attributes: Record<string, string>;
  tags: Record<string, string>;
  messages: StoredMessage[];
}

export interface SqsSnapshot {
  version: 1;
  queues: QueueState[];
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

const SENDER_ID = 'AIDALOCALEDGESENDER00';
const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;
const DEFAULT_ATTRIBUTES: Record<string, string> = {
  VisibilityTimeout: '30',
  DelaySeconds: '0',
  MaximumMessageSize: '262144',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
};
/** settable attributes and their allowed integer ranges (undefined range: free text, validated elsewhere) */
const SETTABLE: Record<string, [number, number] | undefined> = {
  VisibilityTimeout: [0, 43_200],
  DelaySeconds: [0, 900],
  MaximumMessageSize: [1024, 1_048_576],
  MessageRetentionPeriod: [60, 1_209_600],
  ReceiveMessageWaitTimeSeconds: [0, 20],
  RedrivePolicy: undefined,
  RedriveAllowPolicy: undefined,
  Policy: undefined,
  KmsMasterKeyId: undefined,
  KmsDataKeyReusePeriodSeconds: [60, 86_400],
  SqsManagedSseEnabled: undefined,
};
const COMPUTED = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
];

export function md5Hex(data: string | Buffer): string {
  return createHash('md5').update(data).digest('hex');
}

/** The MD5 of message attributes as SQS computes it (sorted names; length-prefixed fields; transport byte). */
export function md5OfMessageAttributes(
  attributes: Record<string, SqsMessageAttributeValue>,
): string | undefined {
  const names = Object.keys(attributes).sort();
  if (names.length === 0) return undefined;
  const parts: Buffer[] = [];
  const lengthPrefixed = (data: Buffer): void => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    parts.push(length, data);
  };
  for (const name of names) {
    const value = attributes[name] as SqsMessageAttributeValue;
    lengthPrefixed(Buffer.from(name, 'utf8'));
    lengthPrefixed(Buffer.from(value.DataType, 'utf8'));
    if (value.BinaryValue !== undefined) {
      parts.push(Buffer.from([2]));
      lengthPrefixed(Buffer.from(value.BinaryValue, 'base64'));
    } else {
      parts.push(Buffer.from([1]));
      lengthPrefixed(Buffer.from(value.StringValue ?? '', 'utf8'));
    }
  }
  return md5Hex(Buffer.concat(parts));
}

// Characters SQS accepts in a message body: #x9 | #xA | #xD | #x20-#xD7FF | #xE000-#xFFFD | #x10000-#x10FFFF.
const INVALID_BODY_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

function validateMessageAttributes(attributes: Record<string, SqsMessageAttributeValue>): number {
  const names = Object.keys(attributes);
  if (names.length > 10) {
    throw new AwsError(
      'InvalidParameterValue',
      `Number of message attributes [${names.length}] exceeds the allowed maximum [10].`,
    );
  }
  let size = 0;
  for (const name of names) {
    const value = attributes[name] as SqsMessageAttributeValue;
    if (!/^[A-Za-z0-9_.-]{1,256}$/.test(name) || name.startsWith('AWS.') || name.startsWith('Amazon.')) {
      throw new AwsError('InvalidParameterValue', `Message attribute name '${name}' is invalid.`);
    }
    if (typeof value?.DataType !== 'string' || !/^(String|Number|Binary)(\..+)?$/.test(value.DataType)) {
      throw new AwsError(
        'InvalidParameterValue',
        `The message attribute '${name}' has an invalid message attribute type, the set of supported type prefixes is Binary, Number, and String.`,
      );
    }
    const isBinary = value.DataType.startsWith('Binary');
    const raw = isBinary ? value.BinaryValue : value.StringValue;
    if (raw === undefined || raw === '') {
      throw new AwsError(
        'InvalidParameterValue',
        `The message attribute '${name}' must contain non-empty message attribute value for message attribute type '${value.DataType}'.`,
      );
    }
    if (value.DataType.startsWith('Number') && !Number.isFinite(Number(raw))) {
      throw new AwsError(
        'InvalidParameterValue',
        `Can't cast the value of message (user) attribute '${name}' to a number.`,
      );
    }
    size +=
      Buffer.byteLength(name) +
      Buffer.byteLength(value.DataType) +
      (isBinary ? Buffer.from(raw, 'base64').length : Buffer.byteLength(raw));
  }
  return size;
}

function integerAttribute(name: string, value: string): number {
  const range = SETTABLE[name];
  const n = Number(value);
  if (range && (!/^\d+$/.test(value) || n < range[0] || n > range[1])) {
    throw new AwsError(
      'InvalidAttributeValue',
      `Invalid value for the parameter ${name}.`,
      400,
      'InvalidAttributeValue',
    );
  }
  return n;
}

export function parseRedrivePolicy(value: string): RedrivePolicy {
  let parsed: { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
  try {
    parsed = JSON.parse(value) as typeof parsed;
  } catch {
    throw new AwsError(
      'InvalidAttributeValue',
      'Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.',
    );
  }
  const maxReceiveCount = Number(parsed.maxReceiveCount);
  if (
    typeof parsed.deadLetterTargetArn !== 'string' ||
    !/^arn:aws:sqs:[^:]+:\d{12}:[A-Za-z0-9_-]{1,80}$/.test(parsed.deadLetterTargetArn)
  ) {
    throw new AwsError(
      'InvalidAttributeValue',
      'Invalid value for the parameter RedrivePolicy. Reason: Dead-letter target ARN is missing or invalid.',
    );
  }
  if (!Number.isInteger(maxReceiveCount) || maxReceiveCount < 1 || maxReceiveCount > 1000) {
    throw new AwsError(
      'InvalidAttributeValue',
      'Invalid value for the parameter RedrivePolicy. Reason: maxReceiveCount must be an integer from 1 to 1000.',
    );
  }
  return { deadLetterTargetArn: parsed.deadLetterTargetArn, maxReceiveCount };
}

function encodeHandle(queue: string, messageId: string): string {
  return Buffer.from(`${queue}\n${messageId}\n${randomBytes(12).toString('hex')}`).toString('base64');
}

function decodeHandle(handle: string): { queue: string; messageId: string } | undefined {
  const parts = Buffer.from(handle, 'base64').toString('utf8').split('\n');
  if (parts.length !== 3 || !parts[0] || !parts[1]) return undefined;
  return { queue: parts[0], messageId: parts[1] };
}

export class SqsService {
  private readonly queues = new Map<string, QueueState>();
  private readonly waiters = new Map<string, Set<() => void>>();
  private stopped = false;

  constructor(
    readonly region = 'us-east-1',
    readonly accountId = '000000000000',
    /** called after every state change (persistence hooks in here) */
    private readonly onChange: () => void = () => undefined,
  ) {}

  // ---- queues -------------------------------------------------------------------------------

  queueArn(name: string): string {
    return `arn:aws:sqs:${this.region}:${this.accountId}:${name}`;
  }

  /** `http(s)://host[:port]/<account>/<name>` (or just the path) → queue name; throws QueueDoesNotExist. */
  nameFromUrl(queueUrl: string): string {
    const match = /^(?:https?:\/\/[^/]+)?\/(\d{12})\/([A-Za-z0-9_-]{1,80})\/?$/.exec(queueUrl ?? '');
    const name = match?.[2];
    if (!name || !this.queues.has(name)) throw this.noQueue();
    return name;
  }

  nameFromArn(arn: string): string {
    const name = arn.split(':')[5];
    if (!name || !this.queues.has(name)) throw this.noQueue();
    return name;
  }

  private noQueue(): AwsError {
    return new AwsError(
      'QueueDoesNotExist',
      'The specified queue does not exist.',
      400,
      'AWS.SimpleQueueService.NonExistentQueue',
    );
  }

  private queue(name: string): QueueState {
    const q = this.queues.get(name);
    if (!q) throw this.noQueue();
    return q;
  }

  has(name: string): boolean {
    return this.queues.has(name);
  }

  private validateAttributes(attributes: Record<string, string>): void {
    for (const [key, value] of Object.entries(attributes)) {
      if (!(key in SETTABLE)) {
        if (key === 'FifoQueue' || key === 'ContentBasedDeduplication') {
          throw new AwsError(
            'InvalidAttributeName',
            `FIFO queues are not supported by the local edge (attribute ${key}).`,
          );
        }
        throw new AwsError('InvalidAttributeName', `Unknown Attribute ${key}.`);
      }
      if (typeof value !== 'string')
        throw new AwsError('InvalidAttributeValue', `Invalid value for the parameter ${key}.`);
      integerAttribute(key, value);
      if (key === 'RedrivePolicy' && value !== '') {
        const policy = parseRedrivePolicy(value);
        const dlq = policy.deadLetterTargetArn.split(':')[5] ?? '';
        if (!this.queues.has(dlq)) {
          throw new AwsError(
            'InvalidParameterValue',
            `Value ${value} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`,
          );
        }
      }
    }
  }

  createQueue(
    name: string,
    attributes: Record<string, string> = {},
    tags: Record<string, string> = {},
  ): string {
    if (typeof name !== 'string' || !QUEUE_NAME.test(name)) {
      if (typeof name === 'string' && name.endsWith('.fifo')) {
        throw new AwsError('InvalidParameterValue', 'FIFO queues are not supported by the local edge.');
      }
      throw new AwsError(
        'InvalidParameterValue',
        'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
      );
    }
    this.validateAttributes(attributes);
    const existing = this.queues.get(name);
    if (existing) {
      // Same name with different attribute values is an error in AWS; identical re-creation is idempotent.
      for (const [key, value] of Object.entries(attributes)) {
        if ((existing.attributes[key] ?? DEFAULT_ATTRIBUTES[key]) !== value) {
          throw new AwsError(
            'QueueNameExists',
            `A queue already exists with the same name and a different value for attribute ${key}`,
            400,
            'QueueAlreadyExists',
          );
        }
      }
      return name;
    }
    const now = Date.now();
    this.queues.set(name, {
      name,
      createdTimestamp: now,
      lastModifiedTimestamp: now,
      attributes: { ...DEFAULT_ATTRIBUTES, ...attributes },
      tags: { ...tags },
      messages: [],
    });
    this.onChange();
    return name;
  }

  deleteQueue(name: string): void {
    this.queue(name);
    this.queues.delete(name);
    this.wake(name);
    this.onChange();
  }

  listQueues(prefix = ''): string[] {
    return [...this.queues.keys()].filter((n) => n.startsWith(prefix)).sort();
  }

  setAttributes(name: string, attributes: Record<string, string>): void {
    const q = this.queue(name);
    this.validateAttributes(attributes);
    Object.assign(q.attributes, attributes);
    q.lastModifiedTimestamp = Date.now();
    this.onChange();
  }

  redrivePolicy(name: string): RedrivePolicy | undefined {
    const value = this.queue(name).attributes.RedrivePolicy;
    return value ? parseRedrivePolicy(value) : undefined;
  }

  getAttributes(name: string, requested: readonly string[] = ['All']): Record<string, string> {
    const q = this.queue(name);
    this.expire(q);
    const now = Date.now();
    let visible = 0;
    let inFlight = 0;
    let delayed = 0;
    for (const m of q.messages) {
      if (m.visibleAt <= now) visible += 1;
      else if (m.receiveCount > 0) inFlight += 1;
      else delayed += 1;
    }
    const all: Record<string, string> = {
      ...q.attributes,
      QueueArn: this.queueArn(name),
      ApproximateNumberOfMessages: String(visible),
      ApproximateNumberOfMessagesNotVisible: String(inFlight),
      ApproximateNumberOfMessagesDelayed: String(delayed),
      CreatedTimestamp: String(Math.floor(q.createdTimestamp / 1000)),
      LastModifiedTimestamp: String(Math.floor(q.lastModifiedTimestamp / 1000)),
    };
    if (all.RedrivePolicy === '') delete all.RedrivePolicy;
    if (requested.includes('All')) return all;
    const result: Record<string, string> = {};
    for (const key of requested) {
      if (!(key in SETTABLE) && !COMPUTED.includes(key))
        throw new AwsError('InvalidAttributeName', `Unknown Attribute ${key}.`);
      const value = all[key];
      if (value !== undefined) result[key] = value;
    }
    return result;
  }

  /**
   * The messages a queue holds, oldest first, without receiving them (tests and the console read what was
   * sent; SQS has no such call). Copies: changing them changes nothing.
   */
  peek(name: string): SqsPeekedMessage[] {
    return this.queue(name).messages.map((m) => ({
      messageId: m.messageId,
      body: m.body,
      sentTimestamp: m.sentTimestamp,
      visibleAt: m.visibleAt,
      receiveCount: m.receiveCount,
    }));
  }

  purge(name: string): void {
    this.queue(name).messages = [];
    this.onChange();
  }

  // ---- messages -----------------------------------------------------------------------------

  send(name: string, input: SqsMessageInput): SqsSendResult {
    const q = this.queue(name);
    if (typeof input.body !== 'string' || input.body.length === 0) {
      throw new AwsError('MissingParameter', 'The request must contain the parameter MessageBody.');
    }
    if (INVALID_BODY_CHARS.test(input.body)) {
      throw new AwsError(
        'InvalidMessageContents',
        'Invalid binary character in the message body. Allowed: #x9 | #xA | #xD | #x20 to #xD7FF | #xE000 to #xFFFD | #x10000 to #x10FFFF',
      );
    }
    const attributes = input.messageAttributes ?? {};
    const size = Buffer.byteLength(input.body) + validateMessageAttributes(attributes);
    const maxSize = Number(q.attributes.MaximumMessageSize);
    if (size > maxSize) {
      throw new AwsError(
        'InvalidParameterValue',
        `One or more parameters are invalid. Reason: Message must be shorter than ${maxSize} bytes.`,
      );
    }
    const delay = input.delaySeconds ?? Number(q.attributes.DelaySeconds);
    if (!Number.isInteger(delay) || delay < 0 || delay > 900) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ${delay} for parameter DelaySeconds is invalid. Reason: must be between 0 and 900, if provided.`,
      );
    }
    const now = Date.now();
    const message: StoredMessage = {
      messageId: randomUUID(),
      body: input.body,
      md5OfBody: md5Hex(input.body),
      messageAttributes: attributes,
      sentTimestamp: now,
      visibleAt: now + delay * 1000,
      receiveCount: 0,
      senderId: SENDER_ID,
    };
    const md5Attributes = md5OfMessageAttributes(attributes);
    if (md5Attributes) message.md5OfMessageAttributes = md5Attributes;
    q.messages.push(message);
    this.onChange();
    this.wake(name);
    return {
      messageId: message.messageId,
      md5OfMessageBody: message.md5OfBody,
      ...(md5Attributes ? { md5OfMessageAttributes: md5Attributes } : {}),
    };
  }

  private expire(q: QueueState): void {
    const cutoff = Date.now() - Number(q.attributes.MessageRetentionPeriod) * 1000;
    const before = q.messages.length;
    q.messages = q.messages.filter((m) => m.sentTimestamp > cutoff);
    if (q.messages.length !== before) this.onChange();
  }

  /** One non-blocking receive: takes visible messages, moving over-received ones to the DLQ first. */
  private receiveNow(q: QueueState, max: number, visibilityTimeout: number): SqsReceivedMessage[] {
    this.expire(q);
    const now = Date.now();
    const redrive = q.attributes.RedrivePolicy ? parseRedrivePolicy(q.attributes.RedrivePolicy) : undefined;
    const received: SqsReceivedMessage[] = [];
    const moved: StoredMessage[] = [];
    for (const m of q.messages) {
      if (received.length >= max) break;
      if (m.visibleAt > now) continue;
      if (redrive && m.receiveCount >= redrive.maxReceiveCount) {
        moved.push(m);
        continue;
      }
      m.receiveCount += 1;
      m.firstReceiveTimestamp ??= now;
      m.visibleAt = now + visibilityTimeout * 1000;
      m.receiptHandle = encodeHandle(q.name, m.messageId);
      received.push({
        messageId: m.messageId,
        receiptHandle: m.receiptHandle,
        body: m.body,
        md5OfBody: m.md5OfBody,
        ...(m.md5OfMessageAttributes ? { md5OfMessageAttributes: m.md5OfMessageAttributes } : {}),
        sentTimestamp: m.sentTimestamp,
        firstReceiveTimestamp: m.firstReceiveTimestamp,
        receiveCount: m.receiveCount,
        senderId: m.senderId,
        messageAttributes: m.messageAttributes,
      });
    }
    if (moved.length > 0 && redrive) {
      const dlqName = redrive.deadLetterTargetArn.split(':')[5] ?? '';
      const dlq = this.queues.get(dlqName);
      q.messages = q.messages.filter((m) => !moved.includes(m));
      // A DLQ that was deleted meanwhile: AWS keeps the message in the source queue; so do we.
      if (dlq) {
        for (const m of moved) {
          dlq.messages.push({
            ...m,
            receiveCount: 0,
            visibleAt: now,
            receiptHandle: undefined,
            firstReceiveTimestamp: undefined,
          });
        }
        this.wake(dlqName);
      } else {
        q.messages.push(...moved);
      }
    }
    if (received.length > 0 || moved.length > 0) this.onChange();
    return received;
  }

  async receive(name: string, options: SqsReceiveOptions = {}): Promise<SqsReceivedMessage[]> {
    const q = this.queue(name);
    const max = options.maxMessages ?? 1;
    if (!Number.isInteger(max) || max < 1 || max > 10) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
      );
    }
    const visibility = options.visibilityTimeout ?? Number(q.attributes.VisibilityTimeout);
    if (!Number.isInteger(visibility) || visibility < 0 || visibility > 43_200) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ${visibility} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200, if provided.`,
      );
    }
    const wait = options.waitTimeSeconds ?? Number(q.attributes.ReceiveMessageWaitTimeSeconds);
    if (!Number.isInteger(wait) || wait < 0 || wait > 20) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ${wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`,
      );
    }
    const deadline = Date.now() + wait * 1000;
    for (;;) {
      const current = this.queues.get(name);
      if (!current) return [];
      const messages = this.receiveNow(current, max, visibility);
      const remaining = deadline - Date.now();
      if (messages.length > 0 || remaining <= 0 || this.stopped || options.signal?.aborted) return messages;
      await this.waitForChange(name, Math.min(remaining, this.nextVisibleIn(current)), options.signal);
    }
  }

  private nextVisibleIn(q: QueueState): number {
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const m of q.messages) if (m.visibleAt > now) next = Math.min(next, m.visibleAt - now);
    return next;
  }

  private waitForChange(name: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      let set = this.waiters.get(name);
      if (!set) {
        set = new Set();
        this.waiters.set(name, set);
      }
      const waiters = set;
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, ms));
      waiters.add(done);
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  private wake(name: string): void {
    for (const waiter of [...(this.waiters.get(name) ?? [])]) waiter();
  }

  private findByHandle(
    name: string,
    handle: string,
  ): { q: QueueState; message: StoredMessage | undefined; current: boolean } {
    const q = this.queue(name);
    const decoded = typeof handle === 'string' ? decodeHandle(handle) : undefined;
    if (!decoded || decoded.queue !== name) {
      throw new AwsError(
        'ReceiptHandleIsInvalid',
        `The input receipt handle "${handle}" is not a valid receipt handle.`,
      );
    }
    const message = q.messages.find((m) => m.messageId === decoded.messageId);
    return { q, message, current: message?.receiptHandle === handle };
  }

  /** Deletes the message if `handle` is its latest receipt handle; an already-deleted message is not an error. */
  deleteMessage(name: string, handle: string): void {
    const { q, message, current } = this.findByHandle(name, handle);
    if (message && current) {
      q.messages = q.messages.filter((m) => m !== message);
      this.onChange();
    }
  }

  changeVisibility(name: string, handle: string, visibilityTimeout: number): void {
    if (!Number.isInteger(visibilityTimeout) || visibilityTimeout < 0 || visibilityTimeout > 43_200) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value ${visibilityTimeout} for parameter VisibilityTimeout is invalid. Reason: Must be between 0 and 43200.`,
      );
    }
    const { message, current } = this.findByHandle(name, handle);
    if (!message || !current || message.visibleAt <= Date.now()) {
      throw new AwsError(
        'MessageNotInflight',
        'Message does not exist or is not available for visibility timeout change.',
        400,
        'AWS.SimpleQueueService.MessageNotInflight',
      );
    }
    message.visibleAt = Date.now() + visibilityTimeout * 1000;
    this.onChange();
    if (visibilityTimeout === 0) this.wake(name);
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  snapshot(): SqsSnapshot {
    return { version: 1, queues: [...this.queues.values()] };
  }

  restore(snapshot: unknown): void {
    const s = snapshot as Partial<SqsSnapshot> | undefined;
    if (s?.version !== 1 || !Array.isArray(s.queues))
      throw new Error('Unrecognised SQS state file (expected version 1)');
    this.queues.clear();
    for (const q of s.queues) this.queues.set(q.name, q);
  }

  /** Ends all long polls (they return empty) and refuses to wait again. */
  stop(): void {
    this.stopped = true;
    for (const name of this.waiters.keys()) this.wake(name);
  }
}
