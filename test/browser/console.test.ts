/**
 * Headless Chromium opens the console page, connects as a user, and shows a topic message published through
 * the edge's SNS endpoint (real SDK client) and a user message published from the page's own form; the trace
 * view follows a message live (typed id, then a click in the frames list).
 * Saves screenshots to `test-artifacts/console.png` and `console-trace.png`.
 *
 * Without Chromium the test is skipped locally, but fails in CI (CI=true), where `.ci/run` installs it.
 */
import { mkdir } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '../../src/local/platform.js';
import {
  type AwsClients,
  awsClients,
  publishTopic,
  publishUser,
  startTestPlatform,
  traceCli,
} from '../integration/support.js';
import { collectPageErrors, launchChromium, skipWithoutChromium } from '../support/chromium.js';
import {
  families,
  invalidPayloadFor,
  ownerParameter,
  payloadFor,
  sampleTopic,
  topicIn,
  topics,
  unknownTopic,
  userMessageExample,
  userMessageType,
} from '../support/contract-picks.js';

/** The scalar values of a payload as the page's frame list prints them (pretty JSON): each must be shown. */
const shownValues = (payload: Record<string, unknown>): string[] =>
  Object.values(payload)
    .filter((v) => v === null || typeof v !== 'object')
    .map((v) => JSON.stringify(v));

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
    await page.fill('#extra-topics', unknownTopic);
    await page.click('#connect');
    await page.locator('#status[data-state="open"]').waitFor({ timeout: 15_000 });
    const welcome = page.locator('#frames li[data-kind="welcome"]');
    await welcome.waitFor({ timeout: 15_000 });
    // The open topics are ticked by default.
    expect(await welcome.textContent()).toContain(topics.openHistory);
    expect(await welcome.textContent()).toContain(`${unknownTopic} (UNKNOWN_TOPIC)`);

    const payload = payloadFor(topics.openHistory);
    const id = await publishTopic(platform, clients, { realm: 'acme', topic: topics.openHistory, payload });
    const topicFrame = page.locator('#frames li[data-kind="topic"]', { hasText: id });
    await topicFrame.waitFor({ timeout: 15_000 });
    for (const value of shownValues(payload)) expect(await topicFrame.textContent()).toContain(value);

    // Subscribe on the live connection: the reply is shown; a family publish then reaches the page.
    // The publish form offers a family by its sample topic; another user's own topic is refused.
    const family = families.unowned ?? expect.fail('the contract has no family with a parameter');
    const owned = families.owned ?? expect.fail('the contract has no family with an owner rule');
    const sample = sampleTopic(family);
    const othersOwn = topicIn(owned, 'x', { [ownerParameter(owned)]: 'someone-else' });
    await page.fill('#subscribe-topics', `${sample}, ${othersOwn}`);
    await page.click('#subscribe');
    const subscribed = page.locator('#frames li[data-kind="subscribed"]');
    await subscribed.waitFor({ timeout: 15_000 });
    expect(await subscribed.textContent()).toContain(sample);
    expect(await subscribed.textContent()).toContain('NOT_TOPIC_OWNER');
    await page.selectOption('#topic-name', sample);
    await page.click('#topic-publish');
    await page.locator('#frames li[data-kind="topic"]', { hasText: sample }).waitFor({ timeout: 15_000 });
    await page.fill('#subscribe-topics', sample);
    await page.click('#unsubscribe');
    await page.locator('#frames li[data-kind="unsubscribed"]').waitFor({ timeout: 15_000 });

    // The page's own publish form: a user message to the connected user.
    // The form is prefilled with the type's example from the contract.
    await page.selectOption('#user-type', userMessageType);
    expect(JSON.parse(await page.inputValue('#user-payload'))).toEqual(userMessageExample(userMessageType));
    await page.click('#user-publish');
    await page.locator('#user-result.ok', { hasText: 'published' }).waitFor({ timeout: 15_000 });
    const userFrame = page.locator('#frames li[data-kind="user"]');
    await userFrame.waitFor({ timeout: 15_000 });
    for (const value of shownValues(userMessageExample(userMessageType)))
      expect(await userFrame.textContent()).toContain(value);

    // An invalid payload is refused with the field named, in the page (the form still has the family's topic).
    const invalid = invalidPayloadFor(sample);
    await page.fill('#topic-payload', JSON.stringify(invalid.payload));
    await page.click('#topic-publish');
    await page
      .locator('#topic-result.err', { hasText: `payload.${invalid.field}` })
      .waitFor({ timeout: 15_000 });

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/console.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    expect(externalRequests).toEqual([]);
    await page.close();
  });

  it('trace view: a typed id shows its journey, which grows live; a message in the frames list opens by a click', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const pageErrors = collectPageErrors(page);
    await page.goto(platform.urls.console);

    // An unknown id waits for a first hop rather than failing.
    await page.fill('#trace-id', 'not-published-yet');
    await page.click('#trace-go');
    await page.locator('#trace-status[data-state="waiting"]', { hasText: 'no trace record' }).waitFor();

    // A user message to someone offline: published, routed to nobody, stored in the inbox.
    const id = await publishUser(platform, clients, { realm: 'acme', userId: 'tracy' });
    await page.fill('#trace-id', id);
    await page.click('#trace-go');
    const timeline = page.locator('#trace-timeline');
    await timeline.filter({ hasText: 'stored' }).waitFor({ timeout: 15_000 });
    expect(await timeline.textContent()).toMatch(
      /published[\s\S]*routed\s+0 connection\(s\)[\s\S]*inbox: stored/,
    );
    expect(await page.locator('#trace-status').getAttribute('data-state')).toBe('live');

    // Live: the user connects from the page; the open trace shows the delivery without another click.
    await page.fill('#user', 'tracy');
    await page.click('#connect');
    await timeline.filter({ hasText: 'delivered-on-connect' }).waitFor({ timeout: 15_000 });
    expect(await timeline.textContent()).toMatch(/delivered\s+from the inbox on connect/);
    // The same timeline `wspush trace` prints.
    const cli = await traceCli(platform, id);
    expect(cli.code, cli.stderr).toBe(0);
    expect(await timeline.textContent()).toBe(cli.stdout);

    // A topic message in the frames list: its trace button opens its journey.
    await page.click('#trace-stop');
    const topicId = await publishTopic(platform, clients, {
      realm: 'acme',
      topic: topics.openHistory,
      payload: payloadFor(topics.openHistory),
    });
    await page.locator(`#frames button.trace-link[data-trace-id="${topicId}"]`).click({ timeout: 15_000 });
    expect(await page.inputValue('#trace-id')).toBe(topicId);
    await timeline.filter({ hasText: `id ${topicId}` }).waitFor({ timeout: 15_000 });
    // A broadcast's successes are counted per shard (a direct post is one shard), not listed per connection.
    await timeline
      .filter({ hasText: /Broadcast shards: 1 record\(s\): delivered [1-9]/ })
      .waitFor({ timeout: 15_000 });

    await mkdir('test-artifacts', { recursive: true });
    await page.screenshot({ path: 'test-artifacts/console-trace.png', fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.close();
  });
});
