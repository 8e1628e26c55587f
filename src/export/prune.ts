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

/**
 * Deletes the files under `<outDir>/_next` that no HTML file in `outDir` references, then the
 * folders left empty. `basePath` is the prefix the site's links carry. Returns the removed files
 * relative to `outDir`, sorted.
 */
export function pruneUnreferenced(outDir: string, basePath = ''): string[] {
  const files = listFiles(outDir).map((f) => path.join(outDir, f));
  const referenced = new Set<string>();
  // Any attribute value that starts with the site's `/_next/` counts as a reference (src, href
  // or any other: keeping a file too many is harmless). Searched in the bytes, undecoded: at
  // 10,000 threads the pages weigh 250 MB.
  const needle = Buffer.from(`="${basePath}/_next/`);
  for (const file of files.filter((f) => f.endsWith('.html'))) {
    const bytes = readFileSync(file);
    for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) {
      const end = bytes.indexOf('"', at + 2);
      const url = bytes.toString('utf8', at + 2 + basePath.length, end === -1 ? undefined : end);
      referenced.add(path.join(outDir, url.split(/[?#]/u)[0] ?? url));
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
