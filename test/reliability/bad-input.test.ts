/**
 * Reliability — the bad-input corpus (test/reliability/corpus, ≥200 cases) through the whole local platform:
 * every frame, connection attempt and publish gets its documented answer, nothing crashes (the sockets that
 * should stay open do, the platform still answers), and stored data is unchanged (table dump before = after).
 */

import type { PublishCommand } from '@aws-sdk/client-sns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { limits } from '../../generated/codes.js';
import { topicNames, topicRegistry } from '../../generated/index.js';
import { FRAME_BUDGET_ATTRIBUTES } from '../../src/adapters/dynamodb-frame-budget-store.js';
import { createPublisher, PublishValidationError } from '../../src/publisher/index.js';
import { topics } from '../support/contract-picks.js';
import {
  type ConnectCase,
  type ConnectExpectation,
  envelopeMessage,
  type FrameCase,
  loadConnectCases,
  loadFrameCases,
  loadPublishCases,
  namesField,
  type PublishCase,
  wireFrames,
} from './lib/corpus.js';
import { isWelcome, LOST_AFTER_MS } from './lib/lateness.js';
import { eventually, startTestPlatform, summary, type TestPlatform } from './lib/platform-harness.js';
import { signDescriptor, type TokenContext } from './lib/tokens.js';
import { connect, connectOrThrow, type Frame, type TestClient } from './lib/ws-client.js';

const REALM = 'acme';
const OFFLINE_USER = 'corpus-offline-user';
let tp: TestPlatform;
let observer: TestClient;
let framesClient: TestClient;
let before: string[];
let tokenContext: TokenContext;
const failures: string[] = [];
const totals = { cases: 0, passed: 0 };
function tally(cases: number, passed: number): void {
  totals.cases += cases;
  totals.passed += passed;
}

beforeAll(async () => {
  tp = await startTestPlatform();
  tokenContext = { privateJwk: await tp.privateJwk(), idpBaseUrl: tp.platform.urls.idp, audience: 'wspush' };
  // A user with every role subscribed to every fixed topic: a refused broadcast must never reach it.
  const everyRole = [...new Set(topicNames.flatMap((name) => topicRegistry[name].access.roles))];
  observer = await connectOrThrow({
    gatewayUrl: tp.platform.urls.gateway,
    token: await tp.token('corpus-observer', REALM, everyRole),
    topics: topicNames.join(','),
  });
  await observer.waitFor(isWelcome, LOST_AFTER_MS);
  framesClient = await connectOrThrow({
    gatewayUrl: tp.platform.urls.gateway,
    token: await tp.token('corpus-frames', REALM),
    topics: topics.openHistory,
  });
  await framesClient.waitFor(isWelcome, LOST_AFTER_MS);
  // The delivery worker still updates the connections' rows after their welcome frames (e.g. when it was
  // sent): wait until two dumps a moment apart agree before taking the reference snapshot.
  let previous: string[] = [];
  before = await tp.dumpTable();
  for (let i = 0; i < 40 && JSON.stringify(previous) !== JSON.stringify(before); i++) {
    previous = before;
    await new Promise((r) => setTimeout(r, 250));
    before = await tp.dumpTable();
  }
}, 60_000);

afterAll(async () => {
  await tp?.stop();
});

// The shared socket sends the corpus within the contract's frame budget (x-limits.clientFramesPerSecond), so each
// case gets its own documented answer, not RATE_LIMITED (the budget has its own test: frame-budget.test.ts).
const FRAME_SPACING_MS = Math.ceil(1000 / limits.clientFramesPerSecond) + 10;
let lastFrameAt = 0;

async function sendFrameCase(client: TestClient, c: FrameCase): Promise<Frame | { closed: number }> {
  const wait = lastFrameAt + FRAME_SPACING_MS - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  lastFrameAt = Date.now();
  const from = client.frames.length;
  for (const frame of wireFrames(c.frame)) {
    await client.send(frame.data, { binary: frame.binary, fin: frame.fin }).catch(() => undefined);
  }
  if ('close' in c.expect) return { closed: await client.waitForClose(10_000) };
  const reply = await client.waitFor(() => true, 10_000, from);
  if (!('subscribed' in c.expect) || reply.kind !== 'subscribed') return reply;
  // The recovery frames that follow the reply, collected onto it for checkFrame.
  const { requestId, recovery } = c.expect.subscribed;
  const recoveries: Frame[] = [];
  for (let at = client.frames.indexOf(reply) + 1; recoveries.length < recovery.length; ) {
    const next = await client.waitFor((f) => f.kind === 'recovery' && f.requestId === requestId, 10_000, at);
    recoveries.push(next);
    at = client.frames.indexOf(next) + 1;
  }
  return { ...reply, recoveries };
}

function checkFrame(c: FrameCase, got: Frame | { closed: number }): string | undefined {
  const e = c.expect;
  if ('close' in e) {
    return 'closed' in got && got.closed === e.close
      ? undefined
      : `expected close ${e.close}, got ${JSON.stringify(got)}`;
  }
  if ('closed' in got) return `socket closed with ${got.closed}`;
  if ('reply' in e) {
    if (got.kind !== 'pong') return `expected pong, got ${JSON.stringify(got).slice(0, 200)}`;
    // The pong is the gateway's (a mock route): it never echoes a requestId.
    return got.requestId === undefined ? undefined : `pong carries requestId ${String(got.requestId)}`;
  }
  if ('subscribed' in e) {
    const answer = {
      kind: got.kind,
      requestId: got.requestId,
      recovery: ((got.recoveries ?? []) as Frame[]).map((f) => ({
        topic: f.topic,
        code: f.code,
        recovered: f.recovered,
      })),
    };
    const wanted = {
      kind: 'subscribed',
      requestId: e.subscribed.requestId,
      recovery: e.subscribed.recovery.map((r) => ({ ...r, recovered: false })),
    };
    return JSON.stringify(answer) === JSON.stringify(wanted)
      ? undefined
      : `expected ${JSON.stringify(wanted)}, got ${JSON.stringify(answer).slice(0, 300)}`;
  }
  const codes = Array.isArray(e.error) ? e.error : [e.error];
  if (got.kind !== 'error' || !codes.includes(String(got.code))) {
    return `expected error ${codes.join('|')}, got ${JSON.stringify(got).slice(0, 200)}`;
  }
  if (typeof got.retryable !== 'boolean' || typeof got.message !== 'string')
    return 'error frame misses retryable/message';
  return undefined;
}

describe('bad-input corpus through the local platform', () => {
  it('frames: each gets its documented error (or close code); the socket stays open after errors', async () => {
    const cases = loadFrameCases();
    let passed = 0;
    for (const c of cases) {
      let client = framesClient;
      let fresh: TestClient | undefined;
      if ('close' in c.expect) {
        // A size violation closes the socket: use a connection of its own.
        fresh = await connectOrThrow({
          gatewayUrl: tp.platform.urls.gateway,
          token: await tp.token('corpus-frames-close', REALM),
          topics: '',
        });
        await fresh.waitFor(isWelcome, LOST_AFTER_MS);
        client = fresh;
      }
      let problem: string | undefined;
      try {
        problem = checkFrame(c, await sendFrameCase(client, c));
      } catch (error) {
        problem = String(error);
      }
      if (problem) failures.push(`frames/${c.id}: ${problem}`);
      else passed++;
      if (framesClient.closeCode !== undefined) {
        failures.push(`frames/${c.id}: the shared socket closed (${framesClient.closeCode}) after this case`);
        break;
      }
    }
    tally(cases.length, passed);
    summary('bad-input frames', { cases: cases.length, passed });
    expect(failures.filter((f) => f.startsWith('frames/'))).toEqual([]);
  }, 180_000);

  async function attempt(
    c: ConnectCase,
  ): Promise<{ status: number } | { welcome: Frame; recovery: Frame[] } | { error: string }> {
    const gatewayUrl = tp.platform.urls.gateway;
    const token = c.token;
    let jwt: string | undefined;
    if (token !== null && !('raw' in token)) jwt = await signDescriptor(token, tokenContext);
    else if (token !== null) jwt = token.raw;
    const base = {
      gatewayUrl,
      topics: c.topics,
      query: {
        ...(c.since !== undefined ? { since: c.since } : {}),
        ...(c.recovery !== undefined ? { recovery: c.recovery } : {}),
      },
    };
    let outcome: Awaited<ReturnType<typeof connect>>;
    switch (c.tokenVia) {
      case 'header-raw':
        outcome = await connect({ ...base, via: 'none', headers: { Authorization: jwt ?? '' } });
        break;
      case 'subprotocol-bearer-only':
        outcome = await connect({ ...base, via: 'none', protocols: ['bearer'] });
        break;
      case 'query+header-different': {
        const other = await tp.token('corpus-other-user', REALM);
        outcome = await connect({
          ...base,
          via: 'query',
          ...(jwt !== undefined ? { token: jwt } : {}),
          headers: { Authorization: `Bearer ${other}` },
        });
        break;
      }
      default:
        outcome = await connect({
          ...base,
          via: jwt === undefined ? 'none' : c.tokenVia,
          ...(jwt !== undefined ? { token: jwt } : {}),
        });
    }
    if (!outcome.ok) return { status: outcome.status };
    try {
      const welcome = await outcome.client.waitFor((f) => isWelcome(f) || f.kind === 'error', LOST_AFTER_MS);
      const expected =
        'welcome' in c.expect && 'recovery' in c.expect.welcome ? c.expect.welcome.recovery : [];
      const recovery: Frame[] = [];
      // The recovery frames the case expects, each in turn (a missing one times out: the case fails).
      while (recovery.length < (expected?.length ?? 0)) {
        const after = outcome.client.frames.indexOf(recovery.at(-1) ?? welcome) + 1;
        recovery.push(await outcome.client.waitFor((f) => f.kind === 'recovery', LOST_AFTER_MS, after));
      }
      return { welcome, recovery };
    } catch (error) {
      return { error: String(error) };
    } finally {
      await outcome.client.close().catch(() => undefined);
    }
  }

  function matches(
    expected: ConnectExpectation,
    got: { status: number } | { welcome: Frame; recovery: Frame[] } | { error: string },
  ): boolean {
    if ('status' in expected) return 'status' in got && got.status === expected.status;
    if (!('welcome' in got) || got.welcome.kind !== 'welcome') return false;
    const w = got.welcome as { accepted?: string[]; rejected?: { topic: string; code: string }[] };
    if (JSON.stringify(w.accepted) !== JSON.stringify(expected.welcome.accepted)) return false;
    const rejected = (w.rejected ?? []).map((r) => ({ topic: r.topic, code: r.code }));
    if ('rejected' in expected.welcome) {
      const recovery = got.recovery.map((f) => ({ topic: f.topic, code: f.code, recovered: f.recovered }));
      const wanted = (expected.welcome.recovery ?? []).map((r) => ({ ...r, recovered: false }));
      return (
        JSON.stringify(rejected) === JSON.stringify(expected.welcome.rejected) &&
        JSON.stringify(recovery) === JSON.stringify(wanted)
      );
    }
    const { rejectedCount, rejectedCode } = expected.welcome;
    return rejected.length === rejectedCount && rejected.every((r) => r.code === rejectedCode);
  }

  it('connections: each gets its documented 401/403 or welcome with the documented topic decisions', async () => {
    const cases = loadConnectCases();
    let passed = 0;
    for (const c of cases) {
      const got = await attempt(c);
      const ok = [c.expect, ...(c.expectAlternatives ?? [])].some((e) => matches(e, got));
      if (ok) passed++;
      else
        failures.push(
          `connect/${c.id}: expected ${JSON.stringify(c.expect)}, got ${JSON.stringify(got).slice(0, 300)}`,
        );
    }
    tally(cases.length, passed);
    summary('bad-input connect', { cases: cases.length, passed });
    expect(failures.filter((f) => f.startsWith('connect/'))).toEqual([]);
  }, 240_000);

  /** The SDK path: only cases the SDK's input can express (no envelope-level extras, defaults not hiding a gap). */
  function sdkInput(c: PublishCase, message: string): Record<string, unknown> | undefined {
    let value: unknown;
    try {
      value = JSON.parse(message);
    } catch {
      return undefined;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    const allowed =
      c.channel === 'broadcast'
        ? ['messageId', 'correlationId', 'realm', 'topic', 'publishedAt', 'payload']
        : ['messageId', 'correlationId', 'realm', 'userId', 'type', 'publishedAt', 'payload'];
    const keys = Object.keys(value);
    if (keys.some((k) => !allowed.includes(k))) return undefined;
    const defaulted = ['messageId', 'correlationId', 'publishedAt'];
    if (allowed.some((k) => !keys.includes(k) && defaulted.includes(k))) return undefined;
    return value as Record<string, unknown>;
  }

  it('publishes: refused by the publisher SDK before sending, and by the routers when sent raw (never delivered, never stored)', async () => {
    const cases = loadPublishCases();
    const sent: unknown[] = [];
    const publisher = createPublisher({
      broadcastTopicArn: tp.platform.urls.broadcastTopicArn,
      userTopicArn: tp.platform.urls.userTopicArn,
      snsClient: {
        send: async (command: PublishCommand) => {
          sent.push(command.input);
          return { MessageId: 'never', $metadata: {} };
        },
      } as never,
    });
    const failuresBefore = tp.platform.runtime.failures.list().length;
    const observed = observer.frames.length;
    let passed = 0;
    let sdkChecked = 0;
    let rawPublished = 0;
    let snsRefused = 0;
    for (const [i, c] of cases.entries()) {
      const message = envelopeMessage(c, {
        messageId: `m-corpus-${i}`,
        now: new Date().toISOString(),
        offlineUser: OFFLINE_USER,
      });
      let problem: string | undefined;
      const input = sdkInput(c, message);
      if (input) {
        sdkChecked++;
        try {
          if (c.channel === 'broadcast') await publisher.publishUncheckedToTopic(input as never);
          else await publisher.publishUncheckedToUser(input as never);
          problem = 'the publisher SDK accepted it';
        } catch (error) {
          if (!(error instanceof PublishValidationError)) problem = `SDK threw ${String(error)}`;
          else if (!c.oversize && !namesField(error.errors, c.expect.field))
            problem = `SDK named ${JSON.stringify(error.errors)}`;
        }
      }
      try {
        await tp.publishRaw(c.channel, message);
        rawPublished++;
      } catch (error) {
        // SNS itself refuses messages over 256 KB: the documented answer for the `sns` oversize cases.
        if (c.oversize === 'sns') snsRefused++;
        else problem ??= `SNS refused the raw publish: ${String(error)}`;
      }
      if (problem) failures.push(`publish/${c.id}: ${problem}`);
      else passed++;
    }
    expect(sent).toEqual([]);
    // Every raw publish reached a router, which refused it: retried, then recorded as a failed invocation.
    const settled = await eventually(
      async () => {
        await tp.platform.runtime.drain();
        return tp.platform.runtime.failures.list().length - failuresBefore >= rawPublished;
      },
      60_000,
      200,
    );
    const recorded = tp.platform.runtime.failures.list().length - failuresBefore;
    if (!settled || recorded !== rawPublished)
      failures.push(`publish: ${rawPublished} raw publishes, ${recorded} recorded router failures`);
    const leaked = observer.frames.slice(observed).filter((f) => f.kind === 'topic');
    if (leaked.length > 0)
      failures.push(
        `publish: ${leaked.length} refused broadcasts were delivered: ${JSON.stringify(leaked[0]).slice(0, 200)}`,
      );
    tally(cases.length, passed);
    summary('bad-input publish', {
      cases: cases.length,
      passed,
      extra: `sdkChecked=${sdkChecked} rawPublished=${rawPublished} snsRefused=${snsRefused} routerFailuresRecorded=${recorded} delivered=${leaked.length}`,
    });
    expect(failures.filter((f) => f.startsWith('publish'))).toEqual([]);
  }, 180_000);

  // The frame budget's bookkeeping on a connection's meta row changes with every frame, by design: compare
  // the stored data without it.
  // Sorted again: the dump's order can depend on the budget attributes (they may sort before the keys).
  const withoutBudget = (lines: string[]): string[] =>
    lines
      .map((line) => {
        const item = JSON.parse(line) as Record<string, unknown>;
        for (const name of FRAME_BUDGET_ATTRIBUTES) delete item[name];
        return JSON.stringify(item);
      })
      .sort();

  it('nothing crashed and stored data is unchanged', async () => {
    // The shared sockets are still open and answered.
    expect(observer.closeCode).toBeUndefined();
    expect(framesClient.closeCode).toBeUndefined();
    const from = framesClient.frames.length;
    // An unknown action goes to $default (a function), which echoes the requestId and writes nothing but the
    // frame budget (a mocked ping echoes nothing; extendTTL would move expiresAt): the answer is to this frame.
    await framesClient.send('{"action":"after-corpus-check","requestId":"after-corpus"}');
    const answer = await framesClient.waitFor((f) => f.requestId === 'after-corpus', 10_000, from);
    expect(answer).toMatchObject({ kind: 'error', code: 'UNKNOWN_ACTION' });
    // Connections opened by the cases are gone again ($disconnect), nothing else was written.
    let after: string[] = [];
    const same = await eventually(
      async () => {
        after = withoutBudget(await tp.dumpTable());
        return JSON.stringify(after) === JSON.stringify(withoutBudget(before));
      },
      20_000,
      250,
    );
    const beforeData = withoutBudget(before);
    const added = after.filter((l) => !beforeData.includes(l));
    const removed = beforeData.filter((l) => !after.includes(l));
    summary('bad-input stored data', {
      cases: 1,
      passed: same ? 1 : 0,
      extra: `itemsBefore=${before.length} itemsAfter=${after.length} added=${added.length} removed=${removed.length}`,
    });
    expect({ added: added.slice(0, 5), removed: removed.slice(0, 5) }).toEqual({ added: [], removed: [] });
    expect(same, 'stored rows equal row for row (no duplicates)').toBe(true);
    // Handler errors other than the expected refusals (authorizer 401s, routers refusing envelopes).
    const stats = tp.platform.runtime.stats();
    const unexpected = Object.entries(stats)
      .filter(([name]) => !['authorizer', 'broadcast-router', 'user-router'].includes(name))
      .filter(([, s]) => s.errors > 0 || s.timeouts > 0)
      .map(([name, s]) => `${name}: ${s.errors} errors, ${s.timeouts} timeouts`);
    expect(unexpected).toEqual([]);
    summary('bad-input total', {
      cases: totals.cases,
      passed: totals.passed,
      extra: `failures=${failures.length}`,
    });
  }, 60_000);
});
