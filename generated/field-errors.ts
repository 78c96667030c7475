// Code generated from asyncapi.yaml. DO NOT EDIT.

/** An ajv error object, as the precompiled validators report it. */
export interface StandaloneValidationError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** A precompiled validator: a type guard whose failures are left in `errors`. */
export interface StandaloneValidator<T> {
  (data: unknown): data is T;
  errors?: StandaloneValidationError[] | null;
}

/** One validation failure. `field` is a dotted path (`payload.severity`, `rejected.0.code`); a missing or
 * unexpected property names that property; `(root)` is the value itself. */
export interface FieldError {
  field: string;
  keyword: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Converts an ajv error into a FieldError whose field is the property at fault. */
export function toFieldError(error: StandaloneValidationError): FieldError {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/').map(decodePointerSegment);
  const params = error.params;
  if (error.keyword === 'required' && typeof params.missingProperty === 'string') {
    segments.push(params.missingProperty);
  } else if (error.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    segments.push(params.additionalProperty);
  }
  const field = segments.length === 0 ? '(root)' : segments.join('.');
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') message = 'is not allowed (no such property in the schema)';
  if (error.keyword === 'required') message = 'is required';
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    message = `must be one of: ${params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { field, keyword: error.keyword, message };
}

/** A precompiled validator as a function returning a result object instead of ajv's mutable `errors`. */
export function wrapValidator<T>(validate: StandaloneValidator<T>): (data: unknown) => ValidationResult<T> {
  return (data: unknown): ValidationResult<T> => {
    if (validate(data)) return { ok: true, value: data };
    const errors = (validate.errors ?? []).map(toFieldError);
    return { ok: false, errors: errors.length > 0 ? errors : [{ field: '(root)', keyword: 'unknown', message: 'is invalid' }] };
  };
}

/** One line per error: `field: message`, joined with `; ` (for logs and exception messages). */
export function formatErrors(errors: readonly FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ');
}
