/**
 * Runs after `next build` (src/cli/build.ts): removes what no page uses from out/, builds the
 * search index, writes sitemap.xml (an index of sitemap-<n>.xml above the protocol's limit),
 * robots.txt and .nojekyll, then says which static hosts take what out/ holds. It reads the
 * archive from the check step's snapshot, as `next build` does: the sitemap lists the route
 * table's pages (src/routes/table.ts), never the HTML.
 * In a shard's build it indexes only that shard's threads, writes the same site files as every
 * shard, and leaves the stamp `npm run merge` reads (src/export/shards.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../archive/current';
import { folderUsage } from '../export/files';
import { hostFit } from '../export/hosts';
import { pruneUnreferenced } from '../export/prune';
import { searchBundles, writeBundleList, writeSearchIndex } from '../export/search-index';
import { codeDigest } from '../export/shards';
import type { ShardStamp } from '../export/shards';
import { robotsTxt, sitemapFiles, writeSitemaps } from '../export/sitemap';
import { contentPaths } from '../routes/table';
import { settings } from '../settings';
import { SHARD_STAMP, inShard } from '../shard';
import { BASE_PATH, absoluteUrl } from '../site';

async function main(): Promise<void> {
  const outDir = path.resolve('out');
  const { shard, siteUrl, basePath, siteName } = settings();
  // Pagefind indexes in its own process, reads only threads/ and writes only pagefind/; the prune
  // (which reads pages and deletes only under _next/) and the sitemap go on meanwhile.
  const { slugs, digest } = getArchive();
  const own = slugs.filter((slug) => inShard(slug, shard));
  // No thread, no index: an empty archive's search page says so, and a shard without threads leaves
  // the index to the others.
  const bundles = own.length === 0 ? [] : searchBundles(own.length);
  const [indexed] = await Promise.all([
    bundles.length > 0 ? writeSearchIndex(outDir, own, bundles) : [],
    pruneAndWriteSiteFiles(outDir),
  ]);
  writeBundleList(outDir, bundles);
  const pages = indexed.reduce((sum, n) => sum + n, 0);
  console.log(
    bundles.length > 0
      ? `postbuild: search index of ${pages} pages in out${bundles.join(', out')}`
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
      bundles: bundles.map((bundle, i) => ({ path: bundle, threads: indexed[i] ?? 0 })),
    };
    writeFileSync(path.join(outDir, SHARD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    const { files, bytes } = folderUsage(outDir);
    console.log(
      `postbuild: shard ${shard.index}/${shard.count}: ${own.length} of ${slugs.length} threads, ${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(1)} MB; merge every shard with npm run merge`,
    );
    return;
  }
  const fit = hostFit(folderUsage(outDir));
  (fit.fitsAll ? console.log : console.warn)(`postbuild: out/ holds ${fit.text}`);
}

async function pruneAndWriteSiteFiles(outDir: string): Promise<void> {
  const removed = await pruneUnreferenced(outDir, BASE_PATH);
  console.log(`postbuild: removed ${removed.length} files that no page references from out/_next`);
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
