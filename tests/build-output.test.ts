import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUT, ROOT, listFiles as files, runBuild } from './helpers/build';
import { microdataItems } from './helpers/microdata';
import type { Item } from './helpers/microdata';

const SLUG = 'face-semi-paralyzed-after-botox-to-masseter-muscles';
const page = () => load(readFileSync(path.join(OUT, 'threads', SLUG, 'index.html'), 'utf8'));

/** The words of every text node under `selector`, in document order. */
function words($: ReturnType<typeof load>, selector: string): string[] {
  const texts: string[] = [];
  $(selector)
    .find('*')
    .addBack()
    .contents()
    .each((_, node) => {
      if (node.nodeType === 3) texts.push($(node).text());
    });
  return texts.join(' ').split(/\s+/u).filter(Boolean);
}

/** The seed scrape's words that are text someone wrote: no template lines, page chrome or doctor blocks. */
function seedWords(): string[] {
  const seed = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed', '000_52f1e9b741cd2cdd.txt'), 'utf8');
  const lines = seed.replace(/\u00a0/gu, ' ').split('\n');
  const kept = lines.filter((line, i) => {
    const next = lines[i + 1] ?? '';
    const isDoctorName = /, (MD|DO)$/u.test(line.trim()) && /(Surgeon|Dermatologist)$/u.test(next.trim());
    const isDoctorLine =
      isDoctorName || /, (MD|DO)$/u.test((lines[i - 1] ?? '').trim()) || / out of 5 stars /u.test(line);
    return (
      !line.startsWith('{{') &&
      line.trim() !== 'You might also like...' &&
      !/^Doctor Answers \d+$/u.test(line.trim()) &&
      !isDoctorLine
    );
  });
  return kept.join(' ').replace(' (photo)', '').split(/\s+/u).filter(Boolean);
}

describe('built site (seed thread)', () => {
  beforeAll(() => {
    const build = runBuild();
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  });

  it('writes the pages, the stylesheet, the favicon, the search bundle, sitemap, robots.txt and .nojekyll', () => {
    const out = files(OUT).filter((f) => !f.startsWith('_next/static/') && !f.startsWith('pagefind/'));
    expect(out.sort()).toEqual([
      '.nojekyll',
      '404.html',
      '404/index.html',
      'doctors/brent-moelleken-beverly-hills/index.html',
      'doctors/francis-r-palmer-iii-beverly-hills/index.html',
      'doctors/index.html',
      'doctors/michael-r-menachof-greenwood-village/index.html',
      'doctors/ronald-shelton-manhattan/index.html',
      'doctors/will-richardson-fort-lauderdale/index.html',
      'favicon.svg',
      'index.html',
      'locations/beverly-hills/index.html',
      'locations/fort-lauderdale/index.html',
      'locations/greenwood-village/index.html',
      'locations/index.html',
      'locations/manhattan/index.html',
      'robots.txt',
      'search-bundles.js',
      'search.js',
      'search/index.html',
      'sitemap.xml',
      'specialties/dermatologic-surgeon/index.html',
      'specialties/facial-plastic-surgeon/index.html',
      'specialties/index.html',
      'specialties/plastic-surgeon/index.html',
      `threads/${SLUG}/index.html`,
    ]);
    const assets = files(path.join(OUT, '_next', 'static'));
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatch(/\.css$/u);
  });

  it('shows no topic page or link when no thread names a topic (the seed has none)', () => {
    expect(files(OUT).filter((f) => f.startsWith('topics/'))).toEqual([]);
    for (const file of files(OUT).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(OUT, file), 'utf8');
      expect(html, file).not.toContain('/topics/');
      expect(
        load(html)('header nav a')
          .map((_, a) => load(html)(a).text())
          .get(),
        file,
      ).toEqual(['Questions', 'Doctors', 'Search']);
    }
    expect(readFileSync(path.join(OUT, 'sitemap.xml'), 'utf8')).not.toContain('/topics/');
  });

  it("runs no JavaScript outside the search page: no script element elsewhere, no .js file but search's", () => {
    for (const file of files(OUT).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(OUT, file), 'utf8');
      const $ = load(html);
      const scripts = $('script')
        .map((_, s) => $(s).attr('src') ?? `inline ${$(s).attr('type') ?? 'classic'}`)
        .get();
      if (file === 'search/index.html') {
        expect(scripts, file).toEqual(['/pagefind/pagefind-ui.js', '/search-bundles.js', '/search.js']);
      } else {
        expect(scripts, file).toEqual([]);
      }
      expect(html, file).not.toContain('__NEXT_DATA__');
    }
    const js = files(OUT).filter((f) => f.endsWith('.js'));
    expect(js.filter((f) => !f.startsWith('pagefind/'))).toEqual(['search-bundles.js', 'search.js']);
  });

  it('puts every word of the seed question and answers on the page, in order', () => {
    const pageWords = words(page(), 'main');
    const expected = seedWords();
    let at = 0;
    for (const [i, word] of expected.entries()) {
      const found = pageWords.indexOf(word, at);
      expect(
        found,
        `word ${i} ${JSON.stringify(word)} after page word ${at} (${pageWords.slice(at, at + 8).join(' ')})`,
      ).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(expected.length).toBe(868); // every word of the seed's question and 8 answers
  });

  it('shows one h1, the answer heading and 8 answer cards in source order', () => {
    const $ = page();
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('Face Semi-paralyzed After Botox to Masseter Muscles?');
    expect($('h2').first().text()).toBe('Doctor answers (8)');
    expect(
      $('article.answer')
        .map((_, a) => $(a).attr('id'))
        .get(),
    ).toEqual(['answer-1', 'answer-2', 'answer-3', 'answer-4', 'answer-5', 'answer-6', 'answer-7', 'answer-8']);
    expect(
      $('article.answer h3')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual([
      'Face Semi-paralyzed After Botox to Masseter Muscles?',
      'Semi-Paralyzed Face After Botox Injections',
      'Botox facial paralysis',
      'Face Semi-Paralyzed After Botox',
      'Asymmetric smile after Botox to masseter',
      'No antidote for botox complication of big cheek treatment',
      'Face Semi-paralyzed After Botox to Masseter Muscles?',
      'Re-contouring Masseter Hypertrophy with Botox',
    ]);
    expect(
      $('article.answer a.permalink')
        .map((_, a) => `${$(a).attr('href')} ${$(a).text()}`)
        .get(),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => `#answer-${n} Answer ${n} of 8`));
  });

  it('shows each doctor as in the source, and the anonymous answers as such', () => {
    const $ = page();
    const doctors = $('article.answer .doctor')
      .map((_, d) =>
        $(d)
          .find('p')
          .map((_, p) => $(p).text())
          .get()
          .join(' | '),
      )
      .get();
    expect(doctors).toEqual([
      'Anonymous answer: the source names no doctor.',
      'Michael R. Menachof, MD | Facial Plastic Surgeon · Greenwood Village | 4.4 out of 5 stars · 28 reviews',
      'Brent Moelleken, MD | Plastic Surgeon · Beverly Hills | 4.9 out of 5 stars · 194 reviews',
      'Anonymous answer: the source names no doctor.',
      'Anonymous answer: the source names no doctor.',
      'Ronald Shelton, MD | Dermatologic Surgeon · Manhattan | 4.9 out of 5 stars · 39 reviews',
      'Francis R. Palmer, III, MD | Facial Plastic Surgeon · Beverly Hills | 4.7 out of 5 stars · 28 reviews',
      'Will Richardson, MD | Dermatologic Surgeon · Fort Lauderdale',
    ]);
    expect(
      $('.stars')
        .map((_, s) => $(s).attr('aria-hidden'))
        .get(),
    ).toEqual(['true', 'true', 'true', 'true']);
    expect(
      $('.stars')
        .map((_, s) => $(s).attr('class'))
        .get(),
    ).toEqual(['stars stars-9', 'stars stars-10', 'stars stars-10', 'stars stars-9']);
    expect($('.stars').text()).toBe(''); // the stylesheet draws them
  });

  it('invents nothing and keeps no scraper junk', () => {
    const html = readFileSync(path.join(OUT, 'threads', SLUG, 'index.html'), 'utf8');
    expect(html).not.toContain('{{');
    expect(html).not.toContain('voteCount');
    expect(html).not.toContain('You might also like');
    expect(html).not.toMatch(/\bvotes?\b/u);
    expect(html).not.toContain('(photo)');
    expect(html).not.toContain('<time');
    const $ = page();
    expect($('.photo-note').text()).toBe('The original question included a photo, which is not kept in this archive.');
    expect($('.disclaimer').text()).toBe(
      'These answers are for educational purposes and should not be relied upon as a substitute for medical advice you may receive from your physician. If you have a medical emergency, please call 911. These answers do not constitute or initiate a patient/doctor relationship.',
    );
    expect($('.source').text()).toBe('Source: RealSelf');
  });

  it('lists the thread on the index with its answer count, first words and specialties', () => {
    const $ = load(readFileSync(path.join(OUT, 'index.html'), 'utf8'));
    expect($('h1').text()).toBe('Questions and answers');
    expect($('.archive-counts').text()).toBe('1 question, 8 answers');
    expect($('nav.pagination').length).toBe(0); // one page: nothing to page through
    expect($('.thread-summary h2 a').attr('href')).toBe(`/threads/${SLUG}/`);
    expect($('.thread-meta').text()).toBe('8 answers · Facial Plastic Surgeon, Plastic Surgeon, Dermatologic Surgeon');
    expect($('.excerpt').text()).toBe(
      "I had 30 units of botox injected in the masseter muscles on the right side of my face; I leave the left side alone because the muscles aren't as active. …",
    );
  });

  it('has a 404 page and a favicon', () => {
    const $ = load(readFileSync(path.join(OUT, '404.html'), 'utf8'));
    expect($('h1').text()).toBe('Page not found');
    expect(statSync(path.join(OUT, 'favicon.svg')).size).toBeGreaterThan(0);
  });

  it("marks the thread page up as a schema.org QAPage in microdata: Google's required fields, 8 answers, authors, no votes, no ratings", () => {
    const $ = page();
    const url = `http://localhost:3000/threads/${SLUG}/`;
    const items = microdataItems($, url);
    expect(items.map((i) => i.type)).toEqual(['https://schema.org/BreadcrumbList', 'https://schema.org/QAPage']);
    const question = items[1]?.properties.mainEntity?.[0] as Item;
    expect(question.type).toBe('https://schema.org/Question');
    expect(Object.keys(question.properties).sort()).toEqual(['answerCount', 'name', 'suggestedAnswer', 'text']); // the seed has no date
    expect(question.properties.name).toEqual([$('h1').text()]);
    expect(question.properties.text).toEqual([$('.question .prose').text().replace(/\s+/gu, ' ').trim()]);
    expect(question.properties.answerCount).toEqual(['8']);
    const answers = question.properties.suggestedAnswer as Item[];
    expect(answers.map((a) => a.type)).toEqual(Array(8).fill('https://schema.org/Answer'));
    expect(answers.map((a) => a.properties.url)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map((n) => [`${url}#answer-${n}`]));
    answers.forEach((a, i) => {
      expect(a.properties.text).toEqual([
        $(`#answer-${i + 1} .prose`)
          .text()
          .replace(/\s+/gu, ' ')
          .trim(),
      ]);
      expect((a.properties.text?.[0] as string).length).toBeGreaterThan(100);
    });
    expect(
      answers.map((a) => {
        const author = a.properties.author?.[0] as Item | undefined;
        return author
          ? `${author.type} ${author.properties.name?.[0] as string}, ${author.properties.honorificSuffix?.[0] as string}`
          : null;
      }),
    ).toEqual(
      [
        null,
        'Michael R. Menachof, MD',
        'Brent Moelleken, MD',
        null,
        null,
        'Ronald Shelton, MD',
        'Francis R. Palmer, III, MD',
        'Will Richardson, MD',
      ].map((a) => (a ? `https://schema.org/Person ${a}` : null)),
    );
    expect($.html()).not.toMatch(/acceptedAnswer|aggregateRating|ratingValue|reviewCount|upvoteCount/u);
    expect($('link[rel=canonical]').attr('href')).toBe(url);
    expect($('meta[property="og:url"]').attr('content')).toBe(url);
  });

  it("links each named doctor to a page listing the answer with its permalink and the rating's thread", () => {
    const $ = page();
    expect(
      $('.doctor-name a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual([
      '/doctors/michael-r-menachof-greenwood-village/',
      '/doctors/brent-moelleken-beverly-hills/',
      '/doctors/ronald-shelton-manhattan/',
      '/doctors/francis-r-palmer-iii-beverly-hills/',
      '/doctors/will-richardson-fort-lauderdale/',
    ]);
    const doc = load(
      readFileSync(path.join(OUT, 'doctors', 'francis-r-palmer-iii-beverly-hills', 'index.html'), 'utf8'),
    );
    expect(doc('h1').text()).toBe('Francis R. Palmer, III, MD');
    expect(doc('.doctor-meta').text()).toBe('Facial Plastic Surgeon · Beverly Hills');
    expect(doc('.rating').text()).toBe('4.7 out of 5 stars · 28 reviews');
    expect(doc('.rating-source').text()).toBe(
      'As shown in the most recent thread with a rating: Face Semi-paralyzed After Botox to Masseter Muscles?',
    );
    // The answer's headline repeats the question's title, so it reads "Answer 7" under the question.
    expect(
      doc('.doctor-answers a')
        .map((_, a) => `${doc(a).attr('href')} ${doc(a).text()}`)
        .get(),
    ).toEqual([
      `/threads/${SLUG}/ Face Semi-paralyzed After Botox to Masseter Muscles?`,
      `/threads/${SLUG}/#answer-7 Answer 7`,
    ]);
    const unrated = load(
      readFileSync(path.join(OUT, 'doctors', 'will-richardson-fort-lauderdale', 'index.html'), 'utf8'),
    );
    expect(unrated('.rating').length).toBe(0);
    expect(unrated('.rating-source').text()).toBe('No thread in the archive shows a rating for this doctor.');
  });

  it('gives only the search page a CSP that allows scripts, and says without JavaScript that search needs it', () => {
    const csp = (file: string) =>
      load(readFileSync(path.join(OUT, file), 'utf8'))('meta[http-equiv="Content-Security-Policy"]').attr('content');
    const noScript =
      "default-src 'none'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self'; script-src 'none'; style-src 'self'";
    for (const file of files(OUT).filter((f) => f.endsWith('.html') && f !== 'search/index.html'))
      expect(csp(file), file).toBe(noScript);
    expect(csp('search/index.html')).toBe(
      "default-src 'none'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'",
    );
    const $ = load(readFileSync(path.join(OUT, 'search', 'index.html'), 'utf8'));
    expect($('#search').text()).toBe(
      'Search needs JavaScript, which is off in this browser. Every question is listed in the index of all questions.',
    );
    expect($('#search a').attr('href')).toBe('/');
    const init = readFileSync(path.join(OUT, 'search.js'), 'utf8');
    expect(init).toContain("element.textContent = '';");
  });

  it('indexes only the thread for search: its article, not navigation, doctor, index or 404 pages', () => {
    const entry = JSON.parse(readFileSync(path.join(OUT, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(entry.languages.en?.page_count).toBe(1);
    const marked = files(OUT)
      .filter((f) => f.endsWith('.html'))
      .filter((f) => readFileSync(path.join(OUT, f), 'utf8').includes('data-pagefind-body'));
    expect(marked).toEqual([`threads/${SLUG}/index.html`]);
    expect(page()('article.thread[data-pagefind-body] h1').text()).toBe(
      'Face Semi-paralyzed After Botox to Masseter Muscles?',
    );
  });

  it('writes sitemap.xml and robots.txt with the default site URL, and .nojekyll', () => {
    const sitemap = readFileSync(path.join(OUT, 'sitemap.xml'), 'utf8');
    expect([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/gu)].map((m) => m[1])).toEqual([
      'http://localhost:3000/',
      `http://localhost:3000/threads/${SLUG}/`,
      'http://localhost:3000/doctors/',
      'http://localhost:3000/doctors/brent-moelleken-beverly-hills/',
      'http://localhost:3000/doctors/francis-r-palmer-iii-beverly-hills/',
      'http://localhost:3000/doctors/michael-r-menachof-greenwood-village/',
      'http://localhost:3000/doctors/ronald-shelton-manhattan/',
      'http://localhost:3000/doctors/will-richardson-fort-lauderdale/',
      ...['', 'dermatologic-surgeon/', 'facial-plastic-surgeon/', 'plastic-surgeon/'].map(
        (s) => `http://localhost:3000/specialties/${s}`,
      ),
      ...['', 'beverly-hills/', 'fort-lauderdale/', 'greenwood-village/', 'manhattan/'].map(
        (s) => `http://localhost:3000/locations/${s}`,
      ),
    ]);
    expect(readFileSync(path.join(OUT, 'robots.txt'), 'utf8')).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: http://localhost:3000/sitemap.xml\n',
    );
    expect(statSync(path.join(OUT, '.nojekyll')).size).toBe(0);
  });

  it('gives every page a skip link, landmarks, one h1 and headings without skipped levels', () => {
    for (const file of files(OUT).filter((f) => f.endsWith('.html'))) {
      const $ = load(readFileSync(path.join(OUT, file), 'utf8'));
      expect($('a.skip-link').attr('href'), file).toBe('#main');
      expect($('header.site-header nav[aria-label="Site"]').length, file).toBe(1);
      expect($('main#main').length, file).toBe(1);
      expect($('footer.site-footer').length, file).toBe(1);
      expect($('h1').length, file).toBe(1);
      const levels = $('h1, h2, h3, h4, h5, h6')
        .map((_, h) => Number(h.tagName.slice(1)))
        .get();
      levels.forEach((level, i) => {
        if (i > 0)
          expect(level - (levels[i - 1] ?? 1), `${file}: h${levels[i - 1]} then h${level}`).toBeLessThanOrEqual(1);
      });
    }
  });

  it('hides navigation, pagination and related threads in print', () => {
    const css = files(path.join(OUT, '_next', 'static'))
      .map((f) => readFileSync(path.join(OUT, '_next', 'static', f), 'utf8'))
      .join('');
    const print = /@media print\{(.*)\}\s*$/su.exec(css)?.[1] ?? '';
    const hidden = /([^{}]+)\{display:none\}/u.exec(print)?.[1]?.split(',') ?? [];
    expect(hidden).toEqual(
      expect.arrayContaining(['.site-header', '.site-footer', '.skip-link', '.pagination', '.related']),
    );
  });
});
