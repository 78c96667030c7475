/**
 * Benchmark 9 — log bytes per delivery, with and without the trace records ("where is my message?"). The real
 * handlers run at log level INFO (EMF metrics on) in a child process (`lib/log-bytes-child.ts`); every line they
 * write is counted, trace records apart. "Without" is the same run's lines minus the trace records — what the
 * functions logged before they traced — so both sides come from the same invocations.
 *   a) a user message to a user with one open connection (the user router posts it);
 *   b) a broadcast to N open connections in fan-out shards of 100 (router + one worker invocation per shard),
 *      at the default sample (0‰: one record per shard with counts) and with every success traced (1000‰)
 *      and a 10‰ sample.
 * Bytes are priced at CloudWatch Logs ingestion, $0.50 per GB (us-east-1, standard class).
 */
import { join } from 'node:path';
import { benchLibDir, forkTs } from './lib/fleet.js';
import type { LogBytes, LogBytesRequest, LogBytesResult } from './lib/log-bytes-child.js';
import type { Benchmark, Figure } from './lib/types.js';

/** CloudWatch Logs ingestion, standard log class, us-east-1 list price (USD per GB), as the cost model's date. */
export const LOG_INGESTION_PER_GB = 0.5;

const total = (b: LogBytes): number => b.traceBytes + b.otherBytes;
const round1 = (n: number): number => Math.round(n * 10) / 10;
/** Cents per million deliveries for `bytesPerDelivery` bytes each. */
const centsPerMillion = (bytesPerDelivery: number): number =>
  ((bytesPerDelivery * 1e6) / 1e9) * LOG_INGESTION_PER_GB * 100;

function pair(
  figure: string,
  withTrace: number,
  without: number,
  unit: string,
  baselineName = 'without trace records (same run)',
): Figure {
  return {
    figure,
    value: round1(withTrace),
    unit,
    baselineName,
    baseline: round1(without),
    // ours ÷ without: the overhead factor (1.00 = none).
    ratio: without === 0 ? null : Math.round((withTrace / without) * 100) / 100,
    better: 'lower',
    target: 'stated',
    pass: null,
  };
}

export const logBytesBenchmark: Benchmark = {
  name: 'log-bytes',
  title: 'Log bytes per delivery with and without trace records (ratio = with ÷ without)',
  async run(options) {
    const request: LogBytesRequest = {
      userMessages: options.quick ? 20 : 100,
      subscribers: options.quick ? 300 : 1000,
      shardSize: 100,
      broadcasts: options.quick ? 2 : 3,
      sampleRates: [10, 1000],
    };
    const child = await forkTs(join(benchLibDir, 'log-bytes-child.ts'), {
      POWERTOOLS_LOG_LEVEL: 'INFO',
    });
    let result: LogBytesResult;
    try {
      result = await child.call<LogBytesResult>(request, options.budgetMs);
    } finally {
      child.kill();
    }
    const { user } = result;
    const userWith = total(user) / user.deliveries;
    const userWithout = user.otherBytes / user.deliveries;
    const figures: Figure[] = [
      pair('user message, 1 connection: log bytes per delivery', userWith, userWithout, 'B'),
      pair(
        'user message: CloudWatch Logs ingestion per million deliveries',
        centsPerMillion(userWith),
        centsPerMillion(userWithout),
        '¢',
      ),
    ];
    for (const [perMille, b] of Object.entries(result.broadcast)) {
      const shardWith = total(b.shards) / b.shardInvocations;
      const shardWithout = b.shards.otherBytes / b.shardInvocations;
      const perDelivery = (total(b.router) + total(b.shards)) / b.deliveries;
      const perDeliveryWithout = (b.router.otherBytes + b.shards.otherBytes) / b.deliveries;
      const label = `broadcast to ${request.subscribers} in shards of ${request.shardSize}, sample ${perMille}‰`;
      figures.push(
        pair(`${label}: log bytes per shard invocation`, shardWith, shardWithout, 'B'),
        pair(`${label}: log bytes per delivery (router + shards)`, perDelivery, perDeliveryWithout, 'B'),
        pair(
          `${label}: CloudWatch Logs ingestion per million deliveries`,
          centsPerMillion(perDelivery),
          centsPerMillion(perDeliveryWithout),
          '¢',
        ),
      );
    }
    const lines = (b: LogBytes, n: number) =>
      `${round1(b.traceLines / n)} trace + ${round1(b.otherLines / n)} other lines`;
    const b0 = result.broadcast['0'];
    return {
      figures,
      details: { request, result, logIngestionPerGb: LOG_INGESTION_PER_GB },
      notes: [
        `per user message: ${lines(user, user.deliveries)}; per shard invocation at 0‰: ${b0 ? lines(b0.shards, b0.shardInvocations) : '?'}; per broadcast router invocation: ${b0 ? lines(b0.router, request.broadcasts) : '?'}`,
        'counted: the JSON lines the functions write (Powertools logger, EMF metric blobs); not counted: the Lambda platform lines (START/END/REPORT, about 300 bytes per invocation, alike on both sides)',
        `CloudWatch Logs ingestion priced at $${LOG_INGESTION_PER_GB} per GB (standard class, us-east-1 list price; not re-checked from this machine); storage ($0.03 per GB-month, compressed) not included`,
      ],
    };
  },
};
