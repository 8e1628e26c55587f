import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './helpers/chromium';
import { fixtureSite, isLaterPage, seedSite } from './helpers/site';

const browser = useBrowser();

describe('dark mode and print lose no text (print drops only navigation: page links, breadcrumbs, letters)', () => {
  for (const sitePage of [...seedSite(), ...fixtureSite().filter(isLaterPage)]) {
    it(`${sitePage.url}: main's rendered text is the same in light, dark and print`, async () => {
      const { page, close } = await openPage(browser(), sitePage.url, { expectStatus: sitePage.status });
      try {
        // innerText follows the CSS: text hidden by display:none or visibility:hidden drops out of it.
        const mainText = () => page.locator('main').innerText();
        const light = await mainText();
        expect(light.length).toBeGreaterThan(10);
        await page.emulateMedia({ colorScheme: 'dark' });
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        expect(await mainText()).toBe(light);
        // Print leaves out the links between pages, breadcrumbs and letter links by design (docs/reader-features.md, "Reading comfort"); nothing else.
        await page.emulateMedia({ colorScheme: 'light', media: 'screen' });
        await page.evaluate(() =>
          document
            .querySelectorAll('main .pagination, main .breadcrumbs, main .letters')
            .forEach((nav) => nav.remove()),
        );
        const onPaper = await mainText();
        await page.emulateMedia({ colorScheme: 'light', media: 'print' });
        expect(await page.evaluate(() => matchMedia('print').matches)).toBe(true);
        expect(await mainText()).toBe(onPaper);
      } finally {
        await close();
      }
    });
  }
});
