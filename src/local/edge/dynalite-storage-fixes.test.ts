import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { applyDynaliteStorageFixes, compareInUtf8Order } from './dynalite-storage-fixes.js';

const require = createRequire(import.meta.url);

interface Iter {
  next(): Promise<unknown>;
  return(): Promise<{ done: boolean }>;
}
interface Db {
  keyEncoding(name: string): { format: string };
  put(key: string, value: unknown): Promise<void>;
  keys(): Iter & { all(): Promise<string[]> };
  values(): Iter;
  close(): Promise<void>;
}

function memoryDb(): Db {
  applyDynaliteStorageFixes();
  const { MemoryLevel } = require('memory-level') as { MemoryLevel: new (options: object) => Db };
  return new MemoryLevel({ valueEncoding: 'json' });
}

describe('level fixes under dynalite', () => {
  it('gives level iterators the return() dynalite calls, and it closes them', async () => {
    const db = memoryDb();
    await db.put('a', { n: 1 });
    await db.put('b', { n: 2 });
    const values = db.values();
    expect(await values.next()).toEqual({ n: 1 });
    expect(await values.return()).toEqual({ done: true, value: undefined });
    await expect(values.next()).rejects.toMatchObject({ code: 'LEVEL_ITERATOR_NOT_OPEN' });
    await db.close();
  });

  it('stores flat strings, keeping UTF-8 byte order (DynamoDB key order)', async () => {
    const db = memoryDb();
    // Strings are stored as strings (a Buffer-stored db answers 'buffer').
    expect(db.keyEncoding('utf8').format).toBe('utf8');
    // UTF-16 order would put the astral character first; UTF-8 (and DynamoDB) put U+E000 first.
    await db.put('\u{1F600}', 1);
    await db.put('\uE000', 2);
    await db.put('z', 3);
    expect(await db.keys().all()).toEqual(['z', '\uE000', '\u{1F600}']);
    await db.close();
  });

  it('compares strings in code point order and views bytewise', () => {
    const sorted = ['a', 'ab', 'b', '\u00e9', '\ud7ff', '\ue000', '\uffff', '\u{10000}', '\u{1F600}'];
    const shuffled = [...sorted].reverse();
    expect(shuffled.sort(compareInUtf8Order)).toEqual(sorted);
    const bytes = sorted.map((s) => Buffer.from(s, 'utf8'));
    // The same order as the strings' UTF-8 bytes, which is what DynamoDB sorts by.
    expect([...bytes].reverse().sort(compareInUtf8Order)).toEqual(bytes);
    expect(compareInUtf8Order('same', 'same')).toBe(0);
  });
});
