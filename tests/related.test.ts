import { describe, expect, it } from 'vitest';
import { relatedThreads, terms } from '../src/content/related';
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

  it('reads topic words: lowercase, no stop words, numbers or short words, plural s dropped', () => {
    expect(terms('Is my Botox injection wearing off after 3 months? Muscles, jaw & TMJ')).toEqual([
      'botox', 'injection', 'wearing', 'month', 'muscle', 'jaw', 'tmj',
    ]);
  });
});
