/**
 * Two memory fixes for the storage under dynalite (abstract-level 3 / memory-level 3), applied before
 * dynalite is loaded. Neither changes what DynamoDB calls answer.
 *
 * 1. Iterators are closed when their stream ends. dynalite turns every Query, Scan and ListTables into a
 *    Readable over a level iterator and, on destroy, calls `iterator.return()` — which abstract-level 3
 *    iterators do not have (they have `close()`), so no iterator was ever closed. Each one stayed in the
 *    database's open-resources set for the life of the process, and a memory-level iterator pins the
 *    whole copy-on-write tree as it was when the iterator opened: every Query leaked the tree nodes and
 *    the key/value buffers that later writes replaced (2 iterators, ~36 tree nodes and ~8 KB of buffers
 *    per connection; per message for the routers' queries). Giving iterators `return()` = `close()`
 *    makes dynalite's destroy do what it meant. The same prototype serves classic-level (`--data-dir`),
 *    whose unclosed iterators pinned LevelDB snapshots the same way.
 *
 * 2. The in-memory store keeps keys and values as flat strings (`storeEncoding: 'utf8'`) instead of
 *    Buffers. `Buffer.from(string)` of a short string is a slice of a shared 8 KB pool, so a few long-lived
 *    rows kept whole 8 KB pools alive (~9 KB per connection); exact-size views still cost a typed array,
 *    an ArrayBuffer and a backing store per key and per value (~2 KB per connection for 3 rows). dynalite's
 *    keys and stored values are built by concatenation, so they are flattened once on write (a cons-string tree costs
 *    more than the flat copy). Strings are compared in code point order, which is UTF-8 byte order, so key
 *    order stays DynamoDB's (memory-level's own string compare is UTF-16 order: it puts astral characters
 *    before U+E000..U+FFFF). When memory-level was loaded before these fixes, its compare cannot be
 *    replaced and the store falls back to exact-size views (bytewise compare, same order).
 */
import { createRequire, Module } from 'node:module';

const require = createRequire(import.meta.url);

interface IteratorPrototype {
  close(): Promise<void>;
  return?: () => Promise<{ done: true; value: undefined }>;
}

interface BatchOperation {
  type: 'put' | 'del';
  key: unknown;
  value?: unknown;
}

interface LevelStore {
  _put(key: unknown, value: unknown, options: unknown): Promise<void>;
  _batch(operations: BatchOperation[], options: unknown): Promise<void>;
}

/** A flat copy of a string: a concatenated (cons) string keeps every piece it was built from. */
function flatten(key: unknown): unknown {
  return typeof key === 'string' && key.length > 0 ? (JSON.parse(JSON.stringify(key)) as string) : key;
}

const SURROGATE_MIN = 0xd800;
const SURROGATE_MAX = 0xdfff;

/**
 * Code point order (= UTF-8 byte order) for strings; bytewise for views, as memory-level's own compare.
 * UTF-16 code unit order differs only where a surrogate meets a unit at or above U+E000.
 */
export function compareInUtf8Order(a: string | Uint8Array, b: string | Uint8Array): number {
  if (typeof a === 'string' && typeof b === 'string') {
    if (a === b) return 0;
    const length = Math.min(a.length, b.length);
    for (let i = 0; i < length; i++) {
      const x = a.charCodeAt(i);
      const y = b.charCodeAt(i);
      if (x === y) continue;
      const xSurrogate = x >= SURROGATE_MIN && x <= SURROGATE_MAX;
      const ySurrogate = y >= SURROGATE_MIN && y <= SURROGATE_MAX;
      if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
      return x - y;
    }
    return a.length - b.length;
  }
  const x = a as Uint8Array;
  const y = b as Uint8Array;
  const length = Math.min(x.byteLength, y.byteLength);
  for (let i = 0; i < length; i++) {
    const cmp = (x[i] as number) - (y[i] as number);
    if (cmp !== 0) return cmp;
  }
  return x.byteLength - y.byteLength;
}

let applied = false;

export function applyDynaliteStorageFixes(): void {
  if (applied) return;
  applied = true;

  const abstractLevel = require('abstract-level') as { AbstractIterator: { prototype: object } };
  // CommonIterator, the (unexported) parent of AbstractIterator, AbstractKeyIterator and AbstractValueIterator.
  const common = Object.getPrototypeOf(abstractLevel.AbstractIterator.prototype) as IteratorPrototype;
  if (typeof common.close === 'function' && common.return === undefined) {
    Object.defineProperty(common, 'return', {
      configurable: true,
      writable: true,
      value: async function (this: IteratorPrototype) {
        await this.close();
        return { done: true, value: undefined };
      },
    });
  }

  const compareId = require.resolve('memory-level/lib/compare.js');
  const indexId = require.resolve('memory-level');
  // memory-level captures its compare() at load, so the replacement must be in the cache first.
  const canReplaceCompare = require.cache[indexId] === undefined;
  if (canReplaceCompare) {
    const compareModule = new Module(compareId);
    compareModule.filename = compareId;
    compareModule.loaded = true;
    compareModule.exports = compareInUtf8Order;
    require.cache[compareId] = compareModule;
  }
  const storeEncoding = canReplaceCompare ? 'utf8' : 'view';

  const memoryLevel = require('memory-level') as {
    MemoryLevel: new (...args: unknown[]) => LevelStore;
  };
  const Original = memoryLevel.MemoryLevel;
  class CompactMemoryLevel extends Original {
    constructor(location?: unknown, options?: unknown) {
      const given = (typeof location === 'object' && location !== null ? location : options) as
        | Record<string, unknown>
        | undefined;
      super({ storeEncoding, ...given });
    }
    override _put(key: unknown, value: unknown, options: unknown): Promise<void> {
      return super._put(flatten(key), flatten(value), options);
    }
    override _batch(operations: BatchOperation[], options: unknown): Promise<void> {
      for (const op of operations) {
        op.key = flatten(op.key);
        if (op.type === 'put') op.value = flatten(op.value);
      }
      return super._batch(operations, options);
    }
  }
  // dynalite reads `require('memory-level').MemoryLevel` when its db module loads, i.e. after this.
  memoryLevel.MemoryLevel = CompactMemoryLevel;
}
