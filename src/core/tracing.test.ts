import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { topics as contractTopics } from '../../test/support/contract-picks.js';
import { ConnectionPostError, DeliveryRetriesExhaustedError } from './errors.js';
import { broadcastEnvelope, createWorld } from './testing/world.js';
import { idsOfInvalid, traceInvalid, traceReason } from './tracing.js';

const { openDrop: open2 } = contractTopics;

describe('trace records of the core services', () => {
  it('a broadcast shard: one record with counts, per-connection records only for what did not get it now', async () => {
    const world = createWorld();
    for (const id of ['a', 'b', 'busy', 'broken']) await world.open(id);
    world.gateway.script('busy', 'throttled');
    world.gateway.script('broken', new ConnectionPostError('broken', 500));
    const envelope = broadcastEnvelope({ topic: open2 });
    const job = { shard: 1, shards: 4, connectionIds: ['a', 'b', 'busy', 'broken'], envelope, attempt: 2 };
    await world.broadcast.runShardJob(job, Number.POSITIVE_INFINITY);
    const records = world.trace.of(envelope.messageId);
    for (const record of records) expect(validators.TraceRecord(record).ok).toBe(true);
    expect(records.map((r) => `${r.connectionId}:${r.result}`).sort()).toEqual([
      'broken:retried',
      'busy:throttled',
      'undefined:undefined',
    ]);
    expect(records.find((r) => r.connectionId === 'broken')?.reason).toMatch(/500/);
    expect(records.at(-1)).toMatchObject({
      hop: 'posted',
      shard: 1,
      shards: 4,
      attempt: 2,
      counts: { delivered: 2, throttled: 1, retried: 1, gone: 0, connecting: 0, tooLarge: 0, deferred: 0 },
    });
  });

  it('keeps a sample of per-connection successes when the stack asks for it', async () => {
    const all = createWorld({ traceSampleRate: 1 });
    const none = createWorld({ traceSampleRate: 0.4 }); // random() is 0.5 in the world: never below 0.4
    for (const world of [all, none]) {
      await world.open('a', {}, [open2]);
      await world.open('b', {}, [open2]);
    }
    const envelope = broadcastEnvelope({ topic: open2 });
    await all.broadcast.route(envelope);
    await none.broadcast.route(envelope);
    const sampledOf = (w: typeof all) => w.trace.of(envelope.messageId).filter((r) => r.sampled);
    expect(
      sampledOf(all)
        .map((r) => [r.connectionId, r.result])
        .sort(),
    ).toEqual([
      ['a', 'delivered'],
      ['b', 'delivered'],
    ]);
    expect(sampledOf(none)).toEqual([]);
  });

  it('retries exhausted: a dead-lettered hop with the reason before the job fails', async () => {
    const world = createWorld();
    const envelope = broadcastEnvelope();
    for (const id of ['x', 'y']) {
      await world.open(id);
      world.gateway.script(id, new ConnectionPostError(id, 500));
    }
    const job = { shard: 0, shards: 1, connectionIds: ['x', 'y'], envelope, attempt: 5 };
    await expect(world.broadcast.runShardJob(job, Number.POSITIVE_INFINITY)).rejects.toBeInstanceOf(
      DeliveryRetriesExhaustedError,
    );
    expect(world.trace.of(envelope.messageId).filter((r) => r.hop === 'dead-lettered')).toEqual([
      expect.objectContaining({
        hop: 'dead-lettered',
        counts: { retried: 2 },
        reason: 'retries exhausted: 2 connection(s) unreachable after 5 attempts',
      }),
    ]);
  });

  it('an invalid input is traced only by ids that match the contract, with a bounded reason', () => {
    expect(idsOfInvalid({ envelope: { messageId: 'm-1', correlationId: 'bad id!' } })).toEqual({
      messageId: 'm-1',
    });
    expect(idsOfInvalid('not json')).toEqual({});
    const written: unknown[] = [];
    const deps = { trace: { record: (r: unknown) => written.push(r) }, clock: { now: () => 0 } };
    traceInvalid(deps, { realm: 'acme' }, 'no ids');
    expect(written).toEqual([]);
    traceInvalid(deps, { correlationId: 'c-1' }, 'x'.repeat(5000));
    expect(written).toHaveLength(1);
    expect(validators.TraceRecord(written[0]).ok).toBe(true);
    expect(traceReason('x'.repeat(5000))).toHaveLength(1000);
  });
});
