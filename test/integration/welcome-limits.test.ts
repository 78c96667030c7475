/**
 * The welcome frame announces the limits this platform enforces (IDLE_TIMEOUT_SECONDS /
 * MAX_CONNECTION_SECONDS set by `startPlatform`), not the contract's 600 / 7200: the client SDK schedules its
 * pings and its handover before the maximum duration from these values.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import type { Platform } from '../../src/local/platform.js';
import { connect, startTestPlatform } from './support.js';

let platform: Platform;

beforeAll(async () => {
  platform = await startTestPlatform({ idleTimeoutSeconds: 20, maxConnectionSeconds: 30 });
});

afterAll(async () => {
  await platform?.stop();
});

it('a platform started with maxConnectionSeconds 30 and idleTimeoutSeconds 20 announces them in the welcome', async () => {
  const client = await connect(platform, { userId: 'lim', realm: 'acme', topics: ['announcements'] });
  const welcome = await client.welcome();
  expect(welcome.limits).toEqual({
    idleTimeoutSeconds: 20,
    maxConnectionSeconds: 30,
    connectionTtlSeconds: 7800,
  });
  expect(validators.WelcomeFrame(welcome).ok).toBe(true);
  expect(platform.env).toMatchObject({ IDLE_TIMEOUT_SECONDS: '20', MAX_CONNECTION_SECONDS: '30' });
  await client.close();
});
