// Helpers every part of the contract extraction uses.
import type { AsyncAPIDocumentInterface, MessageInterface } from '@asyncapi/parser';
import { type ContractPath, pointerToPath } from './contract.js';

/** Records a problem at a contract path; extraction goes on to report every problem at once. */
export type Fail = (segments: ContractPath, message: string) => void;

/** Names of topics, user message types and topic literals. */
export const NAME_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

export function extension(
  holder: { extensions(): { get(id: string): { value(): unknown } | undefined } },
  id: string,
) {
  return holder.extensions().get(id)?.value();
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function checkUnique(values: readonly string[], onDuplicate: (value: string) => void): void {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) onDuplicate(value);
    seen.add(value);
  }
}

/** Messages in contract order (channels first, then components), each once. */
export function uniqueMessages(document: AsyncAPIDocumentInterface): MessageInterface[] {
  // A channel message and the component it references are two wrappers of the same dereferenced object.
  const seen = new Set<unknown>();
  const out: MessageInterface[] = [];
  for (const message of [...document.messages().all(), ...document.components().messages().all()]) {
    if (seen.has(message.json())) continue;
    seen.add(message.json());
    out.push(message);
  }
  return out;
}

/** Where a message is written in the contract (its channel entry; the locator follows its `$ref`). */
export function messagePath(message: MessageInterface): string[] {
  const pointer = (message.meta() as { pointer?: unknown } | undefined)?.pointer;
  return typeof pointer === 'string' ? pointerToPath(pointer) : ['components', 'messages', message.id()];
}

export function rootExtension(document: AsyncAPIDocumentInterface, id: string): unknown {
  return document.extensions().get(id)?.value();
}
