import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUT, ROOT, listFiles as files, runBuild } from './helpers/build';

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
    const isDoctorLine = isDoctorName || /, (MD|DO)$/u.test((lines[i - 1] ?? '').trim()) || / out of 5 stars /u.test(line);
    return !line.startsWith('{{') && line.trim() !== 'You might also like...' && !/^Doctor Answers \d+$/u.test(line.trim()) && !isDoctorLine;
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
      'doctors/michael-r-menachof-greenwood-village/index.html',
      'doctors/ronald-shelton-manhattan/index.html',
      'doctors/will-richardson-fort-lauderdale/index.html',
      'favicon.svg',
      'index.html',
      'robots.txt',
      'search.js',
      'search/index.html',
      'sitemap.xml',
      `threads/${SLUG}/index.html`,
    ]);
    const assets = files(path.join(OUT, '_next', 'static'));
    expect(assets).toHaveLength(1);
    expect(assets[0]).toMatch(/\.css$/u);
  });

  it('runs no JavaScript outside the search page: only JSON-LD data blocks, no .js file but search\'s', () => {
    for (const file of files(OUT).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(path.join(OUT, file), 'utf8');
      const $ = load(html);
      const scripts = $('script').map((_, s) => $(s).attr('src') ?? `inline ${$(s).attr('type') ?? 'classic'}`).get();
      if (file === 'search/index.html') {
        expect(scripts, file).toEqual(['/pagefind/pagefind-ui.js', '/search.js']);
      } else if (file.startsWith('threads/')) {
        expect(scripts, file).toEqual(['inline application/ld+json']);
      } else {
        expect(scripts, file).toEqual([]);
      }
      expect(html, file).not.toContain('__NEXT_DATA__');
    }
    const js = files(OUT).filter((f) => f.endsWith('.js'));
    expect(js.filter((f) => !f.startsWith('pagefind/'))).toEqual(['search.js']);
  });

  it('puts every word of the seed question and answers on the page, in order', () => {
    const pageWords = words(page(), 'main');
    const expected = seedWords();
    let at = 0;
    for (const [i, word] of expected.entries()) {
      const found = pageWords.indexOf(word, at);
      expect(found, `word ${i} ${JSON.stringify(word)} after page word ${at} (${pageWords.slice(at, at + 8).join(' ')})`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
    expect(expected.length).toBe(868); // every word of the seed's question and 8 answers
  });

  it('shows one h1, the answer heading and 8 answer cards in source order', () => {
    const $ = page();
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('Face Semi-paralyzed After Botox to Masseter Muscles?');
    expect($('h2').first().text()).toBe('Doctor answers (8)');
    expect($('article.answer').map((_, a) => $(a).attr('id')).get()).toEqual(
      ['answer-1', 'answer-2', 'answer-3', 'answer-4', 'answer-5', 'answer-6', 'answer-7', 'answer-8'],
    );
    expect($('article.answer h3').map((_, h) => $(h).text()).get()).toEqual([
      'Face Semi-paralyzed After Botox to Masseter Muscles?',
      'Semi-Paralyzed Face After Botox Injections',
      'Botox facial paralysis',
      'Face Semi-Paralyzed After Botox',
      'Asymmetric smile after Botox to masseter',
      'No antidote for botox complication of big cheek treatment',
      'Face Semi-paralyzed After Botox to Masseter Muscles?',
      'Re-contouring Masseter Hypertrophy with Botox',
    ]);
    expect($('article.answer a.permalink').map((_, a) => `${$(a).attr('href')} ${$(a).text()}`).get()).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8].map((n) => `#answer-${n} Answer ${n} of 8`),
    );
  });

  it('shows each doctor as in the source, and the anonymous answers as such', () => {
    const $ = page();
    const doctors = $('article.answer .doctor')
      .map((_, d) => $(d).find('p').map((_, p) => $(p).text()).get().join(' | '))
      .get();
    expect(doctors).toEqual([
      'Anonymous answer: the source names no doctor.',
      'Michael R. Menachof, MD | Facial Plastic Surgeon · Greenwood Village | ★★★★★☆☆☆☆☆ 4.4 out of 5 stars · 28 reviews',
      'Brent Moelleken, MD | Plastic Surgeon · Beverly Hills | ★★★★★☆☆☆☆☆ 4.9 out of 5 stars · 194 reviews',
      'Anonymous answer: the source names no doctor.',
      'Anonymous answer: the source names no doctor.',
      'Ronald Shelton, MD | Dermatologic Surgeon · Manhattan | ★★★★★☆☆☆☆☆ 4.9 out of 5 stars · 39 reviews',
      'Francis R. Palmer, III, MD | Facial Plastic Surgeon · Beverly Hills | ★★★★★☆☆☆☆☆ 4.7 out of 5 stars · 28 reviews',
      'Will Richardson, MD | Dermatologic Surgeon · Fort Lauderdale',
    ]);
    expect($('.stars').map((_, s) => $(s).attr('aria-hidden')).get()).toEqual(['true', 'true', 'true', 'true']);
    expect($('.stars-fill').map((_, s) => $(s).attr('class')).get()).toEqual([
      'stars-fill stars-9', 'stars-fill stars-10', 'stars-fill stars-10', 'stars-fill stars-9',
    ]);
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
    expect($('.thread-summary h2 a').attr('href')).toBe(`/threads/${SLUG}/`);
    expect($('.thread-meta').text()).toBe('8 answers · Facial Plastic Surgeon, Plastic Surgeon, Dermatologic Surgeon');
    expect($('.excerpt').text()).toBe(
      'I had 30 units of botox injected in the masseter muscles on the right side of my face; I leave the left side alone because the muscles aren\'t as active.…',
    );
  });

  it('has a 404 page and a favicon', () => {
    const $ = load(readFileSync(path.join(OUT, '404.html'), 'utf8'));
    expect($('h1').text()).toBe('Page not found');
    expect(statSync(path.join(OUT, 'favicon.svg')).size).toBeGreaterThan(0);
  });
});
