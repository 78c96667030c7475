/**
 * Positioned replay (`since`) in the core, with memory stores: the connect job replays only what is newer than
 * the position and answers a `recovery` frame; epoch changes, trimmed history, positions ahead of the stream and
 * malformed positions get their codes; topics without a position replay as before.
 */
import { describe, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import { historySize, topics, unknownTopic } from '../../test/support/contract-picks.js';
import type { HistoryItem } from './model.js';
import type { HistoryStore } from './ports.js';
import {
  decideSince,
  parseRecoveryParameter,
  parseSinceParameter,
  positionedReplay,
  resetStream,
} from './stream-positions.js';
import { broadcastEnvelope, createWorld, type World } from './testing/world.js';

const topic = topics.openHistory;
const size = historySize(topic);

/** Publishes `count` messages to `topic`, one second apart, ids `m1`, `m2`, … (offsets 1, 2, …). */
async function publish(world: World, count: number, from = 1): Promise<void> {
  for (let i = from; i < from + count; i++) {
    const publishedAt = new Date(Date.parse('2026-11-27T09:00:00Z') + i * 1000).toISOString();
    await world.broadcast.route(broadcastEnvelope({ messageId: `m${i}`, topic, publishedAt }));
  }
}

/**
 * Connects `c1` with the raw `since` query value (and `recovery`: where the answers go) and runs its delivery
 * job; returns every frame it got.
 */
async function reconnect(
  world: World,
  since: string | undefined,
  requested = [topic],
  recoveryQuery?: string,
) {
  const { job } = await world.connections.register({
    connectionId: 'c1',
    identity: { userId: 'alice', realm: 'acme', roles: [] },
    requestedTopics: requested,
    connectedAt: world.clock.now() - 60_000,
    correlationId: 'c-c1',
    since: parseSinceParameter(since, undefined),
    recovery: parseRecoveryParameter(recoveryQuery, undefined).placement,
  });
  const result = await world.worker.process(job);
  return { job, result, frames: world.gateway.framesTo('c1') };
}

const ids = (frames: Record<string, unknown>[]) =>
  frames.filter((f) => f.kind === 'topic').map((f) => [f.id, f.offset, f.replayed]);
const recovery = (frames: Record<string, unknown>[]) => frames.filter((f) => f.kind === 'recovery');

describe('positioned replay on connect', () => {
  it.each([
    { k: 0, recovered: true },
    { k: 1, recovered: true },
    { k: size - 1, recovered: true },
    { k: size + 5, recovered: false },
  ])(
    'a client that missed $k messages gets exactly those newer than its position',
    async ({ k, recovered }) => {
      const world = createWorld();
      const seen = 3;
      await publish(world, seen + k);
      const epoch = (await world.history.head('acme', topic, 0))?.epoch;
      const { frames, result } = await reconnect(world, `${topic}~${seen}~${epoch}`);
      // The history keeps the newest `size`: what it still holds of the missed ones is replayed, in offset order.
      const first = Math.max(seen + 1, seen + k - size + 1);
      const expected = Array.from({ length: seen + k - first + 1 }, (_, i) => [
        `m${first + i}`,
        first + i,
        true,
      ]);
      expect(frames.map((f) => f.kind)).toEqual(['welcome', ...expected.map(() => 'topic'), 'recovery']);
      expect(ids(frames)).toEqual(expected);
      expect(result.replayed).toBe(expected.length);
      const answer = recovered
        ? { kind: 'recovery', topic, recovered: true, replayed: expected.length, offset: seen + k, epoch }
        : {
            kind: 'recovery',
            topic,
            recovered: false,
            code: 'HISTORY_TRIMMED',
            reason: `offset ${seen + 1} is no longer in the history (newest ${seen + k}): replayed what remains`,
            replayed: size,
            offset: seen + k,
            epoch,
          };
      expect(recovery(frames)).toEqual([answer]);
      expect(validators.RecoveryFrame(recovery(frames)[0]).ok).toBe(true);
      expect(frames.every((f) => f.kind !== 'topic' || validators.TopicMessageFrame(f).ok)).toBe(true);
    },
  );

  it('without since the replay is the whole history as before, each frame with its position', async () => {
    const world = createWorld();
    await publish(world, 3);
    const { frames } = await reconnect(world, undefined);
    expect(ids(frames)).toEqual([
      ['m1', 1, true],
      ['m2', 2, true],
      ['m3', 3, true],
    ]);
    expect(recovery(frames)).toEqual([]);
  });

  it('after a reset the old epoch answers EPOCH_CHANGED with what the new epoch has', async () => {
    const world = createWorld();
    await publish(world, 4);
    const old = (await world.history.head('acme', topic, 0))?.epoch;
    const reset = await resetStream(world.history, 'acme', topic, world.clock.now() / 1000);
    await publish(world, 2, 5);
    const { frames } = await reconnect(world, `${topic}~4~${old}`);
    expect(ids(frames)).toEqual([
      ['m5', 1, true],
      ['m6', 2, true],
    ]);
    expect(recovery(frames)).toEqual([
      {
        kind: 'recovery',
        topic,
        recovered: false,
        code: 'EPOCH_CHANGED',
        reason: `the stream's history was lost or reset (epoch ${old} is now ${reset?.epoch})`,
        replayed: 2,
        offset: 2,
        epoch: reset?.epoch,
      },
    ]);
  });

  it('a stream whose whole history expired answers EPOCH_CHANGED without a head', async () => {
    const world = createWorld();
    await publish(world, 2);
    const epoch = (await world.history.head('acme', topic, 0))?.epoch;
    world.clock.advance(3 * 86_400_000);
    const { frames } = await reconnect(world, `${topic}~1~${epoch}`);
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'recovery']);
    expect(recovery(frames)[0]).toMatchObject({ recovered: false, code: 'EPOCH_CHANGED', replayed: 0 });
    expect(recovery(frames)[0]).not.toHaveProperty('offset');
  });

  it('a position ahead of the stream is ignored (SINCE_AHEAD): the whole history is replayed', async () => {
    const world = createWorld();
    await publish(world, 2);
    const epoch = (await world.history.head('acme', topic, 0))?.epoch;
    const { frames } = await reconnect(world, `${topic}~9~${epoch}`);
    expect(ids(frames)).toEqual([
      ['m1', 1, true],
      ['m2', 2, true],
    ]);
    expect(recovery(frames)).toEqual([
      expect.objectContaining({ recovered: false, code: 'SINCE_AHEAD', replayed: 2, offset: 2, epoch }),
    ]);
  });

  it('bad positions get their codes, write nothing, and the topic is still subscribed and replayed', async () => {
    const world = createWorld();
    await publish(world, 2);
    const since = [
      `${topic}~-1~abc`,
      'weather~1~abc',
      `${topics.openDrop}~1~abc`,
      `${topic}~1.5~abc`,
      `${topic}~1~bad epoch!`,
      `${topic}~1`,
    ].join(',');
    const { frames, job } = await reconnect(world, since, [topic, topics.openDrop]);
    expect(job.accepted).toEqual([topic, topics.openDrop]);
    expect(job.since).toBeUndefined();
    expect(ids(frames)).toEqual([
      ['m1', 1, true],
      ['m2', 2, true],
    ]);
    const answers = recovery(frames).map((f) => [f.topic, f.code, f.recovered, f.replayed]);
    expect(answers).toEqual([
      [topic, 'SINCE_INVALID', false, 2], // one of the topic's bad positions, after its history
      [topic, 'SINCE_INVALID', false, 0],
      ['weather', 'SINCE_UNKNOWN_TOPIC', false, 0],
      [topics.openDrop, 'SINCE_UNKNOWN_TOPIC', false, 0],
      [topic, 'SINCE_INVALID', false, 0], // named twice (after the first)
      [topic, 'SINCE_INVALID', false, 0],
    ]);
    expect(recovery(frames).map((f) => f.reason)).toEqual([
      'expected topic~offset~epoch',
      'offset: must be >= 0',
      'not among the accepted history topics of this request',
      'not among the accepted history topics of this request',
      'the topic is named twice',
      'the topic is named twice',
    ]);
    expect(recovery(frames).every((f) => validators.RecoveryFrame(f).ok)).toBe(true);
    expect((await world.store.getConnection('c1'))?.topics).toEqual([topic, topics.openDrop]);
    expect(await world.history.head('acme', topic, 0)).toMatchObject({ offset: 2 });
    expect(await world.history.head('acme', 'weather', 0)).toBeUndefined();
  });

  it('a since value over sinceMaxLength is ignored whole, without being read or echoed', async () => {
    const world = createWorld();
    await publish(world, 1);
    const { frames, job } = await reconnect(world, `${topic}~1~abc,`.repeat(200));
    expect(job.since).toBeUndefined();
    expect(job.sinceRejected).toEqual([
      { topic: '*', code: 'SINCE_INVALID', reason: expect.stringMatching(/longer than \d+ characters/) },
    ]);
    expect(ids(frames)).toEqual([['m1', 1, true]]);
    expect(recovery(frames)).toEqual([expect.objectContaining({ topic: '*', code: 'SINCE_INVALID' })]);
    expect(validators.DeliveryJob(job).ok).toBe(true);
  });

  it('at most maxTopicsPerConnection entries are read; every job stays within its schema', async () => {
    const many = Array.from({ length: 30 }, (_, i) => `jobs.${i}~1~abc`).join(',');
    const parsed = parseSinceParameter(many, undefined);
    expect(parsed.entries).toHaveLength(20);
    expect(parsed.rejected).toEqual([
      { topic: '*', code: 'SINCE_INVALID', reason: '10 entries beyond the first 20 ignored' },
    ]);
    const decided = decideSince(parsed.entries, [], 'acme');
    expect(decided.rejected).toHaveLength(20);
    expect(decided.rejected.every((r) => r.code === 'SINCE_UNKNOWN_TOPIC')).toBe(true);
  });
});

/** Each case's `since` on a world with history: what a client sends after missing messages, a reset, … */
const answerCases: Array<{ name: string; since: (world: World) => Promise<string>; code?: string }> = [
  { name: 'recovered', since: async (w) => `${topic}~1~${await epochOf(w)}` },
  { name: 'nothing missed', since: async (w) => `${topic}~3~${await epochOf(w)}` },
  {
    name: 'HISTORY_TRIMMED',
    code: 'HISTORY_TRIMMED',
    since: async (w) => {
      await publish(w, size, 4);
      return `${topic}~1~${await epochOf(w)}`;
    },
  },
  {
    name: 'EPOCH_CHANGED',
    code: 'EPOCH_CHANGED',
    since: async (w) => {
      const old = await epochOf(w);
      await resetStream(w.history, 'acme', topic, w.clock.now() / 1000);
      await publish(w, 2, 4);
      return `${topic}~3~${old}`;
    },
  },
  { name: 'SINCE_AHEAD', code: 'SINCE_AHEAD', since: async (w) => `${topic}~9~${await epochOf(w)}` },
  {
    name: 'SINCE_INVALID',
    code: 'SINCE_INVALID',
    since: async () => `${topic}~-1~abc,${unknownTopic}~1~abc`,
  },
  { name: 'SINCE_INVALID *', code: 'SINCE_INVALID', since: async () => `${topic}~1~abc,`.repeat(200) },
];

const epochOf = async (world: World) => (await world.history.head('acme', topic, 0))?.epoch ?? '';

describe('answers in the welcome (connect query recovery=welcome)', () => {
  it.each(answerCases)(
    '$name: the welcome carries what the recovery frames say; no recovery frame',
    async (c) => {
      const runs = [];
      for (const placement of ['frames', 'welcome']) {
        const world = createWorld();
        await publish(world, 3);
        const run = await reconnect(world, await c.since(world), [topic], placement);
        // A reset draws a random epoch: each run's is named alike to compare the two.
        const epoch = await epochOf(world);
        const frames = run.frames.map((f) => JSON.parse(JSON.stringify(f).replaceAll(epoch, 'EPOCH')));
        runs.push({ ...run, frames: frames as typeof run.frames });
      }
      const [framed, folded] = runs as [(typeof runs)[0], (typeof runs)[0]];
      expect(framed.job.recovery).toBeUndefined();
      expect(folded.job.recovery).toBe('welcome');
      expect(validators.DeliveryJob(folded.job).ok).toBe(true);
      const [welcome, ...after] = folded.frames;
      expect(welcome?.kind).toBe('welcome');
      expect(validators.WelcomeFrame(welcome).ok).toBe(true);
      expect(recovery(folded.frames)).toEqual([]);
      // The same answers, in the same order; the same replayed frames after the welcome, one post less each.
      const answers = recovery(framed.frames).map(({ kind, ...outcome }) => outcome);
      expect(answers.length).toBeGreaterThan(0);
      expect(welcome?.recovery).toEqual(answers);
      expect(ids(after)).toEqual(ids(framed.frames));
      expect(folded.frames).toHaveLength(framed.frames.length - answers.length);
      expect(framed.frames[0]).not.toHaveProperty('recovery');
      // `replayed`: the topic's frames that follow the welcome.
      const outcomes = (welcome?.recovery ?? []) as Array<Record<string, unknown>>;
      const positioned = outcomes.find((o) => o.topic === topic && o.replayed !== 0) ?? outcomes[0];
      const following = after.filter((f) => f.kind === 'topic' && f.topic === positioned?.topic).length;
      expect(positioned?.replayed).toBe(following);
      expect(outcomes[0]).toMatchObject(c.code ? { recovered: false, code: c.code } : { recovered: true });
    },
  );

  it('recovered: the welcome says the head; the missed messages follow it, then nothing else', async () => {
    const world = createWorld();
    await publish(world, 5);
    const epoch = await epochOf(world);
    const { frames, result } = await reconnect(world, `${topic}~3~${epoch}`, [topic], 'welcome');
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'topic', 'topic']);
    expect(frames[0]?.recovery).toEqual([{ topic, recovered: true, replayed: 2, offset: 5, epoch }]);
    expect(result).toMatchObject({ welcome: true, replayed: 2 });
  });

  it('without since the welcome has no recovery array, whichever the placement', async () => {
    const world = createWorld();
    await publish(world, 2);
    const { frames } = await reconnect(world, undefined, [topic], 'welcome');
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'topic', 'topic']);
    expect(frames[0]).not.toHaveProperty('recovery');
  });

  it('a malformed recovery value is ignored: the answers come as recovery frames (the default)', async () => {
    for (const bad of ['Welcome', '', 'welcome,frames', 'x'.repeat(5000)]) {
      const parsed = parseRecoveryParameter(bad, undefined);
      expect(parsed.placement).toBe('frames');
      expect(parsed.ignored?.length).toBeLessThanOrEqual(256);
    }
    expect(parseRecoveryParameter(undefined, ['welcome', 'frames'])).toMatchObject({ placement: 'frames' });
    expect(parseRecoveryParameter(undefined, ['welcome', 'welcome'])).toEqual({ placement: 'welcome' });
    expect(parseRecoveryParameter(undefined, undefined)).toEqual({ placement: 'frames' });
    const world = createWorld();
    await publish(world, 2);
    const { frames, job } = await reconnect(world, `${topic}~1~${await epochOf(world)}`, [topic], 'bogus');
    expect(job).not.toHaveProperty('recovery');
    expect(frames.map((f) => f.kind)).toEqual(['welcome', 'topic', 'recovery']);
    expect(frames[0]).not.toHaveProperty('recovery');
  });
});

describe('positionedReplay gaps', () => {
  const read = (history: HistoryStore) => ({
    history,
    realm: 'acme',
    topic,
    historySize: size,
    nowSeconds: 0,
  });

  it('an offset lost in the middle (a routing that failed before keeping it) is HISTORY_TRIMMED', async () => {
    const world = createWorld();
    await publish(world, 5);
    const rows = await world.history.list('acme', topic, 0, size);
    const epoch = rows[0]?.position?.epoch ?? '';
    const holed = listing(world, async () => rows.filter((r) => r.position?.offset !== 3));
    const { items, answer } = await positionedReplay(read(holed), { offset: 1, epoch }, true);
    expect(items.map((i) => i.position?.offset)).toEqual([2, 4, 5]);
    expect(answer).toMatchObject({ recovered: false, code: 'HISTORY_TRIMMED' });
  });

  it('an offset whose history row is being written when listed is found by a second listing', async () => {
    const world = createWorld();
    await publish(world, 5);
    const rows = await world.history.list('acme', topic, 0, size);
    const epoch = rows[0]?.position?.epoch ?? '';
    let listings = 0;
    const racing = listing(world, async () => (listings++ === 0 ? rows.slice(0, 4) : rows));
    const { items, answer } = await positionedReplay(read(racing), { offset: 3, epoch }, true);
    expect(listings).toBe(2);
    expect(items.map((i: HistoryItem) => i.position?.offset)).toEqual([4, 5]);
    expect(answer).toEqual({ topic, recovered: true, head: { offset: 5, epoch } });
  });
});

/** The world's history store whose `list` answers `list` (the head and the rest unchanged). */
function listing(world: World, list: () => Promise<HistoryItem[]>): HistoryStore {
  return Object.assign(Object.create(world.history) as HistoryStore, { list });
}
