/**
 * Runs after `next build` (see package.json "build"): removes what no page uses from out/,
 * builds the search index, writes sitemap.xml (an index of sitemap-<n>.xml above 50,000 pages),
 * robots.txt and .nojekyll, then says which static hosts take what out/ holds. `npm run build` gives it
 * the check step's snapshot (THREADS_SNAPSHOT), as it gives `next build`: without it the sitemap
 * would parse every content file again (about 10 s at 10,000 threads).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../content/threads';
import { contentPaths } from '../content/views';
import { pruneUnreferenced } from '../export/prune';
import { writeSearchIndex } from '../export/search-index';
import { folderUsage } from '../export/files';
import { hostFit } from '../export/hosts';
import { SITEMAP_MAX_URLS, robotsTxt, sitemapFiles, writeSitemaps } from '../export/sitemap';
import { BASE_PATH, absoluteUrl, searchBundles } from '../site';

async function main(): Promise<void> {
  const outDir = path.resolve('out');
  // Pagefind indexes in its own process, reads only threads/ and writes only pagefind/; the prune
  // (which reads pages and deletes only under _next/) and the sitemap go on meanwhile.
  const { slugs } = getArchive().manifest;
  const bundles = searchBundles(slugs.length);
  const [indexed] = await Promise.all([writeSearchIndex(outDir, slugs, bundles), pruneAndWriteSiteFiles(outDir)]);
  console.log(`postbuild: search index of ${indexed} pages in out${bundles.join(', out')}`);
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
