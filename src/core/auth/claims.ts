import { isRoleName, isUserId } from './identity-patterns.js';

/** Who is connecting, as the rest of the platform sees it. */
export interface Principal {
  userId: string;
  realm: string;
  roles: string[];
  /** The token's `exp` (epoch seconds) when it has a valid one: a stack may close the connection then. */
  tokenExpiresAt?: number;
}

export type PrincipalResult =
  | { ok: true; principal: Principal; ignoredRoles: number }
  | { ok: false; reason: 'missing-subject' | 'invalid-subject' | 'too-many-roles'; detail: string };

/**
 * Room for the roles in the authorizer context: API Gateway limits the whole authorizer response to 8 KB,
 * so the comma-separated roles string is capped well below that (userId and realm are at most 193 characters).
 */
export const MAX_ROLES_LENGTH = 4_096;

function roleList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export interface ClaimOptions {
  /**
   * Also take roles from a top-level `roles` array (identity providers other than Keycloak). Off by default:
   * Keycloak puts roles in `realm_access.roles`, and a top-level `roles` may be a mapper a user can influence.
   */
  trustTopLevelRoles?: boolean;
}

/**
 * Claims → principal. `sub` is the user id (Keycloak puts the user's id there). Roles are Keycloak's
 * `realm_access.roles`, plus a top-level `roles` array when the stack trusts it, de-duplicated in order.
 * Role names that cannot travel in a comma-separated string are dropped (never widened into other roles);
 * `ignoredRoles` counts them so the caller can log it.
 */
export function principalFromClaims(
  claims: Readonly<Record<string, unknown>>,
  realm: string,
  options: ClaimOptions = {},
): PrincipalResult {
  const sub = claims.sub;
  if (sub === undefined || sub === null || sub === '') {
    return { ok: false, reason: 'missing-subject', detail: 'token has no sub claim' };
  }
  if (!isUserId(sub)) {
    return { ok: false, reason: 'invalid-subject', detail: 'sub does not match the contract UserId pattern' };
  }
  const realmAccess = claims.realm_access;
  const candidates = [
    ...roleList(
      typeof realmAccess === 'object' && realmAccess !== null
        ? (realmAccess as { roles?: unknown }).roles
        : [],
    ),
    ...(options.trustTopLevelRoles === true ? roleList(claims.roles) : []),
  ];
  const roles = [...new Set(candidates.filter(isRoleName))];
  const ignoredRoles = candidates.filter((r) => !isRoleName(r)).length;
  if (roles.join(',').length > MAX_ROLES_LENGTH) {
    return {
      ok: false,
      reason: 'too-many-roles',
      detail: `roles exceed ${MAX_ROLES_LENGTH} characters in the authorizer context`,
    };
  }
  const principal: Principal = { userId: sub, realm, roles };
  if (typeof claims.exp === 'number' && Number.isSafeInteger(claims.exp))
    principal.tokenExpiresAt = claims.exp;
  return { ok: true, principal, ignoredRoles };
}

/** What the authorizer puts in `context` (matches `PlatformAuthorizerContext` in src/handlers/events.ts). */
export interface AuthorizerContextFields {
  userId: string;
  realm: string;
  /** Comma-separated, `''` when the user has no role. */
  roles: string;
  [key: string]: string;
}

/** The authorizer context: scalars only, roles comma-separated, the token's `exp` as `tokenExp` (a string). */
export function toAuthorizerContext(principal: Principal): AuthorizerContextFields {
  const context: AuthorizerContextFields = {
    userId: principal.userId,
    realm: principal.realm,
    roles: principal.roles.join(','),
  };
  if (principal.tokenExpiresAt !== undefined) context.tokenExp = String(principal.tokenExpiresAt);
  return context;
}

/** The inverse, for the functions that read `requestContext.authorizer`. */
export function principalFromAuthorizerContext(context: {
  userId?: unknown;
  realm?: unknown;
  roles?: unknown;
}): Principal | undefined {
  if (typeof context.userId !== 'string' || typeof context.realm !== 'string') return undefined;
  const roles =
    typeof context.roles === 'string' && context.roles !== ''
      ? context.roles.split(',').filter((r) => r !== '')
      : [];
  return { userId: context.userId, realm: context.realm, roles };
}
