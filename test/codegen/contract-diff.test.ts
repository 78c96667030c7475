// The breaking-change gate (`npm run contract:diff`): fixture pairs, one per kind of change, built from the small
// fixture contract and one edit each; the version rules of the gate; and the CLI on the repository's contract.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type ContractChange, compareContracts } from '../../codegen/contract-diff/classify.js';
import { runContractDiff } from '../../codegen/contract-diff/cli.js';
import { judge, parseVersion } from '../../codegen/contract-diff/gate.js';
import { comparePatterns } from '../../codegen/contract-diff/pattern-inclusion.js';
import type { JsonObject, JsonValue } from '../../codegen/json.js';
import { type JsonMap, readContract } from './contract-yaml.js';
import { ROOT, runCli } from './run-cli.js';

const BASE_FILE = path.join(ROOT, 'test/fixtures/contracts/small.yaml');
const base = (): JsonObject => readContract(BASE_FILE) as JsonObject;

type Edit = (doc: JsonMap) => void;

/** The node at `keys` (created objects on the way are not allowed: a typo in a fixture must fail loudly). */
function node(doc: JsonMap, ...keys: string[]): JsonMap {
  let current: JsonValue = doc;
  for (const key of keys) {
    const next: JsonValue | undefined = (current as JsonMap)[key];
    if (typeof next !== 'object' || next === null) throw new Error(`fixture has no ${keys.join('.')}`);
    current = next;
  }
  return current as JsonMap;
}

const family: JsonMap = {
  address: 'jobs.{jobId}',
  servers: [{ $ref: '#/servers/local' }],
  parameters: { jobId: { description: 'job id' } },
  'x-topic': { access: { roles: [] }, offline: { policy: 'drop' } },
  messages: { newsItem: { $ref: '#/components/messages/NewsItem' } },
} as unknown as JsonMap;

interface Case {
  kind: string;
  edit: Edit;
  /** The pointer of the change that decides the case, and its expected severity. */
  pointer: string;
  severity: ContractChange['severity'];
  /** Words the author must see. */
  words: RegExp;
}

const breakingCases: Case[] = [
  {
    kind: 'topic removed',
    edit: (d) => delete node(d, 'channels').news,
    pointer: '/channels/news',
    severity: 'breaking',
    words: /topic `news`: removed/,
  },
  {
    kind: 'topic renamed',
    edit: (d) => {
      node(d, 'channels', 'news').address = 'headlines';
    },
    pointer: '/channels/news/address',
    severity: 'breaking',
    words: /topic `headlines`: address changed from "news" to "headlines"/,
  },
  {
    kind: 'topic family removed',
    edit: (d) => delete node(d, 'channels').jobs,
    pointer: '/channels/jobs',
    severity: 'breaking',
    words: /topic family `jobs\.\{jobId\}`: removed/,
  },
  {
    kind: 'route removed',
    edit: (d) => delete node(d, 'operations', 'echo')['x-route'],
    pointer: '/operations/echo/x-route',
    severity: 'breaking',
    words: /route `echo` removed/,
  },
  {
    kind: 'route renamed',
    edit: (d) => {
      node(d, 'operations', 'echo')['x-route'] = 'say';
    },
    pointer: '/operations/echo/x-route',
    severity: 'breaking',
    words: /route renamed from `echo` to `say`/,
  },
  {
    kind: 'user message type removed',
    edit: (d) => delete node(d, 'components', 'messages', 'Reminder')['x-user-message'],
    pointer: '/components/messages/Reminder/x-user-message',
    severity: 'breaking',
    words: /no longer a user message type/,
  },
  {
    kind: 'user message type renamed',
    edit: (d) => {
      node(d, 'components', 'messages', 'Reminder', 'x-user-message').type = 'nudge';
    },
    pointer: '/components/messages/Reminder/x-user-message/type',
    severity: 'breaking',
    words: /type renamed from `reminder` to `nudge`/,
  },
  {
    kind: 'new required field',
    edit: (d) => {
      const schema = node(d, 'components', 'schemas', 'ReminderPayload');
      node(schema, 'properties').dueAt = { type: 'string' };
      (schema.required as string[]).push('dueAt');
    },
    pointer: '/components/schemas/ReminderPayload/required/dueAt',
    severity: 'breaking',
    words: /schema `ReminderPayload`: field `dueAt` is required now/,
  },
  {
    kind: 'field removed',
    edit: (d) => delete node(d, 'components', 'schemas', 'EchoedFrame', 'properties').code,
    pointer: '/components/schemas/EchoedFrame/properties/code',
    severity: 'breaking',
    words: /field `code` removed/,
  },
  {
    kind: 'enum narrowed',
    edit: (d) => {
      node(d, 'components', 'schemas', 'ReminderPayload', 'properties', 'tone').enum = ['gentle'];
    },
    pointer: '/components/schemas/ReminderPayload/properties/tone/enum/urgent',
    severity: 'breaking',
    words: /field `tone`: enum value `urgent` removed \(narrowed enum\)/,
  },
  {
    kind: 'pattern narrowed',
    edit: (d) => {
      node(d, 'components', 'schemas', 'Envelope', 'properties', 'id').pattern = '^[a-z]+$';
    },
    pointer: '/components/schemas/Envelope/properties/id/pattern',
    severity: 'breaking',
    words:
      /pattern narrowed from `\^\[a-z0-9-\]\+\$` to `\^\[a-z\]\+\$`: for example `.+` matched and is rejected now/,
  },
  {
    kind: 'maxLength tightened',
    edit: (d) => {
      node(d, 'components', 'schemas', 'EchoAction', 'properties', 'text').maxLength = 50;
    },
    pointer: '/components/schemas/EchoAction/properties/text/maxLength',
    severity: 'breaking',
    words: /schema `EchoAction`, field `text`: maxLength lowered from 100 to 50/,
  },
  {
    kind: 'maximum lowered',
    edit: (d) => {
      node(d, 'components', 'schemas', 'NewsPayload', 'properties', 'priority').maximum = 3;
    },
    pointer: '/components/schemas/NewsPayload/properties/priority/maximum',
    severity: 'breaking',
    words: /maximum lowered from 5 to 3/,
  },
  {
    kind: 'close code changed',
    edit: (d) => {
      (d['x-close-codes'] as JsonMap[])[1] = { ...(d['x-close-codes'] as JsonMap[])[1], to: 4049 };
    },
    pointer: '/x-close-codes/APP_RETRYABLE/to',
    severity: 'breaking',
    words: /close code APP_RETRYABLE \(4000–4049\): changed to from 4099 to 4049/,
  },
  {
    kind: 'error code changed',
    edit: (d) => {
      node(d, 'x-error-codes', 'BAD_FRAME').retryable = true;
    },
    pointer: '/x-error-codes/BAD_FRAME/retryable',
    severity: 'breaking',
    words: /error code `BAD_FRAME`: changed retryable from false to true/,
  },
  {
    kind: 'error code removed',
    edit: (d) => {
      delete node(d, 'x-error-codes').NO_SUCH_TOPIC;
      node(d, 'components', 'schemas', 'TopicRejectionCode').enum = ['OTHER'];
    },
    pointer: '/x-error-codes/NO_SUCH_TOPIC',
    severity: 'breaking',
    words: /error code removed/,
  },
  {
    kind: 'limit lowered',
    edit: (d) => {
      node(d, 'x-limits').maxTopicsPerConnection = 4;
    },
    pointer: '/x-limits/maxTopicsPerConnection',
    severity: 'breaking',
    words: /limit `maxTopicsPerConnection`: lowered from 5 to 4/,
  },
  {
    kind: 'role required on an open topic',
    edit: (d) => {
      node(d, 'channels', 'jobs', 'x-topic', 'access').roles = ['ops'];
    },
    pointer: '/channels/jobs/x-topic/access/roles/ops',
    severity: 'breaking',
    words: /role `ops` required now/,
  },
];

const safeCases: Case[] = [
  {
    kind: 'topic added',
    edit: (d) => {
      node(d, 'channels').alerts = { ...node(d, 'channels', 'news'), address: 'alerts' };
    },
    pointer: '/channels/alerts',
    severity: 'non-breaking',
    words: /topic `alerts`/,
  },
  {
    kind: 'route added',
    edit: (d) => {
      node(d, 'operations').shout = { ...node(d, 'operations', 'echo'), 'x-route': 'shout' };
    },
    pointer: '/operations/shout',
    severity: 'non-breaking',
    words: /route `shout`/,
  },
  {
    kind: 'optional field added',
    edit: (d) => {
      node(d, 'components', 'schemas', 'ReminderPayload', 'properties').note = { type: 'string' };
    },
    pointer: '/components/schemas/ReminderPayload/properties/note',
    severity: 'non-breaking',
    words: /field `note` added/,
  },
  {
    kind: 'enum value added',
    edit: (d) => {
      node(d, 'components', 'schemas', 'ReminderPayload', 'properties', 'tone').enum = [
        'gentle',
        'calm',
        'urgent',
      ];
    },
    pointer: '/components/schemas/ReminderPayload/properties/tone/enum/calm',
    severity: 'non-breaking',
    words: /enum value `calm` added/,
  },
  {
    kind: 'pattern widened',
    edit: (d) => {
      node(d, 'components', 'schemas', 'Envelope', 'properties', 'id').pattern = '^[a-z0-9._-]+$';
    },
    pointer: '/components/schemas/Envelope/properties/id/pattern',
    severity: 'non-breaking',
    words: /pattern widened/,
  },
  {
    kind: 'maxLength raised',
    edit: (d) => {
      node(d, 'components', 'schemas', 'EchoAction', 'properties', 'text').maxLength = 200;
    },
    pointer: '/components/schemas/EchoAction/properties/text/maxLength',
    severity: 'non-breaking',
    words: /maxLength raised from 100 to 200/,
  },
  {
    kind: 'error code added',
    edit: (d) => {
      node(d, 'x-error-codes').SLOW_DOWN = { retryable: true, description: 'Slow down.' };
    },
    pointer: '/x-error-codes/SLOW_DOWN',
    severity: 'non-breaking',
    words: /error code added/,
  },
  {
    kind: 'close code added',
    edit: (d) => {
      (d['x-close-codes'] as JsonValue[]).push({
        from: 4400,
        to: 4499,
        retryable: false,
        name: 'APP_TERMINAL',
        description: 'Stop.',
      });
    },
    pointer: '/x-close-codes/APP_TERMINAL',
    severity: 'non-breaking',
    words: /close code added/,
  },
  {
    kind: 'description reworded',
    edit: (d) => {
      node(d, 'channels', 'news').description = 'News of the realm.';
    },
    pointer: '/channels/news/description',
    severity: 'editorial',
    words: /text changed/,
  },
  {
    kind: 'internal schema (x-internal) narrowed',
    edit: (d) => {
      const schema = node(d, 'components', 'schemas', 'EchoAction');
      schema['x-internal'] = true;
      node(schema, 'properties', 'text').maxLength = 99;
    },
    pointer: '/components/schemas/EchoAction/properties/text/maxLength',
    severity: 'non-breaking',
    words: /internal schema/,
  },
  {
    kind: 'schema marked internal (said loudly: its later changes are not gated)',
    edit: (d) => {
      node(d, 'components', 'schemas', 'EchoAction')['x-internal'] = true;
    },
    pointer: '/components/schemas/EchoAction/x-internal',
    severity: 'non-breaking',
    words: /EchoAction marked internal.*not gated/,
  },
];

function withFamily(doc: JsonObject): JsonObject {
  (doc.channels as JsonMap).jobs = structuredClone(family);
  return doc;
}

function changesOf(edit: Edit): ContractChange[] {
  const before = withFamily(base());
  const after = withFamily(base());
  edit(after as JsonMap);
  return compareContracts(before, after);
}

describe('contract:diff classifier (one fixture pair per kind)', () => {
  it.each(breakingCases.map((c) => [c.kind, c] as const))('%s is breaking', (_kind, c) => {
    const changes = changesOf(c.edit);
    const decisive = changes.find((x) => x.pointer === c.pointer);
    expect(decisive, JSON.stringify(changes, null, 2)).toBeDefined();
    expect(decisive?.severity).toBe('breaking');
    expect(`${decisive?.subject}: ${decisive?.what}`).toMatch(c.words);
  });

  it.each(safeCases.map((c) => [c.kind, c] as const))('%s is not breaking', (_kind, c) => {
    const changes = changesOf(c.edit);
    const decisive = changes.find((x) => x.pointer === c.pointer);
    expect(decisive, JSON.stringify(changes, null, 2)).toBeDefined();
    expect(decisive?.severity).toBe(c.severity);
    expect(`${decisive?.subject}: ${decisive?.what}`).toMatch(c.words);
    expect(changes.filter((x) => x.severity === 'breaking')).toEqual([]);
  });

  it('reads an inserted enum value as one addition, not as every later value edited', () => {
    const changes = changesOf((d) => {
      node(d, 'components', 'schemas', 'ErrorCode').enum = ['AAA', 'BAD_FRAME'];
    });
    expect(changes.map((c) => [c.pointer, c.severity])).toEqual([
      ['/components/schemas/ErrorCode/enum/AAA', 'non-breaking'],
    ]);
  });

  it('judges a $ref swap by the two referenced schemas', () => {
    const changes = changesOf((d) => {
      node(d, 'components', 'schemas').ShortText = { title: 'ShortText', type: 'string', maxLength: 10 };
      node(d, 'components', 'schemas', 'EchoedFrame', 'properties').text = {
        $ref: '#/components/schemas/ShortText',
      };
    });
    const swap = changes.filter((c) => c.pointer.startsWith('/components/schemas/EchoedFrame'));
    expect(swap.length).toBeGreaterThan(0);
    expect(swap.every((c) => c.what.includes('refers to `ShortText`'))).toBe(true);
    expect(changes.find((c) => c.pointer.endsWith('/text/maxLength'))?.severity).toBe('breaking');
  });

  it('compares patterns as languages, and counts what it cannot model as narrowed', () => {
    expect(comparePatterns('^[a-z]{1,5}$', '^[a-z]{1,6}$').kind).toBe('wider-or-equal');
    expect(comparePatterns('^[a-z]{1,6}$', '^[a-z]{1,5}$')).toEqual({ kind: 'narrower', example: 'aaaaaa' });
    expect(comparePatterns('a', '^a$').kind).toBe('narrower');
    expect(comparePatterns('^a(?=b)', '^a').kind).toBe('unproven');
  });
});

describe('contract:diff on partition counts (derived as codegen derives them)', () => {
  /** `news` in both documents set up by `setUp`, then changed by `edit` in the head. */
  function partitionChange(setUp: Edit, edit: Edit): ContractChange[] {
    const before = withFamily(base());
    const after = withFamily(base());
    setUp(before as JsonMap);
    setUp(after as JsonMap);
    edit(after as JsonMap);
    return compareContracts(before, after).filter((c) => c.pointer.startsWith('/channels/news/x-topic/'));
  }
  const topic = (d: JsonMap): JsonMap => node(d, 'channels', 'news', 'x-topic');
  const open: Edit = (d) => {
    node(d, 'channels', 'news', 'x-topic', 'access').roles = [];
  };

  it('raising the count is not breaking', () => {
    const changes = partitionChange(
      (d) => {
        topic(d).partitions = 4;
      },
      (d) => {
        delete topic(d).partitions;
        topic(d).expectedAudience = 1_000_000;
      },
    );
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.severity === 'breaking')).toEqual([]);
  });

  it('lowering a stated count is breaking, in words', () => {
    const [change, ...others] = partitionChange(
      (d) => {
        topic(d).partitions = 4;
      },
      (d) => {
        topic(d).partitions = 2;
      },
    );
    expect(others).toEqual([]);
    expect(change?.severity).toBe('breaking');
    expect(change?.what).toMatch(/partition keys lowered from 4 to 2: connections .* miss broadcasts/);
  });

  it("stating an audience below an open topic's default is breaking (8 keys by default, 1 for 30,000)", () => {
    const [change] = partitionChange(open, (d) => {
      topic(d).expectedAudience = 30_000;
    });
    expect(change?.severity).toBe('breaking');
    expect(change?.what).toMatch(/lowered from 8 to 1/);
  });
});

describe('contract:diff version rules', () => {
  const v = (text: string) => parseVersion(text) ?? expect.fail(`bad version ${text}`);
  const breakingChange = changesOf(breakingCases[0]?.edit ?? (() => {}));
  const addition = changesOf(safeCases[0]?.edit ?? (() => {}));
  const gate = (changes: ContractChange[], from: string, to: string, recording = false) =>
    judge({ changes, base: v(from), head: v(to), baseIsRecordedRelease: true, recording });

  it('fails a breaking change without a new major, saying what to do', () => {
    const verdict = gate(breakingChange, '1.0.0', '1.4.0');
    expect(verdict.ok).toBe(false);
    expect(verdict.failures.join('\n')).toMatch(
      /set info\.version to 2\.0\.0 and run `npm run contract:diff -- --record`/,
    );
  });

  it('passes a breaking change with a new major once it is recorded', () => {
    expect(gate(breakingChange, '1.0.0', '2.0.0').failures.join('\n')).toMatch(/record this contract/);
    expect(gate(breakingChange, '1.0.0', '2.0.0', true).ok).toBe(true);
  });

  it('wants a version bump for additions, recorded, and none for editorial changes', () => {
    expect(gate(addition, '1.0.0', '1.0.0').failures.join('\n')).toMatch(/bump the minor/);
    expect(gate(addition, '1.0.0', '1.1.0').failures.join('\n')).toMatch(/record this contract/);
    expect(gate(addition, '1.0.0', '1.1.0', true).ok).toBe(true);
    const editorialOnly = addition.map((c) => ({ ...c, severity: 'editorial' as const }));
    expect(gate(editorialOnly, '1.0.0', '1.0.0').ok).toBe(true);
  });
});

/** Runs the gate in this process (spawning tsx costs seconds on a loaded machine) and collects its output. */
async function gateRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await runContractDiff(args, { log: (l) => stdout.push(l), error: (l) => stderr.push(l) });
  return { code, stdout: stdout.join('\n'), stderr: stderr.join('\n') };
}

describe('npm run contract:diff', () => {
  it('passes on the repository contract against the recorded release (the entry point CI runs)', async () => {
    const run = await runCli('codegen/contract-diff/main.ts', [], 180_000);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/contract:diff passed/);
    expect(run.code).toBe(0);
  }, 200_000);

  it('fails a tightened maxLength without a major bump, naming the path and the fix; records a new major', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'contract-diff-'));
    const released = path.join(dir, 'released.yaml');
    const contract = path.join(dir, 'asyncapi.yaml');
    writeFileSync(released, readFileSync(BASE_FILE, 'utf8'));
    const tightened = base();
    node(tightened as JsonMap, 'components', 'schemas', 'EchoAction', 'properties', 'text').maxLength = 99;
    (tightened.info as JsonMap).version = '0.1.0';
    writeFileSync(contract, stringify(tightened));
    const run = await gateRun(['--contract', contract, '--released', released]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/BREAKING .*\/components\/schemas\/EchoAction\/properties\/text\/maxLength/);
    expect(run.stdout).toMatch(/schema `EchoAction`, field `text`: maxLength lowered from 100 to 99/);
    expect(run.stderr).toMatch(/major is still 0/);

    (tightened.info as JsonMap).version = '1.0.0';
    writeFileSync(contract, stringify(tightened));
    const unrecorded = await gateRun(['--contract', contract, '--released', released]);
    expect(unrecorded.code).toBe(1);
    expect(unrecorded.stderr).toMatch(/record this contract as the released baseline/);
    expect((await gateRun(['--contract', contract, '--released', released, '--record'])).code).toBe(0);
    expect(readFileSync(released, 'utf8')).toContain('maxLength: 99');
    expect((await gateRun(['--contract', contract, '--released', released])).code).toBe(0);
  });

  it('catches the removal of an addition once the minor release that added it is recorded', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'contract-diff-'));
    const released = path.join(dir, 'released.yaml');
    const contract = path.join(dir, 'asyncapi.yaml');
    const original = base();
    writeFileSync(released, stringify(original));
    const added = base();
    node(added as JsonMap, 'components', 'schemas', 'EchoAction', 'properties').note = { type: 'string' };
    (added.info as JsonMap).version = '0.1.0';
    writeFileSync(contract, stringify(added));
    expect((await gateRun(['--contract', contract, '--released', released])).stderr).toMatch(
      /record this contract/,
    );
    expect((await gateRun(['--contract', contract, '--released', released, '--record'])).code).toBe(0);
    (original.info as JsonMap).version = '0.2.0';
    writeFileSync(contract, stringify(original));
    const removed = await gateRun(['--contract', contract, '--released', released]);
    expect(removed.code).toBe(1);
    expect(removed.stdout).toMatch(/BREAKING .*\/components\/schemas\/EchoAction\/properties\/note/);
  });

  it('compares with a git ref given by --base, and reports an unknown ref as a usage error', async () => {
    expect((await gateRun(['--base', 'HEAD'])).code).toBe(0);
    const bad = await gateRun(['--base', 'no-such-ref-xyz']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/cannot read asyncapi\.yaml at git ref no-such-ref-xyz/);
  });
});
