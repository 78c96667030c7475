/**
 * Where the local platform's memory per idle connection goes.
 *
 *   npx tsx scripts/measure-connection-memory.ts [--connections 1000] [--steps 2] [--snapshot] [--baseline]
 *
 * Starts the platform (`startPlatform`) in a child process and N authenticated WebSocket clients (subscribed
 * to an open topic with history picked from the contract, each waiting for its welcome frame, as benchmark 5 does) in another, then reads the
 * platform's memory after a full GC at 0, N, 2N… connections and prints the growth per 1,000 connections:
 * RSS, V8 heap used, external and array buffers. `--snapshot` also writes a heap snapshot after the first
 * and the last step (needs --steps ≥ 2) and prints the constructors whose self size grew most (count and bytes per 1,000 connections).
 * `--baseline` measures a plain `ws` server the same way, for the ratio.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { topics } from '../test/support/contract-picks.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';

const self = fileURLToPath(import.meta.url);
const MB = 1024 * 1024;

interface Reading {
  rss: number;
  heapUsed: number;
  /** V8 heap pages actually resident */
  heapPhysical: number;
  /** malloc'd by V8 outside the heap (zones, compiler) */
  malloced: number;
  external: number;
  arrayBuffers: number;
  /** resident bytes per V8 heap space (new_space, old_space, code_space…) */
  spaces: Record<string, number>;
  heapSnapshot?: string;
}

type Request =
  | { type: 'start'; kind: 'platform' | 'ws' }
  | { type: 'tokens'; count: number }
  | { type: 'measure'; snapshot: boolean }
  | { type: 'connect'; urls: string[]; waitWelcome: boolean; concurrency: number }
  | { type: 'stop' };

// ---------------------------------------------------------------- children -----------------------------

/** Full GC and a memory reading (the child runs with --expose-gc). */
async function measure(snapshot: boolean): Promise<Reading> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the server child with --expose-gc');
  for (let i = 0; i < 3; i++) gc();
  await new Promise((r) => setTimeout(r, 300));
  gc();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  const reading: Reading = {
    rss: m.rss,
    heapUsed: m.heapUsed,
    heapPhysical: h.total_physical_size,
    malloced: h.malloced_memory,
    external: m.external,
    arrayBuffers: m.arrayBuffers,
    spaces: Object.fromEntries(
      v8.getHeapSpaceStatistics().map((sp) => [sp.space_name, sp.physical_space_size]),
    ),
  };
  if (snapshot)
    reading.heapSnapshot = v8.writeHeapSnapshot(
      join(tmpdir(), `conn-mem-${process.pid}-${Date.now()}.heapsnapshot`),
    );
  return reading;
}

async function serverChild(): Promise<void> {
  let stop: () => Promise<void> = async () => undefined;
  let mint: (userId: string) => Promise<string> = async () => '';
  const handle = async (request: Request): Promise<unknown> => {
    switch (request.type) {
      case 'start': {
        if (request.kind === 'platform') {
          const { ephemeralPlatformOptions, startPlatform } = await import('../src/local/platform.js');
          const platform = await startPlatform({
            ...ephemeralPlatformOptions,
          });
          stop = () => platform.stop();
          mint = async (userId) =>
            (await platform.idp.mintToken({ userId, realm: 'acme', roles: [], ttlSeconds: 3600 })).token;
          return { url: platform.urls.gateway };
        }
        const { WebSocketServer } = await import('ws');
        const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, perMessageDeflate: false });
        await new Promise<void>((r) => wss.once('listening', () => r()));
        stop = async () => {
          for (const c of wss.clients) c.terminate();
          await new Promise<void>((r) => wss.close(() => r()));
        };
        return { url: `ws://127.0.0.1:${(wss.address() as AddressInfo).port}` };
      }
      case 'tokens':
        return Promise.all(Array.from({ length: request.count }, (_, i) => mint(`mem-${i}`)));
      case 'measure':
        return measure(request.snapshot);
      case 'stop':
        await stop();
        return {};
      default:
        throw new Error(`server child: unexpected ${request.type}`);
    }
  };
  serve(handle);
}

async function clientChild(): Promise<void> {
  const { default: WebSocket } = await import('ws');
  const sockets: InstanceType<typeof WebSocket>[] = [];
  const open = (url: string, waitWelcome: boolean): Promise<void> =>
    new Promise((resolve, reject) => {
      // Like the benchmark's clients: no permessage-deflate offer.
      const ws = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
      ws.once('error', reject);
      ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      ws.once('open', () => {
        sockets.push(ws);
        if (!waitWelcome) resolve();
      });
      ws.on('message', (data: Buffer) => {
        if (data.toString('utf8').startsWith('{"kind":"welcome"')) resolve();
      });
    });
  serve(async (request) => {
    if (request.type === 'connect') {
      let next = 0;
      await Promise.all(
        Array.from({ length: request.concurrency }, async () => {
          while (next < request.urls.length) await open(request.urls[next++] as string, request.waitWelcome);
        }),
      );
      return { open: sockets.length };
    }
    if (request.type === 'stop') {
      for (const s of sockets) s.terminate();
      return {};
    }
    throw new Error(`client child: unexpected ${request.type}`);
  });
}

function serve(handle: (request: Request) => Promise<unknown>): void {
  process.on('message', (message: { id: number; request: Request }) => {
    handle(message.request).then(
      (body) => process.send?.({ id: message.id, body }),
      (error: unknown) => process.send?.({ id: message.id, error: String((error as Error)?.stack ?? error) }),
    );
  });
  process.send?.({ id: 0 });
}

// ---------------------------------------------------------------- parent --------------------------------

interface Child {
  call<T>(request: Request): Promise<T>;
  process: ChildProcess;
}

async function spawn(role: 'server' | 'clients'): Promise<Child> {
  const child = fork(self, ['--role', role], {
    execArgv: ['--import', 'tsx', ...(role === 'server' ? ['--expose-gc'] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${role} child exited with ${code}`)));
    child.on('message', (m: { id: number; body?: unknown; error?: string }) => {
      if (m.id === 0) return resolve();
      const w = waiting.get(m.id);
      waiting.delete(m.id);
      if (m.error) w?.reject(new Error(m.error));
      else w?.resolve(m.body);
    });
  });
  return {
    process: child,
    call: <T>(request: Request) =>
      new Promise<T>((resolve, reject) => {
        const id = nextId++;
        waiting.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, request });
      }),
  };
}

interface NodeCounts {
  count: number;
  bytes: number;
}

/** Self size and count per `type:name` (objects by constructor, closures by function name, strings…). */
function summarizeSnapshot(file: string): Map<string, NodeCounts> {
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const stride = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const out = new Map<string, NodeCounts>();
  const { nodes, strings } = snapshot;
  for (let i = 0; i < nodes.length; i += stride) {
    const type = types[nodes[i + typeAt] as number] as string;
    let name = type;
    if (type === 'object' || type === 'closure' || type === 'native' || type === 'hidden')
      name = `${type}:${(strings[nodes[i + nameAt] as number] ?? '').slice(0, 60)}`;
    const entry = out.get(name) ?? { count: 0, bytes: 0 };
    entry.count += 1;
    entry.bytes += nodes[i + sizeAt] as number;
    out.set(name, entry);
  }
  return out;
}

function printTopGrowth(before: string, after: string, connections: number, top: number): void {
  const a = summarizeSnapshot(before);
  const b = summarizeSnapshot(after);
  const rows = [...b].map(([name, v]) => {
    const old = a.get(name) ?? { count: 0, bytes: 0 };
    return { name, count: v.count - old.count, bytes: v.bytes - old.bytes };
  });
  rows.sort((x, y) => y.bytes - x.bytes);
  const per = 1000 / connections;
  console.log(`\nTop heap growth by constructor, per 1,000 connections (self size):`);
  console.log('| kind:constructor | objects | KB |');
  console.log('|---|---:|---:|');
  for (const r of rows.slice(0, top)) {
    console.log(
      `| ${r.name.replaceAll('|', '\\|')} | ${Math.round(r.count * per)} | ${((r.bytes * per) / 1024).toFixed(1)} |`,
    );
  }
}

async function measureServer(
  kind: 'platform' | 'ws',
  connections: number,
  steps: number,
  snapshot: boolean,
): Promise<Reading[]> {
  const server = await spawn('server');
  const clients = await spawn('clients');
  const readings: Reading[] = [];
  try {
    const { url } = await server.call<{ url: string }>({ type: 'start', kind });
    let urls: string[];
    if (kind === 'platform') {
      const tokens = await server.call<string[]>({ type: 'tokens', count: 20 });
      urls = Array.from({ length: connections }, (_, i) => {
        const u = new URL(url);
        u.searchParams.set('token', tokens[i % tokens.length] as string);
        u.searchParams.set('topics', topics.openHistory);
        return u.href;
      });
    } else {
      urls = Array.from({ length: connections }, () => url);
    }
    const waitWelcome = kind === 'platform';
    // One warm-up connection: every function cold-starts before the baseline reading.
    await clients.call({ type: 'connect', urls: urls.slice(0, 1), waitWelcome, concurrency: 1 });
    await new Promise((r) => setTimeout(r, 1000));
    readings.push(await server.call<Reading>({ type: 'measure', snapshot: false }));
    for (let step = 1; step <= steps; step++) {
      await clients.call({ type: 'connect', urls, waitWelcome, concurrency: 50 });
      // Let the delivery jobs, welcome posts and timers settle, as the benchmark does.
      await new Promise((r) => setTimeout(r, 2000));
      // Snapshots after the first step and the last: the growth between them is the steady state, without
      // the one-time growth of the first connections (young generation, optimized code).
      const take = snapshot && steps > 1 && (step === 1 || step === steps);
      readings.push(await server.call<Reading>({ type: 'measure', snapshot: take }));
    }
  } finally {
    await clients.call({ type: 'stop' }).catch(() => undefined);
    clients.process.kill();
    await server.call({ type: 'stop' }).catch(() => undefined);
    server.process.kill();
  }
  return readings;
}

function report(label: string, readings: Reading[], connections: number): number {
  const per = (field: keyof Omit<Reading, 'heapSnapshot' | 'spaces'>, i: number): string =>
    (
      ((((readings[i] as Reading)[field] - (readings[i - 1] as Reading)[field]) / MB) * 1000) /
      connections
    ).toFixed(2);
  console.log(`\n${label}: growth per 1,000 idle connections (MB), after a full GC`);
  console.log('| step | RSS | heap used | heap resident | V8 malloc | external | array buffers |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (let i = 1; i < readings.length; i++) {
    console.log(
      `| ${(i - 1) * connections} → ${i * connections} | ${per('rss', i)} | ${per('heapUsed', i)} | ${per('heapPhysical', i)} | ${per('malloced', i)} | ${per('external', i)} | ${per('arrayBuffers', i)} |`,
    );
  }
  const first = readings[0] as Reading;
  const last = readings[readings.length - 1] as Reading;
  const spaceGrowth = Object.keys(last.spaces)
    .map((name) => `${name} ${(((last.spaces[name] ?? 0) - (first.spaces[name] ?? 0)) / MB).toFixed(1)}`)
    .join(', ');
  console.log(`V8 heap spaces, resident growth over the run (MB): ${spaceGrowth}`);
  const total = (((last.rss - first.rss) / MB) * 1000) / (connections * (readings.length - 1));
  console.log(
    `| overall | ${total.toFixed(2)} | ${((((last.heapUsed - first.heapUsed) / MB) * 1000) / (connections * (readings.length - 1))).toFixed(2)} | | |`,
  );
  return total;
}

/** Prints the growth between the snapshots after the first and the last step, then deletes them unless kept. */
function showSnapshotGrowth(readings: Reading[], connections: number, top: number, keep: boolean): void {
  const first = readings[1]?.heapSnapshot;
  const last = readings[readings.length - 1]?.heapSnapshot;
  if (!first || !last) return;
  printTopGrowth(first, last, connections, top);
  if (keep) console.log(`\nheap snapshots kept: ${first} ${last}`);
  else {
    rmSync(first, { force: true });
    rmSync(last, { force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      connections: { type: 'string', default: '1000' },
      steps: { type: 'string', default: '2' },
      snapshot: { type: 'boolean', default: false },
      baseline: { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      top: { type: 'string', default: '25' },
    },
  });
  if (values.role === 'server') return serverChild();
  if (values.role === 'clients') return clientChild();
  const connections = Number(values.connections);
  const steps = Number(values.steps);
  if (!Number.isInteger(connections) || connections < 1)
    throw new Error('--connections must be a positive integer');
  if (!Number.isInteger(steps) || steps < 1) throw new Error('--steps must be a positive integer');

  const readings = await measureServer('platform', connections, steps, values.snapshot);
  const ours = report('local platform', readings, connections);
  showSnapshotGrowth(readings, connections * (steps - 1), Number(values.top), values.keep);
  if (values.baseline) {
    const plainReadings = await measureServer('ws', connections, steps, values.snapshot);
    const plain = report('plain ws', plainReadings, connections);
    showSnapshotGrowth(plainReadings, connections * (steps - 1), Number(values.top), values.keep);
    console.log(`\nratio platform ÷ plain ws: ${(ours / plain).toFixed(2)}× (target ≤ 2×)`);
  }
}

await main();
