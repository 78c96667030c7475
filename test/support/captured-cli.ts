/** `runCli` in this process with its output captured: what a user would see on stdout and stderr. */
import { type CliIo, runCli } from '../../src/publisher/cli.js';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCliCaptured(args: readonly string[], io: Partial<CliIo> = {}): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    env: {},
    readStdin: async () => '',
    stdinIsTTY: true,
    ...io,
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}
