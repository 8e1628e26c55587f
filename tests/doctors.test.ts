import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryArchive, sortThreads } from '../src/archive/archive';
import type { Archive } from '../src/archive/archive';
import { collectDoctors } from '../src/archive/doctors';
import { loadContent } from '../src/content/load';
import { doctorSlug } from '../src/content/slugs';
import { ROUTES, contentPaths } from '../src/routes/table';
import { doctorPath, indexPath } from '../src/site';
import { doctorPage } from '../src/views/doctor';
import { PAGE_SIZE, firstOnPage, pageCount, pageSlice } from '../src/views/paging';
import { GENERATED, generatedSlug, writeArchive } from './helpers/archive';

/** The doctor fixtures in index order, as the site sees them. */
function fixtureThreads() {
  const loaded = loadContent(path.join(__dirname, 'fixtures', 'doctors'));
  expect(loaded.problems).toEqual([]);
  return sortThreads(loaded.threads);
}

describe('doctor identity: slug of name plus slug of location', () => {
  it('is one doctor whatever the case, accents, punctuation and spacing of name and location', () => {
    expect(doctorSlug({ name: 'Anne-Marie Dupont', location: 'Paris' })).toBe('anne-marie-dupont-paris');
    expect(doctorSlug({ name: 'anne marie  Dupont', location: 'PARIS' })).toBe('anne-marie-dupont-paris');
    expect(doctorSlug({ name: 'Anne-Marie Dupónt', location: 'Paris' })).toBe('anne-marie-dupont-paris');
    expect(doctorSlug({ name: 'Francis R. Palmer, III', location: 'Beverly Hills' })).toBe(
      'francis-r-palmer-iii-beverly-hills',
    );
  });

  it('is two doctors when the same name comes with two locations', () => {
    expect(doctorSlug({ name: 'John Smith', location: 'Miami' })).toBe('john-smith-miami');
    expect(doctorSlug({ name: 'John Smith', location: 'Denver' })).toBe('john-smith-denver');
  });

  it('gives a name without Latin letters a stable hashed slug, distinct per location', () => {
    const a = doctorSlug({ name: '王伟', location: '北京' });
    expect(a).toMatch(/^doctor-[0-9a-f]{8}$/u);
    expect(doctorSlug({ name: '王伟', location: '北京' })).toBe(a);
    expect(doctorSlug({ name: '王伟', location: '上海' })).not.toBe(a);
  });

  it('cuts a slug over 100 characters and tags it with a hash, so it stays unique', () => {
    const long = 'Name '.repeat(30);
    const a = doctorSlug({ name: long, location: 'Miami' });
    const b = doctorSlug({ name: long, location: 'Denver' });
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).toMatch(/^name-name-.*-[0-9a-f]{8}$/u);
    expect(a).not.toBe(b);
  });
});

describe('collectDoctors on fixture threads', () => {
  it('merges one doctor across threads and keeps same-named doctors apart', () => {
    const doctors = collectDoctors(fixtureThreads());
    expect(
      doctors.map((d) => `${d.slug}: ${d.answers.map((a) => `${a.threadSlug}#answer-${a.number}`).join(', ')}`),
    ).toEqual([
      'anne-marie-dupont-paris: newer-thread#answer-1, older-thread#answer-1, undated-thread#answer-1',
      'john-smith-denver: older-thread#answer-2',
      'john-smith-miami: newer-thread#answer-2',
    ]);
  });

  it('shows name and credentials from the newest thread, the rating from the newest thread that has one', () => {
    const anne = collectDoctors(fixtureThreads())[0];
    expect(anne).toMatchObject({
      name: 'Anne-Marie Dupont',
      credentials: ['MD', 'PhD'],
      location: 'Paris',
      rating: { value: 4.5, reviews: 20 }, // the newer thread shows none; the undated one counts as oldest
      ratingFrom: { slug: 'older-thread', title: 'Older question' },
    });
    const miami = collectDoctors(fixtureThreads())[2];
    expect(miami).toMatchObject({ rating: null, ratingFrom: null });
  });
});

describe('paging, shared by the index and doctor pages', () => {
  it('cuts 117 entries into pages of 50, 50 and 17, and keeps one page for none', () => {
    const items = Array.from({ length: 117 }, (_, i) => i + 1);
    expect(PAGE_SIZE).toBe(50);
    expect([0, 1, 50, 51, 100, 101, 117].map((n) => pageCount(n))).toEqual([1, 1, 1, 2, 2, 3, 3]);
    expect([1, 2, 3].map((n) => pageSlice(items, n).length)).toEqual([50, 50, 17]);
    expect([1, 2, 3].map((n) => firstOnPage(n))).toEqual([1, 51, 101]);
    expect(pageSlice(items, 2)[0]).toBe(51);
    expect(pageSlice(items, 3).at(-1)).toBe(117);
    expect(pageSlice(items, 4)).toEqual([]);
  });

  it('puts page 1 at the listing itself and page n below it in page/<n>/', () => {
    expect(doctorPath('john-smith-miami')).toBe('/doctors/john-smith-miami/');
    expect(doctorPath('john-smith-miami', 1)).toBe('/doctors/john-smith-miami/');
    expect(doctorPath('john-smith-miami', 3)).toBe('/doctors/john-smith-miami/page/3/');
    expect([1, 2].map(indexPath)).toEqual(['/', '/page/2/']);
  });
});

describe('doctor page data on the 120-thread archive (117 answers by Alex Morgan)', () => {
  let dir = '';
  let archive: Archive;
  beforeAll(() => {
    dir = writeArchive();
    archive = memoryArchive(dir, loadContent(dir).threads);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists three pages for Alex Morgan and one for each John Smith', () => {
    expect(ROUTES.doctor.pages(archive)).toEqual([
      { slug: 'alex-morgan-springfield', n: 1 },
      { slug: 'alex-morgan-springfield', n: 2 },
      { slug: 'alex-morgan-springfield', n: 3 },
      { slug: 'john-smith-denver', n: 1 },
      { slug: 'john-smith-miami', n: 1 },
    ]);
  });

  it('gives each page its own answers, newest first, with the totals', () => {
    const permalinks = (n: number) =>
      doctorPage(archive, 'alex-morgan-springfield', n).answers.map((a) => `${a.threadSlug}#answer-${a.number}`);
    const newestFirst = Array.from({ length: GENERATED }, (_, k) => `${generatedSlug(GENERATED - k)}#answer-1`);
    expect(permalinks(1)).toEqual(newestFirst.slice(0, 50));
    expect(permalinks(2)).toEqual(newestFirst.slice(50, 100));
    expect(permalinks(3)).toEqual(newestFirst.slice(100));
    const third = doctorPage(archive, 'alex-morgan-springfield', 3);
    expect({ ...third, answers: third.answers.length }).toEqual({
      profile: {
        slug: 'alex-morgan-springfield',
        name: 'Alex Morgan',
        credentials: ['MD'],
        specialty: 'Plastic Surgeon',
        location: 'Springfield',
        rating: { value: 4.6, reviews: 116 },
        ratingFrom: { slug: generatedSlug(116), title: 'Question 116 about eczema' },
      },
      answers: 17,
      first: 101,
      page: 3,
      pageCount: 3,
      answerCount: 117,
      description: 'Alex Morgan, Plastic Surgeon in Springfield: 117 answers in the archive. Page 3 of 3.',
    });
    expect(doctorPage(archive, 'alex-morgan-springfield', 1).description).toBe(
      'Alex Morgan, Plastic Surgeon in Springfield: 117 answers in the archive.',
    );
  });

  it('refuses a page past the last, and page 2 of a doctor with few answers', () => {
    expect(() => doctorPage(archive, 'alex-morgan-springfield', 4)).toThrow(
      'doctor alex-morgan-springfield has no page 4',
    );
    expect(() => doctorPage(archive, 'john-smith-miami', 2)).toThrow('doctor john-smith-miami has no page 2');
    expect(doctorPage(archive, 'john-smith-miami', 1)).toMatchObject({
      page: 1,
      pageCount: 1,
      first: 1,
      answerCount: 2,
    });
  });

  it('lists every page of every doctor in the sitemap', () => {
    expect(contentPaths(archive).filter((p) => p.startsWith('/doctors/'))).toEqual([
      '/doctors/', // the directory
      '/doctors/alex-morgan-springfield/',
      '/doctors/alex-morgan-springfield/page/2/',
      '/doctors/alex-morgan-springfield/page/3/',
      '/doctors/john-smith-denver/',
      '/doctors/john-smith-miami/',
    ]);
  });
});
