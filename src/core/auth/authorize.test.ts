import { describe, expect, it } from 'vitest';
import { authorizeConnect } from './authorize.js';
import type { TokenVerification, TokenVerifier } from './ports.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2ln';

/** In-memory verifier: answers a fixed verification and records the tokens it was asked about. */
function fixedVerifier(answer: TokenVerification): TokenVerifier & { seen: string[] } {
  const seen: string[] = [];
  return {
    seen,
    verify: async (token) => {
      seen.push(token);
      return answer;
    },
  };
}

const verified = (claims: Record<string, unknown>, realm = 'acme'): TokenVerification => ({
  ok: true,
  token: { issuer: `https://idp/realms/${realm}`, realm, claims },
});

describe('authorizeConnect', () => {
  it('allows a verified token with a subject', async () => {
    const verifier = fixedVerifier(verified({ sub: 'alice', realm_access: { roles: ['admin'] } }));
    const decision = await authorizeConnect({ headers: { Authorization: `Bearer ${JWT}` } }, { verifier });
    expect(decision).toEqual({
      effect: 'allow',
      principal: { userId: 'alice', realm: 'acme', roles: ['admin'] },
      source: 'authorization-header',
      ignoredRoles: 0,
    });
    expect(verifier.seen).toEqual([JWT]);
  });

  it('is unauthorized without a token, with conflicting tokens, or when verification refuses', async () => {
    const verifier = fixedVerifier(verified({ sub: 'alice' }));
    expect(await authorizeConnect({}, { verifier })).toMatchObject({
      effect: 'unauthorized',
      reason: 'missing-token',
    });
    expect(
      await authorizeConnect(
        { headers: { Authorization: `Bearer ${JWT}` }, queryStringParameters: { token: `${JWT}x` } },
        { verifier },
      ),
    ).toMatchObject({ effect: 'unauthorized', reason: 'conflicting-tokens' });
    expect(verifier.seen).toEqual([]);
    const refusing = fixedVerifier({ ok: false, reason: 'expired', detail: 'token has expired' });
    expect(
      await authorizeConnect({ queryStringParameters: { token: JWT } }, { verifier: refusing }),
    ).toMatchObject({
      effect: 'unauthorized',
      reason: 'expired',
    });
  });

  it('is forbidden for an authentic token of a realm not allowed, or without a usable sub', async () => {
    const request = { queryStringParameters: { token: JWT } };
    expect(
      await authorizeConnect(request, {
        verifier: fixedVerifier(verified({ sub: 'alice' }, 'initech')),
        allowedRealms: new Set(['acme']),
      }),
    ).toMatchObject({ effect: 'forbidden', reason: 'realm-not-allowed', subject: 'alice', realm: 'initech' });
    expect(await authorizeConnect(request, { verifier: fixedVerifier(verified({})) })).toMatchObject({
      effect: 'forbidden',
      reason: 'missing-subject',
    });
    const invalid = await authorizeConnect(request, { verifier: fixedVerifier(verified({ sub: 'a b' })) });
    expect(invalid).toMatchObject({ effect: 'forbidden', reason: 'invalid-subject' });
    expect(invalid).not.toHaveProperty('subject');
  });

  it('lets verification outages propagate (not a bad token)', async () => {
    const failing: TokenVerifier = { verify: async () => Promise.reject(new Error('JWKS timeout')) };
    await expect(
      authorizeConnect({ queryStringParameters: { token: JWT } }, { verifier: failing }),
    ).rejects.toThrow('JWKS timeout');
  });
});
