/**
 * `npm run check [dir] [--snapshot file]`: validates every content file without building;
 * exit 1 on any problem. `npm run build` passes `--snapshot`: on success the validated threads
 * are written there for Next's workers (see threads.ts), so the build parses each file once.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { loadContentParallel } from '../content/load-parallel';
import { CONTENT_DIR, writeSnapshot } from '../content/threads';

const args = process.argv.slice(2);
const at = args.indexOf('--snapshot');
const snapshot = at === -1 ? undefined : args[at + 1];
const dir = args.find((a, i) => !a.startsWith('--') && (at === -1 || i !== at + 1)) ?? CONTENT_DIR;

async function main(): Promise<number> {
  if (snapshot) rmSync(snapshot, { recursive: true, force: true }); // a failed check must not leave an older snapshot behind
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`${dir}: no such folder; give the folder that holds the .md files`);
    return 1;
  }
  const { threads, problems, fileCount } = await loadContentParallel(dir);
  for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
  console.log(summarize(problems, fileCount));
  if (snapshot && problems.length === 0) {
    const start = performance.now();
    writeSnapshot(snapshot, dir, threads);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(`snapshot for the build in ${snapshot}: related threads, doctors and ${threads.length.toLocaleString('en-US')} thread files in ${seconds} s`);
  }
  return problems.length > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
