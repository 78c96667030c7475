/**
 * Benchmark 2 — fan-out through the local platform.
 * 2,000 clients (a separate process) subscribed to one topic; a stream of messages published to SNS with the
 * publisher SDK; delivered messages per second and publish-to-receive p50/p99. Baselines on the same machine
 * and the same client process:
 *   - a plain `ws` server broadcasting the same frames to the same number of clients (this machine's limit);
 *   - posting sequentially through the platform's @connections API, one awaited call per connection.
 * Targets: ≥ 50% of plain ws, ≥ 10× sequential.
 */

import { join } from 'node:path';
import {
  ApiGatewayManagementApiClient,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { SNSClient } from '@aws-sdk/client-sns';
import { createPublisher } from '../src/publisher/index.js';
import { benchLibDir, clientUrl, forkTs, startPlatformChild, startSwarm, wallNow } from './lib/fleet.js';
import { percentile, round } from './lib/stats.js';
import { type Benchmark, type Figure, ratioOf } from './lib/types.js';

const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
const REALM = 'acme';

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

function topicFrame(id: string, publishedAt: string): string {
  return JSON.stringify({
    kind: 'topic',
    id,
    topic: 'announcements',
    publishedAt,
    correlationId: `c-${id}`,
    payload: { title: 'Maintenance', body: 'Tonight 22:00 UTC', severity: 'warning' },
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
    const notes: string[] = [];
    const waitMs = Math.max(30_000, options.budgetMs / 4);

    // --- ours, and the sequential baseline on the same platform and clients
    const platform = await startPlatformChild();
    const swarm = await startSwarm();
    let ours: RunMeasure;
    let oursIsolated: RunMeasure;
    let sequential: RunMeasure;
    let connectSeconds: number;
    try {
      const users = Array.from({ length: 20 }, (_, i) => ({ userId: `fan-${i}`, realm: REALM, roles: [] }));
      const tokens = await platform.tokens(users);
      const specs = Array.from({ length: clients }, (_, i) => ({
        url: clientUrl(platform.urls.gateway, tokens[i % tokens.length] as string, 'announcements'),
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
      const publish = async (): Promise<[string, number]> => {
        const t0 = wallNow();
        const r = await publisher.publishToTopic({
          realm: REALM,
          topic: 'announcements',
          payload: { title: 'Maintenance', body: 'Tonight 22:00 UTC', severity: 'warning' },
        });
        return [r.messageId, t0];
      };
      // Warm-up: cold starts of the router and the fan-out worker are not what this measures.
      await publish();
      await swarm.waitFrames(clients, waitMs);
      await swarm.receipts();

      // One message at a time (each fully delivered before the next): latency without queueing.
      const isolatedPublished = new Map<string, number>();
      for (let i = 0; i < isolatedMessages; i++) {
        const [id, t0] = await publish();
        isolatedPublished.set(id, t0);
        await swarm.waitFrames(clients * (i + 1), waitMs);
      }
      oursIsolated = measure(isolatedPublished, (await swarm.receipts()).receipts, clients);
      options.log(`fanout: platform one at a time: p50 ${oursIsolated.p50} ms p99 ${oursIsolated.p99} ms`);

      const published = new Map<string, number>();
      for (let i = 0; i < messages; i++) {
        const [id, t0] = await publish();
        published.set(id, t0);
      }
      const got = await swarm.waitFrames(clients * messages, waitMs);
      ours = measure(published, (await swarm.receipts()).receipts, clients);
      options.log(
        `fanout: platform ${got}/${clients * messages} delivered, ${ours.perSecond}/s, p50 ${ours.p50} ms p99 ${ours.p99} ms`,
      );
      sns.destroy();

      // Sequential: one awaited PostToConnection per connection, through the same @connections API.
      const management = new ApiGatewayManagementApiClient({
        endpoint: platform.urls.management,
        region: 'us-east-1',
        credentials,
      });
      const seqPublished = new Map<string, number>();
      for (let m = 0; m < sequentialMessages; m++) {
        const id = `seq-${m}-${Date.now()}`;
        const t0 = wallNow();
        const data = Buffer.from(topicFrame(id, new Date().toISOString()));
        seqPublished.set(id, t0);
        for (const connectionId of connected.connectionIds) {
          await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: data }));
        }
      }
      await swarm.waitFrames(clients * sequentialMessages, waitMs);
      sequential = measure(seqPublished, (await swarm.receipts()).receipts, clients);
      options.log(`fanout: sequential ${sequential.perSecond}/s, p50 ${sequential.p50} ms`);
      management.destroy();
      const stats = await platform.stats();
      const errors = Object.entries(stats.functions).filter(([, s]) => s.errors > 0);
      if (errors.length > 0 || stats.failures > 0)
        notes.push(`platform errors during the run: ${JSON.stringify(errors)} failures=${stats.failures}`);
    } finally {
      await swarm.close();
      await platform.stop();
    }

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
    const lost = ours.expected - ours.delivered;
    const figures: Figure[] = [
      {
        figure: `delivered msg/s, ${clients} clients × ${messages} messages`,
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
        figure: `delivered msg/s vs sequential awaited posts (${sequentialMessages} × ${clients})`,
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
        figure: `one message at a time (${isolatedMessages}): publish-to-receive p50`,
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
        figure: `one message at a time: publish-to-receive p99 over ${clients} receivers`,
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
        figure: 'stream: publish-to-receive p50',
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
        figure: 'stream: publish-to-receive p99',
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
        figure: 'sequential posts: publish-to-receive p50 / p99',
        value: sequential.p50,
        unit: 'ms',
        baselineName: 'p99',
        baseline: sequential.p99,
        ratio: null,
        better: 'lower',
        target: '—',
        pass: null,
      },
    ];
    notes.push(
      `Clients run in a separate process; the platform (edge, gateway, Lambda runtime, dynalite) in another; the plain ws server in a third. ${clients} clients connected in ${round(connectSeconds, 1)} s.`,
      'Messages are published back to back (each awaits its SNS Publish); throughput = deliveries / (last receive − first publish). Latencies include queueing behind earlier messages of the stream. Cold starts are excluded by one warm-up message.',
      `Platform: delivered ${ours.delivered}/${ours.expected} (lost ${lost}, duplicates ${ours.duplicates}).`,
    );
    return {
      figures,
      details: { clients, messages, ours, plain, sequential, oursIsolated, plainIsolated },
      notes,
    };
  },
};
