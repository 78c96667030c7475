import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importSPKI, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuthorizerRequestEvent, AuthorizerResult } from '../handlers/events.js';
import { type IdentityProviderServer, startIdentityProviderServer } from './identity-provider.js';

let idp: IdentityProviderServer;
let authorize: (event: AuthorizerRequestEvent) => Promise<AuthorizerResult>;

beforeAll(async () => {
  idp = await startIdentityProviderServer({ port: 0 });
  // The production authorizer, configured for this issuer as the local platform does.
  vi.stubEnv('JWT_ISSUERS', idp.idp.issuerPattern);
  vi.stubEnv('JWT_AUDIENCE', 'wspush');
  vi.stubEnv('JWKS_PATH', idp.idp.jwksPath);
  ({ handler: authorize } = await import('../handlers/authorizer.js'));
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await idp.close();
});

const post = (body: unknown, raw?: string) =>
  fetch(`${idp.url}/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: raw ?? JSON.stringify(body),
  });

function connectEvent(token: string): AuthorizerRequestEvent {
  const headers = { Host: 'localhost:3001', 'Sec-WebSocket-Protocol': `bearer, ${token}` };
  return {
    type: 'REQUEST',
    methodArn: 'arn:aws:execute-api:us-east-1:000000000000:local/local/$connect',
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    requestContext: {
      routeKey: '$connect',
      eventType: 'CONNECT',
      extendedRequestId: 'x',
      requestTime: '27/Nov/2026:10:00:00 +0000',
      messageDirection: 'IN',
      stage: 'local',
      connectedAt: Date.now(),
      requestTimeEpoch: Date.now(),
      identity: { sourceIp: '127.0.0.1' },
      requestId: 'x',
      domainName: 'localhost',
      connectionId: 'abc=',
      apiId: 'local',
    },
  };
}

describe('development identity provider: tokens accepted by the production authorizer', () => {
  it('POST /dev/token → a token the authorizer allows with userId, realm and roles', async () => {
    const response = await post({
      userId: 'alice',
      realm: 'acme',
      roles: ['admin', 'user'],
      ttlSeconds: 600,
    });
    expect(response.status).toBe(200);
    // No Origin (a CLI): no CORS header; pages of other sites get none either (test/integration/local-origin.test.ts).
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    const { token, expiresAt } = (await response.json()) as { token: string; expiresAt: string };
    const expiry = Date.parse(expiresAt);
    expect(Math.abs(expiry - (Date.now() + 600_000))).toBeLessThan(5_000);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(decodeJwt(token)).toMatchObject({
      iss: `${idp.url}/realms/acme`,
      sub: 'alice',
      aud: 'wspush',
      realm_access: { roles: ['admin', 'user'] },
      exp: expiry / 1000,
    });
    const result = await authorize(connectEvent(token));
    expect(result.policyDocument.Statement[0]?.Effect).toBe('Allow');
    expect(result.context).toEqual({
      userId: 'alice',
      realm: 'acme',
      roles: 'admin,user',
      tokenExp: String(expiry / 1000),
    });
  });

  it('mintToken works for any realm; a wrong-audience token is refused with 401', async () => {
    const { token } = await idp.idp.mintToken({ userId: 'bob@globex', realm: 'globex.eu' });
    expect((await authorize(connectEvent(token))).context).toEqual({
      userId: 'bob@globex',
      realm: 'globex.eu',
      roles: '',
      tokenExp: String(decodeJwt(token).exp),
    });
    const other = await idp.idp.mintToken({ userId: 'bob', realm: 'globex', audience: 'account' });
    await expect(authorize(connectEvent(other.token))).rejects.toThrow(/^Unauthorized$/);
  });

  it('a token from another identity provider instance (other key) is refused', async () => {
    const stranger = await startIdentityProviderServer({ port: 0, publicBaseUrl: idp.url });
    try {
      const { token } = await stranger.idp.mintToken({ userId: 'mallory', realm: 'acme' });
      await expect(authorize(connectEvent(token))).rejects.toThrow(/^Unauthorized$/);
    } finally {
      await stranger.close();
    }
  });
});

describe('development identity provider: realm documents', () => {
  it('serves Keycloak-like realm info, discovery and JWKS that verify its tokens', async () => {
    const realm = (await (await fetch(`${idp.url}/realms/acme`)).json()) as Record<string, unknown>;
    expect(realm).toMatchObject({
      realm: 'acme',
      'token-service': `${idp.url}/realms/acme/protocol/openid-connect`,
    });
    const discovery = (await (
      await fetch(`${idp.url}/realms/acme/.well-known/openid-configuration`)
    ).json()) as Record<string, unknown>;
    expect(discovery).toMatchObject({
      issuer: `${idp.url}/realms/acme`,
      jwks_uri: `${idp.url}/realms/acme/protocol/openid-connect/certs`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = await (await fetch(String(discovery.jwks_uri))).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { token } = await idp.idp.mintToken({ userId: 'alice', realm: 'acme' });
    await expect(jwtVerify(token, createLocalJWKSet(jwks))).resolves.toBeTruthy();
    const pem = `-----BEGIN PUBLIC KEY-----\n${realm.public_key}\n-----END PUBLIC KEY-----`;
    await expect(jwtVerify(token, await importSPKI(pem, 'RS256'))).resolves.toBeTruthy();
  });

  it('answers 404 JSON for unknown paths it owns, and leaves other paths to the platform', async () => {
    for (const path of ['/realms/acme/nope', '/realms/bad%20realm', '/realms', '/dev/other']) {
      const response = await fetch(`${idp.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe('not_found');
    }
    // startIdentityProviderServer answers 404 itself for paths handle() declines.
    const { createIdentityProvider } = await import('./identity-provider.js');
    const provider = await createIdentityProvider({ publicBaseUrl: 'http://localhost:3000' });
    const declined = await provider.handle(
      { url: '/docs', method: 'GET' } as import('node:http').IncomingMessage,
      {} as import('node:http').ServerResponse,
    );
    expect(declined).toBe(false);
    expect(provider.issuerPattern).toBe('http://localhost:3000/realms/{realm}');
    expect(provider.issuerFor('acme')).toBe('http://localhost:3000/realms/acme');
  });

  it('answers CORS preflight and 405 for wrong methods', async () => {
    const preflight = await fetch(`${idp.url}/dev/token`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect((await fetch(`${idp.url}/dev/token`)).status).toBe(405);
    expect((await fetch(`${idp.url}/realms/acme`, { method: 'POST', body: '{}' })).status).toBe(405);
  });
});

describe('POST /dev/token: bad input', () => {
  const cases: Array<[string, unknown, RegExp, string?]> = [
    ['invalid JSON', undefined, /not valid JSON/, '{"userId":'],
    ['not an object', [], /JSON object/],
    ['missing userId', { realm: 'acme' }, /userId is required/],
    ['missing realm', { userId: 'alice' }, /realm is required/],
    ['bad userId', { userId: 'al ice', realm: 'acme' }, /userId must match/],
    ['bad realm', { userId: 'alice', realm: 'ac/me' }, /realm must match/],
    ['realm too long', { userId: 'alice', realm: 'a'.repeat(65) }, /realm must match/],
    ['roles not an array', { userId: 'alice', realm: 'acme', roles: 'admin' }, /roles must be an array/],
    ['role with a comma', { userId: 'alice', realm: 'acme', roles: ['a,b'] }, /not a role name/],
    ['ttl 0', { userId: 'alice', realm: 'acme', ttlSeconds: 0 }, /ttlSeconds/],
    ['ttl too long', { userId: 'alice', realm: 'acme', ttlSeconds: 86_401 }, /ttlSeconds/],
    ['ttl not an integer', { userId: 'alice', realm: 'acme', ttlSeconds: 1.5 }, /ttlSeconds/],
    ['ttl as a string', { userId: 'alice', realm: 'acme', ttlSeconds: '60' }, /ttlSeconds/],
    ['unknown field', { userId: 'alice', realm: 'acme', role: 'admin' }, /unknown field.*role/],
  ];
  for (const [name, body, message, raw] of cases) {
    it(name, async () => {
      const response = await post(body, raw);
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toMatch(/application\/json/);
      const answer = (await response.json()) as { error: string; message: string };
      expect(answer.error).toBe('invalid_request');
      expect(answer.message).toMatch(message);
    });
  }

  it('accepts the edges of the ttl range', async () => {
    expect((await post({ userId: 'a', realm: 'r', ttlSeconds: 1 })).status).toBe(200);
    expect((await post({ userId: 'a', realm: 'r', ttlSeconds: 86_400 })).status).toBe(200);
  });

  it('refuses an oversized body with 413', async () => {
    expect((await post(undefined, `{"userId":"${'a'.repeat(20_000)}"}`)).status).toBe(413);
  });

  it('mintToken validates like the endpoint', async () => {
    await expect(idp.idp.mintToken({ userId: 'alice', realm: 'bad realm' })).rejects.toThrow(
      /realm must match/,
    );
  });
});

describe('key file', () => {
  it('keeps the key across restarts, so earlier tokens stay valid; a corrupt file is a clear error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspush-idp-'));
    try {
      const keyFile = join(dir, 'nested', 'idp-key.json');
      const first = await startIdentityProviderServer({
        port: 0,
        keyFile,
        publicBaseUrl: 'http://localhost:3000',
      });
      const { token } = await first.idp.mintToken({ userId: 'alice', realm: 'acme' });
      const firstJwks = await (await fetch(`${first.url}/realms/acme/protocol/openid-connect/certs`)).json();
      await first.close();
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      expect(JSON.parse(await readFile(keyFile, 'utf8'))).toHaveProperty('d');

      const second = await startIdentityProviderServer({
        port: 0,
        keyFile,
        publicBaseUrl: 'http://localhost:3000',
      });
      const secondJwks = await (
        await fetch(`${second.url}/realms/acme/protocol/openid-connect/certs`)
      ).json();
      await second.close();
      expect(secondJwks).toEqual(firstJwks);
      await expect(jwtVerify(token, createLocalJWKSet(secondJwks))).resolves.toBeTruthy();

      const { writeFile } = await import('node:fs/promises');
      await writeFile(keyFile, 'not json');
      await expect(startIdentityProviderServer({ port: 0, keyFile })).rejects.toThrow(
        /key file .* unreadable/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('a port in use is named in the error', async () => {
    await expect(startIdentityProviderServer({ port: idp.port })).rejects.toThrow(
      new RegExp(`port ${idp.port} .*already in use`),
    );
  });
});
