/**
 * The one way this repository starts DynamoDB locally: dynalite on a free loopback port, in memory or in
 * LevelDB under `path`, with its storage fixes applied (dynalite-storage-fixes.ts). The edge proxies to it
 * (`npm start`), adapter and handler tests and the benchmarks talk to it directly.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { applyDynaliteStorageFixes } from './dynalite-storage-fixes.js';

// The fixes must be in place before dynalite's modules load (they read memory-level's export at load).
applyDynaliteStorageFixes();
const dynalite = createRequire(import.meta.url)('dynalite') as typeof import('dynalite').default;

export interface DynaliteOptions {
  /** Keep the tables in LevelDB under this directory; in memory without it. */
  path?: string;
}

export interface DynaliteServer {
  /** `http://127.0.0.1:<port>` */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

export async function startDynalite(options: DynaliteOptions = {}): Promise<DynaliteServer> {
  // Tables become ACTIVE at once: the local platform creates its table at start and uses it right away.
  const server = dynalite({
    ...(options.path ? { path: options.path } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error?: Error) => (error ? reject(error) : resolve()));
      }),
  };
}
