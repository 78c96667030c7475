/**
 * Where the platform's CPU goes per fan-out delivery (issue 7). Starts the whole local platform IN THIS
 * process (as `npm start` and bench/lib/platform-child.ts do), connects N WebSocket clients from a child
 * process (bench/lib/swarm-child.ts), publishes M broadcast messages back to back and, around that stream
 * only, samples this process with the V8 CPU profiler (node:inspector) and counts process CPU time.
 *
 *   node --import tsx scripts/profile-fanout.ts [--clients 2000] [--messages 20] [--out file.cpuprofile]
 *        [--raw-http]   (also time the same deliveries as plain HTTP POSTs, no SDK: the design's ceiling)
 *
 * Prints deliveries/s, CPU µs per delivery, and the sampled CPU split by owner: the SDK client (middleware,
 * signing, endpoint resolution, HTTP handler), Node's HTTP client and server, the edge's routes, the gateway
 * and `ws`, the Lambda runtime and handlers (Powertools included), dynalite, GC. Each sample is charged to
 * the innermost frame that belongs to a known owner (a Node internal frame is charged to its caller's owner
 * only when it has no owner of its own, e.g. `node:_http_client` is "node http client").
 */
import '../bench/lib/env.js';
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { SNSClient } from '@aws-sdk/client-sns';
import { postRawHttp, sdkPoster } from '../bench/lib/direct-posts.js';
import { clientUrl, startSwarm, wallNow } from '../bench/lib/fleet.js';
import { createPublisher } from '../src/publisher/index.js';
import { payloadFor, topicMessage, topics } from '../test/support/contract-picks.js';

/** The broadcast topic: open to every user, with a history (as the fan-out benchmark). */
const TOPIC = topics.openHistory;

interface Args {
  clients: number;
  messages: number;
  out: string | undefined;
  rawHttp: boolean;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { clients: 2000, messages: 20, out: undefined, rawHttp: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--clients') args.clients = Number(argv[++i]);
    else if (arg === '--messages') args.messages = Number(argv[++i]);
    else if (arg === '--out') args.out = argv[++i];
    else if (arg === '--raw-http') args.rawHttp = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!(args.clients > 0 && args.messages > 0)) throw new Error('--clients and --messages must be > 0');
  return args;
}

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The owner of one frame, or undefined for frames that inherit their caller's owner. */
function ownerOf(frame: CallFrame): string | undefined {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  if (functionName === '(idle)') return 'idle';
  if (url === '') return undefined; // native builtins: charged to the caller
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1];
  if (pkg) {
    if (pkg === '@smithy/signature-v4' || pkg === '@aws-sdk/signature-v4-multi-region')
      return 'SDK: SigV4 signing';
    if (pkg === '@smithy/node-http-handler') return 'SDK: node-http-handler';
    if (
      pkg === '@smithy/util-endpoints' ||
      pkg === '@aws-sdk/util-endpoints' ||
      pkg === '@smithy/middleware-endpoint' ||
      url.includes('endpointResolver') ||
      url.includes('ruleset')
    )
      return 'SDK: endpoint resolution';
    if (pkg === '@aws-sdk/client-apigatewaymanagementapi') return 'SDK: management client (serde)';
    if (pkg.startsWith('@smithy/') || pkg.startsWith('@aws-sdk/')) return `SDK: other (${pkg})`;
    if (pkg === 'ws') return 'ws (gateway + clients lib)';
    if (pkg.startsWith('@aws-lambda-powertools/')) return 'Powertools';
    if (
      ['dynalite', 'levelup', 'memdown', 'level-packager', 'encoding-down', 'abstract-leveldown'].includes(
        pkg,
      )
    )
      return 'dynalite/level';
    if (pkg === 'tsx' || pkg === 'esbuild') return 'tsx loader';
    return `npm: ${pkg}`;
  }
  if (url.includes('/src/local/edge/')) return 'edge (our routes)';
  if (url.includes('/src/local/gateway/')) return 'gateway (our code)';
  if (url.includes('/src/local/lambda/')) return 'Lambda runtime (our code)';
  if (url.includes('/src/handlers/')) return 'handlers';
  if (url.includes('/src/core/')) return 'core domain';
  if (url.includes('/src/adapters/')) return 'adapters';
  if (url.includes('/src/')) return 'other src';
  if (url.includes('/bench/') || url.includes('/scripts/')) return 'bench harness';
  if (url.startsWith('node:')) {
    const mod = url.slice(5);
    if (mod === '_http_client' || mod === '_http_agent') return 'node http client';
    if (mod === '_http_server') return 'node http server';
    if (mod === '_http_common' || mod === '_http_incoming' || mod === '_http_outgoing')
      return 'node http common';
    if (mod === 'net' || mod.startsWith('internal/stream_base') || mod.startsWith('internal/net'))
      return 'node net/socket';
    if (mod.startsWith('internal/streams') || mod === 'stream') return 'node streams';
    if (mod.startsWith('internal/crypto') || mod === 'crypto') return 'node crypto';
    if (
      mod.startsWith('internal/process/task_queues') ||
      mod.startsWith('internal/timers') ||
      mod === 'timers'
    )
      return undefined;
    if (mod.startsWith('internal/url') || mod === 'url') return 'node url';
    return undefined;
  }
  return undefined;
}

/**
 * Which side of one delivery a sample belongs to: the innermost frame of its stack that marks a side
 * (so `writev` under `ws` is the gateway's send, under `node:_http_client` the SDK client's request).
 */
function sideOf(frame: CallFrame): string | undefined {
  const { url, functionName } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  if (functionName === '(idle)') return 'idle';
  if (url.includes('node_modules/ws/') || url.includes('/src/local/gateway/')) return 'gateway send (ws)';
  if (url.includes('/src/local/edge/') || url === 'node:_http_server') return 'edge server side';
  if (/node_modules\/@(smithy|aws-sdk)\//.test(url) && !/dynamodb|client-sqs|client-sns/.test(url))
    return 'SDK client side';
  if (url === 'node:_http_client' || url === 'node:_http_agent') return 'SDK client side';
  if (url.includes('dynalite') || /node_modules\/(memory-level|abstract-level|level)/.test(url))
    return 'dynalite';
  if (
    url.includes('/src/local/lambda/') ||
    url.includes('/src/handlers/') ||
    url.includes('/src/core/') ||
    url.includes('/src/adapters/') ||
    url.includes('@aws-lambda-powertools')
  )
    return 'Lambda runtime + handler + domain';
  if (url.includes('/bench/') || url.includes('/scripts/')) return 'bench harness';
  return undefined;
}

/**
 * Attributes every profile node: to `own(frame)` when it names one, else to what its caller is attributed to
 * (memoized), and `atRoot(frame)` for a root that names nothing.
 */
function attributor(
  profile: CpuProfile,
  own: (frame: CallFrame) => string | undefined,
  atRoot: (frame: CallFrame) => string,
): { resolve: (id: number) => string; node: (id: number) => ProfileNode } {
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const cache = new Map<number, string>();
  const node = (id: number): ProfileNode => byId.get(id) as ProfileNode;
  const resolve = (id: number): string => {
    const cached = cache.get(id);
    if (cached) return cached;
    const frame = node(id).callFrame;
    const up = parent.get(id);
    const label = own(frame) ?? (up === undefined ? atRoot(frame) : resolve(up));
    cache.set(id, label);
    return label;
  };
  return { resolve, node };
}

function sides(profile: CpuProfile): Map<string, number> {
  const { resolve } = attributor(profile, sideOf, () => 'node I/O not attributable (socket reads, timers)');
  const out = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const side = resolve(profile.samples[i] as number);
    if (side !== 'idle') out.set(side, (out.get(side) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  return out;
}

/** Self time charged to the innermost owned frame of each sample's stack. */
function breakdown(profile: CpuProfile): {
  total: number;
  byOwner: Map<string, number>;
  top: Map<string, number>;
} {
  const { resolve, node } = attributor(
    profile,
    ownerOf,
    (leaf) => `unowned: ${leaf.functionName || '(anonymous)'} ${leaf.url}`,
  );
  const byOwner = new Map<string, number>();
  const top = new Map<string, number>();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i] as number;
    const dt = profile.timeDeltas[i] ?? 0;
    const owner = resolve(id);
    if (owner === 'idle') continue;
    total += dt;
    byOwner.set(owner, (byOwner.get(owner) ?? 0) + dt);
    const f = node(id).callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/main\//, '')}:${f.lineNumber}`;
    top.set(key, (top.get(key) ?? 0) + dt);
  }
  return { total, byOwner, top };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { ephemeralPlatformOptions, startPlatform } = await import('../src/local/platform.js');
  const platform = await startPlatform({
    ...ephemeralPlatformOptions,
  });
  const swarm = await startSwarm();
  const session = new Session();
  session.connect();
  try {
    const users = Array.from({ length: 20 }, (_, i) => ({ userId: `prof-${i}`, realm: 'acme', roles: [] }));
    const tokens = await Promise.all(
      users.map(async (u) => (await platform.idp.mintToken({ ...u, ttlSeconds: 3600 })).token),
    );
    const connected = await swarm.connect(
      Array.from({ length: args.clients }, (_, i) => ({
        url: clientUrl(platform.urls.gateway, tokens[i % tokens.length] as string, TOPIC),
      })),
      true,
      50,
    );
    if (connected.connected !== args.clients)
      throw new Error(`only ${connected.connected}/${args.clients} connected: ${connected.firstError}`);
    const sns = new SNSClient({
      endpoint: platform.urls.edge,
      region: 'us-east-1',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    const publisher = createPublisher({
      snsClient: sns,
      broadcastTopicArn: platform.urls.broadcastTopicArn,
      userTopicArn: platform.urls.userTopicArn,
    });
    const publish = () => publisher.publishToTopic(topicMessage(TOPIC));
    // Warm-up: cold starts and JIT are not what this measures.
    let expected = 0;
    for (let i = 0; i < 3; i++) {
      await publish();
      expected += args.clients;
      await swarm.waitFrames(expected, 60_000);
    }

    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    const cpu0 = process.cpuUsage();
    const t0 = wallNow();
    for (let i = 0; i < args.messages; i++) await publish();
    expected += args.clients * args.messages;
    const got = await swarm.waitFrames(expected, 120_000);
    const seconds = (wallNow() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: CpuProfile };
    const deliveries = args.clients * args.messages;
    if (got < expected) console.log(`WARNING: only ${got}/${expected} frames arrived`);
    if (args.out) await writeFile(args.out, JSON.stringify(profile));

    console.log(
      `platform: ${deliveries} deliveries in ${seconds.toFixed(2)} s = ${Math.round(deliveries / seconds)}/s; process CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (user ${(cpu.user / 1000).toFixed(0)}, sys ${(cpu.system / 1000).toFixed(0)}) = ${((cpu.user + cpu.system) / deliveries).toFixed(0)} µs per delivery`,
    );
    const { total, byOwner, top } = breakdown(profile);
    console.log(`sampled non-idle time ${(total / 1000).toFixed(0)} ms; split (self time by owner):`);
    for (const [owner, us] of [...byOwner].sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / deliveries).toFixed(1).padStart(6)} µs/delivery  ${owner}`,
      );
    console.log('split by side of the delivery (innermost marking frame of each sample):');
    for (const [side, us] of [...sides(profile)].sort((a, b) => b[1] - a[1]))
      console.log(
        `  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / deliveries).toFixed(1).padStart(6)} µs/delivery  ${side}`,
      );
    console.log('top self functions:');
    for (const [fn, us] of [...top].sort((a, b) => b[1] - a[1]).slice(0, 25))
      console.log(`  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${fn}`);

    if (args.rawHttp) {
      // The same deliveries posted directly from this process, 50 in flight, alternating rounds so the
      // machine's noise hits both alike: through the product's adapter (real SDK client as configured in
      // clients.ts) and as plain HTTP POSTs (no SDK, no signing).
      const poster = sdkPoster(platform.urls.management);
      const frame = JSON.stringify({ kind: 'topic', id: 'direct', topic: TOPIC, payload: payloadFor(TOPIC) });
      const data = Buffer.from(frame);
      const totals = { sdk: { us: 0, s: 0, n: 0 }, raw: { us: 0, s: 0, n: 0 } };
      for (let round = 0; round < 2 * Math.min(args.messages, 6); round++) {
        const kind = round % 2 === 0 ? 'sdk' : 'raw';
        const c0 = process.cpuUsage();
        const r0 = wallNow();
        if (kind === 'sdk') await poster.post(connected.connectionIds, frame, 50);
        else await postRawHttp(platform.urls.management, connected.connectionIds, data, 50);
        expected += args.clients;
        await swarm.waitFrames(expected, 120_000);
        const c = process.cpuUsage(c0);
        totals[kind].us += c.user + c.system;
        totals[kind].s += (wallNow() - r0) / 1000;
        totals[kind].n += args.clients;
      }
      poster.destroy();
      for (const [kind, t] of Object.entries(totals))
        console.log(
          `direct ${kind === 'sdk' ? 'SDK adapter (ManagementApiGateway)' : 'plain HTTP POST (no SDK)'}: ${t.n} deliveries, ${Math.round(t.n / t.s)}/s, ${(t.us / t.n).toFixed(0)} µs CPU per delivery (poster + edge + gateway, one process)`,
        );
    }
    sns.destroy();
  } finally {
    session.disconnect();
    await swarm.close();
    await platform.stop();
  }
}

await main();
