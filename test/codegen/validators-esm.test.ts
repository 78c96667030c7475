// generated/validators.js must load as plain ESM (browsers, Node without a bundler): spawn `node` on an .mjs
// file, where a leftover `require` would throw. (`node -e` defines `require` and would hide the problem.)
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'validators-esm-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('imports in a plain Node ESM process and validates, with no require and no runtime compilation', async () => {
  const validatorsUrl = pathToFileURL(path.join(ROOT, 'generated', 'validators.js')).href;
  const script = path.join(dir, 'check.mjs');
  await writeFile(
    script,
    [
      `const started = performance.now();`,
      `const v = await import(${JSON.stringify(validatorsUrl)});`,
      `const loadMs = performance.now() - started;`,
      `const names = Object.keys(v).sort();`,
      `const good = v.validateAnnouncementsPayload({ title: 't', body: 'b', severity: 'info' });`,
      `const bad = v.validateJobStatusPayload({ jobId: 'j', status: 'running', progress: 1, updatedAt: 'yesterday' });`,
      `console.log(JSON.stringify({ names, good, bad, errors: v.validateJobStatusPayload.errors, loadMs, hasRequire: typeof require !== 'undefined' }));`,
    ].join('\n'),
  );
  // A temp directory outside the repository: the bundle must not need node_modules either.
  const result = spawnSync(process.execPath, [script], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const output = JSON.parse(result.stdout) as {
    names: string[];
    good: boolean;
    bad: boolean;
    errors: { instancePath: string; keyword: string }[];
    hasRequire: boolean;
  };
  expect(output.hasRequire).toBe(false);
  expect(output.names).toContain('validateAnnouncementsPayload');
  expect(output.names.every((n) => n.startsWith('validate'))).toBe(true);
  expect(output.good).toBe(true);
  expect(output.bad).toBe(false);
  expect(output.errors).toEqual([expect.objectContaining({ instancePath: '/updatedAt', keyword: 'format' })]);
});
