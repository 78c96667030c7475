import { appendFileSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRACE_FORMAT, type TraceRecord } from '../core/tracing.js';
import { TRACE_FILE, TraceStore } from './trace-store.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'wspush-trace-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function record(messageId: string, hop: TraceRecord['hop'] = 'published'): TraceRecord {
  return {
    trace: TRACE_FORMAT,
    hop,
    at: new Date().toISOString(),
    messageId,
    correlationId: `c-${messageId}`,
  };
}

const fileLines = (): string[] => readFileSync(join(dataDir, TRACE_FILE), 'utf8').split('\n').filter(Boolean);
const hopsOf = (store: TraceStore, id: string) => store.find(id).map((h) => h.record.hop);

describe('TraceStore', () => {
  it('finds a message by its message id and by its correlation id, hops in the order written', () => {
    const store = new TraceStore();
    store.add(record('m1', 'published'));
    store.add(record('m2', 'published'));
    store.add(record('m1', 'routed'));
    expect(hopsOf(store, 'm1')).toEqual(['published', 'routed']);
    expect(hopsOf(store, 'c-m1')).toEqual(['published', 'routed']);
    expect(store.find('unknown')).toEqual([]);
  });

  it('keeps at most maxRecords in memory: the oldest go first, and their ids with them', () => {
    const store = new TraceStore({ maxRecords: 3 });
    for (let i = 0; i < 1_000; i++) store.add(record(`m${i % 7}`, i % 2 === 0 ? 'published' : 'routed'));
    expect(store.size).toBe(3);
    // The last three: records 997, 998, 999 (m3 routed, m4 published, m5 routed).
    expect(hopsOf(store, 'm3')).toEqual(['routed']);
    expect(hopsOf(store, 'c-m4')).toEqual(['published']);
    expect(hopsOf(store, 'm5')).toEqual(['routed']);
    expect(store.find('m6')).toEqual([]);
    expect(store.find('c-m0')).toEqual([]);
  });

  it('with a data dir: records survive a restart', async () => {
    const first = new TraceStore({ dataDir });
    first.add(record('m1'));
    first.add(record('m1', 'routed'));
    await first.flush();
    const second = new TraceStore({ dataDir });
    expect(hopsOf(second, 'c-m1')).toEqual(['published', 'routed']);
    second.add(record('m1', 'stored'));
    await second.flush();
    expect(hopsOf(new TraceStore({ dataDir }), 'm1')).toEqual(['published', 'routed', 'stored']);
  });

  it('the file stays bounded while running: past twice the bound it is rewritten with the kept records', async () => {
    const store = new TraceStore({ dataDir, maxRecords: 10 });
    for (let i = 0; i < 95; i++) {
      store.add(record(`m${i}`));
      if (i % 4 === 0) await store.flush();
    }
    await store.flush();
    expect(fileLines().length).toBeLessThanOrEqual(20);
    const reloaded = new TraceStore({ dataDir, maxRecords: 10 });
    expect(reloaded.size).toBe(10);
    expect(hopsOf(reloaded, 'm94')).toEqual(['published']);
    expect(reloaded.find('m84')).toEqual([]);
    expect(fileLines()).toHaveLength(10);
  });

  it('a line cut short by a crash, or not a trace record, is skipped and the file repaired', async () => {
    const store = new TraceStore({ dataDir });
    store.add(record('m1'));
    await store.flush();
    appendFileSync(join(dataDir, TRACE_FILE), '{"not":"a record"}\n{"trace":"wspush.trace.v1","hop":"rou');
    const reloaded = new TraceStore({ dataDir });
    expect(reloaded.size).toBe(1);
    reloaded.add(record('m2'));
    await reloaded.flush();
    expect(hopsOf(new TraceStore({ dataDir }), 'm2')).toEqual(['published']);
    expect(fileLines()).toHaveLength(2);
  });
});
