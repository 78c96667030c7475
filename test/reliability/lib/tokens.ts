/**
 * Signs the corpus's token descriptors at test time (tokens expire, so none are stored): valid ones with the
 * platform's identity-provider key, and every kind of bad one (alg none, HS256 with the public key, a forged
 * key, unknown kid, tampered payload, wrong issuer/audience, expired, not yet valid).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { gatedRoles } from '../../support/contract-picks.js';
import type { TokenDescriptor } from './corpus.js';

export interface TokenContext {
  /** The platform's private signing key (RSA JWK with kid). */
  privateJwk: JWK;
  /** Base URL of the identity provider (`{idp}` in descriptors); issuers are `{idp}/realms/{realm}`. */
  idpBaseUrl: string;
  audience: string;
}

const b64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

let forgedKey: Promise<CryptoKey> | undefined;
async function forgedPrivateKey(): Promise<CryptoKey> {
  forgedKey ??= generateKeyPair('RS256', { extractable: true }).then((k) => k.privateKey as CryptoKey);
  return forgedKey;
}

function claimsOf(d: TokenDescriptor, ctx: TokenContext): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    typ: 'Bearer',
    azp: 'wspush-dev',
    realm_access: { roles: d.roles ?? [] },
    iat: now,
    jti: randomUUID(),
  };
  if (d.sub !== null && d.sub !== undefined) claims.sub = d.sub;
  if (d.resourceRoles) claims.resource_access = { wspush: { roles: d.resourceRoles } };
  const iss = d.iss === undefined ? `${ctx.idpBaseUrl}/realms/${d.realm}` : d.iss;
  if (iss !== null) claims.iss = iss.replaceAll('{idp}', ctx.idpBaseUrl);
  const aud = d.aud === undefined ? ctx.audience : d.aud;
  if (aud !== null) claims.aud = aud;
  const exp = d.expiresInSeconds === undefined ? 3600 : d.expiresInSeconds;
  if (exp !== null) claims.exp = now + exp;
  if (d.notBeforeSeconds !== undefined) claims.nbf = now + d.notBeforeSeconds;
  return claims;
}

function tamper(token: string, how: TokenDescriptor['tamper']): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  switch (how) {
    case 'payload-sub':
    case 'payload-roles': {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<
        string,
        unknown
      >;
      if (how === 'payload-sub') claims.sub = 'admin';
      else claims.realm_access = { roles: [...gatedRoles] };
      return `${header}.${b64url(JSON.stringify(claims))}.${signature}`;
    }
    case 'truncate-signature':
      return `${header}.${payload}.${signature.slice(0, signature.length - 10)}`;
    case 'strip-signature':
      return `${header}.${payload}.`;
    case 'extra-segment':
      return `${token}.${signature}`;
    default:
      return token;
  }
}

export async function signDescriptor(d: TokenDescriptor, ctx: TokenContext): Promise<string> {
  const claims = claimsOf(d, ctx);
  const kid = d.kid === 'unknown' ? 'unknown-kid' : d.kid === 'none' ? undefined : ctx.privateJwk.kid;
  let token: string;
  if (d.alg === 'none' || d.alg === 'NONE') {
    token = `${b64url(JSON.stringify({ alg: d.alg, typ: 'JWT', ...(kid ? { kid } : {}) }))}.${b64url(JSON.stringify(claims))}.`;
  } else if (d.alg === 'HS256-public-key') {
    // Key confusion: an HMAC "signed" with the RSA public key, which anyone can fetch from the JWKS.
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = ctx.privateJwk;
    const publicKey = await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256', { extractable: true });
    const secret = JSON.stringify(await exportJWK(publicKey as CryptoKey));
    const signingInput = `${b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT', kid }))}.${b64url(JSON.stringify(claims))}`;
    token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
  } else {
    const key =
      d.key === 'forged'
        ? await forgedPrivateKey()
        : ((await importJWK(ctx.privateJwk, 'RS256')) as CryptoKey);
    token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })
      .sign(key);
  }
  return tamper(token, d.tamper);
}
