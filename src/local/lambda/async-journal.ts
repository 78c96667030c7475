/**
 * The durable part of Lambda's asynchronous invocation queue for `--data-dir`: every accepted asynchronous
 * invocation (an SNS delivery to a function) is appended to a JSON-lines file before the publisher gets its
 * answer, and marked done once it succeeded or failed for good. A restart re-runs what is not done, so what the
 * local SNS accepted survives a clean stop and a crash of the process (`kill -9`) alike; there is no fsync,
 * so a power loss may still lose the last writes.
 */
import { closeSync, existsSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';

export interface JournaledInvocation {
  id: number;
  functionName: string;
  source: string;
  retries: number;
  event: unknown;
}

type Line = { accepted: JournaledInvocation } | { done: number };

/** Rewrite the file once this many finished invocations are in it (it only holds the pending ones after). */
const COMPACT_AFTER_DONE = 5_000;

export class AsyncInvocationJournal {
  private readonly pending = new Map<number, JournaledInvocation>();
  private nextId = 1;
  private doneSinceCompaction = 0;
  private fd: number;

  /** Reads what a previous run left pending (a torn last line from a crash is ignored) and compacts. */
  constructor(private readonly path: string) {
    if (existsSync(path)) {
      for (const text of readFileSync(path, 'utf8').split('\n')) {
        const line = parseLine(text);
        if (!line) continue;
        if ('accepted' in line) this.pending.set(line.accepted.id, line.accepted);
        else this.pending.delete(line.done);
      }
    }
    this.nextId = Math.max(0, ...this.pending.keys()) + 1;
    this.fd = this.rewrite();
  }

  /** Invocations a previous run accepted and never finished, oldest first. */
  unfinished(): JournaledInvocation[] {
    return [...this.pending.values()].sort((a, b) => a.id - b.id);
  }

  /** Appends synchronously: when this returns, the invocation survives a crash. */
  accept(invocation: Omit<JournaledInvocation, 'id'>): number {
    const entry: JournaledInvocation = { id: this.nextId++, ...invocation };
    this.pending.set(entry.id, entry);
    this.append({ accepted: entry });
    return entry.id;
  }

  done(id: number): void {
    if (!this.pending.delete(id)) return;
    this.append({ done: id });
    if (++this.doneSinceCompaction >= COMPACT_AFTER_DONE) {
      closeSync(this.fd);
      this.fd = this.rewrite();
    }
  }

  close(): void {
    closeSync(this.fd);
  }

  private append(line: Line): void {
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
  }

  /** Writes only the pending invocations to a new file, renames it over the old one, opens it for append. */
  private rewrite(): number {
    const temp = `${this.path}.tmp`;
    const fd = openSync(temp, 'w');
    for (const entry of this.unfinished()) writeSync(fd, `${JSON.stringify({ accepted: entry })}\n`);
    closeSync(fd);
    renameSync(temp, this.path);
    this.doneSinceCompaction = 0;
    return openSync(this.path, 'a');
  }
}

function parseLine(text: string): Line | undefined {
  if (text.trim() === '') return undefined;
  try {
    const value = JSON.parse(text) as Partial<{ accepted: JournaledInvocation; done: number }>;
    if (typeof value.done === 'number') return { done: value.done };
    const a = value.accepted;
    if (a && typeof a.id === 'number' && typeof a.functionName === 'string') return { accepted: a };
  } catch {
    // The line a crash cut short: that invocation was never acknowledged to the publisher.
  }
  return undefined;
}
