/**
 * The doctor directory's order and letters (src/archive/directory.ts) and the group index behind
 * every "by X" listing (src/archive/groups.ts).
 */
import { describe, expect, it } from 'vitest';
import { byName, directoryOf, letterId, letterOf, sortKey } from '../src/archive/directory';
import type { DoctorProfile } from '../src/archive/doctors';
import { GROUPINGS, groupIndex } from '../src/archive/groups';
import { groupSlug } from '../src/content/slugs';

const profile = (slug: string, name: string, answers: number, extra: Partial<DoctorProfile> = {}): DoctorProfile => ({
  slug,
  name,
  credentials: ['MD'],
  specialty: null,
  location: 'Paris',
  rating: null,
  ratingFrom: null,
  answers: Array.from({ length: answers }, (_, i) => ({
    threadSlug: `t${i}`,
    threadTitle: 'T',
    number: 1,
    headline: 'H',
    date: null,
  })),
  ...extra,
});

describe('names A to Z', () => {
  it('sorts with accents, case and punctuation aside', () => {
    expect(['Émile', "O'Brien", 'emile', 'Obrien', 'Zed', '  Adam  '].map(sortKey)).toEqual([
      'emile',
      'obrien',
      'emile',
      'obrien',
      'zed',
      'adam',
    ]);
    const names = ['Zed', 'emile', 'Émile', "O'Brien", 'Adam'];
    // Names with one sort key go by the name as written, code point by code point ("e" before "É").
    expect(
      [...names].sort(
        byName(
          (n) => n,
          (n) => n,
        ),
      ),
    ).toEqual(['Adam', 'emile', 'Émile', "O'Brien", 'Zed']);
  });

  it('files a name under its first letter, or "#" for digits and other scripts', () => {
    expect(['Émile', 'anne', '4 Star', '王伟', "'Tis"].map(letterOf)).toEqual(['E', 'A', '#', '#', 'T']);
    expect([letterId('M'), letterId('#')]).toEqual(['letter-M', 'letter-other']);
  });

  it('lists every doctor A to Z with their number of answers, without the answers themselves', () => {
    const directory = directoryOf([
      profile('zed-paris', 'Zed', 2),
      profile('adam-paris', 'Adam', 1, { rating: { value: 4, reviews: 3 }, ratingFrom: { slug: 't0', title: 'T' } }),
    ]);
    expect(directory).toEqual([
      {
        slug: 'adam-paris',
        name: 'Adam',
        credentials: ['MD'],
        specialty: null,
        location: 'Paris',
        rating: { value: 4, reviews: 3 },
        answerCount: 1,
      },
      {
        slug: 'zed-paris',
        name: 'Zed',
        credentials: ['MD'],
        specialty: null,
        location: 'Paris',
        rating: null,
        answerCount: 2,
      },
    ]);
  });
});

describe('the group index', () => {
  it('makes one group a slug, named as first met, its members in the order given, the groups A to Z', () => {
    const members = [
      { id: 'a', names: ['Beverly Hills', 'Paris'] },
      { id: 'b', names: ['beverly hills'] },
      { id: 'c', names: ['Beverly Hills, CA'] },
      { id: 'd', names: [] },
    ];
    expect(
      groupIndex(
        members,
        (m) => m.id,
        (m) => m.names,
        groupSlug,
      ),
    ).toEqual([
      { slug: 'beverly-hills', name: 'Beverly Hills', members: ['a', 'b'] },
      { slug: 'beverly-hills-ca', name: 'Beverly Hills, CA', members: ['c'] },
      { slug: 'paris', name: 'Paris', members: ['a'] },
    ]);
  });

  it('groups doctors by specialty only when the source names one', () => {
    const directory = directoryOf([
      profile('a-paris', 'A', 1, { specialty: 'Dermatologist' }),
      profile('b-paris', 'B', 1),
    ]);
    const specialty = GROUPINGS.specialty;
    expect(specialty.of).toBe('doctors');
    if (specialty.of !== 'doctors') return;
    expect(groupIndex(directory, (d) => d.slug, specialty.names, specialty.slug)).toEqual([
      { slug: 'dermatologist', name: 'Dermatologist', members: ['a-paris'] },
    ]);
  });
});
