/**
 * A re-import as an update (docs/importing.md, "Updating threads"): the thread of a content file
 * (here), the same thread as a new scrape gives it, and the import record of what the importer
 * last wrote into the file (base) make a three-way merge, field by field, as git merges lines:
 * - a field only the scrape changed takes the scrape's value;
 * - a field only the keeper changed keeps the keeper's;
 * - a field both changed, differently, is a conflict: the file is kept as it is unless the keeper
 *   says which side wins (`prefer`);
 * - topics are the keeper's: those of the scrape and of `--topic` are added to them.
 * Answers are matched with the scrape's by who wrote them (answerKeys); a new one is added, one
 * gone from the source is dropped unless edited here. Without a record (a file written by hand,
 * or by an importer before records) every field where the scrape differs is a conflict, since
 * nothing tells which side changed it; fields the scrape has no value for keep the file's, and
 * new answers are added.
 */
import type { Answer, ImportRecord, Thread } from '../content/schema';
import { topicSlug } from '../content/slugs';
import {
  ANSWER_FIELDS,
  KEEPER_ANSWER,
  THREAD_FIELDS,
  answerKeys,
  digest,
  digestsOf,
  readRecord,
  recordOf,
} from './record';
import type { AnswerDigests, Digests } from './record';

/** Which side wins a conflict: the scrape's (`--force`) or the keeper's (`--keep-edits`). */
export type Prefer = 'scrape' | 'here';

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
 * With `prefer` 'scrape' (`--force`) every value the scrape has wins; with 'here' (`--keep-edits`)
 * the keeper's wins a conflict.
 */
function pick(base: string | undefined, here: unknown, scrape: unknown, prefer: Prefer | undefined): Pick {
  const dHere = digest(here);
  const dScrape = digest(scrape);
  if (dHere === dScrape) return { value: here, from: 'here', conflict: false };
  const conflict = base === undefined || (dHere !== base && dScrape !== base);
  const lacking = scrape === undefined && (base === undefined || base === digest(undefined));
  if (lacking) return { value: here, from: 'here', conflict: false };
  if (prefer === 'scrape') return { value: scrape, from: 'scrape', conflict };
  if (!conflict)
    return dHere === base ? { value: scrape, from: 'scrape', conflict } : { value: here, from: 'here', conflict };
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

/** The answer fields of `here` merged with `scrape`'s, field by field against `base`. */
function mergeAnswer(
  base: AnswerDigests | undefined,
  here: Answer,
  scrape: Answer,
  index: number,
  n: number,
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
  for (const path of changed) out.changes.push(answerChange(path, n, here, merged));
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
  if (!base && out.conflicts.length === 0 && here.imported === undefined) out.changes.push('import record added');

  const record: ImportRecord = recordOf({ thread: scrapeDigests.thread, answers: answers.record });
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

type MergedAnswers = { list: Answer[]; record: AnswerDigests[]; origin: (number | null)[] };

/** The digests of an answer the keeper keeps by hand: its own, under the keeper's identity. */
const keeperDigests = (answer: Answer): AnswerDigests => ({
  key: KEEPER_ANSWER,
  fields: ANSWER_FIELDS.map((f) => digest(f.read(answer))),
});

function mergeAnswers(
  base: Digests | undefined,
  here: Thread,
  scrape: Thread,
  scrapeDigests: Digests,
  prefer: Prefer | undefined,
  out: { changes: string[]; conflicts: string[] },
): MergedAnswers {
  const hereKeys = answerKeys(here.answers).map(digest);
  const scrapeKeys = scrapeDigests.answers.map((a) => a.key);
  // Which answer of the file each answer of the scrape continues, and against which base.
  const aligned = base !== undefined && base.answers.length === here.answers.length;
  if (base !== undefined && !aligned) return mergeEditedList(base, here, scrape, scrapeDigests, hereKeys, prefer, out);
  const hereIndex = new Map<string, number>();
  (aligned ? base.answers.map((a) => a.key) : hereKeys).forEach((key, i) => {
    if (key !== KEEPER_ANSWER) hereIndex.set(key, i);
  });

  const list: Answer[] = [];
  const record: AnswerDigests[] = [];
  const origin: (number | null)[] = [];
  const used = new Set<number>();
  const addedWho: string[] = [];
  scrape.answers.forEach((answer, j) => {
    const i = hereIndex.get(scrapeKeys[j] ?? '');
    const scraped = scrapeDigests.answers[j] ?? keeperDigests(answer);
    if (i === undefined) {
      list.push(answer);
      addedWho.push(who(answer));
    } else {
      used.add(i);
      list.push(
        mergeAnswer(
          aligned ? base.answers[i] : undefined,
          here.answers[i] ?? answer,
          answer,
          i,
          list.length + 1,
          prefer,
          out,
        ),
      );
    }
    record.push(scraped);
    origin.push(i ?? null);
  });
  if (addedWho.length > 0) out.changes.push(`+${count(addedWho.length, 'answer', 'answers')} (${addedWho.join('; ')})`);

  // The file's answers the scrape no longer has: the keeper's own stay; others go, unless edited here.
  const removedWho: string[] = [];
  here.answers.forEach((answer, i) => {
    if (used.has(i)) return;
    const own = aligned && base.answers[i]?.key === KEEPER_ANSWER;
    const untouched =
      aligned && !own && ANSWER_FIELDS.every((f, k) => digest(f.read(answer)) === base.answers[i]?.fields[k]);
    if (untouched || (!own && prefer === 'scrape')) {
      removedWho.push(who(answer));
      return;
    }
    if (!own && prefer === undefined) out.conflicts.push(`answers[${i}]`);
    const at = Math.min(i, list.length);
    list.splice(at, 0, answer);
    record.splice(at, 0, keeperDigests(answer));
    origin.splice(at, 0, i);
  });
  if (removedWho.length > 0)
    out.changes.push(`-${count(removedWho.length, 'answer', 'answers')} (${removedWho.join('; ')})`);
  return { list, record, origin };
}

/**
 * The keeper added or removed answers since the last import, so the file's answers no longer line
 * up with the record's. Unchanged in the source, the file's answers stay as they are; changed, the
 * list is one conflict, which the keeper settles with `prefer`.
 */
function mergeEditedList(
  base: Digests,
  here: Thread,
  scrape: Thread,
  scrapeDigests: Digests,
  hereKeys: string[],
  prefer: Prefer | undefined,
  out: { changes: string[]; conflicts: string[] },
): MergedAnswers {
  const sourceChanged = digest(base.answers) !== digest(scrapeDigests.answers);
  if (sourceChanged && prefer === undefined) out.conflicts.push('answers');
  if (sourceChanged && prefer === 'scrape') {
    out.changes.push(`answers as the scrape has them (${count(scrape.answers.length, 'answer', 'answers')})`);
    return { list: scrape.answers, record: scrapeDigests.answers, origin: scrape.answers.map(() => null) };
  }
  // The file's answers, each recorded as the source's when it still is one of them, else as the keeper's.
  const byKey = new Map(scrapeDigests.answers.map((a) => [a.key, a]));
  const record = here.answers.map((answer, i) => byKey.get(hereKeys[i] ?? '') ?? keeperDigests(answer));
  return { list: here.answers, record, origin: here.answers.map((_, i) => i) };
}
