/**
 * Headless Chromium for the browser tests (Debian's `/usr/bin/chromium` through playwright-core; never a
 * downloaded browser). Without Chromium a browser test is skipped locally but fails in CI (CI=true), where
 * `.ci/run` installs it: a missing browser must never pass silently there.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
/** Skip (rather than fail) a browser test: only when Chromium is missing and this is not CI. */
export const skipWithoutChromium = !chromiumAvailable && process.env.CI !== 'true';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Launches headless Chromium with the standard flags. Every launch gets a fresh user-data-dir: playwright
 * creates a temporary profile and removes it on `browser.close()` (it refuses a `--user-data-dir` argument).
 * Throws, naming the path, when Chromium is missing (reached only in CI, see `skipWithoutChromium`).
 */
export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable)
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: the browser test cannot run (CI=true)`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/**
 * Collects the page's uncaught errors (and, with `console: true`, its `console.error` messages) into the
 * returned array, which a test expects to stay empty.
 */
export function collectPageErrors(page: Page, options: { console?: boolean } = {}): string[] {
  const problems: string[] = [];
  if (options.console) {
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
  }
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return problems;
}

/** A page opened by `openLocalAppPage`; `close()` stops a reloadable page's server (a no-op otherwise). */
export interface LocalAppPage {
  close(): void;
}

/**
 * Shows `html` as a page served from this machine (`http://localhost:<port>/`, as a developer's app is): the local
 * platform refuses pages from anywhere else, `null` origins (setContent, file:) too. The one-page server closes
 * once the page has loaded (the page keeps its origin), unless `reloadable`: then it serves until `close()`, so
 * `page.reload()` loads the page again at the same origin (same `localStorage`).
 */
export async function openLocalAppPage(
  page: Page,
  html: string,
  options: { reloadable?: boolean } = {},
): Promise<LocalAppPage> {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const close = (): void => {
    server.close();
    server.closeAllConnections();
  };
  try {
    await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
  } catch (error) {
    close();
    throw error;
  }
  if (options.reloadable) return { close };
  close();
  return { close: () => undefined };
}
