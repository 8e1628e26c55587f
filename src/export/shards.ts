/**
 * Sites built in shards (README, "Building in shards"): the stamp each shard's build leaves in its
 * folder, and the merge of the shards' folders into the one site a whole build would give.
 *
 * Every shard checks the whole archive and builds the pages that hash to it (src/shard.ts), plus
 * the pages without parameters (index, search, 404, the first page of each list) and the site files
 * (sitemaps, robots.txt, styles), which every shard writes alike. The merge refuses shards that do
 * not belong together, copies each file once (a file in several shards must be byte for byte the
 * same in each), renumbers the shards' search bundles into one series, lists them for the search
 * page, and checks that every page the sitemap lists is there. It writes a new folder beside the
 * target and puts it in place only when all of that holds.
 */
import { createHash } from 'node:crypto';
import { constants, copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { SHARD_STAMP } from '../shard';
import type { Shard } from '../shard';
import { searchBundlePath } from '../site';
import type { Settings } from '../settings';
import { listFiles, moveFolder, replaceable } from './files';
import { writeBundleList } from './search-index';

/** What a shard's build says about itself, for the merge. */
export type ShardStamp = {
  shard: Shard;
  /** The archive's digest (Manifest.digest): the same content gives the same digest. */
  digest: string;
  /** SHA-256 of the code and settings files that make the pages (codeDigest). */
  code: string;
  settings: Settings;
  /** Threads in the whole archive. */
  threads: number;
  /** This shard's search bundles (site paths in its folder) and the threads in each. */
  bundles: { path: string; threads: number }[];
};

/** Files and folders of the project (relative to its root) whose content makes the pages. */
const CODE = ['src', 'public', 'next.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** SHA-256 over the code that makes the pages, in `root`: two shards built by different code are refused by the merge. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const entry of CODE) {
    const at = path.join(root, entry);
    if (!existsSync(at)) continue;
    const files = statSync(at).isDirectory() ? listFiles(at).map((f) => `${entry}/${f}`) : [entry];
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(path.join(root, file))).update('\n');
  }
  return hash.digest('hex');
}

/** A merge that cannot be made: every reason, one line each. */
export class MergeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The stamp of the shard folder `dir` (as given; at `at`), or what is wrong. */
function readStamp(dir: string, at: string): ShardStamp | string {
  if (!existsSync(at) || !statSync(at).isDirectory()) return `${dir}: no such folder`;
  const file = path.join(at, SHARD_STAMP);
  const usage = `build one with npm run build -- --shard <i>/<n> --out ${dir}`;
  if (!existsSync(file)) return `${dir}: not a shard (it has no ${SHARD_STAMP}); ${usage}`;
  try {
    const stamp: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (isObject(stamp) && isObject(stamp.shard) && typeof stamp.digest === 'string' && typeof stamp.code === 'string' && Array.isArray(stamp.bundles)) return stamp as ShardStamp;
  } catch {
    // reported below
  }
  return `${dir}: its ${SHARD_STAMP} is damaged; ${usage}`;
}

const name = (s: Shard) => `${s.index}/${s.count}`;

/** The shards of one build, in shard order, or every reason they are not. */
function checkShards(dirs: readonly string[], resolve: (folder: string) => string): Given[] {
  const problems: string[] = [];
  const shards: Given[] = [];
  for (const dir of dirs) {
    const at = resolve(dir);
    const stamp = readStamp(dir, at);
    if (typeof stamp === 'string') problems.push(stamp);
    else shards.push({ dir, at, stamp });
  }
  if (problems.length > 0) throw new MergeError(problems);
  const [first, ...rest] = shards;
  if (!first) throw new MergeError(['give the folders of the shards to merge: npm run merge -- <dir> <dir> … [--out <dir>]']);
  const count = first.stamp.shard.count;
  for (const { dir, stamp } of rest) {
    if (stamp.shard.count !== count) problems.push(`${dir} is shard ${name(stamp.shard)} but ${first.dir} is shard ${name(first.stamp.shard)}: give the shards of one build, all built with the same <n>`);
    else if (stamp.digest !== first.stamp.digest) problems.push(`${dir} was built from different content than ${first.dir}: build every shard from the same content`);
    else if (stamp.code !== first.stamp.code) problems.push(`${dir} was built by different code than ${first.dir}: build every shard from the same commit, after npm ci`);
    else {
      for (const key of ['siteUrl', 'basePath', 'siteName'] as const) {
        const variable = { siteUrl: 'SITE_URL', basePath: 'BASE_PATH', siteName: 'SITE_NAME' }[key];
        if (stamp.settings[key] !== first.stamp.settings[key]) {
          problems.push(`${dir} was built with ${variable}=${JSON.stringify(stamp.settings[key])} but ${first.dir} with ${variable}=${JSON.stringify(first.stamp.settings[key])}: build every shard with the same settings`);
        }
      }
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((s) => s.stamp.shard.index === index);
    if (given.length === 0) problems.push(`shard ${index}/${count} is missing: give all ${count} shards`);
    if (given.length > 1) problems.push(`shard ${index}/${count} is given ${given.length} times: ${given.map((s) => s.dir).join(', ')}`);
  }
  if (problems.length > 0) throw new MergeError(problems);
  return shards.sort((a, b) => a.stamp.shard.index - b.stamp.shard.index);
}

/** A shard folder as given on the command line (`dir`, for messages), where it is (`at`), and its stamp. */
type Given = { dir: string; at: string; stamp: ShardStamp };

/** What a merge wrote. */
export type Merged = { shards: number; bundles: number; threads: number };

/**
 * Merges the shard folders `dirs` (any order) into `outDir`; throws a MergeError naming every
 * reason when they do not make one whole site, and then leaves `outDir` as it was.
 */
export function mergeShards(dirs: readonly string[], outDir: string, resolve: (folder: string) => string = (folder) => path.resolve(folder)): Merged {
  const target = resolve(outDir);
  if (dirs.some((d) => resolve(d) === target)) throw new MergeError([`--out ${outDir} is one of the shards; merge into another folder`]);
  if (!replaceable(target)) throw new MergeError([`--out ${outDir}: the folder holds something other than a build of this site; give a new folder, or empty this one`]);
  const shards = checkShards(dirs, resolve);
  const work = `${target}.merging-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  try {
    const merged = writeMerged(shards, work);
    moveFolder(work, target);
    return merged;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function writeMerged(shards: Given[], work: string): Merged {
  const problems: string[] = [];
  /** Each file of the merged site and the shard it is copied from. */
  const from = new Map<string, Given>();
  const made = new Set<string>();
  for (const shard of shards) {
    const own = new Set([SHARD_STAMP, 'search-bundles.js']);
    for (const file of listFiles(shard.at, shard.stamp.bundles.map((b) => b.path.replace(/^\/|\/$/gu, '')))) {
      if (own.has(file)) continue;
      const earlier = from.get(file);
      if (earlier !== undefined) {
        if (problems.length < 10 && !readFileSync(path.join(earlier.at, file)).equals(readFileSync(path.join(shard.at, file)))) {
          problems.push(`${file} differs between ${earlier.dir} and ${shard.dir}: shards must be built by the same code from the same content`);
        }
        continue;
      }
      from.set(file, shard);
      const folder = path.dirname(path.join(work, file));
      if (!made.has(folder)) {
        mkdirSync(folder, { recursive: true });
        made.add(folder);
      }
      copyFileSync(path.join(shard.at, file), path.join(work, file), constants.COPYFILE_FICLONE);
    }
  }
  // One series of bundles, shard after shard, each bundle searched with the others (mergeIndex).
  const bundles: string[] = [];
  let indexed = 0;
  for (const { dir, at, stamp } of shards) {
    for (const bundle of stamp.bundles) {
      const to = searchBundlePath(bundles.length + 1);
      if (from.has(`${to.slice(1)}pagefind.js`)) problems.push(`${dir} has a folder ${to} that is not one of its search bundles`);
      cpSync(path.join(at, bundle.path), path.join(work, to), { recursive: true });
      bundles.push(to);
      indexed += bundle.threads;
    }
  }
  const threads = shards[0]?.stamp.threads ?? 0;
  if (indexed !== threads) problems.push(`the shards' search bundles hold ${indexed} threads, but the archive has ${threads}`);
  writeBundleList(work, bundles);
  const settings = shards[0]?.stamp.settings;
  if (settings) {
    const missing = sitemapPaths(work, `${settings.siteUrl}${settings.basePath}`).filter((p) => !from.has(`${p.slice(1)}index.html`));
    for (const p of missing.slice(0, 10)) problems.push(`${p} is in the sitemap but in none of the shards`);
    if (missing.length > 10) problems.push(`… and ${missing.length - 10} more pages of the sitemap are in none of the shards`);
  }
  if (problems.length > 0) throw new MergeError(problems);
  return { shards: shards.length, bundles: bundles.length, threads };
}

/** The site paths of every page the sitemap (or the sitemaps of its index) lists (sitemap.ts writes them, escaped as `&#38;`). */
function sitemapPaths(siteDir: string, prefix: string): string[] {
  const locs = (file: string) => [...readFileSync(path.join(siteDir, file), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) => (m[1] ?? '').replace(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code))));
  const top = locs('sitemap.xml');
  const isIndex = readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8').includes('<sitemapindex');
  const urls = isIndex ? top.flatMap((url) => locs(url.slice(url.lastIndexOf('/') + 1))) : top;
  return urls.map((url) => (url.startsWith(prefix) ? url.slice(prefix.length) : url));
}
