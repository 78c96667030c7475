/**
 * Who may talk to the local platform (issue #14 item 12). Every server of `npm start` (gateway, edge, identity
 * provider and console) refuses a request whose `Host` is not a loopback name (a DNS-rebinding page reaches
 * 127.0.0.1 under its own host name) and one whose `Origin` is a web page anywhere but on this machine (any
 * page the developer opens could otherwise mint an admin token, publish through SNS with a plain form POST, or
 * open a WebSocket). Loopback names are `localhost` (and `*.localhost`), `127.0.0.1` and `[::1]`, any port, as
 * Vite allows by default; the console's own origin is one of them. The AWS SDK, the CLI and `ws` send no
 * `Origin`, so they keep working.
 */
import type { IncomingHttpHeaders } from 'node:http';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type GuardResult = { ok: true } | { ok: false; status: 403; reason: string };

export interface RequestGuardOptions {
  /** Host names allowed besides the loopback ones (the interface the platform binds, when it is not a wildcard). */
  extraHosts?: readonly string[];
}

/** The host name of a `Host` header value (`localhost:3000`, `[::1]:3001`), lower-cased, without the port. */
export function hostNameOf(host: string): string {
  const value = host.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
  const colon = value.lastIndexOf(':');
  return colon === -1 ? value : value.slice(0, colon);
}

export function isLoopbackName(name: string): boolean {
  return LOOPBACK_HOSTS.has(name) || name.endsWith('.localhost');
}

export function createRequestGuard(options: RequestGuardOptions = {}) {
  const extra = new Set(
    (options.extraHosts ?? []).map((h) => h.toLowerCase()).filter((h) => h !== '0.0.0.0' && h !== '::'),
  );
  const allowedName = (name: string): boolean => isLoopbackName(name) || extra.has(name);
  /** True when `origin` (a request's `Origin` header) is a page served from this machine. */
  const allowsOrigin = (origin: string): boolean => {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes "null" (sandboxed frames, file: pages)
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && allowedName(url.hostname.toLowerCase());
  };
  return {
    allowsOrigin,
    check(headers: IncomingHttpHeaders): GuardResult {
      const host = headers.host;
      if (host !== undefined && !allowedName(hostNameOf(host))) {
        return {
          ok: false,
          status: 403,
          reason: `host ${JSON.stringify(host.slice(0, 100))} is not a loopback name`,
        };
      }
      const origin = headers.origin;
      if (origin !== undefined && !allowsOrigin(origin)) {
        return {
          ok: false,
          status: 403,
          reason: `origin ${JSON.stringify(origin.slice(0, 100))} is not a page on this machine (localhost, 127.0.0.1, [::1])`,
        };
      }
      return { ok: true };
    },
  };
}

export type RequestGuard = ReturnType<typeof createRequestGuard>;

/**
 * True for `application/json` (with or without parameters). Endpoints that act (mint a token, publish) require
 * it: a page on another site can send `text/plain` or a form without a CORS preflight, never JSON.
 */
export function isJsonRequest(headers: IncomingHttpHeaders): boolean {
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}
