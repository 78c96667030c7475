/**
 * Asks the local development identity provider (`POST /dev/token` of `npm start`) for an access token.
 * Used by `wspush token` (./cli.ts), which `npm run token` also runs: one CLI, one set of exit codes. Node only (fetch); the client SDK never imports it.
 */

export const DEFAULT_IDP_URL = 'http://localhost:3000';

/** The options the token command accepts (node:util `parseArgs`). */
export const DEV_TOKEN_OPTIONS = {
  user: { type: 'string', short: 'u' },
  realm: { type: 'string', short: 'r' },
  role: { type: 'string', multiple: true },
  ttl: { type: 'string' },
  idp: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The parsed `DEV_TOKEN_OPTIONS`. */
export interface DevTokenArgs {
  user?: string;
  realm?: string;
  role?: string[];
  ttl?: string;
  idp?: string;
  help?: boolean;
}

export interface DevTokenRequest {
  userId: string;
  realm: string;
  roles: string[];
  ttlSeconds?: number;
}

export type DevTokenOutcome =
  | { kind: 'token'; token: string }
  /** No HTTP answer (refused, unknown host, timeout): `error` is what fetch threw. */
  | { kind: 'unreachable'; error: unknown }
  /** An answer without a token: `message` is the provider's reason, or the start of its body. */
  | { kind: 'refused'; status: number; message: string };

/** The token endpoint of an identity provider base URL; throws a TypeError when `idp` is not a URL. */
export function devTokenEndpoint(idp: string): URL {
  return new URL('/dev/token', idp);
}

export async function requestDevToken(
  endpoint: URL,
  request: DevTokenRequest,
  fetchImpl: typeof fetch = fetch,
): Promise<DevTokenOutcome> {
  let response: Response;
  try {
    response = await fetchImpl(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    return { kind: 'unreachable', error };
  }
  const text = await response.text();
  let body: { token?: unknown; message?: unknown } | undefined;
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = undefined;
  }
  if (!response.ok || typeof body?.token !== 'string') {
    const message = typeof body?.message === 'string' ? body.message : text.slice(0, 200);
    return { kind: 'refused', status: response.status, message };
  }
  return { kind: 'token', token: body.token };
}
