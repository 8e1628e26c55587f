/**
 * Scrapes as JSON Lines (docs/importing.md, "JSON Lines"): one thread a line, with the content
 * file's field names, as Scrapy's feed exports, Apify datasets or `json.dumps` write them. Bodies
 * are plain text as the scraper saw it, made into markdown as a text scrape's are (every character
 * shown, lines and lists kept); the thread is then checked with the content schema, and a problem
 * is reported as `threads.jsonl:LINE field.path: message`. The file is read as a stream, a line at
 * a time, so an archive of any size imports in bounded memory.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { formatPath, issueProblems } from '../content/errors';
import { allowedKeys } from '../content/load';
import { ThreadSchema } from '../content/schema';
import type { Thread } from '../content/schema';
import { plainTextMarkdown } from './paragraphs';
import { slugify } from './scrape';

/** One line of a JSON Lines scrape: a thread as a content file holds it, its slug optional, no import record. */
export const ImportLineSchema = ThreadSchema.omit({ imported: true }).extend({
  /** The file name; made from the title when left out, as for a text scrape. */
  slug: ThreadSchema.shape.slug.optional(),
});

/** A line read: its thread, or the problems that keep it out, each as `field.path: message`. */
export type JsonLine = { ok: true; thread: Thread } | { ok: false; problems: string[] };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A body given as text, as markdown; anything else is left for the schema to report. */
const asMarkdown = (value: unknown) => (typeof value === 'string' ? plainTextMarkdown(value) : value);

/** The path of the first string in `value` that holds a lone surrogate (half of a UTF-16 pair), if any. */
function loneSurrogate(value: unknown, at: PropertyKey[] = []): string | undefined {
  if (typeof value === 'string')
    return /[\ud800-\udfff]/u.test(value.replace(/[\ud800-\udbff][\udc00-\udfff]/gu, '')) ? formatPath(at) : undefined;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = loneSurrogate(item, [...at, i]);
      if (found !== undefined) return found;
    }
  } else if (isObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = loneSurrogate(item, [...at, key]);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** Reads one line of a JSON Lines scrape. */
export function readJsonLine(text: string): JsonLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problems: [`(line): not JSON (${(error as Error).message}); write one thread as one JSON object a line`],
    };
  }
  if (!isObject(value))
    return { ok: false, problems: ['(line): expected one thread as a JSON object, such as {"title": …}'] };
  const question = isObject(value.question)
    ? { ...value.question, body: asMarkdown(value.question.body) }
    : value.question;
  const answers = Array.isArray(value.answers)
    ? value.answers.map((a: unknown) => (isObject(a) ? { ...a, body: asMarkdown(a.body) } : a))
    : value.answers;
  const slug = value.slug ?? (typeof value.title === 'string' ? slugify(value.title) : undefined);
  if (slug === '') {
    return { ok: false, problems: ['title: has no letter or digit to name the file after; give the thread a "slug"'] };
  }
  const lone = loneSurrogate(value);
  if (lone !== undefined)
    return {
      ok: false,
      problems: [
        `${lone}: holds half of a character (a lone surrogate), which no page can show; fix the scraper's encoding`,
      ],
    };
  const result = ImportLineSchema.safeParse({ ...value, slug, question, answers });
  if (!result.success) {
    // Positions are the line's own; the field paths and messages are the content check's.
    const problems = result.error.issues.flatMap((issue) =>
      issueProblems(
        '',
        issue,
        () => ({ line: 0, col: 0 }),
        (at) => allowedKeys(at, ImportLineSchema),
        '',
        0,
      ),
    );
    return { ok: false, problems: problems.map((p) => `${p.field}: ${p.message}`) };
  }
  return { ok: true, thread: result.data as Thread };
}

/** Every non-blank line of a JSON Lines stream, with its number (from 1), one at a time. */
export async function* jsonLines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const read of lines) {
    line += 1;
    // A byte-order mark before the first line is the file's, not the JSON's.
    const text = line === 1 ? read.replace(/^\ufeff/u, '') : read;
    if (text.trim() !== '') yield { line, text };
  }
}

/** The lines of a JSON Lines file. */
export function jsonLinesOf(file: string): AsyncGenerator<{ line: number; text: string }> {
  return jsonLines(createReadStream(file));
}

/**
 * The JSON Schema of a line (JSON Schema 2020-12), for a scraper's author to check their output
 * before importing: made from the content schema, with what a JSON Schema cannot say by itself
 * (bodies are plain text; a date is YYYY-MM-DD; the source address is https) added.
 */
export function importLineJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ImportLineSchema, {
    io: 'input',
    override: ({ jsonSchema, path }) => {
      const at = path.filter((p) => p !== 'properties' && p !== 'items').join('.');
      if (at === 'question.body' || at === 'answers.body') {
        jsonSchema.description =
          'Plain text as the scraper saw it: the importer escapes markdown and keeps every line and list.';
      }
      if (at === 'question.date')
        Object.assign(jsonSchema, {
          pattern: '^\\d{4}-\\d{2}-\\d{2}$',
          description: 'The day the question was asked, YYYY-MM-DD.',
        });
      if (at === 'source.url')
        Object.assign(jsonSchema, {
          pattern: '^https://',
          description: 'The address of the original page; https only.',
        });
      if (at === 'slug') jsonSchema.description = 'The file name; made from the title when left out.';
    },
  });
  return {
    ...schema,
    title: 'A thread for npm run import, one JSON object a line (docs/importing.md, "JSON Lines")',
  };
}
