import { afterEach, describe, expect, it } from 'vitest';
import { getManagementClient } from './clients.js';

interface HandlerConfig {
  requestTimeout?: number;
  throwOnRequestTimeout?: boolean;
  httpAgentProvider: () => Promise<{ maxSockets: number }>;
}

describe('management API client', () => {
  const saved = process.env.POST_CONCURRENCY;
  afterEach(() => {
    if (saved === undefined) delete process.env.POST_CONCURRENCY;
    else process.env.POST_CONCURRENCY = saved;
  });

  it('has sockets for POST_CONCURRENCY posts of each of the 10 records of an invocation, and fails a hung post', async () => {
    process.env.POST_CONCURRENCY = '20';
    const client = getManagementClient('http://127.0.0.1:9/clients-test');
    const handler = client.config.requestHandler as unknown as { configProvider: Promise<HandlerConfig> };
    const config = await handler.configProvider;
    expect((await config.httpAgentProvider()).maxSockets).toBe(200);
    expect(config.requestTimeout).toBe(10_000);
    expect(config.throwOnRequestTimeout).toBe(true);
  });
});
