// Shared helpers for emitting TypeScript source text deterministically.

export function banner(contractFileName: string): string {
  return `// Code generated from ${contractFileName}. DO NOT EDIT.`;
}

/** A string literal (single-quoted, as the rest of the code base writes them). */
export function str(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** An object key: bare when it is an identifier, quoted otherwise. */
export function key(name: string): string {
  return IDENTIFIER.test(name) ? name : str(name);
}

/** Union type of string literals (`never` when empty). */
export function literalUnion(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(str).join(' | ');
}

/** A readonly array literal of strings. */
export function stringArray(values: readonly string[]): string {
  return `[${values.map(str).join(', ')}]`;
}

/** A value as a TypeScript literal (objects, arrays, strings, numbers, booleans), with stable key order. */
export function literal(value: unknown, indent = ''): string {
  if (typeof value === 'string') return str(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const inner = `${indent}  `;
    return `[\n${value.map((v) => `${inner}${literal(v, inner)},`).join('\n')}\n${indent}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, inner)},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`cannot emit ${typeof value} as a literal`);
}

/** Joins sections with one blank line and ends the file with a newline. */
export function file(sections: readonly string[]): string {
  return `${sections.filter((s) => s.length > 0).join('\n\n')}\n`;
}
