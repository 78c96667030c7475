/**
 * The frame budget on the meta row against dynalite: the same rule as core `gcraSpend`, atomic under
 * concurrent frames (as from several Lambda instances), and the write cost per frame the docs quote.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FrameBudgetPolicy } from '../core/frame-budget.js';
import { DynamoConnectionStore } from './dynamodb-connection-store.js';
import { DynamoFrameBudgetStore } from './dynamodb-frame-budget-store.js';
import { type DocumentSender, DynamoTable } from './dynamodb-table.js';
import { type LocalDynamo, startLocalDynamo } from './testing/local-dynamodb.js';

let dynamo: LocalDynamo;
beforeAll(async () => {
  dynamo = await startLocalDynamo();
});
afterAll(async () => {
  await dynamo?.stop();
});

const NOW_MS = 1_764_237_600_000;
const policy: FrameBudgetPolicy = { intervalMs: 100, burst: 5, strikes: 3 };

/** A client that counts UpdateItem calls (each one a write unit, condition met or not). */
function counting(): { client: DocumentSender; updates: () => number } {
  let updates = 0;
  const send = ((command: unknown) => {
    if (command instanceof UpdateCommand) updates++;
    return dynamo.documentClient.send(command as UpdateCommand);
  }) as DocumentSender['send'];
  return { client: { send }, updates: () => updates };
}

async function connection(connectionId: string): Promise<void> {
  const table = new DynamoTable(dynamo.documentClient, { tableName: dynamo.tableName });
  await new DynamoConnectionStore(table).saveConnection({
    connectionId,
    userId: 'alice',
    realm: 'acme',
    topics: [],
    connectedAt: NOW_MS,
    expiresAt: NOW_MS / 1000 + 7800,
  });
}

function store(client: DocumentSender = dynamo.documentClient): DynamoFrameBudgetStore {
  return new DynamoFrameBudgetStore(new DynamoTable(client, { tableName: dynamo.tableName }));
}

describe('DynamoFrameBudgetStore', () => {
  it('allows a burst, refuses the rest with a growing strike count, refills per interval', async () => {
    await connection('b1');
    const s = store();
    const results = [];
    for (let i = 0; i < 7; i++) results.push(await s.spend('b1', NOW_MS, policy));
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('allowed'), 'limited', 'limited']);
    expect(results.slice(5)).toEqual([
      { status: 'limited', strikes: 1 },
      { status: 'limited', strikes: 2 },
    ]);
    expect(await s.spend('b1', NOW_MS + 100, policy)).toEqual({ status: 'allowed' });
    expect(await s.spend('b1', NOW_MS + 100, policy)).toEqual({ status: 'limited', strikes: 3 });
    // A full bucket again forgives the strikes.
    expect(await s.spend('b1', NOW_MS + 10_000, policy)).toEqual({ status: 'allowed' });
    for (let i = 0; i < 4; i++) await s.spend('b1', NOW_MS + 10_000, policy);
    expect(await s.spend('b1', NOW_MS + 10_000, policy)).toEqual({ status: 'limited', strikes: 1 });
  });

  it('never lets more than the burst through when frames race (one budget for every Lambda instance)', async () => {
    await connection('race');
    const results = await Promise.all(
      Array.from({ length: 30 }, () => store().spend('race', NOW_MS, policy)),
    );
    expect(results.filter((r) => r.status === 'allowed')).toHaveLength(policy.burst);
    const strikes = results.flatMap((r) => (r.status === 'limited' ? [r.strikes] : [])).sort((a, b) => a - b);
    expect(strikes).toEqual(Array.from({ length: 30 - policy.burst }, (_, i) => i + 1));
  });

  it('keeps no budget (and writes no row) for a connection without a meta row', async () => {
    expect(await store().spend('missing', NOW_MS, policy)).toEqual({ status: 'unknown-connection' });
    const { Item } = await dynamo.documentClient.send(
      new GetCommand({ TableName: dynamo.tableName, Key: { pk: 'conn#missing', sk: 'meta' } }),
    );
    expect(Item).toBeUndefined();
  });

  it('costs 1 write for a frame inside the rate, 2 inside a burst, 3 for a refused frame', async () => {
    await connection('cost');
    const c = counting();
    const s = store(c.client);
    const cost = async (at: number) => {
      const before = c.updates();
      await s.spend('cost', at, policy);
      return c.updates() - before;
    };
    expect(await cost(NOW_MS)).toBe(1); // bucket full
    expect(await cost(NOW_MS)).toBe(2); // burst
    for (let i = 0; i < 3; i++) await s.spend('cost', NOW_MS, policy);
    expect(await cost(NOW_MS)).toBe(3); // refused
    expect(await cost(NOW_MS + 60_000)).toBe(1); // a client pinging every few minutes
  });
});
