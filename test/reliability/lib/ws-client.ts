/**
 * A test client on the `ws` library: opens a connection the way the contract allows (token in the query, the
 * subprotocol or the Authorization header), records every frame, the close code and a refused upgrade's
 * HTTP status, and de-duplicates topic/user messages by `id` as the contract tells clients to.
 */
import WebSocket from 'ws';

export type TokenVia = 'query' | 'subprotocol' | 'header' | 'none';

export interface ClientOptions {
  gatewayUrl: string;
  token?: string;
  via?: TokenVia;
  topics?: string;
  /** Extra headers (e.g. a raw Authorization value). */
  headers?: Record<string, string>;
  /** Extra query parameters. */
  query?: Record<string, string>;
  protocols?: string[];
  connectTimeoutMs?: number;
}

export interface Frame {
  kind?: string;
  id?: string;
  code?: string;
  [key: string]: unknown;
}

export class TestClient {
  readonly frames: Frame[] = [];
  /** Non-JSON frames (should never happen). */
  readonly rawFrames: string[] = [];
  /** Message ids seen, with how many times each arrived (duplicates are allowed: at-least-once). */
  readonly seen = new Map<string, number>();
  closeCode: number | undefined;
  closeReason = '';
  /** Epoch ms when the handshake completed and when the (first) welcome arrived: how late a welcome is. */
  openedAt: number | undefined;
  welcomeAt: number | undefined;
  private waiters: Array<() => void> = [];

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      const text = isBinary ? data.toString('base64') : data.toString('utf8');
      try {
        const frame = JSON.parse(text) as Frame;
        this.frames.push(frame);
        if (frame.kind === 'welcome') this.welcomeAt ??= Date.now();
        if ((frame.kind === 'topic' || frame.kind === 'user') && typeof frame.id === 'string') {
          this.seen.set(frame.id, (this.seen.get(frame.id) ?? 0) + 1);
        }
      } catch {
        this.rawFrames.push(text);
      }
      this.wake();
    });
    socket.on('close', (code: number, reason: Buffer) => {
      this.closeCode = code;
      this.closeReason = reason.toString();
      this.wake();
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves with the first frame (from index `from`) matching, or rejects after `timeoutMs`. */
  async waitFor(predicate: (f: Frame) => boolean, timeoutMs = 10_000, from = 0): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.frames.slice(from).find(predicate);
      if (found) return found;
      if (this.closeCode !== undefined)
        throw new Error(`socket closed (${this.closeCode}) before the frame arrived`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `timed out waiting for a frame; got ${JSON.stringify(this.frames.slice(from)).slice(0, 400)}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  async waitForClose(timeoutMs = 10_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.closeCode === undefined) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error('timed out waiting for the socket to close');
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.closeCode;
  }

  send(data: string | Buffer, options: { binary?: boolean; fin?: boolean } = {}): Promise<void> {
    return new Promise((resolve, reject) =>
      this.socket.send(data, { binary: options.binary ?? false, fin: options.fin ?? true }, (error) =>
        error ? reject(error) : resolve(),
      ),
    );
  }

  close(): Promise<number> {
    if (this.closeCode !== undefined) return Promise.resolve(this.closeCode);
    this.socket.close(1000);
    return this.waitForClose();
  }
}

export type ConnectOutcome = { ok: true; client: TestClient } | { ok: false; status: number; body: string };

export function connect(options: ClientOptions): Promise<ConnectOutcome> {
  const url = new URL(options.gatewayUrl);
  const via = options.via ?? 'query';
  if (options.topics !== undefined) url.searchParams.set('topics', options.topics);
  if (options.token !== undefined && via === 'query') url.searchParams.set('token', options.token);
  for (const [k, v] of Object.entries(options.query ?? {})) url.searchParams.set(k, v);
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token !== undefined && via === 'header') headers.Authorization = `Bearer ${options.token}`;
  const protocols =
    options.protocols ??
    (options.token !== undefined && via === 'subprotocol' ? ['bearer', options.token] : undefined);
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, {
      headers,
      handshakeTimeout: options.connectTimeoutMs ?? 15_000,
      perMessageDeflate: false,
    });
    const client = new TestClient(socket);
    socket.once('open', () => {
      client.openedAt = Date.now();
      resolve({ ok: true, client });
    });
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => {
        body += d.toString();
      });
      res.on('end', () => resolve({ ok: false, status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve({ ok: false, status: res.statusCode ?? 0, body }));
    });
    socket.once('error', (error) => {
      if (socket.readyState !== WebSocket.OPEN) reject(error);
    });
  });
}

export async function connectOrThrow(options: ClientOptions): Promise<TestClient> {
  const outcome = await connect(options);
  if (!outcome.ok) throw new Error(`upgrade refused with ${outcome.status}: ${outcome.body}`);
  return outcome.client;
}
