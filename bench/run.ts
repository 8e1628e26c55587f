/**
 * `npm run bench [-- N ...] [--no-plain] [--no-write]`: builds N synthetic threads (default
 * 100, 1,000 and 10,000) with the real pipeline (`npm run build`) and, from the same files, a
 * plain Next.js export (bench/plain-next); prints build time, peak memory of the process tree
 * and bytes per page, checks its budgets, and writes the figures into
 * docs/performance.md between its `bench:start` and `bench:end` markers.
 *
 * Before measuring it builds both apps once from 10 threads with their `.next` removed (a cold
 * build, as from a fresh clone); measured builds then reuse Next's compile cache, as every
 * rebuild of a publisher's site does.
 */
import { readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeThreads } from './generate';
import { listFiles } from '../src/export/files';
import { bytesUnder, gzipSize, mb, measure, pageSize, seconds, writeReport } from './measure';
import type { PageSize, RunResult } from './measure';

const ROOT = path.resolve(__dirname, '..');
const PLAIN = path.join(ROOT, 'bench', 'plain-next');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const WORK = path.join(os.tmpdir(), 'qa-thread-viewer-bench');
const NEXT_BIN = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next');
const KB = 1000; // budgets read "KB" as 1,000 bytes, the stricter reading

type Site = {
  outPerThread: number;
  pagefindBytes: number;
  threadPages: PageSize[];
  /** Gzipped size of each thread's content file, by thread page file. */
  textGzip: Map<string, number>;
  otherPages: PageSize[];
  /** Every file and byte of out/, search index included. */
  files: number;
  bytes: number;
  /** The browsing pages (topics, directory, specialties, places): how many, how many bytes. */
  browsePages: number;
  browseBytes: number;
};

type Build = RunResult & { site: Site };

type Row = { n: number; ours: Build; plain?: Build; check?: RunResult };

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/u.test(a)).map(Number);
const NS = sizes.length > 0 ? sizes : [100, 1000, 10000];
const withPlain = !args.includes('--no-plain');
const write = !args.includes('--no-write');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

const THREAD_PAGE = /^threads\/([^/]+)\/index\.html$/u;
/** Pages that are neither threads nor the 404 page: the index and any other listing (found, not assumed). */
const isListing = (f: string) =>
  f.endsWith('.html') && !THREAD_PAGE.test(f) && !/^(404|_not-found)(\/|\.html)/u.test(f);
/** The browsing pages: topic list and pages, the directory's own pages, specialties and places. */
const isBrowse = (f: string) => /^(topics|specialties|locations)\/|^doctors\/(index\.html|page\/)/u.test(f);
/** Only a search page may load JavaScript (the team's quality bar). */
const isSearch = (f: string) => /(^|\/)search(\/|\.html)/u.test(f);

/** Sizes of an exported site built from `contentDir`. */
function siteStats(outDir: string, contentDir: string, n: number): Site {
  const files = listFiles(outDir);
  const threadFiles = files.filter((f) => THREAD_PAGE.test(f));
  const textGzip = new Map<string, number>();
  for (const f of threadFiles) {
    const slug = THREAD_PAGE.exec(f)?.[1] ?? '';
    textGzip.set(f, gzipSize(readFileSync(path.join(contentDir, `${slug}.md`))));
  }
  // The search index: out/pagefind/, and out/pagefind-2/, … above 5,000 threads (docs/reader-features.md, "Search").
  const isSearchIndex = (f: string) => /^pagefind(-\d+)?\//u.test(f);
  const browse = files.filter(isBrowse);
  return {
    files: files.length,
    bytes: bytesUnder(outDir),
    browsePages: browse.length,
    browseBytes: browse.reduce((sum, f) => sum + statSync(path.join(outDir, f)).size, 0),
    outPerThread: bytesUnder(outDir, (f) => !isSearchIndex(f)) / n,
    pagefindBytes: bytesUnder(outDir, isSearchIndex),
    threadPages: threadFiles.map((f) => pageSize(outDir, f)),
    textGzip,
    otherPages: files.filter(isListing).map((f) => pageSize(outDir, f)),
  };
}

async function build(
  label: string,
  command: string,
  argv: string[],
  cwd: string,
  contentDir: string,
  n: number,
): Promise<Build> {
  rmSync(path.join(cwd, 'out'), { recursive: true, force: true });
  const result = await measure(command, argv, { cwd, env: { ...env, CONTENT_DIR: contentDir } });
  if (result.status !== 0) {
    console.error(result.output);
    throw new Error(`${label} build of ${n} threads failed (exit ${result.status})`);
  }
  const b = { ...result, site: siteStats(path.join(cwd, 'out'), contentDir, n) };
  console.log(
    `${label.padEnd(6)} ${String(n).padStart(6)} threads: ${seconds(b.ms)}, ${fmtMs(b.ms / n)} ms/thread, peak ${mb(b.peakBytes)}, out/ ${fmtKB(b.site.outPerThread)} a thread`,
  );
  return b;
}

const buildOurs = (dir: string, n: number) => build('ours', 'npm', ['run', 'build'], ROOT, dir, n);
const buildPlain = (dir: string, n: number) => build('plain', process.execPath, [NEXT_BIN, 'build'], PLAIN, dir, n);

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : ((s[Math.floor((s.length - 1) / 2)] ?? 0) + (s[Math.ceil((s.length - 1) / 2)] ?? 0)) / 2;
};
const max = (xs: readonly number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
const fmtMs = (ms: number) => ms.toFixed(2);
const fmtKB = (b: number) => `${(b / KB).toFixed(1)} KB`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Largest HTML+CSS gzip of a thread page, minus its allowance (2 × gzipped text + 4 KB): <= 0 passes. */
function worstPageMargin(site: Site): { margin: number; file: string } {
  let worst = { margin: -Infinity, file: '' };
  for (const p of site.threadPages) {
    const margin = p.htmlGzip + p.cssGzip - (2 * (site.textGzip.get(p.file) ?? 0) + 4 * KB);
    if (margin > worst.margin) worst = { margin, file: p.file };
  }
  return worst;
}

function figures(b: Build, n: number): Record<string, string> {
  const t = b.site.threadPages;
  const listing = b.site.otherPages;
  const biggest = listing.reduce<PageSize | undefined>((a, p) => (!a || p.htmlBytes > a.htmlBytes ? p : a), undefined);
  const js = [...t, ...listing.filter((p) => !isSearch(p.file))];
  return {
    'build wall time': seconds(b.ms),
    'ms per thread': fmtMs(b.ms / n),
    'peak memory, process tree': mb(b.peakBytes),
    'peak memory without Pagefind / of Pagefind': `${mb(b.peakPagesBytes)} / ${mb(b.peakSearchBytes)}`,
    'out/ per thread (search index aside)': fmtKB(b.site.outPerThread),
    'search index (out/pagefind*) per thread': b.site.pagefindBytes ? fmtKB(b.site.pagefindBytes / n) : 'none',
    'thread page HTML, median raw / gzip': `${fmtInt(median(t.map((p) => p.htmlBytes)))} / ${fmtInt(median(t.map((p) => p.htmlGzip)))} B`,
    'thread page CSS gzip': `${fmtInt(median(t.map((p) => p.cssGzip)))} B`,
    'JS per thread or index page, max raw / gzip (scripts)': `${fmtInt(max(js.map((p) => p.jsBytes)))} / ${fmtInt(max(js.map((p) => p.jsGzip)))} B (${max(js.map((p) => p.scripts))})`,
    'index pages: count, largest': biggest
      ? `${listing.length}, ${fmtInt(biggest.htmlBytes)} B (${biggest.file})`
      : '0',
    'files in out/, bytes in out/': `${fmtInt(b.site.files)}, ${mb(b.site.bytes)}`,
    'topic, directory, specialty, place pages: count, share of out/ (search aside)': `${fmtInt(b.site.browsePages)}, ${((100 * b.site.browseBytes) / (b.site.outPerThread * n)).toFixed(1)} %`,
  };
}

function table(rows: readonly Row[]): string {
  const header = [
    'figure',
    ...rows.flatMap((r) => (r.plain ? [`ours ${fmtInt(r.n)}`, `plain ${fmtInt(r.n)}`] : [`ours ${fmtInt(r.n)}`])),
  ];
  const cols = rows.flatMap((r) => (r.plain ? [figures(r.ours, r.n), figures(r.plain, r.n)] : [figures(r.ours, r.n)]));
  const keys = Object.keys(cols[0] ?? {});
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => ' --- ').join('|')}|`];
  for (const k of keys) lines.push(`| ${k} | ${cols.map((c) => c[k] ?? '').join(' | ')} |`);
  const withPlainRows = rows.filter((r) => r.plain);
  if (withPlainRows.length > 0) {
    lines.push('', '| ratio, plain ÷ ours | ' + withPlainRows.map((r) => fmtInt(r.n)).join(' | ') + ' |');
    lines.push(`|${[0, ...withPlainRows].map(() => ' --- ').join('|')}|`);
    lines.push(
      `| build time (how many times faster) | ${withPlainRows.map((r) => ratio(r.plain?.ms ?? 0, r.ours.ms)).join(' | ')} |`,
    );
    lines.push(
      `| out/ bytes per thread | ${withPlainRows.map((r) => ratio(r.plain?.site.outPerThread ?? 0, r.ours.site.outPerThread)).join(' | ')} |`,
    );
    lines.push(
      `| peak memory | ${withPlainRows.map((r) => ratio(r.plain?.peakBytes ?? 0, r.ours.peakBytes)).join(' | ')} |`,
    );
  }
  const checks = rows.filter((r) => r.check);
  if (checks.length > 0) {
    lines.push(
      '',
      `| \`npm run check\` | ${checks.map((r) => `${fmtInt(r.n)} threads`).join(' | ')} |`,
      `|${[0, ...checks].map(() => ' --- ').join('|')}|`,
    );
    lines.push(`| wall time | ${checks.map((r) => seconds(r.check?.ms ?? 0)).join(' | ')} |`);
    lines.push(`| peak memory | ${checks.map((r) => mb(r.check?.peakBytes ?? 0)).join(' | ')} |`);
  }
  return lines.join('\n');
}

type Budget = { name: string; pass: boolean | undefined; detail: string };

function budgets(rows: readonly Row[]): Budget[] {
  const at = (n: number) => rows.find((r) => r.n === n);
  const all = (f: (r: Row) => boolean) => rows.every(f);
  const list: Budget[] = [];
  const js = rows.map((r) =>
    max([...r.ours.site.threadPages, ...r.ours.site.otherPages.filter((p) => !isSearch(p.file))].map((p) => p.jsBytes)),
  );
  list.push({
    name: '0 bytes of JavaScript on thread and index pages',
    pass: js.every((x) => x === 0),
    detail: `max ${fmtInt(max(js))} B`,
  });
  const margins = rows.map((r) => ({ n: r.n, ...worstPageMargin(r.ours.site) }));
  const worst = margins.reduce((a, m) => (m.margin > a.margin ? m : a));
  list.push({
    name: 'thread page HTML+CSS gzipped <= 2 × gzipped text of the thread + 4 KB',
    pass: worst.margin <= 0,
    detail: `worst page ${worst.margin <= 0 ? `${fmtInt(-worst.margin)} B under` : `${fmtInt(worst.margin)} B over`} its allowance (${worst.file}, N=${fmtInt(worst.n)})`,
  });
  const biggest = rows.map((r) => ({ n: r.n, bytes: max(r.ours.site.otherPages.map((p) => p.htmlBytes)) }));
  list.push({
    name: 'every index page <= 50 KB at any N',
    pass: all((r) => r.ours.site.otherPages.every((p) => p.htmlBytes <= 50 * KB)),
    detail: biggest.map((b) => `largest ${fmtKB(b.bytes)} at N=${fmtInt(b.n)}`).join('; '),
  });
  list.push({
    name: 'out/ <= 15 KB a thread, search index aside',
    pass: all((r) => r.ours.site.outPerThread <= 15 * KB),
    detail: rows.map((r) => `${fmtKB(r.ours.site.outPerThread)} at N=${fmtInt(r.n)}`).join('; '),
  });
  const big = at(10000);
  list.push({
    name: '10,000 threads built in <= 60 s, peak memory of the process tree <= 1.5 GB',
    pass: big ? big.ours.ms <= 60_000 && big.ours.peakBytes <= 1.5e9 : undefined,
    detail: big ? `${seconds(big.ours.ms)}, ${mb(big.ours.peakBytes)}` : 'not run (needs N=10000)',
  });
  const k50 = at(50000);
  const k100 = at(100000);
  list.push({
    name: 'ms per thread at 50,000 within 1.2 × that at 10,000',
    pass: big && k50 ? k50.ours.ms / 50000 <= 1.2 * (big.ours.ms / 10000) : undefined,
    detail:
      big && k50
        ? `${fmtMs(k50.ours.ms / 50000)} against ${fmtMs(big.ours.ms / 10000)} ms (${ratio(k50.ours.ms / 50000, big.ours.ms / 10000)})`
        : 'not run (needs N=10000 and N=50000)',
  });
  list.push({
    name: 'peak memory <= 3 GB at 50,000 and <= 6 GB at 100,000; page phase (all but Pagefind) <= 1.5 GB at any N',
    pass:
      k50 || k100
        ? (!k50 || k50.ours.peakBytes <= 3e9) &&
          (!k100 || k100.ours.peakBytes <= 6e9) &&
          all((r) => r.ours.peakPagesBytes <= 1.5e9)
        : undefined,
    detail: rows
      .map((r) => `${mb(r.ours.peakBytes)} (pages ${mb(r.ours.peakPagesBytes)}) at N=${fmtInt(r.n)}`)
      .join('; '),
  });
  list.push({
    name: '100,000 threads built in <= 15 minutes',
    pass: k100 ? k100.ours.ms <= 15 * 60_000 : undefined,
    detail: k100
      ? seconds(k100.ours.ms)
      : 'not run (needs N=100000: `npm run bench -- 100000 --no-plain`, about 10 minutes)',
  });
  list.push({
    name: '`npm run check` over 50,000 threads in <= 15 s',
    pass: k50?.check ? k50.check.ms <= 15_000 : undefined,
    detail: k50?.check ? seconds(k50.check.ms) : 'not run (needs N=50000)',
  });
  list.push({
    name: 'topic, directory, specialty and place pages <= 10 % of out/ (search aside) at 10,000 threads',
    pass: big ? big.ours.site.browseBytes <= 0.1 * big.ours.site.outPerThread * 10000 : undefined,
    detail: big
      ? `${fmtInt(big.ours.site.browsePages)} pages, ${mb(big.ours.site.browseBytes)} of ${mb(big.ours.site.outPerThread * 10000)}`
      : 'not run (needs N=10000)',
  });
  const k1 = at(1000);
  list.push({
    name: 'ms per thread at 10,000 within 1.3 × that at 1,000',
    pass: big && k1 ? big.ours.ms / 10000 <= 1.3 * (k1.ours.ms / 1000) : undefined,
    detail:
      big && k1
        ? `${fmtMs(big.ours.ms / 10000)} against ${fmtMs(k1.ours.ms / 1000)} ms (${ratio(big.ours.ms / 10000, k1.ours.ms / 1000)})`
        : 'not run (needs N=1000 and N=10000)',
  });
  list.push({
    name: '>= 2.5 × faster than the plain export at 1,000 threads',
    pass: k1?.plain ? k1.plain.ms / k1.ours.ms >= 2.5 : undefined,
    detail: k1?.plain
      ? `${ratio(k1.plain.ms, k1.ours.ms)} (${seconds(k1.ours.ms)} against ${seconds(k1.plain.ms)})`
      : 'not run (needs N=1000 with the plain export)',
  });
  list.push({
    name: '`npm run check` over 10,000 threads in <= 5 s',
    pass: big?.check ? big.check.ms <= 5000 : undefined,
    detail: big?.check ? seconds(big.check.ms) : 'not run (needs N=10000)',
  });
  return list;
}

const verdict = (b: Budget) => (b.pass === undefined ? 'SKIP' : b.pass ? 'PASS' : 'FAIL');

function machine(loadStart: number[], loadEnd: number[]): string {
  const cpu = os.cpus();
  return [
    `- date: ${new Date().toISOString().replace(/\.\d+Z$/u, 'Z')}`,
    `- machine: ${cpu.length} cores (${cpu[0]?.model ?? 'unknown'}), ${fmtInt(os.totalmem() / 2 ** 30)} GiB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; next ${readVersion('next')}`,
    `- load average (1 min) at start / end: ${loadStart[0]?.toFixed(2)} / ${loadEnd[0]?.toFixed(2)} (above ~0.5 means other work shared the cores)`,
  ].join('\n');
}

function readVersion(pkg: string): string {
  const json = JSON.parse(readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as {
    version: string;
  };
  return json.version;
}

async function main(): Promise<void> {
  const loadStart = os.loadavg();
  console.log(`bench: N = ${NS.join(', ')}${withPlain ? ', with the plain Next.js export' : ''}; work folder ${WORK}`);

  // Cold builds first: they fill Next's compile caches, which every measured build then reuses.
  const warm = path.join(WORK, 'threads-10');
  writeThreads(warm, 10);
  rmSync(path.join(ROOT, '.next'), { recursive: true, force: true });
  const coldOurs = await buildOurs(warm, 10);
  let coldPlain: Build | undefined;
  if (withPlain) {
    rmSync(path.join(PLAIN, '.next'), { recursive: true, force: true });
    coldPlain = await buildPlain(warm, 10);
  }

  const rows: Row[] = [];
  for (const n of NS) {
    const dir = path.join(WORK, `threads-${n}`);
    const bytes = writeThreads(dir, n);
    console.log(`generated ${fmtInt(n)} threads, ${fmtInt(bytes / n)} bytes each on average`);
    const ours = await buildOurs(dir, n);
    const plain = withPlain ? await buildPlain(dir, n) : undefined;
    // The check is cheap next to the build, and one run moves by a third here from run to run:
    // the figure is the median of three runs (its peak memory, the largest of the three).
    const checks: RunResult[] = [];
    for (let k = 0; k < 3; k += 1) {
      const run = await measure('npm', ['run', 'check'], { cwd: ROOT, env: { ...env, CONTENT_DIR: dir } });
      if (run.status !== 0) throw new Error(`npm run check failed on generated threads:\n${run.output}`);
      checks.push(run);
    }
    const byTime = [...checks].sort((a, b) => a.ms - b.ms);
    const median = byTime[1] as RunResult;
    const check = { ...median, peakBytes: Math.max(...checks.map((c) => c.peakBytes)) };
    console.log(
      `check  ${String(n).padStart(6)} threads: ${seconds(check.ms)} (median of ${byTime.map((c) => seconds(c.ms)).join(', ')})`,
    );
    rows.push({ n, ours, check, ...(plain ? { plain } : {}) });
  }

  const report = [
    machine(loadStart, os.loadavg()),
    `- cold build (fresh \`.next\`, 10 threads): ours ${seconds(coldOurs.ms)}${coldPlain ? `, plain ${seconds(coldPlain.ms)}` : ''}`,
    '',
    table(rows),
    '',
    '```',
    ...budgets(rows).map((b) => `${verdict(b)} ${b.name}: ${b.detail}`),
    '```',
  ].join('\n');
  console.log(`\n${report}`);
  if (write) {
    writeReport(DOC, 'bench', 'bench', 'Performance', report);
    console.log(`\nwrote the figures to ${path.relative(ROOT, DOC)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
