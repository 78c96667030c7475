/**
 * Every code block of the consumer guides is compiled or run, so the docs cannot rot:
 *
 * - ```ts      typechecked as a file at the repository root, importing the package's entry points (`wspush/client`,
 *               `wspush/publisher`…), which resolve to the built package (dist/package, built first) and never to
 *               src/; ```ts run  also run with those built entry points, against a local platform (localhost URLs
 *               rewritten to its ports)
 * - ```sh      each command: `npx wspush publish` runs with --dry-run, `npx wspush token` runs against the
 *               platform, `npx esbuild` runs into a temporary file, npm scripts must exist, `npm install` names
 *               only this package and its peers; anything else fails
 * - ```js browser  pasted into the console of a page on the platform's origin in headless Chromium, which must
 *               then log a published message (skipped without Chromium, except in CI)
 * - ```json <SchemaTitle>  validated with the generated validator (and the payload with its topic or type)
 * - ```mermaid checked for a known diagram type and balanced blocks
 *
 * A block in any other language fails the test: add a checker before adding a new kind of snippet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  isUserMessageType,
  matchTopic,
  type SchemaTitle,
  schemaTitles,
  userMessageRegistry,
  validators,
} from '../../generated/index.js';
import { buildPackage } from '../../scripts/build-package.js';
import type { Platform } from '../../src/local/platform.js';
import { launchChromium, skipWithoutChromium } from '../support/chromium.js';
import { topicMessage } from '../support/contract-picks.js';
import { withPackageBuildLock } from '../support/package-build.js';
import { type CliRun, spawnCli } from '../support/spawn-cli.js';
import { publisherFor, startLocalPlatform } from './platform-helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOCS = ['getting-started.md', 'publishing.md', 'clients.md', 'architecture.md'];
const WORK = `${ROOT}test-artifacts/docs-snippets`;

interface Snippet {
  doc: string;
  index: number;
  line: number;
  lang: string;
  info: string;
  code: string;
}

function extractSnippets(doc: string): Snippet[] {
  const text = readFileSync(`${ROOT}docs/${doc}`, 'utf8');
  const snippets: Snippet[] = [];
  const fence = /^([ \t]*)```(\w*)[ \t]*([^\n]*)\n([\s\S]*?)^\1```[ \t]*$/gm;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    const [, indent = '', lang = '', info = '', body = ''] = match;
    const code = body
      .split('\n')
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l))
      .join('\n');
    const line = text.slice(0, match.index).split('\n').length;
    snippets.push({ doc, index: snippets.length, line, lang, info: info.trim(), code });
  }
  return snippets;
}

const snippets = DOCS.flatMap(extractSnippets);
const where = (s: Snippet): string => `docs/${s.doc}:${s.line}`;
const byLang = (lang: string): Snippet[] => snippets.filter((s) => s.lang === lang);

let platform: Platform;
/** Rewrites the default local URLs of the docs to the test platform's ports. */
let localize: (code: string) => string;

beforeAll(async () => {
  // The snippets import the package's entry points, which point into dist/package.
  await withPackageBuildLock(() => buildPackage());
  platform = await startLocalPlatform();
  const { gateway, edge, idp } = platform.urls;
  localize = (code) =>
    code
      .replaceAll('ws://localhost:3001', gateway)
      .replaceAll('http://localhost:4566', edge)
      .replaceAll('http://localhost:3000', idp);
  await rm(WORK, { recursive: true, force: true });
  await mkdir(WORK, { recursive: true });
});

afterAll(async () => {
  await platform?.stop();
});

/** Runs a command from the repository root against the test platform (SNS endpoint, topics, identity provider). */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(command, args, {
    env: {
      AWS_ENDPOINT_URL: platform.urls.edge,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      WSPUSH_IDP_URL: platform.urls.idp,
      WSPUSH_BROADCAST_TOPIC_ARN: platform.urls.broadcastTopicArn,
      WSPUSH_USER_TOPIC_ARN: platform.urls.userTopicArn,
      ...env,
    },
    timeoutMs: 60_000,
  });
}

it('every snippet is of a checked kind', () => {
  expect(snippets.length).toBeGreaterThan(10);
  const unchecked = snippets.filter(
    (s) =>
      !['ts', 'sh', 'mermaid'].includes(s.lang) &&
      !(s.lang === 'js' && s.info === 'browser') &&
      !(s.lang === 'json' && (schemaTitles as readonly string[]).includes(s.info)),
  );
  expect(unchecked.map(where)).toEqual([]);
  const tsInfo = byLang('ts').filter((s) => s.info !== '' && s.info !== 'run');
  expect(tsInfo.map(where)).toEqual([]);
});

it('```ts snippets import the package entry points, never the repository source', () => {
  const relative = byLang('ts').filter((s) => /from ['"]\.{1,2}\//.test(s.code));
  expect(relative.map(where)).toEqual([]);
  expect(byLang('ts').filter((s) => /from 'wspush\/(client|publisher)'/.test(s.code)).length).toBeGreaterThan(
    3,
  );
});

it('```ts snippets typecheck against the built package', { timeout: 120_000 }, () => {
  const blocks = byLang('ts');
  expect(blocks.length).toBeGreaterThanOrEqual(4);
  const config = ts.getParsedCommandLineOfConfigFile(
    `${ROOT}tsconfig.json`,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  );
  if (!config) throw new Error('cannot read tsconfig.json');
  // Virtual files at the repository root, so `./src/...` imports resolve as the docs say.
  const files = new Map(
    blocks.map((s) => [`${ROOT}docs-snippet-${s.doc.replace('.md', '')}-${s.index}.ts`, s]),
  );
  const host = ts.createCompilerHost(config.options);
  const fileExists = host.fileExists.bind(host);
  const readFile = host.readFile.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  host.getSourceFile = (name, languageVersion, onError, shouldCreate) => {
    const snippet = files.get(name);
    return snippet
      ? ts.createSourceFile(name, snippet.code, languageVersion, true)
      : getSourceFile(name, languageVersion, onError, shouldCreate);
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options: config.options, host });
  const problems = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file && files.has(d.file.fileName))
    .map((d) => {
      const snippet = files.get(d.file?.fileName ?? '') as Snippet;
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
      return `docs/${snippet.doc}:${snippet.line + 1 + line}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    });
  expect(problems).toEqual([]);
});

describe('```ts run snippets run against the local platform', { timeout: 120_000 }, () => {
  const runnable = byLang('ts').filter((s) => s.info === 'run');
  it('there are runnable snippets', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(3);
  });
  it.each(runnable.map((s) => [where(s), s] as const))('%s', async (_where, snippet) => {
    const file = `${WORK}/${snippet.doc.replace('.md', '')}-${snippet.index}.ts`;
    await writeFile(file, localize(snippet.code));
    const result = await run(process.execPath, ['--import', 'tsx', file]);
    expect(result.stderr).not.toMatch(/Error|error/);
    expect(result.code).toBe(0);
  });
});

describe('```sh snippets run', { timeout: 120_000 }, () => {
  const packageJson = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8')) as {
    name: string;
    scripts: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  const commands = byLang('sh').flatMap((s) =>
    s.code
      .replace(/\\\n\s*/g, ' ')
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l !== '' && !l.startsWith('#'))
      .flatMap((l) => l.split(/\s+&&\s+/))
      .map((command) => [`${where(s)}: ${command}`, command] as const),
  );

  it.each(commands)('%s', async (_label, command) => {
    if (/^git clone /.test(command) || /^cd /.test(command)) return; // the reader's own checkout
    if (command === 'npm ci') {
      expect(existsSync(`${ROOT}package-lock.json`)).toBe(true);
      return;
    }
    const install = /^npm install((?:\s+[\w@./-]+)+)$/.exec(command);
    if (install) {
      // The reader's own project: this package and its peers only (test/package/pack.test.ts installs them).
      const names = (install[1] ?? '').trim().split(/\s+/);
      expect(
        names.filter((n) => n !== packageJson.name && !(n in (packageJson.peerDependencies ?? {}))),
      ).toEqual([]);
      return;
    }
    const script = /^npm (?:start|test|run(?: -s)? ([\w:-]+))(?:\s|$)/.exec(command);
    if (script) {
      const name = script[1] ?? (command.startsWith('npm start') ? 'start' : 'test');
      expect(packageJson.scripts[name], `npm script ${name}`).toBeDefined();
      return;
    }
    if (command.startsWith('npx wspush publish ')) {
      const args = command.replace(/^npx wspush/, `node bin/wspush.mjs`);
      const result = await run('bash', ['-c', `${args}${command.includes('--dry-run') ? '' : ' --dry-run'}`]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ dryRun: true, valid: true });
      return;
    }
    if (command.startsWith('npx wspush token ')) {
      const result = await run('bash', ['-c', command.replace(/^npx wspush/, 'node bin/wspush.mjs')]);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(result.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
      return;
    }
    if (command.startsWith('npx esbuild ')) {
      const outfile = `${WORK}/esbuild-${Date.now()}.js`;
      const rewritten = command
        .replace(/--outfile=\S+/, `--outfile=${outfile}`)
        .replace(/^npx esbuild/, 'node_modules/.bin/esbuild');
      const result = await run('bash', ['-c', `${rewritten} --log-level=warning`]);
      expect(result.code).toBe(0);
      expect((await stat(outfile)).size).toBeGreaterThan(1000);
      return;
    }
    throw new Error(`no checker for the shell command: ${command}`);
  });
});

describe('```js browser snippets log a published message in the browser console', {
  timeout: 120_000,
}, () => {
  it.skipIf(skipWithoutChromium).each(byLang('js').map((s) => [where(s), s] as const))(
    '%s',
    async (_where, snippet) => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const logged: string[] = [];
        page.on('console', (message) => {
          void Promise.all(message.args().map((a) => a.jsonValue())).then((values) =>
            logged.push(JSON.stringify(values)),
          );
        });
        await page.goto(`${platform.urls.idp}/dev/token`).catch(() => undefined); // any page on the origin
        // DevTools allows top-level await; a page script needs an async function around it.
        await page.evaluate(`(async () => {\n${localize(snippet.code)}\n})()`);
        await expect
          .poll(() => logged.some((l) => l.includes('"kind":"welcome"')), { timeout: 60_000 })
          .toBe(true);
        // The docs name real topics: publish to the first the snippet subscribes to, with its example.
        const topic = /[?&]topics=([^&'"`,\s]+)/.exec(snippet.code)?.[1];
        if (topic === undefined) throw new Error(`${where(snippet)}: the snippet subscribes to no topic`);
        const sent = await publisherFor(platform).publishToTopic(topicMessage(topic));
        await expect
          .poll(() => logged.some((l) => l.includes(sent.messageId)), { timeout: 60_000 })
          .toBe(true);
      } finally {
        await browser.close();
      }
    },
  );
});

it('```json <SchemaTitle> snippets are valid', () => {
  const blocks = byLang('json');
  expect(blocks.length).toBeGreaterThanOrEqual(2);
  for (const snippet of blocks) {
    const value = JSON.parse(snippet.code) as { topic?: unknown; type?: unknown; payload?: unknown };
    const result = validators[snippet.info as SchemaTitle](value);
    expect(result.ok ? [] : result.errors, where(snippet)).toEqual([]);
    const topic = typeof value.topic === 'string' ? matchTopic(value.topic) : undefined;
    if (snippet.info === 'BroadcastEnvelope' && topic?.ok) {
      expect(topic.definition.validate(value.payload).ok, where(snippet)).toBe(true);
    }
    if (snippet.info === 'UserEnvelope' && isUserMessageType(value.type)) {
      expect(userMessageRegistry[value.type].validate(value.payload).ok, where(snippet)).toBe(true);
    }
  }
});

it('```mermaid diagrams have a known type and balanced blocks', () => {
  const diagrams = byLang('mermaid');
  expect(diagrams.length).toBeGreaterThanOrEqual(5);
  for (const snippet of diagrams) {
    const lines = snippet.code
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '' && !l.startsWith('%%'));
    const type = lines[0]?.split(/\s+/)[0];
    expect(['flowchart', 'sequenceDiagram', 'erDiagram'], where(snippet)).toContain(type);
    const openers =
      type === 'sequenceDiagram'
        ? /^(alt|opt|loop|par|critical|break|rect)\b/
        : type === 'flowchart'
          ? /^subgraph\b/
          : null;
    if (openers) {
      const opened = lines.filter((l) => openers.test(l)).length;
      const closed = lines.filter((l) => l === 'end').length;
      expect(closed, `${where(snippet)}: blocks opened ${opened}, closed ${closed}`).toBe(opened);
    }
    if (type === 'sequenceDiagram') {
      const declared = new Set(
        lines.flatMap((l) => /^(?:participant|actor)\s+(\S+)/.exec(l)?.slice(1) ?? []),
      );
      const used = lines.flatMap((l) => {
        const m = /^([^\s:-]+?)\s*(?:->>|-->>|->|-->|-x|--x|-\)|--\))[+-]?\s*([^\s:]+)\s*:/.exec(l);
        return m ? [m[1] ?? '', m[2] ?? ''] : [];
      });
      const undeclared = used.filter((u) => !declared.has(u));
      expect(undeclared, where(snippet)).toEqual([]);
    }
  }
});
