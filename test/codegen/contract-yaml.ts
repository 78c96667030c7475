// Reads a contract with the `yaml` package only (independently of codegen and the AsyncAPI parser) so tests
// compare codegen's output with what the contract says, not with codegen's own reading of it.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonMap = { [key: string]: Json };

export function isMap(value: Json | undefined): value is JsonMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readContract(file: string): JsonMap {
  const doc = parse(readFileSync(file, 'utf8')) as Json;
  if (!isMap(doc)) throw new Error(`${file} is not a YAML mapping`);
  return doc;
}

/** Follows a local `$ref` (`#/components/schemas/X`) until a non-reference node. */
export function deref(root: JsonMap, node: Json | undefined): Json | undefined {
  let current = node;
  for (let i = 0; i < 20 && isMap(current) && typeof current.$ref === 'string'; i++) {
    const ref = current.$ref;
    if (!ref.startsWith('#/')) throw new Error(`non-local $ref ${ref}`);
    current = ref
      .slice(2)
      .split('/')
      .reduce<Json | undefined>(
        (n, seg) => (isMap(n) ? n[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined),
        root,
      );
  }
  return current;
}

export function get(node: Json | undefined, ...keys: string[]): Json | undefined {
  let current = node;
  for (const k of keys) current = isMap(current) ? current[k] : undefined;
  return current;
}
