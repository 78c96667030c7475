import { describe, expect, it } from 'vitest';
import { StringPool } from './string-pool.js';

describe('StringPool', () => {
  it('returns the first copy of an equal string', () => {
    const pool = new StringPool();
    const first = ['127.0', '0.1'].join('.');
    const second = ['127', '0.0.1'].join('.');
    expect(pool.intern(first)).toBe(first);
    expect(pool.intern(second)).toBe(first);
    expect(pool.size).toBe(1);
  });

  it('interns the string values of a record and keeps the others', () => {
    const pool = new StringPool();
    pool.intern('acme');
    const record = { realm: ['ac', 'me'].join(''), integrationLatency: 3, admin: false };
    const same = pool.internValues(record);
    expect(same).toBe(record);
    expect(record).toEqual({ realm: 'acme', integrationLatency: 3, admin: false });
  });

  it('starts over when full, keeping values correct', () => {
    const pool = new StringPool(2);
    pool.intern('a');
    pool.intern('b');
    expect(pool.intern('c')).toBe('c');
    expect(pool.size).toBe(1);
    expect(pool.intern('a')).toBe('a');
  });
});
