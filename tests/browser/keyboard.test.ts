import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './helpers/chromium';
import { fixtureSite, isLaterPage, seedSite } from './helpers/site';

const browser = useBrowser();

const FOCUSABLE = 'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])';

/** Every element Tab should stop at, in document order, each described by tag, text and href. */
function focusables(page: Page): Promise<string[]> {
  return page
    .locator(FOCUSABLE)
    .evaluateAll((els) =>
      els
        .filter((el) => el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'))
        .map(
          (el) =>
            `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? ''} ${(el.textContent ?? '').trim().slice(0, 60)}`,
        ),
    );
}

/** The focused element described like `focusables`, with whether its focus outline shows. */
function focused(page: Page): Promise<{ element: string; outline: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { element: 'body', outline: 'none' };
    const style = getComputedStyle(el);
    return {
      element: `${el.tagName.toLowerCase()} ${el.getAttribute('href') ?? ''} ${(el.textContent ?? '').trim().slice(0, 60)}`,
      outline: `${style.outlineStyle} ${style.outlineWidth}`,
    };
  });
}

describe('keyboard', () => {
  for (const sitePage of [...seedSite(), ...fixtureSite().filter(isLaterPage)]) {
    it(`${sitePage.url}: Tab reaches every link in document order, each with a visible focus outline`, async () => {
      const { page, close } = await openPage(browser(), sitePage.url, { expectStatus: sitePage.status });
      try {
        const expected = await focusables(page);
        expect(expected.length).toBeGreaterThan(1);
        expect(expected[0]).toBe('a #main Skip to content');
        const reached: string[] = [];
        for (let i = 0; i < expected.length; i++) {
          await page.keyboard.press('Tab');
          const { element, outline } = await focused(page);
          reached.push(element);
          expect(outline, `focus outline of ${element}`).not.toMatch(/^none|^\S+ 0px$/u);
        }
        expect(reached).toEqual(expected);
      } finally {
        await close();
      }
    });

    it(`${sitePage.url}: the skip link moves focus to the main content`, async () => {
      const { page, close } = await openPage(browser(), sitePage.url, { expectStatus: sitePage.status });
      try {
        await page.keyboard.press('Tab');
        const skip = await page.evaluate(() => {
          const rect = document.activeElement?.getBoundingClientRect();
          return { text: document.activeElement?.textContent, top: rect?.top ?? -1, bottom: rect?.bottom ?? -1 };
        });
        expect(skip.text).toBe('Skip to content');
        expect(skip.top, 'the focused skip link is on screen').toBeGreaterThanOrEqual(0);
        expect(skip.bottom).toBeLessThanOrEqual(800);
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
        // The next Tab continues inside main, past the site header.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);
      } finally {
        await close();
      }
    });
  }
});
