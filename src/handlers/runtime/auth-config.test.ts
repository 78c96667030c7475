import { describe, expect, it } from 'vitest';
import { DEFAULT_JWKS_PATH, loadAuthConfig } from './auth-config.js';

const base = { JWT_ISSUERS: 'https://idp.example.com/realms/{realm}', JWT_AUDIENCE: 'wspush' };

describe('loadAuthConfig', () => {
  it('reads the variables with their defaults', () => {
    const config = loadAuthConfig(base);
    expect(config.issuers.map((i) => i.pattern)).toEqual(['https://idp.example.com/realms/{realm}']);
    expect(config.audiences).toEqual(['wspush']);
    expect(config.jwksPath).toBe(DEFAULT_JWKS_PATH);
    expect(config.allowedRealms).toBeUndefined();
  });

  it('reads lists and options', () => {
    const config = loadAuthConfig({
      JWT_ISSUERS: 'https://a.example/realms/{realm}, http://localhost:3000/realms/{realm}',
      JWT_AUDIENCE: 'wspush, account',
      JWKS_PATH: '/jwks.json',
      JWT_ALLOWED_REALMS: 'acme,globex',
    });
    expect(config.issuers).toHaveLength(2);
    expect(config.audiences).toEqual(['wspush', 'account']);
    expect(config.jwksPath).toBe('/jwks.json');
    expect([...(config.allowedRealms ?? [])]).toEqual(['acme', 'globex']);
  });

  it('fails naming the variable', () => {
    expect(() => loadAuthConfig({ JWT_AUDIENCE: 'wspush' })).toThrow('JWT_ISSUERS: is required but not set');
    expect(() => loadAuthConfig({ ...base, JWT_ISSUERS: 'https://idp.example.com/realms/acme' })).toThrow(
      /^JWT_ISSUERS: .*\{realm\}/,
    );
    expect(() => loadAuthConfig({ JWT_ISSUERS: base.JWT_ISSUERS })).toThrow(/JWT_AUDIENCE/);
    expect(() => loadAuthConfig({ ...base, JWT_AUDIENCE: ' , ' })).toThrow(/JWT_AUDIENCE/);
    expect(() => loadAuthConfig({ ...base, JWKS_PATH: 'certs' })).toThrow(/JWKS_PATH/);
    expect(() => loadAuthConfig({ ...base, JWT_ALLOWED_REALMS: 'acme,bad realm' })).toThrow(
      /^JWT_ALLOWED_REALMS: .*bad realm/,
    );
  });
});
