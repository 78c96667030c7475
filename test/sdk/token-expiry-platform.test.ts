/**
 * With `closeExpiredTokensAfterSeconds` set, the local platform closes a connection whose token expired when
 * its `extendTTL` arrives: the notice TOKEN_EXPIRED (closeCode 4101) first, then the close (1000); the SDK
 * reports 4101, fetches a new token and reconnects at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { startLocalPlatform, waitFor } from './platform-helpers.js';
import { clientExtendingAfter, shortTokens } from './token-expiry-platform.helpers.js';

let platform: Platform;

beforeAll(async () => {
  platform = await startLocalPlatform({ closeExpiredTokensAfterSeconds: 0 });
});
afterAll(async () => {
  await platform?.stop();
});

describe('token-expiry close, setting on', { timeout: 90_000 }, () => {
  it('closes the connection with the announced 4101 after expiry; the SDK reconnects with a new token', async () => {
    const tokens = shortTokens(platform, 'expiring-alice', 2);
    const { client, frames } = clientExtendingAfter(platform, tokens.getToken, 4_000);
    const reconnects: { attempt: number; delayMs: number; code?: number }[] = [];
    client.on('reconnecting', (d) => reconnects.push(d));
    try {
      await waitFor('the close for the expired token', () => reconnects.length > 0, 60_000);
      expect(reconnects[0]).toEqual({ attempt: 0, delayMs: 0, code: 4101 });
      expect(frames.filter((f) => f.kind === 'error')).toEqual([
        expect.objectContaining({ code: 'TOKEN_EXPIRED', closeCode: 4101, retryable: true }),
      ]);
      expect(frames.filter((f) => f.kind === 'ttl-extended')).toEqual([]);
      // Reconnected with a token fetched after the close, and welcomed again.
      await waitFor(
        'the second welcome',
        () => frames.filter((f) => f.kind === 'welcome').length === 2,
        60_000,
      );
      expect(tokens.minted).toHaveLength(2);
      expect(tokens.minted[1]).not.toBe(tokens.minted[0]);
    } finally {
      await client.close();
    }
  });
});
