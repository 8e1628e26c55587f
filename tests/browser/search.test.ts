import { describe, expect, it } from 'vitest';
import { openPage, useBrowser } from './helpers/chromium';
import { LINES_SLUGS, SEED_SLUG, inFixture, inSeed } from './helpers/site';

const browser = useBrowser();

describe('search page in Chromium', () => {
  it('finds the seed thread for "masseter" and links to it', async () => {
    const { page, log, close } = await openPage(browser(), inSeed('/search/'), { javaScriptEnabled: true });
    try {
      const input = page.getByRole('textbox', { name: 'Search', exact: true });
      await input.fill('masseter');
      const result = page.locator('.pagefind-ui__result-link').first();
      await expect.poll(() => result.getAttribute('href'), { timeout: 10_000 }).toBe(`/threads/${SEED_SLUG}/`);
      expect(await result.innerText()).toBe('Face Semi-paralyzed After Botox to Masseter Muscles?');
      expect(await page.locator('.pagefind-ui__result').count()).toBe(1);
      expect(log.consoleErrors).toEqual([]);
      expect(log.failed).toEqual([]);
    } finally {
      await close();
    }
  });

  it("finds threads by a doctor's name, place or specialty, and offers the specialties as a filter (the seed has no topics)", async () => {
    const { page, log, close } = await openPage(browser(), inSeed('/search/'), { javaScriptEnabled: true });
    try {
      const input = page.getByRole('textbox', { name: 'Search', exact: true });
      for (const query of ['Menachof', 'Greenwood', 'Dermatologic']) {
        await input.fill(query);
        const result = page.locator('.pagefind-ui__result-link').first();
        await expect.poll(() => result.getAttribute('href'), { timeout: 10_000 }).toBe(`/threads/${SEED_SLUG}/`);
      }
      // Pagefind's UI lists each filter with its values once the index has any.
      const filter = page.locator('.pagefind-ui__filter-panel');
      await expect
        .poll(() => filter.locator('.pagefind-ui__filter-name').allTextContents(), { timeout: 10_000 })
        .toEqual(['Specialty']);
      await filter.locator('summary').first().click();
      const labels = await filter.locator('.pagefind-ui__filter-label').allTextContents();
      expect(labels.map((l) => l.replace(/\s*\(\d+\)$/u, '').trim())).toEqual([
        'Dermatologic Surgeon',
        'Facial Plastic Surgeon',
        'Plastic Surgeon',
      ]);
      expect(log.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('says that search needs JavaScript, and links to the index, when it is off', async () => {
    const { page, close } = await openPage(browser(), inSeed('/search/'), { javaScriptEnabled: false });
    try {
      expect(await page.locator('#search').innerText()).toBe(
        'Search needs JavaScript, which is off in this browser. Every question is listed in the index of all questions.',
      );
      expect(await page.locator('#search a').getAttribute('href')).toBe('/');
    } finally {
      await close();
    }
  });

  it('searches every bundle of every shard of a site built in shards (fixture site: two shards of two bundles each)', async () => {
    const { page, log, close } = await openPage(browser(), inFixture('/search/'), { javaScriptEnabled: true });
    try {
      expect(await page.evaluate(() => (window as unknown as { searchBundles: string[] }).searchBundles)).toEqual([
        '/pagefind/',
        '/pagefind-2/',
        '/pagefind-3/',
        '/pagefind-4/',
      ]);
      const input = page.getByRole('textbox', { name: 'Search', exact: true });
      for (const [query, slug] of [
        ['masseter', SEED_SLUG],
        ['numbered', LINES_SLUGS[1] ?? ''],
      ]) {
        await input.fill(query ?? '');
        const result = page.locator('.pagefind-ui__result-link').first();
        await expect.poll(() => result.getAttribute('href'), { timeout: 10_000 }).toBe(`/threads/${slug}/`);
      }
      // The 50 generated filler threads and the imported cheek-filler thread are spread over the
      // four bundles by the shards' hash: all 51 are found.
      await input.fill('filler');
      await expect
        .poll(() => page.locator('.pagefind-ui__message').innerText(), { timeout: 10_000 })
        .toBe('51 results for filler');
      expect(log.consoleErrors).toEqual([]);
      expect(log.failed).toEqual([]);
    } finally {
      await close();
    }
  });
});
