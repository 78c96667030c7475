// validators.js + validators.d.ts: ajv standalone validators, one per schema title, bundled by esbuild into one
// self-contained ESM module (ajv's "ESM" output still `require`s its runtime helpers and the formats).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCodePkg from 'ajv/dist/standalone/index.js';
import addFormatsPkg from 'ajv-formats';
import { build } from 'esbuild';
import type { SchemaEntry } from '../extract.js';
import { banner, file } from './common.js';

// CommonJS packages under NodeNext: the callable is `.default` (both packages also set it at runtime).
const addFormats = addFormatsPkg.default;
const standaloneCode = standaloneCodePkg.default;

/** The repository root: esbuild resolves ajv from here and prints module paths relative to it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function validatorName(title: string): string {
  return `validate${title}`;
}

export async function generateValidators(
  schemas: readonly SchemaEntry[],
  contractFileName: string,
): Promise<{ js: string; dts: (modelNames: Set<string>) => string }> {
  const ajv = new Ajv({ code: { source: true, esm: true }, allErrors: true, strict: true });
  addFormats(ajv);
  const exports: Record<string, string> = {};
  for (const { title, schema } of schemas) {
    ajv.addSchema({ ...schema, $id: title }, title);
    exports[validatorName(title)] = title;
  }
  const standalone = standaloneCode(ajv, exports);
  const result = await build({
    stdin: { contents: standalone, resolveDir: ROOT, sourcefile: 'validators.standalone.js', loader: 'js' },
    absWorkingDir: ROOT,
    bundle: true,
    write: false,
    platform: 'neutral',
    format: 'esm',
    target: 'es2020',
    mainFields: ['module', 'main'],
    legalComments: 'none',
    charset: 'utf8',
    banner: { js: banner(contractFileName) },
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output for validators.js');
  const js = output.text;
  // esbuild leaves a `__require` shim that calls the host's `require` for anything it could not bundle.
  if (/\btypeof require\b|\b__require\s*=/.test(js)) {
    throw new Error('validators.js still contains require(): the bundle would fail in browsers and Node ESM');
  }
  const dts = (modelNames: Set<string>): string =>
    file([
      banner(contractFileName),
      schemas.some((s) => modelNames.has(s.title))
        ? `import type {\n${schemas
            .filter((s) => modelNames.has(s.title))
            .map((s) => `  ${s.title},`)
            .join('\n')}\n} from './models.js';`
        : '',
      [
        '/** An ajv error object, as the precompiled validators report it. */',
        'export interface StandaloneValidationError {',
        '  instancePath: string;',
        '  schemaPath: string;',
        '  keyword: string;',
        '  params: Record<string, unknown>;',
        '  message?: string;',
        '}',
      ].join('\n'),
      [
        '/** A precompiled validator: a type guard whose failures are left in `errors`. */',
        'export interface StandaloneValidator<T> {',
        '  (data: unknown): data is T;',
        '  errors?: StandaloneValidationError[] | null;',
        '}',
      ].join('\n'),
      schemas
        .map(
          (s) =>
            `export declare const ${validatorName(s.title)}: StandaloneValidator<${modelNames.has(s.title) ? s.title : 'unknown'}>;`,
        )
        .join('\n'),
    ]);
  return { js, dts };
}
