import { REALM_PATTERN } from './identity-patterns.js';

/**
 * Trusted issuers are configured as patterns with one `{realm}` placeholder in the URL path, such as
 * `https://idp.example.com/realms/{realm}` (Keycloak). A token's `iss` must equal a pattern with the placeholder
 * replaced by a valid realm name (the contract's `Realm` pattern: no `/`, `#`, `?` or `:`), so the realm comes
 * from a trusted issuer and the JWKS URL built from it can only point below the configured issuer prefix.
 */
export interface IssuerPattern {
  /** The pattern as configured. */
  pattern: string;
  prefix: string;
  suffix: string;
}

export interface IssuerMatch {
  issuer: string;
  realm: string;
  pattern: IssuerPattern;
}

export const REALM_PLACEHOLDER = '{realm}';

/** Parses one pattern; throws an Error explaining what is wrong (used at cold start). */
export function parseIssuerPattern(pattern: string): IssuerPattern {
  const trimmed = pattern.trim();
  const first = trimmed.indexOf(REALM_PLACEHOLDER);
  if (first < 0 || trimmed.indexOf(REALM_PLACEHOLDER, first + 1) >= 0) {
    throw new Error(`issuer pattern "${trimmed}" must contain ${REALM_PLACEHOLDER} exactly once`);
  }
  const prefix = trimmed.slice(0, first);
  const suffix = trimmed.slice(first + REALM_PLACEHOLDER.length);
  let origin: string;
  try {
    const url = new URL(`${prefix}realm${suffix}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error('not http(s)');
    if (url.search !== '' || url.hash !== '') throw new Error('query or fragment');
    origin = url.origin;
  } catch {
    throw new Error(`issuer pattern "${trimmed}" is not an http(s) URL without query or fragment`);
  }
  // The placeholder must sit in the path, after "scheme://host/", never in the host name.
  if (!prefix.startsWith(`${origin}/`)) {
    throw new Error(
      `issuer pattern "${trimmed}" must have ${REALM_PLACEHOLDER} in the URL path, not the host`,
    );
  }
  if (/[{}]/.test(prefix + suffix)) {
    throw new Error(`issuer pattern "${trimmed}" has an unknown placeholder (only ${REALM_PLACEHOLDER})`);
  }
  return { pattern: trimmed, prefix, suffix };
}

/** Parses a comma-separated list (the `JWT_ISSUERS` variable). */
export function parseIssuerPatterns(list: string): IssuerPattern[] {
  const items = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (items.length === 0) throw new Error('no issuer pattern given');
  return items.map(parseIssuerPattern);
}

/** The issuer for a realm under a pattern. */
export function issuerFor(pattern: IssuerPattern, realm: string): string {
  return `${pattern.prefix}${realm}${pattern.suffix}`;
}

/** Matches an (unverified) `iss` against the patterns; undefined when no pattern yields a valid realm. */
export function matchIssuer(patterns: readonly IssuerPattern[], iss: unknown): IssuerMatch | undefined {
  if (typeof iss !== 'string') return undefined;
  for (const pattern of patterns) {
    if (!iss.startsWith(pattern.prefix) || !iss.endsWith(pattern.suffix)) continue;
    if (iss.length < pattern.prefix.length + pattern.suffix.length) continue;
    const realm = iss.slice(pattern.prefix.length, iss.length - pattern.suffix.length);
    if (REALM_PATTERN.test(realm)) return { issuer: iss, realm, pattern };
  }
  return undefined;
}
