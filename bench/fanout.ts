/**
 * Benchmark 2 — fan-out through the local platform.
 * 2,000 clients (a separate process) subscribed to one topic; a stream of messages published to SNS with the
 * publisher SDK; delivered messages per second and publish-to-receive p50/p99. Baselines on the same machine
 * and the same client process:
 *   - a plain `ws` server broadcasting the same frames to the same number of clients (this machine's limit);
 *   - posting sequentially through the platform's @connections API, one awaited call per connection;
 *   - the ceiling of ANY design that makes one management API call per delivery: the same deliveries as plain
 *     HTTP POSTs to the same edge (no SDK, no signing, 50 in flight), next to the same posts through the
 *     product's adapter and real SDK client (bench/lib/direct-posts.ts).
 * Targets: ≥ 50% of plain ws, ≥ 10× sequential.
 * Two phases on the same platform and clients: bare loopback, then a modeled API Gateway round trip of
 * MODELED_POST_MS per management API call (the edge's `connections-hang` fault, which delays and then answers
 * normally), applied alike to the platform's posts and the sequential baseline's. Loopback has no round trip to
 * overlap, so the ≥ 10× claim (about overlapping real round trips) can only show in the modeled phase.
 * The platform process also reports the @connections POSTs and fan-out worker invocations in flight.
 */

import { join } from 'node:path';
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { SNSClient } from '@aws-sdk/client-sns';
import { createPublisher } from '../src/publisher/index.js';
import { payloadFor, topicMessage, topics } from '../test/support/contract-picks.js';
import { type DirectPostResult, postRawHttp, sdkPoster } from './lib/direct-posts.js';
import {
  benchLibDir,
  clientUrl,
  forkTs,
  type InflightStats,
  startPlatformChild,
  startSwarm,
  wallNow,
} from './lib/fleet.js';
import { percentile, round } from './lib/stats.js';
import { type Benchmark, type Figure, ratioOf } from './lib/types.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const REALM = 'acme';
/** The broadcast topic: open to every user, with a history (each publish also writes its history row). */
const TOPIC = topics.openHistory;

interface RunMeasure {
  messages: number;
  expected: number;
  delivered: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  duplicates: number;
}

function measure(
  published: Map<string, number>,
  receipts: Record<string, number[]>,
  clients: number,
): RunMeasure {
  const latencies: number[] = [];
  let last = 0;
  let first = Number.POSITIVE_INFINITY;
  let delivered = 0;
  let duplicates = 0;
  for (const [id, t0] of published) {
    first = Math.min(first, t0);
    const times = receipts[id] ?? [];
    delivered += Math.min(times.length, clients);
    duplicates += Math.max(0, times.length - clients);
    for (const t of times) {
      latencies.push(t - t0);
      last = Math.max(last, t);
    }
  }
  const seconds = (last - first) / 1000;
  return {
    messages: published.size,
    expected: published.size * clients,
    delivered,
    seconds: round(seconds, 3),
    perSecond: round(delivered / seconds, 0),
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    duplicates,
  };
}

/**
 * Like `measure`, for messages sent one round at a time (each fully received before the next starts, with
 * other work between rounds): throughput = deliveries / the sum of each round's first-post-to-last-receive.
 */
function measureRounds(
  published: Map<string, number>,
  receipts: Record<string, number[]>,
  clients: number,
): RunMeasure {
  let busyMs = 0;
  for (const [id, t0] of published) {
    const times = receipts[id] ?? [];
    if (times.length > 0) busyMs += Math.max(...times) - t0;
  }
  const whole = measure(published, receipts, clients);
  const seconds = busyMs / 1000;
  return { ...whole, seconds: round(seconds, 3), perSecond: round(whole.delivered / seconds, 0) };
}

/** The modeled API Gateway round trip per management API call (PostToConnection), in ms. */
const MODELED_POST_MS = 10;

/**
 * Posts in flight for the direct baselines: the fan-out worker's POST_CONCURRENCY (platform default), i.e.
 * what one shard of one SQS record keeps in flight.
 */
const DIRECT_CONCURRENCY = 50;

/** Direct posts from the benchmark process, one call per delivery (see bench/lib/direct-posts.ts). */
interface CeilingResult {
  raw: RunMeasure;
  sdk: RunMeasure;
  /** CPU per delivery, µs, of the benchmark process (the poster) and of the platform process (edge, gateway) */
  rawPosterCpuUs: number;
  sdkPosterCpuUs: number;
  rawPlatformCpuUs: number;
  sdkPlatformCpuUs: number;
  notOk: number;
}

interface PhaseCounts {
  /** messages sent one at a time, each fully delivered before the next */
  isolated: number;
  /** messages published back to back */
  stream: number;
  /** messages posted by the sequential baseline */
  sequential: number;
}

interface PhaseResult {
  isolated: RunMeasure;
  stream: RunMeasure;
  sequential: RunMeasure;
  /** @connections POSTs and fan-out worker invocations in flight during the stream */
  streamInflight: InflightStats;
  /** CPU of the whole platform process per delivery during the stream, µs (all threads) */
  streamPlatformCpuUs: number;
  /** during the sequential baseline (its posts come from the benchmark process: `postsServed` only) */
  sequentialInflight: InflightStats;
  /** wall time of the sequential post loop per message, and per post */
  sequentialMsPerMessage: number;
  sequentialMsPerPost: number;
}

function topicFrame(id: string, publishedAt: string): string {
  return JSON.stringify({
    kind: 'topic',
    id,
    topic: TOPIC,
    publishedAt,
    correlationId: `c-${id}`,
    payload: payloadFor(TOPIC),
  });
}

export const fanoutBenchmark: Benchmark = {
  name: 'fanout',
  title: 'Fan-out to 2,000 clients: platform vs plain ws broadcast vs sequential posts',
  async run(options) {
    const clients = options.quick ? 500 : 2000;
    const messages = options.quick ? 10 : 30;
    const sequentialMessages = options.quick ? 1 : 2;
    const isolatedMessages = options.quick ? 2 : 5;
    // Rounds of each direct baseline (one message to every client per round): ≈ 0.5 s per raw round and
    // ≈ 1.5 s per SDK round at 2,000 clients on this machine.
    const ceilingRounds = 4;
    // With 10 ms per call, sequential posting takes ≈ clients × 10 ms per message (≈ 20 s at 2,000): one message.
    const modeledCounts: PhaseCounts = options.quick
      ? { isolated: 1, stream: 5, sequential: 1 }
      : { isolated: 3, stream: 10, sequential: 1 };
    const notes: string[] = [];
    const waitMs = Math.max(30_000, options.budgetMs / 4);

    // --- ours, and the sequential baseline on the same platform and clients: first on bare loopback, then
    // with every management API call answered MODELED_POST_MS later (the edge's `connections-hang` fault,
    // which delays and then answers normally), applied alike to the platform's posts and the sequential ones.
    const platform = await startPlatformChild();
    const swarm = await startSwarm();
    let loopback: PhaseResult;
    let modeled: PhaseResult;
    let platformStats: unknown;
    let ceiling: CeilingResult;
    let connectSeconds: number;
    try {
      const users = Array.from({ length: 20 }, (_, i) => ({ userId: `fan-${i}`, realm: REALM, roles: [] }));
      const tokens = await platform.tokens(users);
      const specs = Array.from({ length: clients }, (_, i) => ({
        url: clientUrl(platform.urls.gateway, tokens[i % tokens.length] as string, TOPIC),
      }));
      const connected = await swarm.connect(specs, true, 50);
      connectSeconds = connected.ms / 1000;
      options.log(
        `fanout: ${connected.connected} clients connected in ${round(connectSeconds, 1)} s (${connected.failed} failed ${connected.firstError})`,
      );
      if (connected.connected !== clients)
        throw new Error(`only ${connected.connected}/${clients} clients connected: ${connected.firstError}`);

      const sns = new SNSClient({ endpoint: platform.urls.edge, region: 'us-east-1', credentials });
      const publisher = createPublisher({
        snsClient: sns,
        broadcastTopicArn: platform.urls.broadcastTopicArn,
        userTopicArn: platform.urls.userTopicArn,
      });
      const management = new ApiGatewayManagementApiClient({
        endpoint: platform.urls.management,
        region: 'us-east-1',
        credentials,
      });
      const publish = async (): Promise<[string, number]> => {
        const t0 = wallNow();
        const r = await publisher.publishToTopic(topicMessage(TOPIC, REALM));
        return [r.messageId, t0];
      };

      const phase = async (label: string, counts: PhaseCounts): Promise<PhaseResult> => {
        await platform.inflight(true);
        // One message at a time (each fully delivered before the next): latency without queueing.
        const isolatedPublished = new Map<string, number>();
        for (let i = 0; i < counts.isolated; i++) {
          const [id, t0] = await publish();
          isolatedPublished.set(id, t0);
          await swarm.waitFrames(clients * (i + 1), waitMs);
        }
        const isolated = measure(isolatedPublished, (await swarm.receipts()).receipts, clients);
        options.log(`fanout [${label}]: one at a time: p50 ${isolated.p50} ms p99 ${isolated.p99} ms`);

        await platform.inflight(true);
        const published = new Map<string, number>();
        const cpu0 = await platform.cpu();
        for (let i = 0; i < counts.stream; i++) {
          const [id, t0] = await publish();
          published.set(id, t0);
        }
        const got = await swarm.waitFrames(clients * counts.stream, waitMs);
        const cpu1 = await platform.cpu();
        const stream = measure(published, (await swarm.receipts()).receipts, clients);
        const streamPlatformCpuUs = round(
          (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / Math.max(1, stream.delivered),
          0,
        );
        const streamInflight = await platform.inflight(true);
        options.log(
          `fanout [${label}]: platform ${got}/${clients * counts.stream} delivered, ${stream.perSecond}/s, p50 ${stream.p50} ms p99 ${stream.p99} ms; in flight max ${streamInflight.postsServed.max} (issued ${streamInflight.postsIssued.max}), fan-out invocations max ${streamInflight.fanoutInvocations.max} of ${streamInflight.fanoutInvocations.total}`,
        );

        // Sequential: one awaited PostToConnection per connection, through the same @connections API.
        const seqPublished = new Map<string, number>();
        const postLoopMs: number[] = [];
        for (let m = 0; m < counts.sequential; m++) {
          const id = `seq-${label}-${m}-${Date.now()}`;
          const t0 = wallNow();
          const data = Buffer.from(topicFrame(id, new Date().toISOString()));
          seqPublished.set(id, t0);
          for (const connectionId of connected.connectionIds) {
            await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
          }
          postLoopMs.push(wallNow() - t0);
        }
        await swarm.waitFrames(clients * counts.sequential, waitMs);
        const sequential = measure(seqPublished, (await swarm.receipts()).receipts, clients);
        const sequentialInflight = await platform.inflight(true);
        const msPerPost = postLoopMs.reduce((a, b) => a + b, 0) / (counts.sequential * clients);
        options.log(
          `fanout [${label}]: sequential ${sequential.perSecond}/s, p50 ${sequential.p50} ms (${round(msPerPost, 2)} ms per awaited post)`,
        );
        return {
          isolated,
          stream,
          sequential,
          streamInflight,
          streamPlatformCpuUs,
          sequentialInflight,
          sequentialMsPerMessage: round(msPerPost * clients, 0),
          sequentialMsPerPost: round(msPerPost, 2),
        };
      };

      // Warm-up: cold starts of the router and the fan-out worker are not what this measures.
      await publish();
      await swarm.waitFrames(clients, waitMs);
      await swarm.receipts();

      loopback = await phase('loopback', {
        isolated: isolatedMessages,
        stream: messages,
        sequential: sequentialMessages,
      });

      // The design's ceiling on this machine: the same deliveries as one management API call each, made
      // directly from this process with DIRECT_CONCURRENCY in flight — as plain HTTP POSTs (no SDK, no
      // signing) and through the product's adapter and SDK client. Rounds alternate so noise hits both alike.
      {
        const rounds = options.quick ? 2 : ceilingRounds;
        const raw = new Map<string, number>();
        const sdk = new Map<string, number>();
        const cpu = { raw: 0, sdk: 0 };
        const platformCpu = { raw: 0, sdk: 0 };
        let notOk = 0;
        const poster = sdkPoster(platform.urls.management);
        let frames = (await swarm.count()).frames;
        try {
          // The first round of each kind warms it up (sockets, JIT, the SDK's lazy loading) and is not counted.
          for (let r = 0; r < 2 * (rounds + 1); r++) {
            const kind = r % 2 === 0 ? 'raw' : 'sdk';
            const warmUp = r < 2;
            const id = `direct-${kind}-${r}`;
            const t0 = wallNow();
            const frame = topicFrame(id, new Date().toISOString());
            const cpu0 = process.cpuUsage();
            const platformCpu0 = await platform.cpu();
            const result: DirectPostResult =
              kind === 'raw'
                ? await postRawHttp(
                    platform.urls.management,
                    connected.connectionIds,
                    Buffer.from(frame),
                    DIRECT_CONCURRENCY,
                  )
                : await poster.post(connected.connectionIds, frame, DIRECT_CONCURRENCY);
            const used = process.cpuUsage(cpu0);
            frames += clients;
            // Each round fully received before the next, so one kind's tail never overlaps the other's.
            await swarm.waitFrames(frames, waitMs);
            const platformCpu1 = await platform.cpu();
            notOk += result.notOk;
            if (!warmUp) {
              cpu[kind] += used.user + used.system;
              platformCpu[kind] +=
                platformCpu1.user + platformCpu1.system - platformCpu0.user - platformCpu0.system;
              (kind === 'raw' ? raw : sdk).set(id, t0);
            }
          }
        } finally {
          poster.destroy();
        }
        const { receipts } = await swarm.receipts();
        ceiling = {
          raw: measureRounds(raw, receipts, clients),
          sdk: measureRounds(sdk, receipts, clients),
          rawPosterCpuUs: round(cpu.raw / (rounds * clients), 0),
          sdkPosterCpuUs: round(cpu.sdk / (rounds * clients), 0),
          rawPlatformCpuUs: round(platformCpu.raw / (rounds * clients), 0),
          sdkPlatformCpuUs: round(platformCpu.sdk / (rounds * clients), 0),
          notOk,
        };
        options.log(
          `fanout [loopback]: direct posts, ${DIRECT_CONCURRENCY} in flight: plain HTTP ${ceiling.raw.perSecond}/s (CPU/delivery: poster ${ceiling.rawPosterCpuUs} µs + platform ${ceiling.rawPlatformCpuUs} µs), SDK adapter ${ceiling.sdk.perSecond}/s (poster ${ceiling.sdkPosterCpuUs} µs + platform ${ceiling.sdkPlatformCpuUs} µs), not ok ${notOk}`,
        );
      }

      const faults = await fetch(`${platform.urls.edge}/_local/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'connections-hang',
          ms: MODELED_POST_MS,
          method: 'POST',
          times: 'always',
        }),
      });
      if (!faults.ok)
        throw new Error(`could not add the latency fault: ${faults.status} ${await faults.text()}`);
      try {
        modeled = await phase(`modeled ${MODELED_POST_MS} ms`, modeledCounts);
      } finally {
        await fetch(`${platform.urls.edge}/_local/faults`, { method: 'DELETE' });
      }

      sns.destroy();
      management.destroy();
      const stats = await platform.stats();
      platformStats = { functions: stats.functions, edge: stats.edge, failures: stats.failures };
      const errors = Object.entries(stats.functions).filter(([, s]) => s.errors > 0 || s.timeouts > 0);
      if (errors.length > 0 || stats.failures > 0)
        notes.push(
          `platform errors or timeouts during the run: ${JSON.stringify(errors)} failures=${stats.failures}`,
        );
      notes.push(
        `fan-out worker invocations (all phases): ${stats.functions['fanout-worker']?.invocations ?? 0}`,
      );
    } finally {
      await swarm.close();
      await platform.stop();
    }
    const ours = loopback.stream;
    const oursIsolated = loopback.isolated;
    const sequential = loopback.sequential;

    // --- plain ws baseline, same client process code, same frame
    const server = await forkTs(join(benchLibDir, 'ws-broadcast-child.ts'));
    const swarm2 = await startSwarm();
    let plain: RunMeasure;
    let plainIsolated: RunMeasure;
    try {
      const { url } = await server.call<{ url: string }>({ type: 'start' });
      const connected = await swarm2.connect(
        Array.from({ length: clients }, () => ({ url })),
        false,
        50,
      );
      if (connected.connected !== clients) throw new Error(`plain ws: only ${connected.connected} connected`);
      await server.call({ type: 'broadcast', frames: [topicFrame('warm-up', new Date().toISOString())] });
      await swarm2.waitFrames(clients, waitMs);
      await swarm2.receipts();
      const isolatedPublished = new Map<string, number>();
      for (let i = 0; i < isolatedMessages; i++) {
        const id = `plain-isolated-${i}`;
        isolatedPublished.set(id, wallNow());
        await server.call({ type: 'broadcast', frames: [topicFrame(id, new Date().toISOString())] });
        await swarm2.waitFrames(clients * (i + 1), waitMs);
      }
      plainIsolated = measure(isolatedPublished, (await swarm2.receipts()).receipts, clients);
      const published = new Map<string, number>();
      for (let i = 0; i < messages; i++) {
        const id = `plain-${i}`;
        const t0 = wallNow();
        published.set(id, t0);
        await server.call({ type: 'broadcast', frames: [topicFrame(id, new Date().toISOString())] });
      }
      await swarm2.waitFrames(clients * messages, waitMs);
      plain = measure(published, (await swarm2.receipts()).receipts, clients);
      options.log(`fanout: plain ws ${plain.perSecond}/s, p50 ${plain.p50} ms p99 ${plain.p99} ms`);
    } finally {
      await swarm2.close();
      await server.call({ type: 'stop' }).catch(() => undefined);
      server.kill();
    }

    const vsPlain = ratioOf(ours.perSecond, plain.perSecond, 'higher');
    const vsSeq = ratioOf(ours.perSecond, sequential.perSecond, 'higher');
    const rawVsPlain = ratioOf(ceiling.raw.perSecond, plain.perSecond, 'higher');
    const sdkVsRaw = ratioOf(ceiling.sdk.perSecond, ceiling.raw.perSecond, 'higher');
    const oursVsRaw = ratioOf(ours.perSecond, ceiling.raw.perSecond, 'higher');
    const lost = ours.expected - ours.delivered;
    const m = modeled;
    const vsSeqModeled = ratioOf(m.stream.perSecond, m.sequential.perSecond, 'higher');
    const lostModeled = m.stream.expected - m.stream.delivered;
    const modeledLabel = `modeled API Gateway round trip of ${MODELED_POST_MS} ms per management API call`;
    const context = (
      figure: string,
      value: number,
      unit: string,
      baselineName: string,
      baseline: number | null,
    ): Figure => ({
      figure,
      value,
      unit,
      baselineName,
      baseline,
      ratio: null,
      better: 'lower',
      target: '—',
      pass: null,
    });
    const modeledFigures: Figure[] = [
      {
        figure: `${modeledLabel}: delivered msg/s, ${clients} clients × ${m.stream.messages} messages`,
        value: m.stream.perSecond,
        unit: 'msg/s',
        baselineName: `sequential awaited posts, same ${MODELED_POST_MS} ms (${m.sequential.messages} × ${clients})`,
        baseline: m.sequential.perSecond,
        ratio: vsSeqModeled === null ? null : round(vsSeqModeled, 1),
        better: 'higher',
        target: '≥10×',
        pass: vsSeqModeled !== null && vsSeqModeled >= 10 && lostModeled === 0,
      },
      context(
        `${modeledLabel}: one message at a time (${m.isolated.messages}): p50`,
        m.isolated.p50,
        'ms',
        'sequential p50',
        m.sequential.p50,
      ),
      context(
        `${modeledLabel}: one message at a time: p99`,
        m.isolated.p99,
        'ms',
        'sequential p99',
        m.sequential.p99,
      ),
      context(`${modeledLabel}: stream: p50`, m.stream.p50, 'ms', 'sequential p50', m.sequential.p50),
      context(`${modeledLabel}: stream: p99`, m.stream.p99, 'ms', 'sequential p99', m.sequential.p99),
      context(
        `${modeledLabel}: sequential, wall time per message (${clients} awaited posts)`,
        m.sequentialMsPerMessage,
        'ms',
        'per post',
        m.sequentialMsPerPost,
      ),
      context(
        'loopback stream: @connections POSTs in flight at the edge, max',
        loopback.streamInflight.postsServed.max,
        'posts',
        'sequential',
        loopback.sequentialInflight.postsServed.max,
      ),
      context(
        `${modeledLabel}: stream: POSTs in flight at the edge, max`,
        m.streamInflight.postsServed.max,
        'posts',
        'sequential',
        m.sequentialInflight.postsServed.max,
      ),
      context(
        `${modeledLabel}: stream: POSTs in flight at the edge, time-weighted mean while busy`,
        m.streamInflight.postsServed.meanWhileBusy,
        'posts',
        'sequential',
        m.sequentialInflight.postsServed.meanWhileBusy,
      ),
      context(
        `fan-out worker invocations running at once, max (loopback / modeled stream)`,
        loopback.streamInflight.fanoutInvocations.max,
        'invocations',
        'modeled',
        m.streamInflight.fanoutInvocations.max,
      ),
    ];
    const figures: Figure[] = [
      {
        figure: `loopback: delivered msg/s, ${clients} clients × ${messages} messages`,
        value: ours.perSecond,
        unit: 'msg/s',
        baselineName: 'plain ws broadcast',
        baseline: plain.perSecond,
        ratio: vsPlain === null ? null : round(vsPlain, 2),
        better: 'higher',
        target: '≥0.5× (50% of plain ws)',
        pass: vsPlain !== null && vsPlain >= 0.5 && lost === 0,
      },
      {
        figure: `loopback: delivered msg/s vs sequential awaited posts (${sequentialMessages} × ${clients})`,
        value: ours.perSecond,
        unit: 'msg/s',
        baselineName: 'sequential posts',
        baseline: sequential.perSecond,
        ratio: vsSeq === null ? null : round(vsSeq, 1),
        better: 'higher',
        target: '≥10×',
        pass: vsSeq !== null && vsSeq >= 10 && lost === 0,
      },
      {
        figure: `loopback ceiling of one call per delivery: plain HTTP POST per delivery (no SDK, no signing), ${DIRECT_CONCURRENCY} in flight, ${ceiling.raw.messages} × ${clients}`,
        value: ceiling.raw.perSecond,
        unit: 'msg/s',
        baselineName: 'plain ws broadcast',
        baseline: plain.perSecond,
        ratio: rawVsPlain === null ? null : round(rawVsPlain, 2),
        better: 'higher',
        target: '— (context: the ≥0.5× target is out of reach of any such design)',
        pass: null,
      },
      {
        figure: `loopback: same direct posts through the product's adapter and SDK client, ${DIRECT_CONCURRENCY} in flight, ${ceiling.sdk.messages} × ${clients}`,
        value: ceiling.sdk.perSecond,
        unit: 'msg/s',
        baselineName: 'plain HTTP POST per delivery',
        baseline: ceiling.raw.perSecond,
        ratio: sdkVsRaw === null ? null : round(sdkVsRaw, 2),
        better: 'higher',
        target: '—',
        pass: null,
      },
      {
        figure:
          'loopback: platform stream (SNS → router → SQS → fan-out worker → SDK posts) vs the plain-HTTP ceiling',
        value: ours.perSecond,
        unit: 'msg/s',
        baselineName: 'plain HTTP POST per delivery',
        baseline: ceiling.raw.perSecond,
        ratio: oursVsRaw === null ? null : round(oursVsRaw, 2),
        better: 'higher',
        target: '—',
        pass: null,
      },
      context(
        'direct posts: CPU of the posting process per delivery, SDK adapter',
        ceiling.sdkPosterCpuUs,
        'µs',
        'plain HTTP POST',
        ceiling.rawPosterCpuUs,
      ),
      context(
        'direct posts: CPU of the platform process (edge, gateway) per delivery, SDK adapter',
        ceiling.sdkPlatformCpuUs,
        'µs',
        'plain HTTP POST',
        ceiling.rawPlatformCpuUs,
      ),
      context(
        'loopback stream: CPU of the platform process per delivery (SNS, Lambda runtime, SQS, SDK posts, edge, gateway)',
        loopback.streamPlatformCpuUs,
        'µs',
        'plain HTTP POST per delivery, poster + platform',
        ceiling.rawPosterCpuUs + ceiling.rawPlatformCpuUs,
      ),
      {
        figure: `loopback: one message at a time (${isolatedMessages}): publish-to-receive p50`,
        value: oursIsolated.p50,
        unit: 'ms',
        baselineName: 'plain ws',
        baseline: plainIsolated.p50,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
      {
        figure: `loopback: one message at a time: publish-to-receive p99 over ${clients} receivers`,
        value: oursIsolated.p99,
        unit: 'ms',
        baselineName: 'plain ws',
        baseline: plainIsolated.p99,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
      {
        figure: 'loopback: stream: publish-to-receive p50',
        value: ours.p50,
        unit: 'ms',
        baselineName: 'plain ws',
        baseline: plain.p50,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
      {
        figure: 'loopback: stream: publish-to-receive p99',
        value: ours.p99,
        unit: 'ms',
        baselineName: 'plain ws',
        baseline: plain.p99,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
      {
        figure: 'loopback: sequential posts: publish-to-receive p50 / p99',
        value: sequential.p50,
        unit: 'ms',
        baselineName: 'p99',
        baseline: sequential.p99,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
      ...modeledFigures,
    ];
    notes.push(
      `Clients run in a separate process; the platform (edge, gateway, Lambda runtime, dynalite) in another; the plain ws server in a third. ${clients} clients connected in ${round(connectSeconds, 1)} s.`,
      'Messages are published back to back (each awaits its SNS Publish); throughput = deliveries / (last receive − first publish). Latencies include queueing behind earlier messages of the stream. Cold starts are excluded by one warm-up message.',
      `Platform: delivered ${ours.delivered}/${ours.expected} (lost ${lost}, duplicates ${ours.duplicates}).`,
      `Modeled variant: after the loopback rows, on the same platform and clients, the edge's fault rule {kind: 'connections-hang', ms: ${MODELED_POST_MS}, method: 'POST', times: 'always'} delays every @connections POST by ${MODELED_POST_MS} ms and then answers normally; it applies alike to the platform's fan-out posts and to the sequential baseline's posts. ${m.isolated.messages} messages one at a time, ${m.stream.messages} back to back, the sequential baseline on ${m.sequential.messages} message(s) (${clients} awaited posts each). Platform: delivered ${m.stream.delivered}/${m.stream.expected} (lost ${lostModeled}, duplicates ${m.stream.duplicates}).`,
      `Ceiling of one call per delivery: after the loopback rows, the same platform and clients receive ${ceiling.raw.messages} rounds (after one uncounted warm-up round) of one message to every client as plain Node http POSTs to the edge's /local/@connections/{id} (keep-alive agent, ${DIRECT_CONCURRENCY} in flight, no SDK, no signing), alternating with ${ceiling.sdk.messages} rounds through the product's ManagementApiGateway adapter and a real SDK client configured as the functions configure it (managementClientOptions). Both post from the benchmark process (like the sequential baseline), so the poster has a core of its own here; the edge, gateway and registry are the platform's. Throughput = deliveries / the sum of each round's first-post-to-last-receive. Not-ok answers: ${ceiling.notOk}. The plain-HTTP ratio to plain ws bounds every design that makes one management API call per delivery on this machine.`,
      "In flight: `postsServed` = @connections POSTs received and not yet answered by the edge; `postsIssued` = requests the functions' SDK client created and not yet saw answered (includes those queued for one of its sockets). Platform defaults unchanged (POST_CONCURRENCY 50, FANOUT_SHARD_THRESHOLD 500, FANOUT_SHARD_SIZE 250, SQS poller maxConcurrency 5, batch size 10).",
    );
    return {
      figures,
      details: {
        clients,
        messages,
        ours,
        plain,
        sequential,
        oursIsolated,
        plainIsolated,
        loopbackInflight: { stream: loopback.streamInflight, sequential: loopback.sequentialInflight },
        loopbackSequentialMsPerPost: loopback.sequentialMsPerPost,
        modeled: { postMs: MODELED_POST_MS, ...modeled },
        ceiling: { concurrency: DIRECT_CONCURRENCY, ...ceiling },
        platformStats,
      },
      notes,
    };
  },
};
