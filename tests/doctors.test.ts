import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectDoctors, doctorSlug } from '../src/content/doctors';
import { loadContent } from '../src/content/load';
import { sortThreads } from '../src/content/threads';

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
    expect(doctorSlug({ name: 'Francis R. Palmer, III', location: 'Beverly Hills' })).toBe('francis-r-palmer-iii-beverly-hills');
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
    expect(doctors.map((d) => `${d.slug}: ${d.answers.map((a) => `${a.threadSlug}#answer-${a.number}`).join(', ')}`)).toEqual([
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
