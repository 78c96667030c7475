// Every example in the contract is validated against its schema when generating: a message example's payload
// (and headers) against the message's, and a component schema's `examples` against that schema. A bad example
// fails codegen with its location, so the docs never show a message the platform would reject.
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsPkg from 'ajv-formats';
import type { ContractDiagnostic, ContractPath, SourceLocator } from './contract.js';
import { messagePath, uniqueMessages } from './extract.js';
import { cleanSchema, isJsonObject, type JsonValue } from './json.js';

// CommonJS package under NodeNext: the callable is `.default`.
const addFormats = addFormatsPkg.default;

/** `rejected.0.code must be equal to one of the allowed values`, the field named as in a FieldError. */
function describeError(error: ErrorObject): string {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string')
    segments.push(params.missingProperty);
  if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string')
    return `${[...segments, params.additionalProperty].join('.')} is not in the schema`;
  const field = segments.length === 0 ? 'the value' : segments.join('.');
  return `${field} ${error.keyword === 'required' ? 'is required' : (error.message ?? 'is invalid')}`;
}

export function checkExamples(
  document: AsyncAPIDocumentInterface,
  locator: SourceLocator,
): ContractDiagnostic[] {
  const ajv = new Ajv({ allErrors: true, strict: true });
  addFormats(ajv);
  const problems: ContractDiagnostic[] = [];
  const check = (schema: unknown, value: unknown, where: ContractPath, what: string): void => {
    const cleaned = cleanSchema(schema as JsonValue);
    if (!isJsonObject(cleaned)) return;
    let validate: ValidateFunction;
    try {
      validate = ajv.compile(cleaned);
    } catch {
      return; // an uncompilable schema is reported by the validator generation, with its own location
    }
    if (validate(value)) return;
    const errors = (validate.errors ?? []).map(describeError).join('; ');
    problems.push(locator.diagnostic(where, `${what} does not match its schema: ${errors}`));
  };

  for (const message of uniqueMessages(document)) {
    const where = messagePath(message);
    message
      .examples()
      .all()
      .forEach((example, index) => {
        const name = example.name() ?? String(index);
        const payloadSchema = message.payload()?.json();
        if (example.hasPayload() && payloadSchema !== undefined)
          check(
            payloadSchema,
            example.payload(),
            [...where, 'examples', index, 'payload'],
            `example "${name}" of message "${message.id()}"`,
          );
        const headersSchema = message.headers()?.json();
        if (example.hasHeaders() && headersSchema !== undefined)
          check(
            headersSchema,
            example.headers(),
            [...where, 'examples', index, 'headers'],
            `example "${name}" of message "${message.id()}" (headers)`,
          );
      });
  }
  for (const schema of document.components().schemas().all()) {
    const json = schema.json() as { examples?: unknown };
    if (!Array.isArray(json.examples)) continue;
    json.examples.forEach((value, index) => {
      check(
        json,
        value,
        ['components', 'schemas', schema.id(), 'examples', index],
        `example ${index} of schema "${schema.id()}"`,
      );
    });
  }
  return problems;
}
