/**
 * The search index: Pagefind, through its Node API (it runs its bundled binary, offline), over
 * the exported HTML. Only elements marked `data-pagefind-body` (the thread article) are
 * indexed, so index pages, doctor pages, search and 404 are left out. Writes `out/pagefind/`.
 */
import path from 'node:path';

/** Indexes the HTML files in `outDir` and writes the bundle to `<outDir>/pagefind`; returns the page count. */
export async function writeSearchIndex(outDir: string): Promise<number> {
  // pagefind is an ES module only; this file also runs as CommonJS under tsx, hence the dynamic import.
  const { close, createIndex } = await import('pagefind');
  try {
    const { index, errors } = await createIndex({ forceLanguage: 'en' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: outDir });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await close();
  }
}
