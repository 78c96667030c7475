/** Request/response over a child process's IPC channel (children started with `--import tsx`). */
import { type ChildProcess, fork } from 'node:child_process';

export interface IpcChild {
  child: ChildProcess;
  call<T>(request: unknown, timeoutMs?: number): Promise<T>;
  kill(): void;
}

export async function forkTs(
  file: string,
  env: Record<string, string> = {},
  execArgv: string[] = [],
): Promise<IpcChild> {
  const child = fork(file, [], {
    execArgv: ['--import', 'tsx', ...execArgv],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const ready = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.on('message', (message: { id: number; body?: unknown; error?: string }) => {
      if (message.id === 0) {
        resolve();
        return;
      }
      const waiter = pending.get(message.id);
      if (!waiter) return;
      pending.delete(message.id);
      if (message.error) waiter.reject(new Error(message.error));
      else waiter.resolve(message.body);
    });
  });
  child.on('exit', (code) => {
    for (const w of pending.values()) w.reject(new Error(`${file} exited with ${code}`));
    pending.clear();
  });
  await ready;
  return {
    child,
    call<T>(request: unknown, timeoutMs = 120_000): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`${file}: ${JSON.stringify(request).slice(0, 80)} timed out`));
        }, timeoutMs);
        pending.set(id, {
          resolve: (v) => {
            clearTimeout(timer);
            resolve(v as T);
          },
          reject: (e) => {
            clearTimeout(timer);
            reject(e);
          },
        });
        child.send({ id, request });
      });
    },
    kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
