/**
 * `npm run bench [-- --only audience,fanout] [--quick]`: runs the benchmarks one after another (each bounded
 * in time, loopback only), writes `bench/results/<name>.json` and prints a markdown table with each figure,
 * its baseline, the ratio, the target and pass/fail. The exit code is 0 even when a target is missed (the
 * table says so); it is 1 only when a benchmark could not run.
 */
import './lib/env.js';
import { cpus } from 'node:os';
import { audienceBenchmark } from './audience.js';
import { coldstartBenchmark } from './coldstart.js';
import { connectLatencyBenchmark } from './connect-latency.js';
import { costBenchmark } from './cost.js';
import { fanoutBenchmark } from './fanout.js';
import { kafkaRouterBenchmark } from './kafka-router.js';
import { markdownTable, writeResult } from './lib/report.js';
import type { Benchmark, BenchResult } from './lib/types.js';
import { logBytesBenchmark } from './log-bytes.js';
import { memoryBenchmark } from './memory.js';
import { positionsBenchmark } from './positions.js';
import { simulationBenchmark } from './simulation.js';
import { subscriptionsBenchmark } from './subscriptions.js';

/** Registry in run order. Budget per benchmark in seconds (full / quick). */
const benchmarks: { bench: Benchmark; budget: [number, number] }[] = [
  { bench: audienceBenchmark, budget: [180, 60] },
  { bench: coldstartBenchmark, budget: [180, 60] },
  { bench: fanoutBenchmark, budget: [300, 120] },
  { bench: connectLatencyBenchmark, budget: [240, 90] },
  { bench: memoryBenchmark, budget: [240, 90] },
  { bench: costBenchmark, budget: [240, 120] },
  { bench: subscriptionsBenchmark, budget: [60, 60] },
  { bench: positionsBenchmark, budget: [60, 60] },
  { bench: logBytesBenchmark, budget: [240, 120] },
  { bench: simulationBenchmark, budget: [900, 300] },
  { bench: kafkaRouterBenchmark, budget: [120, 60] },
];

function parseArgs(argv: readonly string[]): { only: string[] | null; quick: boolean } {
  let only: string[] | null = null;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--quick') quick = true;
    else if (arg === '--only') only = (argv[++i] ?? '').split(',').filter(Boolean);
    else if (arg.startsWith('--only=')) only = arg.slice('--only='.length).split(',').filter(Boolean);
    else if (arg === '--help') {
      console.log('usage: npm run bench -- [--only name,name] [--quick]');
      console.log(`benchmarks: ${benchmarks.map((b) => b.bench.name).join(', ')}`);
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}`);
  }
  return { only, quick };
}

async function main(): Promise<void> {
  const { only, quick } = parseArgs(process.argv.slice(2));
  const known = new Set(benchmarks.map((b) => b.bench.name));
  for (const name of only ?? [])
    if (!known.has(name)) throw new Error(`unknown benchmark "${name}" (known: ${[...known].join(', ')})`);
  const selected = benchmarks.filter((b) => only === null || only.includes(b.bench.name));
  const command =
    `npm run bench --${only ? ` --only ${only.join(',')}` : ''}${quick ? ' --quick' : ''}`.replace(
      / --$/,
      '',
    );
  const results: BenchResult[] = [];
  let failed = 0;
  for (const { bench, budget } of selected) {
    const budgetMs = (quick ? budget[1] : budget[0]) * 1000;
    const startedAt = new Date();
    const start = performance.now();
    console.error(`# ${bench.name}: ${bench.title} (budget ${budgetMs / 1000} s)`);
    try {
      const outcome = await bench.run({ quick, budgetMs, log: (line) => console.error(`  ${line}`) });
      const result: BenchResult = {
        name: bench.name,
        title: bench.title,
        command,
        startedAt: startedAt.toISOString(),
        durationMs: Math.round(performance.now() - start),
        environment: {
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          cpus: cpus().length,
          cpuModel: cpus()[0]?.model ?? 'unknown',
          quick,
        },
        ...outcome,
      };
      const file = await writeResult(result);
      console.error(`  wrote ${file}`);
      results.push(result);
    } catch (error) {
      failed++;
      console.error(
        `  ${bench.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
    }
  }
  console.log(markdownTable(results));
  for (const r of results) for (const note of r.notes) console.log(`\n- ${r.name}: ${note}`);
  process.exitCode = failed > 0 ? 1 : 0;
}

await main();
