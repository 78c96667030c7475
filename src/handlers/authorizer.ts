/**
 * REQUEST authorizer on `$connect`: verifies the bearer JWT (query `token`, `Authorization: Bearer` or
 * `Sec-WebSocket-Protocol: bearer, <jwt>`) against the JWKS of a trusted issuer.
 *
 *   allow        → Allow policy, context `{userId, realm, roles: 'a,b'}`
 *   forbidden    → Deny policy (API Gateway answers 403): authentic token, identity may not connect
 *   unauthorized → `throw new Error('Unauthorized')` (API Gateway answers 401): no or invalid token
 *   anything else thrown (identity provider unreachable) → API Gateway answers 500
 *
 * See `src/core/auth/authorize.ts` for the exact split. The token itself is never logged.
 */
import { createJwtVerifier } from '../adapters/jwt-verifier.js';
import { type AuthorizationDecision, authorizeConnect } from '../core/auth/authorize.js';
import { toAuthorizerContext } from '../core/auth/claims.js';
import type { TokenVerifier } from '../core/auth/ports.js';
import type { DomainLogger } from '../core/ports.js';
import type { AuthorizerRequestEvent, AuthorizerResult, LambdaContext } from './events.js';
import { type AuthConfig, loadAuthConfig } from './runtime/auth-config.js';
import { instrumented, log } from './runtime/observability.js';

export interface AuthorizerDependencies {
  verifier: TokenVerifier;
  allowedRealms?: ReadonlySet<string> | undefined;
  trustTopLevelRoles?: boolean;
  logger: DomainLogger;
}

function policy(
  principalId: string,
  effect: 'Allow' | 'Deny',
  methodArn: string,
): Pick<AuthorizerResult, 'principalId' | 'policyDocument'> {
  return {
    principalId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: methodArn }],
    },
  };
}

export function createAuthorizerHandler(deps: AuthorizerDependencies) {
  return (event: AuthorizerRequestEvent, context?: LambdaContext): Promise<AuthorizerResult> =>
    instrumented(context, () => decide(deps, event));
}

async function decide(
  deps: AuthorizerDependencies,
  event: AuthorizerRequestEvent,
): Promise<AuthorizerResult> {
  const log = {
    requestId: event.requestContext?.requestId,
    connectionId: event.requestContext?.connectionId,
  };
  let decision: AuthorizationDecision;
  try {
    decision = await authorizeConnect(event, deps);
  } catch (error) {
    deps.logger.error('token verification could not run', { ...log, error: error as Error });
    throw new Error('Authorizer unavailable: token verification could not run');
  }
  switch (decision.effect) {
    case 'allow': {
      const { principal } = decision;
      deps.logger.info('connect allowed', {
        ...log,
        userId: principal.userId,
        realm: principal.realm,
        roles: principal.roles,
        tokenSource: decision.source,
        ...(decision.ignoredRoles > 0 ? { ignoredRoles: decision.ignoredRoles } : {}),
      });
      return {
        ...policy(principal.userId, 'Allow', event.methodArn),
        context: toAuthorizerContext(principal),
      };
    }
    case 'forbidden':
      deps.logger.warn('connect forbidden', {
        ...log,
        reason: decision.reason,
        detail: decision.detail,
        realm: decision.realm,
        userId: decision.subject,
      });
      return policy(decision.subject ?? 'unknown', 'Deny', event.methodArn);
    case 'unauthorized':
      deps.logger.info('connect unauthorized', {
        ...log,
        reason: decision.reason,
        detail: decision.detail,
      });
      // The exact message API Gateway maps to 401.
      throw new Error('Unauthorized');
  }
}

function fromEnvironment(config: AuthConfig) {
  const verifier = createJwtVerifier({
    issuers: config.issuers,
    audiences: config.audiences,
    jwksPath: config.jwksPath,
    // Checked again by authorizeConnect; here it keeps junk realms from reaching the identity provider.
    ...(config.allowedRealms !== undefined ? { allowedRealms: config.allowedRealms } : {}),
  });
  return createAuthorizerHandler({
    verifier,
    allowedRealms: config.allowedRealms,
    trustTopLevelRoles: config.trustTopLevelRoles,
    logger: log,
  });
}

/** Built once per cold start: the JWKS cache lives in the verifier, across invocations. */
export const handler = fromEnvironment(loadAuthConfig());
