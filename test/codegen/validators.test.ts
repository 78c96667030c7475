// The generated validators against the contract itself: every example passes, and every way of breaking a
// payload (missing field, wrong type, extra property, out-of-range value, bad format/pattern/enum) is rejected
// with an error that names the field. Cases are derived from asyncapi.yaml read with the `yaml` package.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type FieldError,
  formatErrors,
  type SchemaTitle,
  schemaTitles,
  validators,
} from '../../generated/index.js';
import { deref, get, isMap, type Json, type JsonMap, readContract } from './contract-yaml.js';
import { ROOT } from './run-cli.js';

const contract = readContract(path.join(ROOT, 'asyncapi.yaml'));

function isSchemaTitle(value: string): value is SchemaTitle {
  return (schemaTitles as readonly string[]).includes(value);
}

function validate(title: string, data: unknown): { ok: true } | { ok: false; errors: FieldError[] } {
  if (!isSchemaTitle(title)) throw new Error(`no validator for ${title}`);
  return validators[title](data);
}

interface Example {
  message: string;
  name: string;
  title: string;
  payload: Json;
}

/** Every message example of the contract (component messages and inline channel messages). */
function collectExamples(): Example[] {
  const out: Example[] = [];
  const seen = new Set<unknown>();
  const visit = (id: string, raw: Json | undefined): void => {
    const message = deref(contract, raw);
    if (!isMap(message) || seen.has(message)) return;
    seen.add(message);
    const payload = deref(contract, message.payload);
    const examples = message.examples;
    if (!isMap(payload) || typeof payload.title !== 'string') return;
    expect(Array.isArray(examples) && examples.length > 0, `message ${id} has no example`).toBe(true);
    (examples as Json[]).forEach((example, index) => {
      if (!isMap(example) || example.payload === undefined) return;
      out.push({
        message: id,
        name: String(example.name ?? index),
        title: payload.title as string,
        payload: example.payload,
      });
      // A oneOf payload (DeliveryJob): the example is also an example of the branch named by its title.
      for (const branch of Array.isArray(payload.oneOf) ? payload.oneOf : []) {
        const schema = deref(contract, branch);
        if (!isMap(schema) || typeof schema.title !== 'string') continue;
        if (!validate(schema.title, example.payload).ok) continue;
        out.push({
          message: id,
          name: String(example.name ?? index),
          title: schema.title,
          payload: example.payload,
        });
      }
    });
  };
  const components = get(contract, 'components', 'messages');
  if (isMap(components)) for (const [id, m] of Object.entries(components)) visit(id, m);
  const channels = get(contract, 'channels');
  if (isMap(channels)) {
    for (const [cid, channel] of Object.entries(channels)) {
      const messages = get(channel, 'messages');
      if (isMap(messages)) for (const [mid, m] of Object.entries(messages)) visit(`${cid}.${mid}`, m);
      // Topic family parameters: each x-schema is a validator, checked against the parameter's examples.
      const parameters = get(channel, 'parameters');
      if (!isMap(parameters)) continue;
      for (const [pid, parameter] of Object.entries(parameters)) {
        const schema = get(parameter, 'x-schema');
        const values = get(parameter, 'examples');
        if (!isMap(schema) || typeof schema.title !== 'string' || !Array.isArray(values)) continue;
        for (const [index, value] of values.entries())
          out.push({
            message: `${cid}.parameters.${pid}`,
            name: String(index),
            title: schema.title,
            payload: value,
          });
      }
    }
  }
  return out;
}

const examples = collectExamples();

/** title → a valid value, harvested from examples (including objects nested inside other examples). */
function harvestBaseValues(): Map<string, JsonMap> {
  const base = new Map<string, JsonMap>();
  const walk = (schemaNode: Json | undefined, value: Json): void => {
    const schema = deref(contract, schemaNode);
    if (!isMap(schema)) return;
    if (typeof schema.title === 'string' && isMap(value) && !base.has(schema.title))
      base.set(schema.title, value);
    if (isMap(schema.properties) && isMap(value)) {
      for (const [name, sub] of Object.entries(schema.properties)) {
        const v = value[name];
        if (v !== undefined) walk(sub, v);
      }
    }
    if (schema.items !== undefined && Array.isArray(value))
      for (const item of value) walk(schema.items, item);
  };
  for (const example of examples) {
    const schema = get(contract, 'components', 'schemas', example.title);
    walk(schema, example.payload);
  }
  return base;
}

const baseValues = harvestBaseValues();

type VariantKind =
  | 'missing'
  | 'wrong-type'
  | 'extra'
  | 'out-of-range'
  | 'bad-format'
  | 'bad-pattern'
  | 'bad-enum';

interface Variant {
  title: string;
  kind: VariantKind;
  description: string;
  data: JsonMap | Json;
  field: string;
  keyword?: string;
}

function wrongTypeValue(type: Json | undefined): Json {
  switch (type) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'yes';
    case 'array':
      return 'not-an-array';
    default:
      return 'not-an-object';
  }
}

function variantsFor(title: string, schema: JsonMap, base: JsonMap): Variant[] {
  const out: Variant[] = [];
  const properties = isMap(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const withValue = (name: string, value: Json): JsonMap => ({ ...base, [name]: value });
  out.push({
    title,
    kind: 'extra',
    description: 'extra property unexpectedField',
    data: { ...base, unexpectedField: 1 },
    field: 'unexpectedField',
    keyword: 'additionalProperties',
  });
  for (const name of required) {
    const data = { ...base };
    delete data[name];
    out.push({
      title,
      kind: 'missing',
      description: `missing ${name}`,
      data,
      field: name,
      keyword: 'required',
    });
  }
  for (const [name, raw] of Object.entries(properties)) {
    const prop = deref(contract, raw);
    if (!isMap(prop)) continue;
    out.push({
      title,
      kind: 'wrong-type',
      description: `${name} of the wrong type`,
      data: withValue(name, wrongTypeValue(prop.type)),
      field: name,
    });
    if (typeof prop.minimum === 'number') {
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} below minimum`,
        data: withValue(name, prop.minimum - 1),
        field: name,
        keyword: 'minimum',
      });
    }
    if (typeof prop.maximum === 'number') {
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} above maximum`,
        data: withValue(name, prop.maximum + 1),
        field: name,
        keyword: 'maximum',
      });
    }
    if (typeof prop.minLength === 'number' && prop.minLength > 0) {
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} too short`,
        data: withValue(name, 'x'.repeat(prop.minLength - 1)),
        field: name,
        keyword: 'minLength',
      });
    }
    if (typeof prop.maxLength === 'number') {
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} too long`,
        data: withValue(name, 'x'.repeat(prop.maxLength + 1)),
        field: name,
        keyword: 'maxLength',
      });
    }
    if (typeof prop.maxItems === 'number') {
      const current = base[name];
      const item: Json = Array.isArray(current) && current.length > 0 ? (current[0] as Json) : 'x';
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} with too many items`,
        data: withValue(
          name,
          Array.from({ length: prop.maxItems + 1 }, () => item),
        ),
        field: name,
        keyword: 'maxItems',
      });
    }
    if (typeof prop.minItems === 'number' && prop.minItems > 0) {
      out.push({
        title,
        kind: 'out-of-range',
        description: `${name} with too few items`,
        data: withValue(name, []),
        field: name,
        keyword: 'minItems',
      });
    }
    if (typeof prop.format === 'string') {
      out.push({
        title,
        kind: 'bad-format',
        description: `${name} not a ${prop.format}`,
        data: withValue(name, `not a ${prop.format}`),
        field: name,
        keyword: 'format',
      });
    }
    if (typeof prop.pattern === 'string') {
      // No pattern in the contract allows `#` (it separates key parts in DynamoDB).
      out.push({
        title,
        kind: 'bad-pattern',
        description: `${name} not matching its pattern`,
        data: withValue(name, 'bad#value'),
        field: name,
        keyword: 'pattern',
      });
    }
    if (Array.isArray(prop.enum)) {
      out.push({
        title,
        kind: 'bad-enum',
        description: `${name} not in its enum`,
        data: withValue(name, 'NOT_IN_ENUM'),
        field: name,
        keyword: 'enum',
      });
    }
    if (prop.const !== undefined) {
      out.push({
        title,
        kind: 'bad-enum',
        description: `${name} not its constant`,
        data: withValue(name, 'other'),
        field: name,
        keyword: 'const',
      });
    }
  }
  return out;
}

const objectTitles = schemaTitles.filter(
  (t) => get(contract, 'components', 'schemas', t, 'type') === 'object',
);
const variants: Variant[] = objectTitles.flatMap((title) => {
  const schema = get(contract, 'components', 'schemas', title);
  const base = baseValues.get(title);
  return isMap(schema) && base !== undefined ? variantsFor(title, schema, base) : [];
});

describe('contract examples', () => {
  it('finds examples for every validator', () => {
    expect(examples.length).toBeGreaterThan(15);
    for (const title of schemaTitles)
      expect(baseValues.has(title) || examples.some((e) => e.title === title), title).toBe(true);
  });

  it.each(examples.map((e) => [`${e.message}/${e.name} (${e.title})`, e] as const))(
    '%s validates',
    (_label, example) => {
      const result = validate(example.title, example.payload);
      expect(result.ok, result.ok ? '' : formatErrors(result.errors)).toBe(true);
    },
  );
});

describe('invalid payloads are rejected with an error naming the field', () => {
  it('covers every object schema with missing, wrong-type and extra variants', () => {
    for (const title of objectTitles) {
      const kinds = new Set(variants.filter((v) => v.title === title).map((v) => v.kind));
      expect([...kinds], title).toEqual(expect.arrayContaining(['missing', 'wrong-type', 'extra']));
    }
    const kinds = new Set(variants.map((v) => v.kind));
    expect([...kinds].sort()).toEqual([
      'bad-enum',
      'bad-format',
      'bad-pattern',
      'extra',
      'missing',
      'out-of-range',
      'wrong-type',
    ]);
  });

  it.each(variants.map((v) => [`${v.title}: ${v.description}`, v] as const))('%s', (_label, variant) => {
    const result = validate(variant.title, variant.data);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const match = result.errors.find(
      (e) => e.field === variant.field && (variant.keyword === undefined || e.keyword === variant.keyword),
    );
    expect(
      match,
      `expected an error on ${variant.field}${variant.keyword ? ` (${variant.keyword})` : ''}, got ${formatErrors(result.errors)}`,
    ).toBeDefined();
  });

  it('names nested fields with a dotted path', () => {
    const welcome = baseValues.get('WelcomeFrame');
    expect(welcome).toBeDefined();
    const badCode = validators.WelcomeFrame({
      ...welcome,
      rejected: [{ topic: 'weather', code: 'NOPE', reason: 'x' }],
      limits: { maxConnectionSeconds: 1, connectionTtlSeconds: 1 },
    });
    expect(badCode.ok).toBe(false);
    if (badCode.ok) return;
    const fields = badCode.errors.map((e) => e.field);
    expect(fields).toContain('rejected.0.code');
    expect(fields).toContain('limits.idleTimeoutSeconds');
  });

  it('names (root) when the value itself is wrong', () => {
    const result = validators.AnnouncementsPayload('not an object');
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ field: '(root)', keyword: 'type' })],
    });
    const frame = validators.UnknownFrame(42);
    expect(frame.ok).toBe(false);
  });

  it('formats errors as field: message', () => {
    const result = validators.JobStatusPayload({ jobId: 'j', status: 'running', progress: 101 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatErrors(result.errors)).toBe('updatedAt: is required; progress: must be <= 100');
  });

  it('returns the value typed on success', () => {
    const result = validators.AnnouncementsPayload({ title: 't', body: 'b', severity: 'info' });
    expect(result).toEqual({ ok: true, value: { title: 't', body: 'b', severity: 'info' } });
  });
});
