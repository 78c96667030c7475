/**
 * Benchmark 7 — delivery at AWS scale, in virtual time. The product's core services run on in-memory ports
 * under a virtual clock with modeled AWS parts (bench/simulation/aws-model.ts names every modeled number and
 * its source): broadcasts to 10k (warm), 100k and 1M subscribers (1M also with a 70 KB envelope), and a 100k
 * reconnect storm. Figures are virtual-time results, not measurements of AWS.
 */

import { round } from './lib/stats.js';
import type { Benchmark, Figure } from './lib/types.js';
import { AWS_MODEL } from './simulation/aws-model.js';
import {
  type BroadcastFigures,
  broadcastScenario,
  reconnectStorm,
  type StormFigures,
} from './simulation/scenarios.js';

const context = (
  figure: string,
  value: number,
  unit: string,
  target = '—',
  pass: boolean | null = null,
): Figure => ({
  figure,
  value,
  unit,
  baselineName: '',
  baseline: null,
  ratio: null,
  better: 'lower',
  target,
  pass,
});

function broadcastFigures(
  label: string,
  r: BroadcastFigures,
  timeTarget: { ratio?: number; ms?: number },
): Figure[] {
  const seconds = r.lastDeliveryMs / 1000;
  const floor = r.floorMs / 1000;
  const timePass =
    timeTarget.ms !== undefined
      ? r.lastDeliveryMs <= timeTarget.ms
      : seconds <= floor * (timeTarget.ratio ?? 1.15);
  const big = r.subscribers >= 1_000_000;
  return [
    {
      figure: `${label}: time to the last delivery`,
      value: round(seconds, 2),
      unit: 's',
      baselineName: `budget floor, ${AWS_MODEL.connectionsApi.accountRatePerSecond.toLocaleString('en-US')} posts/s`,
      baseline: round(floor, 2),
      ratio: round(seconds / floor, 2),
      better: 'lower',
      target:
        timeTarget.ms !== undefined ? `≤ ${timeTarget.ms / 1000} s` : `≤ ${timeTarget.ratio ?? 1.15}× floor`,
      pass: timePass,
    },
    context(
      `${label}: rejected (429) posts per delivery`,
      round(r.rejectedPerDelivery, 3),
      '',
      big ? '≤ 0.05' : '—',
      big ? r.rejectedPerDelivery <= 0.05 : null,
    ),
    context(`${label}: lost deliveries`, r.lost, '', '0', r.lost === 0),
    context(`${label}: duplicate deliveries`, r.duplicates, ''),
    context(`${label}: retry jobs / continuation jobs`, r.retryJobs, `/ ${r.continuationJobs}`),
    context(
      `${label}: shard jobs enqueued twice (router retried ${r.routerAttempts - 1}×)`,
      r.duplicateShardJobs,
      '',
      '0',
      r.duplicateShardJobs === 0,
    ),
    context(`${label}: DLQ messages`, r.dlq, '', '0', r.dlq === 0),
    context(`${label}: Lambda GB-s (all functions)`, round(r.gbSeconds, 1), 'GB-s'),
    context(
      `${label}: $ per million deliveries (us-east-1 prices)`,
      round(r.dollarsPerMillionDeliveries, 3),
      '$',
    ),
  ];
}

function stormFigures(r: StormFigures): Figure[] {
  const label = `reconnect storm, ${r.clients.toLocaleString('en-US')} clients in 60 s, ${r.newConnectionsPerSecond.toLocaleString('en-US')} new connections/s`;
  return [
    context(
      `${label}: last client welcomed after`,
      round(r.lastWelcomeMs / 1000, 1),
      's',
      '≤ 90 s',
      r.neverWelcomed === 0 && r.lastWelcomeMs <= 90_000,
    ),
    context(
      `${label}: welcome latency from the storm's first attempt (reconnect backoff included), p50 / p99`,
      round(r.welcomeLatencyP50Ms / 1000, 2),
      `s / ${round(r.welcomeLatencyP99Ms / 1000, 2)} s`,
    ),
    context(
      `${label}: welcome latency from the accepted upgrade to the welcome frame, p50 / p99 / max`,
      round(r.upgradeToWelcomeMs.p50 / 1000, 2),
      `s / ${round(r.upgradeToWelcomeMs.p99 / 1000, 2)} s / ${round(r.upgradeToWelcomeMs.max / 1000, 2)} s`,
    ),
    context(`${label}: clients never welcomed`, r.neverWelcomed, '', '0', r.neverWelcomed === 0),
    context(
      `${label}: posts per reconnect (welcome carrying the answer to since (recovery=welcome, contract 1.14) + the missed messages; 20 in history, ${round(r.missedPerReconnect, 2)} missed on average, sent with since)`,
      round(r.postsPerReconnect, 2),
      '',
      `≤ 1 + missed = ${round(1 + r.missedPerReconnect, 2)}`,
      r.postsPerReconnect <= 1 + r.missedPerReconnect,
    ),
    context(`${label}: rejected (429) posts per delivery`, round(r.rejectedPerDelivery, 3), ''),
    context(
      `${label}: upgrades refused by the quota / $connect failures`,
      r.upgradeRejections,
      `/ ${r.connectFailures}`,
    ),
    context(`${label}: DynamoDB requests failed by partition throttling`, r.dynamoThrottledRequests, ''),
    context(
      `${label}: history Queries (one per delivery-worker invocation, not per connection)`,
      r.historyReads,
      '',
    ),
    context(`${label}: DLQ messages`, r.dlq, '', '0', r.dlq === 0),
    context(`${label}: Lambda GB-s`, round(r.gbSeconds, 1), 'GB-s'),
  ];
}

/**
 * `SIMULATION_SCENARIOS=storm` (or `broadcast10k,broadcast100k,broadcast1m,broadcast1m70kb,storm`) runs only those
 * scenarios, to iterate on one; unset, all run. Results of a partial run say which ran (details' keys).
 */
function wanted(key: string): boolean {
  const only = process.env.SIMULATION_SCENARIOS?.split(',').filter(Boolean);
  return only === undefined || only.length === 0 || only.includes(key);
}

export const simulationBenchmark: Benchmark = {
  name: 'simulation',
  title: 'Delivery at AWS scale (virtual-time simulation of the real core)',
  async run({ quick, log }) {
    const figures: Figure[] = [];
    const details: Record<string, unknown> = { model: AWS_MODEL };
    const broadcasts: Array<{
      key: string;
      label: string;
      subscribers: number;
      payloadBytes: number;
      warm: boolean;
      target: { ratio?: number; ms?: number };
      routerFirstAttemptCutOffMs?: number;
    }> = [
      {
        key: 'broadcast10k',
        label: '10k subscribers, warm',
        subscribers: 10_000,
        payloadBytes: 200,
        warm: true,
        target: { ms: 2000 },
      },
      {
        key: 'broadcast100k',
        label: '100k subscribers',
        subscribers: 100_000,
        payloadBytes: 200,
        warm: false,
        target: { ratio: 1.15 },
      },
    ];
    if (!quick) {
      broadcasts.push(
        {
          key: 'broadcast1m',
          label: '1M subscribers',
          subscribers: 1_000_000,
          payloadBytes: 200,
          warm: false,
          target: { ratio: 1.15 },
        },
        {
          key: 'broadcast1m70kb',
          label: '1M subscribers, 70 KB envelope',
          subscribers: 1_000_000,
          payloadBytes: 70_000,
          warm: false,
          target: { ratio: 1.15 },
        },
        {
          // The router's first attempt is cut off after 2 s (a slower router than modeled): SNS retries it a
          // minute later, and the retry must send only the pages the first did not.
          key: 'broadcast1m70kbRetried',
          label: '1M subscribers, 70 KB envelope, router cut off after 2 s and retried by SNS',
          subscribers: 1_000_000,
          payloadBytes: 70_000,
          warm: false,
          target: { ratio: 1.15 + 60 / 100 },
          routerFirstAttemptCutOffMs: 2_000,
        },
      );
    }
    for (const b of broadcasts) {
      if (!wanted(b.key)) continue;
      const result = await broadcastScenario(b);
      log(
        `${b.label}: last delivery ${round(result.lastDeliveryMs / 1000, 2)} s, ${round(result.rejectedPerDelivery, 3)} rejected/delivery, lost ${result.lost} (${round(result.wallMs / 1000, 1)} s wall)`,
      );
      details[b.key] = result;
      figures.push(...broadcastFigures(b.label, result, b.target));
    }
    if (!wanted('storm')) return { figures, details, notes: [] };
    const storm = await reconnectStorm({
      clients: quick ? 20_000 : 100_000,
      newConnectionsPerSecond: AWS_MODEL.connectionsApi.newConnectionsPerSecondRaised,
      windowMs: 60_000,
    });
    log(
      `storm: last welcome ${round(storm.lastWelcomeMs / 1000, 1)} s (${round(storm.wallMs / 1000, 1)} s wall)`,
    );
    details.storm = storm;
    figures.push(...stormFigures(storm));
    return {
      figures,
      details,
      notes: [
        "simulation: virtual time; AWS parts are modeled (bench/simulation/aws-model.ts lists each number and its source, documented or assumed); the core services are the product's own.",
      ],
    };
  },
};
