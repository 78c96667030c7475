/**
 * Fault injection for tests and the reliability suite. Each rule applies to the next `times` matching
 * requests (default 1; `'always'` until cleared). Rules are checked in the order they were added.
 */
import { randomUUID } from 'node:crypto';

export type ConnectionsMethod = 'POST' | 'GET' | 'DELETE';

export type FaultRule =
  | {
      kind: 'connections-status';
      /** 410 GoneException, 429 LimitExceededException, 500 InternalServerErrorException, 403, 413 */
      status: 403 | 410 | 413 | 429 | 500;
      connectionId?: string;
      method?: ConnectionsMethod;
      times?: number | 'always';
    }
  | {
      kind: 'connections-hang';
      /** answer (200 as normal, after doing the work) only after this long; omitted: never (until stop) */
      ms?: number;
      connectionId?: string;
      method?: ConnectionsMethod;
      times?: number | 'always';
    }
  | {
      kind: 'dynamodb-throttle';
      operation?: string;
      /**
       * Throttles only requests whose JSON body contains this (a key such as `inbox#acme#alice`): scopes the
       * fault to one access pattern, so the other functions' requests at the same moment are untouched.
       */
      bodyContains?: string;
      times?: number | 'always';
    }
  | { kind: 'dynamodb-unprocessed'; times?: number | 'always' }
  | {
      kind: 'sqs-entry-failure';
      /** fails SendMessageBatch entries whose body contains this (any entry without it); InternalError */
      bodyContains?: string;
      times?: number | 'always';
    };

export type FaultKind = FaultRule['kind'];

interface ActiveRule {
  id: string;
  rule: FaultRule;
  remaining: number;
}

const KINDS: readonly FaultKind[] = [
  'connections-status',
  'connections-hang',
  'dynamodb-throttle',
  'dynamodb-unprocessed',
  'sqs-entry-failure',
];
const STATUSES = [403, 410, 413, 429, 500];

/** Validates untrusted JSON (from `POST /_local/faults`) into a rule; throws with a readable message. */
export function parseFaultRule(value: unknown): FaultRule {
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new Error('a fault rule must be a JSON object');
  const r = value as Record<string, unknown>;
  if (!KINDS.includes(r.kind as FaultKind)) throw new Error(`kind must be one of ${KINDS.join(', ')}`);
  if (
    r.times !== undefined &&
    r.times !== 'always' &&
    !(Number.isInteger(r.times) && (r.times as number) >= 1)
  ) {
    throw new Error('times must be a positive integer or "always"');
  }
  if (r.connectionId !== undefined && typeof r.connectionId !== 'string')
    throw new Error('connectionId must be a string');
  if (r.method !== undefined && !['POST', 'GET', 'DELETE'].includes(r.method as string))
    throw new Error('method must be POST, GET or DELETE');
  if (r.kind === 'connections-status' && !STATUSES.includes(r.status as number)) {
    throw new Error(`status must be one of ${STATUSES.join(', ')}`);
  }
  if (
    r.kind === 'connections-hang' &&
    r.ms !== undefined &&
    !(Number.isInteger(r.ms) && (r.ms as number) >= 0)
  ) {
    throw new Error('ms must be a non-negative integer');
  }
  if (r.operation !== undefined && typeof r.operation !== 'string')
    throw new Error('operation must be a string');
  if (r.bodyContains !== undefined && typeof r.bodyContains !== 'string')
    throw new Error('bodyContains must be a string');
  return r as unknown as FaultRule;
}

export class Faults {
  private rules: ActiveRule[] = [];
  private readonly firedCounts = new Map<string, number>();

  /** Adds a rule; returns its id. */
  add(rule: FaultRule): string {
    const parsed = parseFaultRule(rule);
    const id = randomUUID();
    this.rules.push({
      id,
      rule: parsed,
      remaining: parsed.times === 'always' ? Number.POSITIVE_INFINITY : (parsed.times ?? 1),
    });
    return id;
  }

  remove(id: string): void {
    this.rules = this.rules.filter((r) => r.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  /** How many requests the rule `id` has answered so far: lets a test assert that its fault really fired. */
  fired(id: string): number {
    return this.firedCounts.get(id) ?? 0;
  }

  list(): Array<{ id: string; rule: FaultRule; remaining: number | 'always' }> {
    return this.rules.map((r) => ({
      id: r.id,
      rule: r.rule,
      remaining: Number.isFinite(r.remaining) ? r.remaining : 'always',
    }));
  }

  /** Finds the first matching rule, uses up one of its `times`, and returns it. */
  private take(match: (rule: FaultRule) => boolean): FaultRule | undefined {
    const active = this.rules.find((r) => match(r.rule));
    if (!active) return undefined;
    active.remaining -= 1;
    this.firedCounts.set(active.id, (this.firedCounts.get(active.id) ?? 0) + 1);
    if (active.remaining <= 0) this.remove(active.id);
    return active.rule;
  }

  takeConnections(
    method: string,
    connectionId: string,
  ): Extract<FaultRule, { kind: 'connections-status' | 'connections-hang' }> | undefined {
    return this.take(
      (r) =>
        (r.kind === 'connections-status' || r.kind === 'connections-hang') &&
        (r.connectionId === undefined || r.connectionId === connectionId) &&
        (r.method === undefined || r.method === method),
    ) as Extract<FaultRule, { kind: 'connections-status' | 'connections-hang' }> | undefined;
  }

  /** `body`: the request's JSON (Buffer.includes matches text without decoding), for `bodyContains`. */
  takeDynamo(
    operation: string,
    body: Buffer | string = '',
  ): Extract<FaultRule, { kind: 'dynamodb-throttle' | 'dynamodb-unprocessed' }> | undefined {
    return this.take(
      (r) =>
        (r.kind === 'dynamodb-throttle' &&
          (r.operation === undefined || r.operation === operation) &&
          (r.bodyContains === undefined || body.includes(r.bodyContains))) ||
        (r.kind === 'dynamodb-unprocessed' && operation === 'BatchWriteItem'),
    ) as Extract<FaultRule, { kind: 'dynamodb-throttle' | 'dynamodb-unprocessed' }> | undefined;
  }

  /** A rule failing this SendMessageBatch entry (the entry goes to `Failed`; the others are sent). */
  takeSqsEntry(body: string): Extract<FaultRule, { kind: 'sqs-entry-failure' }> | undefined {
    return this.take(
      (r) =>
        r.kind === 'sqs-entry-failure' && (r.bodyContains === undefined || body.includes(r.bodyContains)),
    ) as Extract<FaultRule, { kind: 'sqs-entry-failure' }> | undefined;
  }
}
