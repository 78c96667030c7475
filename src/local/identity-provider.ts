/**
 * Development identity provider: Keycloak-shaped realms (`/realms/{realm}`) with an OIDC discovery document
 * and a JWKS each, plus `POST /dev/token` that mints RS256 access tokens for any user, realm and roles.
 * Tokens look like Keycloak's (`sub`, `realm_access.roles`, `azp`, `typ: Bearer`), so the production
 * authorizer accepts them when configured with `JWT_ISSUERS=<publicBaseUrl>/realms/{realm}` and
 * `JWT_AUDIENCE=<audience>`.
 *
 * It is not a server: `handle(req, res)` answers the paths it owns (`/realms/…`, `/dev/…`) and returns false
 * for others, so the local platform serves the console page and `/docs` on the same HTTP server.
 * One key pair signs for every realm (fine for development; Keycloak has one per realm).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { isRealm, isRoleName, isUserId } from '../core/auth/identity-patterns.js';
import { DEFAULT_JWKS_PATH } from '../handlers/runtime/auth-config.js';
import { createRequestGuard, isJsonRequest } from './request-guard.js';

export const DEV_TOKEN_PATH = '/dev/token';
export const MAX_TTL_SECONDS = 86_400;
export const DEFAULT_TTL_SECONDS = 3_600;
const MAX_BODY_BYTES = 16_384;
const MAX_ROLES = 64;
const ALG = 'RS256';
/** `azp` of minted tokens, the client id a Keycloak token would carry. */
export const DEV_CLIENT_ID = 'wspush-dev';

export interface IdentityProviderOptions {
  /** Where browsers and the authorizer reach this server, e.g. `http://localhost:3000` (no trailing slash). */
  publicBaseUrl: string;
  /** `aud` of minted tokens. Default `wspush`. */
  audience?: string;
  /** Private key (JWK) file: loaded when present, created otherwise, so restarts keep tokens valid. */
  keyFile?: string;
}

export interface MintTokenInput {
  userId: string;
  realm: string;
  roles?: readonly string[];
  ttlSeconds?: number;
  /** Override of the audience (tests of wrong-audience tokens). */
  audience?: string;
}

export interface MintedToken {
  token: string;
  /** ISO 8601 expiry (`exp`). */
  expiresAt: string;
}

export interface IdentityProvider {
  /** Answers the request when the path is ours (`/realms/…`, `/dev/…`); resolves false otherwise. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  issuerFor(realm: string): string;
  /** `${publicBaseUrl}/realms/{realm}`: the value for the authorizer's `JWT_ISSUERS`. */
  issuerPattern: string;
  /** The JWKS path below an issuer (the authorizer's `JWKS_PATH`). */
  jwksPath: string;
  audience: string;
  /** Validates like `POST /dev/token` (throws `InvalidTokenRequestError`) and signs. */
  mintToken(input: MintTokenInput): Promise<MintedToken>;
}

export class InvalidTokenRequestError extends Error {}

interface KeyMaterial {
  privateKey: CryptoKey;
  publicJwk: JWK;
  spkiBase64: string;
  kid: string;
}

async function material(privateKey: CryptoKey, publicKey: CryptoKey, kid: string): Promise<KeyMaterial> {
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: 'sig' };
  const spkiBase64 = (await exportSPKI(publicKey)).replace(/-----[A-Z ]+-----|\s/g, '');
  return { privateKey, publicJwk, spkiBase64, kid };
}

async function generateKeys(): Promise<{ keys: KeyMaterial; privateJwk: JWK }> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: 'sig' };
  return { keys: await material(privateKey, publicKey, kid), privateJwk };
}

async function loadKeys(keyFile: string): Promise<KeyMaterial | undefined> {
  let text: string;
  try {
    text = await readFile(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
      throw new Error('not an RSA private JWK with a kid');
    }
    const privateKey = (await importJWK(jwk, ALG, { extractable: true })) as CryptoKey;
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicPart } = jwk;
    const publicKey = (await importJWK({ ...publicPart, key_ops: ['verify'] }, ALG)) as CryptoKey;
    return await material(privateKey, publicKey, jwk.kid);
  } catch (error) {
    throw new Error(
      `identity provider key file ${keyFile} is unreadable (${(error as Error).message}); delete it to create a new key`,
    );
  }
}

async function saveKeys(keyFile: string, privateJwk: JWK): Promise<void> {
  await mkdir(dirname(keyFile), { recursive: true });
  const temporary = `${keyFile}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(privateJwk)}\n`, { mode: 0o600 });
  await rename(temporary, keyFile);
}

/** Checks a token request (the `POST /dev/token` body or a `mintToken` call). */
export function validateTokenRequest(body: unknown): Required<Omit<MintTokenInput, 'audience'>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new InvalidTokenRequestError('body must be a JSON object {userId, realm, roles?, ttlSeconds?}');
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).filter((k) => !['userId', 'realm', 'roles', 'ttlSeconds'].includes(k));
  if (unknown.length > 0) {
    throw new InvalidTokenRequestError(
      `unknown field(s): ${unknown.join(', ')} (allowed: userId, realm, roles, ttlSeconds)`,
    );
  }
  if (input.userId === undefined || input.userId === '')
    throw new InvalidTokenRequestError('userId is required');
  if (!isUserId(input.userId)) {
    throw new InvalidTokenRequestError('userId must match ^[A-Za-z0-9._@:+|-]{1,128}$ (contract UserId)');
  }
  if (input.realm === undefined || input.realm === '')
    throw new InvalidTokenRequestError('realm is required');
  if (!isRealm(input.realm)) {
    throw new InvalidTokenRequestError('realm must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$ (contract Realm)');
  }
  const roles = input.roles ?? [];
  if (!Array.isArray(roles)) throw new InvalidTokenRequestError('roles must be an array of role names');
  if (roles.length > MAX_ROLES) throw new InvalidTokenRequestError(`at most ${MAX_ROLES} roles`);
  for (const role of roles) {
    if (!isRoleName(role)) {
      throw new InvalidTokenRequestError(
        `role ${JSON.stringify(role)} is not a role name (1-128 characters, no comma, no surrounding spaces)`,
      );
    }
  }
  const ttl = input.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL_SECONDS) {
    throw new InvalidTokenRequestError(`ttlSeconds must be an integer from 1 to ${MAX_TTL_SECONDS}`);
  }
  return {
    userId: input.userId,
    realm: input.realm,
    roles: [...new Set(roles as string[])],
    ttlSeconds: ttl,
  };
}

/**
 * CORS for pages of this machine only (request-guard.ts): the allowed Origin is echoed, never `*`, so a page on
 * another site can neither mint a token nor read one (issue #14 item 12).
 */
const originGuard = createRequestGuard();
const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-max-age': '600',
};

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...CORS_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function createIdentityProvider(options: IdentityProviderOptions): Promise<IdentityProvider> {
  const publicBaseUrl = options.publicBaseUrl.replace(/\/+$/, '');
  try {
    const url = new URL(publicBaseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new Error(`identity provider publicBaseUrl "${options.publicBaseUrl}" is not an http(s) URL`);
  }
  const audience = options.audience ?? 'wspush';
  let keys: KeyMaterial | undefined = options.keyFile ? await loadKeys(options.keyFile) : undefined;
  if (keys === undefined) {
    const generated = await generateKeys();
    keys = generated.keys;
    if (options.keyFile) await saveKeys(options.keyFile, generated.privateJwk);
  }
  const key = keys;
  const jwksPath = DEFAULT_JWKS_PATH;
  const issuerFor = (realm: string): string => `${publicBaseUrl}/realms/${realm}`;

  const mintToken = async (input: MintTokenInput): Promise<MintedToken> => {
    const { userId, realm, roles, ttlSeconds } = validateTokenRequest({
      userId: input.userId,
      realm: input.realm,
      ...(input.roles !== undefined ? { roles: input.roles } : {}),
      ...(input.ttlSeconds !== undefined ? { ttlSeconds: input.ttlSeconds } : {}),
    });
    const now = Math.floor(Date.now() / 1000);
    const exp = now + ttlSeconds;
    const token = await new SignJWT({
      typ: 'Bearer',
      azp: DEV_CLIENT_ID,
      preferred_username: userId,
      realm_access: { roles },
      scope: 'openid',
    })
      .setProtectedHeader({ alg: ALG, typ: 'JWT', kid: key.kid })
      .setIssuer(issuerFor(realm))
      .setSubject(userId)
      .setAudience(input.audience ?? audience)
      .setIssuedAt(now)
      .setExpirationTime(exp)
      .setJti(randomUUID())
      .sign(key.privateKey);
    return { token, expiresAt: new Date(exp * 1000).toISOString() };
  };

  const realmDocument = (realm: string) => {
    const issuer = issuerFor(realm);
    return {
      realm,
      public_key: key.spkiBase64,
      'token-service': `${issuer}/protocol/openid-connect`,
      'account-service': `${issuer}/account`,
      'tokens-not-before': 0,
    };
  };

  const openidConfiguration = (realm: string) => {
    const issuer = issuerFor(realm);
    return {
      issuer,
      jwks_uri: `${issuer}${jwksPath}`,
      // Development only: tokens come from POST /dev/token, there is no OAuth flow.
      token_endpoint: `${publicBaseUrl}${DEV_TOKEN_PATH}`,
      response_types_supported: ['token'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: [ALG],
      token_endpoint_auth_methods_supported: ['none'],
      claims_supported: [
        'iss',
        'sub',
        'aud',
        'exp',
        'iat',
        'jti',
        'azp',
        'preferred_username',
        'realm_access',
      ],
    };
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = new URL(req.url ?? '/', 'http://idp.invalid').pathname;
    const ours =
      path === '/realms' || path.startsWith('/realms/') || path === '/dev' || path.startsWith('/dev/');
    if (!ours) return false;
    const origin = req.headers.origin;
    res.setHeader('vary', 'Origin');
    if (origin !== undefined) {
      if (!originGuard.allowsOrigin(origin)) {
        sendJson(res, 403, {
          error: 'forbidden',
          message: 'only pages on this machine may call the identity provider',
        });
        return true;
      }
      res.setHeader('access-control-allow-origin', origin);
    }
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return true;
    }

    if (path === DEV_TOKEN_PATH) {
      if (method !== 'POST') {
        sendJson(res, 405, { error: 'method_not_allowed', message: 'use POST' }, { allow: 'POST, OPTIONS' });
        return true;
      }
      if (!isJsonRequest(req.headers)) {
        sendJson(res, 415, {
          error: 'unsupported_media_type',
          message: 'send content-type: application/json',
        });
        return true;
      }
      let text: string;
      try {
        text = await readBody(req);
      } catch (error) {
        if (error instanceof BodyTooLargeError) {
          sendJson(res, 413, { error: 'too_large', message: `body over ${MAX_BODY_BYTES} bytes` });
          return true;
        }
        throw error;
      }
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        sendJson(res, 400, { error: 'invalid_request', message: 'body is not valid JSON' });
        return true;
      }
      try {
        const valid = validateTokenRequest(body);
        sendJson(res, 200, await mintToken(valid));
      } catch (error) {
        if (!(error instanceof InvalidTokenRequestError)) throw error;
        sendJson(res, 400, { error: 'invalid_request', message: error.message });
      }
      return true;
    }

    const match = /^\/realms\/([^/]+)(\/.*)?$/.exec(path);
    const realm = match?.[1] !== undefined ? decodeURIComponent(match[1]) : undefined;
    const rest = match?.[2] ?? '';
    if (realm === undefined || !isRealm(realm)) {
      sendJson(res, 404, { error: 'not_found', message: `no such path: ${path}` });
      return true;
    }
    const documents: Record<string, () => unknown> = {
      '': () => realmDocument(realm),
      '/.well-known/openid-configuration': () => openidConfiguration(realm),
      [jwksPath]: () => ({ keys: [key.publicJwk] }),
    };
    const document = documents[rest];
    if (document === undefined) {
      sendJson(res, 404, { error: 'not_found', message: `no such path: ${path}` });
      return true;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      sendJson(
        res,
        405,
        { error: 'method_not_allowed', message: 'use GET' },
        { allow: 'GET, HEAD, OPTIONS' },
      );
      return true;
    }
    sendJson(res, 200, document());
    return true;
  };

  return {
    handle,
    issuerFor,
    issuerPattern: `${publicBaseUrl}/realms/{realm}`,
    jwksPath,
    audience,
    mintToken,
  };
}

export interface IdentityProviderServer {
  /** `http://host:port` actually bound. */
  url: string;
  port: number;
  idp: IdentityProvider;
  close(): Promise<void>;
}

/** A standalone HTTP server around the identity provider (tests, token CLI tests). Port 0 picks a free port. */
export async function startIdentityProviderServer(
  options: { host?: string; port?: number; audience?: string; keyFile?: string; publicBaseUrl?: string } = {},
): Promise<IdentityProviderServer> {
  const host = options.host ?? '127.0.0.1';
  let idp: IdentityProvider | undefined;
  const server = createServer((req, res) => {
    const ready = idp;
    if (ready === undefined) {
      sendJson(res, 503, { error: 'starting', message: 'identity provider is starting' });
      return;
    }
    ready
      .handle(req, res)
      .then((handled) => {
        if (!handled) sendJson(res, 404, { error: 'not_found', message: 'not an identity provider path' });
      })
      .catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: 'internal', message: (error as Error).message });
        else res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE' ? new Error(`port ${options.port} on ${host} is already in use`) : error,
      ),
    );
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  try {
    idp = await createIdentityProvider({
      publicBaseUrl: options.publicBaseUrl ?? url,
      ...(options.audience !== undefined ? { audience: options.audience } : {}),
      ...(options.keyFile !== undefined ? { keyFile: options.keyFile } : {}),
    });
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    url,
    port,
    idp,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
