/**
 * `npm run build`: one minified ESM bundle per Lambda handler, `dist/functions/<name>/index.mjs`, for the
 * handlers listed in the generated functionTable. Prints each size and fails when a handler file is missing, a
 * bundle does not build, or a bundle exceeds {@link MAX_BUNDLE_BYTES} (cold starts grow with bundle size).
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type BuildOptions as EsbuildOptions, type Plugin } from 'esbuild';
import { functionTable } from '../generated/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HANDLERS_DIR = resolve(REPO_ROOT, 'src/handlers');
export const DEFAULT_OUT_DIR = resolve(REPO_ROOT, 'dist/functions');
export const MAX_BUNDLE_BYTES = 600 * 1024;
/** ESM bundles of CommonJS dependencies call `require` (e.g. `node:https`): give them one. */
export const REQUIRE_BANNER =
  "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

export interface BuiltFunction {
  name: string;
  outfile: string;
  bytes: number;
  /** The three largest inputs, for a quick look at what makes a bundle heavy. */
  largestInputs: Array<{ path: string; bytes: number }>;
}

export interface BuildReport {
  built: BuiltFunction[];
  /** Handlers of the functionTable without `src/handlers/<name>.ts`. */
  missing: string[];
  /** Bundles above the size limit. */
  oversized: BuiltFunction[];
  /** Handlers whose bundle failed, with esbuild's message. */
  failed: Array<{ name: string; message: string }>;
}

export interface BuildOptions {
  outDir?: string;
  /** Subset of handler names (default: every handler in the functionTable). */
  only?: readonly string[];
}

/**
 * The esbuild options of one function bundle (no output path). Shared with infra/pulumi/function-sdk-calls.ts, which
 * bundles the same entries in memory to derive what each function's code calls.
 */
export function bundleOptions(entry: string): EsbuildOptions {
  return {
    entryPoints: [entry],
    bundle: true,
    minify: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    banner: { js: REQUIRE_BANNER },
    metafile: true,
    // Prefer the ESM builds (AWS SDK v3's dist-es): esbuild tree-shakes them, not the one-file CJS builds.
    mainFields: ['module', 'main'],
    legalComments: 'none',
    logLevel: 'silent',
    plugins: [withoutKafkaSchemaDeserializers],
  };
}

/**
 * Powertools' Kafka consumer imports its Avro and Protobuf deserializers (and their optional peers avro-js and
 * protobufjs, not installed) only for a schema of that type. The Kafka router configures none (JSON
 * envelopes), but esbuild inlines dynamic imports: they are replaced by a module that throws if ever called.
 */
const withoutKafkaSchemaDeserializers: Plugin = {
  name: 'without-kafka-schema-deserializers',
  setup(b) {
    b.onResolve({ filter: /^\.\/deserializer\/(avro|protobuf)\.js$/ }, (args) =>
      args.importer.includes('@aws-lambda-powertools/kafka')
        ? { path: args.path, namespace: 'kafka-schema-stub' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'kafka-schema-stub' }, () => ({
      contents:
        "export const deserialize = () => { throw new Error('Avro/Protobuf Kafka schemas are not bundled'); };",
      loader: 'js',
    }));
  },
};

/** `src/handlers/<name>.ts`, the entry of a function's bundle. */
export function handlerEntry(name: string): string {
  return resolve(HANDLERS_DIR, `${name}.ts`);
}

export function handlerNames(): string[] {
  return [...new Set(functionTable.map((f) => f.handler))];
}

export async function buildFunctions(options: BuildOptions = {}): Promise<BuildReport> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const names = handlerNames().filter((n) => !options.only || options.only.includes(n));
  const report: BuildReport = { built: [], missing: [], oversized: [], failed: [] };

  for (const name of names) {
    const entry = handlerEntry(name);
    if (!existsSync(entry)) {
      report.missing.push(name);
      continue;
    }
    const dir = resolve(outDir, name);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const outfile = resolve(dir, 'index.mjs');
    try {
      const result = await build({ ...bundleOptions(entry), outfile, metafile: true });
      await writeFile(resolve(dir, 'meta.json'), JSON.stringify(result.metafile));
      const output = Object.values(result.metafile.outputs)[0];
      const largestInputs = Object.entries(output?.inputs ?? {})
        .map(([path, info]) => ({ path, bytes: info.bytesInOutput }))
        .sort((a, b) => b.bytes - a.bytes)
        .slice(0, 3);
      const built: BuiltFunction = { name, outfile, bytes: output?.bytes ?? 0, largestInputs };
      report.built.push(built);
      if (built.bytes > MAX_BUNDLE_BYTES) report.oversized.push(built);
    } catch (error) {
      report.failed.push({ name, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const report = await buildFunctions();
  for (const fn of report.built) {
    const flag = fn.bytes > MAX_BUNDLE_BYTES ? '  TOO LARGE' : '';
    const top = fn.largestInputs.map((i) => `${i.path} ${kb(i.bytes)}`).join(', ');
    console.log(
      `${fn.name.padEnd(18)} ${kb(fn.bytes).padStart(10)}  ${relative(REPO_ROOT, fn.outfile)}${flag}`,
    );
    console.log(`${''.padEnd(18)} largest: ${top}`);
  }
  const problems: string[] = [];
  for (const name of report.missing)
    problems.push(`missing handler src/handlers/${name}.ts (in the functionTable)`);
  for (const { name, message } of report.failed) problems.push(`bundle of ${name} failed:\n${message}`);
  for (const fn of report.oversized) {
    problems.push(`bundle of ${fn.name} is ${kb(fn.bytes)}, over the ${kb(MAX_BUNDLE_BYTES)} limit`);
  }
  if (problems.length > 0) {
    console.error(`\nbuild failed:\n${problems.map((p) => `- ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`\n${report.built.length} bundles in ${relative(REPO_ROOT, DEFAULT_OUT_DIR)}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error('build failed:', error);
    process.exit(1);
  });
}
