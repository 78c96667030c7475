/**
 * The authorizer Lambda as API Gateway calls it: realistic REQUEST events, real signed tokens, a real JWKS
 * server on 127.0.0.1 (port 0), configuration from the environment at cold start.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSigningKey,
  hs256WithPublicKey,
  type JwksTestServer,
  type SigningKey,
  signToken,
  startJwksTestServer,
  unsignedToken,
} from '../adapters/testing/jwks-test-server.js';
import type { AuthorizerRequestEvent, AuthorizerResult, LambdaContext } from './events.js';

/** The token's `exp` (epoch seconds), passed on for the token-expiry close (src/core/token-expiry.ts). */
const EXP = expect.stringMatching(/^\d{10}$/);

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:123456789012:abcdef1234/prod/$connect';

function connectEvent(
  options: { query?: Record<string, string>; headers?: Record<string, string> } = {},
): AuthorizerRequestEvent {
  const headers: Record<string, string> = {
    Host: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
    'Sec-WebSocket-Extensions': 'permessage-deflate; client_max_window_bits',
    'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
    'Sec-WebSocket-Version': '13',
    'X-Amzn-Trace-Id': 'Root=1-6746f3a0-0123456789abcdef01234567',
    'X-Forwarded-For': '203.0.113.7',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(options.headers ?? {}),
  };
  const query = options.query;
  return {
    type: 'REQUEST',
    methodArn: METHOD_ARN,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    ...(query
      ? {
          queryStringParameters: query,
          multiValueQueryStringParameters: Object.fromEntries(
            Object.entries(query).map(([k, v]) => [k, [v]]),
          ),
        }
      : {}),
    stageVariables: {},
    requestContext: {
      routeKey: '$connect',
      eventType: 'CONNECT',
      extendedRequestId: 'CGTjZFQ3oAMFhXg=',
      requestTime: '27/Nov/2026:10:00:00 +0000',
      messageDirection: 'IN',
      stage: 'prod',
      connectedAt: 1_764_237_600_000,
      requestTimeEpoch: 1_764_237_600_000,
      identity: { sourceIp: '203.0.113.7', userAgent: 'test' },
      requestId: 'CGTjZFQ3oAMFhXg=',
      domainName: 'abcdef1234.execute-api.us-east-1.amazonaws.com',
      connectionId: 'CGTjZdB8oAMCJgQ=',
      apiId: 'abcdef1234',
    },
  };
}

const lambdaContext: LambdaContext = {
  functionName: 'wspush-authorizer',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:wspush-authorizer',
  memoryLimitInMB: '256',
  awsRequestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
  logGroupName: '/aws/lambda/wspush-authorizer',
  logStreamName: '2026/11/27/[$LATEST]abcdef',
  callbackWaitsForEmptyEventLoop: true,
  getRemainingTimeInMillis: () => 3000,
};

type Handler = (event: AuthorizerRequestEvent, context?: LambdaContext) => Promise<AuthorizerResult>;

let server: JwksTestServer;
let key: SigningKey;
let handler: Handler;
let acme: string;
let logged: string[] = [];

beforeAll(async () => {
  key = await createSigningKey('RS256');
  server = await startJwksTestServer({ keys: [key.publicJwk], realms: ['acme', 'globex', 'initech'] });
  acme = server.issuerFor('acme');
  vi.stubEnv('JWT_ISSUERS', `${server.issuerPattern},https://idp.example.com/realms/{realm}`);
  vi.stubEnv('JWT_AUDIENCE', 'wspush,wspush-mobile');
  vi.stubEnv('JWT_ALLOWED_REALMS', 'acme,globex,newrealm');
  vi.stubEnv('JWKS_PATH', '');
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  // Capture the JSON log lines to check that no token is ever written.
  const capture = (chunk: unknown) => {
    logged.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(capture);
  vi.spyOn(process.stderr, 'write').mockImplementation(capture);
  ({ handler } = await import('./authorizer.js'));
});
afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await server.close();
});
beforeEach(() => {
  logged = [];
});

async function expectUnauthorized(event: AuthorizerRequestEvent): Promise<void> {
  await expect(handler(event, lambdaContext)).rejects.toThrow(/^Unauthorized$/);
}

function expectDeny(result: AuthorizerResult): void {
  expect(result.policyDocument).toEqual({
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: METHOD_ARN }],
  });
  expect(result.context).toBeUndefined();
}

describe('authorizer handler: allow', () => {
  it('allows a valid Keycloak token from the query string with the scalar context', async () => {
    const token = await signToken({
      key,
      issuer: acme,
      subject: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      audience: ['account', 'wspush'],
      claims: { realm_access: { roles: ['admin', 'offline_access'] }, azp: 'web', typ: 'Bearer' },
    });
    const result = await handler(connectEvent({ query: { token } }), lambdaContext);
    expect(result).toEqual({
      principalId: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
      policyDocument: {
        Version: '2012-10-17',
        Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }],
      },
      context: {
        userId: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
        realm: 'acme',
        roles: 'admin,offline_access',
        tokenExp: EXP,
      },
    });
    for (const value of Object.values(result.context ?? {})) expect(typeof value).toBe('string');
    expect(JSON.stringify(result).length).toBeLessThan(8192);
    expect(logged.join('')).not.toContain(token);
    expect(logged.join('')).toContain('connect allowed');
  });

  it('accepts Authorization: Bearer and the bearer subprotocol; a top-level roles claim is ignored by default', async () => {
    const token = await signToken({
      key,
      issuer: server.issuerFor('globex'),
      subject: 'bob',
      claims: { realm_access: { roles: ['ops'] }, roles: ['admin'] },
    });
    const viaHeader = await handler(connectEvent({ headers: { Authorization: `Bearer ${token}` } }));
    expect(viaHeader.context).toEqual({ userId: 'bob', realm: 'globex', roles: 'ops', tokenExp: EXP });
    const viaProtocol = await handler(
      connectEvent({ headers: { 'Sec-WebSocket-Protocol': `bearer, ${token}` } }),
    );
    expect(viaProtocol.context).toEqual({ userId: 'bob', realm: 'globex', roles: 'ops', tokenExp: EXP });
    const everywhere = await handler(
      connectEvent({
        headers: { authorization: `Bearer ${token}`, 'sec-websocket-protocol': `bearer, ${token}` },
        query: { token },
      }),
    );
    expect(everywhere.principalId).toBe('bob');
  });

  it('a user without roles gets roles: ""', async () => {
    const token = await signToken({ key, issuer: acme, subject: 'carol' });
    expect((await handler(connectEvent({ query: { token } }))).context).toEqual({
      userId: 'carol',
      realm: 'acme',
      roles: '',
      tokenExp: EXP,
    });
  });
});

describe('authorizer handler: 401 (throws Unauthorized)', () => {
  const payload = (extra: Record<string, unknown> = {}) => ({
    iss: acme,
    sub: 'alice',
    aud: 'wspush',
    exp: Math.floor(Date.now() / 1000) + 300,
    ...extra,
  });

  it('missing token', async () => {
    await expectUnauthorized(connectEvent());
    await expectUnauthorized(connectEvent({ query: { token: '' } }));
    await expectUnauthorized(connectEvent({ headers: { Authorization: 'Basic YWxpY2U6c2VjcmV0' } }));
  });

  it('malformed token', async () => {
    await expectUnauthorized(connectEvent({ query: { token: 'garbage' } }));
    await expectUnauthorized(connectEvent({ query: { token: 'e30.e30' } }));
    await expectUnauthorized(connectEvent({ query: { token: 'eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln' } }));
    await expectUnauthorized(connectEvent({ headers: { 'Sec-WebSocket-Protocol': 'bearer' } }));
  });

  it('expired token', async () => {
    await expectUnauthorized(
      connectEvent({ query: { token: await signToken({ key, issuer: acme, expiresIn: -60 }) } }),
    );
  });

  it('not-yet-valid token (nbf in the future)', async () => {
    await expectUnauthorized(
      connectEvent({ query: { token: await signToken({ key, issuer: acme, notBefore: 120 }) } }),
    );
  });

  it('token without exp', async () => {
    await expectUnauthorized(
      connectEvent({ query: { token: await signToken({ key, issuer: acme, omit: ['exp'] }) } }),
    );
  });

  it('wrong issuer (untrusted host, unknown realm, issuer not matching the pattern)', async () => {
    for (const issuer of [
      'https://evil.example.net/realms/acme',
      server.issuerFor('no-such-realm'),
      `${acme}/extra`,
      server.url,
    ]) {
      await expectUnauthorized(connectEvent({ query: { token: await signToken({ key, issuer }) } }));
    }
  });

  it('wrong audience', async () => {
    await expectUnauthorized(
      connectEvent({ query: { token: await signToken({ key, issuer: acme, audience: 'account' }) } }),
    );
  });

  it('bad signature (another key with the same kid; a tampered payload)', async () => {
    const impostor = await createSigningKey('RS256', key.kid);
    await expectUnauthorized(
      connectEvent({ query: { token: await signToken({ key: impostor, issuer: acme }) } }),
    );
    const [h, , s] = (await signToken({ key, issuer: acme })).split('.');
    const forgedPayload = Buffer.from(JSON.stringify(payload({ sub: 'admin' }))).toString('base64url');
    await expectUnauthorized(connectEvent({ query: { token: `${h}.${forgedPayload}.${s}` } }));
  });

  it('alg: none', async () => {
    await expectUnauthorized(connectEvent({ query: { token: unsignedToken(payload()) } }));
  });

  it('HS256 signed with the public key', async () => {
    await expectUnauthorized(connectEvent({ query: { token: await hs256WithPublicKey(key, payload()) } }));
  });

  it('different tokens in different places', async () => {
    const alice = await signToken({ key, issuer: acme, subject: 'alice' });
    const bob = await signToken({ key, issuer: acme, subject: 'bob' });
    await expectUnauthorized(
      connectEvent({ headers: { Authorization: `Bearer ${alice}` }, query: { token: bob } }),
    );
    await expectUnauthorized(
      connectEvent({ headers: { 'Sec-WebSocket-Protocol': `bearer, ${bob}` }, query: { token: alice } }),
    );
  });

  it('never logs the token', async () => {
    const token = await signToken({ key, issuer: acme, expiresIn: -60 });
    await expectUnauthorized(connectEvent({ query: { token } }));
    const text = logged.join('');
    expect(text).toContain('connect unauthorized');
    expect(text).toContain('expired');
    expect(text).not.toContain(token);
    expect(text).not.toContain(token.split('.')[2]);
  });
});

describe('authorizer handler: 403 (Deny policy)', () => {
  it('a token of a realm that is not allowed is 401 before any JWKS request (JWT_ALLOWED_REALMS)', async () => {
    const before = server.requests.length;
    for (const realm of ['initech', 'master', 'junk-1', 'junk-2']) {
      const token = await signToken({ key, issuer: server.issuerFor(realm), subject: 'dave' });
      await expectUnauthorized(connectEvent({ query: { token } }));
    }
    expect(server.requests.length).toBe(before);
  });

  it('a valid token without sub, or with a sub that is not a contract UserId', async () => {
    expectDeny(
      await handler(
        connectEvent({ query: { token: await signToken({ key, issuer: acme, omit: ['sub'] }) } }),
      ),
    );
    const result = await handler(
      connectEvent({ query: { token: await signToken({ key, issuer: acme, subject: 'has spaces' }) } }),
    );
    expectDeny(result);
    expect(result.principalId).toBe('unknown');
  });

  it('a valid token with more roles than an authorizer context can hold', async () => {
    const roles = Array.from({ length: 300 }, (_, i) => `generated-role-${i}`);
    expectDeny(
      await handler(
        connectEvent({
          query: { token: await signToken({ key, issuer: acme, claims: { realm_access: { roles } } }) },
        }),
      ),
    );
  });
});

describe('authorizer handler: JWKS', () => {
  it('fetches each realm JWKS once across many invocations (cached for the container)', async () => {
    const before = server.requests.filter((p) => p.startsWith('/realms/acme/')).length;
    for (let i = 0; i < 5; i++) {
      const token = await signToken({ key, issuer: acme, subject: `user-${i}` });
      expect((await handler(connectEvent({ query: { token } }))).principalId).toBe(`user-${i}`);
    }
    const after = server.requests.filter((p) => p.startsWith('/realms/acme/')).length;
    expect(after).toBe(before);
    // One fetch for the whole file: every earlier acme invocation used the same cached key set.
    expect(after).toBe(1);
  });

  it('an unavailable identity provider fails with an error other than Unauthorized (API Gateway 500)', async () => {
    server.realms.add('newrealm');
    server.failWith = 503;
    try {
      const token = await signToken({ key, issuer: server.issuerFor('newrealm') });
      const outcome = handler(connectEvent({ query: { token } }));
      await expect(outcome).rejects.toThrow(/unavailable/);
      await expect(outcome).rejects.not.toThrow(/^Unauthorized$/);
    } finally {
      server.failWith = undefined;
    }
  });
});

describe('authorizer cold start', () => {
  it('fails naming the missing or invalid variable', async () => {
    const { loadAuthConfig } = await import('./runtime/auth-config.js');
    expect(() => loadAuthConfig({ JWT_AUDIENCE: 'wspush' })).toThrow(/JWT_ISSUERS/);
    expect(() => loadAuthConfig({ JWT_ISSUERS: 'https://idp/realms/{realm}' })).toThrow(/JWT_AUDIENCE/);
  });
});
