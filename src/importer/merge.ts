/**
 * A re-import as an update (docs/importing.md, "Updating threads"): the thread of a content file
 * (here), the same thread as a new scrape gives it, and the import record of what the importer
 * last wrote into the file (base) make a three-way merge, field by field, as git merges lines:
 * - a field only the scrape changed takes the scrape's value;
 * - a field only the keeper changed keeps the keeper's;
 * - a field both changed, differently, is a conflict: the file is kept as it is unless the keeper
 *   says which side wins (`prefer`);
 * - topics are the keeper's: those of the scrape and of `--topic` are added to them.
 * Answers are matched by who wrote them (answerKeys), never by their place: the file's answers
 * with the record's, the record's with the scrape's. An answer whose author changed (a doctor who
 * moved, a name the keeper corrected) still matches by its headline or its text. The file's answers
 * stay in the file's order; a new one goes after the answer it follows in the scrape; one gone
 * from the source goes unless edited here; one the keeper deleted stays deleted, one the keeper
 * added stays. Without a record (a file written by hand, or by an importer before records) every
 * field where the scrape differs is a conflict, since nothing tells which side changed it; fields
 * the scrape has no value for keep the file's, and new answers are added.
 */
import type { Answer, ImportRecord, Thread } from '../content/schema';
import { topicSlug } from '../content/slugs';
import { ANSWER_FIELDS, THREAD_FIELDS, digest, digestsOf, readRecord, recordOf } from './record';
import type { AnswerDigests, Digests } from './record';

/**
 * Who wins: the keeper in a conflict (`--keep-edits`, 'here'), the scrape in a conflict
 * (`--scrape-wins`, 'scrape'), or the scrape in every field it has a value for, the keeper's other
 * edits too (`--force`, 'force').
 */
export type Prefer = 'here' | 'scrape' | 'force';

export type Merged = {
  /** The thread the file should hold, with the new record. */
  thread: Thread;
  /** What the scrape brought, one phrase each: `+1 answer (Alex Morgan, MD)`, `answer 4 text`. */
  changes: string[];
  /** The fields both sides changed, as content-file paths: `title`, `answers[3].body`. */
  conflicts: string[];
  /** For each answer of `thread`, the index of the file's answer it continues, or null for a new one. */
  origin: (number | null)[];
};

/** One field's three versions and which wins. */
type Pick = { value: unknown; from: 'here' | 'scrape'; conflict: boolean };

/**
 * Three-way choice of one field: `base` is the digest of what was last imported, if known. A value
 * the scrape lacks that the importer never wrote (a date, a source address the keeper added) stays.
 */
function pick(base: string | undefined, here: unknown, scrape: unknown, prefer: Prefer | undefined): Pick {
  const dHere = digest(here);
  const dScrape = digest(scrape);
  if (dHere === dScrape) return { value: here, from: 'here', conflict: false };
  const conflict = base === undefined || (dHere !== base && dScrape !== base);
  const lacking = scrape === undefined && (base === undefined || base === digest(undefined));
  if (lacking) return { value: here, from: 'here', conflict: false };
  if (prefer === 'force') return { value: scrape, from: 'scrape', conflict };
  if (!conflict)
    return dHere === base ? { value: scrape, from: 'scrape', conflict } : { value: here, from: 'here', conflict };
  if (prefer === 'scrape') return { value: scrape, from: 'scrape', conflict: true };
  return { value: here, from: 'here', conflict: true };
}

/** Sets `value` at a dotted path of `target`, leaving an absent value out. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = target;
  for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  if (value !== undefined) at[parts.at(-1) ?? path] = value;
}

/** An answer from its fields; a doctor only when named. */
function answerOf(fields: Record<string, unknown>): Answer {
  const answer = { ...fields } as Answer & { doctor?: Record<string, unknown> };
  if (answer.doctor && answer.doctor.name === undefined) delete answer.doctor;
  return answer;
}

/** How a doctor is named in a change: `Alex Morgan, MD`. */
const who = (a: Answer) => (a.doctor ? `${a.doctor.name}, ${a.doctor.credentials.join(', ')}` : 'anonymous');

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Words for a field of the thread the scrape changed. */
const THREAD_WORDS: Record<string, string> = {
  title: 'title',
  'question.body': 'question text',
  'question.photo': 'question photo',
  'question.date': 'question date',
  'source.site': 'source site',
  'source.url': 'source url',
  disclaimer: 'disclaimer',
};

/** Words for a field of answer `n` (from 1) that the scrape changed, from `before` to `after`. */
function answerChange(path: string, n: number, before: Answer | undefined, after: Answer): string {
  const name = after.doctor?.name ?? before?.doctor?.name ?? `answer ${n}`;
  switch (path) {
    case 'body':
      return `answer ${n} text`;
    case 'headline':
      return `answer ${n} headline`;
    case 'votes':
      return `answer ${n}: ${before?.votes ?? 'no'} → ${after.votes ?? 'no'} votes`;
    case 'doctor.rating': {
      const [a, b] = [before?.doctor?.rating, after.doctor?.rating];
      if (!a) return `${name}: rating ${b?.value.toFixed(1)} (${count(b?.reviews ?? 0, 'review', 'reviews')})`;
      if (!b) return `${name}: no rating`;
      const parts = [
        ...(a.value === b.value ? [] : [`rating ${a.value.toFixed(1)} → ${b.value.toFixed(1)}`]),
        ...(a.reviews === b.reviews
          ? []
          : [`${a.reviews.toLocaleString('en-US')} → ${b.reviews.toLocaleString('en-US')} reviews`]),
      ];
      return `${name}: ${parts.join(', ')}`;
    }
    case 'doctor.name':
      return `answer ${n}: doctor ${before?.doctor?.name ?? 'none'} → ${after.doctor?.name ?? 'none'}`;
    default: {
      const field = path.slice('doctor.'.length);
      const show = (x: Answer | undefined) => {
        const value = (x?.doctor as Record<string, unknown> | undefined)?.[field];
        return Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : 'none';
      };
      return `${name}: ${field} ${show(before)} → ${show(after)}`;
    }
  }
}

/** The answer fields of `here` (the file's answer at `index`) merged with `scrape`'s, field by field against `base`. */
function mergeAnswer(
  base: AnswerDigests | undefined,
  here: Answer,
  scrape: Answer,
  index: number,
  prefer: Prefer | undefined,
  out: { changes: string[]; conflicts: string[] },
): Answer {
  const fields: Record<string, unknown> = {};
  const changed: string[] = [];
  ANSWER_FIELDS.forEach((f, k) => {
    const chosen = pick(base?.fields[k], f.read(here), f.read(scrape), prefer);
    if (chosen.conflict) out.conflicts.push(`answers[${index}].${f.path}`);
    if (chosen.from === 'scrape' && digest(f.read(here)) !== digest(chosen.value)) changed.push(f.path);
    setPath(fields, f.path, chosen.value);
  });
  const merged = answerOf(fields);
  for (const path of changed) out.changes.push(answerChange(path, index + 1, here, merged));
  return merged;
}

/**
 * Merges the file's thread `here` with the scrape's `scrape`, adding `topics`. The result's record
 * holds the scrape's digests, so that a keeper's edit stays an edit at the next import.
 */
export function mergeThread(
  here: Thread,
  scrape: Thread,
  topics: readonly string[] = [],
  prefer?: Prefer,
  scrapeDigests: Digests = digestsOf(scrape),
): Merged {
  const out = { changes: [] as string[], conflicts: [] as string[] };
  const base = usableRecord(here.imported);

  const fields: Record<string, unknown> = { slug: here.slug };
  THREAD_FIELDS.forEach((f, k) => {
    const chosen = pick(base?.thread[k], f.read(here), f.read(scrape), prefer);
    if (chosen.conflict) out.conflicts.push(f.path);
    if (chosen.from === 'scrape' && digest(f.read(here)) !== digest(chosen.value))
      out.changes.push(THREAD_WORDS[f.path] ?? f.path);
    setPath(fields, f.path, chosen.value);
  });

  const answers = mergeAnswers(base, here, scrape, scrapeDigests, prefer, out);

  const { topics: mergedTopics, added } = addTopics(here.topics, [...(scrape.topics ?? []), ...topics]);
  if (added.length > 0) out.changes.push(`+${added.length === 1 ? 'topic' : 'topics'} ${added.join(', ')}`);
  if (here.imported === undefined && out.conflicts.length === 0) out.changes.push('import record added');

  const record: ImportRecord = recordOf(scrapeDigests);
  const thread = {
    ...(fields as Omit<Thread, 'answers' | 'topics' | 'imported'>),
    ...(mergedTopics.length > 0 ? { topics: mergedTopics } : {}),
    answers: answers.list,
    imported: record,
  } as Thread;
  return { thread, changes: out.changes, conflicts: out.conflicts, origin: answers.origin };
}

/** A thread's topics with `more` added after them, each topic once (by slug, as the first spelling has it). */
export function addTopics(
  own: readonly string[] | undefined,
  more: readonly string[],
): { topics: string[]; added: string[] } {
  const topics = [...(own ?? [])];
  const added: string[] = [];
  for (const topic of more) {
    if (!topics.some((t) => topicSlug(t) === topicSlug(topic))) {
      topics.push(topic);
      added.push(topic);
    }
  }
  return { topics, added };
}

/** A record the importer can read, or undefined (none, or one from another layout of fields). */
function usableRecord(record: ImportRecord | undefined): Digests | undefined {
  if (!record) return undefined;
  const digests = readRecord(record);
  const ok =
    digests.thread.length === THREAD_FIELDS.length &&
    digests.answers.every((a) => a.fields.length === ANSWER_FIELDS.length);
  return ok ? digests : undefined;
}

type MergedAnswers = { list: Answer[]; origin: (number | null)[] };

const HEADLINE_AT = ANSWER_FIELDS.findIndex((f) => f.path === 'headline');
const BODY_AT = ANSWER_FIELDS.findIndex((f) => f.path === 'body');

/** Whether two answers have the same headline or the same text. */
const sameText = (x: AnswerDigests, y: AnswerDigests) =>
  x.fields[HEADLINE_AT] === y.fields[HEADLINE_AT] || x.fields[BODY_AT] === y.fields[BODY_AT];

/**
 * Pairs the answers of `a` with those of `b`: first by who wrote them (equal keys), then, in order,
 * those left whose headline or text is the same. Returns, for each answer of `a`, the index of its
 * pair in `b`, or undefined.
 */
function pair(a: readonly AnswerDigests[], b: readonly AnswerDigests[]): (number | undefined)[] {
  const used = new Set<number>();
  const pairs: (number | undefined)[] = a.map((x) => {
    const at = b.findIndex((y, j) => !used.has(j) && y.key === x.key);
    if (at === -1) return undefined;
    used.add(at);
    return at;
  });
  a.forEach((x, i) => {
    if (pairs[i] !== undefined) return;
    const at = b.findIndex((y, j) => !used.has(j) && sameText(x, y));
    if (at === -1) return;
    used.add(at);
    pairs[i] = at;
  });
  return pairs;
}

/**
 * The merged answers: the file's in the file's order, each merged with its scrape answer through
 * the record; new answers of the scrape after the answer they follow there. See the module comment.
 */
function mergeAnswers(
  base: Digests | undefined,
  here: Thread,
  scrape: Thread,
  scrapeDigests: Digests,
  prefer: Prefer | undefined,
  out: { changes: string[]; conflicts: string[] },
): MergedAnswers {
  const H = here.answers;
  const S = scrape.answers;
  const hereDigests = digestsOf(here).answers;
  const scraped = scrapeDigests.answers;
  // For each file answer, its scrape answer (index in S) and its base (record entry), if any.
  let toScrape: (number | undefined)[];
  let toBase: (AnswerDigests | undefined)[];
  /** Scrape answers the keeper deleted from the file: their base, by index in S. */
  const deleted = new Map<number, AnswerDigests>();
  if (base) {
    const hereToBase = pair(hereDigests, base.answers);
    const scrapeToBase = pair(scraped, base.answers);
    const baseToScrape = new Map<number, number>();
    scrapeToBase.forEach((b, j) => {
      if (b !== undefined) baseToScrape.set(b, j);
    });
    toBase = hereToBase.map((b) => (b === undefined ? undefined : base.answers[b]));
    toScrape = hereToBase.map((b) => (b === undefined ? undefined : baseToScrape.get(b)));
    const kept = new Set(hereToBase.filter((b): b is number => b !== undefined));
    scrapeToBase.forEach((b, j) => {
      if (b !== undefined && !kept.has(b)) deleted.set(j, base.answers[b] as AnswerDigests);
    });
    // An answer the file has, paired with no record entry, is the keeper's own: it never takes a scrape answer.
  } else {
    toScrape = pair(hereDigests, scraped);
    toBase = H.map(() => undefined);
  }
  const takenFromScrape = new Set(toScrape.filter((j): j is number => j !== undefined));

  // The file's answers, in the file's order: merged, kept, or gone.
  const list: Answer[] = [];
  const origin: (number | null)[] = [];
  const position = new Map<number, number>(); // scrape index -> place in `list`
  const removed: string[] = [];
  H.forEach((answer, i) => {
    const j = toScrape[i];
    const b = toBase[i];
    if (j !== undefined) {
      position.set(j, list.length);
      list.push(mergeAnswer(b, answer, S[j] as Answer, i, prefer, out));
      origin.push(i);
      return;
    }
    // The source no longer has an answer it gave: it goes, unless the keeper edited it since. Without
    // a record, an answer the scrape lacks may be the keeper's or gone from the source: ask. An answer
    // the record never had is the keeper's own, and stays.
    const untouched = b !== undefined && ANSWER_FIELDS.every((f, k) => digest(f.read(answer)) === b.fields[k]);
    const ask = base === undefined || (b !== undefined && !untouched);
    if (ask) out.conflicts.push(`answers[${i}]`);
    if (untouched || (ask && (prefer === 'scrape' || prefer === 'force'))) {
      removed.push(who(answer));
      return;
    }
    list.push(answer);
    origin.push(i);
  });
  if (removed.length > 0) out.changes.push(`-${count(removed.length, 'answer', 'answers')} (${removed.join('; ')})`);

  // The scrape's new answers, each after the answer it follows in the scrape; those the keeper
  // deleted stay deleted unless the source changed them since.
  const added: string[] = [];
  S.forEach((answer, j) => {
    if (takenFromScrape.has(j)) return;
    const gone = deleted.get(j);
    if (gone) {
      const changed = ANSWER_FIELDS.some((_, k) => gone.fields[k] !== scraped[j]?.fields[k]);
      if (!changed) return;
      out.conflicts.push(`answers (${who(answer)}, deleted here)`);
      if (prefer !== 'scrape' && prefer !== 'force') return;
    }
    const before = [...Array(j).keys()].reverse().find((k) => position.has(k));
    const at = before === undefined ? 0 : (position.get(before) ?? -1) + 1;
    list.splice(at, 0, answer);
    origin.splice(at, 0, null);
    for (const [k, p] of position) if (p >= at) position.set(k, p + 1);
    position.set(j, at);
    added.push(who(answer));
  });
  if (added.length > 0) out.changes.push(`+${count(added.length, 'answer', 'answers')} (${added.join('; ')})`);
  return { list, origin };
}
