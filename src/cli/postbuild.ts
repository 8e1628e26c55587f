/**
 * Runs after `next build` (src/cli/build.ts): removes what no page uses from out/,
 * builds the search index, writes sitemap.xml (an index of sitemap-<n>.xml above 50,000 pages),
 * robots.txt and .nojekyll, then says which static hosts take what out/ holds. `npm run build` gives it
 * the check step's snapshot (THREADS_SNAPSHOT), as it gives `next build`: without it the sitemap
 * would parse every content file again (about 10 s at 10,000 threads).
 * In a shard's build (BUILD_SHARD) it indexes only that shard's threads, writes the same site files
 * as every shard, and leaves the stamp `npm run merge` reads (src/export/shards.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../content/threads';
import { contentPaths } from '../content/views';
import { pruneUnreferenced } from '../export/prune';
import { writeBundleList, writeSearchIndex } from '../export/search-index';
import { folderUsage } from '../export/files';
import { hostFit } from '../export/hosts';
import { codeDigest } from '../export/shards';
import type { ShardStamp } from '../export/shards';
import { SITEMAP_MAX_URLS, robotsTxt, sitemapFiles, writeSitemaps } from '../export/sitemap';
import { SHARD_STAMP, buildShard, inShard } from '../shard';
import { readSettings } from '../settings';
import { BASE_PATH, absoluteUrl, searchBundles } from '../site';

async function main(): Promise<void> {
  const outDir = path.resolve('out');
  const shard = buildShard();
  // Pagefind indexes in its own process, reads only threads/ and writes only pagefind/; the prune
  // (which reads pages and deletes only under _next/) and the sitemap go on meanwhile.
  const { slugs, digest } = getArchive().manifest;
  const own = slugs.filter((slug) => inShard(slug, shard));
  // A shard may hold no thread at all (a small archive in many shards); the others have the index.
  const bundles = shard && own.length === 0 ? [] : searchBundles(own.length);
  const [indexed] = await Promise.all([bundles.length > 0 ? writeSearchIndex(outDir, own, bundles) : [], pruneAndWriteSiteFiles(outDir)]);
  writeBundleList(outDir, bundles);
  const pages = indexed.reduce((sum, n) => sum + n, 0);
  console.log(bundles.length > 0 ? `postbuild: search index of ${pages} pages in out${bundles.join(', out')}` : 'postbuild: no thread in this shard, so no search index');
  if (shard) {
    if (digest === undefined) throw new Error('a shard is built by npm run build -- --shard <i>/<n>, which checks the content first');
    const stamp: ShardStamp = {
      shard,
      digest,
      code: codeDigest(process.cwd()),
      settings: readSettings(process.env).settings,
      threads: slugs.length,
      bundles: bundles.map((bundle, i) => ({ path: bundle, threads: indexed[i] ?? 0 })),
    };
    writeFileSync(path.join(outDir, SHARD_STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    const { files, bytes } = folderUsage(outDir);
    console.log(`postbuild: shard ${shard.index}/${shard.count}: ${own.length} of ${slugs.length} threads, ${files.toLocaleString('en-US')} files, ${(bytes / 1e6).toFixed(1)} MB; merge every shard with npm run merge`);
    return;
  }
  const fit = hostFit(folderUsage(outDir));
  (fit.fitsAll ? console.log : console.warn)(`postbuild: out/ holds ${fit.text}`);
}

/** SITEMAP_MAX_URLS lowers the URLs a sitemap file may list (the protocol's 50,000), so tests can split small sites. */
function sitemapMaxUrls(): number {
  const value = process.env.SITEMAP_MAX_URLS ?? String(SITEMAP_MAX_URLS);
  const max = Number(value);
  if (!/^[1-9][0-9]*$/u.test(value) || max > SITEMAP_MAX_URLS) throw new Error(`SITEMAP_MAX_URLS must be a whole number from 1 to ${SITEMAP_MAX_URLS}, got ${JSON.stringify(value)}`);
  return max;
}

async function pruneAndWriteSiteFiles(outDir: string): Promise<void> {
  const removed = await pruneUnreferenced(outDir, BASE_PATH);
  console.log(`postbuild: removed ${removed.length} files that no page references from out/_next`);
  const urls = contentPaths().map(absoluteUrl);
  const sitemaps = sitemapFiles(urls, absoluteUrl('/'), sitemapMaxUrls());
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
