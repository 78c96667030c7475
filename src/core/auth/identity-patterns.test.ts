import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isRoleName, REALM_PATTERN, USER_ID_PATTERN } from './identity-patterns.js';

describe('identity patterns', () => {
  it('equal the contract schemas Realm and UserId', () => {
    const contract = parse(
      readFileSync(fileURLToPath(new URL('../../../asyncapi.yaml', import.meta.url)), 'utf8'),
    );
    expect(REALM_PATTERN.source).toBe(contract.components.schemas.Realm.pattern);
    expect(USER_ID_PATTERN.source).toBe(contract.components.schemas.UserId.pattern);
  });

  it('role names cannot carry a comma, control characters or surrounding spaces', () => {
    expect(isRoleName('admin')).toBe(true);
    expect(isRoleName('default-roles-acme')).toBe(true);
    expect(isRoleName('a,b')).toBe(false);
    expect(isRoleName(' admin')).toBe(false);
    expect(isRoleName('a\nb')).toBe(false);
    expect(isRoleName('')).toBe(false);
    expect(isRoleName(7)).toBe(false);
  });
});
