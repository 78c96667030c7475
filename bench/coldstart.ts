/**
 * Benchmark 4 — cold start.
 *  a) each function bundle (`npm run build` → `dist/functions/<name>/index.mjs`): minified size, gzip size,
 *     and the time to import it in a fresh Node process (median of several runs);
 *  b) the contract's validators: importing the precompiled module (`generated/validators.js`) vs ajv +
 *     ajv-formats compiling the same schemas with the same options at load, both bundled by esbuild the way a
 *     function is (`scripts/build-functions.ts`), imported in a fresh process.
 * Targets: every bundle ≤ 600 KB minified; precompiled validators ≥ 20× faster to load.
 */

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { runFreshNode } from './lib/child.js';
import { median, round } from './lib/stats.js';
import { type Benchmark, type Figure, ratioOf } from './lib/types.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE_LIMIT_BYTES = 600 * 1024;

/** Environment a handler needs at cold start (docs/design.md §3); values are never used: nothing is invoked. */
const HANDLER_ENV: Record<string, string> = {
  TABLE_NAME: 'bench',
  WS_MANAGEMENT_ENDPOINT: 'http://127.0.0.1:9/local',
  DELIVERY_QUEUE_URL: 'http://127.0.0.1:9/000000000000/bench-delivery',
  FANOUT_QUEUE_URL: 'http://127.0.0.1:9/000000000000/bench-fanout',
  JWT_ISSUERS: 'http://127.0.0.1:9/realms/{realm}',
  JWT_AUDIENCE: 'wspush',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: 'test',
  AWS_SECRET_ACCESS_KEY: 'test',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  POWERTOOLS_METRICS_DISABLED: 'true',
};

const IMPORT_SCRIPT = `
const start = performance.now();
const mod = await import(process.argv[2]);
const ms = performance.now() - start;
console.log(JSON.stringify({ ms, exports: Object.keys(mod).length }));
`;

/**
 * The runtime-compile variant: what a function would do at load without precompiled validators — ajv and
 * ajv-formats bundled into the function with the schemas, compiled when the module loads.
 */
function compileEntry(schemas: { title: string; schema: unknown }[]): string {
  return `
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
const schemas = ${JSON.stringify(schemas)};
const ajv = new Ajv({ allErrors: true, strict: true });
addFormats(ajv);
for (const { title, schema } of schemas) ajv.addSchema({ ...schema, $id: title }, title);
export const validators = {};
for (const { title } of schemas) validators[title] = ajv.getSchema(title);
`;
}

/** The precompiled variant, bundled the same way: the generated validators module. */
const PRECOMPILED_ENTRY = `export * from './generated/validators.js';`;

/** Bundles `contents` (resolved from the repository root) as scripts/build-functions.ts bundles a function. */
async function bundleLikeAFunction(contents: string, outfile: string): Promise<void> {
  const { build } = await import('esbuild');
  const { bundleOptions } = await import('../scripts/build-functions.js');
  const { entryPoints: _entry, ...options } = bundleOptions('');
  await build({ ...options, stdin: { contents, resolveDir: root, loader: 'js' }, outfile });
}

interface BundleMeasure {
  name: string;
  bytes: number;
  gzipBytes: number;
  importMs: number[];
  medianImportMs: number;
}

async function contractSchemas(): Promise<{ title: string; schema: unknown }[]> {
  const { parseContract } = await import('../codegen/contract.js');
  const { extractContract } = await import('../codegen/extract.js');
  const parsed = await parseContract(join(root, 'asyncapi.yaml'));
  return extractContract(parsed).schemas;
}

export const coldstartBenchmark: Benchmark = {
  name: 'coldstart',
  title: 'Cold start: bundle size and import time; precompiled vs runtime-compiled validators',
  async run(options) {
    const runs = options.quick ? 5 : 11;
    const notes: string[] = [];
    const figures: Figure[] = [];
    const work = await mkdtemp(join(tmpdir(), 'bench-coldstart-'));
    try {
      const importScript = join(work, 'import.mjs');
      await writeFile(importScript, IMPORT_SCRIPT);

      // b) validators, both variants bundled like a function, alternating so machine noise hits both alike.
      const schemas = await contractSchemas();
      const precompiledBundle = join(work, 'precompiled.mjs');
      const compileBundle = join(work, 'compile-at-load.mjs');
      await bundleLikeAFunction(PRECOMPILED_ENTRY, precompiledBundle);
      await bundleLikeAFunction(compileEntry(schemas), compileBundle);
      const pre: number[] = [];
      const compiled: number[] = [];
      let counts = { pre: 0, compiled: 0 };
      for (let i = 0; i < runs; i++) {
        const a = await runFreshNode<{ ms: number; exports: number }>(importScript, [
          pathToFileURL(precompiledBundle).href,
        ]);
        const b = await runFreshNode<{ ms: number; exports: number }>(importScript, [
          pathToFileURL(compileBundle).href,
        ]);
        pre.push(a.ms);
        compiled.push(b.ms);
        counts = { pre: a.exports, compiled: b.exports };
      }
      const preMs = median(pre);
      const compiledMs = median(compiled);
      const ratio = ratioOf(preMs, compiledMs, 'lower');
      figures.push({
        figure: `load ${schemas.length} contract validators in a fresh process (median of ${runs})`,
        value: round(preMs, 1),
        unit: 'ms',
        baselineName: 'ajv bundled, compiling at load',
        baseline: round(compiledMs, 1),
        ratio: ratio === null ? null : round(ratio, 1),
        better: 'lower',
        target: '≥20× faster',
        pass: ratio !== null && ratio >= 20,
      });
      if (counts.pre < schemas.length)
        notes.push(`generated/validators.js exports ${counts.pre} names for ${schemas.length} schemas`);

      // a) bundles
      const distDir = join(root, 'dist/functions');
      if (!existsSync(distDir) && existsSync(join(root, 'scripts/build-functions.ts'))) {
        options.log('coldstart: dist/functions missing, running npm run build');
        const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
        if (build.status !== 0) notes.push(`npm run build failed: ${build.stderr.slice(-500)}`);
      }
      const names = existsSync(distDir) ? (await readdir(distDir)).sort() : [];
      const bundles: BundleMeasure[] = [];
      for (const name of names) {
        const file = join(distDir, name, 'index.mjs');
        if (!existsSync(file)) continue;
        const content = await readFile(file);
        const times: number[] = [];
        for (let i = 0; i < runs; i++) {
          const r = await runFreshNode<{ ms: number }>(importScript, [pathToFileURL(file).href], HANDLER_ENV);
          times.push(r.ms);
        }
        const m: BundleMeasure = {
          name,
          bytes: (await stat(file)).size,
          gzipBytes: gzipSync(content).length,
          importMs: times.map((t) => round(t, 1)),
          medianImportMs: round(median(times), 1),
        };
        bundles.push(m);
        options.log(`coldstart: ${name}: ${Math.round(m.bytes / 1024)} KB, import ${m.medianImportMs} ms`);
        figures.push({
          figure: `bundle ${name}: size (gzip ${Math.round(m.gzipBytes / 1024)} KB; import ${m.medianImportMs} ms)`,
          value: round(m.bytes / 1024, 1),
          unit: 'KB',
          baselineName: 'limit',
          baseline: SIZE_LIMIT_BYTES / 1024,
          ratio: round(SIZE_LIMIT_BYTES / m.bytes, 2),
          better: 'lower',
          target: '≤600 KB',
          pass: m.bytes <= SIZE_LIMIT_BYTES,
        });
      }
      if (bundles.length === 0)
        notes.push('no function bundles found under dist/functions: bundle sizes not measured');
      notes.push(
        'Import times are wall-clock from a fresh `node` process (dynamic import of the file, nothing invoked), median of the runs; the validator variants alternate run by run.',
        'Both validator variants are bundled with esbuild exactly as scripts/build-functions.ts bundles a function (minified ESM, node22): the precompiled one is generated/validators.js; the runtime-compile one bundles ajv + ajv-formats with the same schemas (codegen/extract.ts output) and compiles them at load with the same options (allErrors, strict, formats) as codegen uses at build time. The import time of each bundle is measured in a fresh process.',
      );
      return {
        figures,
        details: {
          validators: { precompiledMs: pre, compiledMs: compiled, schemas: schemas.length },
          bundles,
        },
        notes,
      };
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  },
};
