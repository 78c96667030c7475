#!/usr/bin/env node
// Launcher for the wspush CLI (src/publisher/cli.ts). The CLI is TypeScript and the repository ships no
// build step for it, so it is loaded through tsx's ESM API (tsx is installed by `npm ci`).
import { readFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { runCli } = await tsImport('../src/publisher/cli.ts', import.meta.url);
const exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stdinIsTTY: Boolean(process.stdin.isTTY),
  readStdin: async () => readFileSync(0, 'utf8'),
});
process.exitCode = exitCode;
