import { describe, expect, it } from 'vitest';
import {
  MAX_ROLES_LENGTH,
  principalFromAuthorizerContext,
  principalFromClaims,
  toAuthorizerContext,
} from './claims.js';

describe('principalFromClaims', () => {
  it('takes userId from sub and roles from realm_access.roles, and a top-level roles array only when trusted', () => {
    const claims = { sub: 'alice', realm_access: { roles: ['admin', 'user'] }, roles: ['user', 'ops'] };
    expect(principalFromClaims(claims, 'acme', { trustTopLevelRoles: true })).toEqual({
      ok: true,
      principal: { userId: 'alice', realm: 'acme', roles: ['admin', 'user', 'ops'] },
      ignoredRoles: 0,
    });
    // Keycloak puts roles in realm_access.roles: by default a top-level `roles` claim grants nothing.
    expect(principalFromClaims({ sub: 'mallory', roles: ['admin'] }, 'acme')).toEqual({
      ok: true,
      principal: { userId: 'mallory', realm: 'acme', roles: [] },
      ignoredRoles: 0,
    });
  });

  it('drops role names that cannot travel comma-separated, and ignores non-array role claims', () => {
    const result = principalFromClaims(
      { sub: 'bob', realm_access: { roles: ['a,b', 'ok', 3] }, roles: 'x' },
      'r',
      { trustTopLevelRoles: true },
    );
    expect(result).toEqual({
      ok: true,
      principal: { userId: 'bob', realm: 'r', roles: ['ok'] },
      ignoredRoles: 2,
    });
  });

  it('refuses a token without a usable sub', () => {
    expect(principalFromClaims({}, 'acme')).toMatchObject({ ok: false, reason: 'missing-subject' });
    expect(principalFromClaims({ sub: 'has space' }, 'acme')).toMatchObject({
      ok: false,
      reason: 'invalid-subject',
    });
    expect(principalFromClaims({ sub: 12 }, 'acme')).toMatchObject({ ok: false, reason: 'invalid-subject' });
  });

  it('refuses more roles than fit in an authorizer context', () => {
    const roles = Array.from({ length: 200 }, (_, i) => `role-number-${i}-${'x'.repeat(20)}`);
    expect(roles.join(',').length).toBeGreaterThan(MAX_ROLES_LENGTH);
    expect(principalFromClaims({ sub: 'alice', realm_access: { roles } }, 'acme')).toMatchObject({
      ok: false,
      reason: 'too-many-roles',
    });
  });
});

describe('authorizer context', () => {
  it('round-trips through scalars', () => {
    const context = toAuthorizerContext({ userId: 'alice', realm: 'acme', roles: ['admin', 'user'] });
    expect(context).toEqual({ userId: 'alice', realm: 'acme', roles: 'admin,user' });
    expect(principalFromAuthorizerContext(context)).toEqual({
      userId: 'alice',
      realm: 'acme',
      roles: ['admin', 'user'],
    });
    expect(principalFromAuthorizerContext({ userId: 'a', realm: 'r', roles: '' })?.roles).toEqual([]);
    expect(principalFromAuthorizerContext({ realm: 'r' })).toBeUndefined();
  });
});
