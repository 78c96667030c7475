/**
 * Benchmark 6 — cost model. Counts the AWS calls the local platform makes (edge request counters, Lambda
 * runtime invocations and billed duration, DynamoDB capacity units as dynalite reports them) for
 *   a) broadcasts to a topic with 1,000 subscribers, and
 *   b) user messages to users with one open connection (live), and to offline users (stored, then
 *      delivered on their next connect),
 * and multiplies them by public AWS list prices to get dollars per million delivered messages.
 * The baseline is the API Gateway message charge alone (the floor any design pays per delivered message).
 */
import { SNSClient } from '@aws-sdk/client-sns';
import { createPublisher } from '../src/publisher/index.js';
import {
  clientUrl,
  type PlatformChild,
  type PlatformStats,
  startPlatformChild,
  startSwarm,
} from './lib/fleet.js';
import { round } from './lib/stats.js';
import type { Benchmark, Figure } from './lib/types.js';

/**
 * us-east-1 list prices (USD), first tier. Set on 2025-06-01 from the AWS pricing pages; re-checked on
 * 2026-11-28 against stored copies of public pricing write-ups (this machine cannot reach aws.amazon.com
 * itself): API Gateway WebSocket $1.00 per million messages and $0.25 per million connection minutes
 * (awsforengineers.com, May 2025), Lambda arm64 $0.20 per million requests and $0.0000133334 per GB-second
 * (cloudchipr.com), DynamoDB on-demand $0.625 / $0.125 per million write / read request units after the
 * November 2024 cut (airbyte.com, July 2025), SNS standard $0.50 per million publishes (factualminds.com,
 * June 2026), SQS standard $0.40 per million requests (cloudburn.io, March 2026). SNS deliveries to Lambda
 * are not charged.
 */
export const PRICES = {
  date: '2025-06-01, re-checked 2026-11-28 against public pricing write-ups dated 2025-05 to 2026-06 (AWS public list prices, us-east-1, first tier; the AWS pages themselves are not reachable from this machine)',
  apiGatewayPerMillionMessages: 1.0,
  apiGatewayPerMillionConnectionMinutes: 0.25,
  lambdaPerMillionRequests: 0.2,
  lambdaPerGbSecondArm: 0.0000133334,
  dynamoPerMillionWriteUnits: 0.625,
  dynamoPerMillionReadUnits: 0.125,
  snsPerMillionPublishes: 0.5,
  sqsPerMillionRequests: 0.4,
};

/** Memory per function (MB) from infra/pulumi/Pulumi.prod.yaml (authorizer/websocket 512, router/worker 1769). */
const MEMORY_MB: Record<string, number> = {
  authorizer: 512,
  connect: 512,
  disconnect: 512,
  ping: 512,
  'extend-ttl': 512,
  default: 512,
  'broadcast-router': 1769,
  'user-router': 1769,
  'delivery-worker': 1769,
  'fanout-worker': 1769,
};

interface Breakdown {
  delivered: number;
  apiGatewayMessages: number;
  lambdaInvocations: number;
  lambdaGbSeconds: number;
  dynamoReadUnits: number;
  dynamoWriteUnits: number;
  snsPublishes: number;
  sqsRequests: number;
  dollarsPerMillion: Record<string, number> & { total: number };
}

/** `published`: messages published (SNS bills every message of a PublishBatch as one request). */
function costOf(stats: PlatformStats, delivered: number, published: number): Breakdown {
  const fn = Object.entries(stats.functions);
  const invocations = fn.reduce((s, [, f]) => s + f.invocations, 0);
  const gbSeconds = fn.reduce(
    (s, [name, f]) => s + (f.billedDurationMs / 1000) * ((MEMORY_MB[name] ?? 512) / 1024),
    0,
  );
  const edge = stats.edge;
  const apiMessages = edge.connections?.POST ?? 0;
  const snsCalls = Object.entries(edge.sns ?? {})
    .filter(([a]) => a.startsWith('Publish'))
    .reduce((s, [, n]) => s + n, 0);
  const sns = Math.max(snsCalls, published);
  const sqs = Object.values(edge.sqs ?? {}).reduce((s, n) => s + n, 0);
  const per = (count: number, pricePerMillion: number): number => (count / delivered) * pricePerMillion;
  const dollars = {
    apiGateway: per(apiMessages, PRICES.apiGatewayPerMillionMessages),
    lambdaRequests: per(invocations, PRICES.lambdaPerMillionRequests),
    lambdaDuration: (gbSeconds / delivered) * 1e6 * PRICES.lambdaPerGbSecondArm,
    dynamodb:
      per(stats.dynamodb.readUnits, PRICES.dynamoPerMillionReadUnits) +
      per(stats.dynamodb.writeUnits, PRICES.dynamoPerMillionWriteUnits),
    sns: per(sns, PRICES.snsPerMillionPublishes),
    sqs: per(sqs, PRICES.sqsPerMillionRequests),
  };
  const total = Object.values(dollars).reduce((a, b) => a + b, 0);
  return {
    delivered,
    apiGatewayMessages: apiMessages,
    lambdaInvocations: invocations,
    lambdaGbSeconds: round(gbSeconds, 3),
    dynamoReadUnits: stats.dynamodb.readUnits,
    dynamoWriteUnits: stats.dynamodb.writeUnits,
    snsPublishes: sns,
    sqsRequests: sqs,
    dollarsPerMillion: {
      ...Object.fromEntries(Object.entries(dollars).map(([k, v]) => [k, round(v, 4)])),
      total: round(total, 4),
    },
  };
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
    const results: { name: string; breakdown: Breakdown; stats: PlatformStats }[] = [];
    try {
      const sns = new SNSClient({ endpoint: platform.urls.edge, region: 'us-east-1', credentials });
      const publisher = createPublisher({
        snsClient: sns,
        broadcastTopicArn: platform.urls.broadcastTopicArn,
        userTopicArn: platform.urls.userTopicArn,
      });
      // a) broadcast to 1,000 subscribers
      const users = Array.from({ length: 20 }, (_, i) => ({
        userId: `cost-sub-${i}`,
        realm: 'acme',
        roles: [],
      }));
      const tokens = await platform.tokens(users);
      const r = await swarm.connect(
        Array.from({ length: subscribers }, (_, i) => ({
          url: clientUrl(platform.urls.gateway, tokens[i % 20] as string, 'job-status'),
        })),
        true,
        50,
      );
      if (r.connected !== subscribers) throw new Error(`only ${r.connected} subscribers connected`);
      await publisher.publishToTopic({
        realm: 'acme',
        topic: 'job-status',
        payload: { jobId: 'warm', status: 'queued', progress: 0, updatedAt: new Date().toISOString() },
      });
      await waitDelivered(swarm, subscribers, 60_000);
      await swarm.receipts();
      const a = await scenario(platform, `broadcast to ${subscribers} subscribers`, async () => {
        for (let i = 0; i < broadcasts; i++) {
          await publisher.publishToTopic({
            realm: 'acme',
            topic: 'job-status',
            payload: {
              jobId: `job-${i}`,
              status: 'running',
              progress: i,
              updatedAt: new Date().toISOString(),
            },
          });
        }
        const got = await waitDelivered(swarm, subscribers * broadcasts, 120_000);
        await swarm.receipts();
        return got;
      });
      results.push({ name: a.name, breakdown: costOf(a.stats, a.delivered, broadcasts), stats: a.stats });
      options.log(`cost: ${a.name}: ${JSON.stringify(results.at(-1)?.breakdown.dollarsPerMillion)}`);

      // b) user messages to online users (one connection each)
      const liveTokens = await platform.tokens(
        Array.from({ length: liveUsers }, (_, i) => ({ userId: `cost-live-${i}`, realm: 'acme', roles: [] })),
      );
      const live = await swarm.connect(
        liveTokens.map((t) => ({ url: clientUrl(platform.urls.gateway, t, '') })),
        true,
        50,
      );
      if (live.connected !== liveUsers) throw new Error('live users did not all connect');
      const b = await scenario(platform, 'user message, user online (1 connection)', async () => {
        // One at a time, each delivered before the next: Lambda durations are then those of a lone invocation
        // (concurrent invocations in one local process would inflate each other's wall-clock duration).
        for (let i = 0; i < liveUsers; i++) {
          await publisher.publishToUser({
            realm: 'acme',
            userId: `cost-live-${i}`,
            type: 'notification',
            payload: { title: 'Hi', body: 'A user message', category: 'cost' },
          });
          await waitDelivered(swarm, i + 1, 30_000);
        }
        const got = await waitDelivered(swarm, liveUsers, 120_000);
        await swarm.receipts();
        return got;
      });
      results.push({ name: b.name, breakdown: costOf(b.stats, b.delivered, liveUsers), stats: b.stats });
      options.log(`cost: ${b.name}: ${JSON.stringify(results.at(-1)?.breakdown.dollarsPerMillion)}`);

      // c) user messages to offline users: stored, then delivered when they connect (connect costs included)
      const offline = Array.from({ length: liveUsers }, (_, i) => `cost-offline-${i}`);
      const c = await scenario(
        platform,
        'user message, user offline (stored, delivered on connect)',
        async () => {
          for (const userId of offline) {
            await publisher.publishToUser({
              realm: 'acme',
              userId,
              type: 'notification',
              payload: { title: 'Hi', body: 'While you were away', category: 'cost' },
            });
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
      results.push({ name: c.name, breakdown: costOf(c.stats, c.delivered, offline.length), stats: c.stats });
      options.log(`cost: ${c.name}: ${JSON.stringify(results.at(-1)?.breakdown.dollarsPerMillion)}`);
      sns.destroy();
    } finally {
      await swarm.close();
      await platform.stop();
    }
    const figures: Figure[] = results.map(({ name, breakdown }) => ({
      figure: `$ per million delivered messages: ${name}`,
      value: breakdown.dollarsPerMillion.total,
      unit: '$',
      baselineName: 'API Gateway message charge alone',
      baseline: PRICES.apiGatewayPerMillionMessages,
      ratio: round(breakdown.dollarsPerMillion.total / PRICES.apiGatewayPerMillionMessages, 2),
      better: 'lower',
      target: 'stated (no target)',
      pass: null,
    }));
    return {
      figures,
      details: { prices: PRICES, memoryMb: MEMORY_MB, scenarios: results },
      notes: [
        `Prices: ${PRICES.date}. API Gateway $1.00/M messages (32 KB units) and $0.25/M connection-minutes (not included: depends on session length); Lambda arm64 $0.20/M requests + $0.0000133334/GB-s; DynamoDB on-demand $0.625/M write units, $0.125/M read units; SNS $0.50/M publishes (SNS→Lambda deliveries free); SQS $0.40/M requests. Free tiers ignored.`,
        'Here the ratio column is ours ÷ the API Gateway floor (1.0 = the platform adds nothing beyond the unavoidable per-message charge).',
        "Lambda GB-seconds use the prod memory sizes and the billed durations measured on this loaded 2-core machine (pessimistic for AWS). SQS requests count every call the functions made through the edge (sends, deletes); the local event-source poller's own receives are not billed by this model. The offline scenario includes the connect-time costs (authorizer, $connect, delivery job) of the returning users, one message each: the worst case per message.",
      ],
    };
  },
};
