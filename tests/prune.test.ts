import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../src/export/files';
import { pruneUnreferenced } from '../src/export/prune';

/** An exported site in a temporary folder: `files` maps paths to contents. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'prune-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('the post-export prune', () => {
  it('removes every file under _next that no page references, and the folders left empty', async () => {
    const dir = site({
      'index.html': '<link rel="stylesheet" href="/_next/static/css/a.css"><a href="/threads/x/">x</a>',
      'threads/x/index.html': '<link href="/_next/static/css/b.css?v=1"><img src="/_next/static/media/logo.png">',
      'search/index.html': '<script src="/_next/static/chunks/search.js" defer></script>',
      '_next/static/css/a.css': 'css',
      '_next/static/css/b.css': 'css',
      '_next/static/media/logo.png': 'png',
      '_next/static/chunks/search.js': 'js',
      '_next/static/chunks/framework.js': 'js',
      '_next/data/build/threads/x.json': '{}',
      'pagefind/pagefind.js': 'js',
    });
    expect(await pruneUnreferenced(dir)).toEqual([
      '_next/data/build/threads/x.json',
      '_next/static/chunks/framework.js',
    ]);
    expect(listFiles(dir).sort()).toEqual([
      '_next/static/chunks/search.js',
      '_next/static/css/a.css',
      '_next/static/css/b.css',
      '_next/static/media/logo.png',
      'index.html',
      'pagefind/pagefind.js',
      'search/index.html',
      'threads/x/index.html',
    ]);
  });

  it('reads references under the base path, and nothing outside it', async () => {
    const dir = site({
      'index.html': '<link href="/archive/_next/static/css/a.css"><link href="/_next/static/css/b.css">',
      '_next/static/css/a.css': 'css',
      '_next/static/css/b.css': 'css',
    });
    expect(await pruneUnreferenced(dir, '/archive')).toEqual(['_next/static/css/b.css']);
  });
});
