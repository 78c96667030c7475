/**
 * `npm run preview|deploy` up to the point where the Pulumi CLI is needed: bad usage and unknown stacks fail
 * fast with a clear message and never build or reach the CLI (which cannot be downloaded here, so no test goes
 * further).
 */
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

async function runPulumi(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      resolve(ROOT, 'node_modules/.bin/tsx'),
      [resolve(HERE, 'run-pulumi.ts'), ...args],
      {
        cwd: ROOT,
        timeout: 60_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('run-pulumi (preview / deploy)', () => {
  it('prints usage without a stack', async () => {
    const result = await runPulumi(['preview']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run preview -- --stack <name>');
    expect(result.stdout).not.toContain('Building function bundles');
  }, 60_000);

  it('refuses an unknown stack before building anything', async () => {
    const result = await runPulumi(['up', '--stack', 'production']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown stack "production"');
    expect(result.stdout).not.toContain('Building function bundles');
  }, 60_000);
});
