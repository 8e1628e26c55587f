/** The sites under test: every HTML page of an export folder, as the URL a reader would open. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';
import { listFiles } from '../../../src/export/files';

/** One page of a built site. */
export type SitePage = {
  /** File under the export folder, e.g. `threads/<slug>/index.html`. */
  file: string;
  /** Absolute file path, for the HTML validator. */
  absolute: string;
  /** Full URL on the test server. */
  url: string;
  /** The HTTP status the server answers with: 404 for the not-found page, 200 otherwise. */
  status: number;
  /** Short name for messages and screenshot files, e.g. `threads-<slug>`. */
  name: string;
};

/** Every .html file under `dir` (skipping _next/), relative to it, sorted. */
function htmlFiles(dir: string): string[] {
  return listFiles(dir).filter((f) => f.endsWith('.html') && !f.startsWith('_next/'));
}

/**
 * The pages of the export in `dir` served at `origin`. `404.html` is what the server answers for
 * any missing path, so it is opened at a path that does not exist and must answer 404. A file with
 * the same bytes as an earlier one (Next writes 404/index.html as a copy of 404.html) is left out.
 */
export function sitePages(dir: string, origin: string): SitePage[] {
  const seen = new Set<string>();
  const unique = htmlFiles(dir).filter((file) => {
    const html = readFileSync(path.join(dir, file), 'utf8');
    if (seen.has(html)) return false;
    seen.add(html);
    return true;
  });
  return unique.map((file) => {
    const absolute = path.join(dir, file);
    if (file === '404.html') return { file, absolute, url: `${origin}/no-such-page/`, status: 404, name: 'not-found' };
    const urlPath = `/${file.replace(/(^|\/)index\.html$/u, '$1')}`;
    const name = urlPath === '/' ? 'index' : urlPath.replace(/^\/|\/$/gu, '').replace(/[^a-z0-9]+/giu, '-');
    return { file, absolute, url: `${origin}${urlPath}`, status: 200, name };
  });
}

/** The seed site (content/) as built by the global setup. */
export function seedSite(): SitePage[] {
  return sitePages(inject('seedDir'), inject('seedOrigin'));
}

/**
 * The pages of the layout fixture site (writeFixtureContent: the seed, a thread with a
 * 20,000-character word, 50 more answers by its doctor, the imported line and list threads) that
 * show or link the long-word thread, the line and list threads, and the topic and directory pages
 * (only this site has topics); the rest repeat the seed site or each other.
 */
export function fixtureSite(): SitePage[] {
  return sitePages(inject('fixtureDir'), inject('fixtureOrigin')).filter(
    (p) =>
      isLinesThread(p) ||
      isBrowsePage(p) ||
      p.file.includes(LONG_WORD_SLUG) ||
      readFileSync(p.absolute, 'utf8').includes(LONG_WORD_SLUG),
  );
}

/** The topic list and pages, the directory, specialties and places: the fixture site's have the long names and a second topic page. */
export function isBrowsePage(page: SitePage): boolean {
  return /^(topics|specialties|locations)\/|^doctors\/(index\.html|page\/)/u.test(page.file);
}

/** The page of one of the threads imported from the line and list scrapes (LINES_SLUGS). */
export function isLinesThread(page: SitePage): boolean {
  return LINES_SLUGS.some((slug) => page.file === `threads/${slug}/index.html`);
}

/** A listing's page 2 or later (`page/<n>/`): the fixture site's index and long-word doctor have one; the seed site, one thread, none. */
export function isLaterPage(page: SitePage): boolean {
  return /(^|\/)page\/\d+\//u.test(page.file);
}

/** Every HTML file of both sites, duplicates included: the validator reads files, not pages. */
export function everyHtmlFile(): string[] {
  return [inject('seedDir'), inject('fixtureDir')].flatMap((dir) => htmlFiles(dir).map((f) => path.join(dir, f)));
}

/** Pages that may load JavaScript: the search page only. */
export function mayRunScripts(page: SitePage): boolean {
  return new URL(page.url).pathname.startsWith('/search/');
}

export const SEED_SLUG = 'face-semi-paralyzed-after-botox-to-masseter-muscles';
export const LONG_WORD_SLUG = 'long-word-layout-fixture';
/** The threads imported from tests/fixtures/scrapes/lists-and-steps.txt and lines-not-lists.txt. */
export const LINES_SLUGS = ['bruising-and-pain-after-cheek-filler', 'numbered-notes-that-are-not-a-list'];

declare module 'vitest' {
  export interface ProvidedContext {
    seedDir: string;
    seedOrigin: string;
    fixtureDir: string;
    fixtureOrigin: string;
  }
}

/** A URL on the seed site's server. */
export function inSeed(urlPath: string): string {
  return `${inject('seedOrigin')}${urlPath}`;
}

/** A URL on the fixture site's server. */
export function inFixture(urlPath: string): string {
  return `${inject('fixtureOrigin')}${urlPath}`;
}
