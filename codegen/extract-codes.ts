// Error codes, close codes and limits (x-error-codes, x-close-codes, x-limits).
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import type { CloseCodeIR, ErrorCodeIR } from './extract.js';
import { type Fail, rootExtension } from './extract-common.js';
import { isJsonObject, type JsonValue } from './json.js';

/** The keys of `x-limits` the platform reads (docs/design.md §1). */
export const LIMIT_KEYS = [
  'maxTopicsPerConnection',
  'frameBytes',
  'messageBytes',
  'idleTimeoutSeconds',
  'maxConnectionSeconds',
  'connectionTtlSeconds',
  'inboxMaxItems',
  'maxEnvelopeBytes',
  'publishedAtMaxFutureSeconds',
  'clientFramesPerSecond',
  'clientFrameBurst',
  'clientFrameStrikes',
  'sinceMaxLength',
] as const;

/** Enum schemas (by title) listing the codes an error frame or a rejected topic may carry. */
export const ERROR_CODE_TYPES = ['ErrorCode', 'TopicRejectionCode', 'RecoveryCode'] as const;
/** Code enums a contract may leave out (a contract without stream positions has no RecoveryCode). */
const OPTIONAL_ERROR_CODE_TYPES: ReadonlySet<string> = new Set(['RecoveryCode']);
const CLOSE_NAME_PATTERN = /^[A-Z][A-Z0-9_]*$/;

export interface CodesIR {
  errorCodes: ErrorCodeIR[];
  errorCodeTypes: string[];
  closeCodes: CloseCodeIR[];
  limits: Record<string, number>;
}

export function extractCodes(document: AsyncAPIDocumentInterface, fail: Fail): CodesIR {
  const enums = schemasOrEnums(document);
  const errorCodes = extractErrorCodes(document, enums, fail);
  const closeCodes = extractCloseCodes(rootExtension(document, 'x-close-codes'), fail);
  const limits = {
    ...extractLimits(rootExtension(document, 'x-limits'), fail),
    ...connectQueryLimits(document),
  };

  return {
    errorCodes,
    errorCodeTypes: ERROR_CODE_TYPES.filter((t) => !OPTIONAL_ERROR_CODE_TYPES.has(t) || enums.get(t)),
    closeCodes,
    limits,
  };
}

/** title → enum values of the component schemas used as error-code types. */
function schemasOrEnums(document: AsyncAPIDocumentInterface): Map<string, unknown[] | undefined> {
  const out = new Map<string, unknown[] | undefined>();
  for (const schema of document.components().schemas().all()) {
    const title = schema.title();
    if (title !== undefined) out.set(title, schema.enum());
  }
  return out;
}

function extractErrorCodes(
  document: AsyncAPIDocumentInterface,
  enums: Map<string, unknown[] | undefined>,
  fail: Fail,
): ErrorCodeIR[] {
  const raw = rootExtension(document, 'x-error-codes') as JsonValue | undefined;
  if (!isJsonObject(raw)) {
    fail(['x-error-codes'], 'x-error-codes is required: a map of code → {retryable, description}');
    return [];
  }
  const declared = new Set<string>();
  for (const title of ERROR_CODE_TYPES) {
    const values = enums.get(title);
    if (values === undefined && OPTIONAL_ERROR_CODE_TYPES.has(title)) continue;
    if (values === undefined || !values.every((v) => typeof v === 'string')) {
      fail(
        ['components', 'schemas', title],
        `components.schemas.${title} must be a string enum (the codes of x-error-codes)`,
      );
      continue;
    }
    for (const value of values as string[]) declared.add(value);
  }
  const out: ErrorCodeIR[] = [];
  for (const [code, spec] of Object.entries(raw)) {
    if (!isJsonObject(spec) || typeof spec.retryable !== 'boolean' || typeof spec.description !== 'string') {
      fail(
        ['x-error-codes', code],
        `x-error-codes.${code} must be {retryable: boolean, description: string}`,
      );
      continue;
    }
    if (!declared.has(code)) {
      fail(
        ['x-error-codes', code],
        `error code ${code} is in x-error-codes but in none of the enums ${ERROR_CODE_TYPES.join(', ')}`,
      );
    }
    out.push({ code, retryable: spec.retryable, description: spec.description });
  }
  for (const code of declared) {
    if (!(code in raw))
      fail(
        ['x-error-codes'],
        `error code ${code} is in an enum (${ERROR_CODE_TYPES.join(' or ')}) but missing from x-error-codes`,
      );
  }
  return out;
}

function extractCloseCodes(raw: unknown, fail: Fail): CloseCodeIR[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail(['x-close-codes'], 'x-close-codes is required: a list of {from, to, retryable, name, description}');
    return [];
  }
  const out: CloseCodeIR[] = [];
  raw.forEach((entry: unknown, index: number) => {
    const where = ['x-close-codes', index];
    const e = entry as JsonValue;
    if (
      !isJsonObject(e) ||
      typeof e.from !== 'number' ||
      typeof e.to !== 'number' ||
      typeof e.retryable !== 'boolean' ||
      typeof e.name !== 'string' ||
      typeof e.description !== 'string'
    ) {
      fail(where, 'each x-close-codes entry must be {from, to, retryable, name, description}');
      return;
    }
    if (
      !Number.isInteger(e.from) ||
      !Number.isInteger(e.to) ||
      e.from < 1000 ||
      e.to > 4999 ||
      e.from > e.to
    ) {
      fail(where, `close code range ${e.from}–${e.to} must be integers with 1000 <= from <= to <= 4999`);
      return;
    }
    if (!CLOSE_NAME_PATTERN.test(e.name)) fail(where, `close code name "${e.name}" must be UPPER_SNAKE_CASE`);
    const { from, to, retryable, name, description } = e;
    const unknown = Object.keys(e).filter(
      (k) => !['from', 'to', 'retryable', 'name', 'description'].includes(k),
    );
    // Catches YAML slips such as an unquoted comma inside a flow mapping, which silently splits a description.
    if (unknown.length > 0)
      fail(where, `unknown key(s) ${unknown.join(', ')} (quote descriptions that contain commas)`);
    const overlap = out.find((o) => from <= o.to && o.from <= to);
    if (overlap !== undefined) fail(where, `close code range ${from}–${to} overlaps ${overlap.name}`);
    if (out.some((o) => o.name === name)) fail(where, `close code name ${name} is used twice`);
    out.push({ from, to, retryable, name, description });
  });
  return out;
}

function extractLimits(raw: unknown, fail: Fail): Record<string, number> {
  const value = raw as JsonValue | undefined;
  if (!isJsonObject(value)) {
    fail(['x-limits'], `x-limits is required with ${LIMIT_KEYS.join(', ')}`);
    return {};
  }
  const out: Record<string, number> = {};
  for (const key of LIMIT_KEYS) {
    const v = value[key];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 1)
      fail(['x-limits', key], `x-limits.${key} must be a positive integer`);
    else out[key] = v;
  }
  for (const key of Object.keys(value)) {
    if (!(LIMIT_KEYS as readonly string[]).includes(key))
      fail(['x-limits', key], `unknown limit ${key} (known: ${LIMIT_KEYS.join(', ')})`);
  }
  return out;
}

/**
 * Limits stated on the connect query itself (the socket channel's `ws` binding): `topicsQueryMaxLength` is the
 * `topics` parameter's maxLength, so the client SDK fits its connect URL to it without a second copy.
 */
function connectQueryLimits(document: AsyncAPIDocumentInterface): Record<string, number> {
  for (const channel of document.channels().all()) {
    const query = channel.bindings().get('ws')?.value()?.query as JsonValue | undefined;
    const properties = isJsonObject(query) ? query.properties : undefined;
    const topics = isJsonObject(properties) ? properties.topics : undefined;
    const maxLength = isJsonObject(topics) ? topics.maxLength : undefined;
    if (typeof maxLength === 'number' && Number.isInteger(maxLength) && maxLength > 0)
      return { topicsQueryMaxLength: maxLength };
  }
  return {};
}
