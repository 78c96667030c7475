/**
 * Stream positions in the client SDK, with a scripted server: the last (offset, epoch) per history topic moves
 * only forward within an epoch, is sent as `since` on reconnect, on the 2-hour handover and in `subscribe`
 * frames within the contract's limits, is corrected by `recovery` frames (which reach the application as an
 * event), and is saved through a storage adapter that never lets corrupt data crash the client.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { limits, patterns } from '../../generated/index.js';
import {
  type ConnectOptions,
  connect,
  localStoragePositionStorage,
  memoryPositionStorage,
  type PositionSnapshot,
  type PositionStorage,
  type PushClient,
  type RecoveryFrame,
  type WebStorageLike,
} from '../../src/client/index.js';
import { parameterizedFamily, topicIn, topics, unknownTopic } from '../support/contract-picks.js';
import { type FakeSocket, fakeWebSocketClass, topicFrame, welcomeFrame } from './fake-websocket.js';

/** Two topics of the connect query (the scripted server sends positions for any topic it is told to). */
const A = topics.openHistory;
const B = topics.openDrop;
/** A topic of a family, subscribed later. */
const job = (id: string): string => topicIn(parameterizedFamily, id);

const EPOCH = 'k3x9ab01q2';
const OTHER_EPOCH = 'q7w8e9r0t1';

async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

function setup(options: Partial<ConnectOptions> = {}): { client: PushClient; sockets: FakeSocket[] } {
  const { WebSocket, sockets } = fakeWebSocketClass();
  const client = connect({
    url: 'ws://gateway.test/',
    getToken: () => 'token',
    topics: [A, B],
    WebSocket,
    transport: 'subprotocol',
    random: () => 0.5,
    ...options,
  });
  return { client, sockets };
}

function last(sockets: FakeSocket[]): FakeSocket {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no socket yet');
  return socket;
}

/** Opens the newest socket and answers with a welcome accepting `accepted`. */
function welcome(socket: FakeSocket, accepted: string[] = [A, B], extra = {}): void {
  socket.serverOpen();
  socket.serverSend(welcomeFrame({ accepted, ...extra }));
}

function positioned(id: string, offset: number, epoch = EPOCH, topic: string = A): Record<string, unknown> {
  return { ...topicFrame(id), topic, offset, epoch };
}

/** A request the scripted server never answers: it is rejected when the client closes. */
function unanswered(request: Promise<unknown>): void {
  request.catch(() => undefined);
}

function sinceOf(socket: FakeSocket): string | null {
  return new URL(socket.url).searchParams.get('since');
}

function sentFrames(socket: FakeSocket): Record<string, unknown>[] {
  return socket.sent.map((s) => JSON.parse(s) as Record<string, unknown>);
}

/** A storage adapter that records what it saved and loads what the test gives it. */
function recordingStorage(loaded: unknown): PositionStorage & { saved: PositionSnapshot[] } {
  const saved: PositionSnapshot[] = [];
  return { saved, load: () => loaded, save: (snapshot) => void saved.push(structuredClone(snapshot)) };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-29T10:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('positions', () => {
  it('advance only within an epoch; a new epoch replaces; frames without a position change nothing', async () => {
    const { client, sockets } = setup();
    await flush();
    const socket = last(sockets);
    welcome(socket);
    socket.serverSend(positioned('m1', 1));
    socket.serverSend(positioned('m3', 3));
    socket.serverSend(positioned('m2', 2)); // late: does not move the position back
    expect(client.streamPositions).toEqual({ [A]: { offset: 3, epoch: EPOCH } });
    socket.serverSend(positioned('n1', 1, OTHER_EPOCH)); // the stream was reset
    expect(client.streamPositions).toEqual({ [A]: { offset: 1, epoch: OTHER_EPOCH } });
    socket.serverSend(topicFrame('plain')); // no offset / epoch (not a history topic)
    socket.serverSend(positioned('bad-epoch', 9, 'not an epoch!'));
    socket.serverSend(positioned('bad-offset', -1));
    socket.serverSend(positioned('fraction', 1.5, OTHER_EPOCH));
    expect(client.streamPositions).toEqual({ [A]: { offset: 1, epoch: OTHER_EPOCH } });
    await client.close();
  });

  it('a position is kept after the handlers ran, and duplicates by id still reach them once', async () => {
    const { client, sockets } = setup();
    const seen: string[] = [];
    client.onTopic(A, (_p, frame) => {
      seen.push(`${frame.id}@${client.streamPositions[A]?.offset ?? 0}`);
    });
    await flush();
    const socket = last(sockets);
    welcome(socket);
    socket.serverSend(positioned('m1', 1));
    socket.serverSend(positioned('m1', 1));
    socket.serverSend(positioned('m2', 2));
    expect(seen).toEqual(['m1@0', 'm2@1']);
    await client.close();
  });
});

describe('since', () => {
  it('is sent on reconnect, for the topics of the connect query that have a position', async () => {
    const { client, sockets } = setup({ maxPreOpenFailures: 99 });
    await flush();
    const first = last(sockets);
    expect(sinceOf(first)).toBeNull(); // nothing known yet
    welcome(first);
    first.serverSend(positioned('a5', 5));
    first.serverSend(positioned('j7', 7, OTHER_EPOCH, B));
    first.serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    const second = last(sockets);
    expect(second).not.toBe(first);
    expect(new URL(second.url).searchParams.get('topics')).toBe(`${A},${B}`);
    expect(sinceOf(second)).toBe(`${A}~5~${EPOCH},${B}~7~${OTHER_EPOCH}`);
    await client.close();
  });

  it('is sent by the 2-hour handover connection', async () => {
    const { client, sockets } = setup({ handoverLeadMs: 2000 });
    await flush();
    const old = last(sockets);
    welcome(old, [A, B], {
      limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 10, connectionTtlSeconds: 30 },
    });
    old.serverSend(positioned('a4', 4));
    await vi.advanceTimersByTimeAsync(8000);
    expect(sockets).toHaveLength(2);
    expect(sinceOf(last(sockets))).toBe(`${A}~4~${EPOCH}`);
    await client.close();
  });

  it('is sent in subscribe frames for topics with a known position, and unsubscribe forgets it', async () => {
    const storage = recordingStorage({
      version: 1,
      positions: { [job('8812')]: { offset: 7, epoch: EPOCH } },
    });
    const { client, sockets } = setup({ positionStorage: storage, topics: [A] });
    await flush();
    const socket = last(sockets);
    expect(sinceOf(socket)).toBeNull(); // the family's topic is not in the connect query
    welcome(socket, [A]);
    unanswered(client.subscribe([job('8812'), job('9')]));
    expect(sentFrames(socket).at(-1)).toEqual({
      action: 'subscribe',
      topics: [job('8812'), job('9')],
      since: { [job('8812')]: { offset: 7, epoch: EPOCH } },
      requestId: 'sub-1',
    });
    unanswered(client.unsubscribe([job('8812')]));
    expect(client.streamPositions).toEqual({});
    expect(storage.saved.at(-1)).toEqual({ version: 1, positions: {} });
    await client.close();
  });

  it('topics the welcome did not cover are subscribed with their positions', async () => {
    const storage = recordingStorage({ version: 1, positions: { [job('1')]: { offset: 3, epoch: EPOCH } } });
    const { client, sockets } = setup({ positionStorage: storage, topics: [A] });
    await flush();
    const socket = last(sockets);
    unanswered(client.subscribe([job('1')])); // while the connection opens: the welcome does not answer it
    welcome(socket, [A]);
    expect(sentFrames(socket).at(-1)).toMatchObject({
      action: 'subscribe',
      topics: [job('1')],
      since: { [job('1')]: { offset: 3, epoch: EPOCH } },
    });
    await client.close();
  });

  it(`stays within x-limits: at most sinceMaxLength (${limits.sinceMaxLength}) characters and maxTopicsPerConnection entries`, async () => {
    const topics = Array.from({ length: limits.maxTopicsPerConnection + 5 }, (_, i) =>
      job(`${'j'.repeat(60)}${i}`),
    );
    const positions = Object.fromEntries(
      topics.map((t, i) => [t, { offset: 1_000_000 + i, epoch: 'e'.repeat(32) }]),
    );
    const storage = recordingStorage({ version: 1, positions });
    const { client, sockets } = setup({ positionStorage: storage, topics });
    await flush();
    // Only maxTopicsPerConnection stored positions are loaded at all.
    expect(Object.keys(client.streamPositions)).toHaveLength(limits.maxTopicsPerConnection);
    const since = sinceOf(last(sockets)) ?? '';
    const entries = since.split(',');
    expect(since.length).toBeLessThanOrEqual(limits.sinceMaxLength);
    expect(entries.length).toBeLessThanOrEqual(limits.maxTopicsPerConnection);
    // As many entries as fit: one more would exceed the length.
    const entryLength = (entries[0] ?? '').length;
    expect(since.length + 1 + entryLength).toBeGreaterThan(limits.sinceMaxLength);
    for (const entry of entries) {
      const [topic, offset, epoch] = entry.split('~');
      expect(topics).toContain(topic);
      expect(client.streamPositions[topic as string]).toEqual({ offset: Number(offset), epoch });
      expect(patterns.StreamEpoch.test(epoch as string)).toBe(true);
    }
    await client.close();
  });

  it('keeps at most maxTopicsPerConnection positions, dropping those of topics no longer held first', async () => {
    const { client, sockets } = setup({ topics: [A] });
    await flush();
    const socket = last(sockets);
    welcome(socket, [A]);
    socket.serverSend(positioned('a1', 1));
    for (let i = 0; i < limits.maxTopicsPerConnection + 3; i++)
      socket.serverSend(positioned(`j${i}`, 1, EPOCH, job(`n${i}`)));
    const kept = Object.keys(client.streamPositions);
    expect(kept).toHaveLength(limits.maxTopicsPerConnection);
    expect(kept).toContain(A); // held: kept although it changed first
    await client.close();
  });
});

describe('recovery frames', () => {
  it('reach the application as a `recovery` event and correct the position', async () => {
    const { client, sockets } = setup();
    const events: RecoveryFrame[] = [];
    client.on('recovery', (frame) => events.push(frame));
    await flush();
    const socket = last(sockets);
    welcome(socket);
    socket.serverSend(positioned('a3', 3));
    const recovered = {
      kind: 'recovery',
      topic: A,
      recovered: true,
      replayed: 0,
      offset: 3,
      epoch: EPOCH,
    };
    socket.serverSend(recovered);
    expect(events).toEqual([recovered]);
    expect(client.streamPositions[A]).toEqual({ offset: 3, epoch: EPOCH });

    // The offset sent was ahead of the stream: the stream's newest replaces it, even backwards.
    socket.serverSend({
      kind: 'recovery',
      topic: A,
      recovered: false,
      code: 'SINCE_AHEAD',
      reason: 'ahead',
      replayed: 0,
      offset: 2,
      epoch: EPOCH,
    });
    expect(client.streamPositions[A]).toEqual({ offset: 2, epoch: EPOCH });

    // Epoch changed: the new epoch's newest position.
    const lost = {
      kind: 'recovery',
      topic: A,
      recovered: false,
      code: 'EPOCH_CHANGED',
      reason: 'reset',
      replayed: 1,
      offset: 1,
      epoch: OTHER_EPOCH,
    };
    socket.serverSend(lost);
    expect(events.at(-1)).toEqual(lost);
    expect(client.streamPositions[A]).toEqual({ offset: 1, epoch: OTHER_EPOCH });

    // Not recovered and the stream has no position: forget ours.
    socket.serverSend({
      kind: 'recovery',
      topic: A,
      recovered: false,
      code: 'EPOCH_CHANGED',
      reason: 'gone',
      replayed: 0,
    });
    expect(client.streamPositions).toEqual({});

    // A topic the client does not hold gains no position.
    socket.serverSend({
      kind: 'recovery',
      topic: job('x'),
      recovered: false,
      code: 'SINCE_UNKNOWN_TOPIC',
      reason: 'no',
      replayed: 0,
      offset: 5,
      epoch: EPOCH,
    });
    expect(client.streamPositions).toEqual({});
    await client.close();
  });

  it('a malformed recovery frame is reported as an error, not an event', async () => {
    const { client, sockets } = setup();
    const events: RecoveryFrame[] = [];
    const errors: string[] = [];
    client.on('recovery', (frame) => events.push(frame));
    client.on('error', (error) => errors.push(error.message));
    await flush();
    const socket = last(sockets);
    welcome(socket);
    socket.serverSend({ kind: 'recovery', recovered: 'yes' });
    expect(events).toEqual([]);
    expect(errors[0]).toMatch(/recovery frame without topic or recovered/);
    await client.close();
  });
});

describe('answers to since in the welcome (recovery=welcome)', () => {
  /** A client that had position 5 of A; its events and delivered messages in the order they happened. */
  async function resumed() {
    const storage = recordingStorage({ version: 1, positions: { [A]: { offset: 5, epoch: EPOCH } } });
    const { client, sockets } = setup({ positionStorage: storage });
    const log: string[] = [];
    const events: RecoveryFrame[] = [];
    const errors: string[] = [];
    client.on('message', (frame) => log.push(`message ${frame.id}`));
    client.on('welcome', () => log.push('welcome'));
    client.on('recovery', (frame) => {
      events.push(frame);
      log.push(`recovery ${frame.topic}`);
    });
    client.on('error', (error) => errors.push(error.message));
    await flush();
    return { client, socket: last(sockets), log, events, errors };
  }
  const replayed = (id: string, offset: number, epoch = EPOCH, topic: string = A) => ({
    ...positioned(id, offset, epoch, topic),
    replayed: true,
  });

  it('the client opts in on every connection, next to since', async () => {
    const { client, socket } = await resumed();
    expect(new URL(socket.url).searchParams.get('recovery')).toBe('welcome');
    expect(sinceOf(socket)).toBe(`${A}~5~${EPOCH}`);
    await client.close();
  });

  it('an answer is handed on as a recovery event once its topic replay arrived, the position after it', async () => {
    const { client, socket, log, events } = await resumed();
    const answer = { topic: A, recovered: true, replayed: 2, offset: 7, epoch: EPOCH };
    welcome(socket, [A, B], { recovery: [answer] });
    expect(events).toEqual([]);
    expect(client.streamPositions[A]).toEqual({ offset: 5, epoch: EPOCH });
    socket.serverSend(replayed('a6', 6));
    // Not before the replay: a connection lost now must send since 6, not the head.
    expect(events).toEqual([]);
    expect(client.streamPositions[A]).toEqual({ offset: 6, epoch: EPOCH });
    socket.serverSend(replayed('a7', 7));
    expect(events).toEqual([{ kind: 'recovery', ...answer }]);
    expect(log).toEqual(['welcome', 'message a6', 'message a7', `recovery ${A}`]);
    expect(client.streamPositions[A]).toEqual({ offset: 7, epoch: EPOCH });
    await client.close();
  });

  it('not recovered: the stream newest replaces the position after the replay; ignored positions follow', async () => {
    const { client, socket, log, events } = await resumed();
    const lost = {
      topic: A,
      recovered: false,
      replayed: 1,
      code: 'EPOCH_CHANGED',
      reason: 'reset',
      offset: 1,
    };
    const unknown = {
      topic: unknownTopic,
      recovered: false,
      replayed: 0,
      code: 'SINCE_UNKNOWN_TOPIC',
      reason: 'no',
    };
    welcome(socket, [A, B], { recovery: [{ ...lost, epoch: OTHER_EPOCH }, unknown] });
    expect(events).toEqual([]);
    socket.serverSend(replayed('n1', 1, OTHER_EPOCH));
    expect(events.map((e) => [e.topic, e.code])).toEqual([
      [A, 'EPOCH_CHANGED'],
      [unknownTopic, 'SINCE_UNKNOWN_TOPIC'],
    ]);
    expect(log.slice(0, 3)).toEqual(['welcome', 'message n1', `recovery ${A}`]);
    expect(client.streamPositions).toEqual({ [A]: { offset: 1, epoch: OTHER_EPOCH } });
    await client.close();
  });

  it('nothing replayed: handed on right after the welcome event', async () => {
    const { client, socket, log } = await resumed();
    welcome(socket, [A, B], {
      recovery: [{ topic: A, recovered: true, replayed: 0, offset: 5, epoch: EPOCH }],
    });
    expect(log).toEqual(['welcome', `recovery ${A}`]);
    await client.close();
  });

  it('a replay cut short (a frame skipped) ends with the next topic replay or the first live or user frame', async () => {
    const { client, socket, events } = await resumed();
    welcome(socket, [A, B], {
      recovery: [
        { topic: A, recovered: true, replayed: 3, offset: 8, epoch: EPOCH },
        { topic: B, recovered: true, replayed: 2, offset: 2, epoch: EPOCH },
      ],
    });
    socket.serverSend(replayed('a6', 6));
    socket.serverSend(replayed('b1', 1, EPOCH, B));
    expect(events.map((e) => e.topic)).toEqual([A]);
    socket.serverSend(positioned('a9', 9)); // live: every replay is over
    expect(events.map((e) => e.topic)).toEqual([A, B]);
    await client.close();
  });

  it('malformed answers are reported as errors, not events; at most maxTopicsPerConnection + 1 are read', async () => {
    const { client, socket, events, errors } = await resumed();
    const many = Array.from({ length: 40 }, () => ({ topic: '*', recovered: false, replayed: 0 }));
    welcome(socket, [A, B], { recovery: [{ recovered: 'yes' }, 'x', ...many] });
    expect(errors.filter((e) => /recovery frame without topic or recovered/.test(e))).toHaveLength(2);
    expect(events).toHaveLength(limits.maxTopicsPerConnection + 1 - 2);
    await client.close();
  });
});

describe('position storage', () => {
  const good = { [B]: { offset: 4, epoch: EPOCH } };
  const corrupt: [string, unknown][] = [
    ['nothing', undefined],
    ['a string', 'garbage'],
    ['null', null],
    ['an array', [1, 2]],
    ['another version', { version: 2, positions: good }],
    ['positions not an object', { version: 1, positions: 'x' }],
  ];
  for (const [name, loaded] of corrupt) {
    it(`ignores stored data that is ${name}`, async () => {
      const { client, sockets } = setup({ positionStorage: recordingStorage(loaded) });
      await flush();
      expect(client.streamPositions).toEqual({});
      expect(sinceOf(last(sockets))).toBeNull();
      await client.close();
    });
  }

  it('keeps the well-formed entries of a partly corrupt snapshot', async () => {
    const loaded = {
      version: 1,
      positions: {
        ...good,
        [A]: { offset: '7', epoch: EPOCH },
        'bad name~': { offset: 1, epoch: EPOCH },
        [job('a')]: { offset: 1, epoch: 'x'.repeat(33) },
        [job('b')]: null,
        [job('c')]: { offset: 2 ** 53, epoch: EPOCH },
      },
    };
    const { client, sockets } = setup({ positionStorage: recordingStorage(loaded) });
    await flush();
    expect(client.streamPositions).toEqual(good);
    expect(sinceOf(last(sockets))).toBe(`${B}~4~${EPOCH}`);
    await client.close();
  });

  it('a throwing adapter is reported as an error event; the client carries on', async () => {
    const errors: string[] = [];
    const storage: PositionStorage = {
      load: () => {
        throw new Error('disk on fire');
      },
      save: () => {
        throw new Error('quota exceeded');
      },
    };
    const { client, sockets } = setup({ positionStorage: storage });
    client.on('error', (error) => errors.push(error.message));
    await flush();
    const socket = last(sockets);
    welcome(socket);
    socket.serverSend(positioned('a1', 1));
    expect(client.streamPositions[A]).toEqual({ offset: 1, epoch: EPOCH });
    expect(errors).toEqual(['position storage: save failed: quota exceeded']);
    expect(client.state).toBe('open');
    await client.close();
  });

  it("localStorage: a second client (a reloaded page) resumes from the first one's positions", async () => {
    const backing = new Map<string, string>();
    const webStorage: WebStorageLike = {
      getItem: (key) => backing.get(key) ?? null,
      setItem: (key, value) => void backing.set(key, value),
    };
    const first = setup({ positionStorage: localStoragePositionStorage('wspush:alice', webStorage) });
    await flush();
    welcome(last(first.sockets));
    last(first.sockets).serverSend(positioned('a9', 9));
    await first.client.close();
    expect(JSON.parse(backing.get('wspush:alice') ?? '')).toEqual({
      version: 1,
      positions: { [A]: { offset: 9, epoch: EPOCH } },
    });

    const second = setup({ positionStorage: localStoragePositionStorage('wspush:alice', webStorage) });
    await flush();
    expect(sinceOf(last(second.sockets))).toBe(`${A}~9~${EPOCH}`);
    await second.client.close();

    backing.set('wspush:alice', '{not json');
    const third = setup({ positionStorage: localStoragePositionStorage('wspush:alice', webStorage) });
    await flush();
    expect(sinceOf(last(third.sockets))).toBeNull();
    await third.client.close();
  });

  it('memory storage shared by successive clients carries positions between them', async () => {
    const storage = memoryPositionStorage();
    const first = setup({ positionStorage: storage });
    await flush();
    welcome(last(first.sockets));
    last(first.sockets).serverSend(positioned('a2', 2));
    await first.client.close();
    const second = setup({ positionStorage: storage });
    await flush();
    expect(sinceOf(last(second.sockets))).toBe(`${A}~2~${EPOCH}`);
    await second.client.close();
  });
});
