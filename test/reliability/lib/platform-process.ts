/**
 * The local platform in a child process, so a test can kill it (SIGKILL, no goodbye) and start it again on
 * the same data directory. Started by `startPlatformProcess`; reports its URLs over IPC.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface PlatformProcess {
  child: ChildProcess;
  urls: { gateway: string; edge: string; broadcastTopicArn: string; userTopicArn: string; idp: string };
  tableName: string;
  token(userId: string, realm: string): Promise<string>;
  kill(): Promise<void>;
  stop(): Promise<void>;
}

if (process.send && process.env.WSPUSH_PLATFORM_PROCESS === '1') {
  const { startPlatform } = await import('../../../src/local/platform.js');
  const platform = await startPlatform({
    host: '127.0.0.1',
    gatewayPort: 0,
    edgePort: 0,
    idpPort: 0,
    dataDir: process.env.WSPUSH_DATA_DIR as string,
    deliveryDelaySeconds: 0,
    gatewayLog: () => undefined,
  });
  process.on('message', async (m: { type: string; id: number; userId?: string; realm?: string }) => {
    if (m.type === 'token') {
      const { token } = await platform.idp.mintToken({
        userId: m.userId as string,
        realm: m.realm as string,
        roles: [],
      });
      process.send?.({ type: 'token', id: m.id, token });
    } else if (m.type === 'stop') {
      await platform.stop();
      process.send?.({ type: 'stopped', id: m.id });
      process.exit(0);
    }
  });
  process.send({ type: 'ready', urls: platform.urls, tableName: platform.tableName });
}

export async function startPlatformProcess(dataDir: string): Promise<PlatformProcess> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      WSPUSH_PLATFORM_PROCESS: '1',
      WSPUSH_DATA_DIR: dataDir,
      POWERTOOLS_LOG_LEVEL: 'SILENT',
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ urls: PlatformProcess['urls']; tableName: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`platform process exited with ${code}`)));
    child.on('message', (m: { type: string; urls: PlatformProcess['urls']; tableName: string }) => {
      if (m.type === 'ready') resolve(m);
    });
  });
  let nextId = 1;
  const call = <T>(message: Record<string, unknown>, reply: string): Promise<T> =>
    new Promise((resolve) => {
      const id = nextId++;
      const onMessage = (m: { type: string; id: number } & T): void => {
        if (m.type === reply && m.id === id) {
          child.off('message', onMessage);
          resolve(m);
        }
      };
      child.on('message', onMessage);
      child.send({ ...message, id });
    });
  return {
    child,
    urls: ready.urls,
    tableName: ready.tableName,
    token: async (userId, realm) =>
      (await call<{ token: string }>({ type: 'token', userId, realm }, 'token')).token,
    kill: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
    stop: async () => {
      if (child.exitCode !== null) return;
      await Promise.race([call({ type: 'stop' }, 'stopped'), new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}
