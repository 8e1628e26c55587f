/**
 * `npm run build [-- --shard <i>/<n>] [--out <dir>]`: the whole build, one step after another,
 * each in its own process, stopping at the first that fails:
 *   1. the settings (src/settings.ts): a mistake is one line, before anything is read;
 *   2. `check --snapshot`: every content file validated; the snapshot Next's workers read;
 *   3. `next build`: the static export of the pages into out/, its main process's heap kept
 *      near what is live (heap.mjs);
 *   4. the post-export step (postbuild.ts): search index, sitemaps, robots.txt.
 * With --shard, Next builds only the pages that hash to the shard (src/shard.ts) and the search
 * index holds only its threads; the check still reads the whole archive, so a problem anywhere
 * stops every shard. With --out, the finished site is moved from out/ to <dir> (docs/deploy.md,
 * "Building in shards"); a failed build leaves <dir> as it was.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fromCaller, moveFolder, replaceable } from '../export/files';
import { childEnv, reportSettings } from '../settings';
import { parseShard } from '../shard';
import type { Shard } from '../shard';
import { readOptions } from './options';

const USAGE = 'usage: npm run build [-- --shard <i>/<n>] [--out <dir>]';
/** Where the check leaves the validated archive for Next's workers and the post-export step. */
const SNAPSHOT = path.join('.next', 'cache', 'snapshot');
const OUT = path.resolve('out');

type Options = { shard?: Shard; out?: string };

/** The options, or a one-line message saying what is wrong. */
function buildOptions(args: readonly string[]): Options | string {
  const read = readOptions(args, { shard: { type: 'string' }, out: { type: 'string' } }, false);
  if (!read.ok)
    return 'unknown' in read
      ? `npm run build: unknown option ${JSON.stringify(read.unknown)}; ${USAGE}`
      : `npm run build: ${read.missing} needs a value; ${USAGE}`;
  const options: Options = {};
  if (read.values.shard !== undefined) {
    const shard = parseShard(read.values.shard);
    if (typeof shard === 'string') return shard;
    options.shard = shard;
  }
  if (read.values.out !== undefined) {
    options.out = read.values.out;
    const out = fromCaller(options.out);
    if (out !== OUT && (out.startsWith(`${OUT}${path.sep}`) || OUT.startsWith(`${out}${path.sep}`)))
      return `--out ${options.out}: the build writes out/ first; give a folder outside it`;
    if (!replaceable(out))
      return `--out ${options.out}: the folder holds something other than a build of this site; give a new folder, or empty this one`;
  }
  return options;
}

/** Runs Node with `args` (a JavaScript file of a package, or one of ours with tsx's loader); resolves with its exit code. */
function run(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: 'inherit' });
    child.once('error', reject);
    child.once('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<number> {
  const options = buildOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    console.error(options);
    return 1;
  }
  if (!reportSettings()) return 1;
  // Our steps run in one Node process each, with tsx's loader in it (as this file runs): its
  // command line would add a parent process, held through the whole build (docs/performance.md).
  const tsx = ['--import', 'tsx'];
  // The steps read the settings from the environment they are given (src/settings.ts): the site
  // settings as checked here, and where this build's snapshot and shard are.
  const shard = options.shard ? `${options.shard.index}/${options.shard.count}` : undefined;
  const env: NodeJS.ProcessEnv = { ...childEnv(), THREADS_SNAPSHOT: SNAPSHOT };
  if (shard) env.BUILD_SHARD = shard;
  else delete env.BUILD_SHARD;
  const steps: [string, string[], NodeJS.ProcessEnv][] = [
    [
      'check',
      [...tsx, path.join('src', 'cli', 'check.ts'), '--snapshot', SNAPSHOT, ...(shard ? ['--shard', shard] : [])],
      process.env,
    ],
    // heap.mjs keeps Next's main process near its live memory (it acts only there).
    [
      'pages',
      ['--import', path.resolve('src', 'cli', 'heap.mjs'), require.resolve('next/dist/bin/next'), 'build'],
      env,
    ],
    ['search and site files', [...tsx, path.join('src', 'cli', 'postbuild.ts')], env],
  ];
  const times: string[] = [];
  const started = performance.now();
  for (const [name, args, stepEnv] of steps) {
    const start = performance.now();
    const code = await run(args, stepEnv);
    if (code !== 0) return code;
    times.push(`${name} ${seconds(performance.now() - start)}`);
  }
  if (options.out !== undefined && fromCaller(options.out) !== OUT) {
    moveFolder(OUT, fromCaller(options.out));
    times.push(`site moved to ${options.out}`);
  }
  const what = options.shard ? `shard ${options.shard.index}/${options.shard.count}` : 'build';
  console.log(`${what}: ${times.join(' · ')} · ${seconds(performance.now() - started)} in all`);
  return 0;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

void main().then((code) => {
  process.exitCode = code;
});
