#!/usr/bin/env node
// Launcher for the wspush CLI (src/publisher/cli.ts). The CLI is TypeScript and the repository ships no
// build step for it, so it is loaded through tsx's ESM API (tsx is installed by `npm ci`).
import { readFileSync } from 'node:fs';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

let tsImport;
try {
  ({ tsImport } = await import('tsx/esm/api'));
} catch {
  process.stderr.write(
    'wspush: cannot load tsx; install the dependencies with `npm ci` (dev dependencies included)\n',
  );
  process.exit(1);
}
const { runCli } = await tsImport('../src/publisher/cli.ts', import.meta.url);
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  readStdin: async () => readFileSync(0, 'utf8'),
});
