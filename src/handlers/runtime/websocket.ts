/** Helpers shared by the WebSocket route handlers. */
import { isRealm, isUserId } from '../../core/auth/identity-patterns.js';
import type { Identity } from '../../core/model.js';
import type { RequestAuthorizer, WebSocketRouteResult } from '../events.js';

/**
 * The identity our authorizer put in the context (`{userId, realm, roles: 'a,b'}`), or undefined when it is
 * missing or does not match the contract's patterns (the values become key parts: never trust them blindly).
 */
export function identityFromAuthorizer(authorizer: RequestAuthorizer | undefined): Identity | undefined {
  if (!authorizer) return undefined;
  const { userId, realm, roles } = authorizer;
  if (!isUserId(userId) || !isRealm(realm)) return undefined;
  const roleList =
    typeof roles === 'string'
      ? roles
          .split(',')
          .map((r) => r.trim())
          .filter((r) => r !== '')
      : [];
  const identity: Identity = { userId, realm, roles: roleList };
  // `tokenExp` (epoch seconds): a string from our authorizer; a number is accepted too (context values are scalars).
  const tokenExp = Number(authorizer.tokenExp);
  if (authorizer.tokenExp !== undefined && Number.isSafeInteger(tokenExp) && tokenExp > 0) {
    identity.tokenExpiresAt = tokenExp;
  }
  return identity;
}

/** Header lookup ignoring case (API Gateway keeps the client's spelling). */
export function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** True when the client offered the `bearer` subprotocol (`Sec-WebSocket-Protocol: bearer, <jwt>`). */
export function offersBearerSubprotocol(headers: Record<string, string> | undefined): boolean {
  const value = header(headers, 'Sec-WebSocket-Protocol');
  return (value ?? '').split(',').some((p) => p.trim() === 'bearer');
}

export function replyWith(frame: object): WebSocketRouteResult {
  return { statusCode: 200, body: JSON.stringify(frame) };
}
