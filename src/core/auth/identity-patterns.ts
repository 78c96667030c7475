/**
 * Name patterns of the contract (components.schemas `Realm`, `UserId`), from generated/patterns.ts: a module
 * without imports, so the authorizer and the development identity provider stay small and still agree with it.
 */
import { patterns } from '../../../generated/patterns.js';

export const REALM_PATTERN = patterns.Realm;
export const USER_ID_PATTERN = patterns.UserId;

/**
 * Role names travel comma-separated in the authorizer context (API Gateway allows scalars only),
 * so a role may not contain a comma; control characters and very long names are refused too.
 */
export const ROLE_PATTERN = /^[^,\p{Cc}]{1,128}$/u;

export const isRealm = (value: unknown): value is string =>
  typeof value === 'string' && REALM_PATTERN.test(value);
export const isUserId = (value: unknown): value is string =>
  typeof value === 'string' && USER_ID_PATTERN.test(value);
export const isRoleName = (value: unknown): value is string =>
  typeof value === 'string' && ROLE_PATTERN.test(value) && value.trim() === value;
