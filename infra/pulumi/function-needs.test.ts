/**
 * function-needs.ts (the source of each function's IAM policy and environment) against what each function's
 * code sends to AWS, as derived by function-sdk-calls.ts from the bundle and the reachable call sites. The local
 * platform does not enforce IAM: without this test a new `UpdateCommand` in an adapter, or a job sent to
 * another queue, passes every local test and fails in AWS with AccessDenied.
 */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { functionTable } from '../../generated/index.js';
import { handlerEntry, handlerNames } from '../../scripts/build-functions.js';
import { queueUrlVariable } from './function-environment.js';
import { type FunctionNeeds, functionNeeds } from './function-needs.js';
import {
  analyseEntries,
  type CommandSite,
  describeSite,
  type FunctionCode,
  permissionOf,
} from './function-sdk-calls.js';
import { CLOSE_CONNECTIONS_METHOD, MANAGE_CONNECTIONS_METHOD } from './platform-constants.js';

const FIXTURE_DIR = resolve(import.meta.dirname, 'testing/function-sdk-calls-fixture');
const FIXTURES = {
  'fixture:read': resolve(FIXTURE_DIR, 'read-handler.ts'),
  'fixture:notify': resolve(FIXTURE_DIR, 'notify-handler.ts'),
};
const names = handlerNames();

let code: Record<string, FunctionCode> = {};

beforeAll(async () => {
  // One esbuild run and one TypeScript program for the functions and the fixtures.
  code = await analyseEntries({
    ...Object.fromEntries(names.map((name) => [name, handlerEntry(name)])),
    ...FIXTURES,
  });
}, 180_000);

function codeOf(name: string): FunctionCode {
  const found = code[name];
  if (!found) throw new Error(`no analysis of ${name}`);
  return found;
}

function needsOf(name: string): FunctionNeeds {
  const needs = (functionNeeds as Partial<Record<string, FunctionNeeds>>)[name];
  if (!needs) throw new Error(`function-needs.ts has no entry for ${name}`);
  return needs;
}

/** The actions function-needs.ts makes functions.ts grant (besides logs, X-Ray and consuming its trigger). */
function grantedActions(needs: FunctionNeeds): Set<string> {
  const granted = new Set<string>(needs.table);
  if (needs.sendsTo.length > 0 || needs.failureQueue) granted.add('sqs:SendMessage');
  if (needs.changesVisibilityOn.length > 0) granted.add('sqs:ChangeMessageVisibility');
  if (needs.postsToConnections) granted.add('execute-api:ManageConnections');
  return granted;
}

/**
 * What functions.ts grants an SQS-triggered function on its own source queue for the event source mapping
 * (ConsumeQueue). Code may call these too, but the mapping needs them whether or not it does, so they count
 * as granted and are never "unused".
 */
function triggerActions(name: string): Set<string> {
  const sqsTriggered = functionTable.some((f) => f.handler === name && f.trigger.kind === 'sqs');
  return new Set(sqsTriggered ? ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'] : []);
}

/** Action → the call sites that need it. */
function neededActions(sites: readonly CommandSite[]): Map<string, CommandSite[]> {
  const needed = new Map<string, CommandSite[]>();
  for (const site of sites) {
    const action = permissionOf(site)?.action;
    if (action) needed.set(action, [...(needed.get(action) ?? []), site]);
  }
  return needed;
}

function commandsOf(name: string): string[] {
  return codeOf(name)
    .commands.map((site) => `${site.command} in ${site.within}`)
    .sort();
}

describe('the AWS call detector (function-sdk-calls.ts) on a fixture', () => {
  it('counts only the commands of reached methods, through a port, not the whole bundle', () => {
    const read = codeOf('fixture:read');
    expect(commandsOf('fixture:read')).toEqual(['GetCommand in FixtureItemStore.read']);
    expect(read.commands[0]).toMatchObject({
      sdkPackage: '@aws-sdk/lib-dynamodb',
      site: expect.stringMatching(/^infra\/pulumi\/testing\/function-sdk-calls-fixture\/adapters\.ts:\d+$/),
    });
    // The bundle ships the unreached methods too (esbuild keeps class methods): why layer 2 exists.
    for (const shipped of ['GetCommand', 'PutCommand', 'DeleteCommand', 'SendMessageCommand']) {
      expect(read.bundledCommands).toContain(shipped);
    }
    // The unreferenced top-level arrow is dropped by esbuild and not reached.
    expect(read.bundledCommands).not.toContain('UpdateCommand');
  });

  it('follows callbacks, shorthand properties and re-exported commands', () => {
    expect(commandsOf('fixture:notify')).toEqual(['SendMessageCommand in FixtureNotifier.notify']);
    expect(codeOf('fixture:notify').commands[0]?.sdkPackage).toBe('@aws-sdk/client-sqs');
    expect(permissionOf(codeOf('fixture:notify').commands[0] ?? { command: '', sdkPackage: '' })).toEqual({
      action: 'sqs:SendMessage',
    });
  });
});

describe('function-needs.ts grants what each function code sends, and nothing more', () => {
  it('knows the IAM permission of every SDK command the functions send', () => {
    const unknown = names.flatMap((name) =>
      codeOf(name)
        .commands.filter((site) => !permissionOf(site))
        .map((site) => `${name}: ${site.sdkPackage} ${describeSite(site)} — add it to COMMAND_PERMISSIONS`),
    );
    expect(unknown).toEqual([]);
  });

  it('finds each reached command in the function bundle too (the two layers agree)', () => {
    const absent = names.flatMap((name) =>
      codeOf(name)
        .commands.filter((site) => !codeOf(name).bundledCommands.has(site.command))
        .map((site) => `${name}: ${describeSite(site)} is not in the esbuild bundle`),
    );
    expect(absent).toEqual([]);
  });

  it.each(names)('%s: every action its code sends is granted', (name) => {
    const granted = new Set([...grantedActions(needsOf(name)), ...triggerActions(name)]);
    const missing = [...neededActions(codeOf(name).commands)]
      .filter(([action]) => !granted.has(action))
      .map(
        ([action, sites]) =>
          `${name} needs ${action} (${sites.map(describeSite).join('; ')}) but infra/pulumi/function-needs.ts does not grant it`,
      );
    expect(missing).toEqual([]);
  });

  it.each(names)('%s: every action granted is one its code sends (least privilege)', (name) => {
    const needed = neededActions(codeOf(name).commands);
    const unused = [...grantedActions(needsOf(name))]
      .filter((action) => !needed.has(action))
      .map(
        (action) =>
          `${name} is granted ${action} in infra/pulumi/function-needs.ts but its code never sends it`,
      );
    expect(unused).toEqual([]);
  });

  /**
   * Which queue: the code addresses a queue by its `<CHANNEL>_QUEUE_URL` variable, so the variables its
   * reachable code names must be those of the granted channels. When a function both sends and changes
   * visibility, only the union can be compared (the code does not tell which URL reaches which command).
   * Functions without SQS calls are skipped: a shared service factory may name a queue variable on a branch
   * the function never takes (`connectionService({withQueue: false})`).
   */
  it.each(names)('%s: its queue grants are the queues its code addresses', (name) => {
    const fn = codeOf(name);
    const usesSqs = fn.commands.some((site) => permissionOf(site)?.action.startsWith('sqs:'));
    const needs = needsOf(name);
    const granted = [
      ...new Set([
        ...[...needs.sendsTo, ...needs.changesVisibilityOn].map(queueUrlVariable),
        // Its own failure queue (FAILURE_QUEUE_URL is set and SendMessage granted on it alone).
        ...(needs.failureQueue ? ['FAILURE_QUEUE_URL'] : []),
      ]),
    ].sort();
    if (!usesSqs) {
      expect(granted).toEqual([]);
      return;
    }
    const addressed = [...fn.upperCaseLiterals].filter((literal) => literal.endsWith('_QUEUE_URL')).sort();
    expect(addressed.length, `${name} sends to SQS but names no *_QUEUE_URL variable`).toBeGreaterThan(0);
    expect(
      granted,
      `${name}: queue variables of sendsTo/changesVisibilityOn vs those its code reads`,
    ).toEqual(addressed);
  });

  it('calls the @connections API only with the methods functions.ts grants', () => {
    const outside = names.flatMap((name) => {
      const needs = needsOf(name);
      const methods = [
        ...(needs.postsToConnections ? [MANAGE_CONNECTIONS_METHOD] : []),
        ...(needs.closesConnections ? [CLOSE_CONNECTIONS_METHOD] : []),
      ];
      return codeOf(name)
        .commands.filter((site) => {
          const method = permissionOf(site)?.method;
          return method !== undefined && !methods.includes(method);
        })
        .map(
          (site) =>
            `${name}: ${describeSite(site)} needs ${permissionOf(site)?.method} @connections, functions.ts grants ${methods.join(', ') || 'none'}`,
        );
    });
    expect(outside).toEqual([]);
  });

  it('grants DELETE @connections only to functions whose code closes connections', () => {
    const unused = names.filter(
      (name) =>
        needsOf(name).closesConnections &&
        !codeOf(name).commands.some((site) => permissionOf(site)?.method === CLOSE_CONNECTIONS_METHOD),
    );
    expect(unused).toEqual([]);
  });
});
