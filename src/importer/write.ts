/**
 * Thread data to a content file, checked by the content loader before anything is written (run.ts
 * then writes each file in one step: a reader, or a crash, never sees half a file). A new file is written whole; an
 * update edits the file's front matter in place, so that the keeper's comments and the layout of
 * every field the update leaves alone stay as they were.
 */
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isSeq, parseDocument } from 'yaml';
import { formatProblem } from '../content/errors';
import { parseThreadFile } from '../content/load';
import type { ImportRecord, Thread } from '../content/schema';
import { pairText, patchFrontMatter, styleNode } from './patch';
import { RECORD_COMMENT } from './record';

/** The comment at the top of a file a text scrape became. */
export function scrapeHeader(from: string, site: string): string {
  return [
    ` Imported by \`npm run import\` from ${from}, a ${site} page saved as text.`,
    ' The page showed no vote values ({{ voteCount }} was an unrendered template),',
    ' so no answer has votes.',
  ].join('\n');
}

/** The comment at the top of a file a line of a JSON Lines file became. */
export function jsonlHeader(from: string, line: number): string {
  return ` Imported by \`npm run import\` from ${from}, line ${line}.`;
}

/** The import record as the last lines of the front matter, each digest line whole. */
function recordLines(record: ImportRecord): string {
  const doc = new Document({ imported: record }, { version: '1.2' });
  return `\n${RECORD_COMMENT}\n${doc.toString({ lineWidth: 0 })}`;
}

/**
 * Front matter YAML with the topics line after the title (title lines that wrap are indented):
 * `topics: [Botox, "Botox, Dysport"]`, one line whatever its length, as an update writes it (patch.ts).
 */
function withTopics(yaml: string, topics: readonly string[] | undefined): string {
  if (topics === undefined || topics.length === 0) return yaml;
  const at = yaml.search(/^(?:question|source|answers|disclaimer|imported):/mu);
  if (at === -1) throw new Error('front matter has a source');
  return `${yaml.slice(0, at)}${pairText('topics', topics, 0)}${yaml.slice(at)}`;
}

/**
 * The content file for a new thread: YAML front matter (bodies as `|` literal blocks, so
 * paragraphs read as written) and the question as the markdown after it; `header` is the comment
 * at the top. Topics, when there are any, follow the title as one line; the import record, when
 * there is one, closes the front matter.
 */
export function threadFileText(thread: Thread, header: string): string {
  const { question, topics, imported, ...rest } = thread;
  const front = {
    slug: rest.slug,
    title: rest.title,
    ...(question.photo || question.date !== undefined
      ? {
          question: {
            ...(question.photo ? { photo: true } : {}),
            ...(question.date === undefined ? {} : { date: question.date }),
          },
        }
      : {}),
    source: rest.source,
    ...(rest.disclaimer === undefined ? {} : { disclaimer: rest.disclaimer }),
    answers: rest.answers,
  };
  const doc = new Document(front, { version: '1.2' });
  doc.commentBefore = header;
  const root = doc.contents;
  if (!isMap(root)) throw new Error('front matter is a mapping');
  styleNode('disclaimer', root.get('disclaimer', true));
  const answers = root.get('answers', true);
  if (isSeq(answers)) {
    answers.items.forEach((item, i) => {
      if (isMap(item)) item.spaceBefore = i > 0;
      styleNode('', item);
    });
  }
  const yaml = withTopics(doc.toString({ lineWidth: 80 }), topics);
  return `---\n${yaml}${imported ? recordLines(imported) : ''}---\n${question.body}`;
}

/** The front matter and the text after it of a content file the loader accepted. */
function splitFile(text: string): { front: string; body: string } {
  const lines = text
    .replace(/^\ufeff/u, '')
    .replace(/\r\n?/gu, '\n')
    .split('\n');
  const close = lines.findIndex((l, i) => i > 0 && l === '---');
  return { front: `${lines.slice(1, close).join('\n')}\n`, body: lines.slice(close + 1).join('\n') };
}

/** Whether a content file's text loads as exactly `thread`. */
function loadsAs(text: string, thread: Thread): boolean {
  // The loader checks the slug against the file's name: the name is the slug's.
  const parsed = parseThreadFile(`${thread.slug}.md`, Buffer.from(text, 'utf8'));
  return parsed.problems.length === 0 && isDeepStrictEqual(parsed.thread, thread);
}

/**
 * The text of a content file (`text`, whose thread is `here`) updated to hold `merged`: each field
 * that changed rewritten where it stands (patch.ts; `origin` says which of the file's answers each
 * merged answer continues), the question text replaced when it changed, and the import record
 * rewritten as the front matter's last lines. A front matter laid out in a way the patch cannot
 * follow is written again whole, its header comment kept.
 */
export function updatedFileText(
  text: string,
  here: Thread,
  merged: Thread,
  origin: readonly (number | null)[],
): string {
  const { front, body } = splitFile(text);
  const question = merged.question.body === here.question.body ? body : merged.question.body;
  const record = merged.imported ? recordLines(merged.imported) : '';
  const patched = patchFrontMatter(front, here, merged, origin);
  let updated: string | undefined;
  if (patched !== undefined) {
    const candidate = `---\n${patched.replace(/\n+$/u, '\n')}${record}---\n${question}`;
    if (loadsAs(candidate, merged)) updated = candidate;
  }
  updated ??= threadFileText(merged, parseDocument(front, { version: '1.2' }).commentBefore ?? '');
  // The file's own line endings and byte-order mark, which the loader accepts, stay.
  if (text.includes('\r\n')) updated = updated.replace(/\n/gu, '\r\n');
  return text.startsWith('\ufeff') ? `\ufeff${updated}` : updated;
}

/** A content file's text ready to be written, or why it cannot be. */
export type Checked = { ok: true; text: string } | { ok: false; message: string };

/**
 * Checks `text`, meant for `file`, with the content loader (same schema, same error format), and
 * that it loads back to exactly `thread`: what the site will load is what was imported.
 */
export function checkFileText(file: string, text: string, thread: Thread): Checked {
  const checked = parseThreadFile(file, Buffer.from(text, 'utf8'));
  if (checked.problems.length > 0) {
    return {
      ok: false,
      message: ['the imported thread is not valid content:', ...checked.problems.map(formatProblem)].join('\n'),
    };
  }
  if (!isDeepStrictEqual(checked.thread, thread)) throw new Error(`${file} would not load back to the imported thread`);
  return { ok: true, text };
}

/** Where a content file of `dir` for a thread with this slug is. */
export function contentFile(dir: string, slug: string): string {
  return path.join(dir, `${slug}.md`);
}
