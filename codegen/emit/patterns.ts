// patterns.ts: the `pattern` of every titled string schema in components.schemas (TopicName, Realm, UserId,
// MessageId, CorrelationId, ConnectionId, RequestId, …) as a RegExp, so handlers, core, auth and the local
// identity provider test names with the contract's own patterns. No imports: the authorizer bundle stays small.
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { banner, file, key, literalUnion, str } from './common.js';

export interface PatternEntry {
  title: string;
  pattern: string;
  description: string | undefined;
}

export function collectPatterns(document: AsyncAPIDocumentInterface): PatternEntry[] {
  const out: PatternEntry[] = [];
  for (const schema of document.components().schemas().all()) {
    const title = schema.title();
    const pattern = schema.pattern();
    if (title === undefined || pattern === undefined || schema.type() !== 'string') continue;
    out.push({ title, pattern, description: schema.description() });
  }
  return out.sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
}

export function emitPatterns(entries: readonly PatternEntry[], contractFileName: string): string {
  return file([
    banner(contractFileName),
    [
      '/** Titles of the string schemas that have a pattern. */',
      `export type PatternName = ${literalUnion(entries.map((e) => e.title))};`,
      '',
      "// Compiled with the `u` flag, as ajv compiles JSON Schema patterns (the contract's are anchored with ^…$).",
      'export const patterns: Readonly<Record<PatternName, RegExp>> = {',
      ...entries.map((e) => {
        const doc = e.description === undefined ? '' : `  /** ${e.description.replace(/\*\//g, '*\\/')} */\n`;
        return `${doc}  ${key(e.title)}: new RegExp(${str(e.pattern)}, 'u'),`;
      }),
      '};',
    ].join('\n'),
    [
      "/** True when `value` is a string matching the named schema's pattern. */",
      'export function matchesPattern(name: PatternName, value: unknown): value is string {',
      "  return typeof value === 'string' && (patterns[name] as RegExp).test(value);",
      '}',
    ].join('\n'),
  ]);
}
