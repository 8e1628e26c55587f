/**
 * The reader features on a built archive of 120 threads, served below a base path:
 * pagination, doctor pages, related threads, microdata, sharing metadata, a sitemap index (its
 * limit lowered to 50 URLs), robots.txt, .nojekyll, the host line, the search bundle, and every
 * internal link resolving to a file in out/.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderUsage } from '../src/export/files';
import { hostFit } from '../src/export/hosts';
import { GENERATED, TOPICS, generatedSlug, topicName, writeArchive } from './helpers/archive';
import { searchLayout } from '../src/export/search-index';
import { OUT, listFiles, runBuild } from './helpers/build';
import { microdataItems } from './helpers/microdata';
import { fragmentUrls } from './helpers/search';

const BASE = '/archive';
const SITE = 'https://example.org';
const html = (file: string) => readFileSync(path.join(OUT, file), 'utf8');
const page = (file: string) => load(html(file));

/** The out/ file a site path (base path stripped, no query or fragment) is served from, or null. */
function fileFor(sitePath: string): string | null {
  const clean = decodeURIComponent(sitePath.replace(/[?#].*$/u, ''));
  const file = path.join(OUT, clean.endsWith('/') ? `${clean}index.html` : clean);
  return existsSync(file) ? file : null;
}

/** The pagination links of a page: "<text> <href> rel=<rel>", or "<text> current=page" for the current page. */
function nav(p: ReturnType<typeof load>): string[] {
  return p('nav.pagination li')
    .map((_, li) => {
      const a = p(li).find('a');
      return a.length
        ? `${a.text()} ${a.attr('href')}${a.attr('rel') ? ` rel=${a.attr('rel')}` : ''}`
        : `${p(li).text()} current=${p(li).find('[aria-current]').attr('aria-current')}`;
    })
    .get();
}

/** Every page fragment of every search bundle (the fragment/ folders of out/pagefind, out/pagefind-2, …), as paths. */
function searchFragments(): string[] {
  return listFiles(OUT)
    .filter((f) => /^pagefind(-\d+)?\/fragment\//u.test(f))
    .map((f) => path.join(OUT, f));
}

/** Generated threads newest first: 117 down to 1. */
const newestFirst = Array.from({ length: GENERATED }, (_, k) => generatedSlug(GENERATED - k));

describe('built archive of 120 threads at SITE_URL=https://example.org/archive', () => {
  let contentDir = '';
  let buildOutput = '';
  beforeAll(() => {
    contentDir = writeArchive();
    // SITEMAP_MAX_URLS: the pages take a sitemap index, as 50,000 would on a large archive;
    // SEARCH_BUNDLE_THREADS: the 120 threads take several search bundles, as a large archive's do at the default.
    // The folder in SITE_URL is the base path (no BASE_PATH), as a project site's address is written.
    const build = runBuild({
      CONTENT_DIR: contentDir,
      SITE_URL: `${SITE}${BASE}/`,
      SITEMAP_MAX_URLS: '50',
      SEARCH_BUNDLE_THREADS: '50',
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
    buildOutput = build.output;
  });
  afterAll(() => rmSync(contentDir, { recursive: true, force: true }));

  it('resolves every internal link and asset of every page to a file in out/', () => {
    const pages = listFiles(OUT).filter((f) => f.endsWith('.html'));
    // index, pages 2-3, threads, doctors, Alex Morgan's pages 2-3, search, 404 twice; the directory,
    // specialties and places (list + 3 each), topics (list, Aftercare's 3 pages, 9 topics, Scripts)
    expect(pages.length).toBe(1 + 2 + 120 + 3 + 2 + 1 + 2 + 1 + 4 + 4 + 1 + 3 + 9 + 1);
    let checked = 0;
    for (const file of pages) {
      const $ = page(file);
      $('[href], [src], [data-base-url]').each((_, el) => {
        for (const attr of ['href', 'src', 'data-base-url']) {
          for (let url of $(el).attr(attr)?.split('\n') ?? []) {
            if (url.startsWith('#')) continue;
            if (url.startsWith(SITE))
              url = url.slice(SITE.length); // canonical and og:url
            else if (/^[a-z]+:/u.test(url)) continue; // links to the source site
            expect(url.startsWith(`${BASE}/`), `${file}: ${attr}="${url}" lacks the base path`).toBe(true);
            expect(fileFor(url.slice(BASE.length)), `${file}: ${attr}="${url}" has no file in out/`).not.toBeNull();
            checked++;
          }
        }
      });
    }
    expect(checked).toBeGreaterThan(1500); // about 13 a page: a check that found no links would prove nothing
  });

  it('splits the index into pages of 50, 50 and 20, newest first, with counts and page links', () => {
    const first = page('index.html');
    expect(first('h1').text()).toBe('Questions and answers');
    expect(first('.archive-counts').text()).toBe('120 questions, 238 answers · page 1 of 3');
    expect(
      first('.thread-summary h2 a')
        .map((_, a) => first(a).attr('href'))
        .get(),
    ).toEqual(newestFirst.slice(0, 50).map((s) => `${BASE}/threads/${s}/`));
    const second = page('page/2/index.html');
    expect(second('h1').text()).toBe('Questions and answers, page 2 of 3');
    expect(second('title').text()).toBe('Questions and answers, page 2 of 3 · Q&A Thread Archive');
    expect(
      second('.thread-summary h2 a')
        .map((_, a) => second(a).attr('href'))
        .get(),
    ).toEqual(newestFirst.slice(50, 100).map((s) => `${BASE}/threads/${s}/`));
    const third = page('page/3/index.html');
    expect(third('.archive-counts').text()).toBe('120 questions, 238 answers · page 3 of 3');
    expect(
      third('.thread-summary h2 a')
        .map((_, a) => third(a).text())
        .get()
        .slice(-4),
    ).toEqual([
      `Question 1 about ${TOPICS[1] ?? ''}`,
      'Does script text render literally?', // dated 2019: older than every generated thread
      'Zygomatic fracture healing', // undated threads last, by slug
      'Is </script><script>alert(1)</script> shown as script text?',
    ]);
    expect(third('.thread-summary').length).toBe(20);
    expect(existsSync(path.join(OUT, 'page', '1'))).toBe(false);
    expect(existsSync(path.join(OUT, 'page', '4'))).toBe(false);

    expect(nav(first)).toEqual([
      'Page 1 current=page',
      `2 ${BASE}/page/2/`,
      `3 ${BASE}/page/3/`,
      `Next page ${BASE}/page/2/ rel=next`,
    ]);
    expect(nav(second)).toEqual([
      `Previous page ${BASE}/ rel=prev`,
      `1 ${BASE}/`,
      'Page 2 current=page',
      `3 ${BASE}/page/3/`,
      `Next page ${BASE}/page/3/ rel=next`,
    ]);
    expect(nav(third)).toEqual([
      `Previous page ${BASE}/page/2/ rel=prev`,
      `1 ${BASE}/`,
      `2 ${BASE}/page/2/`,
      'Page 3 current=page',
    ]);
  });

  it('gives one page to a doctor across threads and two pages to same-named doctors in two cities', () => {
    expect(listFiles(path.join(OUT, 'doctors')).sort()).toEqual([
      'alex-morgan-springfield/index.html',
      'alex-morgan-springfield/page/2/index.html',
      'alex-morgan-springfield/page/3/index.html',
      'index.html', // the directory
      'john-smith-denver/index.html',
      'john-smith-miami/index.html',
    ]);
    const miami = page('doctors/john-smith-miami/index.html');
    expect(miami('h1').text()).toBe('John Smith, MD'); // as in the most recent thread naming him
    expect(miami('.doctor-meta').text()).toBe('Dermatologist · Miami');
    expect(miami('.rating').text()).toBe('4.2 out of 5 stars · 12 reviews');
    expect(miami('.rating-source').text()).toBe(
      'As shown in the most recent thread with a rating: Does script text render literally?',
    );
    expect(miami('h2').text()).toBe('Answers in this archive (2)');
    // Each answer by its own headline (linked to its permalink), under the question it answers.
    const entry = (li: Parameters<typeof miami>[0]) =>
      [miami(li).find('h3'), miami(li).find('.answer-headline'), miami(li).find('.thread-meta')].map((e) =>
        `${e.text()} ${e.find('a').attr('href') ?? ''}`.trim(),
      );
    expect(
      miami('.doctor-answers li')
        .map((_, li) => [entry(li)])
        .get(),
    ).toEqual([
      [
        `Does script text render literally? ${BASE}/threads/same-name-miami/`,
        `Yes, literally ${BASE}/threads/same-name-miami/#answer-1`,
        'Asked on 2019-06-01',
      ],
      [
        `Is </script><script>alert(1)</script> shown as script text? ${BASE}/threads/script-in-title/`,
        `It is text ${BASE}/threads/script-in-title/#answer-1`,
        '',
      ],
    ]);
    const denver = page('doctors/john-smith-denver/index.html');
    expect(denver('h1').text()).toBe('John Smith, DO');
    expect(denver('.doctor-meta').text()).toBe('Oral Surgeon · Denver');
    expect(
      denver('.doctor-answers .answer-headline a')
        .map((_, a) => denver(a).attr('href'))
        .get(),
    ).toEqual([`${BASE}/threads/same-name-denver/#answer-1`]);

    const alex = page('doctors/alex-morgan-springfield/index.html');
    // The newest thread (117) shows no rating: the rating comes from thread 116.
    expect(alex('.rating').text()).toBe('4.6 out of 5 stars · 116 reviews');
    expect(alex('.rating-source').text()).toBe(
      `As shown in the most recent thread with a rating: Question 116 about ${TOPICS[116 % TOPICS.length] ?? ''}`,
    );
    expect(alex('.doctor-answers .answer-headline a').first().attr('href')).toBe(
      `${BASE}/threads/${generatedSlug(117)}/#answer-1`,
    );
  });

  it("splits Alex Morgan's 117 answers into pages of 50, 50 and 17 that name him, link to each other and keep the total", () => {
    const alex = (n: number) =>
      page(
        n === 1 ? 'doctors/alex-morgan-springfield/index.html' : `doctors/alex-morgan-springfield/page/${n}/index.html`,
      );
    const url = (n: number) => `${BASE}/doctors/alex-morgan-springfield/${n === 1 ? '' : `page/${n}/`}`;
    const answers = (p: ReturnType<typeof load>) =>
      p('.doctor-answers .answer-headline a')
        .map((_, a) => p(a).attr('href'))
        .get();
    const permalinks = newestFirst.map((s) => `${BASE}/threads/${s}/#answer-1`);
    const [first, second, third] = [alex(1), alex(2), alex(3)];

    expect([first, second, third].map((p) => p('h1').text())).toEqual([
      'Alex Morgan, MD',
      'Alex Morgan, MD: answers 51–100 of 117',
      'Alex Morgan, MD: answers 101–117 of 117',
    ]);
    expect([first, second, third].map((p) => p('title').text())).toEqual([
      'Alex Morgan · Q&A Thread Archive',
      'Alex Morgan, answers 51–100 of 117 · Q&A Thread Archive',
      'Alex Morgan, answers 101–117 of 117 · Q&A Thread Archive',
    ]);
    expect(
      [first, second, third].map((p) => `${p('#doctor-answers-heading').text()} | ${p('.archive-counts').text()}`),
    ).toEqual([
      'Answers in this archive (117) | Page 1 of 3: answers 1–50 of 117',
      'Answers in this archive (117) | Page 2 of 3: answers 51–100 of 117',
      'Answers in this archive (117) | Page 3 of 3: answers 101–117 of 117',
    ]);
    expect(answers(first)).toEqual(permalinks.slice(0, 50));
    expect(answers(second)).toEqual(permalinks.slice(50, 100));
    expect(answers(third)).toEqual(permalinks.slice(100));
    expect([first, second, third].map((p) => p('.doctor-answers').attr('start'))).toEqual(['1', '51', '101']);
    expect(existsSync(path.join(OUT, 'doctors', 'alex-morgan-springfield', 'page', '1'))).toBe(false);
    expect(existsSync(path.join(OUT, 'doctors', 'alex-morgan-springfield', 'page', '4'))).toBe(false);

    // Later pages: who, and a way back to the profile; the rating stays on the profile.
    for (const p of [second, third]) {
      expect(p('.doctor-meta').text()).toBe('Plastic Surgeon · Springfield');
      expect(
        p('.doctor-meta a')
          .map((_, a) => p(a).attr('href'))
          .get(),
      ).toEqual([`${BASE}/specialties/plastic-surgeon/`, `${BASE}/locations/springfield/`]);
      expect(
        p('.doctor-profile p:not(.doctor-meta) a')
          .map((_, a) => `${p(a).text()} ${p(a).attr('href')}`)
          .get(),
      ).toEqual([`Profile and rating of Alex Morgan ${url(1)}`]);
      expect(p('.rating').length).toBe(0);
    }
    expect([first, second, third].map((p) => p('link[rel=canonical]').attr('href'))).toEqual(
      [1, 2, 3].map((n) => `${SITE}${url(n)}`),
    );
    expect([first, second, third].map((p) => p('meta[property="og:type"]').attr('content'))).toEqual([
      'profile',
      'website',
      'website',
    ]);
    expect(second('meta[name=description]').attr('content')).toBe(
      'Alex Morgan, Plastic Surgeon in Springfield: 117 answers in the archive. Page 2 of 3.',
    );

    // One h1, headings in order, the landmarks, and no script on every page.
    for (const p of [first, second, third]) {
      expect(
        p('h1, h2, h3, h4, h5, h6')
          .map((_, h) => h.tagName)
          .get()
          .slice(0, 3),
      ).toEqual(['h1', 'h2', 'h3']);
      expect(p('h1').length).toBe(1);
      expect(p('h3').length).toBe(p('.doctor-answers li').length);
      expect(p('main#main article.doctor-page nav.pagination[aria-label="Pages"]').length).toBe(1);
      expect(p('script').length).toBe(0);
    }

    expect(nav(first)).toEqual(['Page 1 current=page', `2 ${url(2)}`, `3 ${url(3)}`, `Next page ${url(2)} rel=next`]);
    expect(nav(second)).toEqual([
      `Previous page ${url(1)} rel=prev`,
      `1 ${url(1)}`,
      'Page 2 current=page',
      `3 ${url(3)}`,
      `Next page ${url(3)} rel=next`,
    ]);
    expect(nav(third)).toEqual([
      `Previous page ${url(2)} rel=prev`,
      `1 ${url(1)}`,
      `2 ${url(2)}`,
      'Page 3 current=page',
    ]);
  });

  it('gives a doctor with fewer answers than a page one page, without page links or page count', () => {
    expect(existsSync(path.join(OUT, 'doctors', 'john-smith-miami', 'page'))).toBe(false);
    const miami = page('doctors/john-smith-miami/index.html');
    expect(miami('nav.pagination').length).toBe(0);
    expect(miami('.archive-counts').length).toBe(0);
    expect(miami('.doctor-answers li').length).toBe(2);
  });

  it('links the doctor name in each answer card to the doctor page, and no name for anonymous answers', () => {
    const $ = page('threads/script-in-title/index.html');
    expect(
      $('article.answer .doctor-name a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([`John Smith ${BASE}/doctors/john-smith-miami/`]);
    expect($('article.answer .doctor-name').text()).toBe('John Smith, MD, FACS');
    expect($('#answer-2 .doctor').text()).toBe('Anonymous answer: the source names no doctor.');
  });

  it('lists up to five related threads sharing a topic, and none when nothing is related', () => {
    const related = (slug: string) => {
      const $ = page(`threads/${slug}/index.html`);
      return $('.related a')
        .map((_, a) => $(a).attr('href'))
        .get();
    };
    // Threads 9, 18, 27 ... share "masseter" only and score the same: ties go by slug.
    const masseter = Array.from({ length: 13 }, (_, k) => generatedSlug(9 * (k + 1))).sort();
    expect(related(generatedSlug(9))).toEqual(
      masseter
        .filter((s) => s !== generatedSlug(9))
        .slice(0, 5)
        .map((s) => `${BASE}/threads/${s}/`),
    );
    expect(related('script-in-title')).toEqual([`${BASE}/threads/same-name-miami/`]);
    expect(page('threads/script-in-title/index.html')('.related h2').text()).toBe('Related questions');
    expect(related('same-name-denver')).toEqual([]);
    expect(html('threads/same-name-denver/index.html')).not.toContain('Related questions');
  });

  it('marks a thread up as a QAPage in microdata with absolute answer URLs under the base path; </script> in a title stays text', () => {
    const raw = html('threads/script-in-title/index.html');
    const $ = load(raw);
    expect($('script').length).toBe(0);
    const url = `${SITE}${BASE}/threads/script-in-title/`;
    const text = (n: number) => $(`#answer-${n} .prose`).text().replace(/\s+/gu, ' ').trim();
    const items = microdataItems($, url);
    expect(items.map((i) => i.type)).toEqual(['https://schema.org/BreadcrumbList', 'https://schema.org/QAPage']);
    expect(items.slice(1)).toEqual([
      {
        type: 'https://schema.org/QAPage',
        properties: {
          mainEntity: [
            {
              type: 'https://schema.org/Question',
              properties: {
                name: ['Is </script><script>alert(1)</script> shown as script text?'],
                text: ['Will the script text in this title break the page?'],
                answerCount: ['2'],
                suggestedAnswer: [
                  {
                    type: 'https://schema.org/Answer',
                    properties: {
                      url: [`${url}#answer-1`],
                      upvoteCount: ['3'],
                      text: [text(1)],
                      author: [
                        {
                          type: 'https://schema.org/Person',
                          properties: { name: ['John Smith'], honorificSuffix: ['MD, FACS'] },
                        },
                      ],
                    },
                  },
                  { type: 'https://schema.org/Answer', properties: { url: [`${url}#answer-2`], text: [text(2)] } },
                ],
              },
            },
          ],
        },
      },
    ]);
    expect($('h1').text()).toBe('Is </script><script>alert(1)</script> shown as script text?');
    expect($('#answer-1 .votes').text()).toBe('3 votes');
  });

  it('sets canonical, Open Graph and Twitter metadata with absolute URLs under the base path', () => {
    const $ = page('threads/same-name-denver/index.html');
    const url = `${SITE}${BASE}/threads/same-name-denver/`;
    expect($('link[rel=canonical]').attr('href')).toBe(url);
    expect($('meta[property="og:url"]').attr('content')).toBe(url);
    expect($('meta[property="og:type"]').attr('content')).toBe('article');
    expect($('meta[property="og:title"]').attr('content')).toBe('Zygomatic fracture healing');
    expect($('meta[property="og:description"]').attr('content')).toBe('Zygomatic fracture healing, how long?');
    expect($('meta[name="twitter:card"]').attr('content')).toBe('summary');
    expect($('meta[name="twitter:title"], meta[name="twitter:description"]').length).toBe(0); // X reads the og: tags
    expect(page('page/2/index.html')('link[rel=canonical]').attr('href')).toBe(`${SITE}${BASE}/page/2/`);
    expect(page('index.html')('link[rel=icon]').attr('href')).toBe(`${BASE}/favicon.svg`);
  });

  it('writes sitemap.xml from the content (index pages, threads, every page of every doctor, the directory, specialties, places, topics), robots.txt and .nojekyll', () => {
    // Above SITEMAP_MAX_URLS (50 here) sitemap.xml is an index of sitemap-1.xml, sitemap-2.xml, …
    const xml = (file: string) => load(html(file), { xml: true });
    const index = xml('sitemap.xml');
    expect([index('sitemapindex').length, index('urlset').length]).toEqual([1, 0]);
    const parts = index('sitemapindex > sitemap > loc')
      .map((_, l) => index(l).text())
      .get();
    expect(parts).toEqual([1, 2, 3, 4].map((n) => `${SITE}${BASE}/sitemap-${n}.xml`));
    expect(listFiles(OUT).filter((f) => f.startsWith('sitemap'))).toEqual([
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-3.xml',
      'sitemap-4.xml',
      'sitemap.xml',
    ]);
    const perFile = parts.map((part) => {
      const $ = xml(part.slice(`${SITE}${BASE}/`.length));
      return $('urlset > url > loc')
        .map((_, l) => $(l).text())
        .get();
    });
    expect(perFile.map((locs) => locs.length)).toEqual([50, 50, 50, 1]);
    const locs = perFile.flat();
    expect(locs.length).toBe(3 + 120 + 1 + 3 + 2 + 4 + 4 + 1 + 13);
    expect(new Set(locs).size).toBe(locs.length);
    expect(locs.slice(0, 4)).toEqual([
      `${SITE}${BASE}/`,
      `${SITE}${BASE}/page/2/`,
      `${SITE}${BASE}/page/3/`,
      `${SITE}${BASE}/threads/${generatedSlug(117)}/`,
    ]);
    expect(locs.slice(123, 129)).toEqual(
      [
        '',
        'alex-morgan-springfield/',
        'alex-morgan-springfield/page/2/',
        'alex-morgan-springfield/page/3/',
        'john-smith-denver/',
        'john-smith-miami/',
      ].map((d) => `${SITE}${BASE}/doctors/${d}`),
    );
    expect(locs.slice(129, 137)).toEqual(
      [
        'specialties/',
        'specialties/dermatologist/',
        'specialties/oral-surgeon/',
        'specialties/plastic-surgeon/',
        'locations/',
        'locations/denver/',
        'locations/miami/',
        'locations/springfield/',
      ].map((p) => `${SITE}${BASE}/${p}`),
    );
    expect(locs.slice(137, 141)).toEqual(
      ['topics/', 'topics/aftercare/', 'topics/aftercare/page/2/', 'topics/aftercare/page/3/'].map(
        (p) => `${SITE}${BASE}/${p}`,
      ),
    );
    for (const loc of locs) expect(fileFor(loc.slice(`${SITE}${BASE}`.length)), loc).not.toBeNull();
    expect(html('robots.txt')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}${BASE}/sitemap.xml\n`);
    expect(html('.nojekyll')).toBe('');
  });

  it('ends the build saying what out/ holds and that every host checked takes it', () => {
    const usage = folderUsage(OUT);
    expect(buildOutput.split('\n').filter((l) => l.startsWith('postbuild: out/ holds'))).toEqual([
      `postbuild: out/ holds ${hostFit(usage).text}`,
    ]);
    expect(hostFit(usage).text).toMatch(
      /: fits GitHub Pages, Cloudflare Pages free, Cloudflare Pages paid, GitLab Pages$/u,
    );
  });

  it('indexes the 120 threads for search in bundles of at most 50, each thread in the one its slug hashes to, and the search page loads them under the base path', () => {
    const slugs = listFiles(path.join(OUT, 'threads')).map((f) => f.split('/')[0] ?? '');
    const layout = searchLayout(slugs, 50);
    expect(layout.map((b) => b.path)).toEqual(['/pagefind/', '/pagefind-2/', '/pagefind-3/', '/pagefind-4/']);
    const counts = layout.map(({ path: bundle }) => {
      const entry = JSON.parse(html(`${bundle.slice(1)}pagefind-entry.json`)) as {
        languages: Record<string, { page_count: number }>;
      };
      return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    });
    expect(counts).toEqual(layout.map((b) => b.slugs.length));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(120);
    expect(Math.max(...counts)).toBeLessThanOrEqual(50);
    // Each bundle holds exactly the pages of its threads (URLs from the site's root: the search page
    // adds the base path).
    for (const bundle of layout)
      expect(fragmentUrls(path.join(OUT, bundle.path))).toEqual(bundle.slugs.map((s) => `/threads/${s}/`).sort());
    expect(existsSync(path.join(OUT, 'pagefind-5'))).toBe(false);
    const $ = page('search/index.html');
    expect(
      $('script')
        .map((_, s) => $(s).attr('src'))
        .get(),
    ).toEqual([`${BASE}/pagefind/pagefind-ui.js`, `${BASE}/search-bundles.js`, `${BASE}/search.js`]);
    expect($('link[rel=stylesheet]').first().attr('href')).toBe(`${BASE}/pagefind/pagefind-ui.css`);
    expect($('#search').attr('data-base-url')).toBe(`${BASE}/`);
    // The page does not name the bundles (it is the same for a build in shards); the list does,
    // below the base path that search.js puts in front, each a folder Pagefind loads its engine from.
    expect(html('search-bundles.js')).toBe(
      '// The search bundles of this site, written by the build (src/export/search-index.ts) and read by search.js.\nwindow.searchBundles = ["/pagefind/","/pagefind-2/","/pagefind-3/","/pagefind-4/"];\n',
    );
    for (const bundle of layout) expect(existsSync(path.join(OUT, bundle.path, 'pagefind.js'))).toBe(true);
  });

  it('gives each search result the path of its thread page, to which the UI adds the base path (data-base-url); each thread in one bundle', () => {
    const urls = searchFragments().map((f) => {
      // A fragment is gzipped JSON after Pagefind's 12-byte marker.
      const data = gunzipSync(readFileSync(f)).toString('utf8');
      expect(data.slice(0, 12)).toBe('pagefind_dcd');
      return (JSON.parse(data.slice(12)) as { url: string }).url;
    });
    const threads = listFiles(OUT).flatMap((f) =>
      /^threads\/[^/]+\/index\.html$/u.test(f) ? [`/${f.slice(0, -'index.html'.length)}`] : [],
    );
    expect(threads).toHaveLength(120);
    expect(urls.sort()).toEqual(threads.sort());
  });
  it("lists every topic A to Z with its number of threads, and pages a topic's threads 50 at a time, newest first", () => {
    const list = page('topics/index.html');
    expect(list('h1').text()).toBe('Topics');
    // A to Z by name, punctuation aside: "</script><b>Scripts</b>" files under S.
    const topic = (t: string) => `${t.charAt(0).toUpperCase() + t.slice(1)} (13) ${BASE}/topics/${t}/`;
    const sorted = [...TOPICS].sort();
    expect(
      list('.names li')
        .map((_, li) => `${list(li).text()} ${list(li).find('a').attr('href')}`)
        .get(),
    ).toEqual([
      `Aftercare (117) ${BASE}/topics/aftercare/`,
      ...sorted.filter((t) => t < 'script').map(topic),
      `</script><b>Scripts</b> (1) ${BASE}/topics/script-b-scripts-b/`,
      ...sorted.filter((t) => t > 'script').map(topic),
    ]);
    const aftercare = (n: number) =>
      page(n === 1 ? 'topics/aftercare/index.html' : `topics/aftercare/page/${n}/index.html`);
    const links = (p: ReturnType<typeof load>) =>
      p('.thread-summary h2 a')
        .map((_, a) => p(a).attr('href'))
        .get();
    expect([1, 2, 3].map((n) => links(aftercare(n)).length)).toEqual([50, 50, 17]);
    expect([1, 2, 3].flatMap((n) => links(aftercare(n)))).toEqual(newestFirst.map((s) => `${BASE}/threads/${s}/`));
    expect(aftercare(2)('h1').text()).toBe('Aftercare, page 2 of 3');
    expect(aftercare(1)('.archive-counts').text()).toBe('117 questions · page 1 of 3');
    expect(nav(aftercare(3))).toEqual([
      `Previous page ${BASE}/topics/aftercare/page/2/ rel=prev`,
      `1 ${BASE}/topics/aftercare/`,
      `2 ${BASE}/topics/aftercare/page/2/`,
      'Page 3 current=page',
    ]);
    expect(
      aftercare(1)('.breadcrumbs li')
        .map((_, li) => aftercare(1)(li).text())
        .get(),
    ).toEqual(['Topics']);
    const scripts = page('topics/script-b-scripts-b/index.html');
    expect(scripts('h1').text()).toBe('</script><b>Scripts</b>');
    expect(scripts('h1 b').length).toBe(0);
    expect(existsSync(path.join(OUT, 'topics', 'masseter', 'page'))).toBe(false);
  });

  it('links each thread and each index entry to its topics; thread breadcrumbs go through the first topic', () => {
    const slug = generatedSlug(117);
    const $ = page(`threads/${slug}/index.html`);
    expect(
      $('article .topic-links a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([
      `Aftercare ${BASE}/topics/aftercare/`,
      `${topicName(117)} ${BASE}/topics/${TOPICS[117 % TOPICS.length] ?? ''}/`,
    ]);
    expect(
      $('.breadcrumbs li')
        .map((_, li) => `${$(li).text()} ${$(li).find('a').attr('href')}`)
        .get(),
    ).toEqual([`Questions ${BASE}/`, `Aftercare ${BASE}/topics/aftercare/`]);
    const breadcrumbs = microdataItems($, `${SITE}${BASE}/threads/${slug}/`)[0];
    expect(
      breadcrumbs?.properties.itemListElement?.map((i) =>
        typeof i === 'string' ? i : [i.properties.position, i.properties.name, i.properties.item ?? []].flat(),
      ),
    ).toEqual([
      ['1', 'Questions', `${SITE}${BASE}/`],
      ['2', 'Aftercare', `${SITE}${BASE}/topics/aftercare/`],
    ]);
    const index = page('index.html');
    expect(
      index('.thread-summary')
        .first()
        .find('.topic-links a')
        .map((_, a) => index(a).text())
        .get(),
    ).toEqual(['Aftercare', topicName(117)]);
    // A thread without topics has no topic list, and its breadcrumbs skip the topic step.
    const denver = page('threads/same-name-denver/index.html');
    expect(denver('.topic-links').length).toBe(0);
    expect(
      denver('.breadcrumbs li')
        .map((_, li) => denver(li).text())
        .get(),
    ).toEqual(['Questions']);
  });

  it('lists every doctor A to Z in the directory, with credentials, specialty, place, rating, answers and letter links', () => {
    const $ = page('doctors/index.html');
    expect($('h1').text()).toBe('Doctors');
    expect($('.archive-counts').text()).toBe('3 doctors');
    expect(
      $('.doctor-list > li')
        .map((_, li) =>
          $(li)
            .find('p')
            .map((__, p) => $(p).text())
            .get()
            .join(' | '),
        )
        .get(),
    ).toEqual([
      'Alex Morgan, MD | Plastic Surgeon · Springfield | 4.6 out of 5 stars · 116 reviews | 117 answers',
      'John Smith, DO | Oral Surgeon · Denver | 3.9 out of 5 stars · 7 reviews | 1 answer',
      'John Smith, MD | Dermatologist · Miami | 4.2 out of 5 stars · 12 reviews | 2 answers', // as in his most recent thread
    ]);
    expect($('.doctor-list a').first().attr('href')).toBe(`${BASE}/doctors/alex-morgan-springfield/`);
    expect(
      $('h2')
        .map((_, h) => `${$(h).text()}#${$(h).attr('id')}`)
        .get(),
    ).toEqual(['A#letter-A', 'J#letter-J']);
    expect(
      $('.letters a')
        .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([`A ${BASE}/doctors/#letter-A`, `J ${BASE}/doctors/#letter-J`]);
    expect($('.letters li').length).toBe(27);
    expect(
      $('main a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(expect.arrayContaining([`${BASE}/specialties/`, `${BASE}/locations/`]));
  });

  it('lists specialties and places with their number of doctors, and the doctors of each, with breadcrumbs', () => {
    const specialties = page('specialties/index.html');
    expect(
      specialties('.names li')
        .map((_, li) => specialties(li).text())
        .get(),
    ).toEqual(['Dermatologist (1)', 'Oral Surgeon (1)', 'Plastic Surgeon (1)']);
    const places = page('locations/index.html');
    expect(places('h1').text()).toBe('Places');
    expect(
      places('.names a')
        .map((_, a) => places(a).attr('href'))
        .get(),
    ).toEqual(['denver', 'miami', 'springfield'].map((p) => `${BASE}/locations/${p}/`));
    const miami = page('locations/miami/index.html');
    expect(miami('h1').text()).toBe('Miami');
    expect(
      miami('.doctor-list .doctor-name')
        .map((_, p) => miami(p).text())
        .get(),
    ).toEqual(['John Smith, MD']);
    expect(
      miami('.breadcrumbs li')
        .map((_, li) => miami(li).text())
        .get(),
    ).toEqual(['Doctors', 'Places']);
    const plastic = page('specialties/plastic-surgeon/index.html');
    expect(
      plastic('.doctor-list .doctor-name a')
        .map((_, a) => plastic(a).attr('href'))
        .get(),
    ).toEqual([`${BASE}/doctors/alex-morgan-springfield/`]);
  });

  it('links every section from every page header and marks the current one', () => {
    const current = (file: string) => {
      const $ = page(file);
      expect(
        $('header nav a')
          .map((_, a) => `${$(a).text()} ${$(a).attr('href')}`)
          .get(),
        file,
      ).toEqual([`Questions ${BASE}/`, `Topics ${BASE}/topics/`, `Doctors ${BASE}/doctors/`, `Search ${BASE}/search/`]);
      return $('header [aria-current=page]')
        .map((_, a) => $(a).text())
        .get()
        .join();
    };
    expect(
      [
        'index.html',
        'page/2/index.html',
        `threads/${generatedSlug(1)}/index.html`,
        'topics/index.html',
        'topics/aftercare/page/2/index.html',
        'doctors/index.html',
        'doctors/alex-morgan-springfield/index.html',
        'specialties/index.html',
        'locations/miami/index.html',
        'search/index.html',
        '404.html',
      ].map(current),
    ).toEqual([
      'Questions',
      'Questions',
      'Questions',
      'Topics',
      'Topics',
      'Doctors',
      'Doctors',
      'Doctors',
      'Doctors',
      'Search',
      '',
    ]);
  });

  it("puts a thread's doctors in its search record, with its topics and specialties as search filters", () => {
    const records = searchFragments().map(
      (f) =>
        JSON.parse(gunzipSync(readFileSync(f)).toString('utf8').slice(12)) as {
          url: string;
          content: string;
          filters: Record<string, string[]>;
        },
    );
    const record = records.find((r) => r.url === '/threads/script-in-title/');
    expect(record?.content).toContain('John Smith, MD, FACS. Dermatologist · Miami.');
    expect(record?.filters).toEqual({ topic: ['</script><b>Scripts</b>'], specialty: ['Dermatologist'] });
    expect(record?.content).not.toContain('Anonymous answer');
    const generated = records.find((r) => r.url === `/threads/${generatedSlug(5)}/`);
    expect(generated?.content).toContain('Alex Morgan, MD.');
    expect(generated?.filters).toEqual({ topic: ['Aftercare', topicName(5)], specialty: ['Plastic Surgeon'] });
  });
});
