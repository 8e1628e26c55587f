/**
 * Related threads, computed at build time from the words of each thread's title and question
 * (TF-IDF, README "Related threads"). Deterministic: the same content gives the same lists.
 * Fast at any size: an inverted index from term to threads, so a thread is only compared with
 * threads that share one of its strongest terms, never with every other thread.
 */
import { plainText } from './markdown';
import type { Thread } from './schema';

/** A link to a related thread. */
export type RelatedThread = { slug: string; title: string };

/** At most this many related threads under a thread. */
export const MAX_RELATED = 5;
/** Candidates come from each thread's strongest terms only: rare terms have short lists. */
const STRONGEST_TERMS = 20;

/** Words that say nothing about a topic. */
const STOP_WORDS = new Set(
  (
    'about above after again against all also and any are because been before being below between both but can could ' +
    'did does doing done down during each even ever every few for from further get gets getting got had has have having ' +
    'her here hers him his how however into its itself just like make many may might more most much must not now off ' +
    'once only other our out over own really same she should since some still such than that the their them then there ' +
    'these they this those though through too under until very was way well were what when where which while who whom ' +
    'why will with would yes yet you your yours please thank thanks anyone someone something know want wanted need ' +
    'one two three four five ago went going took take thing things time'
  ).split(' '),
);

/** The topic words of a text: lowercase, three letters or more, no stop words, plural "s" dropped. */
export function terms(text: string): string[] {
  const words = text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w) && !STOP_WORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

type Vector = Map<string, number>;

/**
 * Up to MAX_RELATED related threads for every thread, by slug. A term counts when at least two
 * threads use it and it is not in more than half of them (then it says nothing); a thread
 * sharing no such term with another gets an empty list. Score: cosine of TF-IDF vectors
 * (tf = 1 + ln count, idf = ln(1 + N / df)) over the thread's strongest terms; ties by slug.
 */
export function relatedThreads(threads: readonly Thread[]): Map<string, RelatedThread[]> {
  const counts = threads.map((t) => {
    const c = new Map<string, number>();
    for (const term of terms(`${t.title} ${plainText(t.question.body)}`)) c.set(term, (c.get(term) ?? 0) + 1);
    return c;
  });
  const df = new Map<string, number>();
  for (const c of counts) for (const term of c.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const n = threads.length;
  const maxDf = Math.max(2, Math.floor(n / 2));

  const vectors: Vector[] = counts.map((c) => {
    const v: Vector = new Map();
    let norm = 0;
    for (const [term, count] of c) {
      const d = df.get(term) ?? 0;
      if (d < 2 || d > maxDf) continue;
      const w = (1 + Math.log(count)) * Math.log(n / d + 1);
      v.set(term, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm);
    for (const [term, w] of v) v.set(term, w / norm);
    return v;
  });

  const postings = new Map<string, number[]>();
  vectors.forEach((v, i) => {
    for (const term of v.keys()) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(i);
    }
  });

  const result = new Map<string, RelatedThread[]>();
  vectors.forEach((v, i) => {
    const strongest = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, STRONGEST_TERMS);
    const scores = new Map<number, number>();
    for (const [term, w] of strongest) {
      for (const j of postings.get(term) ?? []) {
        if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w * (vectors[j]?.get(term) ?? 0));
      }
    }
    const slugOf = (j: number) => threads[j]?.slug ?? '';
    const best = [...scores]
      .sort((a, b) => b[1] - a[1] || (slugOf(a[0]) < slugOf(b[0]) ? -1 : 1))
      .slice(0, MAX_RELATED);
    result.set(
      slugOf(i),
      best.map(([j]) => ({ slug: slugOf(j), title: threads[j]?.title ?? '' })),
    );
  });
  return result;
}
