import { connect } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { closeCodes, validators } from '../../../generated/index.js';
import type {
  AuthorizerRequestEvent,
  WebSocketConnectEvent,
  WebSocketDisconnectEvent,
  WebSocketMessageEvent,
} from '../../handlers/events.js';
import { type Gateway, type GatewayOptions, type GatewayRoute, startGateway } from './gateway.js';

const ROUTES: Record<string, GatewayRoute> = {
  $connect: { routeKey: '$connect', handler: 'connect', twoWay: false, authorizer: 'authorizer' },
  $disconnect: { routeKey: '$disconnect', handler: 'disconnect', twoWay: false },
  ping: { routeKey: 'ping', handler: 'ping', twoWay: true },
  boom: { routeKey: 'boom', handler: 'boom', twoWay: true },
  oneway: { routeKey: 'oneway', handler: 'oneway', twoWay: false },
  $default: { routeKey: '$default', handler: 'default', twoWay: true },
};

const ID_PATTERN = /^[A-Za-z0-9+/]{15}=$/;

type Handler = (event: unknown) => unknown;

interface Harness {
  gateway: Gateway;
  calls: Array<{ name: string; event: unknown }>;
  handlers: Record<string, Handler>;
}

const allow = (event: unknown) => ({
  principalId: 'alice',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: (event as AuthorizerRequestEvent).methodArn,
      },
    ],
  },
  context: { userId: 'alice', realm: 'acme', roles: 'admin' },
});

let current: Harness | undefined;

async function harness(
  overrides: Record<string, Handler> = {},
  options: Partial<GatewayOptions> = {},
): Promise<Harness> {
  const calls: Harness['calls'] = [];
  const handlers: Record<string, Handler> = {
    authorizer: allow,
    connect: () => ({ statusCode: 200, headers: { 'Sec-WebSocket-Protocol': 'bearer' } }),
    disconnect: () => ({ statusCode: 200 }),
    ping: (event) => ({
      statusCode: 200,
      body: JSON.stringify({ kind: 'pong', echo: (event as WebSocketMessageEvent).body }),
    }),
    boom: () => {
      throw new Error('integration exploded');
    },
    oneway: () => ({ statusCode: 200, body: 'never sent' }),
    default: (event) => ({ statusCode: 200, body: JSON.stringify({ kind: 'default', event }) }),
    ...overrides,
  };
  const gateway = await startGateway({
    routes: ROUTES,
    port: 0,
    log: () => {},
    invoke: async (name, event) => {
      calls.push({ name, event });
      const handler = handlers[name];
      if (!handler) throw new Error(`no fake handler ${name}`);
      return handler(event);
    },
    ...options,
  });
  current = { gateway, calls, handlers };
  return current;
}

afterEach(async () => {
  await current?.gateway.stop();
  current = undefined;
});

const contractCloseCode = (code: number) => closeCodes.find((r) => code >= r.from && code <= r.to);

function open(url: string, protocols?: string[]): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function upgradeStatus(url: string, protocols?: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('upgrade unexpectedly succeeded')));
    ws.once('error', () => {});
  });
}

function nextFrame(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)))));
}

function closed(ws: WebSocket): Promise<{ code: number; reason: string }> {
  return new Promise((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
}

async function until(predicate: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('upgrade', () => {
  it('passes since and recovery to $connect like every query parameter, as API Gateway does', async () => {
    const { gateway, calls } = await harness();
    const since = 'x~3~k3x9ab01q2,y~0~m0p1q2r3s4';
    await open(`${gateway.url}/?token=abc&topics=x,y&since=${encodeURIComponent(since)}&recovery=welcome`);
    const connect = calls.find((c) => c.name === 'connect')?.event as WebSocketConnectEvent;
    expect(connect.queryStringParameters).toMatchObject({ since, recovery: 'welcome' });
    expect(connect.multiValueQueryStringParameters).toMatchObject({ since: [since], recovery: ['welcome'] });
  });

  it('runs the authorizer, then $connect with the authorizer context, and echoes the subprotocol', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(`${gateway.url}/?token=abc&topics=a,b&topics=c`, ['bearer', 'jwt-here']);
    expect(ws.protocol).toBe('bearer');
    expect(calls.map((c) => c.name)).toEqual(['authorizer', 'connect']);
    const auth = calls[0]?.event as AuthorizerRequestEvent;
    expect(auth.type).toBe('REQUEST');
    expect(auth.methodArn).toBe('arn:aws:execute-api:us-east-1:000000000000:wspushloc1/local/$connect');
    expect(auth.queryStringParameters).toEqual({ token: 'abc', topics: 'c' });
    expect(auth.multiValueQueryStringParameters?.topics).toEqual(['a,b', 'c']);
    expect(auth.headers['Sec-WebSocket-Protocol']).toBe('bearer,jwt-here');
    expect(auth.requestContext.authorizer).toBeUndefined();
    const connect = calls[1]?.event as WebSocketConnectEvent;
    const rc = connect.requestContext;
    expect(rc).toMatchObject({
      routeKey: '$connect',
      eventType: 'CONNECT',
      stage: 'local',
      messageDirection: 'IN',
    });
    expect(rc.connectionId).toMatch(ID_PATTERN);
    expect(rc.requestId).toMatch(ID_PATTERN);
    expect(rc.extendedRequestId).toBe(rc.requestId);
    expect(rc.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(rc.identity.sourceIp).toBe('127.0.0.1');
    expect(rc.authorizer).toMatchObject({
      principalId: 'alice',
      userId: 'alice',
      realm: 'acme',
      roles: 'admin',
    });
    expect(typeof rc.authorizer?.integrationLatency).toBe('number');
    expect(connect.headers['X-Forwarded-For']).toBe('127.0.0.1');
    ws.close();
  });

  it('omits the query string maps when the URL has none', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    expect((calls[1]!.event as WebSocketConnectEvent).queryStringParameters).toBeUndefined();
    ws.close();
  });

  it('answers 401 when the authorizer throws Unauthorized, 403 on Deny, 500 on other errors', async () => {
    const { gateway, handlers, calls } = await harness();
    handlers.authorizer = () => {
      throw new Error('Unauthorized');
    };
    expect(await upgradeStatus(gateway.url)).toBe(401);
    handlers.authorizer = (event) => {
      const result = allow(event);
      result.policyDocument.Statement[0]!.Effect = 'Deny';
      return result;
    };
    expect(await upgradeStatus(gateway.url)).toBe(403);
    handlers.authorizer = () => {
      throw new Error('jwks fetch failed');
    };
    expect(await upgradeStatus(gateway.url)).toBe(500);
    handlers.authorizer = (event) => ({ ...allow(event), context: { nested: { no: 'objects' } } });
    expect(await upgradeStatus(gateway.url)).toBe(500);
    // $connect never ran for refused upgrades.
    expect(calls.filter((c) => c.name === 'connect')).toHaveLength(0);
    expect(gateway.openConnectionIds()).toEqual([]);
  });

  it('uses $connect status as the upgrade status and 502 when it throws', async () => {
    const { gateway, handlers, calls } = await harness();
    handlers.connect = () => ({ statusCode: 429, body: 'slow down' });
    expect(await upgradeStatus(gateway.url)).toBe(429);
    handlers.connect = () => {
      throw new Error('table missing');
    };
    expect(await upgradeStatus(gateway.url)).toBe(502);
    // No $disconnect for connections that never opened.
    await new Promise((r) => setTimeout(r, 50));
    expect(calls.filter((c) => c.name === 'disconnect')).toHaveLength(0);
  });

  it('runs $disconnect when ws refuses the handshake after $connect accepted it', async () => {
    const { gateway, calls } = await harness();
    // A key ws rejects (not 16 base64 bytes): the gateway's own checks pass, $connect runs, ws answers 400.
    const status = await new Promise<string>((resolve, reject) => {
      const socket = connect(gateway.port, '127.0.0.1', () => {
        socket.write(
          'GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
            'Sec-WebSocket-Key: not-a-key\r\nSec-WebSocket-Version: 13\r\n\r\n',
        );
      });
      let text = '';
      socket.on('data', (chunk) => {
        text += String(chunk);
      });
      socket.on('close', () => resolve(text.split('\r\n')[0] ?? ''));
      socket.on('error', reject);
    });
    expect(status).toMatch(/^HTTP\/1\.1 400/);
    await until(() => calls.some((c) => c.name === 'disconnect'));
    const connectEvent = calls.find((c) => c.name === 'connect')?.event as WebSocketConnectEvent;
    const disconnect = calls.find((c) => c.name === 'disconnect')?.event as WebSocketDisconnectEvent;
    expect(disconnect.requestContext.connectionId).toBe(connectEvent.requestContext.connectionId);
    expect(disconnect.requestContext.disconnectStatusCode).toBe(1006);
  });

  it('reports a connection as gone while $connect runs, and live once the handshake completes', async () => {
    let seenDuringConnect: string | undefined;
    const { gateway } = await harness();
    current!.handlers.connect = async (event) => {
      const id = (event as WebSocketConnectEvent).requestContext.connectionId;
      seenDuringConnect = await gateway.registry.post(id, Buffer.from('{"early":true}'));
      expect(gateway.registry.info(id)).toBeUndefined();
      return { statusCode: 200 };
    };
    const ws = await open(gateway.url);
    expect(seenDuringConnect).toBe('gone');
    const id = gateway.openConnectionIds()[0]!;
    const frame = nextFrame(ws);
    expect(await gateway.registry.post(id, Buffer.from('{"hello":1}'))).toBe('ok');
    expect(await frame).toEqual({ hello: 1 });
    const info = gateway.registry.info(id);
    expect(info?.sourceIp).toBe('127.0.0.1');
    expect(info?.connectedAt).toBeInstanceOf(Date);
    expect(await gateway.registry.post(id, Buffer.alloc(128 * 1024 + 1, 'a'))).toBe('too-large');
    expect(await gateway.registry.post('nope', Buffer.from('x'))).toBe('gone');
    ws.close();
  });
});

describe('messages', () => {
  it('routes on action, sends two-way replies and carries the authorizer context', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    const reply = nextFrame(ws);
    ws.send(JSON.stringify({ action: 'ping', requestId: 'r-1' }));
    expect(await reply).toEqual({ kind: 'pong', echo: '{"action":"ping","requestId":"r-1"}' });
    const event = calls.at(-1)?.event as WebSocketMessageEvent;
    expect(event.requestContext).toMatchObject({ routeKey: 'ping', eventType: 'MESSAGE' });
    expect(event.requestContext.messageId).toMatch(ID_PATTERN);
    expect(event.requestContext.authorizer).toMatchObject({ principalId: 'alice', realm: 'acme' });
    expect(event.isBase64Encoded).toBe(false);
    ws.close();
  });

  it('answers a mock route itself (ping): the contract pong rendered from the request time, no function invoked', async () => {
    const { gateway, calls } = await harness(
      {},
      { routes: { ...ROUTES, ping: { routeKey: 'ping', integration: 'mock', twoWay: true } } },
    );
    const ws = await open(gateway.url);
    const invokedBefore = calls.length;
    for (const frame of ['{"action":"ping"}', '{"action":"ping","requestId":"r-1","extra":true}']) {
      const reply = nextFrame(ws);
      const before = Date.now();
      ws.send(frame);
      const pong = (await reply) as { kind: string; serverTime: string; requestId?: string };
      expect(validators.PongFrame(pong).ok).toBe(true);
      expect(pong).toEqual({ kind: 'pong', serverTime: pong.serverTime });
      // Milliseconds from requestTimeEpoch, the rest from requestTime: the time the gateway took the frame.
      expect(Date.parse(pong.serverTime)).toBeGreaterThanOrEqual(before - 1);
      expect(Date.parse(pong.serverTime)).toBeLessThanOrEqual(Date.now());
    }
    expect(calls.slice(invokedBefore)).toEqual([]);
    ws.close();
  });

  it('takes a one-way mock route itself (keepAlive): nothing sent back, no function invoked, the idle timer reset', async () => {
    const { gateway, calls } = await harness(
      {},
      {
        idleTimeoutSeconds: 0.4,
        routes: { ...ROUTES, keepAlive: { routeKey: 'keepAlive', integration: 'mock', twoWay: false } },
      },
    );
    const ws = await open(gateway.url);
    const invokedBefore = calls.length;
    const frames: string[] = [];
    ws.on('message', (data) => frames.push(String(data)));
    const done = closed(ws);
    const opened = Date.now();
    // Three idle timeouts' worth of keep-alives only, then silence.
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 200));
      ws.send('{"action":"keepAlive"}');
    }
    const lastSent = Date.now();
    expect(await done).toEqual({ code: 1001, reason: 'Going away' });
    expect(Date.now() - opened).toBeGreaterThanOrEqual(1200 + 400);
    expect(Date.now() - lastSent).toBeGreaterThanOrEqual(400 - 5);
    expect(frames).toEqual([]);
    await until(() => calls.some((c) => c.name === 'disconnect'));
    expect(calls.slice(invokedBefore).map((c) => c.name)).toEqual(['disconnect']);
  });

  it('sends non-JSON, unknown actions and binary frames to $default', async () => {
    const { gateway } = await harness();
    const ws = await open(gateway.url);
    const bodies: Array<[string, boolean, string]> = [];
    for (const [frame, binary] of [
      ['hello', false],
      ['{"action":"subscribe"}', false],
      ['{"action":"$connect"}', false],
      ['[1,2]', false],
      ['bin', true],
    ] as const) {
      const reply = nextFrame(ws);
      ws.send(binary ? Buffer.from(frame) : frame, { binary });
      const { event } = (await reply) as { event: WebSocketMessageEvent };
      bodies.push([event.body, event.isBase64Encoded, event.requestContext.routeKey]);
    }
    expect(bodies).toEqual([
      ['hello', false, '$default'],
      ['{"action":"subscribe"}', false, '$default'],
      ['{"action":"$connect"}', false, '$default'],
      ['[1,2]', false, '$default'],
      [Buffer.from('bin').toString('base64'), true, '$default'],
    ]);
    ws.close();
  });

  it('answers "Internal server error" when an integration throws and keeps the socket open', async () => {
    const { gateway } = await harness();
    const ws = await open(gateway.url);
    const reply = nextFrame(ws);
    ws.send('{"action":"boom"}');
    const frame = await reply;
    expect(frame.message).toBe('Internal server error');
    expect(frame.connectionId).toBe(gateway.openConnectionIds()[0]);
    expect(frame.requestId).toMatch(ID_PATTERN);
    const pong = nextFrame(ws);
    ws.send('{"action":"ping"}');
    expect((await pong).kind).toBe('pong');
    ws.close();
  });

  it('does not send the result of one-way routes', async () => {
    const { gateway } = await harness();
    const ws = await open(gateway.url);
    const frames: string[] = [];
    ws.on('message', (d) => frames.push(String(d)));
    ws.send('{"action":"oneway"}');
    ws.send('{"action":"ping"}');
    await until(() => frames.length === 1);
    await new Promise((r) => setTimeout(r, 30));
    expect(frames).toHaveLength(1);
    expect(JSON.parse(frames[0]!).kind).toBe('pong');
    ws.close();
  });

  it('answers "Forbidden" when no $default route exists', async () => {
    const routes = { ...ROUTES };
    delete routes.$default;
    const { gateway } = await harness({}, { routes });
    const ws = await open(gateway.url);
    const reply = nextFrame(ws);
    ws.send('nothing routes this');
    expect(await reply).toMatchObject({ message: 'Forbidden', connectionId: gateway.openConnectionIds()[0] });
    ws.close();
  });
});

describe('limits and $disconnect', () => {
  it('closes with 1009 for a message over 128 KB and reports it in $disconnect', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    const done = closed(ws);
    ws.on('error', () => {});
    // Sent as 32 KB frames so only the message limit applies.
    const chunk = 'a'.repeat(32 * 1024);
    for (let i = 0; i < 4; i++) ws.send(chunk, { fin: false });
    ws.send('b', { fin: true });
    expect((await done).code).toBe(1009);
    await until(() => calls.some((c) => c.name === 'disconnect'));
    const event = calls.find((c) => c.name === 'disconnect')?.event as WebSocketDisconnectEvent;
    expect(event.requestContext.disconnectStatusCode).toBe(1009);
    expect(calls.some((c) => c.name === 'default')).toBe(false);
  });

  it('accepts a 100 KB message sent as 32 KB frames but closes with 1009 for one 33 KB frame', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    const reply = nextFrame(ws);
    const chunk = 'a'.repeat(25 * 1024);
    for (let i = 0; i < 3; i++) ws.send(chunk, { fin: false });
    ws.send(chunk, { fin: true });
    const { event } = (await reply) as { event: WebSocketMessageEvent };
    expect(event.body).toHaveLength(100 * 1024);
    const done = closed(ws);
    ws.send('c'.repeat(33 * 1024));
    expect(await done).toEqual({ code: 1009, reason: 'Frame size exceeds the 32 KB limit' });
    await until(() => calls.some((c) => c.name === 'disconnect'));
    expect(calls.filter((c) => c.name === 'default')).toHaveLength(1);
  });

  it('closes idle connections with 1001 Going away; frames from the client keep them alive', async () => {
    const { gateway, calls } = await harness({}, { idleTimeoutSeconds: 0.3 });
    const ws = await open(gateway.url);
    const done = closed(ws);
    const opened = Date.now();
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 150));
      ws.send('{"action":"ping"}');
    }
    expect(await done).toEqual({ code: 1001, reason: 'Going away' });
    expect(Date.now() - opened).toBeGreaterThanOrEqual(700);
    await until(() => calls.some((c) => c.name === 'disconnect'));
    const event = calls.find((c) => c.name === 'disconnect')?.event as WebSocketDisconnectEvent;
    expect(event.requestContext).toMatchObject({
      routeKey: '$disconnect',
      eventType: 'DISCONNECT',
      disconnectStatusCode: 1001,
      disconnectReason: 'Going away',
    });
    expect(event.requestContext.authorizer?.userId).toBe('alice');
  });

  it('closes at the maximum duration even when active', async () => {
    const { gateway } = await harness({}, { maxConnectionSeconds: 0.4, idleTimeoutSeconds: 10 });
    const ws = await open(gateway.url);
    const done = closed(ws);
    const timer = setInterval(() => ws.send('{"action":"ping"}'), 50);
    expect((await done).code).toBe(1001);
    clearInterval(timer);
  });

  it('passes the client close code and reason to $disconnect', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    const id = gateway.openConnectionIds()[0]!;
    ws.close(4000, 'bye');
    await until(() => calls.some((c) => c.name === 'disconnect'));
    const event = calls.find((c) => c.name === 'disconnect')?.event as WebSocketDisconnectEvent;
    expect(event.requestContext).toMatchObject({
      connectionId: id,
      disconnectStatusCode: 4000,
      disconnectReason: 'bye',
    });
    expect(await gateway.registry.post(id, Buffer.from('x'))).toBe('gone');
  });

  it('closes through the registry (DELETE @connections)', async () => {
    const { gateway } = await harness();
    const ws = await open(gateway.url);
    const id = gateway.openConnectionIds()[0]!;
    const done = closed(ws);
    expect(await gateway.registry.close(id)).toBe(true);
    expect(await gateway.registry.close(id)).toBe(false);
    expect(await gateway.registry.post(id, Buffer.from('x'))).toBe('gone');
    expect((await done).code).toBe(1000);
  });

  it('every code it closes with is in the contract, described as sent by the local gateway', async () => {
    const causes: Array<[string, (ws: WebSocket, gateway: Gateway) => void, number]> = [
      [
        'DELETE @connections',
        (_ws, gateway) => void gateway.registry.close(gateway.openConnectionIds()[0]!),
        1000,
      ],
      [
        'a reserved opcode',
        (ws) => (ws as unknown as { _socket: Duplex })._socket.write(Buffer.from([0x83, 0x80, 0, 0, 0, 0])),
        1002,
      ],
      [
        'a text frame that is not UTF-8',
        (ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
        1007,
      ],
      ['a 33 KB frame', (ws) => ws.send('c'.repeat(33 * 1024)), 1009],
    ];
    const { gateway } = await harness({}, { idleTimeoutSeconds: 0.3 });
    const seen: number[] = [];
    for (const [, act] of causes) {
      const ws = await open(gateway.url);
      ws.on('error', () => {});
      const done = closed(ws);
      act(ws, gateway);
      seen.push((await done).code);
    }
    const idle = await open(gateway.url);
    seen.push((await closed(idle)).code);
    expect(seen).toEqual([...causes.map(([, , code]) => code), 1001]);
    for (const code of seen) expect(contractCloseCode(code)?.description).toContain('the local gateway');
  });

  it('throttles posts while a slow reader leaves the send buffer full', async () => {
    const { gateway } = await harness({}, { maxBufferedBytes: 256 * 1024 });
    const ws = await open(gateway.url);
    const id = gateway.openConnectionIds()[0]!;
    const received: number[] = [];
    ws.on('message', (d) => received.push((d as Buffer).length));
    // Stop reading on the client: the kernel buffers fill, then the gateway's send buffer grows.
    const raw = (ws as unknown as { _socket: { pause(): void; resume(): void } })._socket;
    raw.pause();
    const frame = Buffer.alloc(64 * 1024, 'x');
    let accepted = 0;
    let outcome = 'ok';
    for (let i = 0; i < 2000 && outcome === 'ok'; i++) {
      outcome = await gateway.registry.post(id, frame);
      if (outcome === 'ok') accepted++;
    }
    expect(outcome).toBe('throttled');
    raw.resume();
    await until(() => received.length === accepted, 10_000);
    expect(await gateway.registry.post(id, frame)).toBe('ok');
    ws.close();
  });

  it('stop() closes sockets with 1001 and waits for $disconnect', async () => {
    const { gateway, calls } = await harness();
    const ws = await open(gateway.url);
    const done = closed(ws);
    await gateway.stop();
    expect((await done).code).toBe(1001);
    expect(calls.filter((c) => c.name === 'disconnect')).toHaveLength(1);
    current = undefined;
  });

  it('names the port when it is already in use', async () => {
    const { gateway } = await harness();
    await expect(
      startGateway({ routes: ROUTES, invoke: async () => ({}), port: gateway.port }),
    ).rejects.toThrow(`port ${gateway.port}`);
  });
});
