// models.ts: TypeScript types from modelina, generated in memory (its file writer emits imports that
// break NodeNext) and post-processed into one self-contained module.

import { TS_DESCRIPTION_PRESET, TypeScriptGenerator } from '@asyncapi/modelina';
import type { AsyncAPIDocumentInterface } from '@asyncapi/parser';
import { ContractError, type SourceLocator } from '../contract.js';
import type { JsonValue } from '../json.js';
import { banner, file } from './common.js';

export interface GeneratedModels {
  source: string;
  /** Names of the exported types. */
  names: Set<string>;
}

/** Every `title` of a schema node anywhere in the contract (schema nodes carry `x-parser-schema-id`). */
export function schemaTitles(document: AsyncAPIDocumentInterface): Set<string> {
  const titles = new Set<string>();
  const seen = new Set<unknown>();
  const walk = (value: JsonValue | undefined): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (typeof value.title === 'string' && 'x-parser-schema-id' in value) titles.add(value.title);
    for (const child of Object.values(value)) walk(child);
  };
  for (const message of document.allMessages().all())
    walk(message.payload()?.json() as JsonValue | undefined);
  for (const schema of document.components().schemas().all()) walk(schema.json() as JsonValue);
  return titles;
}

export async function generateModels(
  document: AsyncAPIDocumentInterface,
  contractFileName: string,
  locator: SourceLocator,
): Promise<GeneratedModels> {
  const generator = new TypeScriptGenerator({
    modelType: 'interface',
    enumType: 'union',
    rawPropertyNames: true,
    mapType: 'record',
    processorOptions: { interpreter: { ignoreAdditionalProperties: true } },
    // Schema descriptions (and examples) become JSDoc, so editors show the contract's documentation.
    presets: [TS_DESCRIPTION_PRESET],
  });
  const models = await generator.generate(document);
  const titles = schemaTitles(document);

  const anonymous = models.filter((m) => /^AnonymousSchema/.test(m.modelName)).map((m) => m.modelName);
  if (anonymous.length > 0) {
    // Point at the property that needs a title: find the titled model whose property uses the anonymous one.
    throw new ContractError(
      anonymous.map((name) => {
        const usage = new RegExp(`'([^']+)'\\??: (?:[^;]*\\b)?${name}\\b`);
        const user = models.find((m) => usage.test(m.result));
        const property = user === undefined ? undefined : usage.exec(user.result)?.[1];
        const where =
          user !== undefined && property !== undefined
            ? ['components', 'schemas', user.modelName, 'properties', property]
            : ['components', 'schemas'];
        return locator.diagnostic(
          where,
          `modelina named a schema ${name} (an unstable name): give this enum or object schema a \`title\``,
        );
      }),
    );
  }
  // modelina also emits a union per multi-message channel, named after the channel id (e.g.
  // `UserMinusMessages`). Those names are not contract titles and nothing else references them: drop them.
  const kept = models.filter((m) => titles.has(m.modelName));
  const dropped = models.filter((m) => !titles.has(m.modelName)).map((m) => m.modelName);
  const byName = new Map<string, string>();
  for (const model of kept) {
    const result = model.result.trim();
    // A declaration, optionally after the JSDoc of TS_DESCRIPTION_PRESET.
    const declaration = /^(?:\/\*\*[\s\S]*?\*\/\n)?(interface|type) /;
    if (!declaration.test(result)) {
      throw new Error(`unexpected modelina output for ${model.modelName}: ${result.slice(0, 80)}`);
    }
    const existing = byName.get(model.modelName);
    if (existing !== undefined && existing !== result) {
      throw new Error(`modelina produced two different models named ${model.modelName}`);
    }
    const code = result
      .split('\n')
      // `any` for open objects (`payload: {type: object}`) becomes `unknown`: callers must narrow it.
      // Comment lines are left alone (descriptions may say "any").
      .map((line) =>
        /^\s*(\/\*\*|\*)/.test(line) ? line : line.replace(/(?<!['"\w])any(?!['"\w])/g, 'unknown'),
      )
      .join('\n')
      .replace(/^(interface|type) /m, 'export $1 ');
    byName.set(model.modelName, code);
  }
  for (const [name, result] of byName) {
    const uses = dropped.filter((d) => new RegExp(`\\b${d}\\b`).test(result));
    if (uses.length > 0) throw new Error(`model ${name} references dropped model(s) ${uses.join(', ')}`);
  }
  const names = [...byName.keys()].sort();
  const body = names.map((name) => byName.get(name) as string);
  return { source: file([banner(contractFileName), ...body]), names: new Set(names) };
}
