/**
 * The import record: what `npm run import` last wrote into a content file, field by field, kept in
 * the file's front matter (`imported:`) so that a later import can tell the keeper's edits from
 * the source's changes (docs/importing.md, "Updating threads"). Each field is kept as a digest
 * (the first 8 hex digits of the SHA-256 of its value as JSON), never as text: the record is small,
 * and it cannot disagree with the file about what the thread says.
 */
import { createHash } from 'node:crypto';
import type { Answer, ImportRecord, Thread } from '../content/schema';
import { doctorSlug, slugWords } from '../content/slugs';

/**
 * The lines above the import record: what it is, and that it is not for editing. An update removes
 * them with the old record (patch.ts) before the new one is written below them (write.ts).
 */
export const RECORD_COMMENT = [
  '# What npm run import last wrote here, field by field, so that a re-import keeps your edits',
  '# (docs/importing.md, "Updating threads"). Leave it as it is.',
].join('\n');

/** A field of a thread or of an answer: its path in content-file terms, and how to read it. */
type Field<T> = { path: string; read: (x: T) => unknown };

/** The thread's own fields, in the order of the record's `thread` line. */
export const THREAD_FIELDS: readonly Field<Thread>[] = [
  { path: 'title', read: (t) => t.title },
  { path: 'question.body', read: (t) => t.question.body },
  { path: 'question.photo', read: (t) => t.question.photo },
  { path: 'question.date', read: (t) => t.question.date },
  { path: 'source.site', read: (t) => t.source.site },
  { path: 'source.url', read: (t) => t.source.url },
  { path: 'disclaimer', read: (t) => t.disclaimer },
];

/** An answer's fields, in the order of a record's answer line, after the answer's identity. */
export const ANSWER_FIELDS: readonly Field<Answer>[] = [
  { path: 'headline', read: (a) => a.headline },
  { path: 'body', read: (a) => a.body },
  { path: 'votes', read: (a) => a.votes },
  { path: 'doctor.name', read: (a) => a.doctor?.name },
  { path: 'doctor.credentials', read: (a) => a.doctor?.credentials },
  { path: 'doctor.location', read: (a) => a.doctor?.location },
  { path: 'doctor.specialty', read: (a) => a.doctor?.specialty },
  { path: 'doctor.rating', read: (a) => a.doctor?.rating },
];

/** The digest of a value: the first 8 hex digits of the SHA-256 of its JSON (absent is `null`). */
export function digest(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value ?? null))
    .digest('hex')
    .slice(0, 8);
}

/**
 * The identities of a thread's answers, in order: the doctor's slug (who the doctor is, as the
 * doctor pages tell), or for an anonymous answer the slug words of its headline; a second answer
 * with the same identity gets `#2`, and so on.
 */
export function answerKeys(answers: readonly Answer[]): string[] {
  const seen = new Map<string, number>();
  return answers.map((a) => {
    const base = a.doctor ? `doctor ${doctorSlug(a.doctor)}` : `anonymous ${slugWords(a.headline)}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** One answer as the record keeps it: its identity's digest, then its fields' digests. */
export type AnswerDigests = { key: string; fields: string[] };

/** The record's view of a thread: its own fields' digests, and each answer's. */
export type Digests = { thread: string[]; answers: AnswerDigests[] };

/** The digests of every field of `thread`. */
export function digestsOf(thread: Thread): Digests {
  const keys = answerKeys(thread.answers);
  return {
    thread: THREAD_FIELDS.map((f) => digest(f.read(thread))),
    answers: thread.answers.map((a, i) => ({
      key: digest(keys[i]),
      fields: ANSWER_FIELDS.map((f) => digest(f.read(a))),
    })),
  };
}

/** The record to write for these digests. */
export function recordOf(digests: Digests): ImportRecord {
  return {
    thread: digests.thread.join(' '),
    answers: digests.answers.map((a) => [a.key, ...a.fields].join(' ')),
  };
}

/** The digests a record holds (the schema checked its shape). */
export function readRecord(record: ImportRecord): Digests {
  return {
    thread: record.thread.split(' '),
    answers: record.answers.map((line) => {
      const [key = '', ...fields] = line.split(' ');
      return { key, fields };
    }),
  };
}
