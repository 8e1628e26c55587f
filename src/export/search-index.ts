/**
 * The search index: Pagefind, through its Node API (it runs its bundled binary, offline), over
 * the exported HTML. Only elements marked `data-pagefind-body` (the thread article) are
 * indexed, so index pages, doctor pages, search and 404 are left out. Writes `out/pagefind/`.
 *
 * Pagefind is pinned to 1.4.0 (package.json). From 1.5 on it builds the word index in parallel:
 * it copies every parsed page and keeps a word map per page until all are merged, about 210 KB
 * a thread; 1.4.0 merges page by page, about 90 KB. At 10,000 threads that is 2.5 GB against
 * 1.1 GB for this step, and the build's budget is 1.5 GB (docs/performance.md, "Search index").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The part of `pagefind-entry.json` read here. */
type PagefindEntry = { languages: Record<string, { page_count: number }> };

/** Indexes the HTML files in `outDir` and writes the bundle to `<outDir>/pagefind`; returns how many pages it indexed. */
export async function writeSearchIndex(outDir: string): Promise<number> {
  // pagefind is an ES module only; this file also runs as CommonJS under tsx, hence the dynamic import.
  const { close, createIndex } = await import('pagefind');
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    // Only thread pages carry data-pagefind-body: reading the others (index, doctors) is wasted work.
    const added = await index.addDirectory({ path: outDir, glob: 'threads/**/*.html' });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    // The bundle's entry file counts the pages indexed.
    const entry = JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    return Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  } finally {
    await close();
  }
}
