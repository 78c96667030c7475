/**
 * A scripted WebSocket for client SDK unit tests: the test plays the server (open, frames, close, refused
 * upgrade) and inspects what the client sent. Events fire synchronously.
 */
import type {
  NodeSocketOptions,
  SocketEvent,
  SocketEventType,
  WebSocketConstructor,
  WebSocketLike,
} from '../../src/client/socket.js';
import { payloadFor, topics } from '../support/contract-picks.js';

export class FakeSocket implements WebSocketLike {
  readyState = 0;
  readonly sent: string[] = [];
  closedByClient: { code: number | undefined; reason: string | undefined } | undefined;
  private readonly listeners = new Map<SocketEventType, ((event: SocketEvent) => void)[]>();

  constructor(
    readonly url: string,
    readonly protocols: string | string[] | undefined,
    readonly options: NodeSocketOptions | undefined,
  ) {}

  addEventListener(type: SocketEventType, listener: (event: SocketEvent) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  send(data: string): void {
    if (this.readyState !== 1) throw new Error('send on a socket that is not open');
    this.sent.push(data);
  }

  close(code?: number, reason?: string): void {
    if (this.readyState >= 2) return;
    this.closedByClient = { code, reason };
    this.readyState = 3;
    this.fire('close', { type: 'close', code: code ?? 1005, reason: reason ?? '' });
  }

  /** The token the client used, whichever transport carried it. */
  get token(): string | undefined {
    if (Array.isArray(this.protocols)) return this.protocols[1];
    const header = this.options?.headers?.Authorization;
    if (header) return header.replace(/^Bearer /, '');
    return new URL(this.url).searchParams.get('token') ?? undefined;
  }

  get sentActions(): string[] {
    return this.sent.map((s) => (JSON.parse(s) as { action: string }).action);
  }

  // ---- the server side ----

  serverOpen(): void {
    this.readyState = 1;
    this.fire('open', { type: 'open' });
  }

  serverSend(frame: unknown): void {
    this.fire('message', {
      type: 'message',
      data: typeof frame === 'string' ? frame : JSON.stringify(frame),
    });
  }

  serverClose(code: number, reason = ''): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.fire('close', { type: 'close', code, reason });
  }

  /** What `ws` does when the upgrade is answered with an HTTP status: an error, then close 1006. */
  refuseUpgrade(status: number): void {
    this.fire('error', { type: 'error', message: `Unexpected server response: ${status}` });
    this.serverClose(1006);
  }

  /** What a browser does on any failed upgrade: an error without details, then close 1006. */
  failBeforeOpen(): void {
    this.fire('error', { type: 'error' });
    this.serverClose(1006);
  }

  private fire(type: SocketEventType, event: SocketEvent): void {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
}

/** A WebSocket class whose instances are collected in `sockets`, newest last. */
export function fakeWebSocketClass(): { WebSocket: WebSocketConstructor; sockets: FakeSocket[] } {
  const sockets: FakeSocket[] = [];
  class RecordingSocket extends FakeSocket {
    constructor(url: string, protocols?: string | string[], options?: NodeSocketOptions) {
      super(url, protocols, options);
      sockets.push(this);
    }
  }
  return { WebSocket: RecordingSocket, sockets };
}

/** The topic the fake server's frames are about: one the contract opens to every user, with history. */
export const fakeTopic: string = topics.openHistory;

export function welcomeFrame(
  overrides: Record<string, unknown> = {},
  now = Date.now(),
): Record<string, unknown> {
  return {
    kind: 'welcome',
    connectionId: 'conn-1=',
    userId: 'alice',
    realm: 'acme',
    accepted: [fakeTopic],
    rejected: [],
    expiresAt: new Date(now + 7800_000).toISOString(),
    serverTime: new Date(now).toISOString(),
    pendingOffline: 0,
    limits: { idleTimeoutSeconds: 600, maxConnectionSeconds: 7200, connectionTtlSeconds: 7800 },
    ...overrides,
  };
}

/** A topic message frame (by default about `fakeTopic`, with the contract's example payload). */
export function topicFrame(
  id: string,
  payload: Record<string, unknown> = payloadFor(fakeTopic),
  topic: string = fakeTopic,
): Record<string, unknown> {
  return {
    kind: 'topic',
    id,
    topic,
    publishedAt: new Date().toISOString(),
    correlationId: `c-${id}`,
    payload,
  };
}
