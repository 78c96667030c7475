/**
 * Benchmark 5 — resident memory per 1,000 idle connections: the local platform (gateway, edge, Lambda
 * runtime and dynalite holding the connection rows, one process) vs a plain `ws` server (one process).
 * Both are measured as RSS growth after a full GC, from before the clients connect to after; the clients
 * live in a separate process. Target: ≤ 2× plain ws.
 */
import { join } from 'node:path';
import { benchLibDir, clientUrl, forkTs, startPlatformChild, startSwarm } from './lib/fleet.js';
import { round } from './lib/stats.js';
import { type Benchmark, ratioOf } from './lib/types.js';

export const memoryBenchmark: Benchmark = {
  name: 'memory',
  title: 'Resident memory per 1,000 idle connections: platform vs plain ws',
  async run(options) {
    const clients = options.quick ? 1000 : 2000;
    const MB = 1024 * 1024;

    const platform = await startPlatformChild();
    const swarm = await startSwarm();
    let platformDelta: number;
    let platformBase: number;
    try {
      const users = Array.from({ length: 20 }, (_, i) => ({ userId: `mem-${i}`, realm: 'acme', roles: [] }));
      const tokens = await platform.tokens(users);
      // Warm-up connection: loads every function (cold starts) before the baseline reading.
      await swarm.connect(
        [{ url: clientUrl(platform.urls.gateway, tokens[0] as string, 'announcements') }],
        true,
        1,
      );
      platformBase = await platform.rss();
      const specs = Array.from({ length: clients }, (_, i) => ({
        url: clientUrl(platform.urls.gateway, tokens[i % tokens.length] as string, 'announcements'),
      }));
      const r = await swarm.connect(specs, true, 50);
      if (r.connected !== clients)
        throw new Error(`only ${r.connected}/${clients} connected: ${r.firstError}`);
      await new Promise((res) => setTimeout(res, 2000));
      platformDelta = (await platform.rss()) - platformBase;
      options.log(`memory: platform +${round(platformDelta / MB, 1)} MB for ${clients} connections`);
    } finally {
      await swarm.close();
      await platform.stop();
    }

    const server = await forkTs(join(benchLibDir, 'ws-broadcast-child.ts'));
    const swarm2 = await startSwarm();
    let wsDelta: number;
    let wsBase: number;
    try {
      const { url } = await server.call<{ url: string }>({ type: 'start' });
      await swarm2.connect([{ url }], false, 1);
      wsBase = (await server.call<{ rss: number }>({ type: 'rss' })).rss;
      const r = await swarm2.connect(
        Array.from({ length: clients }, () => ({ url })),
        false,
        50,
      );
      if (r.connected !== clients) throw new Error(`plain ws: only ${r.connected} connected`);
      await new Promise((res) => setTimeout(res, 2000));
      wsDelta = (await server.call<{ rss: number }>({ type: 'rss' })).rss - wsBase;
      options.log(`memory: plain ws +${round(wsDelta / MB, 1)} MB for ${clients} connections`);
    } finally {
      await swarm2.close();
      await server.call({ type: 'stop' }).catch(() => undefined);
      server.kill();
    }
    const ours = (platformDelta / MB) * (1000 / clients);
    const plain = (wsDelta / MB) * (1000 / clients);
    const ratio = ratioOf(ours, plain, 'lower');
    return {
      figures: [
        {
          figure: `RSS growth per 1,000 idle connections (${clients} connected)`,
          value: round(ours, 2),
          unit: 'MB',
          baselineName: 'plain ws server',
          baseline: round(plain, 2),
          ratio: ratio === null ? null : round(ratio, 2),
          better: 'lower',
          target: '≤2× plain ws (ratio ≥0.5)',
          pass: ours <= 2 * plain,
        },
      ],
      details: { clients, platformBaseRss: platformBase, platformDelta, wsBaseRss: wsBase, wsDelta },
      notes: [
        'The ratio column is plain ÷ ours (how many times better ours is); the target ≤2× means ours ÷ plain ≤ 2, i.e. ratio ≥ 0.5.',
        "The platform figure includes what AWS would hold elsewhere: dynalite's in-memory connection rows (3 per connection) and the gateway's per-connection API Gateway context; RSS after a forced GC in each server process.",
      ],
    };
  },
};
