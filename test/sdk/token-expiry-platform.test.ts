/**
 * With `closeExpiredTokensAfterSeconds` set, the local platform closes a connection once its token expired,
 * whether or not the client sends anything: `$connect` schedules a token check job on the delivery queue, delayed
 * to exp + the setting, and the delivery worker posts the notice TOKEN_EXPIRED (closeCode 4101), then closes
 * (1000); the SDK reports 4101, fetches a new token and reconnects at once. The close comes at most
 * TOKEN_CLOSE_BOUND_SECONDS after exp + the setting, never before.
 */
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_CLOSE_BOUND_SECONDS } from '../../src/core/token-expiry.js';
import type { Platform } from '../../src/local/platform.js';
import { startLocalPlatform, waitFor } from './platform-helpers.js';
import { clientExtendingAfter, shortTokens } from './token-expiry-platform.helpers.js';

const AFTER_SECONDS = 1;
let platform: Platform;

beforeAll(async () => {
  platform = await startLocalPlatform({ closeExpiredTokensAfterSeconds: AFTER_SECONDS });
});
afterAll(async () => {
  await platform?.stop();
});

type Reconnect = { attempt: number; delayMs: number; code?: number; at: number };

describe('token-expiry close, setting on', { timeout: 90_000 }, () => {
  it('a client that sends nothing is closed with 4101 within the bound after exp + the setting; the SDK reconnects with a new token', async () => {
    // The first token lives 3 s; the one fetched on reconnect an hour, so the new connection stays open.
    const tokens = shortTokens(platform, 'silent-alice', 3, 3_600);
    const { client, frames } = clientExtendingAfter(platform, tokens.getToken);
    const reconnects: Reconnect[] = [];
    client.on('reconnecting', (d) => reconnects.push({ ...d, at: Date.now() }));
    try {
      await waitFor('the close for the expired token', () => reconnects.length > 0, 60_000);
      const due = (decodeJwt(tokens.minted[0]!).exp! + AFTER_SECONDS) * 1000;
      const lateMs = reconnects[0]!.at - due;
      console.info(`token-expiry close: ${lateMs} ms after exp + ${AFTER_SECONDS} s`);
      expect(lateMs, 'closed before exp + the setting').toBeGreaterThanOrEqual(0);
      expect(lateMs, `closed ${lateMs} ms after exp + the setting`).toBeLessThanOrEqual(
        TOKEN_CLOSE_BOUND_SECONDS * 1000,
      );
      expect(reconnects[0]).toMatchObject({ attempt: 0, delayMs: 0, code: 4101 });
      // The client sent nothing: no extendTTL answer, only the notice before the close.
      expect(frames.filter((f) => f.kind === 'ttl-extended')).toEqual([]);
      expect(frames.filter((f) => f.kind === 'error')).toEqual([
        expect.objectContaining({ code: 'TOKEN_EXPIRED', closeCode: 4101, retryable: true }),
      ]);
      await waitFor(
        'the second welcome',
        () => frames.filter((f) => f.kind === 'welcome').length === 2,
        60_000,
      );
      expect(tokens.minted).toHaveLength(2);
      expect(tokens.minted[1]).not.toBe(tokens.minted[0]);
      expect(client.state).toBe('open');
    } finally {
      await client.close();
    }
  });

  it('a client extending its TTL after the token expired gets no extension: closed with 4101, reconnected', async () => {
    const tokens = shortTokens(platform, 'expiring-alice', 2, 3_600);
    const { client, frames } = clientExtendingAfter(platform, tokens.getToken, 4_000);
    const reconnects: Reconnect[] = [];
    client.on('reconnecting', (d) => reconnects.push({ ...d, at: Date.now() }));
    try {
      await waitFor('the close for the expired token', () => reconnects.length > 0, 60_000);
      expect(reconnects[0]).toMatchObject({ attempt: 0, delayMs: 0, code: 4101 });
      expect(frames.filter((f) => f.kind === 'ttl-extended')).toEqual([]);
      await waitFor(
        'the second welcome',
        () => frames.filter((f) => f.kind === 'welcome').length === 2,
        60_000,
      );
      expect(tokens.minted).toHaveLength(2);
    } finally {
      await client.close();
    }
  });
});
