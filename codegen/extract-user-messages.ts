// User message types: messages with x-user-message (type name and offline retention).
import type { MessageInterface } from '@asyncapi/parser';
import type { UserMessageIR } from './extract.js';
import { checkUnique, extension, type Fail, messagePath, NAME_PATTERN } from './extract-common.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';

export function extractUserMessages(
  messages: readonly MessageInterface[],
  schemaTitle: (message: MessageInterface) => string | undefined,
  fail: Fail,
): UserMessageIR[] {
  const userMessages: UserMessageIR[] = [];
  for (const message of messages) {
    const raw = extension(message, 'x-user-message');
    if (raw === undefined) continue;
    const where = [...messagePath(message), 'x-user-message'];
    if (!isJsonObject(raw as JsonValue)) {
      fail(where, 'x-user-message must be an object {type, retentionDays}');
      continue;
    }
    const spec = raw as JsonObject;
    const payloadSchema = schemaTitle(message);
    let ok = true;
    if (typeof spec.type !== 'string' || !NAME_PATTERN.test(spec.type)) {
      fail(where, `x-user-message.type is required and must match ${NAME_PATTERN}`);
      ok = false;
    }
    if (
      typeof spec.retentionDays !== 'number' ||
      !Number.isInteger(spec.retentionDays) ||
      spec.retentionDays < 1
    ) {
      fail(
        where,
        'x-user-message.retentionDays is required: a whole number of days >= 1 the offline inbox keeps the message',
      );
      ok = false;
    }
    if (payloadSchema === undefined) {
      fail([...messagePath(message), 'payload'], 'a user message needs a titled payload schema');
      ok = false;
    }
    if (!ok || payloadSchema === undefined) continue;
    userMessages.push({
      type: spec.type as string,
      messageId: message.id(),
      retentionDays: spec.retentionDays as number,
      payloadSchema,
    });
  }
  checkUnique(
    userMessages.map((u) => u.type),
    (t) => fail(['components', 'messages'], `user message type "${t}" is declared twice`),
  );

  return userMessages;
}
