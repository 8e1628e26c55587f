/** Debian's Chromium driven by playwright-core: no browser download, no network beyond loopback. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Flags that keep Chromium headless and off the (closed) network; see ../shared/TOOLCHAIN.md. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Throws with the install command when Debian's Chromium is missing. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `${CHROMIUM} is missing: the browser suite drives Debian's Chromium. Install it with: apt-get install -y chromium`,
    );
  }
}

/** Starts Chromium. */
export function launch(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** Starts Chromium before the calling file's tests and closes it after them; returns the running browser's getter. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running: call the getter inside a test');
    return browser;
  };
}

/** What one page did on the network and in the console while it loaded. */
export type PageLog = {
  /** Console messages of type error, with their text. */
  consoleErrors: string[];
  /** Requests that failed, or answered with status 400 or more (the document of the 404 page aside). */
  failed: string[];
  /** URLs of every script the page requested. */
  scripts: string[];
};

/** Opens `url` in a fresh context and records its console errors, failed requests and script requests. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { expectStatus?: number } = {},
): Promise<{ page: Page; log: PageLog; close: () => Promise<void> }> {
  const { expectStatus = 200, ...contextOptions } = options;
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const log: PageLog = { consoleErrors: [], failed: [], scripts: [] };
  page.on('console', (msg) => {
    // Chromium reports a document's own 404 as a console error: expected for the not-found page only.
    const isExpected404 = expectStatus === 404 && msg.location().url === url && msg.text().includes('status of 404');
    if (msg.type() === 'error' && !isExpected404) log.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => log.consoleErrors.push(err.message));
  page.on('request', (req) => {
    if (req.resourceType() === 'script') log.scripts.push(req.url());
  });
  page.on('requestfailed', (req) => log.failed.push(`${req.url()}: ${req.failure()?.errorText ?? 'failed'}`));
  page.on('response', (res) => {
    const isDocument = res.request().isNavigationRequest() && res.url() === url;
    if (res.status() >= 400 && !isDocument) log.failed.push(`${res.url()}: status ${res.status()}`);
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== expectStatus)
    throw new Error(`${url} answered ${response?.status()}, expected ${expectStatus}`);
  return { page, log, close: () => context.close() };
}
