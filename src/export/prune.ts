/**
 * The post-export step: Next's export writes files that no page of ours uses, because every
 * page opts out of the client runtime. This removes, under `out/_next/`, every file that no
 * HTML file references: the framework's JavaScript chunks, build manifests and the
 * `_next/data/*.json` copies of each page's props. Referenced files (the stylesheet) stay.
 * It reads HTML and deletes files; it never edits a page.
 */
import { readdirSync, rmSync, rmdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { listFiles } from './files';

/** Pages read at once: without blocking, as the search indexer runs meanwhile (postbuild.ts). */
const READ_AT_ONCE = 32;

/**
 * Deletes the files under `<outDir>/_next` that no HTML file in `outDir` references, then the
 * folders left empty. `basePath` is the prefix the site's links carry. Returns the removed files
 * relative to `outDir`, sorted.
 */
export async function pruneUnreferenced(outDir: string, basePath = ''): Promise<string[]> {
  // pagefind/ holds no page and is being written by the indexer meanwhile (postbuild.ts): not entered.
  const files = listFiles(outDir, ['pagefind']).map((f) => path.join(outDir, f));
  const pages = files.filter((f) => f.endsWith('.html'));
  const referenced = new Set<string>();
  const needle = Buffer.from(`="${basePath}/_next/`);
  for (let i = 0; i < pages.length; i += READ_AT_ONCE) {
    const read = await Promise.all(pages.slice(i, i + READ_AT_ONCE).map((f) => readFile(f)));
    for (const bytes of read) for (const url of nextUrls(bytes, needle)) referenced.add(path.join(outDir, url));
  }
  const nextDir = path.join(outDir, '_next');
  const removed = files.filter((f) => f.startsWith(nextDir + path.sep) && !referenced.has(f));
  for (const file of removed) rmSync(file);
  removeEmptyDirs(nextDir);
  return removed.map((f) => path.relative(outDir, f).split(path.sep).join('/')).sort();
}

/**
 * The `/_next/...` paths (base path, query and fragment removed) of a page; `needle` is
 * `="<base path>/_next/`. Any attribute value that starts so counts (src, href or any other:
 * keeping a file too many is harmless). Searched in the bytes, undecoded: a large archive's pages
 * weigh hundreds of megabytes.
 */
function nextUrls(bytes: Buffer, needle: Buffer): string[] {
  const urls: string[] = [];
  const from = needle.length - '/_next/'.length; // the path starts after `="` and the base path
  for (let at = bytes.indexOf(needle); at !== -1; at = bytes.indexOf(needle, at + needle.length)) {
    const end = bytes.indexOf('"', at + 2);
    const url = bytes.toString('utf8', at + from, end === -1 ? undefined : end);
    urls.push(url.split(/[?#]/u)[0] ?? url);
  }
  return urls;
}

function removeEmptyDirs(dir: string): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.isDirectory()) removeEmptyDirs(path.join(dir, e.name));
  }
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}
