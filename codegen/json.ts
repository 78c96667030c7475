// JSON helpers: the JSON types, and the schema cleaner that prepares parser output for ajv strict mode.
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keywords whose value is a map of name → schema. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas']);
/** Keywords whose value is a schema or a list of schemas. */
const SCHEMA_VALUES = new Set([
  'items',
  'additionalItems',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'allOf',
  'anyOf',
  'oneOf',
  'prefixItems',
  'unevaluatedItems',
  'unevaluatedProperties',
]);

/**
 * Removes `x-*` keys (the parser's `x-parser-schema-id` and any contract extension) from every schema node,
 * because ajv's strict mode rejects unknown keywords. Walks schema positions only, so a *property* named
 * `x-foo` survives.
 */
export function cleanSchema(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(cleanSchema);
  if (!isJsonObject(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key) && isJsonObject(child)) {
      const map: JsonObject = {};
      for (const [name, schema] of Object.entries(child)) map[name] = cleanSchema(schema);
      out[key] = map;
    } else if (SCHEMA_VALUES.has(key)) {
      out[key] = cleanSchema(child);
    } else if (key === 'dependencies' && isJsonObject(child)) {
      const map: JsonObject = {};
      for (const [name, dep] of Object.entries(child))
        map[name] = Array.isArray(dep) ? dep : cleanSchema(dep);
      out[key] = map;
    } else {
      // const, enum, default, examples and annotations are data, not schemas: copy unchanged.
      out[key] = child;
    }
  }
  return out;
}
