/**
 * The client SDK's keep-alive against the whole local platform with a shortened idle timeout: one-way
 * `keepAlive` frames alone keep a connection open past several idle timeouts, nothing comes back for them and
 * no function runs; a socket that sends nothing is closed by the same timeout.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { WebSocketConstructor } from '../../src/client/index.js';
import { connect, type PushClient } from '../../src/client/index.js';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import { startLocalPlatform, tokenSource, waitFor } from './platform-helpers.js';

/** Idle timeout of this platform: long enough that a loaded machine's timer lag stays inside the SDK's margin. */
const IDLE_SECONDS = 10;

let platform: Platform;
let client: PushClient | undefined;

beforeAll(async () => {
  platform = await startLocalPlatform({ idleTimeoutSeconds: IDLE_SECONDS });
});

afterAll(async () => {
  await client?.close();
  await platform?.stop();
});

/** `ws`'s WebSocket recording every frame the client sends and receives. */
function recordingSocket(): { WebSocket: WebSocketConstructor; sent: string[]; received: string[] } {
  const sent: string[] = [];
  const received: string[] = [];
  class Recording extends WebSocket {
    constructor(url: string, protocols?: string | string[], options?: { headers?: Record<string, string> }) {
      super(url, protocols, options);
      this.addEventListener('message', (event) => received.push(String(event.data)));
    }
    override send(data: string): void {
      sent.push(data);
      super.send(data);
    }
  }
  return { WebSocket: Recording as unknown as WebSocketConstructor, sent, received };
}

const invocations = (): number =>
  Object.values(platform.runtime.stats()).reduce((sum, s) => sum + s.invocations, 0);

it('keeps an idle connection open past the idle timeout with keepAlive frames alone', {
  timeout: 90_000,
}, async () => {
  const { WebSocket: Recording, sent, received } = recordingSocket();
  const reconnects: unknown[] = [];
  client = connect({
    url: platform.urls.gateway,
    getToken: tokenSource(platform, 'keep-alive-kim'),
    topics: [topics.openHistory],
    WebSocket: Recording,
  });
  client.on('reconnecting', (r) => reconnects.push(r));
  const welcome = await new Promise<{ connectionId: string; limits: { idleTimeoutSeconds: number } }>(
    (resolve) => client?.on('welcome', (w) => resolve(w as never)),
  );
  expect(welcome.limits.idleTimeoutSeconds).toBe(IDLE_SECONDS);
  // Invocations for the welcome (delivery job) may still run: count from once they have settled.
  await new Promise((r) => setTimeout(r, 1000));
  const before = platform.runtime.stats();
  const invokedBefore = invocations();
  const receivedBefore = received.length;
  // A bare socket beside it, sending nothing, shows the timeout is in force.
  const token = await tokenSource(platform, 'keep-alive-bare')();
  const bare = new WebSocket(platform.urls.gateway, ['bearer', token]);
  const bareClosed = new Promise<number>((resolve) => bare.once('close', (code) => resolve(code)));

  // 2.5 idle timeouts.
  await new Promise((r) => setTimeout(r, IDLE_SECONDS * 2500));
  expect(await bareClosed).toBe(1001);
  const keepAlives = sent.filter((s) => s === '{"action":"keepAlive"}');
  expect(keepAlives.length).toBeGreaterThanOrEqual(2);
  expect(sent).toEqual(keepAlives);
  expect(reconnects).toEqual([]);
  expect(client.state).toBe('open');
  expect(platform.gateway.openConnectionIds()).toContain(welcome.connectionId);
  // Nothing came back for the keep-alives, and no function ran for them: the only invocations in this window
  // are the bare socket's (authorizer, $connect, its welcome's delivery job, $disconnect).
  expect(received.slice(receivedBefore)).toEqual([]);
  const disconnects = () =>
    (platform.runtime.stats().disconnect?.invocations ?? 0) - (before.disconnect?.invocations ?? 0);
  await waitFor('the bare socket’s $disconnect', () => disconnects() >= 1, 20_000);
  expect(disconnects()).toBe(1);
  expect(invocations() - invokedBefore).toBeLessThanOrEqual(4);
  expect(Object.keys(platform.runtime.stats()).filter((name) => /ping|keep/i.test(name))).toEqual([]);
});
