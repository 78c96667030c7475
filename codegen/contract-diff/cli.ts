// The breaking-change gate on asyncapi.yaml (`npm run contract:diff`, entry point main.ts). Compares the contract with the recorded last release (released-asyncapi.yaml beside this file: robust on
// shallow clones) or with the contract at a git ref, prints every change with its JSON path and exits 1 when
// a breaking change comes without a new major. `--record` writes the contract as the new released baseline
// (after the same check). Exit codes: 0 passed, 1 the gate failed, 2 usage or unreadable input.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { pointerToPath, SourceLocator } from '../contract.js';
import { isJsonObject, type JsonObject } from '../json.js';
import { type ContractChange, compareContracts } from './classify.js';
import { judge, parseVersion, RECORD_COMMAND } from './gate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const RELEASED_CONTRACT = path.join(here, 'released-asyncapi.yaml');
const RECORD_HEADER =
  '# The last released contract: the base `npm run contract:diff` compares asyncapi.yaml with.\n' +
  `# Written by \`${RECORD_COMMAND}\` (never by hand) when info.version goes up.\n`;

export class UsageError extends Error {}

/** Where the gate writes: stdout for the change list, stderr for why it failed. */
export interface Output {
  log(line: string): void;
  error(line: string): void;
}

interface Side {
  label: string;
  file: string;
  source: string;
  document: JsonObject;
}

function load(label: string, file: string, source: string): Side {
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    throw new UsageError(`${label} is not valid YAML: ${error instanceof Error ? error.message : error}`);
  }
  if (!isJsonObject(document as JsonObject)) throw new UsageError(`${label} is not a YAML mapping`);
  return { label, file, source, document: document as JsonObject };
}

function readAtRef(ref: string, contract: string): string {
  const relative = path.relative(process.cwd(), path.resolve(contract)).split(path.sep).join('/');
  try {
    return execFileSync('git', ['show', `${ref}:./${relative}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new UsageError(`cannot read ${relative} at git ref ${ref}: ${stderr || String(error)}`);
  }
}

function where(change: ContractChange, base: Side, head: Side): string {
  const side = change.action === 'remove' ? base : head;
  const line = new SourceLocator(side.file, side.source).line(pointerToPath(change.pointer));
  return line > 0 ? `${side.file}:${line}` : side.file;
}

function printChanges(out: Output, changes: readonly ContractChange[], base: Side, head: Side): void {
  const order = { breaking: 0, 'non-breaking': 1, editorial: 2 } as const;
  const sorted = [...changes].sort((a, b) => order[a.severity] - order[b.severity]);
  for (const change of sorted) {
    const tag = change.severity === 'breaking' ? 'BREAKING' : change.severity;
    out.log(`  ${tag.padEnd(12)}  ${where(change, base, head)}  ${change.pointer}`);
    out.log(`  ${''.padEnd(12)}  ${change.subject}: ${change.what}`);
  }
  const count = (s: ContractChange['severity']) => changes.filter((c) => c.severity === s).length;
  out.log(
    `${changes.length} change(s): ${count('breaking')} breaking, ${count('non-breaking')} non-breaking, ${count('editorial')} editorial.`,
  );
}

/** Runs the gate; resolves to the exit code (0 passed, 1 failed, 2 usage or unreadable input). */
export async function runContractDiff(args: readonly string[], out: Output): Promise<number> {
  try {
    return await gate(args, out);
  } catch (error) {
    if (!(error instanceof UsageError) && !isFileError(error)) throw error;
    out.error(`contract:diff: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

function isFileError(error: unknown): boolean {
  return error instanceof Error && typeof (error as { code?: unknown }).code === 'string';
}

async function gate(args: readonly string[], out: Output): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      contract: { type: 'string', default: 'asyncapi.yaml' },
      base: { type: 'string' },
      released: { type: 'string', default: path.relative(process.cwd(), RELEASED_CONTRACT) },
      record: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.record && values.base !== undefined)
    throw new UsageError('--record writes the released baseline; it cannot be combined with --base');
  const headFile = values.contract;
  const head = load(headFile, headFile, await readFile(headFile, 'utf8'));
  const base =
    values.base === undefined
      ? load(
          `the released contract ${values.released}`,
          values.released,
          await readFile(values.released, 'utf8'),
        )
      : load(`${headFile} at ${values.base}`, `${values.base}:${headFile}`, readAtRef(values.base, headFile));
  const baseVersion = parseVersion((base.document.info as JsonObject | undefined)?.version);
  const headVersion = parseVersion((head.document.info as JsonObject | undefined)?.version);
  if (baseVersion === undefined) throw new UsageError(`${base.label}: info.version is not x.y.z`);
  if (headVersion === undefined) throw new UsageError(`${head.label}: info.version is not x.y.z`);

  out.log(`Comparing ${head.label} (${headVersion.text}) with ${base.label} (${baseVersion.text}):`);
  const changes = compareContracts(base.document, head.document);
  printChanges(out, changes, base, head);
  const verdict = judge({
    changes,
    base: baseVersion,
    head: headVersion,
    baseIsRecordedRelease: values.base === undefined,
    recording: values.record,
  });
  if (!verdict.ok) {
    for (const failure of verdict.failures) out.error(`contract:diff FAILED: ${failure}`);
    return 1;
  }
  if (values.record) {
    if (changes.length === 0 && headVersion.text === baseVersion.text) {
      out.log(`Nothing to record: ${values.released} already is ${headVersion.text}.`);
      return 0;
    }
    await writeFile(values.released, RECORD_HEADER + head.source);
    out.log(`Recorded ${headFile} (${headVersion.text}) as the released contract in ${values.released}.`);
    return 0;
  }
  out.log(`contract:diff passed: no breaking change without a new major.`);
  return 0;
}
