/**
 * The local platform's trace records (what CloudWatch Logs keeps on AWS): in memory, bounded, indexed by
 * message id and correlation id; with a data directory also appended to `traces.jsonl` and read back on
 * start, so `wspush trace` still finds a message after a restart.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validators } from '../../generated/index.js';
import type { TraceRecord } from '../core/tracing.js';
import type { TracedHop } from '../publisher/trace/timeline.js';

/** Records kept (the oldest go first): enough for a long local session, bounded in memory and on disk. */
export const DEFAULT_MAX_RECORDS = 50_000;

export const TRACE_FILE = 'traces.jsonl';

export interface TraceStoreOptions {
  dataDir?: string;
  maxRecords?: number;
}

export class TraceStore {
  private readonly records: TraceRecord[] = [];
  private readonly byId = new Map<string, TraceRecord[]>();
  private readonly maxRecords: number;
  private readonly file: string | undefined;
  private readonly listeners = new Set<(record: TraceRecord) => void>();
  /** Lines not yet on disk: written in batches, off the delivery path. */
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: TraceStoreOptions = {}) {
    this.maxRecords = options.maxRecords ?? DEFAULT_MAX_RECORDS;
    this.file = options.dataDir ? join(options.dataDir, TRACE_FILE) : undefined;
    if (this.file && existsSync(this.file)) this.load(this.file);
  }

  /** Keeps one record (and appends it to the data file). */
  add(record: TraceRecord): void {
    this.keep(record);
    if (this.file) {
      this.pending.push(`${JSON.stringify(record)}\n`);
      this.timer ??= setTimeout(() => void this.flush(), 100);
    }
    for (const listener of this.listeners) listener(record);
  }

  /** The hops of a message, by its message id or correlation id, in the order written. */
  find(id: string): TracedHop[] {
    return (this.byId.get(id) ?? []).map((record) => ({ record }));
  }

  /** Writes what is pending to the data file (the platform calls it when it stops). */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const file = this.file;
    const lines = this.pending.join('');
    this.pending = [];
    if (file && lines) this.writing = this.writing.then(() => appendFile(file, lines));
    return this.writing;
  }

  get size(): number {
    return this.records.length;
  }

  /** Called with every new record (the console's live view). */
  subscribe(listener: (record: TraceRecord) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private keep(record: TraceRecord): void {
    this.records.push(record);
    for (const id of idsOf(record)) {
      const list = this.byId.get(id);
      if (list) list.push(record);
      else this.byId.set(id, [record]);
    }
    while (this.records.length > this.maxRecords) this.forget(this.records.shift() as TraceRecord);
  }

  private forget(record: TraceRecord): void {
    for (const id of idsOf(record)) {
      const list = this.byId.get(id);
      if (!list) continue;
      list.splice(list.indexOf(record), 1);
      if (list.length === 0) this.byId.delete(id);
    }
  }

  /** Reads the file back (lines that are not valid records are skipped) and rewrites it when it was over the bound. */
  private load(file: string): void {
    const lines = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    for (const line of lines) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch {
        continue;
      }
      const checked = validators.TraceRecord(parsed);
      if (checked.ok) this.keep(checked.value);
    }
    if (lines.length > this.records.length) {
      writeFileSync(file, this.records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    }
  }
}

function idsOf(record: TraceRecord): string[] {
  const ids: string[] = [];
  if (record.messageId) ids.push(record.messageId);
  if (record.correlationId && record.correlationId !== record.messageId) ids.push(record.correlationId);
  return ids;
}
