/**
 * Runs after `next build` (see package.json "build"): removes what no page uses from out/,
 * builds the search index, writes sitemap.xml, robots.txt and .nojekyll. `npm run build` gives it
 * the check step's snapshot (THREADS_SNAPSHOT), as it gives `next build`: without it the sitemap
 * would parse every content file again (about 10 s at 10,000 threads).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { getArchive } from '../content/threads';
import { contentPaths } from '../content/views';
import { pruneUnreferenced } from '../export/prune';
import { writeSearchIndex } from '../export/search-index';
import { robotsTxt, sitemapXml } from '../export/sitemap';
import { BASE_PATH, absoluteUrl } from '../site';

async function main(): Promise<void> {
  const outDir = path.resolve('out');
  // Pagefind indexes in its own process, reads only threads/ and writes only pagefind/; the prune
  // (which reads pages and deletes only under _next/) and the sitemap go on meanwhile.
  const [indexed] = await Promise.all([writeSearchIndex(outDir, getArchive().manifest.slugs.length), pruneAndWriteSiteFiles(outDir)]);
  console.log(`postbuild: search index of ${indexed} pages in out/pagefind`);
}

async function pruneAndWriteSiteFiles(outDir: string): Promise<void> {
  const removed = await pruneUnreferenced(outDir, BASE_PATH);
  console.log(`postbuild: removed ${removed.length} files that no page references from out/_next`);
  const urls = contentPaths().map(absoluteUrl);
  writeFileSync(path.join(outDir, 'sitemap.xml'), sitemapXml(urls));
  writeFileSync(path.join(outDir, 'robots.txt'), robotsTxt(absoluteUrl('/sitemap.xml')));
  // GitHub Pages runs Jekyll unless told not to, and Jekyll drops folders starting with "_" (_next).
  writeFileSync(path.join(outDir, '.nojekyll'), '');
  console.log(`postbuild: sitemap.xml with ${urls.length} pages, robots.txt, .nojekyll`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
