/**
 * The post-export step: Next's export writes files that no page of ours uses, because every
 * page opts out of the client runtime. This removes, under `out/_next/`, every file that no
 * HTML file references: the framework's JavaScript chunks, build manifests and the
 * `_next/data/*.json` copies of each page's props. Referenced files (the stylesheet) stay.
 * It reads HTML and deletes files; it never edits a page.
 */
import { readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from './files';

/** `src` and `href` attribute values: all a static page can reference. */
const REFERENCE = /\b(?:src|href)="([^"]+)"/gu;

/**
 * Deletes the files under `<outDir>/_next` that no HTML file in `outDir` references, then the
 * folders left empty. `basePath` is the prefix the site's links carry. Returns the removed files
 * relative to `outDir`, sorted.
 */
export function pruneUnreferenced(outDir: string, basePath = ''): string[] {
  const files = listFiles(outDir).map((f) => path.join(outDir, f));
  const referenced = new Set<string>();
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    for (const match of readFileSync(file, 'utf8').matchAll(REFERENCE)) {
      const url = match[1] ?? '';
      if (url.startsWith(`${basePath}/_next/`)) referenced.add(path.join(outDir, url.slice(basePath.length)));
    }
  }
  const nextDir = path.join(outDir, '_next');
  const removed = files.filter((f) => f.startsWith(nextDir + path.sep) && !referenced.has(f));
  for (const file of removed) rmSync(file);
  removeEmptyDirs(nextDir);
  return removed.map((f) => path.relative(outDir, f).split(path.sep).join('/')).sort();
}

function removeEmptyDirs(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) removeEmptyDirs(path.join(dir, e.name));
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}
