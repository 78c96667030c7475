/** Writes `bench/results/<name>.json` and renders the markdown table printed by `npm run bench`. */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchResult, Figure } from './types.js';

export const resultsDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'results');

export async function writeResult(result: BenchResult): Promise<string> {
  await mkdir(resultsDir, { recursive: true });
  const file = join(resultsDir, `${result.name}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

function formatNumber(value: number | null): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return String(Math.round(value * 100) / 100);
}

function passCell(pass: boolean | null): string {
  if (pass === null) return '';
  return pass ? 'pass' : '**FAIL**';
}

export function figureRow(f: Figure): string {
  const ratio = f.ratio === null ? '—' : `${formatNumber(f.ratio)}×`;
  const baseline = f.baseline === null ? '—' : `${formatNumber(f.baseline)} ${f.unit} (${f.baselineName})`;
  return `| ${f.figure} | ${formatNumber(f.value)} ${f.unit} | ${baseline} | ${ratio} | ${f.target} | ${passCell(f.pass)} |`;
}

export function markdownTable(results: readonly BenchResult[]): string {
  const lines = [
    '| figure | ours | baseline | ratio | target | result |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    lines.push(`| **${r.title}** (${r.name}, ${Math.round(r.durationMs / 1000)} s) | | | | | |`);
    for (const f of r.figures) lines.push(figureRow(f));
  }
  return lines.join('\n');
}
