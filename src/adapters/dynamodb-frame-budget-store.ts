/**
 * The frame budget of a connection on its meta row (`conn#{id}` / `meta`): `budgetTat` (the GCRA theoretical
 * arrival time, epoch ms) and `budgetStrikes`, changed only by conditional UpdateItems, so every Lambda
 * instance handling a frame of the connection sees and moves the same budget, and two concurrent frames never
 * both take the last token. The rule is core `gcraSpend`, written as conditions:
 *   1. bucket full (`budgetTat <= now` or absent): SET budgetTat = now + interval, budgetStrikes = 0;
 *   2. else, room left (`budgetTat <= now + (burst - 1) * interval`): SET budgetTat = budgetTat + interval;
 *   3. else refused: ADD budgetStrikes 1, returning the new count.
 * Write cost per frame (each UpdateItem, failed condition or not, is one write unit for a meta row < 1 KB):
 * 1 for a client inside its rate, 2 for a frame of a burst, 3 for a refused one (docs/data-model.md).
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../core/errors.js';
import type { FrameBudgetPolicy, FrameBudgetStore, SpendResult } from '../core/frame-budget.js';
import { type DynamoTable, isConditionalCheckFailed } from './dynamodb-table.js';
import { keys } from './table-keys.js';

/** The meta-row attributes the budget keeps (bookkeeping of the connection, not stored messages). */
export const FRAME_BUDGET_ATTRIBUTES = ['budgetTat', 'budgetStrikes'] as const;

type Update = Omit<ConstructorParameters<typeof UpdateCommand>[0], 'TableName' | 'Key'>;

export class DynamoFrameBudgetStore implements FrameBudgetStore {
  constructor(private readonly table: DynamoTable) {}

  async spend(connectionId: string, nowMs: number, policy: FrameBudgetPolicy): Promise<SpendResult> {
    const refill = await this.update(connectionId, {
      UpdateExpression: 'SET budgetTat = :next, budgetStrikes = :zero',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(budgetTat) OR budgetTat <= :now)',
      ExpressionAttributeValues: { ':next': nowMs + policy.intervalMs, ':zero': 0, ':now': nowMs },
    });
    if (refill) return { status: 'allowed' };
    const take = await this.update(connectionId, {
      UpdateExpression: 'SET budgetTat = budgetTat + :interval',
      ConditionExpression: 'attribute_exists(pk) AND budgetTat <= :latest',
      ExpressionAttributeValues: {
        ':interval': policy.intervalMs,
        ':latest': nowMs + (policy.burst - 1) * policy.intervalMs,
      },
    });
    if (take) return { status: 'allowed' };
    const strike = await this.update(connectionId, {
      UpdateExpression: 'ADD budgetStrikes :one',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    });
    if (!strike) return { status: 'unknown-connection' };
    return { status: 'limited', strikes: Number(strike.budgetStrikes ?? 1) };
  }

  /** The updated attributes (empty unless asked for), or undefined when the condition failed. */
  private async update(connectionId: string, update: Update): Promise<Record<string, unknown> | undefined> {
    try {
      const output = await this.table.client.send(
        new UpdateCommand({
          TableName: this.table.tableName,
          Key: keys.connectionMeta(connectionId),
          ...update,
        }),
      );
      return output.Attributes ?? {};
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return undefined;
      throw new StorageError(`frame budget UpdateItem of conn#${connectionId} failed`, { cause });
    }
  }
}
