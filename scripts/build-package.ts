/**
 * `npm run build:package` (and `prepack`): the installable SDK in `dist/package/` — the client SDK, the publisher
 * SDK with its CLI and the contract's generated modules as ESM JavaScript with type declarations, laid out as in
 * the repository (`src/client`, `src/publisher`, `generated`) so their relative imports hold. The precompiled
 * validators (generated/*.js with hand-free .d.ts) are copied as they are. Fails when tsc reports a problem or an
 * `exports` target of package.json is missing from the build.
 */
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const PACKAGE_OUT_DIR = join(ROOT, 'dist/package');

function compile(): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.package.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('cannot read tsconfig.package.json');
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  const emitted = program.emit();
  return [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((d) => {
    const where = d.file
      ? `${d.file.fileName}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}: `
      : '';
    return `${where}${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
}

/** The generated validator modules are JavaScript (esbuild bundles of ajv's output) beside their declarations. */
async function copyValidators(): Promise<void> {
  const out = join(PACKAGE_OUT_DIR, 'generated');
  await mkdir(out, { recursive: true });
  for (const name of await readdir(join(ROOT, 'generated'))) {
    if (name.endsWith('.js') || name.endsWith('.d.ts'))
      await copyFile(join(ROOT, 'generated', name), join(out, name));
  }
}

/** Every file the `exports` map and `bin` point at, so a broken map fails the build rather than the consumer. */
async function missingTargets(): Promise<string[]> {
  const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
    exports: Record<string, string | Record<string, string>>;
    bin: Record<string, string>;
  };
  const targets = [
    ...Object.values(manifest.exports).flatMap((t) => (typeof t === 'string' ? [t] : Object.values(t))),
    ...Object.values(manifest.bin),
  ];
  const missing: string[] = [];
  for (const target of targets) {
    try {
      await readFile(join(ROOT, target));
    } catch {
      missing.push(target);
    }
  }
  return missing;
}

export async function buildPackage(): Promise<void> {
  await rm(PACKAGE_OUT_DIR, { recursive: true, force: true });
  const problems = compile();
  if (problems.length > 0) throw new Error(`tsc:\n  ${problems.join('\n  ')}`);
  await copyValidators();
  const missing = await missingTargets();
  if (missing.length > 0)
    throw new Error(`package.json points at files the build lacks: ${missing.join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildPackage().then(
    () => console.log(`Built the SDK package in ${PACKAGE_OUT_DIR}`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
