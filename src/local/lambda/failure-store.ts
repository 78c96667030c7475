/**
 * Where asynchronous invocations that failed every attempt end up — the local stand-in for a Lambda
 * on-failure destination. Nothing is dropped silently: every exhausted invocation is one record here.
 */
import { randomUUID } from 'node:crypto';

export interface FailureRecord {
  id: string;
  /** ISO 8601 */
  time: string;
  functionName: string;
  /** e.g. `sns:arn:aws:sns:...` — what triggered the invocation */
  source: string;
  attempts: number;
  error: { name: string; message: string };
  event: unknown;
}

export class FailureStore {
  private readonly records: FailureRecord[] = [];

  constructor(private readonly maxRecords = 10_000) {}

  record(entry: Omit<FailureRecord, 'id' | 'time'>): FailureRecord {
    const record: FailureRecord = { id: randomUUID(), time: new Date().toISOString(), ...entry };
    this.records.push(record);
    // Bounded so a flood of failures cannot exhaust memory; the oldest go first.
    if (this.records.length > this.maxRecords) this.records.shift();
    return record;
  }

  list(): FailureRecord[] {
    return [...this.records];
  }

  clear(): void {
    this.records.length = 0;
  }
}
