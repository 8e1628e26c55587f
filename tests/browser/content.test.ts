import { describe, expect, it } from 'vitest';
import { doctorSlug } from '../../src/content/slugs';
import { openPage, useBrowser } from './helpers/chromium';
import { longWordDoctor } from './helpers/fixture-content';
import { LONG_WORD_SLUG, SEED_SLUG, fixtureSite, inFixture, inSeed, mayRunScripts, seedSite } from './helpers/site';

/** The seed thread's answers as a reader sees them: headline, then the doctor line and rating (or the anonymous note). */
const ANSWERS = [
  ['Face Semi-paralyzed After Botox to Masseter Muscles?', 'Anonymous answer: the source names no doctor.'],
  ['Semi-Paralyzed Face After Botox Injections', 'Michael R. Menachof, MD', '4.4 out of 5 stars · 28 reviews'],
  ['Botox facial paralysis', 'Brent Moelleken, MD', '4.9 out of 5 stars · 194 reviews'],
  ['Face Semi-Paralyzed After Botox', 'Anonymous answer: the source names no doctor.'],
  ['Asymmetric smile after Botox to masseter', 'Anonymous answer: the source names no doctor.'],
  [
    'No antidote for botox complication of big cheek treatment',
    'Ronald Shelton, MD',
    '4.9 out of 5 stars · 39 reviews',
  ],
  [
    'Face Semi-paralyzed After Botox to Masseter Muscles?',
    'Francis R. Palmer, III, MD',
    '4.7 out of 5 stars · 28 reviews',
  ],
  ['Re-contouring Masseter Hypertrophy with Botox', 'Will Richardson, MD'],
];

const browser = useBrowser();

describe('seed thread in Chromium', () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`shows 8 answer cards in order with their doctors and ratings (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
      const { page, close } = await openPage(browser(), inSeed(`/threads/${SEED_SLUG}/`), { javaScriptEnabled });
      try {
        await expect
          .poll(() => page.locator('h1').innerText())
          .toBe('Face Semi-paralyzed After Botox to Masseter Muscles?');
        const cards = page.locator('main article.answer');
        expect(await cards.count()).toBe(8);
        for (const [i, [headline, ...doctor]] of ANSWERS.entries()) {
          const card = cards.nth(i);
          expect(await card.getAttribute('id')).toBe(`answer-${i + 1}`);
          expect(await card.locator('h3').innerText()).toBe(headline);
          const footer = await card.locator('.doctor').innerText();
          for (const text of doctor) expect(footer, `answer ${i + 1}`).toContain(text);
          if (doctor.length < 2) expect(footer, `answer ${i + 1}`).not.toContain('out of 5 stars');
          expect(await card.isVisible()).toBe(true);
        }
        // The stars are decoration: the rating's words are what a screen reader gets.
        const ratings = await page.locator('main .rating').evaluateAll((els) => els.map((el) => el.textContent));
        expect(ratings).toHaveLength(4);
        expect(await page.locator('main .stars[aria-hidden="true"]').count()).toBe(4);
        // The stylesheet fills 4.4 and 4.7 as four and a half stars of five, 4.9 as five.
        const fills = await page
          .locator('main .stars')
          .evaluateAll((els) =>
            els.map((el) =>
              Math.round((100 * parseFloat(getComputedStyle(el, '::after').width)) / el.getBoundingClientRect().width),
            ),
          );
        expect(fills).toEqual([90, 100, 100, 90]);
      } finally {
        await close();
      }
    });
  }
});

describe("a doctor's answers in two pages (fixture site: 51 answers by the long-word doctor)", () => {
  it('goes from the profile to page 2 and back, and from page 2 to the answer it lists', async () => {
    const doctor = longWordDoctor();
    const first = `/doctors/${doctorSlug(doctor)}/`;
    const name = `${doctor.name}, MD, FACS`;
    const { page, close } = await openPage(browser(), inFixture(first));
    try {
      expect(await page.locator('h1').innerText()).toBe(name);
      expect(await page.locator('.archive-counts').innerText()).toBe('Page 1 of 2: answers 1–50 of 51');
      expect(await page.locator('.doctor-answers li').count()).toBe(50);
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next page' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${first}page/2/`);
      expect(await page.locator('h1').innerText()).toBe(`${name}: answer 51 of 51`);
      expect(await page.locator('.doctor-meta').innerText()).toBe(
        [doctor.specialty, doctor.location].filter(Boolean).join(' · '),
      );
      expect(await page.locator('#doctor-answers-heading').innerText()).toBe('Answers in this archive (51)');
      expect(await page.locator('.pagination [aria-current="page"]').innerText()).toBe('Page 2');
      expect(await page.locator('header [aria-current="page"]').innerText()).toBe('Doctors');

      await page.getByRole('link', { name: `Profile and rating of ${doctor.name}` }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(first);
      await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Page 2' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${first}page/2/`);

      await page.locator('.doctor-answers .answer-headline a').click();
      await expect.poll(() => page.url()).toBe(inFixture(`/threads/${LONG_WORD_SLUG}/#answer-1`));
      expect(await page.locator(':target').getAttribute('id')).toBe('answer-1');
    } finally {
      await close();
    }
  });
});

describe('every page: no script, no console error, no failed request', () => {
  const pages = [...seedSite(), ...fixtureSite()];
  it('finds the pages to check', () => {
    expect(pages.map((p) => p.file)).toEqual(
      expect.arrayContaining(['index.html', '404.html', `threads/${SEED_SLUG}/index.html`]),
    );
  });
  for (const sitePage of pages) {
    for (const javaScriptEnabled of [true, false]) {
      it(`${sitePage.url} (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async () => {
        const { page, log, close } = await openPage(browser(), sitePage.url, {
          javaScriptEnabled,
          expectStatus: sitePage.status,
        });
        try {
          // Only the search page loads anything after `load`; waiting for quiet elsewhere costs 0.5 s a page.
          if (mayRunScripts(sitePage)) await page.waitForLoadState('networkidle');
          expect(log.consoleErrors).toEqual([]);
          expect(log.failed).toEqual([]);
          if (!mayRunScripts(sitePage)) expect(log.scripts).toEqual([]);
          expect(await page.locator('main h1').count()).toBe(1);
        } finally {
          await close();
        }
      });
    }
  }
});
