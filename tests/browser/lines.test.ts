/**
 * Imported lines as a reader gets them: the threads imported from the line and list scrapes,
 * opened in Chromium. The rendered text (`innerText`) of the question and of each answer must
 * hold every non-empty line of the scrape as a line of its own, in order; lines that open a list
 * show their text only, and the list draws the marker: the same number, or a bullet.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { openPage, useBrowser } from './helpers/chromium';
import { LINES_SLUGS, inFixture } from './helpers/site';

/** A body in the scrape: its first and last line, and the lines that the page shows as list items. */
type Body = { lines: [number, number]; items: number[] };

/** Scrape line numbers from 1 to `last`. */
const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

const THREADS: { scrape: string; slug: string; bodies: Body[] }[] = [
  {
    scrape: 'lists-and-steps.txt',
    slug: 'bruising-and-pain-after-cheek-filler',
    bodies: [
      { lines: [3, 7], items: [4, 5] },
      { lines: [15, 32], items: [...range(18, 20), 23, 24, 26, 27, ...range(30, 32)] },
      { lines: [41, 52], items: [...range(42, 44), 47, 48, 51, 52] },
      { lines: [60, 77], items: [...range(65, 68), ...range(70, 74), 76, 77] },
    ],
  },
  {
    scrape: 'lines-not-lists.txt',
    slug: 'numbered-notes-that-are-not-a-list',
    bodies: [
      { lines: [3, 8], items: [] },
      { lines: [16, 40], items: [] },
      { lines: [46, 59], items: [...range(47, 50), ...range(52, 58)] },
    ],
  },
];

/** A list line's marker and text: "3) Warm" -> 3 and "Warm"; "• x" -> bullet and "x"; "-" -> bullet and "". */
function splitItem(line: string): { marker: number | 'bullet'; text: string } {
  const m = /^(?:([-*•])|(\d+)[.)])(?: (.*))?$/u.exec(line);
  if (!m) throw new Error(`${JSON.stringify(line)} does not open with a list marker`);
  return { marker: m[1] ? 'bullet' : Number(m[2]), text: m[3] ?? '' };
}

/** The list items of a rendered body in order: the number its list draws (or bullet) and its innerText. */
function listItems(body: Locator) {
  return body.locator('li').evaluateAll((items) =>
    items.map((li) => {
      const list = li.parentElement;
      const ordered = list instanceof HTMLOListElement;
      const number = ordered ? list.start + [...list.children].indexOf(li) : 'bullet';
      return { marker: number, text: (li as HTMLElement).innerText };
    }),
  );
}

const browser = useBrowser();

describe('imported lines and lists in Chromium: every scrape line is a line of the page', () => {
  it('covers both line and list threads', () => {
    expect(THREADS.map((t) => t.slug)).toEqual(LINES_SLUGS);
  });

  for (const { scrape, slug, bodies } of THREADS) {
    it(`${slug}: the question and each answer show their scrape lines, list markers drawn by the list`, async () => {
      const source = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'scrapes', scrape), 'utf8').split('\n');
      const { page, close } = await openPage(browser(), inFixture(`/threads/${slug}/`));
      try {
        const rendered = [
          page.locator('main .question .prose'),
          ...(await page.locator('main article.answer .prose').all()),
        ];
        expect(rendered).toHaveLength(bodies.length);
        for (const [i, { lines, items }] of bodies.entries()) {
          const numbers = range(...lines).filter((n) => (source[n - 1] ?? '') !== '');
          const expected = numbers.map((n) => {
            const line = source[n - 1] ?? '';
            return items.includes(n) ? splitItem(line).text : line;
          });
          const body = rendered[i] as Locator;
          const shown = (await body.innerText()).split('\n').filter((line) => line !== '');
          // An empty list item ("-" alone) shows no text: it is checked with the list items below.
          expect(shown, `${scrape} lines ${lines.join('-')}`).toEqual(expected.filter((line) => line !== ''));
          expect(await listItems(body), `${scrape} lines ${lines.join('-')}`).toEqual(
            items.map((n) => splitItem(source[n - 1] ?? '')),
          );
        }
      } finally {
        await close();
      }
    });
  }
});
