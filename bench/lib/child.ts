/** Runs a small ESM script in a fresh Node process and parses the JSON it prints last. */
import { spawn } from 'node:child_process';

export async function runFreshNode<T>(
  scriptFile: string,
  args: readonly string[] = [],
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [scriptFile, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${scriptFile} timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${scriptFile} exited with ${code}: ${err.slice(-2000)}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${scriptFile} printed no JSON result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}
