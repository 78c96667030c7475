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
  createPublisher,
  PublishValidationError,
  prepareTopicMessage,
  type SnsSender,
} from '../../src/publisher/index.js';

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

const announcement = { title: 'Maintenance', body: 'Tonight 22:00 UTC', severity: 'warning' } as const;

describe('publishToTopic', () => {
  it('sends a validated broadcast envelope with ids and message attributes', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const result = await publisher.publishToTopic({
      realm: 'acme',
      topic: 'announcements',
      payload: announcement,
    });
    expect(sns.commands).toHaveLength(1);
    const input = (sns.commands[0] as PublishCommand).input;
    expect(input.TopicArn).toBe(BROADCAST);
    expect(input.MessageAttributes).toEqual({
      realm: { DataType: 'String', StringValue: 'acme' },
      topic: { DataType: 'String', StringValue: 'announcements' },
    });
    const envelope = JSON.parse(input.Message ?? '') as Record<string, unknown>;
    expect(envelope).toEqual({
      messageId: result.messageId,
      correlationId: result.correlationId,
      realm: 'acme',
      topic: 'announcements',
      publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      payload: announcement,
    });
    expect(result.messageId).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(result.correlationId).toMatch(/^c-[0-9a-f-]{36}$/);
    expect(result.snsMessageId).toBe('sns-1');
  });

  it('publishes to a concrete topic of a family, typed and validated by the family', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const payload = {
      jobId: '8812',
      status: 'running',
      progress: 40,
      updatedAt: '2026-11-27T10:00:00.000Z',
    } as const;
    await publisher.publishToTopic({ realm: 'acme', topic: 'jobs.8812', payload });
    const envelope = JSON.parse((sns.commands[0] as PublishCommand).input.Message ?? '') as { topic: string };
    expect(envelope.topic).toBe('jobs.8812');
    // @ts-expect-error the payload type follows the family: a jobs.* topic takes a JobStatusPayload
    const wrong = publisher.publishToTopic({ realm: 'acme', topic: 'jobs.1', payload: announcement });
    await expect(wrong).rejects.toThrow(PublishValidationError);
    const badParameter = () =>
      prepareTopicMessage({ realm: 'acme', topic: `jobs.${'x'.repeat(65)}`, payload });
    expect(badParameter).toThrow(/parameter jobId/);
    expect(() => prepareTopicMessage({ realm: 'acme', topic: 'jobs', payload })).toThrow(
      /unknown topic "jobs"/,
    );
    expect(sns.commands).toHaveLength(1);
  });

  it('keeps the caller’s messageId and correlationId', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const result = await publisher.publishToTopic({
      realm: 'acme',
      topic: 'job-status',
      payload: { jobId: 'job-42', status: 'running', progress: 40, updatedAt: '2026-11-27T10:00:00.000Z' },
      messageId: 'my-id-1',
      correlationId: 'req-77',
    });
    expect(result).toMatchObject({ messageId: 'my-id-1', correlationId: 'req-77' });
    expect(JSON.parse((sns.commands[0] as PublishCommand).input.Message ?? '')).toMatchObject({
      messageId: 'my-id-1',
      correlationId: 'req-77',
    });
  });

  it.each([
    ['a payload property', { payload: { ...announcement, severity: 'catastrophic' } }, 'payload.severity'],
    ['a missing payload property', { payload: { title: 'x', body: 'y' } }, 'payload.severity'],
    ['an extra payload property', { payload: { ...announcement, colour: 'red' } }, 'payload.colour'],
    ['the realm', { realm: 'acme#evil' }, 'realm'],
    ['the topic name', { topic: 'Not A Topic' }, 'topic'],
    ['an unknown topic', { topic: 'weather' }, 'topic'],
    ['the message id', { messageId: 'has space' }, 'messageId'],
    ['the payload type', { payload: 'text' }, 'payload'],
  ])('rejects %s before sending, naming the field', async (_what, override, field) => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const input = { realm: 'acme', topic: 'announcements', payload: announcement, ...override };
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
    const promise = publisher.publishToTopic({
      realm: 'acme',
      topic: 'announcements',
      // @ts-expect-error severity is a closed enum in the contract
      payload: { ...announcement, severity: 'catastrophic' },
    });
    await expect(promise).rejects.toMatchObject({
      name: 'PublishValidationError',
      field: 'payload.severity',
    });
  });

  it('enforces limits.maxEnvelopeBytes on the serialised envelope', () => {
    // The contract's payload schemas cap every string, so no schema-valid payload reaches the default limit
    // (120 000 bytes) today; the check guards future schemas. Exercise it with a lowered limit.
    const input = {
      realm: 'acme',
      topic: 'announcements',
      payload: { ...announcement, body: '€'.repeat(1000) },
    };
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
    const input = (publishedAt: string) => ({
      realm: 'acme',
      topic: 'announcements',
      payload: announcement,
      publishedAt,
    });
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
      publisher.publishToUser({
        realm: 'acme',
        userId: 'alice',
        type: 'notification',
        payload: { title: 't', body: 'b', category: 'billing' },
        publishedAt: '2999-01-01T00:00:00.000Z',
      }),
    ).rejects.toMatchObject({ name: 'PublishValidationError', field: 'publishedAt' });
    expect(sns.commands).toHaveLength(0);
  });
});

describe('publishToUser', () => {
  it('sends a user envelope with realm, userId and type attributes', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    await publisher.publishToUser({
      realm: 'acme',
      userId: 'alice',
      type: 'notification',
      payload: { title: 'Invoice paid', body: 'Invoice 2026-114 was paid.', category: 'billing' },
    });
    const input = (sns.commands[0] as PublishCommand).input;
    expect(input.TopicArn).toBe(USER);
    expect(input.MessageAttributes).toEqual({
      realm: { DataType: 'String', StringValue: 'acme' },
      userId: { DataType: 'String', StringValue: 'alice' },
      type: { DataType: 'String', StringValue: 'notification' },
    });
  });

  it.each([
    [{ type: 'sms' }, 'type'],
    [{ userId: '' }, 'userId'],
    [{ payload: { title: 'x', body: 'y', category: 'billing', link: 'not a uri' } }, 'payload.link'],
  ])('rejects %j naming %s', async (override, field) => {
    const publisher = createPublisher({
      snsClient: fakeSns(),
      broadcastTopicArn: BROADCAST,
      userTopicArn: USER,
    });
    const input = {
      realm: 'acme',
      userId: 'alice',
      type: 'notification',
      payload: { title: 'x', body: 'y', category: 'billing' },
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
    Array.from({ length: n }, (_, i) => ({
      realm: 'acme',
      topic: 'announcements',
      payload: { ...announcement, title: `t${i}` },
    }));

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
    const titles = sns.commands.flatMap((c) =>
      ((c as PublishBatchCommand).input.PublishBatchRequestEntries ?? []).map(
        (e) => (JSON.parse(e.Message ?? '') as { payload: { title: string } }).payload.title,
      ),
    );
    expect(titles).toEqual(Array.from({ length: 23 }, (_, i) => `t${i}`));
    const first = (sns.commands[0] as PublishBatchCommand).input.PublishBatchRequestEntries?.[0];
    expect(first?.MessageAttributes?.topic).toEqual({ DataType: 'String', StringValue: 'announcements' });
  });

  it('splits by the 256 KiB batch size too', async () => {
    const sns = fakeSns();
    const publisher = createPublisher({ snsClient: sns, broadcastTopicArn: BROADCAST, userTopicArn: USER });
    const big = Array.from({ length: 6 }, () => ({
      realm: 'acme',
      topic: 'announcements' as const,
      payload: { ...announcement, body: '€'.repeat(10_000) }, // ≈ 30 KB each
    }));
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
    (input[1] as { payload: unknown }).payload = { title: 'missing body and severity' };
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
      Array.from({ length: 11 }, (_, i) => ({
        realm: 'acme',
        userId: `user-${i}`,
        type: 'document-ready' as const,
        payload: {
          documentId: `doc-${i}`,
          name: 'Q3 report.pdf',
          downloadUrl: 'https://files.example.com/doc',
          expiresAt: '2026-11-28T10:00:00.000Z',
        },
      })),
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
