/**
 * The thread schema: the one place that says what a content file may hold.
 * Types are inferred from it; objects are strict, so an unknown key is an error.
 * Messages are written for the person editing the file, with the value they wrote.
 */
import { z } from 'zod';
import { describeValue } from './errors';
import { markdownLimitBreach } from './limits';
import { SLUG_MAX, SLUG_PATTERN, topicSlug } from './slugs';

/** C0/C1 controls (tab and newline aside), and the bidi embedding, override and isolate marks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_IN_LINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
/** Controls that have no place even in a multi-line body. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_IN_BODY = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e]/u;
/** A character that shows something: a text without one (only spaces and zero-width characters) is blank. */
const VISIBLE = /[^\s\u200b-\u200d\u2060\ufeff\u00ad]/u;
/** Leftovers of a scraped page that are not text anyone wrote. */
const SCRAPER_JUNK: readonly { pattern: RegExp; what: string }[] = [
  { pattern: /\{\{[^\n]*?\}\}/u, what: 'an unrendered page template' },
  { pattern: /^[ \t]*You might also like\.\.\.[ \t]*$/mu, what: 'page chrome' },
];

function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The error for a value of the wrong type, or a missing one. */
function typeError(label: string, expected: string) {
  return (iss: { input?: unknown }) =>
    iss.input === undefined ? `${label} is missing` : `${label} must be ${expected}, got ${describeValue(iss.input)}`;
}

/**
 * One line of text: not blank, no control or bidirectional-override characters. `more` adds a
 * field's own rule, checked only when those pass: it returns the message, or undefined.
 */
function line(label: string, more?: (value: string) => string | undefined) {
  return z.string({ error: typeError(label, 'text') }).superRefine((value, ctx) => {
    if (!VISIBLE.test(value)) {
      ctx.addIssue({ code: 'custom', message: `${label} must not be blank` });
      return;
    }
    const bad = FORBIDDEN_IN_LINE.exec(value);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} contains the invisible control character ${codePoint(bad[0])} at position ${bad.index + 1}; remove it`,
      });
      return;
    }
    const message = more?.(value);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message });
  });
}

/** Markdown text: not blank (zero-width characters do not count), within the rendering limits, no scraper junk, no controls. */
function markdown(label: string) {
  return z.string({ error: typeError(label, 'text') }).superRefine((value, ctx) => {
    if (!VISIBLE.test(value)) {
      ctx.addIssue({ code: 'custom', message: `${label} must not be blank` });
      return;
    }
    const breach = markdownLimitBreach(value, label);
    if (breach) {
      ctx.addIssue({ code: 'custom', message: breach.message, params: { offset: breach.offset } });
      return;
    }
    const bad = FORBIDDEN_IN_BODY.exec(value);
    if (bad) {
      ctx.addIssue({
        code: 'custom',
        message: `${label} contains the invisible control character ${codePoint(bad[0])}; remove it`,
        params: { offset: bad.index },
      });
    }
    for (const junk of SCRAPER_JUNK) {
      const found = junk.pattern.exec(value);
      if (found) {
        ctx.addIssue({
          code: 'custom',
          message: `${label} contains ${junk.what}, ${describeValue(found[0].trim())}; it is not part of the text, remove it`,
          params: { offset: found.index + (found[0].length - found[0].trimStart().length) },
        });
      }
    }
  });
}

/** A whole number from 0 up. */
function count(label: string) {
  return z
    .number({ error: typeError(label, 'a whole number') })
    .int({ error: (iss) => `${label} must be a whole number, got ${describeValue(iss.input)}` })
    .min(0, { error: (iss) => `${label} must be 0 or more, got ${describeValue(iss.input)}` });
}

/** An object whose keys are all known; the loader reports each unknown key at its line, with the allowed ones. */
function record<Shape extends z.ZodRawShape>(label: string, shape: Shape) {
  const wrongType = typeError(label, 'a group of fields (key: value lines)');
  return z.strictObject(shape, {
    error: (iss) =>
      iss.code === 'unrecognized_keys'
        ? `unknown ${iss.keys.length === 1 ? 'field' : 'fields'} ${iss.keys.map((k) => JSON.stringify(k)).join(', ')}`
        : wrongType(iss),
  });
}

/** At most this many topics on one thread. */
export const TOPICS_MAX = 20;
/** What a topic may not hold beyond the one-line rule: line breaks, tabs, surrounding spaces. */
function topicShape(value: string): string | undefined {
  const lineBreak = /[\n\u2028\u2029]/u.exec(value);
  if (lineBreak) return `topic must be one line, got a line break at position ${lineBreak.index + 1}; write it on one line`;
  const tab = value.indexOf('\t');
  if (tab !== -1) return `topic contains a tab at position ${tab + 1}; use a space`;
  if (/^\s|\s$/u.test(value)) return `topic must not start or end with a space, got ${describeValue(value)}`;
  return undefined;
}

/** A thread's topics: each once (by slug), at most TOPICS_MAX. */
export const TopicsSchema = z
  .array(line('topic', topicShape), { error: typeError('topics', 'a list such as [Botox, Masseter Botox]') })
  .max(TOPICS_MAX, { error: (iss) => `topics must list at most ${TOPICS_MAX} topics, got ${Array.isArray(iss.input) ? iss.input.length : 0}` })
  .superRefine((topics, ctx) => {
    const seen = new Map<string, string>();
    topics.forEach((topic, i) => {
      if (typeof topic !== 'string') return;
      const slug = topicSlug(topic);
      const first = seen.get(slug);
      if (first === undefined) {
        seen.set(slug, topic);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: [i],
        message:
          first === topic
            ? `topic ${describeValue(topic)} is listed twice; keep one`
            : `topic ${describeValue(topic)} is the same topic as ${describeValue(first)} (both have the slug "${slug}"); keep one`,
      });
    });
  });

/** A star rating as the source showed it. */
export const RatingSchema = record('rating', {
  /** Average stars, 0 to 5; shown with one decimal. */
  value: z
    .number({ error: typeError('rating', 'a number from 0 to 5') })
    .min(0, { error: (iss) => `rating must be between 0 and 5, got ${describeValue(iss.input)}` })
    .max(5, { error: (iss) => `rating must be between 0 and 5, got ${describeValue(iss.input)}` }),
  /** How many reviews the average is made of. */
  reviews: count('review count'),
});

/** The doctor who wrote an answer, as the source names them. */
export const DoctorSchema = record('doctor', {
  /** Full name without credentials; suffixes such as "III" belong to the name. */
  name: line('doctor name'),
  /** Degrees and titles after the name, in source order: ["MD"], ["MD", "FACS"]. */
  credentials: z
    .array(
      line('credential').refine((c) => !c.includes(','), {
        error: (iss) => `a credential is one title without commas, got ${describeValue(iss.input)}; list each one separately`,
      }),
      { error: typeError('credentials', 'a list such as [MD]') },
    )
    .min(1, { error: 'credentials must list at least one title, such as [MD]' }),
  /** City or area, as the source gives it: "Beverly Hills"; the source's whole line when it names no known specialty. */
  location: line('location'),
  /** Specialty as the source gives it: "Facial Plastic Surgeon"; absent when the source's line names none we know. */
  specialty: line('specialty').optional(),
  /** Star rating; absent when the source shows none. */
  rating: RatingSchema.optional(),
});

/** One answer, in source order. */
export const AnswerSchema = record('answer', {
  /** The answer's own headline. */
  headline: line('headline'),
  /** The answer text, markdown. */
  body: markdown('answer body'),
  /** Votes, only when the source really shows a number. */
  votes: count('votes').optional(),
  /** The author; absent for an anonymous answer. */
  doctor: DoctorSchema.optional(),
});

/** Where the thread was published. */
export const SourceSchema = record('source', {
  /** Site name: "RealSelf". */
  site: line('source site'),
  /** Address of the original page; https only. */
  url: z
    .string({ error: typeError('source url', 'an https:// address') })
    .refine(isHttpsUrl, { error: (iss) => `source url must be an https:// address, got ${describeValue(iss.input)}` })
    .optional(),
});

/** The question that opened the thread. */
export const QuestionSchema = record('question', {
  /** The question text, markdown: the part of the file after the front matter. */
  body: markdown('question text'),
  /** The original question had a photo that the archive does not hold. */
  photo: z.boolean({ error: typeError('question photo', 'true or false') }).default(false),
  /** Day the question was asked, YYYY-MM-DD, when the source gives it. */
  date: z
    .string({ error: typeError('question date', 'a date written YYYY-MM-DD') })
    .refine(isCalendarDate, { error: (iss) => `question date must be a date written YYYY-MM-DD, got ${describeValue(iss.input)}` })
    .optional(),
});

/** Digests of 8 hex digits, space-separated. */
const DIGESTS = /^[0-9a-f]{8}(?: [0-9a-f]{8})*$/u;

/** A line of the import record: digests, as the importer wrote them. */
function digests(label: string) {
  return z.string({ error: typeError(label, 'digests as npm run import writes them') }).regex(DIGESTS, {
    error: () =>
      `${label} is not as npm run import wrote it; remove the whole imported group (the next import then treats every difference from the scrape as a conflict)`,
  });
}

/**
 * What `npm run import` last wrote into the file, field by field, so that a re-import can tell the
 * keeper's edits from the source's changes (docs/importing.md, "Updating threads"). Written by the
 * importer, never by hand; the site does not show it.
 */
export const ImportRecordSchema = record('import record', {
  /** The digests of the thread's own fields: title, question text, photo, date, source site and url, disclaimer. */
  thread: digests('import record'),
  /** For each answer, in the file's order: the digest of who wrote it, then of each of its fields. */
  answers: z.array(digests('import record'), { error: typeError('import record answers', 'a list') }),
});

/** A whole thread: one content file. */
export const ThreadSchema = record('front matter', {
  /** URL name; must equal the file name without `.md`. */
  slug: z
    .string({ error: typeError('slug', 'text') })
    .max(SLUG_MAX, { error: (iss) => `slug must be at most ${SLUG_MAX} characters, got ${typeof iss.input === 'string' ? iss.input.length : 0}` })
    .regex(SLUG_PATTERN, {
      error: (iss) => `slug must be lowercase letters a-z, digits and single hyphens, got ${describeValue(iss.input)}`,
    }),
  /** The question's title, without markers such as "(photo)". */
  title: line('title'),
  /** Topics the thread belongs to, each a one-line name: [Botox, Masseter Botox]; absent when none. */
  topics: TopicsSchema.optional(),
  question: QuestionSchema,
  /** The answers, in source order. */
  answers: z
    .array(AnswerSchema, { error: typeError('answers', 'a list of answers') })
    .min(1, { error: 'answers must list at least one answer' }),
  source: SourceSchema,
  /** The source's closing disclaimer, shown at the foot of the page. */
  disclaimer: line('disclaimer').optional(),
  /** What `npm run import` last wrote here; absent in a file written by hand. */
  imported: ImportRecordSchema.optional(),
});

export type Thread = z.infer<typeof ThreadSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Doctor = z.infer<typeof DoctorSchema>;
export type Rating = z.infer<typeof RatingSchema>;
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}

function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
