/**
 * The client SDK must run in browsers and carry no server code: bundle it for the browser and walk the
 * esbuild metafile. Any AWS SDK, Powertools, handler, adapter or local-platform module fails the test.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FORBIDDEN = [
  /@aws-sdk\//,
  /@smithy\//,
  /@aws-lambda-powertools\//,
  /^src\/handlers\//,
  /^src\/adapters\//,
  /^src\/local\//,
  /^src\/core\//,
  /^src\/publisher\//,
];

it('the client SDK bundles for the browser without AWS SDK or server modules', async () => {
  const result = await build({
    entryPoints: [`${ROOT}/src/client/index.ts`],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs).toContain('src/client/client.ts');
  expect(inputs.some((path) => path.startsWith('generated/'))).toBe(true);
  const offenders = inputs.filter((path) => FORBIDDEN.some((pattern) => pattern.test(path)));
  expect(offenders).toEqual([]);
  // Nothing Node-only slipped in either (esbuild would fail to resolve node: builtins for the browser).
  expect(inputs.filter((path) => path.startsWith('node:') || path.includes('node_modules/ws/'))).toEqual([]);
  const bytes = result.outputFiles[0]?.contents.byteLength ?? 0;
  expect(bytes).toBeGreaterThan(0);
});
