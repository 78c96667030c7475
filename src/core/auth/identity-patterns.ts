/**
 * Name patterns from the contract (`asyncapi.yaml` → components.schemas `Realm`, `UserId`).
 * Kept here as constants because the authorizer and the development identity provider must agree with the
 * contract without importing generated/ (the test `identity-patterns.test.ts` fails if they drift apart).
 */
export const REALM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const USER_ID_PATTERN = /^[A-Za-z0-9._@:+|-]{1,128}$/;

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
