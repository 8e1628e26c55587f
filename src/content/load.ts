/**
 * The content loader: the only code that reads content files and calls gray-matter.
 * Every file is parsed once, checked from bytes to schema, and every problem of every
 * file is returned with its line and column.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { BigIntStats } from 'node:fs';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import { decodeContent } from './decode';
import { FILE_FIELD, issueProblems, YAML_FIELD } from './errors';
import type { Problem } from './errors';
import { ThreadSchema } from './schema';
import type { Thread } from './schema';
import { SLUG_MAX, SLUG_PATTERN, topicSlug } from './slugs';
import { parseFrontMatter, readFrontMatterQuickly } from './yaml';
import type { ParsedYaml } from './yaml';

/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 1_000_000;

export type Loaded = {
  /** Valid threads, in file-name order. */
  threads: Thread[];
  problems: Problem[];
  /** How many files were looked at. */
  fileCount: number;
};

/** Never evaluate front matter written in JavaScript, whatever gray-matter's language detection says. */
function refuseCode(): never {
  throw new Error('front matter in JavaScript is never evaluated');
}

/**
 * Reads every `.md` file in `dir` (sorted by name). Hidden files (starting with `.`) are ignored;
 * anything else (other extensions, folders, symbolic links) is reported as a problem.
 */
export function loadContent(dir: string): Loaded {
  const names = contentNames(dir);
  return combineEntries(names.map((name) => loadEntry(dir, name)));
}

/** The entries of a content folder that the loader looks at: all but hidden ones, sorted. */
export function contentNames(dir: string): string[] {
  return readdirSync(dir).filter((name) => !name.startsWith('.')).sort();
}

/** What tells a content file's change without reading it: inode, size, modification and change times. */
function fileStamp(stat: BigIntStats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/**
 * One digest of the stamps of every entry of `dir` (`fileStamp`), taken before the files are read:
 * when it is the same at the next build, no file was written, added, removed or renamed since. None
 * when a file changed less than RACY_NS before `nowNs`: a write in the same clock tick after the
 * stamp could keep every time the same (git's "racily clean" entries).
 */
export function contentStamp(dir: string, nowNs: bigint): string | undefined {
  const hash = createHash('sha256').update(`${path.resolve(dir)}\n`);
  for (const name of contentNames(dir)) {
    const stat = lstatSync(path.join(dir, name), { bigint: true });
    if (nowNs - stat.mtimeNs < RACY_NS || nowNs - stat.ctimeNs < RACY_NS) return undefined;
    hash.update(`${name}\t${fileStamp(stat)}\n`);
  }
  return hash.digest('hex');
}

/** A file changed this close before a stamp may change again unseen: 2 s, as coarse as any file system's clock (FAT's). */
const RACY_NS = 2_000_000_000n;

/** A reading of the content folder by `liveLoader`: what `loadContent` gives, and whether any file changed since the last reading. */
export type LiveReading = { loaded: Loaded; changed: boolean };

/**
 * `loadContent` for `next dev`: each call lists `dir` again and parses only the files that are
 * new or whose inode, size, modification or change time differ from the last call; removed
 * files drop out. The result is what `loadContent` would give now.
 */
export function liveLoader(dir: string): () => LiveReading {
  let known = new Map<string, { stamp: string; entry: Entry }>();
  let last: Loaded | undefined;
  return () => {
    const next = new Map<string, { stamp: string; entry: Entry }>();
    let changed = last === undefined;
    for (const name of contentNames(dir)) {
      const stamp = fileStamp(lstatSync(path.join(dir, name), { bigint: true }));
      const old = known.get(name);
      if (old?.stamp === stamp) next.set(name, old);
      else {
        changed = true;
        next.set(name, { stamp, entry: loadEntry(dir, name) });
      }
    }
    if (next.size !== known.size) changed = true;
    known = next;
    if (changed || !last) last = combineEntries([...next.values()].map((v) => v.entry));
    return { loaded: last, changed };
  };
}

/** One entry of the content folder, read and parsed; `file` is the path shown in problems. */
export type Entry = Parsed & { file: string };

/** Reads and parses one entry of `dir`, refusing links, folders, other files and oversized files unread. */
export function loadEntry(dir: string, name: string): Entry {
  const read = readEntry(dir, name);
  return 'bytes' in read ? parseEntry(read.file, read.bytes) : read;
}

/**
 * Reads one entry of `dir`: its bytes, or the problem that refuses it unread (a link, a folder,
 * another kind of file, an oversized file). `file` is the path shown in problems.
 */
export function readEntry(dir: string, name: string): { file: string; bytes: Buffer } | Entry {
  const file = `${path.relative(process.cwd(), dir).split(path.sep).join('/') || '.'}/${name}`;
  const stat = lstatSync(path.join(dir, name));
  const refuse = (message: string): Entry => ({ file, problems: [{ file, line: 1, col: 1, field: FILE_FIELD, message }], slugAt: { line: 1, col: 1 } });
  if (stat.isSymbolicLink()) return refuse('symbolic links are not followed; put the file itself in the content folder');
  if (!stat.isFile() || !name.endsWith('.md')) return refuse('only .md files belong in the content folder; move or remove this');
  if (stat.size > MAX_FILE_BYTES) {
    return refuse(`the file is ${stat.size.toLocaleString('en-US')} bytes, over the ${MAX_FILE_BYTES.toLocaleString('en-US')}-byte limit`);
  }
  return { file, bytes: readFileSync(path.join(dir, name)) };
}

/** Parses the bytes of the entry `file` (as `readEntry` gave them). */
export function parseEntry(file: string, bytes: Uint8Array): Entry {
  return { ...parseSafely(file, bytes), file };
}

/**
 * Joins entries (in name order) into threads and problems, adding one problem per duplicate slug,
 * and one per topic spelled differently from the first file (in name order) that names it.
 */
export function combineEntries(entries: readonly Entry[]): Loaded {
  const threads: Thread[] = [];
  const problems: Problem[] = [];
  const slugOwners = new Map<string, string>();
  /** Topic slug to its first spelling and where it is. */
  const topicOwners = new Map<string, TopicAt & { file: string }>();
  for (const entry of entries) {
    problems.push(...entry.problems);
    if (entry.thread) threads.push(entry.thread);
    entry.topics?.forEach((topic, i) => {
      const slug = topicSlug(topic.name);
      const owner = topicOwners.get(slug);
      if (!owner) topicOwners.set(slug, { ...topic, file: entry.file });
      else if (owner.name !== topic.name) {
        problems.push({
          file: entry.file,
          line: topic.line,
          col: topic.col,
          field: `topics[${i}]`,
          message: `topic ${JSON.stringify(topic.name)} is spelled ${JSON.stringify(owner.name)} in ${owner.file}:${owner.line}:${owner.col} (both have the slug "${slug}"); spell one topic the same way in every file`,
        });
      }
    });
    if (entry.slug === undefined) continue;
    const owner = slugOwners.get(entry.slug);
    if (owner) {
      problems.push({ ...entry.slugAt, file: entry.file, field: 'slug', message: `slug ${JSON.stringify(entry.slug)} is already used by ${owner}` });
    } else slugOwners.set(entry.slug, entry.file);
  }
  return { threads, problems, fileCount: entries.length };
}

/** parseThreadFile, with any crash of a library on a hostile file turned into a problem of that file. */
function parseSafely(file: string, bytes: Uint8Array): Parsed {
  try {
    return parseThreadFile(file, bytes);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { problems: [{ file, line: 1, col: 1, field: FILE_FIELD, message: `the file could not be read (${reason}); simplify it` }], slugAt: { line: 1, col: 1 } };
  }
}

type Parsed = {
  thread?: Thread;
  problems: Problem[];
  /** The slug the front matter claims, valid or not, to find duplicates across files. */
  slug?: string;
  slugAt: { line: number; col: number };
  /** A valid thread's topics and where each is written, to find one topic spelled two ways across files. */
  topics?: TopicAt[];
};

/** A topic as written in a file, and its position there. */
export type TopicAt = { name: string; line: number; col: number };

/** Parses one content file given as bytes; `file` is the path shown in problems. */
export function parseThreadFile(file: string, bytes: Uint8Array): Parsed {
  const problems: Problem[] = [];
  const at = (field: string, line: number, col: number, message: string): Parsed => {
    problems.push({ file, line, col, field, message });
    return { problems, slugAt: { line: 1, col: 1 } };
  };
  const decoded = decodeContent(bytes);
  if (!decoded.ok) return at(FILE_FIELD, decoded.problem.line, decoded.problem.col, decoded.problem.message);
  const text = decoded.text;
  if (text.trim() === '') return at(FILE_FIELD, 1, 1, 'the file is empty; a thread starts with front matter between two "---" lines');
  const lines = text.split('\n');
  const first = lines[0] ?? '';
  if (first !== '---') {
    return first.startsWith('---')
      ? at(FILE_FIELD, 1, 1, `the first line must be exactly "---", got ${JSON.stringify(first)}; front matter is YAML only`)
      : at(FILE_FIELD, 1, 1, 'no front matter: the file must start with a line "---"');
  }
  const close = lines.findIndex((l, i) => i > 0 && l.startsWith('---'));
  if (close === -1) return at(FILE_FIELD, 1, 1, 'the front matter opened on line 1 is never closed; add a line "---" after it');
  if (lines[close] !== '---') {
    return at(FILE_FIELD, close + 1, 1, `the line closing the front matter must be exactly "---", got ${JSON.stringify(lines[close])}`);
  }

  // gray-matter splits the file; its YAML engine is replaced (the YAML is read below) and its
  // JavaScript engines refuse. Passing options also keeps it from caching by content.
  const split = matter(text, { language: 'yaml', engines: { yaml: () => ({}), js: refuseCode, javascript: refuseCode } });
  const body = { text: split.content, line: close + 2 };
  // Most files are valid: the quick YAML reading settles them. Any doubt or problem, and the
  // file is read again in full, so every problem comes from the reading with positions.
  const quick = readFrontMatterQuickly(split.matter);
  if (quick) {
    const parsed = validate(file, quick, body);
    if (parsed.problems.length === 0) return parsed;
  }
  return validate(file, parseFrontMatter(split.matter), body);
}

/** Checks read front matter, and the markdown body below it, against the schema and the file name. */
function validate(file: string, yaml: ParsedYaml, body: { text: string; line: number }): Parsed {
  const problems: Problem[] = [];
  for (const p of yaml.problems) problems.push({ file, ...p, field: YAML_FIELD });
  if (yaml.data === undefined) return { problems, slugAt: { line: 1, col: 1 } };

  const data = yaml.data as Record<string, unknown>; // both readings return data only for a mapping
  const slug = typeof data.slug === 'string' ? data.slug : undefined;
  const slugAt = yaml.locate(['slug']);
  const question = data.question ?? {}; // `question:` may be left out when it has no photo or date
  if (isPlainObject(question)) {
    if ('body' in question) {
      const p = yaml.locate(['question', 'body']);
      problems.push({ file, ...p, field: 'question.body', message: 'write the question text below the front matter, not as question.body' });
    } else data.question = { ...question, body: body.text };
  }

  const result = ThreadSchema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) problems.push(...issueProblems(file, issue, yaml.locate, allowedKeys, body.text, body.line));
  }
  const stem = path.basename(file, '.md');
  if (!SLUG_PATTERN.test(stem)) {
    problems.push({ file, line: 1, col: 1, field: FILE_FIELD, message: 'the file name must be a slug: lowercase letters a-z, digits and single hyphens, then .md' });
  } else if (slug !== undefined && slug !== stem && SLUG_PATTERN.test(slug) && slug.length <= SLUG_MAX) {
    // An invalid slug already has its own problem; comparing it with the file name adds nothing.
    problems.push({ file, ...slugAt, field: 'slug', message: `slug ${JSON.stringify(slug)} must equal the file name ${JSON.stringify(stem)}; rename the file or change the slug` });
  }
  if (!(problems.length === 0 && result.success)) return { problems, ...(slug === undefined ? {} : { slug }), slugAt };
  const thread = result.data;
  const topics = thread.topics?.map((name, i) => ({ name, ...yaml.locate(['topics', i]) }));
  return { thread, problems, slug: thread.slug, slugAt, ...(topics && topics.length > 0 ? { topics } : {}) };
}

/** The fields allowed at a path of the thread schema, to list them next to an unknown one. */
export function allowedKeys(path: readonly PropertyKey[], of: z.ZodType = ThreadSchema): string[] {
  let schema: z.ZodType = of;
  for (const key of [...path, '']) {
    while (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault) schema = schema.unwrap() as z.ZodType;
    if (key === '') break;
    if (schema instanceof z.ZodArray) schema = schema.element as z.ZodType;
    else if (schema instanceof z.ZodObject) schema = (schema.shape as Record<string, z.ZodType>)[String(key)] ?? schema;
  }
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
