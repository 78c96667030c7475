/** Closing connections whose token expired: the decision, the notice and close, and the extendTTL route. */
import { describe, expect, it } from 'vitest';
import { principalFromClaims, toAuthorizerContext } from './auth/claims.js';
import { ClientFrameService } from './client-frames.js';
import { createWorld } from './testing/world.js';
import { isTokenExpired, TOKEN_EXPIRED_CLOSE_CODE, TokenExpiryGuard } from './token-expiry.js';

describe('isTokenExpired', () => {
  it('is true from exp + afterSeconds on, false before, and never without a known exp', () => {
    const exp = 1_000;
    expect(isTokenExpired(exp, 999_999, 0)).toBe(false);
    expect(isTokenExpired(exp, 1_000_000, 0)).toBe(true);
    expect(isTokenExpired(exp, 1_029_999, 30)).toBe(false);
    expect(isTokenExpired(exp, 1_030_000, 30)).toBe(true);
    expect(isTokenExpired(undefined, Number.MAX_SAFE_INTEGER, 0)).toBe(false);
  });

  it('reads its close code from the contract', () => {
    expect(TOKEN_EXPIRED_CLOSE_CODE).toBe(4101);
  });
});

describe('token expiry through the claims and the authorizer context', () => {
  it('carries a numeric exp into the context as tokenExp; ignores a malformed one', () => {
    const ok = principalFromClaims({ sub: 'alice', exp: 1_700_000_000 }, 'acme');
    expect(ok.ok && toAuthorizerContext(ok.principal).tokenExp).toBe('1700000000');
    const odd = principalFromClaims({ sub: 'alice', exp: '1700000000' }, 'acme');
    expect(odd.ok && toAuthorizerContext(odd.principal)).not.toHaveProperty('tokenExp');
  });
});

describe('extendTTL with the token-expiry close enabled', () => {
  function setup(afterSeconds: number | undefined) {
    const world = createWorld();
    const tokenExpiresAt = Math.floor(world.clock.now() / 1000) + 60;
    const guard =
      afterSeconds === undefined
        ? undefined
        : new TokenExpiryGuard({ gateway: world.gateway, now: () => world.clock.now(), afterSeconds });
    const frames = new ClientFrameService({
      connections: world.connections,
      clock: world.clock,
      budget: world.budget,
      ...(guard ? { tokenExpiry: guard } : {}),
    });
    const extend = (requestId: string) =>
      frames.respond('c1', JSON.stringify({ action: 'extendTTL', requestId }), false);
    return { world, tokenExpiresAt, extend };
  }

  it('extends before expiry; after it posts TOKEN_EXPIRED with closeCode 4101, then closes, extending nothing', async () => {
    const { world, tokenExpiresAt, extend } = setup(5);
    await world.connect('c1', { tokenExpiresAt });
    expect((await world.store.getConnection('c1'))?.tokenExpiresAt).toBe(tokenExpiresAt);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    world.clock.advance(64_000); // exp + 4 s: inside afterSeconds
    expect(await extend('r2')).toMatchObject({ kind: 'ttl-extended' });
    const rowExpiry = (await world.store.getConnection('c1'))?.expiresAt;
    world.clock.advance(1_000); // exp + 5 s
    expect(await extend('r3')).toBeUndefined();
    expect(world.gateway.framesTo('c1')).toEqual([
      expect.objectContaining({ kind: 'error', code: 'TOKEN_EXPIRED', closeCode: 4101, requestId: 'r3' }),
    ]);
    expect(world.gateway.closed).toEqual(['c1']);
    expect((await world.store.getConnection('c1'))?.expiresAt).toBe(rowExpiry);
  });

  it('off (no setting): an expired token changes nothing', async () => {
    const { world, tokenExpiresAt, extend } = setup(undefined);
    await world.connect('c1', { tokenExpiresAt });
    world.clock.advance(3_600_000);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    expect(world.gateway.closed).toEqual([]);
  });

  it('on, but the connection has no known exp: never closed for it', async () => {
    const { world, extend } = setup(0);
    await world.connect('c1');
    world.clock.advance(3_600_000);
    expect(await extend('r1')).toMatchObject({ kind: 'ttl-extended' });
    expect(world.gateway.closed).toEqual([]);
  });

  it('a connection already gone (410 on the notice) is not closed again', async () => {
    const { world, tokenExpiresAt, extend } = setup(0);
    await world.connect('c1', { tokenExpiresAt });
    world.gateway.script('c1', 'gone');
    world.clock.advance(61_000);
    expect(await extend('r1')).toBeUndefined();
    expect(world.gateway.closed).toEqual([]);
  });
});
