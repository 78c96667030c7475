/**
 * Runs a command-line program of this repository (the tsx CLIs, `bin/wspush.mjs`, a shell command) in a child
 * process and collects its exit code and output, as a user at the terminal would see them.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

/** The repository root (no trailing slash), the default working directory. */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
/** The tsx launcher, as `npm run token` and `npm start` use it. */
export const TSX_BIN = `${REPO_ROOT}/node_modules/.bin/tsx`;
/** The `wspush` launcher, as `npx wspush` runs it. */
export const WSPUSH_BIN = `${REPO_ROOT}/bin/wspush.mjs`;

export interface CliRun {
  /** The exit code; null when the process was killed (by the timeout, for one). */
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

export interface SpawnCliOptions {
  /** Working directory (default: the repository root). */
  cwd?: string;
  /** Added to this process's environment; an `undefined` value removes the variable. */
  env?: Record<string, string | undefined>;
  /** Written to stdin, which is then closed; without it stdin is ignored (/dev/null). */
  stdin?: string;
  /** Kills the process (SIGKILL) after this long; the run then resolves with `timedOut: true`. */
  timeoutMs?: number;
}

export function spawnCli(
  command: string,
  args: readonly string[],
  options: SpawnCliOptions = {},
): Promise<CliRun> {
  const env: Record<string, string | undefined> = { ...process.env, ...options.env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env,
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
    if (options.stdin !== undefined) child.stdin?.end(options.stdin);
  });
}

/** A loopback port nothing listens on (bind port 0, note it, close), for a CLI's unreachable-endpoint case. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}
