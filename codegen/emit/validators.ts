// validators.js + validators.d.ts: ajv standalone validators, one per schema title, bundled by esbuild into one
// self-contained ESM module (ajv's "ESM" output still `require`s its runtime helpers and the formats).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import standaloneCodePkg from 'ajv/dist/standalone/index.js';
import addFormatsPkg from 'ajv-formats';
import { build } from 'esbuild';
import type { ContractIR, SchemaEntry } from '../extract.js';
import { banner, file } from './common.js';

// CommonJS packages under NodeNext: the callable is `.default` (both packages also set it at runtime).
const addFormats = addFormatsPkg.default;
const standaloneCode = standaloneCodePkg.default;

/** The repository root: esbuild resolves ajv from here and prints module paths relative to it. */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export function validatorName(title: string): string {
  return `validate${title}`;
}

/**
 * The validator modules, each a file pair `<name>.js` + `<name>.d.ts`. Browsers and publishers import only the
 * group they need; `validators.js` holds the rest and re-exports the groups, so server code sees them all.
 */
export interface ValidatorGroup {
  name: 'payload-validators' | 'envelope-validators' | 'validators';
  titles: readonly string[];
  reexports: readonly ValidatorGroup['name'][];
}

/** The schema titles of the topic families' parameters (x-schema), each once. */
export function topicParameterSchemas(ir: ContractIR): string[] {
  return [...new Set(ir.topics.flatMap((t) => t.parameters.map((p) => p.schemaTitle)))];
}

/** Payloads of topic and user messages (what clients receive); publish envelopes; everything else. */
export function validatorGroups(ir: ContractIR): ValidatorGroup[] {
  const payloads = new Set([
    ...ir.topics.map((t) => t.payloadSchema),
    ...ir.userMessages.map((u) => u.payloadSchema),
    ...topicParameterSchemas(ir),
  ]);
  const envelopes = new Set(ir.publishEnvelopes.filter((t) => !payloads.has(t)));
  const titles = ir.schemas.map((s) => s.title);
  return [
    { name: 'payload-validators', titles: titles.filter((t) => payloads.has(t)), reexports: [] },
    { name: 'envelope-validators', titles: titles.filter((t) => envelopes.has(t)), reexports: [] },
    {
      name: 'validators',
      titles: titles.filter((t) => !payloads.has(t) && !envelopes.has(t)),
      reexports: ['payload-validators', 'envelope-validators'],
    },
  ];
}

/** The files of every validator group (`<name>.js`, `<name>.d.ts`). */
export async function generateValidatorFiles(
  ir: ContractIR,
  modelNames: Set<string>,
): Promise<[string, string][]> {
  const files: [string, string][] = [];
  for (const group of validatorGroups(ir)) {
    const schemas = ir.schemas.filter((s) => group.titles.includes(s.title));
    const { js, dts } = await generateValidators(schemas, ir.fileName);
    const reexports = group.reexports.map((name) => `export * from './${name}.js';\n`).join('');
    files.push([`${group.name}.d.ts`, dts(modelNames) + reexports]);
    files.push([`${group.name}.js`, js + reexports]);
  }
  return files;
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
      "import type { StandaloneValidator } from './field-errors.js';",
      schemas
        .map(
          (s) =>
            `export declare const ${validatorName(s.title)}: StandaloneValidator<${modelNames.has(s.title) ? s.title : 'unknown'}>;`,
        )
        .join('\n'),
    ]);
  return { js, dts };
}
