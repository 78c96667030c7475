/**
 * The simulated workloads: a broadcast to N subscribers of an open topic with history (one publish through SNS, the router,
 * the fan-out queue and workers), and a reconnect storm (N clients opening sockets within 60 s, each getting a
 * delivery job: welcome, then the topic's history).
 */
import { defaultBackoff, fullJitterDelay } from '../../src/client/backoff.js';
import type { BroadcastEnvelope } from '../../src/core/model.js';
import { newEpoch } from '../../src/core/stream-positions.js';
import { payloadWithTextOf, topics } from '../../test/support/contract-picks.js';
import { priceTable } from '../aws-prices.js';
import { AWS_MODEL } from './aws-model.js';
import type { LambdaFunction } from './lambda.js';
import { TokenBucket } from './virtual-time.js';
import { prodStack, SIM_EPOCH, SimWorld } from './world.js';

const REALM = 'acme';
/** The broadcast topic: open to every user, with a history (picked from the contract by trait). */
export const TOPIC = topics.openHistory;
/** The topic's example with a long free-text field `bytes` characters long (the simulation models size only). */
const payloadOf = (bytes: number, char: string): Record<string, unknown> => {
  const { payload, field } = payloadWithTextOf(TOPIC, 1000, char);
  return { ...payload, [field]: char.repeat(bytes) };
};
/** Virtual time after which a scenario is cut off (and whatever is undelivered counted lost). */
const HORIZON_MS = 30 * 60_000;

/** Connection ids shaped like API Gateway's (16 characters ending in `=`), index recoverable. */
export const connectionIdOf = (index: number): string => `c${index.toString(36).padStart(14, '0')}=`;
const indexOf = (connectionId: string): number => Number.parseInt(connectionId.slice(1, 15), 36);

export interface CostBreakdown {
  apiGatewayMessages: number;
  lambdaRequests: number;
  lambdaGbSeconds: number;
  sqsRequests: number;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  snsRequests: number;
  dollars: number;
}

function costOf(world: SimWorld, messageUnitsPerPost: number): CostBreakdown {
  const fns: LambdaFunction[] = world.functions();
  const lambdaRequests = fns.reduce((s, f) => s + f.stats.invocations, 0);
  const lambdaGbSeconds = fns.reduce((s, f) => s + f.stats.gbSeconds, 0);
  // SQS bills each 64 KB chunk of a request's payload as one request.
  const sqsRequests = [world.fanoutQueue, world.deliveryQueue].reduce(
    (s, q) =>
      s +
      Math.max(q.stats.sendRequests, Math.ceil(q.stats.sentBytes / 65_536)) +
      q.stats.receiveRequests +
      q.stats.deleteRequests +
      q.stats.visibilityRequests,
    0,
  );
  const apiGatewayMessages = world.api.stats.delivered * messageUnitsPerPost;
  const t = world.table.stats;
  // us-east-1, as the simulation's published figures; the cost benchmark prices each stack at its own region.
  const PRICES = priceTable('us-east-1');
  const dollars =
    (apiGatewayMessages * PRICES.apiGatewayPerMillionMessages +
      lambdaRequests * PRICES.lambdaPerMillionRequests +
      sqsRequests * PRICES.sqsPerMillionRequests +
      t.readUnits * PRICES.dynamoPerMillionReadUnits +
      t.writeUnits * PRICES.dynamoPerMillionWriteUnits +
      world.snsPublishes * PRICES.snsPerMillionPublishes) /
      1e6 +
    lambdaGbSeconds * PRICES.lambdaPerGbSecondArm;
  return {
    apiGatewayMessages,
    lambdaRequests,
    lambdaGbSeconds,
    sqsRequests,
    dynamoReadUnits: t.readUnits,
    dynamoWriteUnits: t.writeUnits,
    snsRequests: world.snsPublishes,
    dollars,
  };
}

function functionStats(world: SimWorld): Record<string, unknown> {
  return Object.fromEntries(world.functions().map((f) => [f.spec.name, { ...f.stats }]));
}

export interface BroadcastFigures {
  subscribers: number;
  frameBytes: number;
  warm: boolean;
  /** From the publish to the last subscriber's first copy. */
  lastDeliveryMs: number;
  /** subscribers ÷ posting budget: no design can finish sooner. */
  floorMs: number;
  delivered: number;
  lost: number;
  duplicates: number;
  posts: number;
  throttled: number;
  rejectedPerDelivery: number;
  retryJobs: number;
  continuationJobs: number;
  routerShardJobs: number;
  duplicateShardJobs: number;
  routerAttempts: number;
  dlq: number;
  maxConcurrentWorkers: number;
  gbSeconds: number;
  dollarsPerMillionDeliveries: number;
  cost: CostBreakdown;
  functions: Record<string, unknown>;
  wallMs: number;
}

export async function broadcastScenario(options: {
  subscribers: number;
  payloadBytes: number;
  warm: boolean;
  /** Fault: cut the router's first attempt off after this long (SNS retries it). */
  routerFirstAttemptCutOffMs?: number;
}): Promise<BroadcastFigures> {
  const started = performance.now();
  const stack = prodStack();
  const world = new SimWorld({
    stack,
    seed: 17,
    warm: options.warm ? 1000 : 0,
    ...(options.routerFirstAttemptCutOffMs === undefined
      ? {}
      : { routerFirstAttemptCutOffMs: options.routerFirstAttemptCutOffMs }),
  });
  const n = options.subscribers;
  world.openAll = true;
  const expiresAt = Math.floor(SIM_EPOCH / 1000) + 7200;
  for (let i = 0; i < n; i++) {
    world.data.subscribe(REALM, TOPIC, connectionIdOf(i), {
      userId: `u${i}`,
      connectedAt: SIM_EPOCH,
      expiresAt,
    });
  }
  const envelope: BroadcastEnvelope = {
    messageId: 'm-sim-1',
    correlationId: 'c-sim-1',
    realm: REALM,
    topic: TOPIC,
    publishedAt: new Date(SIM_EPOCH).toISOString(),
    payload: payloadOf(options.payloadBytes, 'x'),
  };
  const counts = new Uint16Array(n);
  let lastFirstDelivery = 0;
  world.api.onDelivered = (connectionId) => {
    const i = indexOf(connectionId);
    if (counts[i] === 0) lastFirstDelivery = world.vt.elapsed();
    counts[i] = (counts[i] ?? 0) + 1;
  };
  world.publishBroadcast(envelope);
  await world.vt.run(HORIZON_MS);

  let lost = 0;
  let duplicates = 0;
  for (let i = 0; i < n; i++) {
    const c = counts[i] ?? 0;
    if (c === 0) lost++;
    else duplicates += c - 1;
  }
  const delivered = n - lost;
  const jobs = world.fanoutQueue.sentBodies.map(({ body, delaySeconds }) => {
    const job = JSON.parse(body) as { shard: number; partition?: number; attempt?: number };
    return { shard: `${job.partition ?? 0}:${job.shard}`, attempt: job.attempt, delaySeconds };
  });
  const routerJobs = jobs.filter((j) => j.attempt === undefined);
  const frameBytes = JSON.stringify({ kind: 'topic', ...envelope }).length;
  const cost = costOf(world, Math.max(1, Math.ceil(frameBytes / 32_768)));
  const budget = AWS_MODEL.connectionsApi.accountRatePerSecond;
  return {
    subscribers: n,
    frameBytes,
    warm: options.warm,
    lastDeliveryMs: lastFirstDelivery,
    floorMs: (n / budget) * 1000,
    delivered,
    lost,
    duplicates,
    posts: world.api.stats.calls,
    throttled: world.api.stats.throttled,
    rejectedPerDelivery: delivered === 0 ? 0 : world.api.stats.throttled / delivered,
    retryJobs: jobs.filter((j) => j.delaySeconds > 0).length,
    continuationJobs: jobs.filter((j) => j.attempt !== undefined && j.delaySeconds === 0).length,
    routerShardJobs: routerJobs.length,
    duplicateShardJobs: routerJobs.length - new Set(routerJobs.map((j) => j.shard)).size,
    routerAttempts: world.routerAttempts,
    dlq: world.fanoutQueue.stats.dlq + world.deliveryQueue.stats.dlq,
    maxConcurrentWorkers: world.fanoutWorker.stats.maxConcurrent,
    gbSeconds: cost.lambdaGbSeconds,
    dollarsPerMillionDeliveries: delivered === 0 ? 0 : (cost.dollars / delivered) * 1e6,
    cost,
    functions: functionStats(world),
    wallMs: Math.round(performance.now() - started),
  };
}

export interface StormFigures {
  clients: number;
  newConnectionsPerSecond: number;
  /** From the storm's first attempt to the last client's welcome. */
  lastWelcomeMs: number;
  welcomeLatencyP50Ms: number;
  welcomeLatencyP99Ms: number;
  /** From the accepted upgrade request (the attempt that got in) to the welcome frame. */
  upgradeToWelcomeMs: { p50: number; p99: number; max: number };
  neverWelcomed: number;
  upgradeRejections: number;
  connectFailures: number;
  /** Posts per client: the welcome (carrying the answer to `since`: the SDK's `recovery=welcome`) and the missed messages replayed. */
  postsPerReconnect: number;
  /** Messages each client missed while away, on average (its `since` is the head minus these). */
  missedPerReconnect: number;
  throttled: number;
  rejectedPerDelivery: number;
  dlq: number;
  dynamoThrottledRequests: number;
  /** History list Queries of the storm's delivery jobs (one per worker invocation with the cache). */
  historyReads: number;
  gbSeconds: number;
  dollarsPerMillionDeliveries: number;
  cost: CostBreakdown;
  functions: Record<string, unknown>;
  wallMs: number;
}

/**
 * How many of the 20 history messages client `i` missed while it was away: 0, 1, 2 or 3 in turn (a blip or a
 * deploy: most clients saw nearly everything). Each sends `since` = the head minus this.
 */
const missedBy = (i: number): number => i % 4;

/** Assumed: the authorizer verifying a JWT against cached JWKS, 3 ms of CPU. */
const AUTHORIZER_MS = 3;

export async function reconnectStorm(options: {
  clients: number;
  newConnectionsPerSecond: number;
  windowMs: number;
}): Promise<StormFigures> {
  const started = performance.now();
  const stack = prodStack();
  const world = new SimWorld({ stack, seed: 29, warm: 0 });
  const { clients } = options;
  const historySize = 20;
  const expiresAt = Math.floor(SIM_EPOCH / 1000) + 86_400;
  const epoch = newEpoch();
  let head = 0;
  for (let k = 0; k < historySize; k++) {
    const publishedAt = new Date(SIM_EPOCH - (historySize - k) * 60_000).toISOString();
    const position = await world.history.nextPosition(REALM, TOPIC, {
      nowSeconds: Math.floor(SIM_EPOCH / 1000),
      expiresAt,
      newEpoch: epoch,
    });
    head = position.offset;
    await world.history.put(REALM, TOPIC, {
      publishedAt,
      messageId: `h-${k}`,
      expiresAt,
      position,
      envelope: {
        messageId: `h-${k}`,
        correlationId: `hc-${k}`,
        realm: REALM,
        topic: TOPIC,
        publishedAt,
        payload: payloadOf(300, 'y'),
      },
    });
  }
  const quota = new TokenBucket(world.vt, options.newConnectionsPerSecond, options.newConnectionsPerSecond);
  const firstAttempt = new Float64Array(clients);
  const welcomedAt = new Float64Array(clients).fill(-1);
  /** When the client's last upgrade request passed the quota (the one that was welcomed). */
  const upgradeAt = new Float64Array(clients);
  let upgradeRejections = 0;
  let connectFailures = 0;
  world.api.onDelivered = (connectionId, key) => {
    const i = indexOf(connectionId);
    if (key === 'welcome' && (welcomedAt[i] ?? 0) < 0) welcomedAt[i] = world.vt.elapsed();
  };
  const attempt = (i: number, n: number): void => {
    const retry = (): void =>
      world.vt.after(fullJitterDelay(n, defaultBackoff, world.random), () => attempt(i, n + 1));
    if (!quota.tryTake()) {
      upgradeRejections++;
      retry();
      return;
    }
    const connectionId = connectionIdOf(i);
    upgradeAt[i] = world.vt.elapsed();
    void world.authorizer
      .invoke((inv) => inv.cpu(AUTHORIZER_MS))
      .then(() =>
        world.connect.invoke((inv) =>
          world.connectionService(inv).register({
            connectionId,
            identity: { userId: `u${i}`, realm: REALM, roles: [] },
            requestedTopics: [TOPIC, topics.openDrop],
            connectedAt: world.vt.now(),
            correlationId: `conn-${i}`,
            // The client's last position (the SDK sends it on reconnect): it missed missedBy(i) messages.
            since: {
              entries: [{ topic: TOPIC, position: { offset: head - missedBy(i), epoch } }],
              rejected: [],
            },
            // As the SDK connects (contract 1.14): the answer to `since` in the welcome, no recovery frame.
            recovery: 'welcome',
          }),
        ),
      )
      .then((outcome) => {
        if (outcome.ok) world.open.add(connectionId);
        else {
          connectFailures++;
          retry();
        }
      });
  };
  for (let i = 0; i < clients; i++) {
    const at = (i / clients) * options.windowMs;
    firstAttempt[i] = at;
    world.vt.after(at, () => attempt(i, 0));
  }
  await world.vt.run(HORIZON_MS);

  const latencies: number[] = [];
  const fromUpgrade: number[] = [];
  let lastWelcome = 0;
  let neverWelcomed = 0;
  for (let i = 0; i < clients; i++) {
    const w = welcomedAt[i] ?? -1;
    if (w < 0) neverWelcomed++;
    else {
      latencies.push(w - (firstAttempt[i] ?? 0));
      fromUpgrade.push(w - (upgradeAt[i] ?? 0));
      lastWelcome = Math.max(lastWelcome, w);
    }
  }
  latencies.sort((a, b) => a - b);
  fromUpgrade.sort((a, b) => a - b);
  const pctOf =
    (sorted: readonly number[]) =>
    (p: number): number =>
      sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  const pct = pctOf(latencies);
  const upgradePct = pctOf(fromUpgrade);
  const delivered = world.api.stats.delivered;
  const cost = costOf(world, 1);
  let missed = 0;
  for (let i = 0; i < clients; i++) missed += missedBy(i);
  return {
    clients,
    newConnectionsPerSecond: options.newConnectionsPerSecond,
    missedPerReconnect: missed / clients,
    lastWelcomeMs: lastWelcome,
    welcomeLatencyP50Ms: pct(0.5),
    welcomeLatencyP99Ms: pct(0.99),
    upgradeToWelcomeMs: { p50: upgradePct(0.5), p99: upgradePct(0.99), max: fromUpgrade.at(-1) ?? 0 },
    neverWelcomed,
    upgradeRejections,
    connectFailures,
    postsPerReconnect: delivered / clients,
    throttled: world.api.stats.throttled,
    rejectedPerDelivery: delivered === 0 ? 0 : world.api.stats.throttled / delivered,
    dlq: world.fanoutQueue.stats.dlq + world.deliveryQueue.stats.dlq,
    dynamoThrottledRequests: world.table.stats.throttledRequests,
    historyReads: world.table.stats.historyLists,
    gbSeconds: cost.lambdaGbSeconds,
    dollarsPerMillionDeliveries: delivered === 0 ? 0 : (cost.dollars / delivered) * 1e6,
    cost,
    functions: functionStats(world),
    wallMs: Math.round(performance.now() - started),
  };
}
