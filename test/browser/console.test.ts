/**
 * Headless Chromium opens the console page, connects as a user, and shows a topic message published through
 * the edge's SNS endpoint (real SDK client) and a user message published from the page's own form.
 * Saves a screenshot to `test-artifacts/console.png`.
 *
 * Without Chromium the test is skipped locally, but fails in CI (CI=true), where `.ci/run` installs it.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import {
  type AwsClients,
  announcement,
  awsClients,
  publishTopic,
  startTestPlatform,
} from '../integration/support.js';
import { collectPageErrors, launchChromium, skipWithoutChromium } from '../support/chromium.js';

let platform: Platform;
let clients: AwsClients;
let browser: Browser;

describe.skipIf(skipWithoutChromium)('console page in Chromium', () => {
  beforeAll(async () => {
    browser = await launchChromium();
    platform = await startTestPlatform();
    clients = awsClients(platform);
  });

  afterAll(async () => {
    await browser?.close();
    clients?.destroy();
    await platform?.stop();
  });

  it('connects, shows the welcome, a message published through SNS and a user message from the form', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors = collectPageErrors(page);
    const externalRequests: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') externalRequests.push(request.url());
    });

    await page.goto(platform.urls.console);
    expect(await page.title()).toContain('wspush');
    expect(await page.locator('#docs-link').getAttribute('href')).toBe('/docs');

    await page.fill('#user', 'carla');
    await page.fill('#realm', 'acme');
    await page.fill('#extra-topics', 'weather');
    await page.click('#connect');
    await page.locator('#status[data-state="open"]').waitFor({ timeout: 15_000 });
    const welcome = page.locator('#frames li[data-kind="welcome"]');
    await welcome.waitFor({ timeout: 15_000 });
    expect(await welcome.textContent()).toContain('announcements');
    expect(await welcome.textContent()).toContain('weather (UNKNOWN_TOPIC)');

    const id = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: 'announcements',
      payload: announcement('Hello from SNS'),
    });
    const topicFrame = page.locator('#frames li[data-kind="topic"]', { hasText: id });
    await topicFrame.waitFor({ timeout: 15_000 });
    expect(await topicFrame.textContent()).toContain('Hello from SNS');

    // Subscribe on the live connection: the reply is shown; a family publish then reaches the page.
    await page.fill('#subscribe-topics', 'jobs.8812, users.someone-else.activity');
    await page.click('#subscribe');
    const subscribed = page.locator('#frames li[data-kind="subscribed"]');
    await subscribed.waitFor({ timeout: 15_000 });
    expect(await subscribed.textContent()).toContain('jobs.8812');
    expect(await subscribed.textContent()).toContain('NOT_TOPIC_OWNER');
    await page.selectOption('#topic-name', 'jobs.8812');
    await page.click('#topic-publish');
    await page
      .locator('#frames li[data-kind="topic"]', { hasText: 'jobs.8812' })
      .waitFor({ timeout: 15_000 });
    await page.fill('#subscribe-topics', 'jobs.8812');
    await page.click('#unsubscribe');
    await page.locator('#frames li[data-kind="unsubscribed"]').waitFor({ timeout: 15_000 });

    // The page's own publish form: a user message to the connected user.
    await page.selectOption('#user-type', 'notification');
    expect(JSON.parse(await page.inputValue('#user-payload'))).toMatchObject({ title: 'Invoice paid' });
    await page.click('#user-publish');
    await page.locator('#user-result.ok', { hasText: 'published' }).waitFor({ timeout: 15_000 });
    await page
      .locator('#frames li[data-kind="user"]', { hasText: 'Invoice paid' })
      .waitFor({ timeout: 15_000 });

    // An invalid payload is refused with the field named, in the page.
    await page.fill('#topic-payload', JSON.stringify({ title: 'x', body: 'y', severity: 'loud' }));
    await page.click('#topic-publish');
    await page.locator('#topic-result.err', { hasText: 'payload.severity' }).waitFor({ timeout: 15_000 });

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/console.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.close();
  });
});
