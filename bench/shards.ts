/**
 * `npm run bench:shards [-- N] [--shards n] [--no-write]`: builds N synthetic threads (default
 * 100,000) in n shards (default 4) one after another, as the jobs of a CI matrix would side by
 * side, then merges them; prints each shard's time by step and peak memory, the merge's, the
 * merged site's files and bytes, and the wall time projected for a 4-, 8- and 16-job matrix at
 * 100,000, 500,000 and 1,000,000 threads; writes them into docs/scaling.md between its
 * `shards:start` and `shards:end` markers.
 *
 * The projection: a shard checks the whole archive (time per thread measured here, times N) and
 * builds its part of the pages and of the search index (time per thread measured here, times N/n);
 * the merge copies every file (time per thread, times N). The slowest shard and the merge add up
 * to the wall time; the download and upload of artifacts between jobs are not in it.
 */
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeThreads } from './generate';
import { folderUsage } from '../src/export/files';
import { hostFit } from '../src/export/hosts';
import { mb, measure, seconds, writeReport } from './measure';
import type { RunResult } from './measure';

const ROOT = path.resolve(__dirname, '..');
const DOC = path.join(ROOT, 'docs', 'scaling.md');
const WORK = path.join(os.tmpdir(), 'qa-thread-viewer-bench');

const args = process.argv.slice(2);
const at = args.indexOf('--shards');
const n = at === -1 ? 4 : Number(args[at + 1]);
const N = Number(args.find((a, i) => /^\d+$/u.test(a) && i !== at + 1) ?? 100_000);
const write = !args.includes('--no-write');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

type Steps = { check: number; pages: number; search: number };
type ShardRun = RunResult & { steps: Steps; threads: number };

const fmtInt = (x: number) => Math.round(x).toLocaleString('en-US');
const fmtMin = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;

/** The step times the build prints last: `shard i/n: check 40.1 s · pages 200.3 s · search and site files 180.2 s · …`. */
function steps(output: string): Steps {
  const m = /^shard \d+\/\d+: check ([\d.]+) s · pages ([\d.]+) s · search and site files ([\d.]+) s/mu.exec(output);
  if (!m) throw new Error(`no step times in the build's output:\n${output.slice(-2000)}`);
  return { check: Number(m[1]) * 1000, pages: Number(m[2]) * 1000, search: Number(m[3]) * 1000 };
}

async function main(): Promise<void> {
  const loadStart = os.loadavg();
  const content = path.join(WORK, `threads-${N}`);
  const bytes = writeThreads(content, N);
  console.log(`generated ${fmtInt(N)} threads (${fmtInt(bytes / N)} bytes each) in ${content}; ${n} shards`);
  const runs: ShardRun[] = [];
  const dirs: string[] = [];
  for (let i = 1; i <= n; i++) {
    const dir = path.join(WORK, `shard-${i}-of-${n}`);
    rmSync(dir, { recursive: true, force: true });
    const run = await measure('npm', ['run', 'build', '--', '--shard', `${i}/${n}`, '--out', dir], {
      cwd: ROOT,
      env: { ...env, CONTENT_DIR: content },
    });
    if (run.status !== 0) throw new Error(`shard ${i}/${n} failed:\n${run.output.slice(-4000)}`);
    const stamp = JSON.parse(readFileSync(path.join(dir, 'qa-shard.json'), 'utf8')) as {
      bundles: { threads: number }[];
    };
    const shard = { ...run, steps: steps(run.output), threads: stamp.bundles.reduce((s, b) => s + b.threads, 0) };
    runs.push(shard);
    dirs.push(dir);
    console.log(
      `shard ${i}/${n}: ${fmtInt(shard.threads)} threads, ${seconds(run.ms)} (check ${seconds(shard.steps.check)}, pages ${seconds(shard.steps.pages)}, search and site files ${seconds(shard.steps.search)}), peak ${mb(run.peakBytes)}`,
    );
  }
  const out = path.join(WORK, `merged-${N}`);
  const merged = await measure('npm', ['run', 'merge', '--', ...dirs, '--out', out], { cwd: ROOT, env });
  if (merged.status !== 0) throw new Error(`merge failed:\n${merged.output}`);
  const usage = folderUsage(out);
  console.log(`merge: ${seconds(merged.ms)}, peak ${mb(merged.peakBytes)}; ${hostFit(usage).text}`);

  // Costs per thread, from the shards: the check reads all N; pages and search only the shard's.
  const sum = (f: (r: ShardRun) => number) => runs.reduce((s, r) => s + f(r), 0);
  const checkPerThread = sum((r) => r.steps.check) / runs.length / N;
  const pagesPerThread = sum((r) => r.steps.pages) / N;
  const searchPerThread = sum((r) => r.steps.search) / N;
  const other = sum((r) => r.ms - r.steps.check - r.steps.pages - r.steps.search) / runs.length;
  const mergePerThread = merged.ms / N;
  const slowest = runs.reduce((a, r) => (r.ms > a.ms ? r : a));
  const project = (threads: number, jobs: number) => {
    const shard = checkPerThread * threads + ((pagesPerThread + searchPerThread) * threads) / jobs + other;
    return { shard, merge: mergePerThread * threads, wall: shard + mergePerThread * threads };
  };
  const lines = [
    `- date: ${new Date().toISOString().replace(/\.\d+Z$/u, 'Z')}; ${os.cpus().length} cores, ${fmtInt(os.totalmem() / 2 ** 30)} GiB; Node ${process.version}`,
    `- load average (1 min) at start / end: ${loadStart[0]?.toFixed(2)} / ${os.loadavg()[0]?.toFixed(2)}`,
    `- archive: ${fmtInt(N)} synthetic threads (bench/generate.ts), ${fmtInt(bytes / N)} bytes each; ${n} shards built one after another, then merged`,
    '',
    '| shard | threads | wall time | check (whole archive) | pages | search index and site files | peak memory (Pagefind) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...runs.map(
      (r, k) =>
        `| ${k + 1}/${n} | ${fmtInt(r.threads)} | ${seconds(r.ms)} | ${seconds(r.steps.check)} | ${seconds(r.steps.pages)} | ${seconds(r.steps.search)} | ${mb(r.peakBytes)} (${mb(r.peakSearchBytes)}) |`,
    ),
    `| merge | ${fmtInt(N)} | ${seconds(merged.ms)} | | | | ${mb(merged.peakBytes)} |`,
    '',
    `- slowest shard ${seconds(slowest.ms)}; all ${n} shards one after another ${seconds(sum((r) => r.ms))}; on ${n} jobs side by side: ${seconds(slowest.ms + merged.ms)} with the merge`,
    `- merged site: ${hostFit(usage).text}`,
    `- per thread: check ${checkPerThread.toFixed(2)} ms (every shard, all threads), pages ${pagesPerThread.toFixed(2)} ms, search index and site files ${searchPerThread.toFixed(2)} ms (the shard's threads), merge ${mergePerThread.toFixed(2)} ms; fixed ${seconds(other)} a shard`,
    '',
    ...(N < 10_000
      ? [
          '(At fewer than 10,000 threads the costs per thread are mostly start-up costs: the projection below overstates every figure.)',
          '',
        ]
      : []),
    '| projected wall time (slowest shard + merge) | 4 jobs | 8 jobs | 16 jobs |',
    '| --- | --- | --- | --- |',
    ...[100_000, 500_000, 1_000_000].map(
      (threads) =>
        `| ${fmtInt(threads)} threads | ${[4, 8, 16]
          .map((jobs) => {
            const p = project(threads, jobs);
            return `${fmtMin(p.wall)} (shard ${fmtMin(p.shard)}, merge ${fmtMin(p.merge)})`;
          })
          .join(' | ')} |`,
    ),
  ];
  const report = lines.join('\n');
  console.log(`\n${report}`);
  if (write) {
    writeReport(DOC, 'shards', 'bench:shards', 'Scaling', report);
    console.log(`\nwrote the figures to ${path.relative(ROOT, DOC)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
