/**
 * `npm run check [-- <dir>]`: validates every content file without building; exit 1 on any
 * problem. `npm run build` adds `--snapshot <folder>` (and its `--shard <i>/<n>`): each valid
 * thread's copy is written there as it is read, and the folder completed on success for Next's
 * workers (src/archive/snapshot.ts), so the build parses each file once; on any problem the
 * folder is removed.
 */
import { existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentDir } from '../archive/current';
import { RENDER, finishSnapshot, snapshotThreads, startSnapshot } from '../archive/snapshot';
import { checkContent } from '../content/check';
import { formatProblem, sortProblems, summarize } from '../content/errors';
import { inShard, parseShard } from '../shard';
import type { Shard } from '../shard';
import { PAGES, cacheFiles, readState } from '../export/incremental';
import { pageDigests } from '../routes/table';
import type { PageDigest } from '../routes/table';
import { settings } from '../settings';
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
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    if (snapshot) rmSync(snapshot, { recursive: true, force: true }); // a failed check must not leave an older snapshot behind
    console.log(`${dir}: no such folder; give the folder that holds the .md files`);
    return 1;
  }
  // A whole build that reuses the last one keeps the last check's copies of the files that did not change.
  const { buildKey, incremental } = settings();
  const checked = await checkContent(dir, {
    copies: snapshot === undefined ? undefined : snapshotThreads(snapshot),
    kept: snapshot ? startSnapshot(snapshot, !shard && incremental ? buildKey : undefined) : undefined,
  });
  const { threads, hashes, problems, fileCount } = checked;
  for (const problem of sortProblems(problems)) console.log(formatProblem(problem));
  console.log(summarize(problems, fileCount));
  if (snapshot && problems.length > 0)
    rmSync(snapshot, { recursive: true, force: true }); // the valid threads' copies, written while reading
  else if (snapshot) {
    const start = performance.now();
    // A build that reuses the last takes its related lists when no title or question changed.
    const lastRelated = !shard && incremental ? cacheFiles(path.resolve(settings().buildCache)).related : undefined;
    const { archive, relatedKept } = finishSnapshot(snapshot, dir, threads, hashes, {
      renders: (slug) => inShard(slug, shard),
      lastRelated,
      ...(checked.kept ? { kept: checked.kept } : {}),
      // Only a whole build's snapshot is kept for the next: a shard's holds no related lists of the other threads.
      checked: shard || buildKey === undefined ? undefined : { key: buildKey, known: checked.known },
    });
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    const related = shard
      ? `related threads of shard ${shard.index}/${shard.count}'s threads`
      : relatedKept
        ? "related threads (the last build's: no title or question changed)"
        : 'related threads';
    console.log(
      `snapshot for the build in ${snapshot}: ${related}, doctors and ${threads.length.toLocaleString('en-US')} thread files in ${seconds} s`,
    );
    // A whole build keeps account of every page, to reuse those that do not change at the next build.
    if (!shard) writePageList(snapshot, pageDigests(archive));
  }
  return problems.length > 0 ? 1 : 0;
}

/**
 * Writes every page and its digest into the snapshot (`pages.json`, which the post-export step
 * keeps as the state of this build), and in an incremental build the pages that changed since the
 * last (`render.json`: the only ones Next renders, besides its pages without parameters, which it
 * renders whenever it runs; with none, it does not run).
 */
function writePageList(snapshot: string, pages: PageDigest[]): void {
  writeFileSync(path.join(snapshot, PAGES), JSON.stringify(pages));
  if (!settings().incremental) return;
  const previous = readState(cacheFiles(path.resolve(settings().buildCache)).previousState);
  const changed = pages.filter((p) => previous?.pages[p.path] !== p.digest).map((p) => p.path);
  writeFileSync(path.join(snapshot, RENDER), JSON.stringify(changed));
  console.log(
    `pages: ${changed.length.toLocaleString('en-US')} of ${pages.length.toLocaleString('en-US')} changed since the last build`,
  );
}

void main().then((code) => {
  process.exitCode = code;
});
