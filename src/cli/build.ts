/**
 * `npm run build [-- --full] [--shard <i>/<n>] [--out <dir>]`: the whole build, one step after
 * another, each in its own process, stopping at the first that fails:
 *   1. the settings (src/settings.ts): a mistake is one line, before anything is read;
 *   2. `check --snapshot`: every content file validated; the snapshot Next's workers read, and the
 *      digest of every page;
 *   3. `next build`: the static export of the pages into out/ (in an incremental build, of the
 *      pages that changed; none, and it does not run), its main process's heap kept near what is
 *      live (heap.mjs);
 *   4. the post-export step (postbuild.ts): the unchanged pages back from the last build, search
 *      index, sitemaps, robots.txt, and the state the next build starts from.
 * A build reuses the last one unless --full, the code, the settings or out/ changed
 * (docs/build-pipeline.md, "Incremental builds"). With --shard, Next builds only the pages that
 * hash to the shard (src/shard.ts) and the search index holds only its threads; the check still
 * reads the whole archive, so a problem anywhere stops every shard. With --out, the finished site
 * is moved from out/ to <dir> (docs/deploy.md, "Building in shards"); a failed build leaves <dir>
 * as it was. Shards and builds into another folder are full builds.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fromCaller, moveFolder, replaceable } from '../export/files';
import { rendersNothing } from '../archive/snapshot';
import { contentStamp } from '../content/load';
import { buildKey, cacheFiles, readState, siteFingerprint, writeState } from '../export/incremental';
import { childEnv, reportSettings, settings } from '../settings';
import { parseShard } from '../shard';
import type { Shard } from '../shard';
import { readOptions } from './options';

const USAGE = 'usage: npm run build [-- --full] [--shard <i>/<n>] [--out <dir>]';
/** Where the check leaves the validated archive for Next's workers and the post-export step. */
const SNAPSHOT = path.join('.next', 'cache', 'snapshot');
const OUT = path.resolve('out');

type Options = { shard?: Shard; out?: string; full?: boolean };

/** The options, or a one-line message saying what is wrong. */
function buildOptions(args: readonly string[]): Options | string {
  const read = readOptions(
    args,
    { shard: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean' } },
    false,
  );
  if (!read.ok)
    return 'unknown' in read
      ? `npm run build: unknown option ${JSON.stringify(read.unknown)}; ${USAGE}`
      : `npm run build: ${read.missing} needs a value; ${USAGE}`;
  const options: Options = read.values.full ? { full: true } : {};
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
  const started = performance.now();
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
  // The content folder's stamp, taken before anything reads it (src/content/load.ts).
  const content = path.resolve(settings().contentDir);
  const stamp = existsSync(content) ? contentStamp(content, BigInt(Date.now()) * 1_000_000n) : undefined;
  // The code and settings as the build starts: a file saved during the build makes the next one full.
  const key = buildKey(process.cwd());
  env.BUILD_KEY = key;
  const start = startBuild(options, stamp, key);
  if (start === 'up to date') {
    console.log(
      `build: nothing changed since the last build (content, code, settings and out/ as they were), so out/ stays as it is · ${seconds(performance.now() - started)}`,
    );
    return 0;
  }
  if (start === 'reuse') env.BUILD_INCREMENTAL = '1';
  else delete env.BUILD_INCREMENTAL;
  const steps: [string, string[], NodeJS.ProcessEnv][] = [
    [
      'check',
      [...tsx, path.join('src', 'cli', 'check.ts'), '--snapshot', SNAPSHOT, ...(shard ? ['--shard', shard] : [])],
      env,
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
  for (const [name, args, stepEnv] of steps) {
    // A build that reuses the last and in which no page changed has nothing for Next to render.
    if (name === 'pages' && start === 'reuse' && rendersNothing(SNAPSHOT)) {
      times.push('pages none changed');
      continue;
    }
    const stepStarted = performance.now();
    const code = await run(args, stepEnv);
    if (code !== 0) return code;
    times.push(`${name} ${seconds(performance.now() - stepStarted)}`);
  }
  if (options.out !== undefined && fromCaller(options.out) !== OUT) {
    moveFolder(OUT, fromCaller(options.out));
    times.push(`site moved to ${options.out}`);
  }
  const what = options.shard ? `shard ${options.shard.index}/${options.shard.count}` : 'build';
  const state = options.shard || options.out !== undefined ? undefined : readState(cache().state);
  // The stamp is kept with the state only now: the build it describes is whole.
  if (state && stamp !== undefined) writeState(cache().state, { ...state, content: stamp });
  const made = state
    ? `${start === 'reuse' ? 'rebuilt' : 'built'} ${count(state.rebuilt.pages)} of ${count(state.rebuilt.of)} pages, ${count(state.rebuilt.bundles)} of ${count(state.rebuilt.ofBundles)} search bundles${start === 'reuse' ? '' : ` (${start.full})`} · `
    : '';
  console.log(`${what}: ${made}${times.join(' · ')} · ${seconds(performance.now() - started)} in all`);
  return 0;
}

const count = (n: number) => n.toLocaleString('en-US');

/** The build cache's files (src/export/incremental.ts). */
const cache = () => cacheFiles(path.resolve(settings().buildCache));

/**
 * Decides whether this build reuses the last one, and sets the cache up for it: 'reuse', or why it
 * is a full build, or 'up to date' when there is nothing to build. A whole build into out/ reuses the
 * last when its state is there, made by the same code with the same settings, and out/ still holds
 * what it left; when the content folder's stamp (`stamp`) is also the one the last build took,
 * nothing changed. Otherwise the last state stops being current before anything else happens: a
 * build killed from here on leaves none, and the next build is a full one.
 */
function startBuild(
  options: Options,
  stamp: string | undefined,
  key: string,
): 'reuse' | 'up to date' | { full: string } {
  const files = cache();
  rmSync(files.previousSite, { recursive: true, force: true });
  rmSync(files.previousState, { force: true });
  const state = readState(files.state);
  const cacheDir = path.dirname(files.state);
  mkdirSync(cacheDir, { recursive: true });
  const reason = options.full
    ? 'asked with --full'
    : options.shard || options.out !== undefined
      ? 'a shard, or a build into another folder'
      : !state
        ? 'no earlier build to reuse'
        : state.key !== key
          ? 'the code or the settings changed'
          : !existsSync(OUT) || siteFingerprint(OUT).digest !== state.out
            ? 'out/ changed since the last build'
            : // The last site is moved aside and its pages back, which only a rename on one disk does at once.
              statSync(OUT).dev !== statSync(cacheDir).dev
              ? 'the build cache (BUILD_CACHE) is on another disk than out/'
              : undefined;
  if (reason !== undefined) {
    rmSync(files.state, { force: true });
    rmSync(files.related, { force: true });
    return { full: reason };
  }
  if (stamp !== undefined && state?.content === stamp) return 'up to date';
  mkdirSync(path.dirname(files.previousSite), { recursive: true });
  renameSync(files.state, files.previousState);
  renameSync(OUT, files.previousSite);
  return 'reuse';
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

void main().then((code) => {
  process.exitCode = code;
});
