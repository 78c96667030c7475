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
 * 2. The in-memory store keeps keys and values as exact-size `Uint8Array`s (`storeEncoding: 'view'`)
 *    instead of Buffers. `Buffer.from(string)` of a short string is a slice of a shared 8 KB pool, so a
 *    few long-lived rows kept whole 8 KB pools alive (~9 KB per connection). Byte order is unchanged
 *    (memory-level compares views bytewise, as it does Buffers), so key order stays DynamoDB's UTF-8 order.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface IteratorPrototype {
  close(): Promise<void>;
  return?: () => Promise<{ done: true; value: undefined }>;
}

let applied = false;

export function applyLevelFixes(): void {
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

  const memoryLevel = require('memory-level') as {
    MemoryLevel: new (...args: unknown[]) => object;
  };
  const Original = memoryLevel.MemoryLevel;
  class CompactMemoryLevel extends Original {
    constructor(location?: unknown, options?: unknown) {
      const given = (typeof location === 'object' && location !== null ? location : options) as
        | Record<string, unknown>
        | undefined;
      super({ storeEncoding: 'view', ...given });
    }
  }
  // dynalite reads `require('memory-level').MemoryLevel` when its db module loads, i.e. after this.
  memoryLevel.MemoryLevel = CompactMemoryLevel;
}
