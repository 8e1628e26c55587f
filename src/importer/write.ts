/**
 * Thread data to a content file, checked by the content loader before anything is written, and
 * written atomically: a reader (or a crash) never sees half a file.
 */
import { existsSync, linkSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { Document, isMap, isScalar, isSeq, Scalar } from 'yaml';
import { formatProblem } from '../content/errors';
import { parseThreadFile } from '../content/load';
import type { Thread } from '../content/schema';

/**
 * The content file for a thread: YAML front matter (bodies as `|` literal blocks, so paragraphs
 * read as written) and the question as the markdown after it. `from` names the scrape in the header.
 * Topics, when there are any, follow the title as one flow list line (see `topicsLine`).
 */
export function threadFileText(thread: Thread, from: string): string {
  const { question, ...rest } = thread;
  const front = {
    slug: rest.slug,
    title: rest.title,
    ...(question.photo ? { question: { photo: true } } : {}),
    source: rest.source,
    ...(rest.disclaimer === undefined ? {} : { disclaimer: rest.disclaimer }),
    answers: rest.answers,
  };
  const doc = new Document(front, { version: '1.2' });
  doc.commentBefore = [
    ` Imported by \`npm run import\` from ${from}, a ${rest.source.site} page saved as text.`,
    ' The page showed no vote values ({{ voteCount }} was an unrendered template),',
    ' so no answer has votes.',
  ].join('\n');
  const root = doc.contents;
  if (!isMap(root)) throw new Error('front matter is a mapping');
  const disclaimer = root.get('disclaimer', true);
  if (isScalar(disclaimer)) disclaimer.type = Scalar.BLOCK_FOLDED;
  const answers = root.get('answers', true);
  if (isSeq(answers)) {
    answers.items.forEach((item, i) => {
      if (!isMap(item)) return;
      item.spaceBefore = i > 0;
      const body = item.get('body', true);
      if (isScalar(body)) body.type = Scalar.BLOCK_LITERAL;
      const doctor = item.get('doctor', true);
      if (!isMap(doctor)) return;
      const credentials = doctor.get('credentials', true);
      if (isSeq(credentials)) credentials.flow = true;
      const rating = doctor.get('rating', true);
      if (isMap(rating)) rating.flow = true;
    });
  }
  let yaml = doc.toString({ lineWidth: 80 });
  if (rest.topics !== undefined && rest.topics.length > 0) {
    // Right after the title: before the first top-level key that follows it (title lines that wrap are indented).
    const at = yaml.search(/^(?:question|source):/mu);
    if (at === -1) throw new Error('front matter has a source');
    yaml = `${yaml.slice(0, at)}${topicsLine(rest.topics)}${yaml.slice(at)}`;
  }
  return `---\n${yaml}---\n${question.body}`;
}

/**
 * `topics: [Botox, "Botox, Dysport"]\n`: one line whatever its length (the writer would break a
 * long flow list over many lines), each name quoted as the YAML writer quotes an item of a flow
 * list: plain when it reads back as the same text, otherwise in quotes.
 */
function topicsLine(topics: readonly string[]): string {
  const doc = new Document({ topics }, { version: '1.2' });
  const seq = doc.get('topics', true);
  if (isSeq(seq)) seq.flow = true;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A content file ready to be written, or why it cannot be. */
export type Prepared = { ok: true; file: string; text: string } | { ok: false; message: string };

/**
 * Builds `<dir>/<slug>.md` and checks it with the content loader (same schema, same error format)
 * and that it loads back to exactly `thread`. Refuses an existing file unless `force`.
 */
export function prepareThreadFile(dir: string, thread: Thread, from: string, force: boolean): Prepared {
  const file = path.join(dir, `${thread.slug}.md`);
  if (!force && existsSync(file)) return { ok: false, message: `${file} already exists; add --force to replace it` };
  const text = threadFileText(thread, from);
  const checked = parseThreadFile(file, Buffer.from(text, 'utf8'));
  if (checked.problems.length > 0) {
    return {
      ok: false,
      message: ['the imported thread is not valid content:', ...checked.problems.map(formatProblem)].join('\n'),
    };
  }
  // The YAML writer must lose nothing: what the site will load is what was scraped.
  if (!isDeepStrictEqual(checked.thread, thread)) throw new Error(`${file} would not load back to the imported thread`);
  return { ok: true, file, text };
}

/**
 * Writes a file through a hidden temporary file in the same folder (the loader skips hidden
 * files), then renames it into place; without `force` it links instead, which fails rather
 * than replace a file that appeared meanwhile.
 */
export function writeAtomically(file: string, text: string, force: boolean): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    if (force) renameSync(temp, file);
    else linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
}
