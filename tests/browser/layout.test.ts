import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { openPage, useBrowser } from './helpers/chromium';
import { doctorSlug } from '../../src/content/slugs';
import { longWordDoctor } from './helpers/fixture-content';
import { fixtureSite, isBrowsePage, LINES_SLUGS, LONG_WORD_SLUG, seedSite } from './helpers/site';
import type { SitePage } from './helpers/site';

const WIDTHS = [320, 390, 768, 1280];
/** Widths kept as screenshots for a person to look at (screenshots/, git-ignored). */
const SCREENSHOT_WIDTHS = [390, 1280];
const SCREENSHOTS = path.join(ROOT, 'screenshots');

const browser = useBrowser();
beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/**
 * Opens `sitePage` and, at every width in light and dark, checks for horizontal scrolling; saves
 * screenshots, of the whole page for the seed site and of the first screen for the fixture site
 * (its long-word page is 34,000 px tall at 390 px).
 */
async function checkLayout(sitePage: SitePage, site: 'seed' | 'fixture', javaScriptEnabled: boolean): Promise<void> {
  const { page, close } = await openPage(browser(), sitePage.url, { javaScriptEnabled, expectStatus: sitePage.status });
  try {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 800 });
      for (const colorScheme of ['light', 'dark'] as const) {
        // Light and dark share one layout, so one of them is enough where no screenshot is kept.
        if (colorScheme === 'dark' && !SCREENSHOT_WIDTHS.includes(width)) continue;
        await page.emulateMedia({ colorScheme });
        const { scrollWidth, innerWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
        }));
        expect(scrollWidth, `${sitePage.url} at ${width} px, ${colorScheme}`).toBeLessThanOrEqual(innerWidth);
        if (SCREENSHOT_WIDTHS.includes(width)) {
          const file = `${site}-${sitePage.name}-${width}-${javaScriptEnabled ? 'js' : 'nojs'}-${colorScheme}.png`;
          await page.screenshot({ path: path.join(SCREENSHOTS, file), fullPage: site === 'seed' });
        }
      }
    }
  } finally {
    await close();
  }
}

describe('layout: no horizontal scroll at 320, 390, 768 and 1280 px, light and dark', () => {
  const fixturePages = fixtureSite();
  it('the fixture site has the 20,000-character word thread, the index and its doctor in two pages, the list threads, and its topic and directory pages', () => {
    const doctor = doctorSlug(longWordDoctor());
    // The browsing pages: the long-word topic and the long-word doctor's place and name meet 320 px there.
    expect(fixturePages.filter(isBrowsePage).map((p) => p.file)).toEqual(
      expect.arrayContaining([
        'doctors/index.html',
        'topics/index.html',
        'topics/layout-fixtures/page/2/index.html',
        'topics/pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopicsilicovolcanoconiosis/index.html',
        'locations/llanfairpwllgwyngyllllanfairpwllgwyngyllllanfairpwllgwyngyllllanfairpwllgwyngyll/index.html',
      ]),
    );
    expect(
      fixturePages
        .filter((p) => !isBrowsePage(p))
        .map((p) => p.file)
        .sort(),
    ).toEqual(
      [
        `doctors/${doctor}/index.html`,
        `doctors/${doctor}/page/2/index.html`,
        'page/2/index.html',
        ...LINES_SLUGS.map((slug) => `threads/${slug}/index.html`),
        `threads/${LONG_WORD_SLUG}/index.html`,
      ].sort(),
    );
  });
  for (const [site, pages] of [
    ['seed', seedSite()],
    ['fixture', fixturePages],
  ] as const) {
    for (const sitePage of pages) {
      for (const javaScriptEnabled of [true, false]) {
        it(`${site} ${sitePage.file} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, () =>
          checkLayout(sitePage, site, javaScriptEnabled));
      }
    }
  }
});
