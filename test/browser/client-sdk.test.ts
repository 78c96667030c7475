/**
 * The client SDK in a real browser: esbuild bundles `src/client/index.ts` (and its validation) for the browser, headless Chromium
 * loads it, connects to the local platform with the `bearer` subprotocol (the browser default) and receives a
 * topic message and a user message published through SNS. Screenshot: `test-artifacts/client-sdk.png`.
 * With the `localStorage` position storage, a reloaded page resumes a history topic: it receives only what was
 * published while it reloaded, then a `recovery` event `recovered: true`.
 *
 * Without Chromium the test is skipped locally, but fails in CI (CI=true), where `.ci/run` installs it.
 */
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryFrame } from '../../src/client/index.js';
import { connect, type PushClient } from '../../src/client/index.js';
import type { Platform } from '../../src/local/platform.js';
import type { Publisher } from '../../src/publisher/index.js';
import {
  publisherFor,
  recordingWebSocket,
  startLocalPlatform,
  tokenSource,
  waitFor,
} from '../sdk/platform-helpers.js';
import {
  collectPageErrors,
  launchChromium,
  openLocalAppPage,
  skipWithoutChromium,
} from '../support/chromium.js';
import {
  payloadFor,
  topicExample,
  topicMessage,
  topics,
  userMessage,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

let platform: Platform;
let publisher: Publisher;
let browser: Browser;
let bundle: string;

type Sdk = typeof import('../../src/client/index.js') & typeof import('../../src/client/validation.js');
/** What the resuming page keeps on `globalThis` for the test to read. */
interface ResumeLog {
  received: string[];
  recoveries: RecoveryFrame[];
}

describe.skipIf(skipWithoutChromium)('client SDK in Chromium', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    browser = await launchChromium();
    const result = await build({
      // The SDK and its opt-in payload validation, as a page importing both entry points gets them.
      stdin: {
        contents:
          "export * from './src/client/index.ts';\nexport { payloadValidation } from './src/client/validation.ts';",
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'iife',
      globalName: 'wspush',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0]?.text ?? '';
    platform = await startLocalPlatform();
    publisher = publisherFor(platform);
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
  });

  it('bundles, connects with the bearer subprotocol and receives typed messages', async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 500 } });
    const pageErrors = collectPageErrors(page);
    await openLocalAppPage(
      page,
      '<!doctype html><html><head><title>wspush client SDK</title></head><body><h1>wspush client SDK</h1><ul id="log"></ul></body></html>',
    );
    await page.addScriptTag({ content: bundle });

    const token = await tokenSource(platform, 'browser-frank')();
    const welcome = await page.evaluate(
      async ({ url, token, open, gated, type }) => {
        const sdk = (globalThis as unknown as { wspush: Sdk }).wspush;
        const log = (text: string): void => {
          const li = document.createElement('li');
          li.textContent = text;
          document.getElementById('log')?.append(li);
        };
        const received: string[] = [];
        (globalThis as unknown as { received: string[] }).received = received;
        // No WebSocket and no transport passed: the browser's own WebSocket and the bearer subprotocol.
        const client = sdk.connect({
          url,
          token,
          topics: [open, gated],
          validatePayloads: sdk.payloadValidation,
        });
        client.on('state', (state) => log(`state: ${state}`));
        client.onTopic(open, (payload, frame) => {
          received.push(frame.id);
          log(`topic ${frame.topic}: ${JSON.stringify(payload)}`);
        });
        client.onUserMessage(type, (payload, frame) => {
          received.push(frame.id);
          log(`user message ${frame.type}: ${JSON.stringify(payload)}`);
        });
        const w = await client.ready();
        log(
          `welcome ${w.connectionId}: accepted ${w.accepted.join(', ')}; rejected ${w.rejected.map((r) => `${r.topic} (${r.code})`).join(', ')}`,
        );
        return w;
      },
      {
        url: platform.urls.gateway,
        token,
        open: topics.openHistory,
        gated: topics.gated,
        type: userMessageType,
      },
    );
    expect(welcome.userId).toBe('browser-frank');
    expect(welcome.accepted).toEqual([topics.openHistory]);
    expect(welcome.rejected.map((r) => r.code)).toEqual(['FORBIDDEN_TOPIC']);

    const topic = await publisher.publishToTopic(topicMessage(topics.openHistory));
    const user = await publisher.publishToUser(userMessage('browser-frank'));
    await page.waitForFunction(
      (ids) => ids.every((id) => (globalThis as unknown as { received: string[] }).received.includes(id)),
      [topic.messageId, user.messageId],
      { timeout: 60_000 },
    );
    const text = (await page.locator('#log').textContent()) ?? '';
    expect(text).toContain(`topic ${topics.openHistory}: ${JSON.stringify(payloadFor(topics.openHistory))}`);
    expect(text).toContain(
      `user message ${userMessageType}: ${JSON.stringify(userMessageExample(userMessageType))}`,
    );
    await mkdir(`${ROOT}/test-artifacts`, { recursive: true });
    await page.screenshot({ path: `${ROOT}/test-artifacts/client-sdk.png` });
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it('a reloaded page resumes a history topic from the positions in localStorage', async () => {
    const realm = 'browser-resume';
    const topic = topics.openHistory;
    const token = await tokenSource(platform, 'browser-gina', [], realm)();
    // A Node client of the same realm sees each message live, so it is in the history before the page connects.
    const observed: string[] = [];
    const observer: PushClient = connect({
      url: platform.urls.gateway,
      getToken: tokenSource(platform, 'observer', [], realm),
      topics: [topic],
      WebSocket: recordingWebSocket().WebSocket,
    });
    observer.onTopic(topic, (_p, frame) => observed.push(frame.id));
    await observer.ready();
    const publish = async (): Promise<string> => {
      const { messageId } = await publisher.publishUncheckedToTopic({
        realm,
        topic,
        payload: topicExample(topic),
      });
      await waitFor(`message ${messageId} live`, () => observed.includes(messageId));
      return messageId;
    };

    const page = await browser.newPage();
    const pageErrors = collectPageErrors(page);
    const app = await openLocalAppPage(page, '<!doctype html><title>resume</title><h1>resume</h1>', {
      reloadable: true,
    });
    /** Loads the SDK into the page and connects with the localStorage adapter; resolves on the welcome. */
    const connectPage = async (): Promise<void> => {
      await page.addScriptTag({ content: bundle });
      await page.evaluate(
        async ({ url, token, topic }) => {
          const sdk = (globalThis as unknown as { wspush: Sdk }).wspush;
          const log: ResumeLog = { received: [], recoveries: [] };
          (globalThis as unknown as { resume: ResumeLog }).resume = log;
          const client = sdk.connect({
            url,
            token,
            topics: [topic],
            positionStorage: sdk.localStoragePositionStorage('wspush-positions:browser-gina'),
          });
          client.onTopic(topic, (_payload, frame) => log.received.push(frame.id));
          client.on('recovery', (frame) => log.recoveries.push(frame));
          await client.ready();
        },
        { url: platform.urls.gateway, token, topic },
      );
    };
    const pageLog = (): Promise<ResumeLog> =>
      page.evaluate(() => (globalThis as unknown as { resume: ResumeLog }).resume);

    await connectPage();
    const before = [await publish(), await publish()];
    await page.waitForFunction(
      (n) => (globalThis as unknown as { resume: ResumeLog }).resume.received.length === n,
      before.length,
    );
    expect((await pageLog()).received).toEqual(before);

    await page.reload();
    const missed = await publish(); // while the page was gone
    const stored = await page.evaluate(() => localStorage.getItem('wspush-positions:browser-gina'));
    expect(JSON.parse(stored ?? '{}')).toMatchObject({ version: 1, positions: { [topic]: { offset: 2 } } });
    await connectPage();
    await page.waitForFunction(
      () => (globalThis as unknown as { resume: ResumeLog }).resume.recoveries.length === 1,
      undefined,
      { timeout: 30_000 },
    );
    const after = await pageLog();
    // Only the message published during the reload: the two the page had are not sent again.
    expect(after.received).toEqual([missed]);
    expect(after.recoveries).toEqual([
      expect.objectContaining({ topic, recovered: true, replayed: 1, offset: 3 }),
    ]);
    expect(pageErrors).toEqual([]);
    app.close();
    await page.close();
    await observer.close();
  });
});
