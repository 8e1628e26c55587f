/**
 * Sites built in shards (docs/deploy.md, "Building in shards"): the stamp each shard's build leaves in its
 * folder, and the merge of the shards' folders into the one site a whole build would give.
 *
 * Every shard checks the whole archive and builds the pages that hash to it (src/shard.ts), plus
 * the pages without parameters (index, search, 404, the first page of each list) and the site files
 * (sitemaps, robots.txt, styles), which every shard writes alike. The merge refuses shards that do
 * not belong together, copies (or hard-links) each file once (a file in several shards must be byte for byte the
 * same in each), renumbers the shards' search bundles into one series, lists them for the search
 * page, and checks that every page the sitemap lists is there. It writes a new folder beside the
 * target and puts it in place only when all of that holds.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SHARD_STAMP } from '../shard';
import { searchBundlePath } from '../site';
import { listFiles, moveFolder, replaceable } from './files';
import { writeBundleList } from './search-index';

const count = z.number().int().min(0);
/** A search bundle's folder in a shard: `/pagefind/` or `/pagefind-<n>/`, nothing else (the merge copies it). */
const BUNDLE_PATH = /^\/pagefind(-[1-9][0-9]*)?\/$/u;

/** What a shard's build says about itself, for the merge; a stamp of any other shape is refused. */
const ShardStampSchema = z.object({
  shard: z.object({ index: count.min(1), count: count.min(1) }).refine((s) => s.index <= s.count),
  /** The archive's digest (Manifest.digest): the same content gives the same digest. */
  digest: z.string().regex(/^[0-9a-f]{64}$/u),
  /** SHA-256 of the code and settings files that make the pages (codeDigest). */
  code: z.string().regex(/^[0-9a-f]{64}$/u),
  settings: z.object({ siteUrl: z.string(), basePath: z.string(), siteName: z.string() }),
  /** Threads in the whole archive. */
  threads: count,
  /** This shard's search bundles (site paths in its folder) and the threads in each. */
  bundles: z.array(z.object({ path: z.string().regex(BUNDLE_PATH), threads: count })),
});

export type ShardStamp = z.infer<typeof ShardStampSchema>;

/** A merge that cannot be made: every reason, one line each. */
export class MergeError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}

/** The stamp of the shard folder `dir` (as given; at `at`), or what is wrong. */
function readStamp(dir: string, at: string): ShardStamp | string {
  if (!existsSync(at) || !statSync(at).isDirectory()) return `${dir}: no such folder`;
  const file = path.join(at, SHARD_STAMP);
  const usage = `build one with npm run build -- --shard <i>/<n> --out ${dir}`;
  if (!existsSync(file)) return `${dir}: not a shard (it has no ${SHARD_STAMP}); ${usage}`;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // reported below
  }
  const stamp = ShardStampSchema.safeParse(json);
  return stamp.success ? stamp.data : `${dir}: its ${SHARD_STAMP} is damaged; ${usage}`;
}

const name = (s: ShardStamp['shard']) => `${s.index}/${s.count}`;

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
  if (!first)
    throw new MergeError(['give the folders of the shards to merge: npm run merge -- <dir> <dir> … [--out <dir>]']);
  const count = first.stamp.shard.count;
  for (const { dir, stamp } of rest) {
    if (stamp.shard.count !== count)
      problems.push(
        `${dir} is shard ${name(stamp.shard)} but ${first.dir} is shard ${name(first.stamp.shard)}: give the shards of one build, all built with the same <n>`,
      );
    else if (stamp.digest !== first.stamp.digest)
      problems.push(
        `${dir} was built from different content than ${first.dir}: build every shard from the same content`,
      );
    else if (stamp.code !== first.stamp.code)
      problems.push(
        `${dir} was built by different code than ${first.dir}: build every shard from the same commit, after npm ci`,
      );
    else {
      for (const key of ['siteUrl', 'basePath', 'siteName'] as const) {
        const variable = { siteUrl: 'SITE_URL', basePath: 'BASE_PATH', siteName: 'SITE_NAME' }[key];
        if (stamp.settings[key] !== first.stamp.settings[key]) {
          problems.push(
            `${dir} was built with ${variable}=${JSON.stringify(stamp.settings[key])} but ${first.dir} with ${variable}=${JSON.stringify(first.stamp.settings[key])}: build every shard with the same settings`,
          );
        }
      }
    }
  }
  if (problems.length > 0) throw new MergeError(problems);
  for (let index = 1; index <= count; index++) {
    const given = shards.filter((s) => s.stamp.shard.index === index);
    if (given.length === 0) problems.push(`shard ${index}/${count} is missing: give all ${count} shards`);
    if (given.length > 1)
      problems.push(`shard ${index}/${count} is given ${given.length} times: ${given.map((s) => s.dir).join(', ')}`);
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
export function mergeShards(
  dirs: readonly string[],
  outDir: string,
  resolve: (folder: string) => string = (folder) => path.resolve(folder),
): Merged {
  const target = resolve(outDir);
  if (dirs.some((d) => resolve(d) === target))
    throw new MergeError([`--out ${outDir} is one of the shards; merge into another folder`]);
  if (!replaceable(target))
    throw new MergeError([
      `--out ${outDir}: the folder holds something other than a build of this site; give a new folder, or empty this one`,
    ]);
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
  const made = new Set<string>();
  /**
   * Whether to hard-link the shards' files into the site rather than copy them: on one disk a link
   * costs no bytes and no copying (a large archive is gigabytes). The build and the merge
   * never write into a file they made, they replace it, so a shard and the site cannot change
   * each other's files.
   */
  let link = true;
  /** Puts `from` at `to` below the merged site, when it is a plain file: a symbolic link could copy anything on the merging machine into the site. */
  const copy = (shard: Given, from: string, to: string): boolean => {
    if (!lstatSync(path.join(shard.at, from)).isFile()) {
      problems.push(`${shard.dir}/${from} is not a plain file (a link?); a shard holds only the files its build wrote`);
      return false;
    }
    const folder = path.dirname(path.join(work, to));
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    if (link) {
      try {
        linkSync(path.join(shard.at, from), path.join(work, to));
        return true;
      } catch {
        link = false; // another disk, or a file system without hard links: copy from here on
      }
    }
    copyFileSync(path.join(shard.at, from), path.join(work, to), constants.COPYFILE_FICLONE);
    return true;
  };
  /** Each file of the merged site and the shard it is copied from. */
  const from = new Map<string, Given>();
  for (const shard of shards) {
    const own = new Set([SHARD_STAMP, 'search-bundles.js']);
    for (const file of listFiles(
      shard.at,
      shard.stamp.bundles.map((b) => b.path.slice(1, -1)),
    )) {
      if (own.has(file)) continue;
      const earlier = from.get(file);
      if (earlier === undefined) {
        if (copy(shard, file, file)) from.set(file, shard);
      } else if (
        problems.length < 10 &&
        !readFileSync(path.join(earlier.at, file)).equals(readFileSync(path.join(shard.at, file)))
      ) {
        problems.push(
          `${file} differs between ${earlier.dir} and ${shard.dir}: shards must be built by the same code from the same content`,
        );
      }
    }
  }
  // One series of bundles, shard after shard, each bundle searched with the others (mergeIndex).
  const topFolders = new Set([...from.keys()].map((f) => f.slice(0, f.indexOf('/') + 1)));
  const bundles: string[] = [];
  let indexed = 0;
  for (const shard of shards) {
    for (const bundle of shard.stamp.bundles) {
      const to = searchBundlePath(bundles.length + 1);
      if (topFolders.has(to.slice(1)))
        problems.push(`${shard.dir} has a folder ${to} that is not one of its search bundles`);
      const inShard = bundle.path.slice(1);
      for (const file of listFiles(path.join(shard.at, inShard)))
        copy(shard, `${inShard}${file}`, `${to.slice(1)}${file}`);
      bundles.push(to);
      indexed += bundle.threads;
    }
  }
  const threads = shards[0]?.stamp.threads ?? 0;
  if (indexed !== threads)
    problems.push(`the shards' search bundles hold ${indexed} threads, but the archive has ${threads}`);
  writeBundleList(work, bundles);
  const settings = shards[0]?.stamp.settings;
  if (settings) {
    const missing = sitemapPaths(work, `${settings.siteUrl}${settings.basePath}`).filter(
      (p) => !from.has(`${p.slice(1)}index.html`),
    );
    for (const p of missing.slice(0, 10)) problems.push(`${p} is in the sitemap but in none of the shards`);
    if (missing.length > 10)
      problems.push(`… and ${missing.length - 10} more pages of the sitemap are in none of the shards`);
  }
  if (problems.length > 0) throw new MergeError(problems);
  return { shards: shards.length, bundles: bundles.length, threads };
}

/** The site paths of every page the sitemap (or the sitemaps of its index) lists (sitemap.ts writes them, escaped as `&#38;`). */
function sitemapPaths(siteDir: string, prefix: string): string[] {
  const locs = (file: string) =>
    [...readFileSync(path.join(siteDir, file), 'utf8').matchAll(/<loc>([^<]*)<\/loc>/gu)].map((m) =>
      (m[1] ?? '').replace(/&#(\d+);/gu, (_, code: string) => String.fromCharCode(Number(code))),
    );
  const top = locs('sitemap.xml');
  const isIndex = readFileSync(path.join(siteDir, 'sitemap.xml'), 'utf8').includes('<sitemapindex');
  const urls = isIndex ? top.flatMap((url) => locs(url.slice(url.lastIndexOf('/') + 1))) : top;
  return urls.map((url) => (url.startsWith(prefix) ? url.slice(prefix.length) : url));
}
