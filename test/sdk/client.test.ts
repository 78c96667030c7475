import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { limits } from '../../generated/index.js';
import { backoffCeiling, fullJitterDelay } from '../../src/client/backoff.js';
import { type ClientState, type ConnectOptions, connect, type PushClient } from '../../src/client/client.js';
import { MessageIdWindow } from '../../src/client/dedup.js';
import { payloadValidation } from '../../src/client/validation.js';
import {
  gatedRoles,
  invalidPayloadFor,
  payloadFor,
  topics as picked,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import {
  type FakeSocket,
  fakeTopic,
  fakeWebSocketClass,
  topicFrame,
  welcomeFrame,
} from './fake-websocket.js';

const open1 = picked.openHistory;
const open2 = picked.openDrop;

const URL_ = 'ws://gateway.test/';

/** Lets the client's async token fetch and socket creation run. */
async function flush(): Promise<void> {
  await vi.advanceTimersByTimeAsync(0);
}

function setup(options: Partial<ConnectOptions> = {}): {
  client: PushClient;
  sockets: FakeSocket[];
  states: ClientState[];
  tokens: string[];
} {
  const { WebSocket, sockets } = fakeWebSocketClass();
  const tokens: string[] = [];
  let n = 0;
  const client = connect({
    url: URL_,
    getToken: () => {
      n += 1;
      tokens.push(`token-${n}`);
      return `token-${n}`;
    },
    topics: [open1, open2],
    WebSocket,
    transport: 'subprotocol',
    random: () => 0.5,
    ...options,
  });
  const states: ClientState[] = [];
  client.on('state', (s) => states.push(s));
  return { client, sockets, states, tokens };
}

function last(sockets: FakeSocket[]): FakeSocket {
  const socket = sockets.at(-1);
  if (!socket) throw new Error('no socket yet');
  return socket;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-27T10:00:00.000Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backoff', () => {
  it('full jitter stays within [0, min(max, base * 2^attempt))', () => {
    for (let attempt = 0; attempt < 40; attempt++) {
      const ceiling = backoffCeiling(attempt, { baseDelayMs: 100, maxDelayMs: 10_000 });
      expect(ceiling).toBe(Math.min(10_000, 100 * 2 ** attempt));
      expect(fullJitterDelay(attempt, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0)).toBe(0);
      const high = fullJitterDelay(attempt, { baseDelayMs: 100, maxDelayMs: 10_000 }, () => 0.999_999);
      expect(high).toBeLessThan(ceiling);
      expect(high).toBeGreaterThanOrEqual(Math.floor(ceiling * 0.99));
    }
  });

  it('the client waits a jittered delay before each reconnect, growing per attempt', async () => {
    const { client, sockets } = setup({
      backoff: { baseDelayMs: 1000, maxDelayMs: 8000 },
      maxPreOpenFailures: 99,
    });
    const delays: number[] = [];
    client.on('reconnecting', (d) => delays.push(d.delayMs));
    await flush();
    for (let i = 0; i < 6; i++) {
      last(sockets).serverOpen();
      last(sockets).serverClose(1006);
      const before = sockets.length;
      await vi.advanceTimersByTimeAsync((delays.at(-1) ?? 0) - 1);
      expect(sockets.length).toBe(before); // not before the delay
      await vi.advanceTimersByTimeAsync(1);
      expect(sockets.length).toBe(before + 1);
    }
    // random() = 0.5: half of min(8000, 1000 * 2^n); short-lived connections do not reset the attempt counter.
    expect(delays).toEqual([500, 1000, 2000, 4000, 4000, 4000]);
    await client.close();
  });
});

describe('connect request', () => {
  it('browser style: token as the bearer subprotocol, topics in the query string', async () => {
    const { client, sockets } = setup({ transport: 'subprotocol' });
    await flush();
    const socket = last(sockets);
    expect(socket.protocols).toEqual(['bearer', 'token-1']);
    expect(new URL(socket.url).searchParams.get('topics')).toBe(`${open1},${open2}`);
    expect(new URL(socket.url).searchParams.has('token')).toBe(false);
    await client.close();
  });

  it('query and header transports', async () => {
    const q = setup({ transport: 'query', token: 'static', getToken: undefined });
    await flush();
    expect(new URL(last(q.sockets).url).searchParams.get('token')).toBe('static');
    expect(last(q.sockets).protocols).toBeUndefined();
    const h = setup({ transport: 'header' });
    await flush();
    expect(last(h.sockets).options).toEqual({ headers: { Authorization: 'Bearer token-1' } });
    expect(new URL(last(h.sockets).url).searchParams.has('token')).toBe(false);
    await q.client.close();
    await h.client.close();
  });

  it('defaults to the header transport outside browsers and requires a token source', () => {
    const { WebSocket, sockets } = fakeWebSocketClass();
    const client = connect({ url: URL_, token: 't', WebSocket });
    return flush().then(async () => {
      expect(last(sockets).options?.headers?.Authorization).toBe('Bearer t');
      await client.close();
      expect(() => connect({ url: URL_, WebSocket })).toThrow(/token/);
    });
  });
});

describe('messages', () => {
  it('calls typed handlers per topic and per user message type, once per message id', async () => {
    const { client, sockets } = setup();
    const topics: string[] = [];
    const users: unknown[] = [];
    const others: unknown[] = [];
    client.onTopic(open1, (_payload, frame) => topics.push(frame.id));
    client.onTopic(open2, (payload) => others.push(payload));
    client.onUserMessage(userMessageType, (payload, frame) => users.push([frame.id, payload]));
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame());
    socket.serverSend(topicFrame('m1'));
    socket.serverSend(topicFrame('m1'));
    socket.serverSend(topicFrame('m2', payloadFor(open2), open2));
    const user = {
      kind: 'user',
      id: 'u1',
      type: userMessageType,
      publishedAt: new Date().toISOString(),
      correlationId: 'c',
      offline: true,
      payload: userMessageExample(userMessageType),
    };
    socket.serverSend(user);
    socket.serverSend(user);
    expect(topics).toEqual(['m1']);
    expect(others).toEqual([payloadFor(open2)]);
    expect(users).toEqual([['u1', userMessageExample(userMessageType)]]);
    await client.close();
  });

  it('exposes the accepted and rejected topics of the welcome', async () => {
    const { client, sockets } = setup();
    const welcomes: unknown[] = [];
    client.on('welcome', (w) => welcomes.push(w));
    await flush();
    last(sockets).serverOpen();
    const ready = client.ready();
    last(sockets).serverSend(
      welcomeFrame({
        accepted: [open1],
        rejected: [
          { topic: picked.gated, code: 'FORBIDDEN_TOPIC', reason: `requires role ${gatedRoles[0]}` },
        ],
      }),
    );
    await expect(ready).resolves.toMatchObject({ connectionId: 'conn-1=' });
    expect(client.accepted).toEqual([open1]);
    expect(client.rejected).toEqual([
      { topic: picked.gated, code: 'FORBIDDEN_TOPIC', reason: `requires role ${gatedRoles[0]}` },
    ]);
    expect(welcomes).toHaveLength(1);
    expect(client.connectionId).toBe('conn-1=');
    await client.close();
  });

  it('with validatePayloads, an invalid payload reaches no handler and names the field', async () => {
    const { client, sockets } = setup({ validatePayloads: payloadValidation });
    const received: unknown[] = [];
    const invalid: string[] = [];
    client.onTopic(open1, (p) => received.push(p));
    client.on('invalid-message', ({ errors }) => invalid.push(...errors.map((e) => e.field)));
    await flush();
    last(sockets).serverOpen();
    const bad = invalidPayloadFor(fakeTopic);
    last(sockets).serverSend(topicFrame('bad', bad.payload));
    last(sockets).serverSend(topicFrame('good'));
    expect(invalid).toEqual([`payload.${bad.field}`]);
    expect(received).toEqual([payloadFor(fakeTopic)]);
    await client.close();
  });

  it('a throwing handler is reported as an error and does not stop the others', async () => {
    const { client, sockets } = setup();
    const errors: string[] = [];
    const seen: string[] = [];
    client.on('error', (e) => errors.push(e.message));
    client.onTopic(open1, () => {
      throw new Error('boom');
    });
    client.onTopic(open1, (_p, f) => seen.push(f.id));
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverSend(topicFrame('m1'));
    last(sockets).serverSend('not json');
    expect(seen).toEqual(['m1']);
    expect(errors).toEqual(['message handler threw: boom', expect.stringMatching(/not JSON/)]);
    await client.close();
  });
});

describe('de-duplication', () => {
  it('remembers a bounded number of ids, forgetting the oldest first', () => {
    const window = new MessageIdWindow(3);
    expect(['a', 'b', 'c'].map((id) => window.seen(id))).toEqual([false, false, false]);
    expect(window.seen('a')).toBe(true);
    expect(window.seen('d')).toBe(false); // evicts a
    expect(window.size).toBe(3);
    expect(window.seen('a')).toBe(false); // forgotten, so delivered again
    expect(window.seen('c')).toBe(true);
    for (let i = 0; i < 10_000; i++) window.seen(`x${i}`);
    expect(window.size).toBe(3);
    expect(() => new MessageIdWindow(0)).toThrow(RangeError);
  });

  it('drops a message re-delivered on the next connection after a reconnect', async () => {
    const { client, sockets } = setup({ dedupCapacity: 2 });
    const seen: string[] = [];
    client.onTopic(open1, (_p, f) => seen.push(f.id));
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverSend(topicFrame('m1'));
    last(sockets).serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    last(sockets).serverOpen();
    last(sockets).serverSend(topicFrame('m1')); // e.g. topic history replayed on connect
    last(sockets).serverSend(topicFrame('m2'));
    last(sockets).serverSend(topicFrame('m3'));
    last(sockets).serverSend(topicFrame('m1')); // beyond the window of 2: delivered again
    expect(seen).toEqual(['m1', 'm2', 'm3', 'm1']);
    await client.close();
  });
});

describe('reconnects', () => {
  it('reconnects on a retryable close with a fresh token, and reports the states', async () => {
    const { client, sockets, states, tokens } = setup();
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverSend(welcomeFrame());
    last(sockets).serverClose(1001, 'Going away');
    expect(client.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    expect(tokens).toEqual(['token-1', 'token-2']);
    expect(last(sockets).token).toBe('token-2');
    last(sockets).serverOpen();
    expect(states).toEqual(['open', 'reconnecting', 'open']); // 'connecting' fired before we subscribed
    await client.close();
    expect(states.at(-1)).toBe('closed');
  });

  it.each([
    [1000, 'NORMAL'],
    [1002, 'PROTOCOL_ERROR'],
    [1007, 'INVALID_PAYLOAD'],
    [1008, 'POLICY_VIOLATION'],
    [4401, 'APP_TERMINAL'],
    [4403, 'APP_TERMINAL'],
  ])('stops on the terminal close code %i', async (code, name) => {
    const { client, sockets } = setup({ reconnectOnServerClose: false });
    const closed: unknown[] = [];
    client.on('closed', (d) => closed.push(d));
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverClose(code);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(client.state).toBe('closed');
    expect(closed).toEqual([{ reason: 'terminal-close-code', code, codeName: name }]);
    await expect(client.ready()).rejects.toThrow(/terminal-close-code/);
  });

  it('by default a server-sent 1000 (DELETE @connections) reconnects; 4401 still stops', async () => {
    const { client, sockets } = setup();
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverClose(1000, 'Closed by the @connections API');
    expect(client.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    last(sockets).serverOpen();
    last(sockets).serverClose(4401);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    expect(client.state).toBe('closed');
  });

  it.each([1001, 1006, 1011, 1012, 1013, 4000, 4099, 3999])(
    'retries the retryable close code %i',
    async (code) => {
      const { client, sockets } = setup();
      await flush();
      last(sockets).serverOpen();
      last(sockets).serverClose(code);
      await vi.advanceTimersByTimeAsync(60_000);
      expect(sockets).toHaveLength(2);
      await client.close();
    },
  );

  it.each([401, 403])(
    'stops when the upgrade is refused with %i (Node: ws reports the status)',
    async (status) => {
      const { client, sockets, tokens } = setup();
      const closed: unknown[] = [];
      client.on('closed', (d) => closed.push(d));
      await flush();
      last(sockets).refuseUpgrade(status);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(sockets).toHaveLength(1);
      expect(tokens).toHaveLength(1);
      expect(closed).toEqual([{ reason: 'token-denied', status, code: 1006 }]);
    },
  );

  it('browsers: a close before open is retried with a new token, up to maxPreOpenFailures', async () => {
    const { client, sockets, tokens } = setup({ maxPreOpenFailures: 3 });
    const closed: unknown[] = [];
    client.on('closed', (d) => closed.push(d));
    await flush();
    last(sockets).failBeforeOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    last(sockets).failBeforeOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.state).toBe('reconnecting');
    last(sockets).failBeforeOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(3);
    expect(tokens).toEqual(['token-1', 'token-2', 'token-3']);
    expect(sockets.map((s) => s.token)).toEqual(tokens);
    expect(closed).toEqual([{ reason: 'too-many-failures', code: 1006 }]);
  });

  it('a close announced as RATE_LIMITED (4129) backs off past a budget refill and never resets the backoff', async () => {
    const { client, sockets } = setup({ backoff: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
    const reconnecting: Array<{ delayMs: number; code?: number }> = [];
    client.on('reconnecting', (d) => reconnecting.push(d));
    await flush();
    const refillMs = (limits.clientFrameBurst / limits.clientFramesPerSecond) * 1000;
    for (let i = 0; i < 3; i++) {
      last(sockets).serverOpen();
      // Stayed up long enough to reset an ordinary backoff: a flood closed this way must not.
      await vi.advanceTimersByTimeAsync(60_000);
      last(sockets).serverSend({
        kind: 'error',
        code: 'RATE_LIMITED',
        message: 'closing',
        retryable: true,
        closeCode: 4129,
      });
      // DELETE @connections: API Gateway closes with 1000 whatever the reason.
      last(sockets).serverClose(1000, 'Closed by the @connections API');
      expect(sockets).toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(refillMs - 1);
      expect(sockets, 'no reconnect before a full budget refilled').toHaveLength(i + 1);
      await vi.advanceTimersByTimeAsync(10 * 60_000);
      expect(sockets).toHaveLength(i + 2);
    }
    expect(reconnecting.map((r) => r.code)).toEqual([4129, 4129, 4129]);
    // random() = 0.5: the refill time plus half of a growing ceiling.
    expect(reconnecting.map((r) => r.delayMs)).toEqual([refillMs + 500, refillMs + 1000, refillMs + 2000]);
    expect(client.state).not.toBe('closed');
    await client.close();
  });

  it('a close announced as TOKEN_EXPIRED (4101) reconnects at once with a new token, counting no failure', async () => {
    const { client, sockets, tokens } = setup({ backoff: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
    const reconnecting: Array<{ attempt: number; delayMs: number; code?: number }> = [];
    client.on('reconnecting', (d) => reconnecting.push(d));
    await flush();
    // An ordinary failure first: its backoff must not delay the renewal, and the renewal must not add to it.
    last(sockets).serverOpen();
    last(sockets).serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    for (let i = 0; i < 3; i++) {
      const before = sockets.length;
      last(sockets).serverOpen();
      last(sockets).serverSend({
        kind: 'error',
        code: 'TOKEN_EXPIRED',
        message: 'the token expired: closing',
        retryable: true,
        closeCode: 4101,
      });
      last(sockets).serverClose(1000, 'Closed by the @connections API');
      await vi.advanceTimersByTimeAsync(0);
      expect(sockets, 'reconnected without a backoff').toHaveLength(before + 1);
    }
    expect(reconnecting.slice(1)).toEqual([
      { attempt: 0, delayMs: 0, code: 4101 },
      { attempt: 0, delayMs: 0, code: 4101 },
      { attempt: 0, delayMs: 0, code: 4101 },
    ]);
    // One token per connection: each renewal fetched a new one.
    expect(tokens).toEqual(['token-1', 'token-2', 'token-3', 'token-4', 'token-5']);
    expect(client.state).not.toBe('closed');
    await client.close();
  });

  it('a connection that stayed open for 30 s resets the backoff', async () => {
    const { client, sockets } = setup({ backoff: { baseDelayMs: 1000, maxDelayMs: 60_000 } });
    const delays: number[] = [];
    client.on('reconnecting', (d) => delays.push(d.delayMs));
    await flush();
    for (let i = 0; i < 3; i++) {
      last(sockets).serverOpen();
      last(sockets).serverClose(1006);
      await vi.advanceTimersByTimeAsync(60_000);
    }
    last(sockets).serverOpen();
    await vi.advanceTimersByTimeAsync(30_000);
    last(sockets).serverClose(1006);
    expect(delays).toEqual([500, 1000, 2000, 500]);
    await client.close();
  });

  it('an open connection resets the pre-open failure count', async () => {
    const { client, sockets } = setup({ maxPreOpenFailures: 2 });
    await flush();
    last(sockets).failBeforeOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    last(sockets).serverOpen();
    last(sockets).serverClose(1006);
    await vi.advanceTimersByTimeAsync(60_000);
    last(sockets).failBeforeOpen();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(client.state).toBe('reconnecting');
    expect(sockets).toHaveLength(4);
    await client.close();
  });

  it('a failing getToken counts as a failed attempt and is retried', async () => {
    let calls = 0;
    const { client, sockets } = setup({
      getToken: async () => {
        calls += 1;
        if (calls < 3) throw new Error('idp down');
        return 'late-token';
      },
    });
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.message));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toBe(3);
    expect(sockets).toHaveLength(1);
    expect(last(sockets).token).toBe('late-token');
    expect(errors).toEqual(['getToken failed: idp down', 'getToken failed: idp down']);
    await client.close();
  });

  it('close() stops reconnecting and closes the socket with 1000', async () => {
    const { client, sockets } = setup();
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    await client.close();
    expect(socket.closedByClient?.code).toBe(1000);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sockets).toHaveLength(1);
    expect(client.state).toBe('closed');
  });
});

describe('keep-alive and TTL', () => {
  /** The frames a socket sent, parsed. */
  const framesOf = (socket: FakeSocket) => socket.sent.map((s) => JSON.parse(s) as Record<string, unknown>);

  it('sends the one-way keepAlive at 78–88 % of the idle timeout and extends the TTL before the rows expire', async () => {
    const { client, sockets } = setup({ ttlRefreshMarginMs: 20_000 });
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    // serverTime is 5 s ahead of our clock: expiresAt must be read relative to it.
    socket.serverSend(
      welcomeFrame({
        serverTime: new Date(Date.now() + 5000).toISOString(),
        expiresAt: new Date(Date.now() + 5000 + 1_000_000).toISOString(),
      }),
    );
    // 78 % + 0.5 × 10 % of the 600 s idle timeout (random() = 0.5): 498 s.
    await vi.advanceTimersByTimeAsync(498_000 - 1);
    expect(socket.sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(framesOf(socket)).toEqual([{ action: 'keepAlive' }]);
    await vi.advanceTimersByTimeAsync(980_000 - 498_000 - 1);
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(1);
    // The reply moves the expiry: the next extendTTL is 20 s before the new one.
    socket.serverSend({
      kind: 'ttl-extended',
      expiresAt: new Date(Date.now() + 5000 + 500_000).toISOString(),
    });
    await vi.advanceTimersByTimeAsync(480_000 - 1);
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(2);
    // 1,460 s: keep-alives at 498, 996; the ttl-extended at 980 s is recent, so no link check yet.
    expect(socket.sentActions).toEqual(['keepAlive', 'extendTTL', 'keepAlive', 'extendTTL']);
    await client.close();
  });

  it('jitters the interval over 78–88 % of the idle timeout', async () => {
    for (const [random, expected] of [
      [0, 468_000],
      [0.999_999, 527_999],
    ] as const) {
      const { client, sockets } = setup({ random: () => random });
      await flush();
      const socket = last(sockets);
      socket.serverOpen();
      socket.serverSend(welcomeFrame());
      await vi.advanceTimersByTimeAsync(expected - 1);
      expect(socket.sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(socket.sentActions).toEqual(['keepAlive']);
      await client.close();
    }
  });

  it('an idle link gets a two-way ping once nothing was received for three idle timeouts; a pong keeps it', async () => {
    const { client, sockets } = setup();
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.message));
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame());
    // Ticks every 498 s; silence reaches 1,800 s at the 4th tick (1,992 s): that one is a ping.
    await vi.advanceTimersByTimeAsync(3 * 498_000);
    expect(framesOf(socket)).toEqual([
      { action: 'keepAlive' },
      { action: 'keepAlive' },
      { action: 'keepAlive' },
    ]);
    await vi.advanceTimersByTimeAsync(498_000);
    expect(socket.sentActions).toEqual(['keepAlive', 'keepAlive', 'keepAlive', 'ping']);
    socket.serverSend({ kind: 'pong', serverTime: new Date().toISOString() });
    // The pong restarts the silence: three more keep-alives, then the next ping.
    await vi.advanceTimersByTimeAsync(4 * 498_000);
    expect(socket.sentActions).toEqual([
      ...['keepAlive', 'keepAlive', 'keepAlive', 'ping'],
      ...['keepAlive', 'keepAlive', 'keepAlive', 'ping'],
    ]);
    expect(sockets).toHaveLength(1);
    expect(errors).toEqual([]);
    await client.close();
  });

  it('a link receiving messages never pings', async () => {
    const { client, sockets } = setup();
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame());
    for (let i = 0; i < 12; i++) {
      await vi.advanceTimersByTimeAsync(498_000);
      if (i % 2 === 0) socket.serverSend(topicFrame(`m-${i}`));
    }
    expect(socket.sentActions).toEqual(Array.from({ length: 12 }, () => 'keepAlive'));
    await client.close();
  });

  it('an unanswered link check drops the link and reconnects', async () => {
    const { client, sockets } = setup({ linkCheckAfterMs: 60_000, linkCheckTimeoutMs: 5_000 });
    const reconnecting: (number | undefined)[] = [];
    client.on('reconnecting', (r) => reconnecting.push(r.code));
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame());
    await vi.advanceTimersByTimeAsync(498_000);
    expect(socket.sentActions).toEqual(['ping']);
    await vi.advanceTimersByTimeAsync(5_000 - 1);
    expect(reconnecting).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(reconnecting).toEqual([1006]);
    expect(socket.closedByClient).toEqual({ code: 1000, reason: 'keep-alive: no answer' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    await client.close();
  });

  it('a keep-alive that cannot be sent drops the link and reconnects', async () => {
    const { client, sockets } = setup();
    const reconnecting: (number | undefined)[] = [];
    client.on('reconnecting', (r) => reconnecting.push(r.code));
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame());
    // The socket broke without a close event (a half-open TCP connection seen as closing).
    socket.readyState = 2;
    await vi.advanceTimersByTimeAsync(498_000);
    expect(socket.sent).toEqual([]);
    expect(reconnecting).toEqual([1006]);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    await client.close();
  });
});

describe('limits', () => {
  it('asks again for extendTTL when no ttl-extended reply comes', async () => {
    const { client, sockets } = setup({ ttlRefreshMarginMs: 40_000 });
    await flush();
    const socket = last(sockets);
    socket.serverOpen();
    socket.serverSend(welcomeFrame({ expiresAt: new Date(Date.now() + 100_000).toISOString() }));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(20_000); // half of the 40 s left
    expect(socket.sentActions.filter((a) => a === 'extendTTL')).toHaveLength(2);
    await client.close();
  });

  it('the limits option overrides what the welcome reports', async () => {
    const { client, sockets } = setup({ limits: { maxConnectionSeconds: 20 }, handoverLeadMs: 5000 });
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverSend(welcomeFrame()); // reports 7200 s
    await vi.advanceTimersByTimeAsync(15_000);
    expect(sockets).toHaveLength(2); // handover at 20 s − 5 s
    await client.close();
  });
});

describe('handover before the maximum connection duration', () => {
  it('opens the new connection, waits for its welcome, then closes the old one; no loss, no duplicate', async () => {
    const { client, sockets, tokens } = setup({ handoverLeadMs: 2000, handoverOverlapMs: 500 });
    const log: string[] = [];
    const seen: string[] = [];
    client.onTopic(open1, (_p, f) => seen.push(f.id));
    client.on('handover', ({ from, to }) => log.push(`handover ${from} -> ${to}`));
    await flush();
    const old = last(sockets);
    old.serverOpen();
    old.serverSend(
      welcomeFrame({
        limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 10, connectionTtlSeconds: 30 },
      }),
    );
    old.serverSend(topicFrame('m1'));
    await vi.advanceTimersByTimeAsync(8000 - 1);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    expect(tokens).toEqual(['token-1', 'token-2']); // fresh token for the new connection
    const next = last(sockets);
    next.serverOpen();
    expect(old.readyState).toBe(1); // still open: no gap
    old.serverSend(topicFrame('m2'));
    next.serverSend(topicFrame('m2')); // the same message on both during the overlap
    next.serverSend(welcomeFrame({ connectionId: 'conn-2=' }));
    expect(log).toEqual(['handover conn-1= -> conn-2=']);
    expect(old.readyState).toBe(1);
    old.serverSend(topicFrame('m3')); // in flight to the old connection
    next.serverSend(topicFrame('m3'));
    await vi.advanceTimersByTimeAsync(500);
    expect(old.closedByClient).toEqual({ code: 1000, reason: 'handover' });
    next.serverSend(topicFrame('m4'));
    expect(seen).toEqual(['m1', 'm2', 'm3', 'm4']);
    expect(client.state).toBe('open');
    expect(client.connectionId).toBe('conn-2=');
    // The retired connection's close does not trigger a reconnect.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(2);
    await client.close();
  });

  it('adopts the new connection when the old one hits the limit first', async () => {
    const { client, sockets, states } = setup({ handoverLeadMs: 2000 });
    await flush();
    const old = last(sockets);
    old.serverOpen();
    old.serverSend(
      welcomeFrame({
        limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 10, connectionTtlSeconds: 30 },
      }),
    );
    await vi.advanceTimersByTimeAsync(8000);
    const next = last(sockets);
    next.serverOpen();
    old.serverClose(1001, 'Going away');
    expect(client.state).toBe('open');
    next.serverSend(welcomeFrame({ connectionId: 'conn-2=' }));
    expect(client.connectionId).toBe('conn-2=');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
    expect(states).not.toContain('reconnecting');
    await client.close();
  });

  it('a failed handover attempt is retried while the old connection keeps serving', async () => {
    const { client, sockets } = setup({ handoverLeadMs: 5000 });
    await flush();
    const old = last(sockets);
    old.serverOpen();
    old.serverSend(
      welcomeFrame({
        limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 10, connectionTtlSeconds: 30 },
      }),
    );
    await vi.advanceTimersByTimeAsync(5000);
    expect(sockets).toHaveLength(2);
    last(sockets).failBeforeOpen();
    expect(client.state).toBe('open');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(3);
    last(sockets).serverOpen();
    last(sockets).serverSend(welcomeFrame({ connectionId: 'conn-3=' }));
    expect(client.connectionId).toBe('conn-3=');
    await client.close();
  });

  it('never leaves an orphan socket when the old connection ends while the handover fetches its token', async () => {
    let release: (() => void) | undefined;
    let n = 0;
    const { client, sockets } = setup({
      handoverLeadMs: 2000,
      getToken: () => {
        n += 1;
        if (n === 2) return new Promise<string>((resolve) => (release = () => resolve('slow-token')));
        return `token-${n}`;
      },
    });
    await flush();
    const old = last(sockets);
    old.serverOpen();
    old.serverSend(
      welcomeFrame({
        limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 10, connectionTtlSeconds: 30 },
      }),
    );
    await vi.advanceTimersByTimeAsync(8000); // handover starts, its token is slow
    old.serverClose(1001);
    expect(client.state).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(60_000); // the reconnect opens a new primary
    expect(sockets).toHaveLength(2);
    release?.();
    await flush(); // the late handover token must not open a third socket
    expect(sockets).toHaveLength(2);
    await client.close();
    expect(sockets.every((s) => s.readyState === 3)).toBe(true);
  });

  it('CONNECTION_NOT_FOUND replaces the connection the same way', async () => {
    const { client, sockets } = setup();
    await flush();
    last(sockets).serverOpen();
    last(sockets).serverSend(welcomeFrame());
    last(sockets).serverSend({
      kind: 'error',
      code: 'CONNECTION_NOT_FOUND',
      message: 'gone',
      retryable: true,
    });
    await flush();
    expect(sockets).toHaveLength(2);
    expect(sockets[0]?.readyState).toBe(1);
    await client.close();
  });
});
