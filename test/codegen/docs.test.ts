// The checked-in HTML docs: up to date with the contract, fully offline, and working in a real browser
// (headless Chromium; jsdom cannot run the standalone bundle).
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { describeWithCodeTables } from '../../codegen/code-tables.js';
import { renderDocs } from '../../codegen/docs.js';
import { topicFamilies } from '../../generated/index.js';
import { collectPageErrors, launchChromium, skipWithoutChromium } from '../support/chromium.js';
import { get, type JsonMap, readContract } from './contract-yaml.js';
import { ROOT } from './run-cli.js';

const DOCS = path.join(ROOT, 'docs', 'api', 'index.html');
/** Every topic of the contract (families as written in it): the page shows each. */
const TOPICS: readonly string[] = topicFamilies;

describe('code tables of the contract description', () => {
  const contract = readContract(path.join(ROOT, 'asyncapi.yaml'));

  it('are written from x-error-codes and x-close-codes, one row per code', () => {
    const text = describeWithCodeTables('Intro.', contract['x-error-codes'], contract['x-close-codes']);
    const errorCodes = Object.keys(contract['x-error-codes'] as JsonMap);
    const closeCodes = contract['x-close-codes'] as JsonMap[];
    expect(errorCodes.length).toBeGreaterThan(0);
    for (const code of errorCodes) expect(text).toMatch(new RegExp(`^\\| \`${code}\` \\| (yes|no) \\|`, 'm'));
    for (const entry of closeCodes) expect(text).toContain(`| \`${String(entry.name)}\` |`);
    expect(text.startsWith('Intro.\n\n### Error codes')).toBe(true);
  });

  it('are not kept by hand in the contract description, and reach the rendered page', async () => {
    expect(String(get(contract, 'info', 'description'))).not.toMatch(/^\s*\|\s*`?[A-Z][A-Z_]+`?\s*\|/m);
    const html = await readFile(DOCS, 'utf8');
    for (const code of Object.keys(contract['x-error-codes'] as JsonMap)) expect(html).toContain(code);
  });
});

describe('docs/api/index.html', () => {
  it('is up to date with the contract and deterministic (run `npm run docs`)', {
    timeout: 180_000,
  }, async () => {
    const [first, second] = [
      await renderDocs(path.join(ROOT, 'asyncapi.yaml')),
      await renderDocs(path.join(ROOT, 'asyncapi.yaml')),
    ];
    expect(second === first, 'two renders differ').toBe(true);
    const checkedIn = await readFile(DOCS, 'utf8');
    expect(checkedIn === first, 'docs/api/index.html is stale: run `npm run docs`').toBe(true);
  });

  it('is self-contained: no external scripts, stylesheets or fetches', async () => {
    const html = await readFile(DOCS, 'utf8');
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+rel="?stylesheet/i);
    // Server-side markup already shows the topics, the examples and the error codes before any script runs.
    for (const topic of TOPICS) expect(html).toContain(topic);
    expect(html).toContain('FORBIDDEN_TOPIC');
  });

  // In CI a missing browser is a failure, never a silent skip.
  it.skipIf(skipWithoutChromium)(
    'loads in headless Chromium without console errors and shows every topic',
    { timeout: 120_000 },
    async () => {
      const browser = await launchChromium();
      try {
        const page = await browser.newPage({ viewport: { width: 1680, height: 1050 } });
        const problems = collectPageErrors(page, { console: true });
        const requests: string[] = [];
        page.on('request', (request) => {
          if (!request.url().startsWith('file:') && !request.url().startsWith('data:'))
            requests.push(request.url());
        });
        await page.goto(pathToFileURL(DOCS).href, { waitUntil: 'load' });
        // Hydration done: the bundle's global exists and React attached to the server markup.
        await page.waitForFunction(() => 'AsyncApiStandalone' in window, undefined, { timeout: 30_000 });
        await page.waitForTimeout(500);
        for (const topic of TOPICS) {
          await expect
            .poll(() => page.getByText(topic, { exact: false }).count(), { timeout: 10_000 })
            .toBeGreaterThan(0);
        }
        // The rendered, visible text (what a reader sees), not the DOM's raw text.
        // biome-ignore lint/performance/useDomNodeTextContent: visibility is the point of this check.
        const text = await page.locator('#asyncapi').innerText();
        for (const channel of ['{prefix}-broadcast', '{prefix}-user', '{prefix}-delivery', 'user-messages'])
          expect(text).toContain(channel);
        for (const title of ['Welcome frame', 'Notification', 'Document ready', 'Broadcast envelope'])
          expect(text).toContain(title);
        // Examples are expanded: a value that only appears in an example payload is visible.
        expect(text).toContain('Tonight 22:00 UTC');
        await mkdir(path.join(ROOT, 'test-artifacts'), { recursive: true });
        await page.screenshot({ path: path.join(ROOT, 'test-artifacts', 'docs-api.png'), fullPage: false });
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);
      } finally {
        // playwright gives the browser a fresh temporary profile and removes it on close.
        await browser.close();
      }
    },
  );
});
