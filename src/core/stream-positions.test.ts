import { describe, expect, it } from 'vitest';
import { topics as contractTopics, historyFamily, topicIn } from '../../test/support/contract-picks.js';
import { broadcastEnvelope, createWorld } from './testing/world.js';

const { openHistory: open1, openDrop: open2 } = contractTopics;
/** A concrete topic of a family with a history (its own stream). */
const job1 = topicIn(historyFamily, '1');

describe('offset assignment at routing', () => {
  it('numbers the publications of each realm and concrete topic 1, 2, 3 in one epoch, on every frame and row', async () => {
    const world = createWorld();
    await world.open('c1', {}, [open1, job1, open2]);
    for (const topic of [open1, open1, job1, open1, open2])
      await world.broadcast.route(broadcastEnvelope({ topic }));
    await world.broadcast.route(broadcastEnvelope({ realm: 'other' }));
    const frames = world.gateway.framesTo('c1').map((f) => [f.topic, f.offset, f.epoch]);
    const [openEpoch, jobs] = [frames[0]?.[2], frames[2]?.[2]];
    expect(openEpoch).toMatch(/^epoch\d+$/);
    expect(jobs).not.toBe(openEpoch);
    expect(frames).toEqual([
      [open1, 1, openEpoch],
      [open1, 2, openEpoch],
      [job1, 1, jobs],
      [open1, 3, openEpoch],
      [open2, undefined, undefined], // offline.policy drop: no stream
    ]);
    const rows = await world.history.list('acme', open1, 0, 20);
    expect(rows.map((r) => r.position)).toEqual([1, 2, 3].map((offset) => ({ offset, epoch: openEpoch })));
    const other = await world.history.head('other', open1, 0);
    expect(other?.offset).toBe(1);
    expect(other?.epoch).not.toBe(openEpoch);
  });

  it('fan-out jobs carry the position and their posts show it', async () => {
    const world = createWorld({ shardThreshold: 1, shardSize: 1 });
    await world.open('a');
    await world.open('b');
    await world.broadcast.route(broadcastEnvelope());
    const jobs = world.fanoutQueue.jobs();
    expect(jobs.map((j) => j.position)).toEqual([
      { offset: 1, epoch: 'epoch1' },
      { offset: 1, epoch: 'epoch1' },
    ]);
    await world.broadcast.runShardJob(jobs[0]!, Number.POSITIVE_INFINITY);
    expect(world.gateway.posts[0]?.data).toContain('"offset":1,"epoch":"epoch1"');
  });

  it('a repeat of an unfinished publish keeps the offset its first handling kept', async () => {
    const world = createWorld();
    await world.open('c1');
    const first = broadcastEnvelope({ messageId: 'once' });
    world.fanoutQueue.failNext = new Error('queue down');
    await world.open('c2');
    // The first handling fails after the offset was assigned (a retry job could not be sent).
    world.gateway.script('c2', new Error('500'));
    await expect(world.broadcast.route(first)).rejects.toThrow('queue down');
    const retried = { ...first, publishedAt: '2026-11-27T09:59:30.000Z' };
    expect(await world.broadcast.route(retried)).toMatchObject({ repeat: 'handled-as-first' });
    await world.broadcast.route(broadcastEnvelope());
    const offsets = world.gateway.framesTo('c1').map((f) => [f.id, f.offset]);
    expect(offsets).toEqual([
      ['once', 1],
      ['once', 1],
      [expect.stringMatching(/^m-/), 2],
    ]);
  });

  it('a message whose retention is already over gets no offset (it is never stored)', async () => {
    const world = createWorld();
    await world.open('c1');
    await world.broadcast.route(broadcastEnvelope({ publishedAt: '2026-11-25T09:00:00.000Z' }));
    expect(world.gateway.framesTo('c1')[0]).not.toHaveProperty('offset');
    expect(await world.history.head('acme', open1, 0)).toBeUndefined();
  });

  it('a stream whose head row expired (all its history gone) starts a new epoch', async () => {
    const world = createWorld();
    await world.broadcast.route(broadcastEnvelope());
    world.clock.advance((86_400 + 301) * 1000);
    await world.broadcast.route(
      broadcastEnvelope({ publishedAt: new Date(world.clock.now()).toISOString() }),
    );
    const head = await world.history.head('acme', open1, world.clock.now() / 1000);
    expect(head?.offset).toBe(1);
    expect(head?.epoch).not.toBe((await world.history.list('acme', open1, 0, 20))[0]?.position?.epoch);
  });
});
