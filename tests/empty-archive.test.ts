/**
 * A keeper who sets up the site before importing anything gets a site: an empty content folder
 * builds, its index says so, and its search page says there is nothing to search yet.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUT, listFiles, runBuild } from './helpers/build';

let build: ReturnType<typeof runBuild>;

beforeAll(() => {
  build = runBuild({ CONTENT_DIR: mkdtempSync(path.join(tmpdir(), 'qa-empty-')) });
});

describe('an empty archive', () => {
  it('builds, and says there is no search index', () => {
    expect(build.status, build.output).toBe(0);
    expect(build.stdout).toContain('postbuild: no thread, so no search index\n');
    expect(build.output).not.toMatch(/error/iu);
  });

  it('has the index, the directory, search and 404 pages, and no search bundle', () => {
    expect(listFiles(OUT).filter((f) => f.endsWith('.html'))).toEqual([
      '404.html',
      '404/index.html',
      'doctors/index.html',
      'index.html',
      'locations/index.html',
      'search/index.html',
      'specialties/index.html',
    ]);
    expect(listFiles(OUT).some((f) => f.startsWith('pagefind'))).toBe(false);
    expect(readFileSync(path.join(OUT, 'search-bundles.js'), 'utf8')).toContain('window.searchBundles = [];');
    const index = load(readFileSync(path.join(OUT, 'index.html'), 'utf8'));
    expect(index('main .archive-counts').text()).toBe('0 questions, 0 answers');
    expect(index('main').text()).toContain('No threads yet: add a file to the content folder.');
  });

  it('has a search page that loads no search engine and says there is nothing to search yet', () => {
    const html = readFileSync(path.join(OUT, 'search', 'index.html'), 'utf8');
    const $ = load(html);
    expect($('main p').text()).toBe('There is nothing to search yet: the archive holds no question.');
    expect($('script').length).toBe(0);
    expect(html).not.toContain('pagefind');
  });
});
