import {
  PublishBatchCommand,
  type PublishBatchCommandOutput,
  PublishCommand,
  type PublishCommandOutput,
} from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { limits } from '../../generated/index.js';
import { createUlidGenerator } from '../../src/publisher/ids.js';
import {
  type AnyTopicPublishInput,
  type AnyUserPublishInput,
  createPublisher,
  PublishValidationError,
  prepareTopicMessage,
  type SnsSender,
} from '../../src/publisher/index.js';
import {
  families,
  invalidPayloadFor,
  invalidTopicName,
  invalidUserPayloadFor,
  otherUserMessageType,
  overlongParameterTopic,
  payloadFor,
  payloadMissingFieldFor,
  payloadWithTextOf,
  topics as picked,
  sampleTopic,
  unknownTopic,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';

const BROADCAST = 'arn:aws:sns:us-east-1:000000000000:wspush-test-broadcast';
const USER = 'arn:aws:sns:us-east-1:000000000000:wspush-test-user';

/** Records every command; PublishBatch entries whose Id is in `failIds` are reported as failed. */
function fakeSns(failIds: string[] = []): SnsSender & { commands: (PublishCommand | PublishBatchCommand)[] } {
  const commands: (PublishCommand | PublishBatchCommand)[] = [];
  let n = 0;
  const send = async (command: PublishCommand | PublishBatchCommand) => {
    commands.push(command);
    if (command instanceof PublishCommand) {
      return { MessageId: `sns-${++n}`, $metadata: {} } satisfies PublishCommandOutput;
    }
    const entries = command.input.PublishBatchRequestEntries ?? [];
    return {
      Successful: entries
        .filter((e) => !failIds.includes(e.Id ?? ''))
        .map((e) => ({ Id: e.Id, MessageId: `sns-${++n}` })),
      Failed: entries
        .filter((e) => failIds.includes(e.Id ?? ''))
        .map((e) => ({ Id: e.Id, Code: 'InternalError', SenderFault: false, Message: 'try again' })),
      $metadata: {},
    } satisfies PublishBatchCommandOutput;
  };
  return { commands, send: send as SnsSender['send'] };
}

/** A topic and its example payload, from the contract (the typed API takes them as the union of all topics). */
const topic = picked.openHistory;
const example = payloadFor(topic);
const message = (over: Record<string, unknown> = {}) =>
  ({ realm: 'acme', topic, payload: example, ...over }) as unknown as AnyTopicPublishInput;
const userMessage = (over: Record<string, unknown> = {}) =>
  ({
    realm: 'acme',
    userId: 'alice',
    type: userMessageType,
    payload: userMessageExample(userMessageType),
    ...over,
  }) as unknown as AnyUserPublishInput;

describe('publishToTopic', () => {
  it('sends a validated broadcast envelope with ids and message attributes', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const result = await publisher.publishToTopic(message());
    expect(sns.commands).toHaveLength(1);
    const input = (sns.commands[0] as PublishCommand).input;
    expect(input.TopicArn).toBe(BROADCAST);
    expect(input.MessageAttributes).toEqual({
      realm: { DataType: 'String', StringValue: 'acme' },
      topic: { DataType: 'String', StringValue: topic },
    });
    const envelope = JSON.parse(input.Message ?? '') as Record<string, unknown>;
    expect(envelope).toEqual({
      messageId: result.messageId,
      correlationId: result.correlationId,
      realm: 'acme',
      topic,
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: example,
    });
    expect(result.messageId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(result.correlationId).toMatch(/^c-[0-9a-f-]{36}$/);
    expect(result.snsMessageId).toBe('sns-1');
  });

  it('publishes to a concrete topic of a family, validated by the family', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const family = families.unowned ?? expect.fail('the contract has no family with a parameter');
    const concrete = sampleTopic(family);
    const payload = payloadFor(concrete);
    await publisher.publishToTopic(message({ topic: concrete, payload }));
    const envelope = JSON.parse((sns.commands[0] as PublishCommand).input.Message ?? '') as { topic: string };
    expect(envelope.topic).toBe(concrete);
    // The payload follows the family: another family's payload is refused.
    const wrong = publisher.publishToTopic(
      message({ topic: concrete, payload: invalidPayloadFor(concrete).payload }),
    );
    await expect(wrong).rejects.toThrow(PublishValidationError);
    const overlong = overlongParameterTopic(family);
    expect(() => prepareTopicMessage({ realm: 'acme', topic: overlong.topic, payload })).toThrow(
      new RegExp(`parameter ${overlong.parameter}`),
    );
    const bare = family.slice(0, family.indexOf('.'));
    expect(() => prepareTopicMessage({ realm: 'acme', topic: bare, payload })).toThrow(
      new RegExp(`unknown topic "${bare}"`),
    );
    expect(sns.commands).toHaveLength(1);
  });

  it('keeps the caller’s messageId and correlationId', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const result = await publisher.publishToTopic(
      message({
        topic: picked.openDrop,
        payload: payloadFor(picked.openDrop),
        messageId: 'my-id-1',
        correlationId: 'req-77',
      }),
    );
    expect(result).toMatchObject({ messageId: 'my-id-1', correlationId: 'req-77' });
    expect(JSON.parse((sns.commands[0] as PublishCommand).input.Message ?? '')).toMatchObject({
      messageId: 'my-id-1',
      correlationId: 'req-77',
    });
  });

  const invalid = invalidPayloadFor(topic);
  const missing = payloadMissingFieldFor(topic);
  it.each([
    ['a payload property', { payload: invalid.payload }, `payload.${invalid.field}`],
    ['a missing payload property', { payload: missing.payload }, `payload.${missing.field}`],
    ['an extra payload property', { payload: { ...example, colour: 'red' } }, 'payload.colour'],
    ['the realm', { realm: 'acme#evil' }, 'realm'],
    ['the topic name', { topic: invalidTopicName }, 'topic'],
    ['an unknown topic', { topic: unknownTopic }, 'topic'],
    ['the message id', { messageId: 'has space' }, 'messageId'],
    ['the payload type', { payload: 'text' }, 'payload'],
  ])('rejects %s before sending, naming the field', async (_what, override, field) => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const input = { realm: 'acme', topic, payload: example, ...override };
    const error = await publisher.publishUncheckedToTopic(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PublishValidationError);
    expect((error as PublishValidationError).field).toBe(field);
    expect((error as Error).message).toContain(field);
    expect(sns.commands).toHaveLength(0);
  });

  it('the typed API rejects too (a rejected promise, not a synchronous throw)', async () => {
    const publisher = createPublisher({
      snsClient: fakeSns(),
      broadcastTopicArn: BROADCAST,
      userTopicArn: USER,
    });
    const promise = publisher.publishToTopic(message({ payload: invalid.payload }));
    await expect(promise).rejects.toMatchObject({
      name: 'PublishValidationError',
      field: `payload.${invalid.field}`,
    });
  });

  it('enforces limits.maxEnvelopeBytes on the serialised envelope', () => {
    // The contract's payload schemas cap every string, so no schema-valid payload reaches the default limit
    // (120 000 bytes) today; the check guards future schemas. Exercise it with a lowered limit.
    const input = { realm: 'acme', topic, payload: payloadWithTextOf(topic, 1000).payload };
    const prepared = prepareTopicMessage(input);
    expect(prepared.bytes).toBe(new TextEncoder().encode(prepared.message).byteLength);
    expect(prepared.bytes).toBeLessThan(limits.maxEnvelopeBytes);
    expect(() => prepareTopicMessage(input, { maxEnvelopeBytes: prepared.bytes })).not.toThrow();
    const tooBig = (() => {
      try {
        prepareTopicMessage(input, { maxEnvelopeBytes: prepared.bytes - 1 });
      } catch (error) {
        return error;
      }
    })();
    expect(tooBig).toBeInstanceOf(PublishValidationError);
    expect(tooBig).toMatchObject({ field: 'payload', errors: [{ keyword: 'maxEnvelopeBytes' }] });
  });

  it('refuses a publishedAt further ahead than limits.publishedAtMaxFutureSeconds, before sending', async () => {
    const now = new Date('2026-11-29T10:00:00.000Z');
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000).toISOString();
    const input = (publishedAt: string) => ({ realm: 'acme', topic, payload: example, publishedAt });
    const skew = limits.publishedAtMaxFutureSeconds;
    expect(prepareTopicMessage(input(at(skew)), { now: () => now }).envelope.publishedAt).toBe(at(skew));
    for (const publishedAt of [at(skew + 1), '2999-01-01T00:00:00.000Z']) {
      expect(() => prepareTopicMessage(input(publishedAt), { now: () => now })).toThrow(
        expect.objectContaining({ name: 'PublishValidationError', field: 'publishedAt' }),
      );
    }
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    await expect(
      publisher.publishToUser(userMessage({ publishedAt: '2999-01-01T00:00:00.000Z' })),
    ).rejects.toMatchObject({ name: 'PublishValidationError', field: 'publishedAt' });
    expect(sns.commands).toHaveLength(0);
  });
});

describe('publishToUser', () => {
  it('sends a user envelope with realm, userId and type attributes', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    await publisher.publishToUser(userMessage());
    const input = (sns.commands[0] as PublishCommand).input;
    expect(input.TopicArn).toBe(USER);
    expect(input.MessageAttributes).toEqual({
      realm: { DataType: 'String', StringValue: 'acme' },
      userId: { DataType: 'String', StringValue: 'alice' },
      type: { DataType: 'String', StringValue: userMessageType },
    });
  });

  const invalidUser = invalidUserPayloadFor(userMessageType);
  it.each([
    [{ type: 'sms' }, 'type'],
    [{ userId: '' }, 'userId'],
    [{ payload: invalidUser.payload }, `payload.${invalidUser.field}`],
  ])('rejects %j naming %s', async (override, field) => {
    const publisher = createPublisher({
      snsClient: fakeSns(),
      broadcastTopicArn: BROADCAST,
      userTopicArn: USER,
    });
    const input = {
      realm: 'acme',
      userId: 'alice',
      type: userMessageType,
      payload: userMessageExample(userMessageType),
      ...override,
    };
    await expect(publisher.publishUncheckedToUser(input)).rejects.toMatchObject({
      name: 'PublishValidationError',
      field,
    });
  });
});

describe('batches', () => {
  const entries = (n: number): AnyTopicPublishInput[] =>
    Array.from({ length: n }, (_, i) => message({ messageId: `m-${i}` }));

  it('sends 10 entries per PublishBatch call, in order, with one result per entry', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const results = await publisher.publishToTopicBatch(entries(23));
    expect(
      sns.commands.map((c) => (c as PublishBatchCommand).input.PublishBatchRequestEntries?.length),
    ).toEqual([10, 10, 3]);
    expect(
      sns.commands.every((c) => c instanceof PublishBatchCommand && c.input.TopicArn === BROADCAST),
    ).toBe(true);
    expect(results.map((r) => r.index)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(results.every((r) => r.ok)).toBe(true);
    const ids = sns.commands.flatMap((c) =>
      ((c as PublishBatchCommand).input.PublishBatchRequestEntries ?? []).map(
        (e) => (JSON.parse(e.Message ?? '') as { messageId: string }).messageId,
      ),
    );
    expect(ids).toEqual(Array.from({ length: 23 }, (_, i) => `m-${i}`));
    const first = (sns.commands[0] as PublishBatchCommand).input.PublishBatchRequestEntries?.[0];
    expect(first?.MessageAttributes?.topic).toEqual({ DataType: 'String', StringValue: topic });
  });

  it('splits by the 256 KiB batch size too', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    // ≈ 30 KB each (10,000 three-byte characters).
    const big = Array.from({ length: 6 }, () =>
      message({ payload: payloadWithTextOf(topic, 10_000).payload }),
    );
    // 6 × 30 KB fits in one call; 12 do not.
    await publisher.publishToTopicBatch([...big, ...big]);
    const sizes = sns.commands.map((c) =>
      ((c as PublishBatchCommand).input.PublishBatchRequestEntries ?? []).reduce(
        (sum, e) => sum + new TextEncoder().encode(e.Message ?? '').byteLength,
        0,
      ),
    );
    expect(sizes.every((s) => s <= 262_144)).toBe(true);
    expect(sns.commands.length).toBe(2);
  });

  it('reports invalid entries (never sent) and SNS failures per entry', async () => {
    const sns = fakeSns(['2']);
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const input = entries(4);
    (input[1] as { payload: unknown }).payload = payloadMissingFieldFor(topic).payload;
    const results = await publisher.publishToTopicBatch(input);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    const invalid = results[1];
    expect(invalid?.ok === false && invalid.error).toBeInstanceOf(PublishValidationError);
    const failed = results[2];
    expect(failed?.ok === false && failed.code).toBe('InternalError');
    const sent = (sns.commands[0] as PublishBatchCommand).input.PublishBatchRequestEntries ?? [];
    expect(sent.map((e) => e.Id)).toEqual(['0', '2', '3']);
  });

  it('user batches go to the user topic', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const results = await publisher.publishToUserBatch(
      Array.from({ length: 11 }, (_, i) =>
        userMessage({
          userId: `user-${i}`,
          type: otherUserMessageType,
          payload: userMessageExample(otherUserMessageType),
        }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(11);
    expect(sns.commands.map((c) => (c as PublishBatchCommand).input.TopicArn)).toEqual([USER, USER]);
  });
});

describe('message ids', () => {
  it('are ULIDs that sort by time, strictly increasing within one millisecond', () => {
    let now = 1_764_237_600_000;
    const next = createUlidGenerator(() => now);
    const ids = [next(), next(), next()];
    now += 1;
    ids.push(next());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(ids[0]?.slice(0, 10)).toBe(ids[2]?.slice(0, 10));
  });
});
