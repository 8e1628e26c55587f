/**
 * `npm run check [-- <dir>]`: validates every content file without building; exit 1 on any
 * problem. `npm run build` adds `--snapshot <folder>` (and its `--shard <i>/<n>`): each valid
 * thread's copy is written there as it is read, and the folder completed on success for Next's
 * workers (src/archive/snapshot.ts), so the build parses each file once; on any problem the
 * folder is removed.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import { contentDir } from '../archive/current';
import { finishSnapshot, snapshotThreads, startSnapshot } from '../archive/snapshot';
import { checkContent } from '../content/check';
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { inShard, parseShard } from '../shard';
import type { Shard } from '../shard';
import { readOptions } from './options';

const USAGE = 'usage: npm run check [-- <dir>]';

async function main(): Promise<number> {
  const read = readOptions(process.argv.slice(2), { snapshot: { type: 'string' }, shard: { type: 'string' } }, true);
  if (!read.ok || read.positionals.length > 1) {
    if (read.ok)
      console.error(`npm run check: one folder at most, got ${JSON.stringify(read.positionals[1])} too; ${USAGE}`);
    else
      console.error(
        'unknown' in read
          ? `npm run check: unknown option ${JSON.stringify(read.unknown)}; ${USAGE}`
          : `npm run check: ${read.missing} needs a value; ${USAGE}`,
      );
    return 1;
  }
  const { snapshot, shard: shardArg } = read.values;
  /** `--shard <i>/<n>`: related threads are scored for that shard's threads only. */
  let shard: Shard | undefined;
  if (shardArg !== undefined) {
    const parsed = parseShard(shardArg);
    if (typeof parsed === 'string') {
      console.error(parsed);
      return 1;
    }
    shard = parsed;
  }
  const dir = read.positionals[0] ?? contentDir();
  if (snapshot) rmSync(snapshot, { recursive: true, force: true }); // a failed check must not leave an older snapshot behind
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`${dir}: no such folder; give the folder that holds the .md files`);
    return 1;
  }
  if (snapshot) startSnapshot(snapshot);
  const { threads, hashes, problems, fileCount } = await checkContent(dir, {
    copies: snapshot === undefined ? undefined : snapshotThreads(snapshot),
  });
  for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
  console.log(summarize(problems, fileCount));
  if (snapshot && problems.length > 0)
    rmSync(snapshot, { recursive: true, force: true }); // the valid threads' copies, written while reading
  else if (snapshot) {
    const start = performance.now();
    finishSnapshot(snapshot, dir, threads, hashes, (slug) => inShard(slug, shard));
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    const related = shard ? `related threads of shard ${shard.index}/${shard.count}'s threads` : 'related threads';
    console.log(
      `snapshot for the build in ${snapshot}: ${related}, doctors and ${threads.length.toLocaleString('en-US')} thread files in ${seconds} s`,
    );
  }
  return problems.length > 0 ? 1 : 0;
}

void main().then((code) => {
  process.exitCode = code;
});
