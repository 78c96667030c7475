/**
 * Where a client keeps its stream positions between connections and page loads: a small adapter with two
 * methods. Memory is the default (positions survive reconnects and handovers, not a reload); the
 * `localStorage` adapter lets a reloaded page resume where the previous one stopped. The client validates
 * whatever `load` returns and ignores what is malformed, so an adapter never has to.
 */
import type { StreamPosition } from '../../generated/models.js';

/** What the client saves: the last position per topic it holds (at most `x-limits.maxTopicsPerConnection`). */
export interface PositionSnapshot {
  version: 1;
  positions: Record<string, StreamPosition>;
}

export interface PositionStorage {
  /** The last snapshot saved, or undefined. Anything else returned (or thrown) is ignored by the client. */
  load(): unknown;
  /** Replaces the snapshot; called after every change, so keep it cheap. A throw is reported as an `error` event. */
  save(snapshot: PositionSnapshot): void;
}

/** Keeps the snapshot in memory: pass one instance to successive clients to carry positions between them. */
export function memoryPositionStorage(): PositionStorage {
  let saved: PositionSnapshot | undefined;
  return {
    load: () => saved,
    save: (snapshot) => {
      saved = structuredClone(snapshot);
    },
  };
}

/** The subset of the Web Storage API the adapter uses (`window.localStorage` has it). */
export interface WebStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/**
 * Keeps the snapshot in `localStorage` under `key` (one key per user and endpoint: positions are per realm and
 * topic). Unparseable stored text loads as nothing; a full or disabled storage throws from `save`.
 */
export function localStoragePositionStorage(
  key: string,
  storage: WebStorageLike | undefined = (globalThis as { localStorage?: WebStorageLike }).localStorage,
): PositionStorage {
  if (!storage) throw new TypeError('localStoragePositionStorage: no localStorage here; pass a storage');
  return {
    load: () => {
      const text = storage.getItem(key);
      if (text === null) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    save: (snapshot) => storage.setItem(key, JSON.stringify(snapshot)),
  };
}
