/**
 * Reads the stack files (`Pulumi.yaml`, `Pulumi.<stack>.yaml`) the way Pulumi passes them to a program.
 * Kept free of the Pulumi SDK so tools can validate a stack quickly before loading it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const PULUMI_DIR = dirname(fileURLToPath(import.meta.url));

/** Where the stack files are read from; overridable for tests of broken stack files. */
export const STACK_DIR_ENV = 'WSPUSH_PULUMI_STACK_DIR';
function stackDir(): string {
  return process.env[STACK_DIR_ENV] ?? PULUMI_DIR;
}
export class UnknownStackError extends Error {
  constructor(stack: string, known: string[]) {
    super(
      `Unknown stack "${stack}": no infra/pulumi/Pulumi.${stack}.yaml. Known stacks: ${known.join(', ')}.`,
    );
    this.name = 'UnknownStackError';
  }
}

export function projectName(): string {
  const project = parseYaml(readFileSync(resolve(PULUMI_DIR, 'Pulumi.yaml'), 'utf8')) as { name?: unknown };
  if (typeof project.name !== 'string') throw new Error('infra/pulumi/Pulumi.yaml has no project name');
  return project.name;
}

export function knownStacks(): string[] {
  return readdirSync(stackDir())
    .map((file) => /^Pulumi\.([\w-]+)\.yaml$/.exec(file)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** A stack file's `config:` as Pulumi passes it to a program: `ns:key` → string (JSON for maps and lists). */
export function loadStackConfig(stack: string): Record<string, string> {
  const known = knownStacks();
  if (!known.includes(stack)) throw new UnknownStackError(stack, known);
  const file = resolve(stackDir(), `Pulumi.${stack}.yaml`);
  const doc = parseYaml(readFileSync(file, 'utf8')) as { config?: Record<string, unknown> } | null;
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(doc?.config ?? {})) {
    if (value === null || value === undefined) continue;
    if (typeof value === 'object' && !Array.isArray(value) && 'secure' in value) {
      throw new Error(`${file}: ${key} is a secret; the mocks cannot decrypt it`);
    }
    flat[key] = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
  return flat;
}
