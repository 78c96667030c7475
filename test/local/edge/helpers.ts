/** Shared helpers for the edge tests: a fake connection registry and SDK client settings. */
import type {
  ConnectionInfo,
  ConnectionRegistry,
  PostOutcome,
} from '../../../src/local/gateway/connection-registry.js';

export const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

export function clientConfig(endpoint: string): {
  endpoint: string;
  region: string;
  credentials: typeof credentials;
} {
  return { endpoint, region: 'us-east-1', credentials };
}

export class FakeRegistry implements ConnectionRegistry {
  readonly posted: Array<{ connectionId: string; data: string }> = [];
  readonly closed: string[] = [];
  readonly connections = new Map<string, ConnectionInfo & { outcome?: PostOutcome }>();

  add(connectionId: string, outcome?: PostOutcome): void {
    this.connections.set(connectionId, {
      connectedAt: new Date('2026-01-01T00:00:00.000Z'),
      lastActiveAt: new Date('2026-01-01T00:01:00.000Z'),
      sourceIp: '127.0.0.1',
      userAgent: 'vitest',
      ...(outcome ? { outcome } : {}),
    });
  }

  async post(connectionId: string, data: Buffer): Promise<PostOutcome> {
    const connection = this.connections.get(connectionId);
    if (!connection) return 'gone';
    if (connection.outcome && connection.outcome !== 'ok') return connection.outcome;
    this.posted.push({ connectionId, data: data.toString('utf8') });
    return 'ok';
  }

  info(connectionId: string): ConnectionInfo | undefined {
    return this.connections.get(connectionId);
  }

  async close(connectionId: string): Promise<boolean> {
    this.closed.push(connectionId);
    return this.connections.delete(connectionId);
  }
}

/** Polls `check` until it returns a value other than undefined (bounded). */
export async function eventually<T>(
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
