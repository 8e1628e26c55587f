/**
 * `npm run bench:incremental [-- N ...] [--no-write]`: what a build costs when it reuses the last
 * one (default N = 10,000; the issue's figures also want 100,000). For each N: a clean build of N
 * synthetic threads (`npm run build -- --full`), then, one after another as a keeper would, an
 * incremental `npm run build` after no change, after every file written again with the same bytes
 * (as a checkout does), after one thread edited (a word added to an answer),
 * after 100 threads added and after one doctor renamed in every thread that names them; each timed,
 * with the peak memory of the process tree and the build's own line of what it rebuilt. Writes the
 * figures into docs/performance.md between its `incremental:start` and `incremental:end` markers.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { syntheticThread, writeThreads } from './generate';
import { mb, measure, reportStamp, seconds, writeReport } from './measure';
import type { RunResult } from './measure';

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'performance.md');
const WORK = path.join(os.tmpdir(), 'qa-thread-viewer-bench-incremental');

const args = process.argv.slice(2);
const sizes = args.filter((a) => /^\d+$/u.test(a)).map(Number);
const NS = sizes.length > 0 ? sizes : [10_000];
const write = !args.includes('--no-write');

type Step = { name: string; change: (dir: string, n: number) => string };

/** The synthetic thread files of `dir`, sorted. */
const files = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort();

const STEPS: Step[] = [
  { name: 'no change', change: () => 'nothing' },
  {
    name: 'every file written again',
    change: (dir) => {
      // The same bytes with new times, as after a fresh checkout or a restored CI cache: the build
      // cannot tell from the files' times, so it reads them all.
      for (const f of files(dir)) writeFileSync(path.join(dir, f), readFileSync(path.join(dir, f)));
      return 'the same bytes, new modification times';
    },
  },
  {
    name: 'one thread edited',
    change: (dir) => {
      const file = path.join(dir, files(dir)[Math.floor(files(dir).length / 2)] as string);
      const text = readFileSync(file, 'utf8');
      // A word added at the start of the first answer's body, as a typo fix would.
      const edited = text.replace(/(\n {4}body: \|\n {6})/u, '$1Indeed, ');
      if (edited === text) throw new Error(`no answer body in ${file}`);
      writeFileSync(file, edited);
      return `a word added to the first answer of ${path.basename(file)}`;
    },
  },
  {
    name: '100 threads added',
    change: (dir, n) => {
      for (let i = n; i < n + 100; i += 1) {
        const t = syntheticThread(i);
        writeFileSync(path.join(dir, `${t.slug}.md`), t.text);
      }
      return `threads ${n.toLocaleString('en-US')} to ${(n + 99).toLocaleString('en-US')} of the generator`;
    },
  },
  {
    name: 'one doctor renamed',
    change: (dir) => {
      // The doctor of the first answer with one in the middle thread, renamed wherever named.
      const middle = readFileSync(path.join(dir, files(dir)[Math.floor(files(dir).length / 3)] as string), 'utf8');
      const name = /\n {6}name: ("[^"\n]+")\n/u.exec(middle)?.[1];
      if (name === undefined) throw new Error('no doctor in the middle thread');
      const line = `      name: ${name}\n`;
      const renamed = `      name: ${JSON.stringify(`${JSON.parse(name) as string}-Renamed`)}\n`;
      let changed = 0;
      for (const f of files(dir)) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        if (!text.includes(line)) continue;
        writeFileSync(path.join(dir, f), text.split(line).join(renamed));
        changed += 1;
      }
      return `${JSON.parse(name) as string}, in ${changed.toLocaleString('en-US')} threads`;
    },
  },
];

const build = (dir: string, extra: string[]): Promise<RunResult> =>
  measure('npm', ['run', 'build', ...(extra.length > 0 ? ['--', ...extra] : [])], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: '1' },
  });

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)} %`;
/** The build's last line: what it rebuilt, and each step's time. */
const buildLine = (r: RunResult) =>
  (r.output.trimEnd().split('\n').at(-1) ?? '').replace(/^build: /u, '').replace(/\|/gu, '\\|');

async function bench(n: number): Promise<{ rows: string[]; verdicts: string[] }> {
  const dir = path.join(WORK, `content-${n}`);
  writeThreads(dir, n);
  // A keeper's files are older than the build: the build trusts the times of files changed at least
  // 2 s before it starts (src/content/load.ts, contentStamp), so that the next build can tell that
  // nothing changed without reading them.
  await new Promise((resolve) => setTimeout(resolve, 2_500));
  const clean = await build(dir, ['--full']);
  if (clean.status !== 0) throw new Error(`clean build of ${n} threads failed:\n${clean.output.slice(-3000)}`);
  console.log(`${n} threads, clean build: ${seconds(clean.ms)}, peak ${mb(clean.peakBytes)}`);
  const N = n.toLocaleString('en-US');
  const rows = [
    `| ${N} | clean build (\`--full\`) | | ${seconds(clean.ms)} | | ${mb(clean.peakBytes)} | ${buildLine(clean)} |`,
  ];
  const times = new Map<string, number>();
  for (const step of STEPS) {
    const what = step.change(dir, n);
    const r = await build(dir, []);
    if (r.status !== 0) throw new Error(`incremental build (${step.name}) failed:\n${r.output.slice(-3000)}`);
    times.set(step.name, r.ms);
    console.log(`${n} threads, ${step.name}: ${seconds(r.ms)}, peak ${mb(r.peakBytes)}; ${buildLine(r)}`);
    rows.push(
      `| ${N} | ${step.name} | ${what} | ${seconds(r.ms)} | ${percent(r.ms, clean.ms)} | ${mb(r.peakBytes)} | ${buildLine(r)} |`,
    );
  }
  const edited = times.get('one thread edited') ?? Infinity;
  const nothing = Math.max(times.get('no change') ?? Infinity, times.get('every file written again') ?? Infinity);
  const verdicts =
    n >= 100_000
      ? [`- ${N}: one thread edited in ${seconds(edited)} (goal ≤ 120 s): ${edited <= 120_000 ? 'met' : 'not met'}`]
      : [
          `- ${N}: one thread edited in ${percent(edited, clean.ms)} of a clean build (goal ≤ 25 %): ${edited <= clean.ms / 4 ? 'met' : 'not met'}`,
          `- ${N}: no change (files untouched, or written again) in at most ${percent(nothing, clean.ms)} of a clean build (goal ≤ 10 %): ${nothing <= clean.ms / 10 ? 'met' : 'not met'}`,
        ];
  return { rows, verdicts };
}

async function main(): Promise<void> {
  const rows: string[] = [];
  const verdicts: string[] = [];
  for (const n of NS) {
    const r = await bench(n);
    rows.push(...r.rows);
    verdicts.push(...r.verdicts);
  }
  const report = [
    reportStamp(),
    '',
    '| threads | build | change | wall time | of clean | peak memory | the build says |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    ...verdicts,
  ].join('\n');
  console.log(report);
  if (write) writeReport(DOC, 'incremental', 'bench:incremental', 'Performance', report);
  rmSync(WORK, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
