// `npm run codegen` writes generated/ from asyncapi.yaml; `npm run codegen:check` compares instead and fails on
// any difference. Options: --contract <file> (default asyncapi.yaml), --out <dir> (default generated), --check.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ContractError } from './contract.js';
import { generate } from './generate.js';

async function readExisting(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return out;
  }
  for (const name of names.sort()) out.set(name, await readFile(path.join(dir, name), 'utf8'));
  return out;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      contract: { type: 'string', default: 'asyncapi.yaml' },
      out: { type: 'string', default: 'generated' },
      check: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const contract = values.contract;
  const outDir = path.resolve(values.out);
  const { files, warnings } = await generate(contract);
  for (const warning of warnings) console.warn(warning);

  const existing = await readExisting(outDir);
  const relOut = path.relative(process.cwd(), outDir) || '.';
  if (values.check) {
    const problems: string[] = [];
    for (const [name, content] of files) {
      const current = existing.get(name);
      if (current === undefined) problems.push(`missing: ${relOut}/${name}`);
      else if (current !== content) problems.push(`differs: ${relOut}/${name}`);
    }
    for (const name of existing.keys()) if (!files.has(name)) problems.push(`extra:   ${relOut}/${name}`);
    if (problems.length > 0) {
      console.error(
        `${relOut}/ is out of date with ${contract}:\n  ${problems.join('\n  ')}\nRun \`npm run codegen\` and commit the result.`,
      );
      return 1;
    }
    console.log(`${relOut}/ is up to date with ${contract} (${files.size} files).`);
    return 0;
  }
  await mkdir(outDir, { recursive: true });
  // Files the contract no longer produces are removed so generated/ mirrors the contract exactly.
  for (const name of existing.keys())
    if (!files.has(name)) await rm(path.join(outDir, name), { recursive: true });
  let written = 0;
  for (const [name, content] of files) {
    if (existing.get(name) === content) continue;
    await writeFile(path.join(outDir, name), content);
    written += 1;
  }
  console.log(`Generated ${files.size} files in ${relOut}/ from ${contract} (${written} changed).`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ContractError) {
      console.error(error.message);
    } else {
      console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    }
    process.exitCode = 1;
  },
);
