import { type Principal, principalFromClaims } from './claims.js';
import type { TokenRejectionReason, TokenVerifier } from './ports.js';
import { extractToken, type TokenCarrier, type TokenSource } from './token-extraction.js';

/**
 * The authorizer's decision for one `$connect`.
 *
 * - `unauthorized` (→ `throw new Error('Unauthorized')` → HTTP 401): we could not establish who is connecting —
 *   no token, tokens that disagree, a malformed token, or any verification failure (signature, algorithm,
 *   issuer, audience, `exp`, `nbf`, unknown key). The client should get a new token.
 * - `forbidden` (→ Deny policy → HTTP 403): the token is authentic (signature, issuer, audience and times
 *   checked) but this identity may not connect — its realm is not in the allowed list, it has no usable `sub`,
 *   or it carries more roles than an authorizer context can hold. A new token for the same identity will not help.
 * - `allow` (→ Allow policy + context `{userId, realm, roles}`).
 */
export type AuthorizationDecision =
  | { effect: 'allow'; principal: Principal; source: TokenSource; ignoredRoles: number }
  | { effect: 'forbidden'; reason: ForbiddenReason; detail: string; subject?: string; realm: string }
  | { effect: 'unauthorized'; reason: UnauthorizedReason; detail: string };

export type ForbiddenReason = 'realm-not-allowed' | 'missing-subject' | 'invalid-subject' | 'too-many-roles';
export type UnauthorizedReason = 'missing-token' | 'conflicting-tokens' | TokenRejectionReason;

export interface AuthorizeDependencies {
  verifier: TokenVerifier;
  /** When set, only these realms may connect (others get 403); when undefined every realm of a trusted issuer may. */
  allowedRealms?: ReadonlySet<string> | undefined;
  /** Trust a top-level `roles` claim (JWT_TRUST_TOP_LEVEL_ROLES); default: only `realm_access.roles`. */
  trustTopLevelRoles?: boolean;
}

export async function authorizeConnect(
  request: TokenCarrier,
  deps: AuthorizeDependencies,
): Promise<AuthorizationDecision> {
  const extracted = extractToken(request);
  if (!extracted.ok) {
    const reason: UnauthorizedReason =
      extracted.reason === 'missing'
        ? 'missing-token'
        : extracted.reason === 'conflicting'
          ? 'conflicting-tokens'
          : 'malformed';
    return { effect: 'unauthorized', reason, detail: extracted.detail };
  }
  const verification = await deps.verifier.verify(extracted.token);
  if (!verification.ok) {
    return { effect: 'unauthorized', reason: verification.reason, detail: verification.detail };
  }
  const { realm, claims } = verification.token;
  const subject = typeof claims.sub === 'string' ? claims.sub : undefined;
  if (deps.allowedRealms !== undefined && !deps.allowedRealms.has(realm)) {
    return {
      effect: 'forbidden',
      reason: 'realm-not-allowed',
      detail: `realm ${realm} may not connect`,
      realm,
      ...(subject !== undefined ? { subject } : {}),
    };
  }
  const principal = principalFromClaims(claims, realm, {
    trustTopLevelRoles: deps.trustTopLevelRoles === true,
  });
  if (!principal.ok) {
    return {
      effect: 'forbidden',
      reason: principal.reason,
      detail: principal.detail,
      realm,
      ...(subject !== undefined && principal.reason !== 'invalid-subject' ? { subject } : {}),
    };
  }
  return {
    effect: 'allow',
    principal: principal.principal,
    source: extracted.source,
    ignoredRoles: principal.ignoredRoles,
  };
}
