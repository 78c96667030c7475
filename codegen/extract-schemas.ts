// Schemas: one validator per title, from message payloads and titled component schemas.
import type { AsyncAPIDocumentInterface, MessageInterface } from '@asyncapi/parser';
import type { ContractPath } from './contract.js';
import type { SchemaEntry } from './extract.js';
import { type Fail, messagePath } from './extract-common.js';
import { cleanSchema, isJsonObject, type JsonValue } from './json.js';

const TITLE_PATTERN = /^[A-Z][A-Za-z0-9]*$/;

export interface SchemaCollection {
  schemasByTitle: Map<string, SchemaEntry>;
  /** Adds a schema under its title (a second, different schema with the same title fails). */
  addSchema: (title: string, json: JsonValue, where: ContractPath) => void;
  /** The title of a message's payload schema. */
  schemaTitle: (message: MessageInterface) => string | undefined;
}

export function collectSchemas(
  document: AsyncAPIDocumentInterface,
  messages: readonly MessageInterface[],
  fail: Fail,
): SchemaCollection {
  const schemasByTitle = new Map<string, SchemaEntry>();
  const addSchema = (title: string, json: JsonValue, where: ContractPath): void => {
    if (!TITLE_PATTERN.test(title)) {
      fail(where, `schema title "${title}" must be PascalCase (it names a TypeScript type and a validator)`);
      return;
    }
    const schema = cleanSchema(json);
    if (!isJsonObject(schema)) return;
    const existing = schemasByTitle.get(title);
    if (existing !== undefined) {
      if (JSON.stringify(existing.schema) !== JSON.stringify(schema)) {
        fail(where, `two different schemas share the title "${title}"; titles name types and must be unique`);
      }
      return;
    }
    schemasByTitle.set(title, { title, schema });
  };

  for (const message of messages) {
    const payload = message.payload();
    if (payload === undefined) continue;
    const where = [...messagePath(message), 'payload'];
    const title = payload.title();
    if (title === undefined) {
      fail(
        where,
        `the payload of message "${message.id()}" has no title; give it one (it names the model and validator)`,
      );
      continue;
    }
    addSchema(title, payload.json() as JsonValue, where);
  }
  for (const schema of document.components().schemas().all()) {
    const title = schema.title();
    if (title === undefined || schema.type() !== 'object') continue;
    addSchema(title, schema.json() as JsonValue, ['components', 'schemas', schema.id()]);
  }
  const schemaTitle = (message: MessageInterface): string | undefined => message.payload()?.title();

  return { schemasByTitle, addSchema, schemaTitle };
}
