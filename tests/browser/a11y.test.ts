import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './helpers/chromium';
import { fixtureSite, isBrowsePage, isLaterPage, isLinesThread, seedSite } from './helpers/site';

const browser = useBrowser();

describe('axe-core: no violations, light and dark', () => {
  const pages = [
    ...seedSite(),
    ...fixtureSite().filter(
      (p) => p.file.includes('long-word') || isLaterPage(p) || isLinesThread(p) || isBrowsePage(p),
    ),
  ];
  for (const sitePage of pages) {
    for (const colorScheme of ['light', 'dark'] as const) {
      it(`${sitePage.url} (${colorScheme})`, async () => {
        const { page, close } = await openPage(browser(), sitePage.url, { colorScheme, expectStatus: sitePage.status });
        try {
          const results = await new AxeBuilder({ page }).analyze();
          const violations = results.violations.map(
            (v) => `${v.id} (${v.impact ?? ''}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
          );
          expect(violations).toEqual([]);
          // A scan that ran no rule would pass too: make sure it looked.
          expect(results.passes.map((r) => r.id)).toEqual(
            expect.arrayContaining(['color-contrast', 'landmark-one-main', 'skip-link']),
          );
        } finally {
          await close();
        }
      });
    }
  }
});
