/**
 * One import run: every scrape is read, parsed and checked first; only when all of them are
 * good is anything written, so a batch with one bad scrape leaves the content folder untouched.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeContent } from '../content/decode';
import { TopicsSchema } from '../content/schema';
import { parseScrape } from './scrape';
import { prepareThreadFile, writeAtomically } from './write';

/** `-` among the inputs means standard input. */
export const STDIN = '-';
/** From this many scrapes on, progress lines go to stderr. */
const PROGRESS_FROM = 10;
/** A progress line every this many scrapes. */
const PROGRESS_EVERY = 100;

export type ImportOptions = {
  inputs: string[];
  outDir: string;
  force: boolean;
  /** Topics given on the command line (`--topic`), set on every imported thread; a scrape names none. */
  topics?: string[];
};
export type ImportIo = {
  readStdin: () => Buffer;
  /** One line of normal output (files written). */
  out: (line: string) => void;
  /** One line of warnings, progress and errors. */
  err: (line: string) => void;
};

/** Imports scrapes into `outDir`; returns the process exit code (0 all written, 1 nothing written). */
export function runImport({ inputs, outDir, force, topics = [] }: ImportOptions, io: ImportIo): number {
  const refused = topicProblems(topics);
  if (refused.length > 0) {
    for (const line of refused) io.err(line);
    return 1;
  }
  const many = inputs.length >= PROGRESS_FROM;
  if (many) io.err(`importing ${inputs.length} scrapes into ${outDir}`);
  const ready: { file: string; text: string; answers: number; from: string }[] = [];
  const slugs = new Map<string, string>();
  let failed = 0;
  inputs.forEach((input, i) => {
    const shown = input === STDIN ? 'stdin' : input;
    const fail = (message: string) => {
      io.err(message);
      failed += 1;
    };
    if (many && (i + 1) % PROGRESS_EVERY === 0) io.err(`checked ${i + 1} of ${inputs.length} scrapes`);
    let bytes: Buffer;
    try {
      bytes = input === STDIN ? io.readStdin() : readFileSync(input);
    } catch (error) {
      fail(`${shown}: cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
      return;
    }
    const decoded = decodeContent(bytes);
    if (!decoded.ok) return fail(`${shown}:${decoded.problem.line}: ${decoded.problem.message}`);
    const scraped = parseScrape(decoded.text);
    if (!scraped.ok) return fail(`${shown}:${scraped.error.line}: ${scraped.error.message}`);
    for (const w of scraped.warnings) io.err(`${shown}:${w.line}: warning: ${w.message}`);
    const { slug } = scraped.thread;
    const owner = slugs.get(slug);
    if (owner !== undefined)
      return fail(`${shown}:${scraped.titleLine}: the title gives the file name ${slug}.md, as does ${owner}`);
    slugs.set(slug, shown);
    const thread = topics.length > 0 ? { ...scraped.thread, topics } : scraped.thread;
    const prepared = prepareThreadFile(
      outDir,
      thread,
      input === STDIN ? 'standard input' : path.basename(input),
      force,
    );
    if (!prepared.ok) return fail(`${shown}: ${prepared.message}`);
    ready.push({ file: prepared.file, text: prepared.text, answers: scraped.thread.answers.length, from: shown });
  });
  if (failed > 0) {
    io.err(`${failed} of ${inputs.length} ${inputs.length === 1 ? 'scrape' : 'scrapes'} failed; no file written`);
    return 1;
  }
  mkdirSync(outDir, { recursive: true });
  for (const r of ready) {
    writeAtomically(r.file, r.text, force);
    io.out(`wrote ${r.file} (${r.answers} ${r.answers === 1 ? 'answer' : 'answers'}) from ${r.from}`);
  }
  return 0;
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
