/**
 * A DynamoDB DocumentClient that asks every call for its consumed capacity (`ReturnConsumedCapacity: TOTAL`)
 * and adds it up, in total and per key prefix (`stream#`, `msgid#`, …), for the DynamoDB-units benchmarks.
 */
import type { DocumentSender } from '../../src/adapters/dynamodb-table.js';

export interface Units {
  rcu: number;
  wcu: number;
}

export interface MeteredClient extends DocumentSender {
  /** The units since the last take, then starts again from zero. */
  take(): Units;
  /** The units since the last take, without starting again. */
  peek(): Units;
  /** The units since the last take per the first `#`-segment of the key's `pk` (`stream`, `history`, …). */
  byPrefix(): Record<string, Units>;
}

export function meteredClient(inner: DocumentSender): MeteredClient {
  let units: Units = { rcu: 0, wcu: 0 };
  let prefixes: Record<string, Units> = {};
  const send = (async (command: { input: Record<string, unknown>; constructor: { name: string } }) => {
    command.input.ReturnConsumedCapacity = 'TOTAL';
    const output = (await (inner.send as (c: unknown) => Promise<Record<string, unknown>>)(command)) ?? {};
    const consumed = output.ConsumedCapacity;
    const list = Array.isArray(consumed) ? consumed : consumed ? [consumed] : [];
    const total = list.reduce(
      (sum: number, c) => sum + Number((c as { CapacityUnits?: number }).CapacityUnits ?? 0),
      0,
    );
    const reads = /^(Get|Query|BatchGet)/.test(command.constructor.name);
    const key = (command.input.Key ?? command.input.Item) as { pk?: unknown } | undefined;
    const values = command.input.ExpressionAttributeValues as Record<string, unknown> | undefined;
    const pk = String(key?.pk ?? values?.[':pk'] ?? '(batch)');
    const name = pk.split('#')[0] ?? pk;
    const prefix = prefixes[name] ?? { rcu: 0, wcu: 0 };
    prefixes[name] = prefix;
    if (reads) {
      units.rcu += total;
      prefix.rcu += total;
    } else {
      units.wcu += total;
      prefix.wcu += total;
    }
    return output;
  }) as unknown as DocumentSender['send'];
  return {
    send,
    take() {
      const out = units;
      units = { rcu: 0, wcu: 0 };
      prefixes = {};
      return out;
    },
    peek() {
      return { ...units };
    },
    byPrefix() {
      return structuredClone(prefixes);
    },
  };
}
