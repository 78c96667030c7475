/**
 * Typed environment getters of the authorizer (read once per cold start; a bad value fails the start naming
 * the variable). Kept apart from `config.ts` so the authorizer needs none of the table/queue variables.
 */
import { isRealm } from '../../core/auth/identity-patterns.js';
import { type IssuerPattern, parseIssuerPatterns } from '../../core/auth/issuer-patterns.js';
import { ConfigurationError } from '../../core/errors.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface AuthConfig {
  /** `JWT_ISSUERS`: comma-separated issuer patterns with `{realm}`, e.g. `https://idp.example.com/realms/{realm}`. */
  issuers: IssuerPattern[];
  /** `JWT_AUDIENCE`: comma-separated accepted audiences. */
  audiences: string[];
  /** `JWKS_PATH`: appended to the issuer; default `/protocol/openid-connect/certs` (Keycloak). */
  jwksPath: string;
  /** `JWT_ALLOWED_REALMS`: optional comma-separated realms; others get 403. Unset: every realm may connect. */
  allowedRealms: ReadonlySet<string> | undefined;
  /** `JWT_TRUST_TOP_LEVEL_ROLES`: `true` also reads a top-level `roles` claim. Default `false` (Keycloak). */
  trustTopLevelRoles: boolean;
}

export const DEFAULT_JWKS_PATH = '/protocol/openid-connect/certs';

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (value === undefined || value === '') throw new ConfigurationError(name, 'is required but not set');
  return value;
}

function list(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function invalid(name: string, why: string): Error {
  return new ConfigurationError(name, why);
}

export function jwtIssuers(env: Env = process.env): IssuerPattern[] {
  const value = required(env, 'JWT_ISSUERS');
  try {
    return parseIssuerPatterns(value);
  } catch (error) {
    throw invalid('JWT_ISSUERS', (error as Error).message);
  }
}

export function jwtAudiences(env: Env = process.env): string[] {
  const audiences = list(required(env, 'JWT_AUDIENCE'));
  if (audiences.length === 0) throw invalid('JWT_AUDIENCE', 'no audience given');
  return audiences;
}

export function jwksPath(env: Env = process.env): string {
  const value = env.JWKS_PATH?.trim() || DEFAULT_JWKS_PATH;
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@/-]*$/.test(value)) {
    throw invalid('JWKS_PATH', `"${value}" must be a URL path starting with /`);
  }
  return value;
}

export function jwtAllowedRealms(env: Env = process.env): ReadonlySet<string> | undefined {
  const value = env.JWT_ALLOWED_REALMS?.trim();
  if (value === undefined || value === '') return undefined;
  const realms = list(value);
  const bad = realms.filter((r) => !isRealm(r));
  if (bad.length > 0) throw invalid('JWT_ALLOWED_REALMS', `not realm names: ${bad.join(', ')}`);
  return new Set(realms);
}

export function jwtTrustTopLevelRoles(env: Env = process.env): boolean {
  const value = env.JWT_TRUST_TOP_LEVEL_ROLES?.trim() || 'false';
  if (value !== 'true' && value !== 'false')
    throw invalid('JWT_TRUST_TOP_LEVEL_ROLES', `"${value}" must be true or false`);
  return value === 'true';
}

export function loadAuthConfig(env: Env = process.env): AuthConfig {
  return {
    issuers: jwtIssuers(env),
    audiences: jwtAudiences(env),
    jwksPath: jwksPath(env),
    allowedRealms: jwtAllowedRealms(env),
    trustTopLevelRoles: jwtTrustTopLevelRoles(env),
  };
}
