#!/usr/bin/env node
// Launcher for the wspush CLI (src/publisher/cli.ts). Installed from the package it runs the built JavaScript
// (dist/package, made by `prepack`); in a checkout of the repository it runs the TypeScript source through tsx,
// so the CLI is always the current code there.
import { existsSync, readFileSync } from 'node:fs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const source = new URL('../src/publisher/cli.ts', import.meta.url);
const built = new URL('../dist/package/src/publisher/cli.js', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

async function loadCli() {
  if (!existsSync(source)) return import(built.href);
  let tsImport;
  try {
    ({ tsImport } = await import('tsx/esm/api'));
  } catch {
    process.stderr.write(
      'wspush: cannot load tsx; install the dependencies with `npm ci` (dev dependencies included)\n',
    );
    process.exit(1);
  }
  return tsImport(source.href, import.meta.url);
}

const { runCli } = await loadCli();
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  version,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  readStdin: async () => readFileSync(0, 'utf8'),
});
