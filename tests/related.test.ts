import { describe, expect, it } from 'vitest';
import { POSTINGS_PER_TERM, relatedThreads, terms } from '../src/archive/related';
import type { Thread } from '../src/content/schema';

/** A minimal valid thread: the title carries the topic, the question is the same everywhere. */
function thread(slug: string, title: string): Thread {
  return {
    slug,
    title,
    question: { body: 'Question text here.', photo: false },
    answers: [{ headline: 'An answer', body: 'Answer.' }],
    source: { site: 'Example' },
  };
}

const THREADS = [
  thread('a', 'Masseter Botox for a square jaw'),
  thread('b', 'Masseter and jaw clenching'),
  thread('c', 'Botox for forehead lines'),
  thread('d', 'Botox between the eyebrows'),
  thread('e', 'Knee surgery recovery'),
  thread('f', 'Knee ligament tear'),
  thread('g', 'Hair loss after illness'),
  thread('h', 'Eyebrow lift or forehead lift'),
];

const slugs = (map: Map<string, { slug: string }[]>, slug: string) => (map.get(slug) ?? []).map((t) => t.slug);

describe('related threads (TF-IDF over title and question)', () => {
  it('ranks a thread sharing rare terms above threads sharing a common one', () => {
    const related = relatedThreads(THREADS);
    // "masseter" and "jaw" are in 2 threads, "botox" in 3: b first, then c and d by slug.
    expect(slugs(related, 'a')).toEqual(['b', 'c', 'd']);
    expect(slugs(related, 'e')).toEqual(['f']);
    expect(slugs(related, 'h')).toEqual(['c', 'd']);
  });

  it('relates nothing to a thread sharing no meaningful term', () => {
    expect(relatedThreads(THREADS).get('g')).toEqual([]);
  });

  it('ignores a term in more than half the threads: it says nothing about the topic', () => {
    const common = Array.from({ length: 6 }, (_, i) => thread(`t${i}`, `Botox question ${'xyz'.repeat(i + 1)}`));
    for (const t of common) expect(relatedThreads(common).get(t.slug)).toEqual([]);
  });

  it('returns at most five, and the same lists whatever the input order', () => {
    const many = Array.from({ length: 7 }, (_, i) => thread(`m${i}`, `Rhinoplasty swelling ${'q'.repeat(i + 3)}`));
    const withOthers = [...many, ...THREADS];
    const forward = relatedThreads(withOthers);
    const backward = relatedThreads([...withOthers].reverse());
    expect(slugs(forward, 'm0')).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
    for (const t of withOthers) expect(slugs(backward, t.slug)).toEqual(slugs(forward, t.slug));
  });

  it('scores a bounded set of candidates when a term is shared by thousands of threads', () => {
    // A word no other pair of threads uses: "w" and three letters from a number.
    const word = (k: number) =>
      `w${[k % 26, Math.floor(k / 26) % 26, Math.floor(k / 676)].map((d) => String.fromCharCode(97 + d)).join('')}`;
    // 2,400 threads share "rhinoplasty" (under half of 4,901 threads, so it counts), two by two a
    // word; every seventh repeats "rhinoplasty", so it weighs more there. 2,500 others are about
    // other things, in groups of 100. The lone thread shares nothing but "rhinoplasty".
    const sharing = Array.from({ length: 2400 }, (_, i) =>
      thread(
        `r${String(i).padStart(4, '0')}`,
        `Rhinoplasty ${i % 7 === 3 ? 'rhinoplasty ' : ''}${word(Math.floor(i / 2))}`,
      ),
    );
    const others = Array.from({ length: 2500 }, (_, i) =>
      thread(
        `o${String(i).padStart(4, '0')}`,
        `${word(10_000 + Math.floor(i / 100))} ${word(5000 + Math.floor(i / 2))}`,
      ),
    );
    const lone = thread('lone', 'Rhinoplasty');
    const archive = [...sharing, ...others, lone];
    const whole = { candidates: 0, mostCandidates: 0 };
    const unbounded = relatedThreads(archive, { postingsPerTerm: Infinity, stats: whole });
    expect(whole.mostCandidates).toBe(2400);
    const stats = { candidates: 0, mostCandidates: 0 };
    const bounded = relatedThreads(archive, { stats });
    // At most POSTINGS_PER_TERM threads per term: the cut "rhinoplasty" list, plus the thread
    // sharing a thread's pair word when it is not on that list.
    expect(stats.mostCandidates).toBe(POSTINGS_PER_TERM + 1);
    // The lone thread is compared with the threads where the term weighs most: the same five
    // as unbounded, in slug order among equals.
    expect(slugs(bounded, 'lone')).toEqual(['r0003', 'r0010', 'r0017', 'r0024', 'r0031']);
    expect(slugs(bounded, 'lone')).toEqual(slugs(unbounded, 'lone'));
    // Scores are exact for every candidate: a pair is still each other's first.
    expect(slugs(bounded, 'r2398')[0]).toBe('r2399');
    // The cut is by weight, then slug, never by input order: reversed input, the same lists.
    const reversed = relatedThreads([...archive].reverse());
    for (const t of archive) expect(slugs(reversed, t.slug)).toEqual(slugs(bounded, t.slug));
  });

  it('gives the unbounded result while no term is in more threads than the cap', () => {
    const many = Array.from({ length: 30 }, (_, i) =>
      thread(`s${i}`, `Swelling ${i % 3 ? 'bruising' : 'numbness'} ${'k'.repeat(3 + (i % 5))}`),
    );
    const unrelated = Array.from({ length: 32 }, (_, i) => thread(`u${i}`, `Unrelated${'u'.repeat(i)}`));
    const archive = [...many, ...unrelated, ...THREADS];
    const whole = relatedThreads(archive, { postingsPerTerm: Infinity });
    // "swelling" is in 30 threads: a cap of 30 cuts nothing, a cap of 29 does.
    const atCap = { candidates: 0, mostCandidates: 0 };
    const underCap = { candidates: 0, mostCandidates: 0 };
    for (const [options, stats] of [
      [{ postingsPerTerm: 30 }, atCap],
      [{}, { candidates: 0, mostCandidates: 0 }],
    ] as const) {
      const capped = relatedThreads(archive, { ...options, stats });
      for (const t of archive) expect(slugs(capped, t.slug)).toEqual(slugs(whole, t.slug));
    }
    relatedThreads(archive, { postingsPerTerm: 29, stats: underCap });
    expect(atCap.mostCandidates).toBe(29);
    expect(underCap.candidates).toBeLessThan(atCap.candidates);
  });

  it('reads topic words: lowercase, no stop words, numbers or short words, plural s dropped', () => {
    expect(terms('Is my Botox injection wearing off after 3 months? Muscles, jaw & TMJ')).toEqual([
      'botox',
      'injection',
      'wearing',
      'month',
      'muscle',
      'jaw',
      'tmj',
    ]);
  });
});
