/**
 * HeldMessageStore on the single table: one `conn#{connectionId}` / `held#…` row per message held for a connection
 * until its welcome (src/core/welcome-hold.ts). The rows sit beside the meta row, so the welcome job lists them
 * with one strongly consistent Query of its own partition key.
 */
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { StorageError } from '../core/errors.js';
import type { HeldMessage } from '../core/model.js';
import type { HeldMessageStore } from '../core/ports.js';
import { messageKeyTime } from '../core/stored-messages.js';
import { type DynamoTable, type Item, isConditionalCheckFailed } from './dynamodb-table.js';
import { HELD_PREFIX, keys } from './table-keys.js';

function keyOf(connectionId: string, message: HeldMessage): { pk: string; sk: string } {
  const { envelope } = message;
  const topic = message.kind === 'topic' ? message.envelope.topic : undefined;
  return keys.heldMessage(connectionId, messageKeyTime(envelope.publishedAt), envelope.messageId, topic);
}

export class DynamoHeldMessageStore implements HeldMessageStore {
  constructor(private readonly table: DynamoTable) {}

  /** PutItem with `attribute_not_exists(pk)`: a message routed twice is held once. */
  async hold(connectionId: string, message: HeldMessage, expiresAt: number): Promise<void> {
    const item: Item = {
      ...keyOf(connectionId, message),
      kind: message.kind,
      envelope: message.envelope,
      expiresAt,
    };
    if (message.kind === 'topic' && message.position) item.position = message.position;
    try {
      await this.table.client.send(
        new PutCommand({
          TableName: this.table.tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (cause) {
      if (isConditionalCheckFailed(cause)) return;
      throw new StorageError(`PutItem of a held message for ${connectionId} failed`, { cause });
    }
  }

  async list(connectionId: string, nowSeconds: number): Promise<HeldMessage[]> {
    const items = await this.table.query({
      pk: keys.connectionMeta(connectionId).pk,
      skPrefix: HELD_PREFIX,
      nowSeconds,
      consistent: true,
    });
    return items.map(toHeldMessage);
  }

  /** DeleteItem with ReturnValues ALL_OLD: true only for the caller whose delete removed the row. */
  async take(connectionId: string, message: HeldMessage): Promise<boolean> {
    try {
      const output = await this.table.client.send(
        new DeleteCommand({
          TableName: this.table.tableName,
          Key: keyOf(connectionId, message),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return output.Attributes !== undefined;
    } catch (cause) {
      throw new StorageError(`DeleteItem of a held message for ${connectionId} failed`, { cause });
    }
  }
}

/** A held row as the core's message (the envelope was validated when it was routed). */
function toHeldMessage(item: Item): HeldMessage {
  if (item.kind === 'topic') {
    const message: HeldMessage = { kind: 'topic', envelope: item.envelope };
    if (item.position) message.position = item.position;
    return message;
  }
  return { kind: 'user', envelope: item.envelope };
}
