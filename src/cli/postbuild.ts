/**
 * Runs after `next build` (src/cli/build.ts): removes what no page uses from out/, builds the
 * search index, writes sitemap.xml (an index of sitemap-<n>.xml above the protocol's limit),
 * robots.txt and .nojekyll, then says which static hosts take what out/ holds. It reads the
 * archive from the check step's snapshot, as `next build` does: the sitemap lists the route
 * table's pages (src/routes/table.ts), never the HTML.
 * In a shard's build it indexes only that shard's threads, writes the same site files as every
 * shard, and leaves the stamp `npm run merge` reads (src/export/shards.ts).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../archive/current';
import { RELATED, rendersNothing } from '../archive/snapshot';
import { folderUsage, listFiles, moveFolder } from '../export/files';
import { hostFit } from '../export/hosts';
import {
  codeDigest,
  PAGES,
  buildKey,
  bundleDigest,
  cacheFiles,
  readState,
  siteFingerprint,
  writeState,
} from '../export/incremental';
import { pruneUnreferenced } from '../export/prune';
import { indexSearchBundle, searchLayout, writeBundleList } from '../export/search-index';
import type { SearchBundle } from '../export/search-index';

import type { ShardStamp } from '../export/shards';
import { robotsTxt, sitemapFiles, writeSitemaps } from '../export/sitemap';
import { contentPaths } from '../routes/table';
import type { PageDigest } from '../routes/table';
import { settings } from '../settings';
import { SHARD_STAMP, inShard } from '../shard';
import { BASE_PATH, absoluteUrl, threadPath } from '../site';

/** The file of the page at a site path: `/` is `index.html`, `/threads/x/` is `threads/x/index.html`. */
const pageFile = (page: string) => `${page.slice(1)}index.html`;

/** Moves `file` (relative) from the folder `from` to the folder `to`, making its folders. */
function moveInto(from: string, to: string, file: string): void {
  mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
  renameSync(path.join(from, file), path.join(to, file));
}

/** The pages a bundle's entry file says it holds. */
function bundlePages(outDir: string, bundle: SearchBundle): number {
  const entry = JSON.parse(readFileSync(path.join(outDir, bundle.path, 'pagefind-entry.json'), 'utf8')) as {
    languages: Record<string, { page_count: number }>;
  };
  return Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
}

async function main(): Promise<void> {
  const outDir = path.resolve('out');
  const { shard, siteUrl, basePath, siteName, incremental, snapshot, buildCache, searchBundleThreads } = settings();
  const archive = getArchive();
  const { slugs, digest } = archive;
  const cache = cacheFiles(path.resolve(buildCache));

  const pages =
    !shard && snapshot ? (JSON.parse(readFileSync(path.join(snapshot, PAGES), 'utf8')) as PageDigest[]) : [];
  const previous = incremental ? readState(cache.previousState) : undefined;
  // No page changed: Next did not run (build.ts), and every file it writes besides the pages comes
  // back from the last build, made by the same code (the stylesheet, 404.html, public/'s files).
  const nextRan = !(incremental && snapshot && rendersNothing(snapshot));
  if (!nextRan) {
    if (!previous) throw new Error(`${cache.previousState}: the last build's state is gone; run npm run build again`);
    const pageFiles = new Set(Object.keys(previous.pages).map(pageFile));
    const bundles = Object.keys(previous.bundles).map((b) => b.slice(1, -1));
    mkdirSync(outDir, { recursive: true });
    for (const file of listFiles(cache.previousSite, bundles))
      if (!pageFiles.has(file)) moveInto(cache.previousSite, outDir, file);
  } else {
    // What no page uses goes, read from the pages Next wrote now (a page reused from the last build
    // uses the same files: the code is the same).
    const removed = await pruneUnreferenced(outDir, BASE_PATH);
    console.log(`postbuild: removed ${removed.length} files that no page references from out/_next`);
  }

  // The pages that did not change since the last build come back from it; those without
  // parameters Next renders whenever it runs.
  let reused = 0;
  if (incremental) {
    for (const page of pages) {
      if ((!page.listed && nextRan) || archive.renders(page.path)) continue;
      moveInto(cache.previousSite, outDir, pageFile(page.path));
      reused += 1;
    }
  }

  // The search index: a bundle is indexed again only when one of its threads changed, else it comes
  // back too, found by its digest: when a full bundle split in two, the bundles after it have moved
  // up a number, and a bundle's files do not name its folder. Pagefind runs in its own process; the
  // site files are written meanwhile. No thread, no index: an empty archive's search page says so,
  // and a shard without threads leaves it to the others.
  const own = slugs.filter((slug) => inShard(slug, shard));
  const layout = own.length === 0 ? [] : searchLayout(own, searchBundleThreads);
  const searched = new Map(pages.map((p) => [p.path, p.search]));
  const bundleDigests = layout.map((b) => bundleDigest(b.slugs, (slug) => searched.get(threadPath(slug))));
  const lastBundles = new Map(Object.entries(previous?.bundles ?? {}).map(([at, d]) => [d, at.slice(1, -1)]));
  const search = async () => {
    const counts: number[] = [];
    let indexed = 0;
    for (const [i, bundle] of layout.entries()) {
      const last = lastBundles.get(bundleDigests[i] ?? '');
      const kept = last !== undefined && existsSync(path.join(cache.previousSite, last));
      if (kept) renameSync(path.join(cache.previousSite, last), path.join(outDir, bundle.path));
      else indexed += 1;
      counts.push(kept ? bundlePages(outDir, bundle) : await indexSearchBundle(outDir, bundle, layout.length === 1));
    }
    return { counts, indexed };
  };
  const [{ counts, indexed }] = await Promise.all([search(), Promise.resolve().then(() => writeSiteFiles(outDir))]);
  writeBundleList(
    outDir,
    layout.map((b) => b.path),
  );
  const total = counts.reduce((sum, n) => sum + n, 0);
  console.log(
    layout.length > 0
      ? `postbuild: search index of ${total} pages in out${layout.map((b) => b.path).join(', out')}`
      : `postbuild: no thread${shard ? ' in this shard' : ''}, so no search index`,
  );

  if (shard) {
    if (digest === undefined)
      throw new Error('a shard is built by npm run build -- --shard <i>/<n>, which checks the content first');
    const stamp: ShardStamp = {
      shard,
      digest,
      code: codeDigest(process.cwd()),
      settings: { siteUrl, basePath, siteName },
      threads: slugs.length,
      bundles: layout.map((bundle, i) => ({ path: bundle.path, threads: counts[i] ?? 0 })),
    };
    writeFileSync(path.join(outDir, SHARD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    const { files, bytes } = folderUsage(outDir);
    console.log(
      `postbuild: shard ${shard.index}/${shard.count}: ${own.length} of ${slugs.length} threads, ${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(1)} MB; merge every shard with npm run merge`,
    );
    return;
  }

  // The state the next build starts from, once out/ is whole; the last build's leftovers go.
  const { digest: out, usage } = siteFingerprint(outDir);
  if (snapshot) {
    if (existsSync(path.join(snapshot, RELATED))) {
      mkdirSync(path.dirname(cache.related), { recursive: true });
      moveFolder(path.join(snapshot, RELATED), cache.related); // the build cache may be on another disk
    }
    writeState(cache.state, {
      // The key taken when the build started: code changed since then must not pass for this build's.
      key: settings().buildKey ?? buildKey(process.cwd()),
      pages: Object.fromEntries(pages.map((p) => [p.path, p.digest])),
      bundles: Object.fromEntries(layout.map((b, i) => [b.path, bundleDigests[i] ?? ''])),
      out,
      rebuilt: { pages: pages.length - reused, of: pages.length, bundles: indexed, ofBundles: layout.length },
    });
  }
  rmSync(cache.previousSite, { recursive: true, force: true });
  rmSync(cache.previousState, { force: true });
  const fit = hostFit(usage);
  (fit.fitsAll ? console.log : console.warn)(`postbuild: out/ holds ${fit.text}`);
}

/** sitemap.xml (or a sitemap index), robots.txt and .nojekyll. */
function writeSiteFiles(outDir: string): void {
  const urls = contentPaths(getArchive()).map(absoluteUrl);
  const sitemaps = sitemapFiles(urls, absoluteUrl('/'), settings().sitemapMaxUrls);
  writeSitemaps(outDir, sitemaps);
  writeFileSync(path.join(outDir, 'robots.txt'), robotsTxt(absoluteUrl('/sitemap.xml')));
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_" (_next).
  writeFileSync(path.join(outDir, '.nojekyll'), '');
  const index = sitemaps.length > 1 ? ` (an index of ${sitemaps.length - 1} sitemaps)` : '';
  console.log(`postbuild: sitemap.xml${index} with ${urls.length} pages, robots.txt, .nojekyll`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
