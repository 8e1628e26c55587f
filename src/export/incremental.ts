/**
 * What `npm run build` keeps between builds to reuse the last one (docs/build-pipeline.md,
 * "Incremental builds"), in the build cache (BUILD_CACHE, `.next/cache/qa-build`), never in out/:
 * - `state.json`: the key of the code and settings the site was built with, the digest of every
 *   page and of every search bundle, and what out/ held when the build ended;
 * - `related.json`: the related lists of the last whole build, with the digest of what they were made from;
 * - while a build runs, `previous/`, the last site (out/ moved aside), and `previous-state.json`;
 *   the build takes from them the pages and bundles that did not change, then removes them.
 * A build killed at any moment leaves no `state.json`, so the next one is a full build.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { sha256 } from '../digest';
import { settings } from '../settings';
import { fileSizes, listFiles, usageOf } from './files';
import type { FolderUsage } from './files';

const digest = z.string().regex(/^[0-9a-f]{64}$/u);

/** The state a build leaves for the next; any other shape is no state. */
const BuildStateSchema = z.object({
  /** The code and the settings the site was made by (`buildKey`). */
  key: digest,
  /** Every page's digest (src/routes/table.ts, `pageDigests`), by path. */
  pages: z.record(z.string(), digest),
  /** Every search bundle's digest, by site path. */
  bundles: z.record(z.string(), digest),
  /** What out/ held at the end: every file's path and size (`siteFingerprint`). */
  out: digest,
  /** The content folder's stamp taken before the check read it (src/content/load.ts, `contentStamp`), when it could be trusted. */
  content: digest.optional(),
  /** What this build made anew, for its last line. */
  rebuilt: z.object({ pages: z.number(), of: z.number(), bundles: z.number(), ofBundles: z.number() }),
});

type BuildState = z.infer<typeof BuildStateSchema>;

/** Every page of this build and its digest, in the snapshot folder (src/cli/check.ts). */
export const PAGES = 'pages.json';

/** Files and folders of the project (relative to its root) whose content makes the pages. */
export const CODE = ['src', 'public', 'next.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** SHA-256 over the code that makes the pages, in `root`: two shards built by different code are refused by the merge. */
export function codeDigest(root: string): string {
  const hash = createHash('sha256');
  for (const entry of CODE) {
    const at = path.join(root, entry);
    if (!existsSync(at)) continue;
    const files = statSync(at).isDirectory() ? listFiles(at).map((f) => `${entry}/${f}`) : [entry];
    for (const file of files)
      hash
        .update(`${file}\n`)
        .update(readFileSync(path.join(root, file)))
        .update('\n');
  }
  return hash.digest('hex');
}

/** The files of the build cache `cache`. */
export const cacheFiles = (cache: string) => ({
  state: path.join(cache, 'state.json'),
  /** The last build's related lists (src/archive/snapshot.ts), taken when no title or question changed. */
  related: path.join(cache, 'related.json'),
  previousState: path.join(cache, 'previous-state.json'),
  previousSite: path.join(cache, 'previous'),
});

/**
 * The key of what makes every page besides its own data: the code (src/, public/, the
 * configuration, the lock file) and the settings. A build with another key reuses nothing.
 */
export function buildKey(root: string): string {
  const { siteUrl, basePath, siteName, searchBundleThreads, sitemapMaxUrls } = settings();
  const shown = { siteUrl, basePath, siteName, searchBundleThreads, sitemapMaxUrls };
  return sha256(`${codeDigest(root)}\n${JSON.stringify(shown)}`);
}

/**
 * Every file of `dir` (hidden ones too) with its size, as one digest, and what the folder holds for
 * the hosts line: the next build reuses out/ only when it still holds exactly these files. Sizes, not
 * times: a CI cache restores files with their sizes, not always with their times.
 */
export function siteFingerprint(dir: string): { digest: string; usage: FolderUsage } {
  const sizes = fileSizes(dir);
  const hash = createHash('sha256');
  for (const { file, size } of sizes) hash.update(`${file}\t${size}\n`);
  return { digest: hash.digest('hex'), usage: usageOf(sizes) };
}

/** The state in `file`, or undefined when there is none or it is damaged. */
export function readState(file: string): BuildState | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const parsed = BuildStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes `state` to `file` in one step (a rename), so that a state on disk is always whole. */
export function writeState(file: string, state: BuildState): void {
  const temp = `${file}.${process.pid}.tmp`;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(temp, JSON.stringify(state));
  renameSync(temp, file);
}

/** The digest of a search bundle: its threads and the digests of what the index reads of their pages. */
export function bundleDigest(slugs: readonly string[], indexed: (slug: string) => string | undefined): string {
  return sha256(slugs.map((slug) => `${slug}\t${indexed(slug) ?? ''}`).join('\n'));
}
