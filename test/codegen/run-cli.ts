// Runs a codegen CLI (codegen/main.ts or codegen/docs.ts) in a child process, as `npm run codegen` does.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliRun, spawnCli } from '../support/spawn-cli.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export type CliResult = CliRun;

export async function runCli(
  script: string,
  args: readonly string[],
  timeoutMs = 120_000,
): Promise<CliResult> {
  const run = await spawnCli(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    timeoutMs,
  });
  if (run.timedOut)
    throw new Error(`${script} ${args.join(' ')} timed out after ${timeoutMs} ms\n${run.stderr}`);
  return run;
}
