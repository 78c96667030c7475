/**
 * The local platform's trace records (what CloudWatch Logs keeps on AWS): in memory, bounded (the oldest
 * records go first), indexed by message id and correlation id; with a data directory also appended to
 * `traces.jsonl` and read back on start, so `wspush trace` still finds a message after a restart. The file is
 * bounded too: once it holds twice the bound it is rewritten with the records kept in memory.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { appendFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validators } from '../../generated/index.js';
import type { TraceRecord } from '../core/tracing.js';
import type { TracedHop } from '../publisher/trace/timeline.js';

/** Records kept (the oldest go first): enough for a long local session, bounded in memory and on disk. */
export const DEFAULT_MAX_RECORDS = 50_000;

export const TRACE_FILE = 'traces.jsonl';

/** How long new records wait before they are appended to the file (batched, off the delivery path). */
const FLUSH_DELAY_MS = 100;

export interface TraceStoreOptions {
  dataDir?: string;
  maxRecords?: number;
}

export class TraceStore {
  /** A ring of the kept records: `count` of them from `head`, oldest first. */
  private readonly ring: Array<TraceRecord | undefined>;
  private head = 0;
  private count = 0;
  private readonly byId = new Map<string, TraceRecord[]>();
  private readonly maxRecords: number;
  private readonly file: string | undefined;
  /** Lines in the file (kept or forgotten); over twice the bound, the file is rewritten. */
  private fileLines = 0;
  private pending: string[] = [];
  private writing: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | undefined;

  constructor(options: TraceStoreOptions = {}) {
    this.maxRecords = Math.max(1, options.maxRecords ?? DEFAULT_MAX_RECORDS);
    this.ring = new Array<TraceRecord | undefined>(this.maxRecords);
    this.file = options.dataDir ? join(options.dataDir, TRACE_FILE) : undefined;
    if (this.file && existsSync(this.file)) this.load(this.file);
  }

  /** Keeps one record (and queues it for the data file). */
  add(record: TraceRecord): void {
    this.keep(record);
    if (!this.file) return;
    this.pending.push(`${JSON.stringify(record)}\n`);
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_DELAY_MS);
  }

  /** The hops of a message, by its message id or correlation id, in the order written. */
  find(id: string): TracedHop[] {
    return (this.byId.get(id) ?? []).map((record) => ({ record }));
  }

  /** How many records are kept in memory (at most the bound). */
  get size(): number {
    return this.count;
  }

  /** Writes what is pending to the data file; rewrites the file when it has grown past twice the bound. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const file = this.file;
    if (!file || this.pending.length === 0) return this.writing;
    const lines = this.pending.join('');
    this.fileLines += this.pending.length;
    this.pending = [];
    const compact = this.fileLines > 2 * this.maxRecords;
    if (compact) this.fileLines = this.count;
    const snapshot = compact ? this.serialized() : '';
    this.writing = this.writing
      .then(() => (compact ? replaceFile(file, snapshot) : appendFile(file, lines)))
      .catch((error: unknown) => {
        // The memory copy is intact; the file misses these lines. Said once per failed write, never thrown
        // into the handlers that wrote the records.
        process.stderr.write(`trace store: cannot write ${file}: ${(error as Error).message}\n`);
      });
    return this.writing;
  }

  private keep(record: TraceRecord): void {
    if (this.count === this.maxRecords) this.forgetOldest();
    this.ring[(this.head + this.count) % this.maxRecords] = record;
    this.count++;
    for (const id of idsOf(record)) {
      const list = this.byId.get(id);
      if (list) list.push(record);
      else this.byId.set(id, [record]);
    }
  }

  /** Records leave in the order they came, so the oldest is the first of each of its ids' lists. */
  private forgetOldest(): void {
    const record = this.ring[this.head] as TraceRecord;
    this.ring[this.head] = undefined;
    this.head = (this.head + 1) % this.maxRecords;
    this.count--;
    for (const id of idsOf(record)) {
      const list = this.byId.get(id);
      if (!list) continue;
      list.shift();
      if (list.length === 0) this.byId.delete(id);
    }
  }

  private serialized(): string {
    let text = '';
    for (let i = 0; i < this.count; i++)
      text += `${JSON.stringify(this.ring[(this.head + i) % this.maxRecords])}\n`;
    return text;
  }

  /** Reads the file back (lines that are not valid records are skipped) and rewrites it when it was over the bound. */
  private load(file: string): void {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter(Boolean);
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
    this.fileLines = lines.length;
    // Over the bound, or a line cut short by a crash (the next append would run on from it): rewritten.
    if (lines.length > this.count || (text.length > 0 && !text.endsWith('\n'))) {
      writeFileSync(`${file}.tmp`, this.serialized());
      renameSync(`${file}.tmp`, file);
      this.fileLines = this.count;
    }
  }
}

/** Replaces the file whole (a crash leaves the old file or the new one, never half of one). */
async function replaceFile(file: string, text: string): Promise<void> {
  await writeFile(`${file}.tmp`, text);
  await rename(`${file}.tmp`, file);
}

function idsOf(record: TraceRecord): string[] {
  const ids: string[] = [];
  if (record.messageId) ids.push(record.messageId);
  if (record.correlationId && record.correlationId !== record.messageId) ids.push(record.correlationId);
  return ids;
}
