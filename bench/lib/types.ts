/** Shared shapes of the benchmark harness: one module per benchmark, one JSON result file each. */

export interface BenchOptions {
  /** Smaller sizes and shorter runs (CI smoke, or a quick look on a busy machine). */
  quick: boolean;
  /** Wall-clock budget for this benchmark; a benchmark stops adding sizes when it would exceed it. */
  budgetMs: number;
  log: (line: string) => void;
}

/** One row of the printed table: our figure next to its baseline, the ratio and the target. */
export interface Figure {
  figure: string;
  value: number;
  unit: string;
  baselineName: string;
  baseline: number | null;
  /** How many times better than the baseline (direction depends on the figure; see `better`). */
  ratio: number | null;
  better: 'lower' | 'higher';
  target: string;
  /** null when the row has no target of its own (context figures). */
  pass: boolean | null;
}

export interface BenchResult {
  name: string;
  title: string;
  command: string;
  startedAt: string;
  durationMs: number;
  environment: { node: string; platform: string; cpus: number; cpuModel: string; quick: boolean };
  figures: Figure[];
  /** Raw measurements behind the figures, benchmark-specific. */
  details: Record<string, unknown>;
  /** Anything the reader must know to interpret the numbers (method, deviations, missed targets). */
  notes: string[];
}

export interface Benchmark {
  name: string;
  title: string;
  run(
    options: BenchOptions,
  ): Promise<Omit<BenchResult, 'name' | 'title' | 'command' | 'environment' | 'startedAt' | 'durationMs'>>;
}

/** ratio = how many times better ours is than the baseline, for either direction. */
export function ratioOf(value: number, baseline: number, better: 'lower' | 'higher'): number | null {
  if (better === 'lower') return value === 0 ? null : baseline / value;
  return baseline === 0 ? null : value / baseline;
}
