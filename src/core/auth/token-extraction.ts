/**
 * Finds the bearer token of a WebSocket `$connect` (authorizer REQUEST event or connect event).
 *
 * Three places are read, because browsers cannot set `Authorization` on a WebSocket:
 *   1. `Authorization: Bearer <jwt>` header (server-side clients),
 *   2. `Sec-WebSocket-Protocol: bearer, <jwt>` (browsers: `new WebSocket(url, ['bearer', jwt])`),
 *   3. the `token` query-string parameter (browsers; visible in logs, so the least preferred).
 * Precedence: when the token appears in several places, every occurrence must be the same token, otherwise the
 * request is refused as `conflicting` (never "pick one": a proxy adding a header must not silently swap the
 * identity). `source` names the first place in the order above.
 */

export type TokenSource = 'authorization-header' | 'subprotocol' | 'query';

export type TokenExtraction =
  | { ok: true; token: string; source: TokenSource; sources: TokenSource[] }
  | { ok: false; reason: 'missing' | 'conflicting' | 'malformed'; detail: string };

/** The request fields read (a subset of both `AuthorizerRequestEvent` and `WebSocketConnectEvent`). */
export interface TokenCarrier {
  headers?: Record<string, string> | null;
  multiValueHeaders?: Record<string, string[]> | null;
  queryStringParameters?: Record<string, string> | null;
  multiValueQueryStringParameters?: Record<string, string[]> | null;
}

/** Longest token accepted (API Gateway caps URLs at 4,096 characters; headers get a little more room). */
export const MAX_TOKEN_LENGTH = 16_384;

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*$/;

/** All values of a header, case-insensitively, from both `headers` and `multiValueHeaders`. */
export function headerValues(carrier: TokenCarrier, name: string): string[] {
  const wanted = name.toLowerCase();
  const values: string[] = [];
  for (const [key, list] of Object.entries(carrier.multiValueHeaders ?? {})) {
    if (key.toLowerCase() === wanted && Array.isArray(list)) values.push(...list);
  }
  if (values.length === 0) {
    for (const [key, value] of Object.entries(carrier.headers ?? {})) {
      if (key.toLowerCase() === wanted && typeof value === 'string') values.push(value);
    }
  }
  return values;
}

function queryValues(carrier: TokenCarrier, name: string): string[] {
  const multi = carrier.multiValueQueryStringParameters?.[name];
  if (Array.isArray(multi) && multi.length > 0) return multi;
  const single = carrier.queryStringParameters?.[name];
  return typeof single === 'string' ? [single] : [];
}

/** The offered subprotocols, in order (`Sec-WebSocket-Protocol` is a comma-separated list, possibly repeated). */
export function offeredSubprotocols(carrier: TokenCarrier): string[] {
  return headerValues(carrier, 'sec-websocket-protocol')
    .flatMap((value) => value.split(','))
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

/** True when the client offered the `bearer` subprotocol: `$connect` must then answer `Sec-WebSocket-Protocol: bearer`. */
export function requestsBearerSubprotocol(carrier: TokenCarrier): boolean {
  return offeredSubprotocols(carrier).some((p) => p.toLowerCase() === 'bearer');
}

type Found = { ok: true; tokens: string[] } | { ok: false; detail: string };

function fromAuthorization(carrier: TokenCarrier): Found {
  const tokens: string[] = [];
  for (const value of headerValues(carrier, 'authorization')) {
    const match = /^\s*bearer(?:\s+(.*))?$/i.exec(value);
    // Other schemes (Basic, AWS SigV4 added by a proxy) are not ours to judge: ignored.
    if (!match) continue;
    const token = (match[1] ?? '').trim();
    if (token === '') return { ok: false, detail: 'Authorization: Bearer without a token' };
    tokens.push(token);
  }
  return { ok: true, tokens };
}

function fromSubprotocol(carrier: TokenCarrier): Found {
  const offered = offeredSubprotocols(carrier);
  const tokens: string[] = [];
  for (let i = 0; i < offered.length; i++) {
    if (offered[i]?.toLowerCase() !== 'bearer') continue;
    const token = offered[i + 1];
    if (token === undefined || token.toLowerCase() === 'bearer') {
      return { ok: false, detail: 'Sec-WebSocket-Protocol: bearer without a token after it' };
    }
    tokens.push(token);
    i++;
  }
  return { ok: true, tokens };
}

export function extractToken(carrier: TokenCarrier): TokenExtraction {
  const found: Array<{ source: TokenSource; token: string }> = [];
  const collect = (source: TokenSource, result: Found): string | undefined => {
    if (!result.ok) return result.detail;
    for (const token of result.tokens) found.push({ source, token });
    return undefined;
  };
  const problem =
    collect('authorization-header', fromAuthorization(carrier)) ??
    collect('subprotocol', fromSubprotocol(carrier)) ??
    // An empty `?token=` is treated as absent (API Gateway itself treats an empty identity source as missing).
    collect('query', {
      ok: true,
      tokens: queryValues(carrier, 'token')
        .map((t) => t.trim())
        .filter((t) => t !== ''),
    });
  if (problem !== undefined) return { ok: false, reason: 'malformed', detail: problem };

  const first = found[0];
  if (first === undefined) return { ok: false, reason: 'missing', detail: 'no bearer token in the request' };
  if (found.some((f) => f.token !== first.token)) {
    const places = [...new Set(found.map((f) => f.source))].join(', ');
    return { ok: false, reason: 'conflicting', detail: `different tokens sent in: ${places}` };
  }
  if (first.token.length > MAX_TOKEN_LENGTH) {
    return { ok: false, reason: 'malformed', detail: `token longer than ${MAX_TOKEN_LENGTH} characters` };
  }
  if (!JWT_SHAPE.test(first.token)) {
    return {
      ok: false,
      reason: 'malformed',
      detail: 'token is not a compact JWS (header.payload.signature)',
    };
  }
  return {
    ok: true,
    token: first.token,
    source: first.source,
    sources: [...new Set(found.map((f) => f.source))],
  };
}
