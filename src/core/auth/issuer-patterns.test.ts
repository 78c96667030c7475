import { describe, expect, it } from 'vitest';
import { issuerFor, matchIssuer, parseIssuerPattern, parseIssuerPatterns } from './issuer-patterns.js';

describe('issuer patterns', () => {
  const patterns = parseIssuerPatterns(
    'https://idp.example.com/realms/{realm}, http://localhost:3000/realms/{realm}',
  );

  it('takes the realm from a matching issuer', () => {
    expect(matchIssuer(patterns, 'https://idp.example.com/realms/acme')).toMatchObject({
      realm: 'acme',
      issuer: 'https://idp.example.com/realms/acme',
    });
    expect(matchIssuer(patterns, 'http://localhost:3000/realms/globex.eu')?.realm).toBe('globex.eu');
    expect(issuerFor(patterns[0]!, 'acme')).toBe('https://idp.example.com/realms/acme');
  });

  it('refuses issuers that do not match or whose realm is not a contract Realm', () => {
    for (const iss of [
      'https://idp.example.com/realms/',
      'https://idp.example.com/realms/acme/extra',
      'https://idp.example.com/realms/acme#x',
      'https://idp.example.com/realms/ac me',
      'https://idp.example.com/realms/-acme',
      'https://idp.example.com.evil.test/realms/acme',
      'https://evil.test/realms/acme',
      'http://idp.example.com/realms/acme',
      `https://idp.example.com/realms/${'a'.repeat(65)}`,
      42,
      undefined,
    ]) {
      expect(matchIssuer(patterns, iss), String(iss)).toBeUndefined();
    }
  });

  it('rejects bad patterns with an explanation', () => {
    expect(() => parseIssuerPattern('https://idp.example.com/realms/acme')).toThrow(/exactly once/);
    expect(() => parseIssuerPattern('https://idp/{realm}/{realm}')).toThrow(/exactly once/);
    expect(() => parseIssuerPattern('https://{realm}.example.com')).toThrow(/path/);
    expect(() => parseIssuerPattern('ftp://idp/realms/{realm}')).toThrow(/http/);
    expect(() => parseIssuerPattern('https://idp/realms/{realm}?x=1')).toThrow(/query/);
    expect(() => parseIssuerPattern('https://idp/{tenant}/realms/{realm}')).toThrow(/placeholder/);
    expect(() => parseIssuerPatterns(' , ')).toThrow(/no issuer/);
  });
});
