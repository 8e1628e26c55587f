/**
 * `npm run merge -- <dir> <dir> … [--out <dir>]`: joins the folders of a build in shards
 * (`npm run build -- --shard <i>/<n> --out <dir>`) into out/, or <dir>, as the one site a whole
 * build gives (src/export/shards.ts); exit 1, with every reason and nothing written, when the
 * shards do not make one site. Then says which static hosts take it, as the build does.
 */
import { folderUsage, fromCaller } from '../export/files';
import { hostFit } from '../export/hosts';
import { MergeError, mergeShards } from '../export/shards';
import { readOptions } from './options';

const USAGE = 'usage: npm run merge -- <dir> <dir> … [--out <dir>]';

function main(): number {
  const read = readOptions(process.argv.slice(2), { out: { type: 'string' } }, true);
  if (!read.ok)
    return fail(
      'unknown' in read
        ? `npm run merge: unknown option ${JSON.stringify(read.unknown)}; ${USAGE}`
        : 'npm run merge: --out needs a folder',
    );
  const out = read.values.out ?? 'out';
  const start = performance.now();
  try {
    const merged = mergeShards(read.positionals, out, fromCaller);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(
      `merge: ${merged.shards} shards into ${out}/ in ${seconds} s; search over ${merged.threads.toLocaleString('en-US')} threads in ${merged.bundles} bundles`,
    );
  } catch (error) {
    if (error instanceof MergeError) return fail(error.problems.join('\n'));
    throw error;
  }
  const fit = hostFit(folderUsage(fromCaller(out)));
  (fit.fitsAll ? console.log : console.warn)(`merge: ${out}/ holds ${fit.text}`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 1;
}

process.exitCode = main();
