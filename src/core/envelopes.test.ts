import { describe, expect, it } from 'vitest';
import { topics as contractTopics } from '../../test/support/contract-picks.js';
import {
  validateBroadcastEnvelope,
  validateDeliveryJob,
  validateFanoutJob,
  validateUserEnvelope,
} from './envelopes.js';
import { ValidationError } from './errors.js';
import { broadcastEnvelope, userEnvelope } from './testing/world.js';

const { openHistory: open1 } = contractTopics;

function errorsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).errors.map((e) => e.field);
  }
  throw new Error('expected a ValidationError');
}

describe('envelope validation', () => {
  it('accepts valid envelopes', () => {
    expect(validateBroadcastEnvelope(broadcastEnvelope()).topic).toBe(open1);
    expect(validateUserEnvelope(userEnvelope()).userId).toBe('alice');
  });

  it('rejects a bad envelope, naming the field', () => {
    expect(errorsOf(() => validateBroadcastEnvelope({ ...broadcastEnvelope(), realm: 'a#b' }))).toEqual([
      'realm',
    ]);
    expect(errorsOf(() => validateUserEnvelope({ ...userEnvelope(), messageId: undefined }))).toEqual([
      'messageId',
    ]);
  });

  it('rejects an unknown topic or message type', () => {
    expect(errorsOf(() => validateBroadcastEnvelope(broadcastEnvelope({ topic: 'weather' })))).toEqual([
      'topic',
    ]);
    expect(errorsOf(() => validateUserEnvelope(userEnvelope({ type: 'sms' })))).toEqual(['type']);
  });

  it('rejects a payload that does not match the topic or type schema, with payload.* fields', () => {
    const bad = broadcastEnvelope({ payload: { title: 'x', body: 'y', severity: 'apocalyptic' } });
    expect(errorsOf(() => validateBroadcastEnvelope(bad))).toEqual(['payload.severity']);
    expect(errorsOf(() => validateUserEnvelope(userEnvelope({ payload: { title: 't' } })))).toContain(
      'payload.body',
    );
  });

  it('validates jobs, including the envelope inside a fan-out job', () => {
    expect(errorsOf(() => validateDeliveryJob({ reason: 'connect' }))).toContain('connectionId');
    const job = {
      shard: 0,
      shards: 1,
      connectionIds: ['abc='],
      envelope: broadcastEnvelope({ payload: {} }),
    };
    expect(errorsOf(() => validateFanoutJob(job))).toContain('envelope.payload.title');
  });

  it('a delivery job has the shape of its reason (contract 1.9: DeliveryJob oneOf)', () => {
    const to = { connectionId: 'abc=', userId: 'alice', realm: 'acme', correlationId: 'c-1' };
    expect(validateDeliveryJob({ reason: 'drain', ...to })).toEqual({ reason: 'drain', ...to });
    const message = userEnvelope();
    expect(validateDeliveryJob({ reason: 'retry', ...to, message })).toEqual({
      reason: 'retry',
      ...to,
      message,
    });
    // A retry job without its message, or a drain job carrying one, fails.
    expect(() => validateDeliveryJob({ reason: 'retry', ...to })).toThrow(ValidationError);
    expect(() => validateDeliveryJob({ reason: 'drain', ...to, message })).toThrow(ValidationError);
    // A connect job keeps its welcome fields required.
    expect(() => validateDeliveryJob({ reason: 'connect', ...to })).toThrow(ValidationError);
  });

  it('drain and retry jobs enqueued before 1.9 (connect fields on every job) are still accepted', () => {
    const to = { connectionId: 'abc=', userId: 'alice', realm: 'acme', correlationId: 'c-1' };
    const old = { accepted: [open1], rejected: [], connectedAt: 1, expiresAt: 2 };
    expect(validateDeliveryJob({ reason: 'drain', ...to, ...old })).toEqual({ reason: 'drain', ...to });
    const message = userEnvelope();
    expect(validateDeliveryJob({ reason: 'retry', ...to, ...old, message })).toEqual({
      reason: 'retry',
      ...to,
      message,
    });
  });
});
