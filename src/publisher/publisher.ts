/**
 * The publisher SDK: validated, typed publishing of topic and user messages to the two SNS topics.
 * Works against AWS and against the local platform (`AWS_ENDPOINT_URL=http://localhost:4566`).
 */
import {
  PublishBatchCommand,
  type PublishBatchCommandOutput,
  type PublishBatchRequestEntry,
  PublishCommand,
  type PublishCommandOutput,
} from '@aws-sdk/client-sns';
import type { ConcreteTopicName } from '../../generated/topics.js';
import type { UserMessageTypeName } from '../../generated/user-messages.js';
import {
  type AnyTopicPublishInput,
  type AnyUserPublishInput,
  type EnvelopeDefaults,
  type PreparedMessage,
  prepareTopicMessage,
  prepareUserMessage,
  type TopicPublishInput,
  type UncheckedTopicInput,
  type UncheckedUserInput,
  type UserPublishInput,
} from './envelope.js';
import { createSnsClient } from './sns-client.js';
import { explainConfigError, requireTopicArn, resolveTarget, type TargetInput } from './target.js';

/** What the publisher needs of an SNS client (an `SNSClient` satisfies it; tests pass a fake). */
export interface SnsSender {
  send(command: PublishCommand): Promise<PublishCommandOutput>;
  send(command: PublishBatchCommand): Promise<PublishBatchCommandOutput>;
}

/**
 * Where to publish (target.ts): `{ local: true }` is the local platform (`npm start`: its topics, endpoint,
 * region and dummy credentials); for AWS pass the stack outputs `broadcastTopicArn` and `userTopicArn` (or set
 * `$WSPUSH_BROADCAST_TOPIC_ARN`, `$WSPUSH_USER_TOPIC_ARN`); the region defaults to the topic ARN's.
 */
export interface PublisherOptions extends EnvelopeDefaults, TargetInput {
  /** Defaults to an `SNSClient` for the target (credentials from the environment, a profile or a role). */
  snsClient?: SnsSender;
  /** Read instead of `process.env` for the defaults. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface PublishResult {
  messageId: string;
  correlationId: string;
  /** The id SNS gave the publish (undefined through the Kafka transport). */
  snsMessageId: string | undefined;
  /** Through the Kafka transport: where the record went (partition and offset of a single publish). */
  kafka?: { topic: string; partition?: number; offset?: string };
}

export type BatchEntryResult =
  | ({ ok: true; index: number } & PublishResult)
  | {
      ok: false;
      index: number;
      messageId: string | undefined;
      /** `PublishValidationError` for an invalid entry (never sent), otherwise the SNS failure. */
      error: Error;
      /** SNS error code (e.g. `InternalError`); absent for validation failures. */
      code?: string;
      senderFault?: boolean;
    };

/** SNS PublishBatch limits: 10 entries and 256 KiB (messages plus attributes) per call. */
export const BATCH_MAX_ENTRIES = 10;
export const BATCH_MAX_BYTES = 262_144;

export interface Publisher {
  publishToTopic<N extends ConcreteTopicName>(input: TopicPublishInput<N>): Promise<PublishResult>;
  publishToUser<T extends UserMessageTypeName>(input: UserPublishInput<T>): Promise<PublishResult>;
  /** Any number of entries, sent 10 (and at most 256 KiB) per PublishBatch call; one result per entry, in order. */
  publishToTopicBatch(entries: readonly AnyTopicPublishInput[]): Promise<BatchEntryResult[]>;
  publishToUserBatch(entries: readonly AnyUserPublishInput[]): Promise<BatchEntryResult[]>;
  /** Untyped variants for input read at run time (JSON files, the CLI): validated all the same. */
  publishUncheckedToTopic(input: UncheckedTopicInput): Promise<PublishResult>;
  publishUncheckedToUser(input: UncheckedUserInput): Promise<PublishResult>;
}

export function createPublisher(options: PublisherOptions): Publisher {
  const env = options.env ?? process.env;
  const target = resolveTarget(options, env);
  // Neither topic known: nothing could ever be published, so say so now rather than at the first publish.
  if (!target.broadcastTopicArn && !target.userTopicArn) requireTopicArn(target, 'topic');
  const client: SnsSender = options.snsClient ?? createSnsClient({ ...options, env });
  const sns = {
    send: (command: PublishCommand | PublishBatchCommand) =>
      (client.send as (c: typeof command) => Promise<unknown>)(command).catch((error: unknown) => {
        throw explainConfigError(error);
      }),
  } as SnsSender;
  const broadcastArn = (): string => requireTopicArn(target, 'topic');
  const userArn = (): string => requireTopicArn(target, 'user');

  async function publishOne(topicArn: string, prepared: PreparedMessage): Promise<PublishResult> {
    const output = await sns.send(
      new PublishCommand({
        TopicArn: topicArn,
        Message: prepared.message,
        MessageAttributes: prepared.attributes,
      }),
    );
    return {
      messageId: prepared.envelope.messageId,
      correlationId: prepared.envelope.correlationId,
      snsMessageId: output.MessageId,
    };
  }

  async function publishMany(
    topicArn: string,
    count: number,
    prepare: (index: number) => PreparedMessage,
  ): Promise<BatchEntryResult[]> {
    const results: BatchEntryResult[] = new Array(count);
    const valid: { index: number; prepared: PreparedMessage }[] = [];
    for (let index = 0; index < count; index++) {
      try {
        valid.push({ index, prepared: prepare(index) });
      } catch (error) {
        results[index] = { ok: false, index, messageId: undefined, error: asError(error) };
      }
    }
    for (const chunk of chunkBatch(valid)) {
      const output = await sns.send(
        new PublishBatchCommand({
          TopicArn: topicArn,
          PublishBatchRequestEntries: chunk.map(
            ({ index, prepared }): PublishBatchRequestEntry => ({
              Id: String(index),
              Message: prepared.message,
              MessageAttributes: prepared.attributes,
            }),
          ),
        }),
      );
      const byId = new Map(chunk.map((entry) => [String(entry.index), entry]));
      for (const success of output.Successful ?? []) {
        const entry = success.Id === undefined ? undefined : byId.get(success.Id);
        if (!entry) continue;
        results[entry.index] = {
          ok: true,
          index: entry.index,
          messageId: entry.prepared.envelope.messageId,
          correlationId: entry.prepared.envelope.correlationId,
          snsMessageId: success.MessageId,
        };
        byId.delete(success.Id as string);
      }
      for (const failure of output.Failed ?? []) {
        const entry = failure.Id === undefined ? undefined : byId.get(failure.Id);
        if (!entry) continue;
        results[entry.index] = {
          ok: false,
          index: entry.index,
          messageId: entry.prepared.envelope.messageId,
          error: new Error(
            `SNS rejected the entry: ${failure.Code ?? 'unknown'} ${failure.Message ?? ''}`.trim(),
          ),
          ...(failure.Code !== undefined ? { code: failure.Code } : {}),
          ...(failure.SenderFault !== undefined ? { senderFault: failure.SenderFault } : {}),
        };
        byId.delete(failure.Id as string);
      }
      // SNS reports every entry; anything missing is a failure we must not report as sent.
      for (const entry of byId.values()) {
        results[entry.index] = {
          ok: false,
          index: entry.index,
          messageId: entry.prepared.envelope.messageId,
          error: new Error('SNS returned no result for this entry'),
        };
      }
    }
    return results;
  }

  return {
    publishToTopic: async (input) => publishOne(broadcastArn(), prepareTopicMessage(input, options)),
    publishToUser: async (input) => publishOne(userArn(), prepareUserMessage(input, options)),
    publishUncheckedToTopic: async (input) => publishOne(broadcastArn(), prepareTopicMessage(input, options)),
    publishUncheckedToUser: async (input) => publishOne(userArn(), prepareUserMessage(input, options)),
    publishToTopicBatch: async (entries) =>
      publishMany(broadcastArn(), entries.length, (i) =>
        prepareTopicMessage(entries[i] as AnyTopicPublishInput, options),
      ),
    publishToUserBatch: async (entries) =>
      publishMany(userArn(), entries.length, (i) =>
        prepareUserMessage(entries[i] as AnyUserPublishInput, options),
      ),
  };
}

/** Splits entries into PublishBatch calls of at most 10 entries and 256 KiB. */
export function chunkBatch<T extends { prepared: PreparedMessage }>(entries: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const entry of entries) {
    const size = entryBytes(entry.prepared);
    if (
      current.length > 0 &&
      (current.length === BATCH_MAX_ENTRIES || currentBytes + size > BATCH_MAX_BYTES)
    ) {
      chunks.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(entry);
    currentBytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function entryBytes(prepared: PreparedMessage): number {
  const encoder = new TextEncoder();
  let bytes = prepared.bytes;
  for (const [name, attribute] of Object.entries(prepared.attributes)) {
    bytes += encoder.encode(name + attribute.DataType + attribute.StringValue).byteLength;
  }
  return bytes;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
