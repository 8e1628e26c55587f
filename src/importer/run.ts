/**
 * One import run (docs/importing.md): every scrape is read, parsed, checked, matched with the file
 * of its thread and merged with it first; each file to write is staged in a hidden folder of the
 * content folder (which the loader skips). Only when every scrape is good are the staged files
 * renamed into place, each in one step, so a failed run writes nothing and an interrupted one
 * leaves every file as it was or as it should be. Memory holds a line per file, never the files.
 */
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  createReadStream,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import os from 'node:os';
import { createInterface } from 'node:readline';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { decodeContent } from '../content/decode';
import { parseThreadFile } from '../content/load';
import { TopicsSchema } from '../content/schema';
import type { ImportRecord, Thread } from '../content/schema';
import { SLUG_MAX } from '../content/slugs';
import { jsonLines, jsonLinesOf, readJsonLine } from '../scrapes/jsonl';
import { addTopics, mergeThread } from './merge';
import type { Prefer } from './merge';
import { THREAD_FIELDS, digest, digestsOf, readRecord, recordOf } from './record';
import { parseScrape } from '../scrapes/scrape';
import { checkFileText, contentFile, jsonlHeader, scrapeHeader, threadFileText, updatedFileText } from './write';

/** `-` among the inputs means standard input. */
export const STDIN = '-';
/** From this many inputs on, the run says on stderr how many it imports. */
const PROGRESS_FROM = 10;
/** A progress line every this many scrapes. */
const PROGRESS_EVERY = 1000;
/** The hidden folders a run stages its files in, inside the content folder. */
const STAGING = /^\.import-(\d+)$/u;
/** A JSON Lines file, by its name. */
const JSONL = /\.jsonl$/iu;

export type ImportOptions = {
  /** Scrape files, folders of them, and `-` for standard input. */
  inputs: string[];
  outDir: string;
  /**
   * Who wins a field both the keeper and the scrape changed: none (the file is kept), the keeper
   * (`--keep-edits`), the scrape (`--scrape-wins`); or the scrape in every field it has (`--force`).
   */
  prefer?: Prefer | undefined;
  /** Topics given on the command line (`--topic`), added to every imported thread. */
  topics?: string[];
  /** How standard input is read (`--format`): a text scrape, or JSON Lines. */
  stdinFormat?: 'text' | 'jsonl';
  /** Say what would happen; write nothing (`--dry-run`). */
  dryRun?: boolean;
};

export type ImportIo = {
  stdin: () => Readable;
  /** One line of normal output (files written, the summary). */
  out: (line: string) => void;
  /** One line of warnings, progress and errors. */
  err: (line: string) => void;
};

/** A scrape read from an input: its thread, or why it cannot be imported. */
type Scrape = { where: string; from: string; header: string; warnings: string[] } & (
  { ok: true; thread: Thread; titleLine: number | undefined } | { ok: false; problems: string[] }
);

/** An input: a text scrape or a JSON Lines file, on disk or on standard input. */
type Source = { path: string; shown: string; format: 'text' | 'jsonl' };

/** How a conflict was settled, by the option that settled it. */
const SETTLED: Record<Prefer, string> = {
  here: 'as edited here (--keep-edits)',
  scrape: 'as the scrape has them (--scrape-wins)',
  force: 'as the scrape has them (--force)',
};

/** A content file the scrape's thread is in: its path, its text, its thread. */
type Here = { file: string; text: string; thread: Thread };

/** What the run does with one file, once every scrape is good. */
type Planned = {
  kind: 'new' | 'updated';
  file: string;
  staged: string;
  /** The file as it was read, to tell a change made while the run went on. */
  stamp: string | undefined;
  line: string;
};

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The slug of the `n`th thread with this title: the slug itself, then `<slug>-2`, … (cut to fit the slug limit). */
function numbered(slug: string, n: number): string {
  if (n === 1) return slug;
  const tail = `-${n}`;
  return `${slug.slice(0, SLUG_MAX - tail.length).replace(/-+$/u, '')}${tail}`;
}

/** A file's identity for noticing a change: inode, size and modification time. */
function stampOf(file: string): string | undefined {
  try {
    const s = statSync(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** The import record as the importer writes it in a file, at the end of its front matter. */
const RECORD_IN_FILE = /^imported:\n {2}thread: ([0-9a-f ]+)\n {2}answers:\n((?: {4}- [0-9a-f -]+\n)*)---\n/mu;

/** Whether the text of a content file holds exactly `record`, as the importer wrote it. */
function sameRecord(text: string, record: ImportRecord): boolean {
  const found = RECORD_IN_FILE.exec(text);
  if (!found) return false;
  const answers = (found[2] ?? '')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.slice('    - '.length));
  return found[1] === record.thread && isDeepStrictEqual(answers, record.answers);
}

/** What tells one thread from another with the same title: its question's digest, as written and as last imported, and its source address. */
type Identity = { questions: string[]; url: string | undefined };

const QUESTION_AT = THREAD_FIELDS.findIndex((f) => f.path === 'question.body');

/** A thread's identity: the digest of its question, and of the question the importer last wrote, if any. */
function identity(thread: Thread): Identity {
  const recorded = thread.imported ? readRecord(thread.imported).thread[QUESTION_AT] : undefined;
  return { questions: [digest(thread.question.body), ...(recorded ? [recorded] : [])], url: thread.source.url };
}

/** Whether a known thread (a file's, or one an earlier scrape of the run went to) is the scrape's: same question, as written or as last imported, or same source address. */
function sameThread(known: Identity, scrape: Thread): boolean {
  if (known.questions.includes(digest(scrape.question.body))) return true;
  return known.url !== undefined && known.url === scrape.source.url;
}

/** The inputs as sources: a folder gives its `.txt` and `.jsonl` files, by name; a file its own format. */
function sources(
  inputs: readonly string[],
  stdinFormat: 'text' | 'jsonl',
  io: ImportIo,
  fail: (line: string) => void,
): Source[] {
  const out: Source[] = [];
  for (const input of inputs) {
    if (input === STDIN) {
      out.push({ path: STDIN, shown: 'stdin', format: stdinFormat });
      continue;
    }
    let isFolder = false;
    try {
      isFolder = statSync(input).isDirectory();
    } catch {
      // not there: reading it says so
    }
    if (!isFolder) {
      out.push({ path: input, shown: input, format: JSONL.test(input) ? 'jsonl' : 'text' });
      continue;
    }
    // Hidden entries (.git, .DS_Store) are not the keeper's scrapes; subfolders are not read, and said so.
    const entries = readdirSync(input, { withFileTypes: true })
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isFile() ? e.name : `${e.name}/`))
      .sort();
    const scrapes = entries.filter((n) => /\.txt$/iu.test(n) || JSONL.test(n));
    if (scrapes.length === 0) fail(`${input}: no .txt or .jsonl scrape in this folder`);
    const others = entries.filter((n) => !scrapes.includes(n));
    if (others.length > 0) {
      const named = others.slice(0, 3).join(', ') + (others.length > 3 ? ', …' : '');
      io.err(
        `${input}: warning: ${plural(others.length, 'entry', 'entries')} left out, neither a .txt nor a .jsonl file (${named})`,
      );
    }
    for (const name of scrapes) {
      const file = path.join(input, name);
      out.push({ path: file, shown: file, format: JSONL.test(name) ? 'jsonl' : 'text' });
    }
  }
  return out;
}

/** Every bytes of a stream. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

/** The scrapes of one source, one at a time. */
async function* scrapesOf(source: Source, io: ImportIo): AsyncGenerator<Scrape> {
  const from = source.path === STDIN ? 'standard input' : path.basename(source.path);
  /** A scrape of this source that cannot be imported: the whole source (`where` its name) or one line of it. */
  const refused = (problems: string[], where = source.shown): Scrape => ({
    where,
    from,
    header: '',
    warnings: [],
    ok: false,
    problems,
  });
  const cannotRead = (error: unknown) =>
    refused([`: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`]);
  if (source.format === 'jsonl') {
    let lines: AsyncGenerator<{ line: number; text: string }>;
    try {
      if (source.path !== STDIN) accessSync(source.path, constants.R_OK);
      lines = source.path === STDIN ? jsonLines(io.stdin()) : jsonLinesOf(source.path);
    } catch (error) {
      yield cannotRead(error);
      return;
    }
    for await (const { line, text } of lines) {
      const read = readJsonLine(text);
      const where = `${source.shown}:${line}`;
      yield read.ok
        ? {
            where,
            from,
            header: jsonlHeader(from, line),
            warnings: [],
            ok: true,
            thread: read.thread,
            titleLine: undefined,
          }
        : refused(read.problems, where);
    }
    return;
  }
  let bytes: Buffer;
  try {
    bytes = source.path === STDIN ? await readAll(io.stdin()) : readFileSync(source.path);
  } catch (error) {
    yield cannotRead(error);
    return;
  }
  const decoded = decodeContent(bytes);
  if (!decoded.ok) {
    yield refused([`:${decoded.problem.line}: ${decoded.problem.message}`]);
    return;
  }
  const scraped = parseScrape(decoded.text);
  if (!scraped.ok) {
    yield refused([`:${scraped.error.line}: ${scraped.error.message}`]);
    return;
  }
  yield {
    where: source.shown,
    from,
    header: scrapeHeader(from, scraped.thread.source.site),
    warnings: scraped.warnings.map((w) => `${source.shown}:${w.line}: warning: ${w.message}`),
    ok: true,
    thread: scraped.thread,
    titleLine: scraped.titleLine,
  };
}

/** Removes staging folders that runs no longer alive left in `outDir` (a run killed before it finished). */
function removeStaleStaging(outDir: string): void {
  if (!existsSync(outDir)) return;
  for (const name of readdirSync(outDir)) {
    const pid = STAGING.exec(name)?.[1];
    if (pid === undefined) continue;
    let alive = true;
    try {
      process.kill(Number(pid), 0);
    } catch {
      alive = false;
    }
    if (!alive) rmSync(path.join(outDir, name), { recursive: true, force: true });
  }
}

/** Imports scrapes into `outDir`; returns the process exit code: 0 when every file is as the scrapes say, 1 when any scrape failed (nothing written) or any file was kept. */
export async function runImport(options: ImportOptions, io: ImportIo): Promise<number> {
  const { inputs, outDir, prefer, topics = [], stdinFormat = 'text', dryRun = false } = options;
  const refused = topicProblems(topics);
  if (refused.length > 0) {
    for (const line of refused) io.err(line);
    return 1;
  }
  let failed = 0;
  const fail = (line: string) => {
    io.err(line);
    failed += 1;
  };
  const all = sources(inputs, stdinFormat, io, fail);
  if (all.length >= PROGRESS_FROM) io.err(`importing ${all.length.toLocaleString('en-US')} scrapes into ${outDir}`);

  // Before anything reads it as a folder, which would throw ENOTDIR instead of saying so.
  if (existsSync(outDir) && !statSync(outDir).isDirectory()) {
    io.err(`--out ${outDir}: not a folder; give the content folder`);
    return 1;
  }
  removeStaleStaging(outDir);
  const existing = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  /** The first folder this run makes for the content folder, removed again when the run writes nothing. */
  let made: string | undefined;
  const staging = path.join(outDir, `.import-${process.pid}`);
  let staged = 0;
  const stage = (text: string): string => {
    const file = path.join(staging, String((staged += 1)));
    if (!dryRun) {
      made ??= mkdirSync(outDir, { recursive: true }) ?? '';
      mkdirSync(staging, { recursive: true });
      writeFileSync(file, text, { flag: 'wx' });
    }
    return file;
  };

  /** The slugs this run gives threads, with the thread each went to. */
  const claimed = new Map<string, { where: string; identity: Identity }>();
  // What to write, one JSON line a file, spooled to a temporary file: the run holds no line per file.
  const spoolDir = mkdtempSync(path.join(os.tmpdir(), 'qa-import-plan-'));
  const spoolFile = path.join(spoolDir, 'plan.jsonl');
  let spool: number | undefined = openSync(spoolFile, 'w');
  /** Closes the spool once: a descriptor closed twice could close another file that took its number. */
  const closeSpool = () => {
    if (spool !== undefined) closeSync(spool);
    spool = undefined;
  };
  const planned = { push: (p: Planned) => writeSync(spool ?? -1, `${JSON.stringify(p)}\n`) };
  const kept: string[] = [];
  let unchanged = 0;
  let scrapes = 0;

  /**
   * The file of the scrape's thread: `<slug>.md` when it holds the same thread or nothing, else the
   * first `<slug>-<n>.md` that does; with the file's text and thread when it exists. A message when
   * the run already has this thread, or the file cannot be read as content.
   */
  const locate = (
    scrape: Extract<Scrape, { ok: true }>,
    record: ImportRecord,
  ): { slug: string; here?: Here | 'unchanged' } | string => {
    // Nothing to add, nothing forced: a file whose record is the scrape's, field for field, holds the
    // scrape's thread, and whatever the keeper changed since stays. Read as text, it needs no parsing.
    const quick = prefer !== 'force' && topics.length === 0 && (scrape.thread.topics ?? []).length === 0;
    for (let n = 1; ; n += 1) {
      const slug = numbered(scrape.thread.slug, n);
      const claim = claimed.get(slug);
      if (claim) {
        if (sameThread(claim.identity, scrape.thread))
          return `${scrape.where}: the same thread as ${claim.where}; give one scrape of it`;
        continue;
      }
      if (!existing.has(`${slug}.md`)) return { slug };
      const file = contentFile(outDir, slug);
      if (!lstatSync(file).isFile()) return `${scrape.where}: ${file} is not a file; move it out of ${outDir}`;
      const text = readFileSync(file, 'utf8');
      if (quick && sameRecord(text, record)) return { slug, here: 'unchanged' };
      const parsed = parseThreadFile(file, Buffer.from(text, 'utf8'));
      if (!parsed.thread) return `${scrape.where}: ${file} has problems; fix them first (npm run check ${outDir})`;
      if (sameThread(identity(parsed.thread), scrape.thread))
        return { slug, here: { file, text, thread: parsed.thread } };
    }
  };

  const plan = (scrape: Extract<Scrape, { ok: true }>) => {
    const base = scrape.thread.slug;
    const digests = digestsOf(scrape.thread);
    const located = locate(scrape, recordOf(digests));
    if (typeof located === 'string') return fail(located);
    const { slug, here } = located;
    const thread = { ...scrape.thread, slug };
    claimed.set(slug, { where: scrape.where, identity: identity(thread) });
    if (here === 'unchanged') {
      unchanged += 1;
      return;
    }
    const file = contentFile(outDir, slug);
    if (!here) {
      const topicList = addTopics(thread.topics, topics).topics;
      const made: Thread = {
        ...thread,
        ...(topicList.length > 0 ? { topics: topicList } : {}),
        imported: recordOf(digests),
      };
      const checked = checkFileText(file, threadFileText(made, scrape.header), made);
      if (!checked.ok) return fail(`${scrape.where}: ${checked.message}`);
      const note = slug === base ? '' : ` (${base}.md holds another thread)`;
      const answers = plural(made.answers.length, 'answer', 'answers');
      planned.push({
        kind: 'new',
        file,
        staged: stage(checked.text),
        stamp: undefined,
        line: `wrote ${file} (${answers}) from ${scrape.where}${note}`,
      });
      return;
    }
    const merged = mergeThread(here.thread, thread, topics, prefer, digests);
    if (merged.conflicts.length > 0 && prefer === undefined) {
      kept.push(
        `kept ${file} (edited here and in the scrape): ${merged.conflicts.join(', ')}; add --keep-edits to keep yours, or --scrape-wins to take the scrape's`,
      );
      return;
    }
    if (isDeepStrictEqual(merged.thread, here.thread)) {
      unchanged += 1;
      return;
    }
    const checked = checkFileText(
      file,
      updatedFileText(here.text, here.thread, merged.thread, merged.origin),
      merged.thread,
    );
    if (!checked.ok) return fail(`${scrape.where}: ${checked.message}`);
    const settled =
      merged.conflicts.length === 0 ? [] : [`${merged.conflicts.join(', ')} ${SETTLED[prefer ?? 'here']}`];
    const what = [...merged.changes, ...settled].join('; ') || 'import record';
    const staged = stage(checked.text);
    // The file keeps its permissions.
    if (!dryRun) chmodSync(staged, statSync(file).mode & 0o7777);
    planned.push({ kind: 'updated', file, staged, stamp: stampOf(file), line: `updated ${file}: ${what}` });
  };

  try {
    for (const source of all) {
      for await (const scrape of scrapesOf(source, io)) {
        scrapes += 1;
        if (scrapes % PROGRESS_EVERY === 0) io.err(`checked ${scrapes.toLocaleString('en-US')} scrapes`);
        for (const warning of scrape.warnings) io.err(warning);
        if (!scrape.ok) {
          const [first, ...rest] = scrape.problems;
          // A text scrape's problems start with `:line:` after its name; a JSON line's with the field.
          const join = (p: string) => (p.startsWith(':') ? `${scrape.where}${p}` : `${scrape.where} ${p}`);
          if (first !== undefined) fail(join(first));
          for (const p of rest) io.err(join(p));
          continue;
        }
        plan(scrape);
      }
    }
    if (failed > 0) {
      const of = Math.max(scrapes, failed);
      io.err(
        scrapes === 0
          ? 'no scrape imported; no file written'
          : `${failed.toLocaleString('en-US')} of ${plural(of, 'scrape', 'scrapes')} failed; no file written`,
      );
      return 1;
    }
    closeSpool();
    let written = { new: 0, updated: 0 };
    for await (const json of createInterface({ input: createReadStream(spoolFile), crlfDelay: Infinity })) {
      const p = JSON.parse(json) as Planned;
      if (!dryRun) {
        if (p.kind === 'updated' && stampOf(p.file) !== p.stamp) {
          kept.push(`kept ${p.file}: it changed while the import ran; import again`);
          continue;
        }
        if (p.kind === 'updated') renameSync(p.staged, p.file);
        else {
          try {
            linkSync(p.staged, p.file); // never replaces a file that appeared meanwhile
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            kept.push(`kept ${p.file}: it appeared while the import ran; import again`);
            continue;
          }
        }
      }
      io.out(p.line);
      written = { ...written, [p.kind]: written[p.kind] + 1 };
    }
    for (const line of kept) io.out(line);
    const counts = [
      `${written.new.toLocaleString('en-US')} new`,
      `${written.updated.toLocaleString('en-US')} updated`,
      `${unchanged.toLocaleString('en-US')} unchanged`,
      `${kept.length.toLocaleString('en-US')} kept (edited here)`,
      `${failed.toLocaleString('en-US')} refused`,
    ];
    io.out(`${counts.join(', ')}${dryRun ? ' (dry run: nothing written)' : ''}`);
    return kept.length > 0 ? 1 : 0;
  } finally {
    closeSpool();
    rmSync(spoolDir, { recursive: true, force: true });
    rmSync(staging, { recursive: true, force: true });
    if (made && failed > 0 && readdirSync(outDir).length === 0) rmSync(made, { recursive: true });
  }
}

/** The `--topic` values the content schema refuses, one line each naming the value; none when all are good. */
function topicProblems(topics: readonly string[]): string[] {
  const result = TopicsSchema.safeParse(topics);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const i = issue.path[0];
    return typeof i === 'number'
      ? `--topic ${JSON.stringify(topics[i])}: ${issue.message}`
      : `--topic: ${issue.message}`;
  });
}
