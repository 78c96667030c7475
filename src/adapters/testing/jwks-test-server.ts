/**
 * Test support: a Keycloak-shaped JWKS server on 127.0.0.1 (port 0) whose key set can be changed between
 * requests, that counts requests, and signing helpers producing real tokens (jose `SignJWT`).
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';

export interface SigningKey {
  alg: 'RS256' | 'ES256';
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export async function createSigningKey(
  alg: 'RS256' | 'ES256' = 'RS256',
  kid: string = randomUUID(),
): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { alg, kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

export interface JwksTestServer {
  url: string;
  /** `${url}/realms/{realm}`. */
  issuerPattern: string;
  issuerFor(realm: string): string;
  /** Keys served for every known realm. */
  keys: JWK[];
  /** Realms whose JWKS exists (others answer 404 like Keycloak). */
  realms: Set<string>;
  /** When set, every JWKS request answers this status. */
  failWith: number | undefined;
  /** JWKS requests received, by path. */
  requests: string[];
  close(): Promise<void>;
}

export const TEST_JWKS_PATH = '/protocol/openid-connect/certs';

export async function startJwksTestServer(initial: {
  keys: JWK[];
  realms: readonly string[];
}): Promise<JwksTestServer> {
  const state: JwksTestServer = {
    url: '',
    issuerPattern: '',
    issuerFor: (realm) => `${state.url}/realms/${realm}`,
    keys: [...initial.keys],
    realms: new Set(initial.realms),
    failWith: undefined,
    requests: [],
    close: async () => undefined,
  };
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    state.requests.push(path);
    const match = /^\/realms\/([^/]+)\/protocol\/openid-connect\/certs$/.exec(path);
    if (state.failWith !== undefined) {
      res.writeHead(state.failWith, { 'content-type': 'application/json' }).end('{"error":"failure"}');
    } else if (match?.[1] === undefined || !state.realms.has(match[1])) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Realm does not exist"}');
    } else {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: state.keys }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `http://127.0.0.1:${port}`;
  state.issuerPattern = `${state.url}/realms/{realm}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return state;
}

export interface TokenSpec {
  key: SigningKey;
  issuer: string;
  audience?: string | string[];
  subject?: string | undefined;
  claims?: JWTPayload & Record<string, unknown>;
  /** Seconds from now; default 300. `undefined` in `omit` leaves `exp` out. */
  expiresIn?: number;
  notBefore?: number;
  issuedAt?: number;
  omit?: Array<'exp' | 'sub' | 'aud'>;
  header?: Record<string, unknown>;
}

/** A real signed token. */
export async function signToken(spec: TokenSpec): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const omit = new Set(spec.omit ?? []);
  const jwt = new SignJWT({ ...(spec.claims ?? {}) })
    .setProtectedHeader({ alg: spec.key.alg, kid: spec.key.kid, typ: 'JWT', ...(spec.header ?? {}) })
    .setIssuer(spec.issuer)
    .setIssuedAt(spec.issuedAt ?? now);
  if (!omit.has('aud')) jwt.setAudience(spec.audience ?? 'wspush');
  if (!omit.has('sub')) jwt.setSubject(spec.subject ?? 'alice');
  if (!omit.has('exp')) jwt.setExpirationTime(now + (spec.expiresIn ?? 300));
  if (spec.notBefore !== undefined) jwt.setNotBefore(now + spec.notBefore);
  return jwt.sign(spec.key.privateKey);
}

const b64url = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsecured token (`alg: none`, empty signature), as an attacker would send it. */
export function unsignedToken(payload: Record<string, unknown>): string {
  return `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
}

/**
 * The algorithm-confusion attack: an HS256 token whose HMAC secret is the issuer's *public* key (as PEM),
 * which a verifier that lets the token choose its algorithm would accept.
 */
export async function hs256WithPublicKey(key: SigningKey, payload: Record<string, unknown>): Promise<string> {
  const { createHmac, createPublicKey } = await import('node:crypto');
  const pem = createPublicKey({
    key: key.publicJwk as import('node:crypto').JsonWebKey,
    format: 'jwk',
  }).export({
    type: 'spki',
    format: 'pem',
  });
  const input = `${b64url({ alg: 'HS256', typ: 'JWT', kid: key.kid })}.${b64url(payload)}`;
  const signature = createHmac('sha256', pem).update(input).digest('base64url');
  return `${input}.${signature}`;
}
