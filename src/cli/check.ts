/**
 * `npm run check [dir] [--snapshot folder [--shard <i>/<n>]]`: validates every content file without building;
 * exit 1 on any problem. `npm run build` passes `--snapshot`: each valid thread's file is written
 * there as it is read, and completed on success for Next's workers (see threads.ts), so the build
 * parses each file once; on any problem the folder is removed.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { checkContent } from '../content/load-parallel';
import { CONTENT_DIR, finishSnapshot, startSnapshot } from '../content/threads';
import { buildShard, inShard } from '../shard';

const args = process.argv.slice(2);
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const snapshot = valueOf('--snapshot');
/** `--shard <i>/<n>` (given by `npm run build -- --shard`): related threads are scored for that shard's threads only. */
const shardArg = valueOf('--shard');
const dir = args.find((a, i) => !a.startsWith('--') && !['--snapshot', '--shard'].includes(args[i - 1] ?? '')) ?? CONTENT_DIR;

async function main(): Promise<number> {
  if (snapshot) rmSync(snapshot, { recursive: true, force: true }); // a failed check must not leave an older snapshot behind
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`${dir}: no such folder; give the folder that holds the .md files`);
    return 1;
  }
  if (snapshot) startSnapshot(snapshot);
  const { threads, hashes, problems, fileCount } = await checkContent(dir, snapshot);
  for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
  console.log(summarize(problems, fileCount));
  if (snapshot && problems.length > 0) rmSync(snapshot, { recursive: true, force: true }); // the valid threads' files, written while reading
  else if (snapshot) {
    const start = performance.now();
    const shard = shardArg === undefined ? undefined : buildShard(shardArg);
    finishSnapshot(snapshot, dir, threads, hashes, (slug) => inShard(slug, shard));
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    const related = shard ? `related threads of shard ${shard.index}/${shard.count}'s threads` : 'related threads';
    console.log(`snapshot for the build in ${snapshot}: ${related}, doctors and ${threads.length.toLocaleString('en-US')} thread files in ${seconds} s`);
  }
  return problems.length > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
