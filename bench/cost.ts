/**
 * Benchmark 6 — cost model. Counts the AWS calls the local platform makes (edge request counters, Lambda
 * runtime invocations and billed duration, DynamoDB capacity units as dynalite reports them) for
 *   a) broadcasts to a topic with 1,000 subscribers, and
 *   b) user messages to users with one open connection (live), and to offline users (stored, then
 *      delivered on their next connect),
 *   c) a connection's life (connect with its welcome, keep-alives, pings, disconnect),
 * and prices them with the cost model (`bench/cost-model.ts`) for every stack at its region's prices: dollars
 * per million delivered messages (baseline: the API Gateway message charge alone) and the all-in dollars per
 * million connection-minutes (baseline: API Gateway's connection-minute fee), beside AWS AppSync Events.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import WebSocket from 'ws';
import { functionTable } from '../generated/index.js';
import { knownStacks } from '../infra/pulumi/stack-files.js';
import { createPublisher } from '../src/publisher/index.js';
import { topicMessage, topics, userMessage } from '../test/support/contract-picks.js';
import { PRICES_BY_REGION } from './aws-prices.js';
import {
  addUsage,
  COST_ASSUMPTIONS,
  type ConnectionMinuteCost,
  clientSessionModel,
  connectionMinuteCost,
  connectionMinuteFloor,
  type LifecycleUsage,
  memoryMb,
  pingShare,
  priceUsage,
  routeInvokesFunction,
  type StackPricing,
  scaleUsage,
  stackPricing,
  total,
  type Usage,
  type Workload,
} from './cost-model.js';
import {
  clientUrl,
  connectAll,
  type PlatformChild,
  type PlatformStats,
  startPlatformChild,
  startSwarm,
} from './lib/fleet.js';
import { round } from './lib/stats.js';
import type { Benchmark, Figure } from './lib/types.js';

/** The broadcast scenario's topic: open to every user, no history (a publish writes no history row). */
const BROADCAST_TOPIC = topics.openDrop;

/** Stacks priced: every `infra/pulumi/Pulumi.<stack>.yaml`; prod's figures are the headline rows. */
const HEADLINE_STACK = 'prod';

/** What the local platform counted, as the cost model's usage. `published`: SNS messages published. */
function usageOf(stats: PlatformStats, delivered: number, published: number, extraMessages = 0): Usage {
  const edge = stats.edge;
  const snsCalls = Object.entries(edge.sns ?? {})
    .filter(([a]) => a.startsWith('Publish'))
    .reduce((s, [, n]) => s + n, 0);
  const sqsTriggered = new Set(
    functionTable.filter((f) => f.trigger.kind === 'sqs').map((f) => f.handler as string),
  );
  const entries = Object.entries(stats.functions);
  return {
    apiGatewayMessages: (edge.connections?.POST ?? 0) + extraMessages,
    functions: Object.fromEntries(
      entries.map(([name, f]) => [name, { invocations: f.invocations, billedMs: f.billedDurationMs }]),
    ),
    readUnits: stats.dynamodb.readUnits,
    writeUnits: stats.dynamodb.writeUnits,
    snsPublishes: Math.max(snsCalls, published),
    sqsRequests: Object.values(edge.sqs ?? {}).reduce((s, n) => s + n, 0),
    sqsBatchesConsumed: entries
      .filter(([n]) => sqsTriggered.has(n))
      .reduce((s, [, f]) => s + f.invocations, 0),
    deliveries: delivered,
  };
}

interface Priced {
  stack: string;
  region: string;
  dollarsPerMillion: Record<string, number> & { total: number };
}

/** Dollars per million deliveries of `usage` in every stack. */
function pricePerMillion(usage: Usage, stacks: StackPricing[]): Priced[] {
  const perMillion = scaleUsage(usage, 1e6 / usage.deliveries);
  return stacks.map((pricing) => {
    const lines = priceUsage(perMillion, pricing);
    return {
      stack: pricing.stack,
      region: pricing.region,
      dollarsPerMillion: {
        ...Object.fromEntries(Object.entries(lines).map(([k, v]) => [k, round(v, 4)])),
        total: round(total(lines), 4),
      },
    };
  });
}

async function waitDelivered(
  swarm: Awaited<ReturnType<typeof startSwarm>>,
  frames: number,
  timeoutMs: number,
): Promise<number> {
  return swarm.waitFrames(frames, timeoutMs);
}

async function scenario(
  platform: PlatformChild,
  name: string,
  run: () => Promise<number>,
): Promise<{ name: string; stats: PlatformStats; delivered: number }> {
  await platform.resetStats();
  const delivered = await run();
  const stats = await platform.stats();
  return { name, stats, delivered };
}

export const costBenchmark: Benchmark = {
  name: 'cost',
  title: 'Cost model: AWS calls per delivered message × public prices',
  async run(options) {
    const subscribers = 1000;
    const broadcasts = options.quick ? 3 : 10;
    const liveUsers = options.quick ? 30 : 100;
    const platform = await startPlatformChild();
    const swarm = await startSwarm();
    const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };
    const stacks = knownStacks().map(stackPricing);
    const results: { name: string; usage: Usage; priced: Priced[]; stats: PlatformStats }[] = [];
    const record = (name: string, stats: PlatformStats, delivered: number, published: number): void => {
      const usage = usageOf(stats, delivered, published);
      results.push({ name, usage, priced: pricePerMillion(usage, stacks), stats });
      const headline = results.at(-1)?.priced.find((p) => p.stack === HEADLINE_STACK);
      options.log(`cost: ${name}: ${JSON.stringify(headline?.dollarsPerMillion)}`);
    };
    let lifecycle: LifecycleUsage | undefined;
    try {
      const sns = new SNSClient({ endpoint: platform.urls.edge, region: 'us-east-1', credentials });
      const publisher = createPublisher({
        snsClient: sns,
        broadcastTopicArn: platform.urls.broadcastTopicArn,
        userTopicArn: platform.urls.userTopicArn,
      });
      // A connection's life first (the smallest, least disturbed by load): connect (welcome), keep-alives, pings, disconnect — for the connection-minute model
      lifecycle = await measureLifecycle(platform, options.quick ? 20 : 50, 3);
      options.log(`cost: lifecycle per session ${JSON.stringify(lifecycle.session.functions)}`);

      // a) broadcast to 1,000 subscribers
      const users = Array.from({ length: 20 }, (_, i) => ({
        userId: `cost-sub-${i}`,
        realm: 'acme',
        roles: [],
      }));
      const tokens = await platform.tokens(users);
      const connected = await connectAll(
        swarm,
        Array.from({ length: subscribers }, (_, i) => ({
          url: clientUrl(platform.urls.gateway, tokens[i % 20] as string, BROADCAST_TOPIC),
        })),
        50,
      );
      if (connected !== subscribers) throw new Error(`only ${connected} subscribers connected`);
      await publisher.publishToTopic(topicMessage(BROADCAST_TOPIC));
      await waitDelivered(swarm, subscribers, 60_000);
      await swarm.receipts();
      const a = await scenario(platform, `broadcast to ${subscribers} subscribers`, async () => {
        for (let i = 0; i < broadcasts; i++) {
          await publisher.publishToTopic(topicMessage(BROADCAST_TOPIC));
        }
        const got = await waitDelivered(swarm, subscribers * broadcasts, 120_000);
        await swarm.receipts();
        return got;
      });
      record(a.name, a.stats, a.delivered, broadcasts);

      // b) user messages to online users (one connection each)
      const liveTokens = await platform.tokens(
        Array.from({ length: liveUsers }, (_, i) => ({ userId: `cost-live-${i}`, realm: 'acme', roles: [] })),
      );
      const live = await connectAll(
        swarm,
        liveTokens.map((t) => ({ url: clientUrl(platform.urls.gateway, t, '') })),
        50,
      );
      if (live !== liveUsers) throw new Error('live users did not all connect');
      const b = await scenario(platform, 'user message, user online (1 connection)', async () => {
        // One at a time, each delivered before the next: Lambda durations are then those of a lone invocation
        // (concurrent invocations in one local process would inflate each other's wall-clock duration).
        for (let i = 0; i < liveUsers; i++) {
          await publisher.publishToUser(userMessage(`cost-live-${i}`));
          await waitDelivered(swarm, i + 1, 30_000);
        }
        const got = await waitDelivered(swarm, liveUsers, 120_000);
        await swarm.receipts();
        return got;
      });
      record(b.name, b.stats, b.delivered, liveUsers);

      // c) user messages to offline users: stored, then delivered when they connect (connect costs included)
      const offline = Array.from({ length: liveUsers }, (_, i) => `cost-offline-${i}`);
      const c = await scenario(
        platform,
        'user message, user offline (stored, delivered on connect)',
        async () => {
          for (const userId of offline) {
            await publisher.publishToUser(userMessage(userId));
          }
          // Wait until every message is stored before the users come back.
          for (const userId of offline) {
            for (let i = 0; i < 200; i++) {
              const { count } = await platform.ipc.call<{ count: number }>({
                type: 'inbox-count',
                realm: 'acme',
                userId,
              });
              if (count >= 1) break;
              await new Promise((res) => setTimeout(res, 50));
            }
          }
          const offTokens = await platform.tokens(
            offline.map((userId) => ({ userId, realm: 'acme', roles: [] })),
          );
          const before = (await swarm.count()).frames;
          await swarm.connect(
            offTokens.map((t) => ({ url: clientUrl(platform.urls.gateway, t, '') })),
            true,
            1,
          );
          const got = (await waitDelivered(swarm, before + offline.length, 120_000)) - before;
          await swarm.receipts();
          return got;
        },
      );
      record(c.name, c.stats, c.delivered, offline.length);

      sns.destroy();
    } finally {
      await swarm.close();
      await platform.stop();
    }
    if (!lifecycle) throw new Error('the connection lifecycle was not measured');
    const broadcastUsage = results[0]?.usage;
    if (!broadcastUsage) throw new Error('the broadcast was not measured');
    const perDelivery = scaleUsage(broadcastUsage, 1 / broadcastUsage.deliveries);
    const minuteCosts = stacks.flatMap((pricing) =>
      WORKLOADS.map((w) => connectionMinuteCost(pricing, lifecycle as LifecycleUsage, perDelivery, w)),
    );
    const floors = stacks.map((pricing) => ({
      stack: pricing.stack,
      region: pricing.region,
      fee: pricing.prices.apiGatewayPerMillionConnectionMinutes,
      ...connectionMinuteFloor(pricing, lifecycle as LifecycleUsage),
    }));
    return {
      figures: [
        ...messageFigures(results, stacks),
        ...connectionMinuteFigures(minuteCosts),
        ...floors.map((f) =>
          feeRatioFigure(
            `floor: $ per million connection-minutes, ${f.stack} (${f.region}), idle (one keepAlive per 10 minutes, 2-hour sessions)`,
            f.total,
            f.fee,
          ),
        ),
      ],
      details: {
        prices: PRICES_BY_REGION,
        assumptions: COST_ASSUMPTIONS,
        clientSessionModel: clientSessionModel(),
        pingInvokesFunction: routeInvokesFunction('ping'),
        keepAliveInvokesFunction: routeInvokesFunction('keepAlive'),
        pingShareByWorkload: Object.fromEntries(WORKLOADS.map((w) => [w.name, pingShare(w)])),
        stacks: stacks.map((s) => ({
          stack: s.stack,
          region: s.region,
          memoryMb: Object.fromEntries(functionTable.map((f) => [f.handler, memoryMb(s, f.handler)])),
          logRetentionDays: s.config.logRetentionDays,
          traceSamplePerMille: s.traceSamplePerMille,
        })),
        scenarios: results.map(({ name, usage, priced, stats }) => ({ name, usage, priced, stats })),
        lifecycle,
        connectionMinutes: minuteCosts,
        connectionMinuteFloors: floors,
      },
      notes: [
        `Prices per region with sources and dates in bench/aws-prices.ts (list prices, first tier, free tiers ignored); each stack is priced at its Pulumi.<stack>.yaml region (${stacks.map((s) => `${s.stack} ${s.region}`).join(', ')}) with its own memory sizes and log retention.`,
        'Message rows: the ratio is ours ÷ the API Gateway message charge alone in the same region (1.0 = nothing beyond the unavoidable per-message charge).',
        `Connection-minute rows: per million connection-minutes, the client SDK's defaults (a keep-alive every ${round(clientSessionModel().keepAliveEveryMinutes, 2)} min on average — the one-way keepAlive, or a two-way ping when nothing was received for ${round(clientSessionModel().linkCheckAfterMinutes, 0)} min (idle clients: ${round(100 * pingShare(WORKLOADS[0] as Workload), 0)} % of them) — and a new session every ${round(clientSessionModel().sessionMinutes, 1)} min by handover before the 2-hour maximum); keepAlive ${routeInvokesFunction('keepAlive') ? 'invokes a function' : 'is taken by an API Gateway mock integration without a route response (one message, no function)'}, ping ${routeInvokesFunction('ping') ? 'invokes a function' : 'is answered by an API Gateway mock integration (two messages, no function)'}. The ratio is ours ÷ API Gateway's connection-minute fee (target ≤ ${FEE_RATIO_TARGET}×). AppSync Events on the same workload: its connection-minute fee plus one operation per connect, per subscribed topic and per delivery (5 KB units).`,
        'Logs and X-Ray are modeled (COST_ASSUMPTIONS in bench/cost-model.ts): Lambda platform lines and one structured line per invocation, trace records per sampled delivery, X-Ray default sampling (5 %); SQS adds one receive and one delete per batch an event source mapping consumes. Lambda durations were measured on this loaded 2-core machine (pessimistic for AWS).',
      ],
    };
  },
};

/** Idle clients (keep-alive only) and clients receiving one broadcast every 10 minutes, two topics each. */
const WORKLOADS: Workload[] = [
  { name: 'idle (keep-alive and reconnects only)', deliveriesPerConnectionMinute: 0, topicsPerConnection: 2 },
  {
    name: 'one broadcast delivery per 10 minutes',
    deliveriesPerConnectionMinute: 0.1,
    topicsPerConnection: 2,
  },
];

function messageFigures(results: { name: string; priced: Priced[] }[], stacks: StackPricing[]): Figure[] {
  return results.flatMap(({ name, priced }) =>
    priced.map((p) => {
      const floor = (stacks.find((s) => s.stack === p.stack) as StackPricing).prices
        .apiGatewayPerMillionMessages;
      return {
        figure: `$ per million delivered messages, ${p.stack} (${p.region}): ${name}`,
        value: p.dollarsPerMillion.total,
        unit: '$',
        baselineName: 'API Gateway message charge alone',
        baseline: floor,
        ratio: round(p.dollarsPerMillion.total / floor, 2),
        better: 'lower',
        target: 'stated (no target)',
        pass: null,
      } satisfies Figure;
    }),
  );
}

/** Issue #17's cost target: at most this many times API Gateway's connection-minute fee. */
const FEE_RATIO_TARGET = 1.5;

/** A $ per million connection-minutes figure judged against the connection-minute fee. */
function feeRatioFigure(figure: string, total: number, fee: number): Figure {
  return {
    figure,
    value: round(total, 4),
    unit: '$',
    baselineName: "API Gateway's connection-minute fee",
    baseline: fee,
    ratio: round(total / fee, 2),
    better: 'lower',
    target: `≤ ${FEE_RATIO_TARGET}×`,
    pass: total <= FEE_RATIO_TARGET * fee,
  };
}

function connectionMinuteFigures(costs: ConnectionMinuteCost[]): Figure[] {
  return costs.flatMap((c) => [
    feeRatioFigure(
      `all-in $ per million connection-minutes, ${c.stack} (${c.region}), ${c.workload}`,
      c.oursTotal,
      c.connectionMinuteFee,
    ),
    {
      figure: `AppSync Events $ per million connection-minutes, ${c.stack} (${c.region}), ${c.workload}`,
      value: round(c.appSyncTotal, 4),
      unit: '$',
      baselineName: 'ours (all-in, same workload)',
      baseline: round(c.oursTotal, 4),
      ratio: round(c.oursTotal / c.appSyncTotal, 2),
      better: 'lower',
      target: 'stated (ratio = ours ÷ AppSync Events)',
      pass: null,
    } satisfies Figure,
  ]);
}

/**
 * Connects `clients` fresh users (two topics each), waits for their welcomes, sends `events` keep-alives each
 * (then one ping as a barrier: frames of one socket are handled in order), sends `events` pings each and waits
 * for every pong, then closes them and waits for every `$disconnect`. Each phase is counted on its own.
 */
export async function measureLifecycle(
  platform: PlatformChild,
  clients: number,
  events: number,
): Promise<LifecycleUsage> {
  const tokens = await platform.tokens(
    Array.from({ length: clients }, (_, i) => ({ userId: `cost-life-${i}`, realm: 'acme', roles: [] })),
  );
  await platform.resetStats();
  const sockets: WebSocket[] = [];
  let pongs = 0;
  let otherFrames = 0;
  await Promise.all(
    tokens.map(
      (token) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(
            clientUrl(platform.urls.gateway, token, `${topics.openHistory},${topics.openDrop}`),
          );
          const timer = setTimeout(() => reject(new Error('no welcome within 60 s')), 60_000);
          ws.on('message', (data: Buffer) => {
            const text = data.toString('utf8');
            if (text.startsWith('{"kind":"welcome"')) {
              clearTimeout(timer);
              resolve();
            } else if (text.startsWith('{"kind":"pong"')) pongs++;
            else otherFrames++;
          });
          ws.once('error', reject);
          sockets.push(ws);
        }),
    ),
  );
  const connected = await platform.stats();
  await platform.resetStats();
  // keepAlive: one message in, nothing back. The barrier ping's pong proves every keepAlive was handled.
  for (let i = 0; i < events; i++) for (const ws of sockets) ws.send(JSON.stringify({ action: 'keepAlive' }));
  for (const ws of sockets) ws.send(JSON.stringify({ action: 'ping' }));
  await waitUntil(() => pongs >= clients, 60_000, `${clients} barrier pongs`);
  if (otherFrames > 0) throw new Error(`keepAlive was answered (${otherFrames} frames)`);
  const keptAlive = await platform.stats();
  await platform.resetStats();
  for (let i = 0; i < events; i++) for (const ws of sockets) ws.send(JSON.stringify({ action: 'ping' }));
  await waitUntil(() => pongs >= clients * (events + 1), 60_000, `${clients * events} pongs`);
  const pinged = await platform.stats();
  await platform.resetStats();
  for (const ws of sockets) ws.close(1000);
  await waitUntil(
    async () => ((await platform.stats()).functions.disconnect?.invocations ?? 0) >= clients,
    60_000,
    `${clients} $disconnect invocations`,
  );
  const closed = await platform.stats();
  const session = addUsage(usageOf(connected, 0, 0), usageOf(closed, 0, 0));
  const perEvent = 1 / (clients * events);
  // A keepAlive is one message received; a ping a message received and its pong a message sent.
  const keepAlive = usageOf(keptAlive, 0, 0, clients * events);
  const ping = usageOf(pinged, 0, 0, 2 * clients * events);
  return {
    session: scaleUsage(session, 1 / clients),
    keepAlive: scaleUsage(keepAlive, perEvent),
    ping: scaleUsage(ping, perEvent),
  };
}

async function waitUntil(
  done: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
