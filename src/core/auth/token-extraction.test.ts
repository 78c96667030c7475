import { describe, expect, it } from 'vitest';
import { extractToken, MAX_TOKEN_LENGTH, requestsBearerSubprotocol } from './token-extraction.js';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
const OTHER = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl';

describe('extractToken', () => {
  it('reads the token query parameter', () => {
    expect(extractToken({ queryStringParameters: { token: JWT } })).toEqual({
      ok: true,
      token: JWT,
      source: 'query',
      sources: ['query'],
    });
  });

  it('reads Authorization: Bearer, case-insensitively in header name and scheme', () => {
    expect(extractToken({ headers: { authorization: `bearer ${JWT}` } })).toMatchObject({
      ok: true,
      token: JWT,
      source: 'authorization-header',
    });
    expect(extractToken({ headers: { Authorization: `Bearer  ${JWT} ` } })).toMatchObject({
      ok: true,
      token: JWT,
    });
  });

  it('reads Sec-WebSocket-Protocol: bearer, <jwt> from headers or multiValueHeaders', () => {
    expect(extractToken({ headers: { 'Sec-WebSocket-Protocol': `bearer, ${JWT}` } })).toMatchObject({
      ok: true,
      token: JWT,
      source: 'subprotocol',
    });
    expect(
      extractToken({ multiValueHeaders: { 'sec-websocket-protocol': ['chat', `bearer,${JWT}`] } }),
    ).toMatchObject({ ok: true, token: JWT, source: 'subprotocol' });
  });

  it('is missing when no place carries a token (other schemes and an empty ?token= do not count)', () => {
    expect(extractToken({})).toMatchObject({ ok: false, reason: 'missing' });
    expect(extractToken({ headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
    expect(extractToken({ queryStringParameters: { token: '' } })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
    expect(extractToken({ headers: { 'Sec-WebSocket-Protocol': 'chat' } })).toMatchObject({
      ok: false,
      reason: 'missing',
    });
  });

  it('accepts the same token in several places and reports the documented precedence', () => {
    const result = extractToken({
      headers: { Authorization: `Bearer ${JWT}`, 'Sec-WebSocket-Protocol': `bearer, ${JWT}` },
      queryStringParameters: { token: JWT },
    });
    expect(result).toEqual({
      ok: true,
      token: JWT,
      source: 'authorization-header',
      sources: ['authorization-header', 'subprotocol', 'query'],
    });
    expect(
      extractToken({
        headers: { 'Sec-WebSocket-Protocol': `bearer, ${JWT}` },
        queryStringParameters: { token: JWT },
      }),
    ).toMatchObject({ ok: true, source: 'subprotocol' });
  });

  it('refuses different tokens in different places', () => {
    expect(
      extractToken({ headers: { Authorization: `Bearer ${JWT}` }, queryStringParameters: { token: OTHER } }),
    ).toMatchObject({ ok: false, reason: 'conflicting' });
    expect(
      extractToken({
        headers: { 'sec-websocket-protocol': `bearer, ${OTHER}` },
        queryStringParameters: { token: JWT },
      }),
    ).toMatchObject({ ok: false, reason: 'conflicting' });
    expect(extractToken({ multiValueQueryStringParameters: { token: [JWT, OTHER] } })).toMatchObject({
      ok: false,
      reason: 'conflicting',
    });
  });

  it('refuses malformed carriers and tokens', () => {
    expect(extractToken({ headers: { Authorization: 'Bearer' } })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(extractToken({ headers: { 'Sec-WebSocket-Protocol': 'bearer' } })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(extractToken({ queryStringParameters: { token: 'not-a-jwt' } })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(extractToken({ queryStringParameters: { token: 'a.b.c.d' } })).toMatchObject({
      ok: false,
      reason: 'malformed',
    });
    expect(
      extractToken({ queryStringParameters: { token: `${'a'.repeat(MAX_TOKEN_LENGTH)}.b.c` } }),
    ).toMatchObject({ ok: false, reason: 'malformed' });
  });
});

describe('requestsBearerSubprotocol', () => {
  it('is true only when the client offered bearer', () => {
    expect(requestsBearerSubprotocol({ headers: { 'Sec-WebSocket-Protocol': `bearer, ${JWT}` } })).toBe(true);
    expect(requestsBearerSubprotocol({ headers: { 'Sec-WebSocket-Protocol': 'chat' } })).toBe(false);
    expect(requestsBearerSubprotocol({ queryStringParameters: { token: JWT } })).toBe(false);
  });
});
