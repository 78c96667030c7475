/**
 * End to end: what the gateway and the WebSocket handlers answer — control actions, bad frames, bad tokens —
 * and the real AWS SDK management client against the edge's `@connections` API.
 */
import {
  DeleteConnectionCommand,
  GetConnectionCommand,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import {
  type AwsClients,
  awsClients,
  connect,
  rowsOf,
  startTestPlatform,
  type TestClient,
  tokenFor,
  upgradeStatus,
  waitFor,
} from './support.js';

/** Any topic every user may read. */
const TOPIC = topics.openHistory;

let platform: Platform;
let clients: AwsClients;

beforeAll(async () => {
  platform = await startTestPlatform({
    // Tokens of realms outside this list are refused (401) before any JWKS request.
    env: { JWT_ALLOWED_REALMS: 'acme,globex' },
  });
  clients = awsClients(platform);
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

describe('control actions', () => {
  let sam: TestClient;
  beforeAll(async () => {
    sam = await connect(platform, { userId: 'sam', realm: 'acme', topics: [TOPIC] });
    await sam.welcome();
  });
  afterAll(async () => sam?.close());

  it('answers ping with pong from the gateway itself (mock route: server time, no requestId echoed)', async () => {
    const reply = await sam.request(JSON.stringify({ action: 'ping', requestId: 'r-1' }));
    expect(reply).toEqual({ kind: 'pong', serverTime: reply.serverTime });
    expect(Number.isNaN(Date.parse(String(reply.serverTime)))).toBe(false);
  });

  it('answers extendTTL with the new expiry and moves the rows expiry', async () => {
    const connectionId = String((await sam.welcome()).connectionId);
    const [before] = await rowsOf(platform, clients, `conn#${connectionId}`);
    await new Promise((r) => setTimeout(r, 1100)); // expiry has a one-second resolution
    const reply = await sam.request(JSON.stringify({ action: 'extendTTL', requestId: 'r-2' }));
    expect(reply).toMatchObject({ kind: 'ttl-extended', requestId: 'r-2' });
    const expiresAt = Date.parse(String(reply.expiresAt));
    expect(expiresAt).toBeGreaterThan(Date.now());
    const [after] = await rowsOf(platform, clients, `conn#${connectionId}`);
    expect(Number(after?.expiresAt)).toBeGreaterThan(Number(before?.expiresAt));
    expect(Number(after?.expiresAt)).toBe(Math.floor(expiresAt / 1000));
  });
});

describe('bad frames', () => {
  let bea: TestClient;
  beforeAll(async () => {
    bea = await connect(platform, { userId: 'bea', realm: 'acme' });
    await bea.welcome();
  });
  afterAll(async () => bea?.close());

  it('answers non-JSON, unknown actions, invalid frames and binary frames with error frames; the socket stays open', async () => {
    expect(await bea.request('hello')).toMatchObject({
      kind: 'error',
      code: 'INVALID_JSON',
      retryable: false,
    });
    expect(await bea.request('{"action":"publish","requestId":"r-9"}')).toMatchObject({
      kind: 'error',
      code: 'UNKNOWN_ACTION',
      requestId: 'r-9',
    });
    // ping is a mock route: the gateway answers any frame whose action is ping, unvalidated.
    expect(await bea.request('{"action":"extendTTL","extra":true}')).toMatchObject({
      kind: 'error',
      code: 'INVALID_FRAME',
    });
    expect(await bea.request('{"action":"ping","extra":true}')).toMatchObject({ kind: 'pong' });
    expect(await bea.request(Buffer.from([1, 2, 3]), { binary: true })).toMatchObject({
      kind: 'error',
      code: 'BINARY_NOT_SUPPORTED',
    });
    expect(await bea.request('{"action":"ping"}')).toMatchObject({ kind: 'pong' });
    expect(bea.closeEvent).toBeUndefined();
  });

  it('closes with 1009 when a message exceeds 128 KB', async () => {
    const big = await connect(platform, { userId: 'bea', realm: 'acme' });
    await big.welcome();
    const chunk = 'x'.repeat(32 * 1024); // frames at the 32 KB limit: only the message limit applies
    for (let i = 0; i < 4; i++) big.ws.send(chunk, { fin: false });
    big.ws.send('x', { fin: true });
    expect((await big.closed()).code).toBe(1009);
  });

  it('closes with 1009 when a single frame exceeds 32 KB', async () => {
    const big = await connect(platform, { userId: 'bea', realm: 'acme' });
    await big.welcome();
    big.ws.send(JSON.stringify({ action: 'ping', pad: 'y'.repeat(40 * 1024) }));
    expect((await big.closed()).code).toBe(1009);
  });
});

describe('tokens on the upgrade', () => {
  it('refuses a missing, malformed, foreign or wrong-audience token with 401', async () => {
    const url = `${platform.urls.gateway}/?topics=${TOPIC}`;
    expect(await upgradeStatus(url)).toBe(401);
    expect(await upgradeStatus(`${url}&token=not-a-jwt`)).toBe(401);
    expect(await upgradeStatus(url, ['bearer', 'aaa.bbb.ccc'])).toBe(401);
    const wrongAudience = await tokenFor(platform, { userId: 'mal', realm: 'acme' }, 'someone-else');
    expect(await upgradeStatus(`${url}&token=${wrongAudience}`)).toBe(401);
    // Tokens that disagree (query vs header) are refused rather than one picked.
    const a = await tokenFor(platform, { userId: 'ann', realm: 'acme' });
    const b = await tokenFor(platform, { userId: 'bob', realm: 'acme' });
    expect(await upgradeStatus(`${url}&token=${a}`, undefined, { Authorization: `Bearer ${b}` })).toBe(401);
  });

  it('refuses a token of a realm that may not connect with 401 (checked before its key set is fetched)', async () => {
    const token = await tokenFor(platform, { userId: 'ivan', realm: 'initech' });
    expect(await upgradeStatus(`${platform.urls.gateway}/`, ['bearer', token])).toBe(401);
  });

  it('accepts the token in the query string, the Authorization header or the subprotocol', async () => {
    for (const via of ['query', 'header', 'subprotocol'] as const) {
      const c = await connect(platform, { userId: 'vic', realm: 'acme', via });
      expect((await c.welcome()).userId).toBe('vic');
      if (via === 'subprotocol') expect(c.ws.protocol).toBe('bearer');
      await c.close();
    }
  });
});

describe('@connections with the AWS SDK management client', () => {
  it('posts, describes and deletes a live connection, then answers GoneException', async () => {
    const gus = await connect(platform, { userId: 'gus', realm: 'acme', topics: [TOPIC] });
    const connectionId = String((await gus.welcome()).connectionId);
    expect(connectionId).toMatch(/^[A-Za-z0-9+/]{15}=$/);

    await clients.management.send(
      new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('{"kind":"custom"}') }),
    );
    await gus.waitForFrame((f) => f.kind === 'custom', 'the posted frame');

    const info = await clients.management.send(new GetConnectionCommand({ ConnectionId: connectionId }));
    expect(info.Identity?.SourceIp).toBe('127.0.0.1');
    expect(info.ConnectedAt).toBeInstanceOf(Date);

    await clients.management.send(new DeleteConnectionCommand({ ConnectionId: connectionId }));
    await gus.closed();
    // `$disconnect` removes the connection's rows.
    await waitFor(
      async () => (await rowsOf(platform, clients, `conn#${connectionId}`)).length === 0,
      'rows removed',
    );

    const gone = await clients.management
      .send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: Buffer.from('{}') }))
      .then(
        () => undefined,
        (error: Error & { $metadata?: { httpStatusCode?: number } }) => error,
      );
    expect(gone?.name).toBe('GoneException');
    expect(gone?.$metadata?.httpStatusCode).toBe(410);
    const getGone = await clients.management
      .send(new GetConnectionCommand({ ConnectionId: connectionId }))
      .catch((error: Error) => error);
    expect((getGone as Error).name).toBe('GoneException');
  });
});
