// Keeps the contract's lists in the Markdown guides current: between `<!-- contract:topics -->` and
// `<!-- /contract:topics -->` (and `contract:user-message-types`) it writes the lists from generated/.
// `npm run codegen` runs it after generating; `npm run codegen:check` runs it with --check, which fails on a
// stale list. Options: --check, --root <dir> (default the repository).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  limits,
  patterns,
  topicNames,
  topicRegistry,
  userMessageRegistry,
  userMessageTypes,
} from '../generated/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const code = (text: string): string => `\`${text.replace(/\|/g, '\\|')}\``;

/** Marker name → the Markdown it stands for (`pattern:<Schema>` and `limit:<key>` for each one as well). */
export function contractLists(): Record<string, string> {
  const named: Record<string, string> = {};
  for (const [name, pattern] of Object.entries(patterns)) named[`pattern:${name}`] = code(pattern.source);
  for (const [name, value] of Object.entries(limits)) named[`limit:${name}`] = value.toLocaleString('en-US');
  return {
    ...named,
    'topic-payload-schemas': topicNames.map((t) => `\`${topicRegistry[t].payloadSchema}\``).join(', '),
    'user-message-payload-schemas': userMessageTypes
      .map((t) => `\`${userMessageRegistry[t].payloadSchema}\``)
      .join(', '),
    topics: topicNames.map((t) => `\`${t}\``).join(', '),
    'user-message-types': userMessageTypes
      .map((t) => {
        const days = userMessageRegistry[t].retentionDays;
        return `\`${t}\` (kept ${days} day${days === 1 ? '' : 's'} offline)`;
      })
      .join(', '),
  };
}

const MARKED = /<!-- contract:([A-Za-z:-]+) -->[\s\S]*?<!-- \/contract:\1 -->/g;

/** `text` with every marked list rewritten; unknown marker names are errors. */
export function fillLists(text: string, lists: Record<string, string>, file: string): string {
  return text.replace(MARKED, (_whole, name: string) => {
    const list = lists[name];
    if (list === undefined) throw new Error(`${file}: unknown list marker contract:${name}`);
    return `<!-- contract:${name} -->${list}<!-- /contract:${name} -->`;
  });
}

async function guideFiles(root: string): Promise<string[]> {
  const docs = (await readdir(path.join(root, 'docs'))).filter((n) => n.endsWith('.md'));
  return ['README.md', ...docs.map((n) => path.join('docs', n))];
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { check: { type: 'boolean', default: false }, root: { type: 'string', default: ROOT } },
    strict: true,
  });
  const lists = contractLists();
  const stale: string[] = [];
  for (const file of await guideFiles(values.root)) {
    const absolute = path.join(values.root, file);
    const text = await readFile(absolute, 'utf8');
    const filled = fillLists(text, lists, file);
    if (filled === text) continue;
    if (values.check) stale.push(file);
    else await writeFile(absolute, filled);
  }
  if (stale.length > 0) {
    console.error(
      `contract lists are stale in: ${stale.join(', ')}. Run \`npm run codegen\` and commit the result.`,
    );
    return 1;
  }
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
