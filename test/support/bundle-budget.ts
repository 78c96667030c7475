/**
 * The SDK bundle budgets (issue #13), and how a bundle is measured: esbuild bundles an entry the way a consumer's
 * bundler would (minified ESM; the AWS SDK and kafkajs, dependencies of the Node-only publisher, left external),
 * then gzip. Used on the
 * source entry points (test/sdk/bundle-size.test.ts) and on the installed package (test/package/pack.test.ts).
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export const BUDGETS = {
  /** `wspush/client` alone: what every page that connects pays. */
  client: 15 * 1024,
  /** `wspush/client` with `wspush/client/validation` (the payload validators of client-facing messages). */
  clientWithValidation: 20 * 1024,
  /** `wspush/publisher` without the AWS SDK and kafkajs (its own code, envelope and payload validators). */
  publisher: 15 * 1024,
} as const;

export interface BundleMeasure {
  minifiedBytes: number;
  gzipBytes: number;
  /** esbuild's input paths, relative to `resolveDir`. */
  inputs: string[];
  /** The external modules the bundle imports, and how (`import-statement` or `dynamic-import`). */
  externalImports: { path: string; kind: string }[];
}

export async function measureBundle(
  contents: string,
  resolveDir: string,
  platform: 'browser' | 'node',
): Promise<BundleMeasure> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts', sourcefile: 'entry.ts' },
    absWorkingDir: resolveDir,
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    external: platform === 'node' ? ['@aws-sdk/*', 'kafkajs'] : [],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const bytes = result.outputFiles[0]?.contents ?? new Uint8Array();
  const output = Object.values(result.metafile.outputs)[0];
  return {
    externalImports: (output?.imports ?? [])
      .filter((i) => i.external)
      .map((i) => ({ path: i.path, kind: i.kind })),
    minifiedBytes: bytes.byteLength,
    gzipBytes: gzipSync(bytes, { level: 9 }).byteLength,
    inputs: Object.keys(result.metafile.inputs),
  };
}

/** `1234 B` as `1.2 KB`, for test names and messages. */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
