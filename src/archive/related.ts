/**
 * Related threads, computed at build time from the words of each thread's title and question
 * (TF-IDF, docs/content-format.md, "Related questions"). The question is read as its markdown
 * source: markup characters are not letters, so they never form terms, and parsing every question
 * would cost more than the rest of the work. Deterministic: the same content gives the same lists.
 * Bounded at any size: an inverted index from term to threads, so a thread is only compared with
 * threads that share one of its strongest terms, never with every other thread; and each term's
 * list keeps only the POSTINGS_PER_TERM threads in which the term weighs most (as Lucene's
 * MoreLikeThis bounds the documents it looks at), so a term shared by thousands of threads adds
 * at most that many candidates. The cost per thread stays flat as the archive grows, where uncut
 * lists made it grow with the archive (docs/performance.md, "Related threads"). Every candidate's
 * score is exact; what the cut changes is only which threads are candidates. While no term is in
 * more than POSTINGS_PER_TERM threads, nothing is cut.
 */
import { createHash } from 'node:crypto';
import type { Thread } from '../content/schema';

/** A link to a related thread. */
export type RelatedThread = { slug: string; title: string };

/** At most this many related threads under a thread. */
const MAX_RELATED = 5;
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
    'one two three four five ago went going took take thing things time http https www com'
  ).split(' '),
);

/** The topic words of a text: lowercase, three letters or more, no stop words, plural "s" dropped. */
export function terms(text: string): string[] {
  const words =
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words
    .filter((w) => w.length >= 3 && !/^\p{N}+$/u.test(w) && !STOP_WORDS.has(w))
    .map((w) => (w.length > 4 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

/**
 * What related lists are made from, as one digest: every thread's slug, title and question, in slug
 * order. Two archives with the same digest have the same lists (the lists do not depend on the
 * order of the threads), so a build may take the last build's lists instead of scoring them again
 * (src/archive/snapshot.ts).
 */
export function relatedInputs(threads: readonly Thread[]): string {
  const hash = createHash('sha256');
  const bySlug = [...threads].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  for (const t of bySlug) hash.update(JSON.stringify([t.slug, t.title, t.question.body])).update('\n');
  return hash.digest('hex');
}

/** Is candidate `a` (score, slug) ranked before `b`: higher score first, then slug. */
function before(a: { score: number; slug: string }, b: { score: number; slug: string }): boolean {
  return a.score > b.score || (a.score === b.score && a.slug < b.slug);
}

/**
 * Each term's posting list keeps at most this many threads, those in which the term weighs most
 * (ties by slug): a thread is scored against at most STRONGEST_TERMS * POSTINGS_PER_TERM
 * candidates, however many threads share its common terms. No list is cut below this size.
 */
export const POSTINGS_PER_TERM = 100;

/** What `relatedThreads` did, for tests and measurements. */
export type RelatedStats = {
  /** Candidates scored over all threads. */
  candidates: number;
  /** The most candidates scored for one thread. */
  mostCandidates: number;
};

export type RelatedOptions = {
  /** Overrides POSTINGS_PER_TERM (tests, measurements; `Infinity` keeps every list whole). */
  postingsPerTerm?: number;
  /** Filled in with counts of the work done. */
  stats?: RelatedStats;
};

/**
 * The score of the thread at `from`..`to` of the flat vectors against the thread whose strongest
 * terms are marked in `position` (1-based) with weights `ownWeights`: products in the order of
 * those terms, summed in that order, as scoring term by term would sum them. `products` is
 * scratch space, left zero. A function of its own, on typed arrays only: V8 compiles it tightly.
 */
function exactScore(
  ids: Int32Array,
  weights: Float64Array,
  from: number,
  to: number,
  position: Int32Array,
  ownWeights: Float64Array,
  count: number,
  products: Float64Array,
): number {
  for (let k = from; k < to; k += 1) {
    const at = position[ids[k] ?? 0] ?? 0;
    if (at > 0) products[at - 1] = (ownWeights[at - 1] ?? 0) * (weights[k] ?? 0);
  }
  let score = 0;
  for (let k = 0; k < count; k += 1) {
    score += products[k] ?? 0;
    products[k] = 0;
  }
  return score;
}

/** Every term met so far, numbered in the order met: a thread's terms are kept as numbers. */
const termNumbers = new Map<string, number>();
const termNames: string[] = [];

/** A thread's distinct terms, as numbers, in the order they first occur, with how often each occurs. */
type TermCounts = { ids: Int32Array; counts: Float64Array };

/** Each thread's term counts, kept while the thread object lives: `next dev` reads the archive again after an edit, and only the edited thread's text is split into terms again. */
const termCounts = new WeakMap<Thread, TermCounts>();

function countTerms(t: Thread): TermCounts {
  const known = termCounts.get(t);
  if (known) return known;
  const c = new Map<string, number>();
  for (const term of terms(`${t.title} ${t.question.body}`)) c.set(term, (c.get(term) ?? 0) + 1);
  const ids = new Int32Array(c.size);
  const counts = new Float64Array(c.size);
  let k = 0;
  for (const [term, count] of c) {
    let id = termNumbers.get(term);
    if (id === undefined) {
      termNumbers.set(term, (id = termNames.length));
      termNames.push(term);
    }
    ids[k] = id;
    counts[k] = count;
    k += 1;
  }
  const result = { ids, counts };
  termCounts.set(t, result);
  return result;
}

/**
 * Up to MAX_RELATED related threads for every thread, by slug. A term counts when at least two
 * threads use it and it is not in more than half of them (then it says nothing); a thread
 * sharing no such term with another gets an empty list. Score: cosine of TF-IDF vectors
 * (tf = 1 + ln count, idf = ln(1 + N / df)) over the thread's strongest terms; ties by slug.
 * Candidates: the threads on the (capped) posting lists of the thread's strongest terms; each
 * candidate's score is then exact, whether or not it was on every list it belongs to.
 */
export function relatedThreads(threads: readonly Thread[], options: RelatedOptions = {}): Map<string, RelatedThread[]> {
  const find = relatedFinder(threads, options);
  return new Map(threads.map((t, i) => [t.slug, find(i)]));
}

/**
 * What `relatedThreads` gives, one thread at a time: the index over every thread is built once,
 * then `find(i)` scores the candidates of the thread at `i` only. The archive asks for a thread's
 * list when its page is made, so `next dev` scores one thread on a reload, not the whole archive.
 */
export function relatedFinder(
  threads: readonly Thread[],
  options: RelatedOptions = {},
): (i: number) => RelatedThread[] {
  const cap = Math.max(MAX_RELATED + 1, options.postingsPerTerm ?? POSTINGS_PER_TERM);
  const counts = threads.map(countTerms);
  const n = threads.length;
  const maxDf = Math.max(2, Math.floor(n / 2));
  const termCount = termNames.length;
  const df = new Int32Array(termCount);
  for (const { ids } of counts) for (let k = 0; k < ids.length; k += 1) df[ids[k] ?? 0] = (df[ids[k] ?? 0] ?? 0) + 1;
  const idf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id += 1) idf[id] = Math.log(1 + n / (df[id] || 1));
  const kept = (id: number) => {
    const d = df[id] ?? 0;
    return d >= 2 && d <= maxDf;
  };

  // Each thread's meaningful terms with unit-length weights, in two flat arrays (thread i at
  // offsets[i]..offsets[i + 1], in the order its terms first occur): rescoring a candidate reads
  // one short contiguous run, where an object per thread costs a cache miss per candidate.
  const offsets = new Int32Array(n + 1);
  counts.forEach(({ ids }, i) => {
    let size = 0;
    for (let k = 0; k < ids.length; k += 1) if (kept(ids[k] ?? 0)) size += 1;
    offsets[i + 1] = (offsets[i] ?? 0) + size;
  });
  const vectorIds = new Int32Array(offsets[n] ?? 0);
  const vectorWeights = new Float64Array(offsets[n] ?? 0);
  const postingSize = new Int32Array(termCount);
  counts.forEach(({ ids, counts: tf }, i) => {
    const from = offsets[i] ?? 0;
    let at = from;
    let sum = 0;
    for (let k = 0; k < ids.length; k += 1) {
      const id = ids[k] ?? 0;
      if (!kept(id)) continue;
      const w = (1 + Math.log(tf[k] ?? 1)) * (idf[id] ?? 0);
      vectorIds[at] = id;
      vectorWeights[at] = w;
      sum += w * w;
      postingSize[id] = (postingSize[id] ?? 0) + 1;
      at += 1;
    }
    const norm = Math.sqrt(sum);
    for (let k = from; k < at; k += 1) vectorWeights[k] = (vectorWeights[k] ?? 0) / norm;
  });

  // Postings: term -> the threads that use it (in thread order) and its weight there, flat too.
  const postingStart = new Int32Array(termCount + 1);
  for (let id = 0; id < termCount; id += 1) postingStart[id + 1] = (postingStart[id] ?? 0) + (postingSize[id] ?? 0);
  const postingDocs = new Int32Array(postingStart[termCount] ?? 0);
  const postingWeights = new Float64Array(postingStart[termCount] ?? 0);
  const filled = postingStart.slice(0, termCount);
  for (let i = 0; i < n; i += 1) {
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k += 1) {
      const id = vectorIds[k] ?? 0;
      const at = filled[id] ?? 0;
      postingDocs[at] = i;
      postingWeights[at] = vectorWeights[k] ?? 0;
      filled[id] = at + 1;
    }
  }

  // Long posting lists are cut to the threads where the term weighs most when a thread first
  // reads them: `next dev` scores one thread, and cuts only the lists of that thread's terms.
  // Slug order breaks ties, so the lists, like the result, do not depend on the order of the input.
  let slugRank: Int32Array | undefined;
  const isCut = new Uint8Array(termCount);
  const cutList = (id: number) => {
    if (isCut[id] === 1) return;
    isCut[id] = 1;
    const from = postingStart[id] ?? 0;
    const size = postingSize[id] ?? 0;
    if (size <= cap) return;
    if (!slugRank) {
      const slugOf = (i: number) => threads[i]?.slug ?? '';
      const bySlug = threads.map((_, i) => i).sort((a, b) => (slugOf(a) < slugOf(b) ? -1 : 1));
      slugRank = new Int32Array(n);
      for (let r = 0; r < n; r += 1) slugRank[bySlug[r] ?? 0] = r;
    }
    const rank = slugRank;
    const order = Array.from({ length: size }, (_, k) => from + k);
    order.sort(
      (a, b) =>
        (postingWeights[b] ?? 0) - (postingWeights[a] ?? 0) ||
        (rank[postingDocs[a] ?? 0] ?? 0) - (rank[postingDocs[b] ?? 0] ?? 0),
    );
    const docs = order.slice(0, cap).map((k) => postingDocs[k] ?? 0);
    docs.forEach((doc, k) => (postingDocs[from + k] = doc));
    postingSize[id] = cap;
  };

  const seen = new Int32Array(n).fill(-1);
  const position = new Int32Array(termCount);
  const products = new Float64Array(STRONGEST_TERMS);
  const ownWeights = new Float64Array(STRONGEST_TERMS);
  const stats = options.stats ?? { candidates: 0, mostCandidates: 0 };
  stats.candidates = 0;
  stats.mostCandidates = 0;
  let stamp = 0;
  /** The thread's STRONGEST_TERMS heaviest terms (ties by term), as (term, weight) pairs. */
  const strongest = (i: number) => {
    const order: number[] = [];
    for (let k = offsets[i] ?? 0; k < (offsets[i + 1] ?? 0); k += 1) order.push(k);
    order.sort(
      (a, b) =>
        (vectorWeights[b] ?? 0) - (vectorWeights[a] ?? 0) ||
        ((termNames[vectorIds[a] ?? 0] ?? '') < (termNames[vectorIds[b] ?? 0] ?? '') ? -1 : 1),
    );
    return order.slice(0, STRONGEST_TERMS).map((k) => ({ id: vectorIds[k] ?? 0, w: vectorWeights[k] ?? 0 }));
  };

  return (i) => {
    const own = strongest(i);
    stamp += 1;
    // Plain loops: this is the inner loop of the whole computation.
    const candidates: number[] = [];
    for (const { id } of own) {
      cutList(id);
      const from = postingStart[id] ?? 0;
      const to = from + (postingSize[id] ?? 0);
      for (let k = from; k < to; k += 1) {
        const j = postingDocs[k] ?? i;
        if (j === i || seen[j] === stamp) continue;
        seen[j] = stamp;
        candidates.push(j);
      }
    }
    stats.candidates += candidates.length;
    stats.mostCandidates = Math.max(stats.mostCandidates, candidates.length);
    own.forEach(({ id, w }, k) => {
      position[id] = k + 1;
      ownWeights[k] = w;
    });
    // Keep the best few while scanning: sorting every candidate costs too much on a large archive.
    const best: { score: number; slug: string; j: number }[] = [];
    for (const j of candidates) {
      const score = exactScore(
        vectorIds,
        vectorWeights,
        offsets[j] ?? 0,
        offsets[j + 1] ?? 0,
        position,
        ownWeights,
        own.length,
        products,
      );
      const last = best[MAX_RELATED - 1];
      if (last && score < last.score) continue;
      const candidate = { score, slug: threads[j]?.slug ?? '', j };
      if (last && !before(candidate, last)) continue;
      let at = best.length;
      while (at > 0 && before(candidate, best[at - 1] ?? candidate)) at--;
      best.splice(at, 0, candidate);
      if (best.length > MAX_RELATED) best.pop();
    }
    for (const { id } of own) position[id] = 0;
    return best.map(({ slug, j }) => ({ slug, title: threads[j]?.title ?? '' }));
  };
}
