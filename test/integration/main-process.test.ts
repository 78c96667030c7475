/**
 * `npm start` as a process: help, a clear message for a port in use, and a clean SIGTERM that leaves the
 * data directory written.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const children: ChildProcess[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  for (const cleanup of cleanups) await cleanup();
});

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
}

function runMain(args: string[]): Run {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/main.ts', ...args], {
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'SILENT' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitForOutput(text, timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no "${text}" in output: ${output}`)), timeoutMs);
        const check = (): void => {
          if (output.includes(text)) {
            clearTimeout(timer);
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        void exited.then(() => {
          if (!output.includes(text)) {
            clearTimeout(timer);
            reject(new Error(`exited without "${text}": ${output}`));
          }
        });
        check();
      });
    },
  };
}

describe('npm start (src/local/main.ts)', () => {
  it('prints the options with --help', async () => {
    const run = runMain(['--help']);
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('--gateway-port');
    expect(run.output()).toContain('WSPUSH_GATEWAY_PORT');
  });

  it('names the port that is already in use and exits 1', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    cleanups.push(() => new Promise((resolve) => blocker.close(() => resolve())));
    const port = (blocker.address() as { port: number }).port;
    const run = runMain(['--gateway-port', '0', '--edge-port', String(port), '--idp-port', '0']);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain(`port ${port}`);
    expect(run.output()).toContain('already in use');
  });

  it('rejects a bad flag value naming the flag, with exit code 2', async () => {
    const run = runMain(['--idle-timeout', 'soon']);
    expect(await run.exited).toBe(2);
    expect(run.output()).toContain('--idle-timeout');
  });

  it('starts, prints the URLs, and stops cleanly on SIGTERM with the data written to disk', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'wspush-main-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const run = runMain([
      '--gateway-port',
      '0',
      '--edge-port',
      '0',
      '--idp-port',
      '0',
      '--data-dir',
      dataDir,
    ]);
    await run.waitForOutput('Ctrl+C stops everything');
    for (const text of [
      'ws://localhost:',
      'wspush-local-broadcast',
      'wspush-local-delivery',
      'npm run token',
      '/docs',
    ]) {
      expect(run.output()).toContain(text);
    }
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('Stopped.');
    const files = await readdir(dataDir);
    expect(files).toEqual(expect.arrayContaining(['dynamodb', 'idp-signing-key.json']));
    expect(existsSync(join(dataDir, 'sqs.json')) || existsSync(join(dataDir, 'sns.json'))).toBe(true);
  }, 60_000);
});
