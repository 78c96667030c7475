// `npm run docs`: renders the contract to ONE self-contained, offline HTML page (docs/api/index.html) with
// @asyncapi/react-component: server-side rendered markup (readable without JavaScript), its stylesheet inlined,
// and the standalone bundle inlined to hydrate it (expand/collapse, examples). Deterministic, so it can be checked in.
// Options: --contract <file> (default asyncapi.yaml), --out <file> (default docs/api/index.html), --check.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from '@asyncapi/parser';
import { AsyncApiComponentWP, type ConfigInterface } from '@asyncapi/react-component';
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { describeWithCodeTables } from './code-tables.js';
import { ContractError, parseContract } from './contract.js';
import type { JsonValue } from './json.js';

const require = createRequire(import.meta.url);

/** Everything visible and expanded: channels, operations, messages, schemas and their examples. */
const CONFIG: Partial<ConfigInterface> = {
  schemaID: 'wspush-contract',
  show: {
    sidebar: true,
    info: true,
    servers: true,
    operations: true,
    messages: true,
    schemas: true,
    errors: true,
  },
  expand: { messageExamples: true },
  sidebar: { showServers: 'byDefault', showOperations: 'byDefault' },
};

/** Makes text safe inside an inline <script>: no `</script>` or `<!--` can end or confuse the element. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside an inline <script> (also escapes U+2028/2029 for old engines). */
function jsonForScript(json: string): string {
  return json
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export async function renderDocs(contractFile: string): Promise<string> {
  const { document } = await parseContract(contractFile);
  // The code tables are written from x-error-codes / x-close-codes, not kept by hand in the description.
  const json = document.json() as { info: { description?: string } } & Record<string, JsonValue>;
  json.info.description = describeWithCodeTables(
    json.info.description,
    json['x-error-codes'],
    json['x-close-codes'],
  );
  const stringified = stringify(document);
  if (stringified === undefined) throw new Error('the parser could not stringify the document');
  const markup = renderToString(createElement(AsyncApiComponentWP, { schema: document, config: CONFIG }));
  const css = await readFile(require.resolve('@asyncapi/react-component/styles/default.min.css'), 'utf8');
  const bundle = await readFile(
    require.resolve('@asyncapi/react-component/browser/standalone/without-parser.js'),
    'utf8',
  );
  const title = `${document.info().title()} ${document.info().version()}`;
  return [
    '<!DOCTYPE html>',
    '<!-- Code generated from asyncapi.yaml by `npm run docs`. DO NOT EDIT. -->',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${css.replace(/<\/style/gi, '<\\/style')}</style>`,
    '</head>',
    '<body>',
    `<div id="asyncapi">${markup}</div>`,
    `<script>${scriptSafe(bundle)}</script>`,
    '<script>',
    `AsyncApiStandalone.hydrate({ schema: ${jsonForScript(stringified)}, config: ${jsonForScript(JSON.stringify(CONFIG))} }, document.getElementById('asyncapi'));`,
    '</script>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      contract: { type: 'string', default: 'asyncapi.yaml' },
      out: { type: 'string', default: path.join('docs', 'api', 'index.html') },
      check: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const html = await renderDocs(values.contract);
  const out = path.resolve(values.out);
  const rel = path.relative(process.cwd(), out);
  if (values.check) {
    const current = await readFile(out, 'utf8').catch(() => undefined);
    if (current !== html) {
      console.error(`${rel} is ${current === undefined ? 'missing' : 'out of date'}. Run \`npm run docs\`.`);
      return 1;
    }
    console.log(`${rel} is up to date.`);
    return 0;
  }
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  console.log(`Wrote ${rel} (${Math.round(html.length / 1024)} KB).`);
  return 0;
}

// Run as a script only (tests import renderDocs).
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(
        error instanceof ContractError
          ? error.message
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error),
      );
      process.exitCode = 1;
    },
  );
}
