/**
 * Settings given to `startPlatform` reach the handlers through their environment:
 * - the welcome frame announces the limits this platform enforces (IDLE_TIMEOUT_SECONDS /
 *   MAX_CONNECTION_SECONDS), not the contract's 600 / 7200: the client SDK schedules its pings and its
 *   handover before the maximum duration from these values;
 * - `env` overrides reach the user router: OFFLINE_RETENTION_MAX_DAYS caps the inbox row's expiry.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validators } from '../../generated/index.js';
import type { Platform } from '../../src/local/platform.js';
import { topics } from '../support/contract-picks.js';
import {
  type AwsClients,
  awsClients,
  connect,
  publishUser,
  rowsOf,
  startTestPlatform,
  waitFor,
} from './support.js';

let platform: Platform;
let clients: AwsClients;

beforeAll(async () => {
  platform = await startTestPlatform({
    idleTimeoutSeconds: 20,
    maxConnectionSeconds: 30,
    env: { OFFLINE_RETENTION_MAX_DAYS: '1' },
  });
  clients = awsClients(platform);
});

afterAll(async () => {
  clients?.destroy();
  await platform?.stop();
});

it('a platform started with maxConnectionSeconds 30 and idleTimeoutSeconds 20 announces them in the welcome', async () => {
  const client = await connect(platform, { userId: 'lim', realm: 'acme', topics: [topics.openHistory] });
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

it('OFFLINE_RETENTION_MAX_DAYS caps the inbox expiry of an offline user message (a user message type kept 7 days: 1 day)', async () => {
  const before = Math.floor(Date.now() / 1000);
  await publishUser(platform, clients, { realm: 'acme', userId: 'away' });
  const [row] = await waitFor(async () => {
    const rows = await rowsOf(platform, clients, 'inbox#acme#away');
    return rows.length > 0 && rows;
  }, 'the inbox row');
  const after = Math.floor(Date.now() / 1000);
  expect(Number(row?.expiresAt)).toBeGreaterThanOrEqual(before + 86_400 - 1);
  expect(Number(row?.expiresAt)).toBeLessThanOrEqual(after + 86_400 + 1);
});
