/** Starting the platform and client swarm children the end-to-end benchmarks share. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GaugeSnapshot } from './inflight-meter.js';
import { forkTs, type IpcChild } from './ipc.js';

const here = dirname(fileURLToPath(import.meta.url));
export const wallNow = (): number => performance.timeOrigin + performance.now();

export interface PlatformUrls {
  gateway: string;
  edge: string;
  management: string;
  broadcastTopicArn: string;
  userTopicArn: string;
}

export interface PlatformChild {
  ipc: IpcChild;
  urls: PlatformUrls;
  tokens(users: { userId: string; realm: string; roles: string[] }[]): Promise<string[]>;
  rss(): Promise<number>;
  stats(): Promise<PlatformStats>;
  resetStats(): Promise<void>;
  /** `@connections` POSTs and fan-out worker invocations in flight since the last reset (see inflight-meter.ts). */
  inflight(reset?: boolean): Promise<InflightStats>;
  /** Cumulative CPU time of the platform process in µs (`process.cpuUsage()`); take deltas. */
  cpu(): Promise<{ user: number; system: number }>;
  stop(): Promise<void>;
}

export interface InflightStats {
  postsIssued: GaugeSnapshot;
  postsServed: GaugeSnapshot;
  fanoutInvocations: GaugeSnapshot;
}

export interface FunctionStats {
  invocations: number;
  errors: number;
  timeouts: number;
  coldStarts: number;
  durationMs: number;
  billedDurationMs: number;
}

export interface PlatformStats {
  functions: Record<string, FunctionStats>;
  edge: Record<string, Record<string, number>>;
  dynamodb: { readUnits: number; writeUnits: number; calls: Record<string, number> };
  failures: number;
}

export async function startPlatformChild(env?: Record<string, string>): Promise<PlatformChild> {
  const ipc = await forkTs(join(here, 'platform-child.ts'), { POWERTOOLS_LOG_LEVEL: 'SILENT' });
  try {
    const { urls } = await ipc.call<{ urls: PlatformUrls }>({ type: 'start', ...(env ? { env } : {}) });
    return {
      ipc,
      urls,
      tokens: async (users) => (await ipc.call<{ tokens: string[] }>({ type: 'tokens', users })).tokens,
      rss: async () => (await ipc.call<{ rss: number }>({ type: 'rss' })).rss,
      stats: () => ipc.call<PlatformStats>({ type: 'stats' }),
      resetStats: async () => {
        await ipc.call({ type: 'reset-stats' });
      },
      inflight: (reset = false) => ipc.call<InflightStats>({ type: 'inflight', reset }),
      cpu: () => ipc.call<{ user: number; system: number }>({ type: 'cpu' }),
      stop: async () => {
        await ipc.call({ type: 'stop' }, 60_000).catch(() => undefined);
        ipc.kill();
      },
    };
  } catch (error) {
    ipc.kill();
    throw error;
  }
}

export interface ConnectResult {
  connected: number;
  failed: number;
  /** Indexes (in the request) of the clients that did not connect. */
  failedIndexes: number[];
  firstError: string;
  connectionIds: string[];
  latencies: number[];
  ms: number;
}

export interface Swarm {
  ipc: IpcChild;
  connect(
    clients: { url: string; protocols?: string[] }[],
    waitWelcome: boolean,
    concurrency?: number,
  ): Promise<ConnectResult>;
  /** `frames`: distinct (client, message id) frames; `rawFrames`: every frame, duplicates included. */
  count(): Promise<{ frames: number; rawFrames: number; open: number }>;
  receipts(): Promise<{ receipts: Record<string, number[]>; frames: number; rawFrames: number }>;
  /** Polls until `frames` distinct deliveries have arrived or `timeoutMs` passed; returns the count reached. */
  waitFrames(frames: number, timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function startSwarm(): Promise<Swarm> {
  const ipc = await forkTs(join(here, 'swarm-child.ts'));
  const swarm: Swarm = {
    ipc,
    connect: (clients, waitWelcome, concurrency = 50) =>
      ipc.call<ConnectResult>({ type: 'connect', clients, concurrency, waitWelcome }, 600_000),
    count: () => ipc.call({ type: 'count' }),
    receipts: () => ipc.call({ type: 'receipts' }),
    async waitFrames(frames, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let seen = 0;
      while (Date.now() < deadline) {
        seen = (await swarm.count()).frames;
        if (seen >= frames) return seen;
        await new Promise((r) => setTimeout(r, 25));
      }
      return seen;
    },
    close: async () => {
      await ipc.call({ type: 'close' }, 30_000).catch(() => undefined);
      ipc.kill();
    },
  };
  return swarm;
}

/**
 * Connects every client, trying the ones a loaded machine refused (handshake timeout) again up to `attempts`
 * times, as the client SDK would. Resolves with how many connected.
 */
export async function connectAll(
  swarm: Swarm,
  clients: { url: string }[],
  concurrency: number,
  attempts = 3,
): Promise<number> {
  let pending = clients;
  let connected = 0;
  for (let attempt = 0; attempt < attempts && pending.length > 0; attempt++) {
    const r = await swarm.connect(pending, true, concurrency);
    connected += r.connected;
    pending = r.failedIndexes.map((i) => pending[i] as { url: string });
  }
  return connected;
}

export function clientUrl(gateway: string, token: string, topics: string): string {
  const url = new URL(gateway);
  url.searchParams.set('token', token);
  if (topics) url.searchParams.set('topics', topics);
  return url.href;
}

export { forkTs, here as benchLibDir };
