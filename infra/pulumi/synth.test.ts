/**
 * `npm run infra:synth -- --stack <name>` in a child process (its own Pulumi runtime), as a reviewer runs it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { functionTable, routeKeys } from '../../generated/index.js';

const run = promisify(execFile);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const TSX = resolve(ROOT, 'node_modules/.bin/tsx');
const SYNTH = resolve(HERE, 'synth.ts');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function synth(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await run(TSX, [SYNTH, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 170_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

describe('infra:synth', () => {
  const tempDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
  });

  it('prints the dev resource graph as JSON with types, names, properties and dependencies', async () => {
    const result = await synth(['--stack', 'dev']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const graph = JSON.parse(result.stdout) as {
      stack: string;
      resources: Array<{
        type: string;
        name: string;
        properties: Record<string, unknown>;
        dependsOn: string[];
      }>;
      outputs: Record<string, unknown>;
    };
    expect(graph.stack).toBe('dev');
    const routes = graph.resources.filter((r) => r.type === 'aws:apigatewayv2/route:Route');
    expect(routes.map((r) => r.properties.routeKey).sort()).toEqual([...routeKeys].sort());
    const functions = graph.resources.filter((r) => r.type === 'aws:lambda/function:Function');
    // The dev stack does not enable Kafka: every function but the Kafka router.
    expect(functions).toHaveLength(functionTable.filter((f) => f.trigger.kind !== 'kafka').length);
    const deployment = graph.resources.find((r) => r.type === 'aws:apigatewayv2/deployment:Deployment');
    expect(deployment?.dependsOn).toEqual(expect.arrayContaining(routes.map((r) => r.name)));
    // JSON documents are printed parsed, so a policy change reads as a diff of statements.
    const policy = graph.resources.find((r) => r.name === 'connect-policy');
    expect(policy?.properties.policy).toMatchObject({ Version: '2012-10-17' });
    expect(graph.outputs.websocketUrl).toMatch(/^wss:\/\//);
  }, 180_000);

  it('fails with a clear message for an unknown stack', async () => {
    const result = await synth(['--stack', 'qa']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Unknown stack "qa"');
    expect(result.stderr).toContain('Known stacks: dev, prod, staging');
  }, 60_000);

  it('fails with a clear message naming a missing config key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wspush-stack-'));
    tempDirs.push(dir);
    const dev = parseYaml(await readFile(resolve(HERE, 'Pulumi.dev.yaml'), 'utf8')) as {
      config: Record<string, unknown>;
    };
    delete dev.config['wspush:stageName'];
    delete dev.config['wspush:jwtAudience'];
    await writeFile(join(dir, 'Pulumi.broken.yaml'), stringifyYaml(dev));
    const result = await synth(['--stack', 'broken'], { WSPUSH_PULUMI_STACK_DIR: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Invalid configuration for stack "broken"');
    expect(result.stderr).toContain('missing required key "wspush:stageName"');
    expect(result.stderr).toContain('missing required key "wspush:jwtAudience"');
  }, 60_000);

  it('prints usage without --stack', async () => {
    const result = await synth([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('usage: npm run infra:synth -- --stack <name>');
  }, 60_000);
});
