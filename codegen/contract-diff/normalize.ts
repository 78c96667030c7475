// Turns the contract's unordered lists into maps keyed by what they hold, before the two versions are compared:
// `required: [a, b]` → `{a: true, b: true}`, a list of `$ref`s → keyed by the referenced name, `x-close-codes`
// → keyed by name. A JSON-patch diff of lists compares by index, so inserting one value in the middle would
// read as "every later value edited"; keyed, it reads as "value added", with the value in the path.
import { isJsonObject, type JsonObject, type JsonValue } from '../json.js';

/** Lists that are sets of plain values (order carries no meaning). */
const VALUE_SETS = new Set(['required', 'enum', 'roles']);
/** Lists of objects keyed by one of their fields. */
const KEYED_LISTS: Readonly<Record<string, string>> = { 'x-close-codes': 'name', examples: 'name' };

function valueKey(value: JsonValue): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Keys for a list, or undefined when two items would get the same key (then the list stays a list). */
function keysOf(parentKey: string, list: readonly JsonValue[]): string[] | undefined {
  let keys: (string | undefined)[];
  if (VALUE_SETS.has(parentKey)) keys = list.map(valueKey);
  else if (KEYED_LISTS[parentKey] !== undefined) {
    const field = KEYED_LISTS[parentKey];
    keys = list.map((item) => {
      const key = isJsonObject(item) ? item[field] : undefined;
      return typeof key === 'string' ? key : undefined;
    });
  } else if (list.length > 0 && list.every((item) => isJsonObject(item) && typeof item.$ref === 'string'))
    keys = list.map((item) =>
      String((item as JsonObject).$ref)
        .split('/')
        .pop(),
    );
  else return undefined;
  const defined = keys.filter((k): k is string => k !== undefined);
  return defined.length === list.length && new Set(defined).size === list.length ? defined : undefined;
}

/** A copy of `value` with set-like lists turned into keyed maps (see the file comment). */
export function normalizeContract(value: JsonValue, parentKey = ''): JsonValue {
  if (Array.isArray(value)) {
    const keys = keysOf(parentKey, value);
    if (keys === undefined) return value.map((item) => normalizeContract(item));
    const out: JsonObject = {};
    value.forEach((item, i) => {
      out[keys[i] as string] = VALUE_SETS.has(parentKey) ? true : normalizeContract(item);
    });
    return out;
  }
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[key] = normalizeContract(child, key);
  return out;
}
