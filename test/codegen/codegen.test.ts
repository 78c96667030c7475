// The code generator as a whole: deterministic output, the --check mode, readable failures on invalid
// contracts and on wrong extensions, snapshots of a small fixture, and generated tables that equal what the
// contract says (read independently with the `yaml` package).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ContractError } from '../../codegen/contract.js';
import { generate } from '../../codegen/generate.js';
import {
  closeCodes,
  errorCodes,
  functionTable,
  type KafkaChannelName,
  kafkaChannels,
  limits,
  routeKeys,
  routeTable,
  topicFamilies,
  topicNames,
  topicRegistry,
  userMessageRegistry,
  userMessageTypes,
} from '../../generated/index.js';
import { topicExample } from '../support/contract-picks.js';
import { deref, get, isMap, type Json, type JsonMap, readContract } from './contract-yaml.js';
import { ROOT, runCli } from './run-cli.js';

const CONTRACT = path.join(ROOT, 'asyncapi.yaml');
const SMALL = path.join(ROOT, 'test', 'fixtures', 'contracts', 'small.yaml');
const INVALID = path.join(ROOT, 'test', 'fixtures', 'contracts', 'invalid.yaml');
const HEADER = '// Code generated from asyncapi.yaml. DO NOT EDIT.\n';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'codegen-test-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function readDir(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of (await readdir(dir)).sort()) out.set(name, await readFile(path.join(dir, name), 'utf8'));
  return out;
}

// Each CLI run parses the contract (about a second of CPU, much more on a busy machine): allow for that.
const CLI_TIMEOUT = 240_000;

describe('codegen CLI', () => {
  const fresh = (): string => path.join(work, 'a');

  it(
    'is deterministic: two runs into temp dirs are byte-identical and equal the checked-in generated/',
    async () => {
      const a = fresh();
      const b = path.join(work, 'b');
      const [ra, rb] = await Promise.all([
        runCli('codegen/main.ts', ['--out', a]),
        runCli('codegen/main.ts', ['--out', b]),
      ]);
      expect(ra.code, ra.stderr).toBe(0);
      expect(rb.code, rb.stderr).toBe(0);
      const filesA = await readDir(a);
      const filesB = await readDir(b);
      expect([...filesA.keys()]).toEqual([
        'codes.ts',
        'envelope-validation.ts',
        'envelope-validators.d.ts',
        'envelope-validators.js',
        'field-errors.ts',
        'index.ts',
        'kafka.ts',
        'models.ts',
        'patterns.ts',
        'payload-validation.ts',
        'payload-validators.d.ts',
        'payload-validators.js',
        'routes.ts',
        'topics.ts',
        'user-messages.ts',
        'validation.ts',
        'validators.d.ts',
        'validators.js',
      ]);
      expect(filesB).toEqual(filesA);
      const checkedIn = await readDir(path.join(ROOT, 'generated'));
      expect(checkedIn, 'generated/ is stale: run npm run codegen').toEqual(filesA);
      for (const [name, content] of filesA) expect(content.startsWith(HEADER), name).toBe(true);
      // No absolute paths of this machine leak into the output.
      for (const [name, content] of filesA) expect(content.includes(ROOT), name).toBe(false);
    },
    CLI_TIMEOUT,
  );

  it(
    '--check passes on fresh output and lists differing, missing and extra files otherwise',
    async () => {
      const dir = path.join(work, 'check');
      await cp(fresh(), dir, { recursive: true });
      const ok = await runCli('codegen/main.ts', ['--check', '--out', dir]);
      expect(ok.code, ok.stderr).toBe(0);
      expect(ok.stdout).toContain('is up to date');

      await writeFile(path.join(dir, 'routes.ts'), '// edited by hand\n');
      await unlink(path.join(dir, 'codes.ts'));
      await writeFile(path.join(dir, 'stray.ts'), 'export {};\n');
      const bad = await runCli('codegen/main.ts', ['--check', '--out', dir]);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/differs: .*routes\.ts/);
      expect(bad.stderr).toMatch(/missing: .*codes\.ts/);
      expect(bad.stderr).toMatch(/extra: .*stray\.ts/);
      expect(bad.stderr).toContain('Run `npm run codegen`');

      // A normal run repairs the directory, removing files the contract no longer produces.
      expect((await runCli('codegen/main.ts', ['--out', dir])).code).toBe(0);
      expect(await readDir(dir)).toEqual(await readDir(fresh()));
    },
    CLI_TIMEOUT,
  );

  it(
    'fails on an invalid contract with file, line, path and message',
    async () => {
      const out = path.join(work, 'invalid');
      const result = await runCli('codegen/main.ts', ['--contract', INVALID, '--out', out]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/invalid\.yaml:3 error at info: .*version/);
      expect(result.stderr).toMatch(/invalid\.yaml:7 error at channels\.news\.address: .*string/);
      await expect(readdir(out)).rejects.toThrow();
    },
    CLI_TIMEOUT,
  );
});

// In-process runs still parse a contract each (seconds on a busy machine).
describe('extension checks', { timeout: 120_000 }, () => {
  const small = readContract(SMALL);

  async function problemsOf(mutate: (doc: JsonMap) => void): Promise<string> {
    const doc = structuredClone(small);
    mutate(doc);
    const file = path.join(work, `variant-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, stringify(doc));
    try {
      await generate(file);
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      const diagnostics = (error as ContractError).diagnostics;
      for (const d of diagnostics) expect(d.line, `${d.path}: ${d.message} has no line`).toBeGreaterThan(0);
      return diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n');
    }
    throw new Error('expected codegen to fail');
  }

  const at = (doc: JsonMap, ...keys: string[]): JsonMap => {
    const node = get(doc, ...keys);
    if (!isMap(node)) throw new Error(`no ${keys.join('.')}`);
    return node;
  };

  it('the small fixture itself generates', async () => {
    const { files } = await generate(SMALL);
    expect(files.size).toBe(18);
  });

  it('rejects an example that does not match its schema, at the example location', async () => {
    const problems = await problemsOf((doc) => {
      const examples = at(doc, 'components', 'messages', 'NewsItem').examples as JsonMap[];
      examples.push({ name: 'tooUrgent', payload: { headline: 'x', priority: 9, extra: 1 } });
      at(doc, 'components', 'schemas', 'ReminderPayload').examples = [{ text: 'hi' }];
    });
    expect(problems).toMatch(
      /components\.messages\.NewsItem\.examples\.1\.payload: example "tooUrgent" of message "newsItem" does not match its schema: at is required; extra is not in the schema; priority must be <= 5/,
    );
    expect(problems).toMatch(/components\.schemas\.ReminderPayload\.examples\.0: .*tone is required/);
  });

  it('rejects a topic without x-topic.access', async () => {
    const problems = await problemsOf((doc) => {
      delete at(doc, 'channels', 'news', 'x-topic').access;
    });
    expect(problems).toMatch(/channels\.news\.x-topic: x-topic\.access is required/);
  });

  it('rejects an unknown offline policy', async () => {
    const problems = await problemsOf((doc) => {
      at(doc, 'channels', 'news', 'x-topic', 'offline').policy = 'keep';
    });
    expect(problems).toContain('x-topic.offline.policy must be "drop" or "history"');
  });

  it('rejects x-topic.partitions outside 1..64', async () => {
    for (const partitions of [0, 65, 2.5, 'four']) {
      const problems = await problemsOf((doc) => {
        at(doc, 'channels', 'news', 'x-topic').partitions = partitions;
      });
      expect(problems).toContain('x-topic.partitions must be an integer between 1 and 64 (default 1)');
    }
  });

  it('rejects an expectedAudience that is not a positive integer, and one stated with partitions', async () => {
    for (const expectedAudience of [0, -5, 2.5, 'many']) {
      const problems = await problemsOf((doc) => {
        at(doc, 'channels', 'news', 'x-topic').expectedAudience = expectedAudience;
      });
      expect(problems).toContain('x-topic.expectedAudience must be a positive integer (subscribers)');
    }
    const problems = await problemsOf((doc) => {
      Object.assign(at(doc, 'channels', 'news', 'x-topic'), { partitions: 2, expectedAudience: 1000 });
    });
    expect(problems).toContain('x-topic states partitions or expectedAudience, not both');
  });

  it('partitions follow from expectedAudience (30,000 a key, at most 64), else 8 for a fixed open topic', async () => {
    const partitionsWith = async (xTopic: JsonMap): Promise<string | undefined> => {
      const doc = structuredClone(small);
      Object.assign(at(doc, 'channels', 'news', 'x-topic'), xTopic);
      const file = path.join(work, `variant-${Math.random().toString(36).slice(2)}.yaml`);
      await writeFile(file, stringify(doc));
      const { files } = await generate(file);
      return /partitions: (\d+),/.exec(files.get('topics.ts') ?? '')?.[1];
    };
    // news needs role `reader`: not open, 1 unless stated.
    expect(await partitionsWith({})).toBe('1');
    expect(await partitionsWith({ expectedAudience: 30_000 })).toBe('1');
    expect(await partitionsWith({ expectedAudience: 30_001 })).toBe('2');
    expect(await partitionsWith({ expectedAudience: 100_000_000 })).toBe('64');
    expect(await partitionsWith({ access: { roles: [] } })).toBe('8');
    expect(await partitionsWith({ access: { roles: [] }, partitions: 3 })).toBe('3');
  });

  it('rejects a user message without retentionDays', async () => {
    const problems = await problemsOf((doc) => {
      delete at(doc, 'components', 'messages', 'Reminder', 'x-user-message').retentionDays;
    });
    expect(problems).toMatch(/components\.messages\.Reminder\.x-user-message: .*retentionDays is required/);
  });

  it('rejects an error code missing from the enums, and an enum value missing from x-error-codes', async () => {
    const problems = await problemsOf((doc) => {
      at(doc, 'x-error-codes').NEW_CODE = { retryable: true, description: 'new' };
      at(doc, 'components', 'schemas', 'TopicRejectionCode').enum = ['NO_SUCH_TOPIC', 'FORBIDDEN'];
    });
    expect(problems).toContain('error code NEW_CODE is in x-error-codes but in none of the enums');
    expect(problems).toContain('error code FORBIDDEN is in an enum');
  });

  it('rejects an x-route that differs from the action constant', async () => {
    const problems = await problemsOf((doc) => {
      at(doc, 'operations', 'echo')['x-route'] = 'shout';
    });
    expect(problems).toContain('x-route "shout" differs from the action const "echo"');
  });

  it('rejects a handler whose channel is neither SNS, SQS nor Kafka', async () => {
    const problems = await problemsOf((doc) => {
      at(doc, 'channels', 'publish-topic').servers = [{ $ref: '#/servers/local' }];
    });
    expect(problems).toContain('must be served only by an sns, an sqs or a kafka server');
  });

  /** The same checks on the real contract (the small fixture has no Kafka channel). */
  async function kafkaProblemsOf(mutate: (doc: JsonMap) => void): Promise<string> {
    const doc = readContract(path.join(ROOT, 'asyncapi.yaml'));
    mutate(doc);
    const file = path.join(work, `kafka-${Math.random().toString(36).slice(2)}.yaml`);
    await writeFile(file, stringify(doc));
    try {
      await generate(file);
    } catch (error) {
      expect(error).toBeInstanceOf(ContractError);
      return (error as ContractError).diagnostics.map((d) => `${d.path}: ${d.message}`).join('\n');
    }
    throw new Error('the contract was accepted');
  }

  it('rejects a Kafka record key naming a field the envelope does not have', async () => {
    const problems = await kafkaProblemsOf((doc) => {
      at(doc, 'components', 'schemas', 'KafkaUserKey')['x-template'] = '{realm}#{user}';
    });
    expect(problems).toContain('x-template names user, not a required string field of the envelope');
  });

  it('rejects a Kafka header without the envelope field it carries, and a consumer group without a name', async () => {
    const problems = await kafkaProblemsOf((doc) => {
      delete at(doc, 'components', 'messages', 'UserRecord', 'headers', 'properties', 'wspush-message-type')[
        'x-envelope-field'
      ];
      delete at(doc, 'operations', 'routeBroadcastRecords', 'bindings', 'kafka', 'groupId')['x-name'];
    });
    expect(problems).toContain('header "wspush-message-type" needs x-envelope-field');
    expect(problems).toContain('bindings.kafka.groupId needs x-name');
  });

  it('rejects incomplete x-limits and malformed x-close-codes', async () => {
    const problems = await problemsOf((doc) => {
      delete at(doc, 'x-limits').frameBytes;
      (doc['x-close-codes'] as Json[]).push({
        from: 4050,
        to: 4060,
        retryable: true,
        name: 'OVERLAP',
        description: 'x',
      });
    });
    expect(problems).toContain('x-limits.frameBytes must be a positive integer');
    expect(problems).toContain('overlaps APP_RETRYABLE');
  });

  it('fails instead of emitting AnonymousSchema_N for an untitled enum', async () => {
    const problems = await problemsOf((doc) => {
      delete at(doc, 'components', 'schemas', 'ReminderPayload', 'properties', 'tone').title;
    });
    expect(problems).toMatch(
      /components\.schemas\.ReminderPayload\.properties\.tone: .*AnonymousSchema_\d+.*title/,
    );
  });
});

describe('snapshot of the small fixture', { timeout: 120_000 }, async () => {
  const { files } = await generate(SMALL);
  // `.snap` so tsc and biome leave the copies alone; the validator .js files are checked by shape below, since their text
  // follows the ajv and esbuild versions rather than our code.
  it.each([...files.keys()].filter((name) => !name.endsWith('.js')))('%s', async (name) => {
    await expect(files.get(name)).toMatchFileSnapshot(path.join('__snapshots__', 'small', `${name}.snap`));
  });

  it('typechecks under the repository settings (strict, NodeNext, verbatimModuleSyntax)', async () => {
    const dir = path.join(work, 'small-typecheck');
    await mkdir(dir, { recursive: true });
    for (const [name, content] of files) await writeFile(path.join(dir, name), content);
    // As in the repository: an ES module package.
    await writeFile(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    const program = ts.createProgram([path.join(dir, 'index.ts')], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      lib: ['lib.es2023.d.ts'],
      strict: true,
      noUncheckedIndexedAccess: true,
      verbatimModuleSyntax: true,
      isolatedModules: true,
      noEmit: true,
      skipLibCheck: true,
      types: [],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  });

  it('each validator module is one self-contained ESM module; validators.js re-exports the others', () => {
    const exportedBy = (name: string): string[] => {
      const js = files.get(name) ?? '';
      expect(js.startsWith('// Code generated from small.yaml. DO NOT EDIT.\n'), name).toBe(true);
      expect(js, name).not.toMatch(/\bimport\s|typeof require|__require\s*=/);
      const exported = /export\s*\{([^}]*)\}/.exec(js)?.[1] ?? '';
      return exported
        .split(',')
        .map(
          (s) =>
            s
              .trim()
              .split(/\s+as\s+/)
              .pop() ?? '',
        )
        .filter((s) => s !== '')
        .sort();
    };
    expect(exportedBy('payload-validators.js')).toEqual(['validateNewsPayload', 'validateReminderPayload']);
    expect(exportedBy('envelope-validators.js')).toEqual(['validateEnvelope']);
    expect(exportedBy('validators.js')).toEqual(['validateEchoAction', 'validateEchoedFrame']);
    expect(files.get('validators.js')).toMatch(
      /export \* from '\.\/payload-validators\.js';\nexport \* from '\.\/envelope-validators\.js';\n$/,
    );
  });
});

describe('generated tables equal the contract', () => {
  const contract = readContract(CONTRACT);
  const operations = Object.entries(get(contract, 'operations') as JsonMap);

  it('route table: keys, handlers, reply, authorizer and action schema', () => {
    const routed = operations.filter(([, op]) => isMap(op) && op['x-route'] !== undefined);
    expect(routeKeys).toEqual(routed.map(([, op]) => get(op, 'x-route')));
    expect(Object.keys(routeTable).sort()).toEqual([...routeKeys].sort());
    for (const [id, op] of routed) {
      const key = get(op, 'x-route') as (typeof routeKeys)[number];
      const route = routeTable[key];
      expect(route.operationId).toBe(id);
      if (get(op, 'x-integration') === 'mock') {
        // API Gateway handles it: no handler; two-way with the one reply message, or one-way without a reply.
        expect(route.integration).toBe('mock');
        expect(get(op, 'x-handler')).toBeUndefined();
        const replies = get(op, 'reply', 'messages') as Json[] | undefined;
        expect(route.twoWay).toBe(replies !== undefined);
        if (replies === undefined) {
          expect(route.integration === 'mock' && route.replySchema).toBeUndefined();
        } else {
          expect(replies).toHaveLength(1);
          const reply = deref(contract, replies[0]);
          expect(route.integration === 'mock' && route.replySchema).toBe(
            get(deref(contract, get(reply, 'payload')), 'title'),
          );
        }
      } else {
        if (route.integration !== 'lambda') throw new Error(`${key} should invoke a function`);
        expect(route.handler).toBe(get(op, 'x-handler'));
        // A reply the handler posts itself (`x-reply: posted`) gets no API Gateway route response.
        const posted = get(op, 'x-reply') === 'posted';
        expect(route.twoWay).toBe(get(op, 'reply') !== undefined && !posted);
        expect(route.repliesByPost === true).toBe(posted);
        expect(route.authorizer).toBe(get(op, 'x-authorizer'));
      }
      const message = deref(contract, (get(op, 'messages') as Json[])[0]);
      const payload = deref(contract, get(message, 'payload'));
      const action = get(deref(contract, get(payload, 'properties', 'action')), 'const');
      expect(route.actionSchema).toBe(action === undefined ? undefined : get(payload, 'title'));
    }
  });

  it('function table: the authorizer plus one function per x-handler, with its trigger', () => {
    const handlers = operations.filter(([, op]) => isMap(op) && op['x-handler'] !== undefined);
    const authorizers = operations.map(([, op]) => get(op, 'x-authorizer')).filter((a) => a !== undefined);
    expect(functionTable.map((f) => f.handler).sort()).toEqual(
      [...new Set([...authorizers, ...handlers.map(([, op]) => get(op, 'x-handler'))])].sort(),
    );
    for (const [, op] of handlers) {
      const fn = functionTable.find((f) => f.handler === get(op, 'x-handler'));
      const route = get(op, 'x-route');
      if (route !== undefined) {
        expect(fn?.trigger).toEqual({ kind: 'websocket', routeKey: route });
        continue;
      }
      const ref = get(op, 'channel', '$ref') as string;
      const channelId = ref.split('/').pop() ?? '';
      const channel = get(contract, 'channels', channelId);
      const address = get(channel, 'address') as string;
      const server = deref(contract, (get(channel, 'servers') as Json[])[0]);
      if (get(server, 'protocol') === 'kafka') {
        // One function for every Kafka channel of its operations (one mapping per topic).
        const channels = handlers
          .filter(([, o]) => get(o, 'x-handler') === get(op, 'x-handler'))
          .map(([, o]) => (get(o, 'channel', '$ref') as string).split('/').pop());
        expect(fn?.trigger).toEqual({ kind: 'kafka', channels });
        expect(kafkaChannels[channelId as KafkaChannelName].suffix).toBe(address.replace('{prefix}', ''));
        continue;
      }
      expect(fn?.trigger).toEqual({
        kind: get(server, 'protocol'),
        channel: channelId,
        suffix: address.replace('{prefix}', ''),
      });
    }
    expect(functionTable[0]).toEqual({
      handler: 'authorizer',
      trigger: { kind: 'authorizer', routeKey: '$connect' },
    });
  });

  it('topic registry: every channel with x-topic, its access, offline policy and payload schema', () => {
    const channels = Object.entries(get(contract, 'channels') as JsonMap).filter(
      ([, c]) => get(c, 'x-topic') !== undefined,
    );
    expect(topicFamilies).toEqual(channels.map(([, c]) => get(c, 'address')));
    expect(topicNames).toEqual(topicFamilies.filter((f) => !f.includes('{')));
    for (const [, channel] of channels) {
      const name = get(channel, 'address') as (typeof topicFamilies)[number];
      const topic = topicRegistry[name];
      expect(topic.name).toBe(name);
      expect(topic.access).toEqual(get(channel, 'x-topic', 'access'));
      expect(topic.filter).toBe(name.replace(/\{[^}]+\}/g, '*'));
      for (const segment of topic.segments) {
        if (!('param' in segment)) continue;
        expect(segment.schema).toBe(get(channel, 'parameters', segment.param, 'x-schema', 'title'));
      }
      expect(topic.offline).toEqual(get(channel, 'x-topic', 'offline'));
      const audience = get(channel, 'x-topic', 'expectedAudience');
      const open = topic.access.roles.length === 0 && !('owner' in topic.access) && !name.includes('{');
      expect(topic.partitions).toBe(
        get(channel, 'x-topic', 'partitions') ??
          (typeof audience === 'number' ? Math.min(64, Math.ceil(audience / 30_000)) : open ? 8 : 1),
      );
      const message = deref(contract, Object.values(get(channel, 'messages') as JsonMap)[0]);
      expect(topic.payloadSchema).toBe(get(deref(contract, get(message, 'payload')), 'title'));
    }
    for (const family of topicFamilies) {
      expect(topicRegistry[family].validate(topicExample(family)).ok).toBe(true);
      expect(topicRegistry[family].validate({ notInAnySchema: true }).ok).toBe(false);
    }
  });

  it('user message registry: every message with x-user-message', () => {
    const messages = Object.values(get(contract, 'components', 'messages') as JsonMap).filter(
      (m) => get(m, 'x-user-message') !== undefined,
    );
    expect([...userMessageTypes]).toEqual(messages.map((m) => get(m, 'x-user-message', 'type')));
    for (const m of messages) {
      const type = get(m, 'x-user-message', 'type') as (typeof userMessageTypes)[number];
      expect(userMessageRegistry[type].retentionDays).toBe(get(m, 'x-user-message', 'retentionDays'));
      expect(userMessageRegistry[type].payloadSchema).toBe(get(deref(contract, get(m, 'payload')), 'title'));
    }
  });

  it('codes and limits', () => {
    expect(errorCodes).toEqual(get(contract, 'x-error-codes'));
    expect(closeCodes).toEqual(get(contract, 'x-close-codes'));
    expect(limits).toEqual({
      ...(get(contract, 'x-limits') as JsonMap),
      // Stated on the connect query of the socket channel, not in x-limits.
      topicsQueryMaxLength: get(
        contract,
        'channels',
        'socket',
        'bindings',
        'ws',
        'query',
        'properties',
        'topics',
        'maxLength',
      ),
    });
  });
});
