/**
 * `npm run stress [-- RUNS] [--threads N] [--load K]`: the post-export step (prune, search
 * index, sitemap; src/cli/postbuild.ts) run RUNS times (default 200) on a built site of N
 * synthetic threads (default 200) while K processes (default: one per core) spin and one more
 * writes to disk, so the indexer's threads wait for a core and for the disk.
 *
 * A run passes when it exits with 0 and leaves out/pagefind/, sitemap.xml and robots.txt
 * byte for byte as the first run left them: Pagefind's output is deterministic, so a file that
 * differs is a file that was not completely written. Prints every failure and a
 * summary line; exits 1 on any failure.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listFiles } from '../src/export/files';
import { writeThreads } from './generate';
import { measure } from './measure';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'out');
const CONTENT = path.join(os.tmpdir(), 'qa-thread-viewer-stress');
const SNAPSHOT = path.join(ROOT, '.next', 'cache', 'snapshot');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : Number(args[at + 1]);
};
const RUNS = Number(args.find((a, i) => /^\d+$/u.test(a) && !args[i - 1]?.startsWith('--')) ?? 200);
const THREADS = option('--threads', 200);
const LOAD = option('--load', os.availableParallelism());
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1', CONTENT_DIR: CONTENT };

/** What the step writes, by path below out/, with a hash of each file's bytes. */
function written(): Map<string, string> {
  const files = ['sitemap.xml', 'robots.txt', ...listFiles(path.join(OUT, 'pagefind')).map((f) => `pagefind/${f}`)];
  return new Map(
    files.map((f) => [
      f,
      createHash('sha256')
        .update(readFileSync(path.join(OUT, f)))
        .digest('hex'),
    ]),
  );
}

/** How `run` differs from `reference`: missing, extra and changed files, at most five named. */
function differences(reference: Map<string, string>, run: Map<string, string>): string[] {
  const diffs: string[] = [];
  for (const [file, hash] of reference) {
    if (!run.has(file)) diffs.push(`${file} missing`);
    else if (run.get(file) !== hash) diffs.push(`${file} differs`);
  }
  for (const file of run.keys()) if (!reference.has(file)) diffs.push(`${file} extra`);
  return diffs;
}

/** Starts the load: `spinners` busy loops and one process writing 8 MB blocks to disk with fsync. */
function startLoad(spinners: number): ChildProcess[] {
  const spin = 'for (;;) {}';
  const disk = `const fs = require('fs'); const file = ${JSON.stringify(path.join(os.tmpdir(), 'qa-stress-disk.bin'))};
    const block = Buffer.alloc(8 << 20, 1); for (;;) { const fd = fs.openSync(file, 'w'); for (let i = 0; i < 8; i++) fs.writeSync(fd, block); fs.fsyncSync(fd); fs.closeSync(fd); }`;
  return [...Array.from({ length: spinners }, () => spin), disk].map((code) =>
    spawn(process.execPath, ['-e', code], { stdio: 'ignore' }),
  );
}

async function main(): Promise<number> {
  console.log(`stress: building ${THREADS} synthetic threads`);
  writeThreads(CONTENT, THREADS);
  const build = await measure('npm', ['run', 'build'], { cwd: ROOT, env });
  if (build.status !== 0) {
    console.error(build.output);
    return 1;
  }
  const load = startLoad(LOAD);
  const stop = () => load.forEach((p) => p.kill('SIGKILL'));
  process.once('SIGINT', () => {
    stop();
    process.exit(130);
  });
  let reference: Map<string, string> | undefined;
  let failures = 0;
  let slowest = 0;
  try {
    for (let run = 1; run <= RUNS; run++) {
      rmSync(path.join(OUT, 'pagefind'), { recursive: true, force: true });
      const step = await measure(TSX, ['src/cli/postbuild.ts'], {
        cwd: ROOT,
        env: { ...env, THREADS_SNAPSHOT: SNAPSHOT },
      });
      slowest = Math.max(slowest, step.ms);
      let problem =
        step.status === 0 ? '' : `exit ${step.status}: ${step.output.trim().split('\n').slice(0, 3).join(' | ')}`;
      if (!problem) {
        const files = written();
        reference ??= files;
        problem = differences(reference, files).slice(0, 5).join(', ');
      }
      if (problem) {
        failures++;
        console.log(`run ${run}: FAILED ${problem}`);
      }
      if (run % 20 === 0)
        console.log(`stress: ${run} runs, ${failures} failed, load average ${os.loadavg()[0]?.toFixed(1)}`);
    }
  } finally {
    stop();
    rmSync(path.join(os.tmpdir(), 'qa-stress-disk.bin'), { force: true });
  }
  const files = reference?.size ?? 0;
  console.log(
    `stress: ${failures} failures in ${RUNS} runs of the post-export step (${THREADS} threads, ${files} files written a run, ${LOAD} busy processes and a disk writer; slowest run ${(slowest / 1000).toFixed(1)} s)`,
  );
  return failures > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
