/**
 * The package as a consumer gets it (issue #13): `npm pack` (which runs `prepack`, the build), then a scratch
 * project in a temporary directory outside the repository installs only the tarball (plus `ws`, the optional
 * peer a Node 20 client needs) from the npm registry, and:
 *
 * - a plain `node` ESM script (no tsx) publishes a topic and a user message to a running local platform with
 *   `wspush/publisher`, and receives both with `wspush/client`;
 * - TypeScript type-checks a typed handler under moduleResolution node16 and bundler, and rejects a wrong
 *   payload field;
 * - esbuild bundles a page using `wspush/client` (held to the bundle budget) and Chromium receives a message;
 * - `npx wspush --version` and `npx wspush publish topic … --dry-run` run from the installed package.
 *
 * One pack and one install serve every case; npm uses its cache (`--prefer-offline`).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import { publisherFor, startLocalPlatform, tokenSource } from '../sdk/platform-helpers.js';
import { BUDGETS, kb, measureBundle } from '../support/bundle-budget.js';
import {
  collectPageErrors,
  launchChromium,
  openLocalAppPage,
  skipWithoutChromium,
} from '../support/chromium.js';
import {
  payloadFor,
  topicMessage,
  topics,
  topicWithEnumField,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';
import { withPackageBuildLock } from '../support/package-build.js';
import { type CliRun, spawnCli } from '../support/spawn-cli.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { version } = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { version: string };
// Picked from the contract: an open topic with history, its example payload, a user message type and its example.
const TOPIC = topics.openHistory;
const PAYLOAD = payloadFor(TOPIC);
const json = JSON.stringify;

let scratch: string;
let platform: Platform;

/** Runs a command in the scratch project with no AWS configuration: what works must work on defaults. */
function inScratch(command: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return spawnCli(command, args, {
    cwd: scratch,
    env: {
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: undefined,
      AWS_DEFAULT_REGION: undefined,
      AWS_ENDPOINT_URL: undefined,
      WSPUSH_BROADCAST_TOPIC_ARN: undefined,
      WSPUSH_USER_TOPIC_ARN: undefined,
      NODE_OPTIONS: undefined,
      ...env,
    },
    timeoutMs: 300_000,
  });
}

function expectSuccess(run: CliRun, what: string): void {
  expect(run.code, `${what}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`).toBe(0);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wspush-consumer-'));
  // prepack builds dist/package; the docs snippets test builds it too.
  const pack = await withPackageBuildLock(() =>
    spawnCli('npm', ['pack', '--json', '--pack-destination', scratch], { cwd: ROOT, timeoutMs: 600_000 }),
  );
  expectSuccess(pack, 'npm pack');
  const packed = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string }[];
  const filename = packed[0]?.filename ?? '(npm pack printed no file name)';
  await writeFile(
    join(scratch, 'package.json'),
    `${JSON.stringify({ name: 'wspush-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const install = await inScratch('npm', [
    'install',
    `./${filename}`,
    'ws@^8',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--loglevel=error',
  ]);
  expectSuccess(install, 'npm install of the tarball');
  platform = await startLocalPlatform();
}, 900_000);

afterAll(async () => {
  await platform?.stop();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the packed package, installed in a scratch project', { timeout: 300_000 }, () => {
  it('ships the built SDK, the CLI, LICENSE and CHANGELOG, and no source or tests', async () => {
    const installed = join(scratch, 'node_modules/wspush');
    const manifest = JSON.parse(await readFile(join(installed, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(manifest.version).toBe(version);
    const list = await inScratch('npm', ['ls', '--all', '--parseable', 'wspush']);
    expect(list.stdout).toContain('node_modules/wspush');
    const files = await spawnCli('find', ['.', '-type', 'f'], { cwd: installed });
    const paths = files.stdout.split('\n').filter(Boolean);
    expect(paths).toEqual(expect.arrayContaining(['./LICENSE', './CHANGELOG.md', './bin/wspush.mjs']));
    expect(paths).toContain('./dist/package/src/client/index.d.ts');
    expect(paths.filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths.filter((p) => /^\.\/(src|test|codegen|infra)\//.test(p))).toEqual([]);
  });

  it('a plain node ESM script publishes with wspush/publisher and receives both with wspush/client', async () => {
    await writeFile(
      join(scratch, 'round-trip.mjs'),
      `import { connect } from 'wspush/client';
import { payloadValidation } from 'wspush/client/validation';
import { createPublisher } from 'wspush/publisher';
import { WebSocket } from 'ws';

const { GATEWAY_URL, TOKEN, SNS_ENDPOINT } = process.env;
const client = connect({ url: GATEWAY_URL, token: TOKEN, topics: [${json(TOPIC)}], WebSocket, validatePayloads: payloadValidation });
const received = [];
client.onTopic(${json(TOPIC)}, (payload, frame) => received.push({ kind: 'topic', id: frame.id }));
client.onUserMessage(${json(userMessageType)}, (payload, frame) => received.push({ kind: 'user', id: frame.id }));
await client.ready();

// The local platform: its topics, region and credentials by default (no AWS configuration in this process).
const publisher = createPublisher({ local: true, endpoint: SNS_ENDPOINT });
const topic = await publisher.publishToTopic({ realm: 'acme', topic: ${json(TOPIC)}, payload: ${json(PAYLOAD)} });
const user = await publisher.publishToUser({
  realm: 'acme', userId: 'pack-alice', type: ${json(userMessageType)},
  payload: ${json(userMessageExample(userMessageType))},
});
const deadline = Date.now() + 60_000;
while (received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
await client.close();
console.log(JSON.stringify({ sent: [topic.messageId, user.messageId], received }));
`,
    );
    const token = await tokenSource(platform, 'pack-alice')();
    const run = await inScratch(process.execPath, ['round-trip.mjs'], {
      GATEWAY_URL: platform.urls.gateway,
      TOKEN: token,
      SNS_ENDPOINT: platform.urls.edge,
    });
    expectSuccess(run, 'node round-trip.mjs');
    const output = JSON.parse(run.stdout) as { sent: string[]; received: { kind: string; id: string }[] };
    // Two independent paths (broadcast and user topic): either may arrive first.
    expect(output.received.map((r) => `${r.kind} ${r.id}`).sort()).toEqual([
      `topic ${output.sent[0]}`,
      `user ${output.sent[1]}`,
    ]);
  });

  // A fixed topic with an enum field in its payload: the handler reads the field, the wrong publish sets it outside the enum.
  const typed = topicWithEnumField;
  const handler = (field: string): string => `import { connect, type TopicPayloads } from 'wspush/client';
import { payloadValidation } from 'wspush/client/validation';
import { type TopicName, topicNames } from 'wspush/contract';
import { createPublisher } from 'wspush/publisher';

const names: readonly TopicName[] = topicNames;
const client = connect({ url: 'ws://localhost:3001', token: 't', topics: names, validatePayloads: payloadValidation });
function onMessage(payload: TopicPayloads[${json(typed.topic)}]): string {
  return payload.${field};
}
client.onTopic(${json(typed.topic)}, (payload) => onMessage(payload));
export const sent = createPublisher({ local: true }).publishToTopic({
  realm: 'acme',
  topic: ${json(typed.topic)},
  payload: ${json(payloadFor(typed.topic))},
});
`;
  const wrongPublish = `import { createPublisher } from 'wspush/publisher';
export const sent = createPublisher({ local: true }).publishToTopic({
  realm: 'acme', topic: ${json(typed.topic)}, payload: ${json({ ...payloadFor(typed.topic), [typed.field]: 'loud' })},
});
`;

  // One program per resolution mode (type-checking is the slow part). skipLibCheck as most projects set it: a
  // declaration that failed to resolve would turn the payload types into any, which the wrong-field files catch.
  it.each([
    ['node16', { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 }],
    ['bundler', { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler }],
  ] as const)(
    'TypeScript (moduleResolution %s) type-checks a typed handler and rejects wrong payload fields',
    async (mode, resolution) => {
      const files = {
        handler: [`handler-${mode}.ts`, handler(typed.field)],
        wrongField: [`wrong-field-${mode}.ts`, handler('noSuchField')],
        wrongPublish: [`wrong-publish-${mode}.ts`, wrongPublish],
      } as const;
      for (const [name, source] of Object.values(files)) await writeFile(join(scratch, name), source);
      const program = ts.createProgram(
        Object.values(files).map(([name]) => join(scratch, name)),
        {
          ...resolution,
          target: ts.ScriptTarget.ES2022,
          lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          typeRoots: [join(ROOT, 'node_modules/@types')],
          types: ['node'],
        },
      );
      const problems = (file: string): string =>
        ts
          .getPreEmitDiagnostics(program, program.getSourceFile(join(scratch, file)))
          .map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '))
          .join('\n');
      expect(problems(files.handler[0])).toBe('');
      expect(problems(files.wrongField[0])).toMatch(/Property 'noSuchField' does not exist/);
      expect(problems(files.wrongPublish[0])).toMatch(/'"loud"' is not assignable/);
    },
  );

  it('the client bundle of the installed package is within its budget and carries no validator', async () => {
    const client = await measureBundle("export * from 'wspush/client';", scratch, 'browser');
    expect(client.inputs.filter((p) => /validat/.test(p))).toEqual([]);
    expect(client.gzipBytes, `client is ${kb(client.gzipBytes)} gzipped`).toBeLessThanOrEqual(BUDGETS.client);
    const validated = await measureBundle(
      "export * from 'wspush/client';\nexport * from 'wspush/client/validation';",
      scratch,
      'browser',
    );
    expect(validated.inputs.filter((p) => /validators\.js$/.test(p))).toEqual([
      'node_modules/wspush/dist/package/generated/payload-validators.js',
    ]);
    expect(validated.gzipBytes).toBeLessThanOrEqual(BUDGETS.clientWithValidation);
  });

  it.skipIf(skipWithoutChromium)(
    'esbuild bundles a page using wspush/client; Chromium receives a message',
    async () => {
      await writeFile(
        join(scratch, 'page.js'),
        `import { connect } from 'wspush/client';
window.received = [];
window.start = async (url, token) => {
  const client = connect({ url, token, topics: [${json(TOPIC)}] });
  client.onTopic(${json(TOPIC)}, (payload, frame) => window.received.push(frame.id));
  return (await client.ready()).connectionId;
};
`,
      );
      const bundled = await build({
        entryPoints: [join(scratch, 'page.js')],
        absWorkingDir: scratch,
        bundle: true,
        format: 'iife',
        platform: 'browser',
        minify: true,
        write: false,
        logLevel: 'silent',
      });
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        const errors = collectPageErrors(page);
        await openLocalAppPage(
          page,
          '<!doctype html><html><body><h1>wspush consumer page</h1></body></html>',
        );
        await page.addScriptTag({ content: bundled.outputFiles[0]?.text ?? '' });
        const token = await tokenSource(platform, 'pack-browser')();
        const connectionId = await page.evaluate(
          ([url, t]) =>
            (window as unknown as { start: (u: string, t: string) => Promise<string> }).start(url, t),
          [platform.urls.gateway, token] as const,
        );
        expect(connectionId).toBeTruthy();
        const sent = await publisherFor(platform).publishToTopic(topicMessage(TOPIC));
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { received: string[] }).received), {
            timeout: 60_000,
          })
          .toContain(sent.messageId); // after the topic history (earlier messages of this file)
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );

  it('npx wspush --version and npx wspush publish topic … --dry-run run from the installed package', async () => {
    const [versionRun, dryRun] = await Promise.all([
      inScratch('npx', ['--no-install', 'wspush', '--version']),
      inScratch('npx', [
        '--no-install',
        'wspush',
        'publish',
        'topic',
        '--realm',
        'acme',
        '--topic',
        TOPIC,
        '--payload',
        JSON.stringify(PAYLOAD),
        '--dry-run',
      ]),
    ]);
    expectSuccess(versionRun, 'npx wspush --version');
    expect(versionRun.stdout.trim()).toBe(version);
    expectSuccess(dryRun, 'npx wspush publish topic --dry-run');
    expect(JSON.parse(dryRun.stdout)).toMatchObject({
      dryRun: true,
      valid: true,
      envelope: { realm: 'acme', topic: TOPIC, payload: PAYLOAD },
    });
  });
});
