/** Without `closeExpiredTokensAfterSeconds` (the default), a connection outlives its token: extendTTL is answered. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { startLocalPlatform, waitFor } from './platform-helpers.js';
import { clientExtendingAfter, shortTokens } from './token-expiry-platform.helpers.js';

let platform: Platform;

beforeAll(async () => {
  platform = await startLocalPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

describe('token-expiry close, setting off', { timeout: 90_000 }, () => {
  it('extends a connection whose token expired and does not close it', async () => {
    const tokens = shortTokens(platform, 'expiring-bob', 2);
    const { client, frames } = clientExtendingAfter(platform, tokens.getToken, 4_000);
    const reconnects: unknown[] = [];
    client.on('reconnecting', (d) => reconnects.push(d));
    try {
      await waitFor(
        'an extendTTL answer after the token expired',
        () => frames.some((f) => f.kind === 'ttl-extended'),
        60_000,
      );
      expect(frames.filter((f) => f.kind === 'error')).toEqual([]);
      expect(reconnects).toEqual([]);
      expect(tokens.minted).toHaveLength(1);
      expect(client.state).toBe('open');
    } finally {
      await client.close();
    }
  });
});
