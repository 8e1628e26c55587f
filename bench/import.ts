/**
 * `npm run bench:import [-- N ...] [--no-write]`: what importing costs at archive scale (default
 * N = 10,000 text scrapes and 100,000 JSON lines): the first import of a folder of N text scrapes,
 * its re-import when nothing changed (it must write nothing), and the import of one JSON Lines file
 * of N threads, each timed, with the peak memory of the process. Scrapes are the seed's, each with
 * its own title and question, so every thread is its own file. Writes the figures into
 * docs/performance.md between its `import:start` and `import:end` markers.
 */
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseScrape } from '../src/scrapes/scrape';
import { mb, measure, reportStamp, seconds, writeReport } from './measure';
import type { RunResult } from './measure';

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const WORK = path.join(os.tmpdir(), 'qa-thread-viewer-bench-import');
const SEED = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed', '000_52f1e9b741cd2cdd.txt'), 'utf8');
const SEED_TITLE = 'Face Semi-paralyzed After Botox to Masseter Muscles? (photo)';
const SEED_QUESTION = 'I had 30 units of botox injected';

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/u.test(a)).map(Number);
const [TEXT_N, JSONL_N] = [sizes[0] ?? 10_000, sizes[1] ?? 100_000];
const write = !args.includes('--no-write');

/** Text scrape `i`: the seed with a title and question of its own. */
const scrapeText = (i: number) =>
  SEED.replace(SEED_TITLE, `Question ${i} on Botox to the Masseter? (photo)`).replace(
    SEED_QUESTION,
    `I had ${i} units of botox injected`,
  );

/** Writes N JSON lines, the seed's thread with a title and question of their own each; returns the bytes. */
async function writeJsonLines(file: string, n: number): Promise<number> {
  const scraped = parseScrape(SEED);
  if (!scraped.ok) throw new Error('the seed scrape parses');
  const { slug, ...thread } = scraped.thread;
  void slug;
  const out = createWriteStream(file);
  for (let i = 0; i < n; i += 1) {
    const line = `${JSON.stringify({ ...thread, title: `JSON question ${i} on Botox?`, question: { ...thread.question, body: `I had ${i} units of botox. ${thread.question.body}` } })}\n`;
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return statSync(file).size;
}

/** `npm run import` as a keeper runs it: one Node process with tsx's loader. */
const runImport = (inputs: string[], out: string): Promise<RunResult> =>
  measure(
    process.execPath,
    ['--import', 'tsx', 'src/cli/import.ts', '--out', out, ...inputs],
    { cwd: ROOT, env: process.env },
    50,
  );

const lastLine = (r: RunResult) => r.output.trimEnd().split('\n').at(-1) ?? '';

/** The modification times of every file of a folder, to show a run wrote nothing. */
const times = (dir: string) =>
  readdirSync(dir)
    .map((f) => `${f}:${statSync(path.join(dir, f)).mtimeMs}`)
    .join('\n');

async function main(): Promise<void> {
  rmSync(WORK, { recursive: true, force: true });
  const scrapes = path.join(WORK, 'scrapes');
  mkdirSync(scrapes, { recursive: true });
  for (let i = 0; i < TEXT_N; i += 1)
    writeFileSync(path.join(scrapes, `s${String(i).padStart(6, '0')}.txt`), scrapeText(i));
  const content = path.join(WORK, 'content');
  const first = await runImport([scrapes], content);
  if (first.status !== 0) throw new Error(`import failed:\n${first.output.slice(-2000)}`);
  const before = times(content);
  const again = await runImport([scrapes], content);
  if (again.status !== 0) throw new Error(`re-import failed:\n${again.output.slice(-2000)}`);
  const wroteNothing = times(content) === before;

  const jsonl = path.join(WORK, 'threads.jsonl');
  const jsonlBytes = await writeJsonLines(jsonl, JSONL_N);
  const jsonContent = path.join(WORK, 'json-content');
  const fromJson = await runImport([jsonl], jsonContent);
  if (fromJson.status !== 0) throw new Error(`JSON Lines import failed:\n${fromJson.output.slice(-2000)}`);

  const report = [
    reportStamp(),
    '',
    '| run | wall time | peak memory | result |',
    '| --- | --- | --- | --- |',
    `| ${TEXT_N.toLocaleString('en-US')} text scrapes (a folder), first import | ${seconds(first.ms)} | ${mb(first.peakBytes)} | ${lastLine(first)} |`,
    `| the same folder again, nothing changed | ${seconds(again.ms)} | ${mb(again.peakBytes)} | ${lastLine(again)}; ${wroteNothing ? 'no file written (modification times the same)' : 'FILES WRITTEN'} |`,
    `| ${JSONL_N.toLocaleString('en-US')} threads in one JSON Lines file (${mb(jsonlBytes)}) | ${seconds(fromJson.ms)} | ${mb(fromJson.peakBytes)} | ${lastLine(fromJson)} |`,
  ].join('\n');
  console.log(report);
  if (write) writeReport(DOC, 'import', 'bench:import', 'Performance', report);
  rmSync(WORK, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
