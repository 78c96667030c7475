import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseIssuerPatterns } from '../core/auth/issuer-patterns.js';
import { createJwtVerifier, type JwtVerifierOptions } from './jwt-verifier.js';
import {
  createSigningKey,
  hs256WithPublicKey,
  type JwksTestServer,
  type SigningKey,
  signToken,
  startJwksTestServer,
  TEST_JWKS_PATH,
  unsignedToken,
} from './testing/jwks-test-server.js';

let server: JwksTestServer;
let rsa: SigningKey;
let ec: SigningKey;

beforeAll(async () => {
  rsa = await createSigningKey('RS256');
  ec = await createSigningKey('ES256');
  server = await startJwksTestServer({ keys: [rsa.publicJwk, ec.publicJwk], realms: ['acme', 'globex'] });
});
afterAll(() => server.close());
beforeEach(() => {
  server.keys = [rsa.publicJwk, ec.publicJwk];
  server.failWith = undefined;
  server.requests.length = 0;
});

const verifierFor = (overrides: Partial<JwtVerifierOptions> = {}) =>
  createJwtVerifier({
    issuers: parseIssuerPatterns(server.issuerPattern),
    audiences: ['wspush'],
    jwksPath: TEST_JWKS_PATH,
    ...overrides,
  });

describe('createJwtVerifier', () => {
  it('accepts RS256 and ES256 tokens of a trusted issuer and returns the realm from the issuer', async () => {
    const verifier = verifierFor();
    for (const key of [rsa, ec]) {
      const token = await signToken({ key, issuer: server.issuerFor('acme'), claims: { realm: 'globex' } });
      const result = await verifier.verify(token);
      expect(result).toMatchObject({ ok: true, token: { realm: 'acme', issuer: server.issuerFor('acme') } });
    }
  });

  it('accepts any of several audiences', async () => {
    const verifier = verifierFor({ audiences: ['other', 'wspush'] });
    const token = await signToken({
      key: rsa,
      issuer: server.issuerFor('acme'),
      audience: ['account', 'wspush'],
    });
    expect((await verifier.verify(token)).ok).toBe(true);
  });

  it('fetches one JWKS per issuer and reuses it', async () => {
    const verifier = verifierFor();
    for (let i = 0; i < 4; i++) {
      for (const realm of ['acme', 'globex']) {
        const token = await signToken({ key: i % 2 ? ec : rsa, issuer: server.issuerFor(realm) });
        expect((await verifier.verify(token)).ok).toBe(true);
      }
    }
    expect(server.requests.sort()).toEqual([
      `/realms/acme${TEST_JWKS_PATH}`,
      `/realms/globex${TEST_JWKS_PATH}`,
    ]);
    expect(verifier.cachedIssuers()).toHaveLength(2);
  });

  it('refetches once for an unknown kid (key rotation), then accepts the new key', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 0 });
    expect((await verifier.verify(await signToken({ key: rsa, issuer: server.issuerFor('acme') }))).ok).toBe(
      true,
    );
    expect(server.requests).toHaveLength(1);

    const rotated = await createSigningKey('RS256');
    server.keys = [rotated.publicJwk, rsa.publicJwk];
    const fresh = await signToken({ key: rotated, issuer: server.issuerFor('acme') });
    expect((await verifier.verify(fresh)).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
    // Now cached: no further request.
    expect((await verifier.verify(fresh)).ok).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('a kid unknown even after the refetch is refused after exactly one refetch', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 0 });
    const stranger = await createSigningKey('RS256');
    const token = await signToken({ key: stranger, issuer: server.issuerFor('acme') });
    expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'unknown-key' });
    // First use fetches, the miss refetches once: two requests, never a loop.
    expect(server.requests).toHaveLength(2);
  });

  it('within the cooldown an unknown kid does not refetch (forged kids cannot hammer the IdP)', async () => {
    const verifier = verifierFor({ jwksCooldownMs: 60_000 });
    expect((await verifier.verify(await signToken({ key: rsa, issuer: server.issuerFor('acme') }))).ok).toBe(
      true,
    );
    const stranger = await createSigningKey('RS256');
    for (let i = 0; i < 3; i++) {
      const token = await signToken({ key: stranger, issuer: server.issuerFor('acme') });
      expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'unknown-key' });
    }
    expect(server.requests).toHaveLength(1);
  });

  it('classifies each bad token', async () => {
    const verifier = verifierFor();
    const acme = server.issuerFor('acme');
    const stranger = await createSigningKey('RS256', rsa.kid); // same kid, different key: bad signature
    const cases: Array<[string, Promise<string> | string]> = [
      ['expired', signToken({ key: rsa, issuer: acme, expiresIn: -60 })],
      ['not-yet-valid', signToken({ key: rsa, issuer: acme, notBefore: 60 })],
      ['wrong-audience', signToken({ key: rsa, issuer: acme, audience: 'someone-else' })],
      ['wrong-audience', signToken({ key: rsa, issuer: acme, omit: ['aud'] })],
      ['unknown-issuer', signToken({ key: rsa, issuer: 'https://evil.test/realms/acme' })],
      ['unknown-issuer', signToken({ key: rsa, issuer: server.issuerFor('nope') })],
      ['bad-signature', signToken({ key: stranger, issuer: acme })],
      [
        'unsupported-algorithm',
        unsignedToken({ iss: acme, sub: 'alice', aud: 'wspush', exp: 9_999_999_999 }),
      ],
      [
        'unsupported-algorithm',
        hs256WithPublicKey(rsa, { iss: acme, sub: 'alice', aud: 'wspush', exp: 9_999_999_999 }),
      ],
      ['invalid-claims', signToken({ key: rsa, issuer: acme, omit: ['exp'] })],
      ['malformed', 'eyJub3QiOiJqc29uIg.e30.c2ln'],
    ];
    for (const [reason, token] of cases) {
      expect(await verifier.verify(await token), reason).toMatchObject({ ok: false, reason });
    }
    // Only the two realms' JWKS were requested (the 404 one included); no request for the untrusted issuer.
    expect(server.requests.every((p) => p.startsWith('/realms/'))).toBe(true);
    expect(server.requests.some((p) => p.includes('evil'))).toBe(false);
  });

  it('an unreachable or failing identity provider is an error, not a bad token', async () => {
    const verifier = verifierFor();
    server.failWith = 503;
    const token = await signToken({ key: rsa, issuer: server.issuerFor('acme') });
    await expect(verifier.verify(token)).rejects.toThrow();
    const closed = createJwtVerifier({
      issuers: parseIssuerPatterns('http://127.0.0.1:1/realms/{realm}'),
      audiences: ['wspush'],
      jwksPath: TEST_JWKS_PATH,
    });
    await expect(
      closed.verify(await signToken({ key: rsa, issuer: 'http://127.0.0.1:1/realms/acme' })),
    ).rejects.toThrow();
  });

  it('never allows none or HS* by configuration', () => {
    expect(() => verifierFor({ algorithms: ['RS256', 'HS256'] })).toThrow(/HS256/);
    expect(() => verifierFor({ algorithms: ['none'] })).toThrow(/none/);
  });

  it('bounds the per-issuer cache', async () => {
    server.realms = new Set(['r1', 'r2', 'r3']);
    const verifier = verifierFor({ maxCachedIssuers: 2 });
    for (const realm of ['r1', 'r2', 'r3']) {
      expect((await verifier.verify(await signToken({ key: rsa, issuer: server.issuerFor(realm) }))).ok).toBe(
        true,
      );
    }
    expect(verifier.cachedIssuers()).toEqual([server.issuerFor('r2'), server.issuerFor('r3')]);
    server.realms = new Set(['acme', 'globex']);
  });
});

describe('JWKS abuse by anonymous connects (issue #14)', () => {
  it('checks the realm against the allowed realms before any JWKS request', async () => {
    const verifier = verifierFor({ allowedRealms: new Set(['acme']) });
    for (let i = 0; i < 20; i++) {
      const junk = await signToken({ key: rsa, issuer: server.issuerFor(`junk${i}`) });
      expect(await verifier.verify(junk)).toMatchObject({ ok: false, reason: 'unknown-issuer' });
    }
    const globex = await signToken({ key: rsa, issuer: server.issuerFor('globex') });
    expect(await verifier.verify(globex)).toMatchObject({ ok: false, reason: 'unknown-issuer' });
    expect(server.requests).toEqual([]);
    expect((await verifier.verify(await signToken({ key: rsa, issuer: server.issuerFor('acme') }))).ok).toBe(
      true,
    );
    expect(server.requests).toHaveLength(1);
  });

  it('remembers an unknown realm (404) and a failing identity provider instead of asking per token', async () => {
    const verifier = verifierFor();
    const nowhere = await signToken({ key: rsa, issuer: server.issuerFor('nowhere') });
    for (let i = 0; i < 5; i++)
      expect(await verifier.verify(nowhere)).toMatchObject({ ok: false, reason: 'unknown-issuer' });
    expect(server.requests.filter((p) => p.includes('nowhere'))).toHaveLength(1);

    server.failWith = 503;
    const acme = await signToken({ key: rsa, issuer: server.issuerFor('acme') });
    for (let i = 0; i < 5; i++) await expect(verifier.verify(acme)).rejects.toThrow();
    expect(server.requests.filter((p) => p.includes('acme'))).toHaveLength(1);
  });

  it('retries a failed key set once its short failure cache expired', async () => {
    const verifier = verifierFor({ jwksFailureCacheMs: 50 });
    server.failWith = 503;
    const acme = await signToken({ key: rsa, issuer: server.issuerFor('acme') });
    await expect(verifier.verify(acme)).rejects.toThrow();
    server.failWith = undefined;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await verifier.verify(acme)).ok).toBe(true);
  });

  it('keeps a realm in use cached while junk realms come and go (LRU, not FIFO)', async () => {
    server.realms = new Set(['acme', 'globex', 'j1', 'j2', 'j3', 'j4']);
    const verifier = verifierFor({ maxCachedIssuers: 2 });
    const acme = await signToken({ key: rsa, issuer: server.issuerFor('acme') });
    for (const junk of ['j1', 'j2', 'j3', 'j4']) {
      expect((await verifier.verify(acme)).ok).toBe(true);
      await verifier.verify(await signToken({ key: rsa, issuer: server.issuerFor(junk) }));
    }
    expect(server.requests.filter((p) => p.includes('/acme/'))).toHaveLength(1);
    expect(verifier.cachedIssuers()).toContain(server.issuerFor('acme'));
    server.realms = new Set(['acme', 'globex']);
  });
});

describe('token type (issue #14)', () => {
  it('a token that names its type must be an access token (an ID token of client wspush is refused)', async () => {
    const verifier = verifierFor();
    const issuer = server.issuerFor('acme');
    const sign = (claims: Record<string, unknown>, header: Record<string, unknown> = {}) =>
      signToken({ key: rsa, issuer, claims: { azp: 'wspush', ...claims }, header });
    expect((await verifier.verify(await sign({ typ: 'Bearer' }))).ok).toBe(true);
    expect((await verifier.verify(await sign({}))).ok).toBe(true);
    expect((await verifier.verify(await sign({}, { typ: 'at+jwt' }))).ok).toBe(true);
    for (const token of [
      await sign({ typ: 'ID' }),
      await sign({ typ: 'Refresh' }),
      await sign({ typ: 42 }),
      await sign({}, { typ: 'id+jwt' }),
    ]) {
      expect(await verifier.verify(token)).toMatchObject({ ok: false, reason: 'invalid-claims' });
    }
  });
});
