/** The search step: which Pagefind runs, and that it reports success only for a complete bundle of every thread. */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { indexSearchBundle, indexerCommand, searchLayout } from '../src/export/search-index';
import { shardOf } from '../src/shard';
import { commonBits, fragmentUrls, slugBits } from './helpers/search';

/**
 * A minimal export: one thread page per entry, `true` when the page marks its article for search. It sits
 * in a folder of its own, where the indexer puts its linked copies, so that the test sees only the
 * indexer's own leftovers, not whatever else the temporary folder holds.
 */
function site(pages: Record<string, boolean>): string {
  const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'qa-search-')), 'out');
  mkdirSync(dir);
  for (const [slug, marked] of Object.entries(pages)) {
    mkdirSync(path.join(dir, 'threads', slug), { recursive: true });
    const article = `<article${marked ? ' data-pagefind-body' : ''}><h1>${slug}</h1><p>Masseter question ${slug}.</p></article>`;
    writeFileSync(
      path.join(dir, 'threads', slug, 'index.html'),
      `<!DOCTYPE html><html lang="en"><head><title>${slug}</title></head><body>${article}</body></html>`,
    );
  }
  return dir;
}

describe('search index', () => {
  let dir = '';
  afterEach(() => {
    if (dir) rmSync(path.dirname(dir), { recursive: true, force: true });
    dir = '';
  });

  it('is built by Pagefind 1.4: from 1.5 on, indexing 10,000 threads peaks at 2.5 GB against 1.1 GB (docs/performance.md)', () => {
    const manifest = path.resolve(__dirname, '..', 'node_modules', 'pagefind', 'package.json');
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    // Before moving on: measure the post-export step at 10,000 threads against the 1.5 GB budget.
    expect(version).toMatch(/^1\.4\./u);
  });

  it('resolves with the page count once the indexer has exited, every file of the bundle written', async () => {
    dir = site({ one: true, two: true, three: true });
    expect(await indexSearchBundle(dir, { path: '/pagefind/', slugs: ['one', 'two', 'three'] }, true)).toBe(3);
    const entry = JSON.parse(readFileSync(path.join(dir, 'pagefind', 'pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en?.page_count).toBe(3);
    expect(readdirSync(path.join(dir, 'pagefind', 'fragment'))).toHaveLength(3);
  });

  it('keeps threads that fit in one bundle together, and indexes a bundle of some threads on its own, from links to its pages', async () => {
    const slugs = ['apple', 'banana', 'cherry', 'date', 'elder'];
    dir = site(Object.fromEntries(slugs.map((s) => [s, true])));
    expect(searchLayout(slugs, 5)).toEqual([{ path: '/pagefind/', slugs }]);
    // Two bundles of the five, split by hand by the slug's hash.
    const bundles = [1, 2].map((n) => ({
      path: n === 1 ? '/pagefind/' : '/pagefind-2/',
      slugs: slugs.filter((s) => shardOf(s, 2) === n),
    }));
    expect(bundles.map((b) => b.slugs.length).sort()).toEqual([1, 4]);
    for (const bundle of bundles) expect(await indexSearchBundle(dir, bundle, false)).toBe(bundle.slugs.length);
    const urls = (bundle: string) => fragmentUrls(path.join(dir, bundle));
    for (const bundle of bundles)
      expect(urls(bundle.path.slice(1, -1))).toEqual(bundle.slugs.map((s) => `/threads/${s}/`));
    // The linked copies are gone; the pages are where they were.
    expect(readdirSync(path.dirname(dir)).filter((f) => f.startsWith('.search-bundle-'))).toEqual([]);
    expect(readdirSync(path.join(dir, 'threads'))).toHaveLength(5);
  });

  it('splits the threads by the bits of their hash until no bundle holds more than the most, and a split moves no other thread', () => {
    const slugs = Array.from({ length: 1000 }, (_, i) => `thread-${i}`);
    const layout = searchLayout(slugs, 100);
    // 1,000 threads in groups of 100 at most: 16 groups (4 bits) of about 62, a few split once more.
    expect(layout.length).toBeGreaterThanOrEqual(16);
    expect(layout.length).toBeLessThan(32);
    expect(layout.map((b) => b.path).slice(0, 3)).toEqual(['/pagefind/', '/pagefind-2/', '/pagefind-3/']);
    for (const bundle of layout) {
      expect(bundle.slugs.length).toBeGreaterThan(0);
      expect(bundle.slugs.length).toBeLessThanOrEqual(100);
      expect(bundle.slugs).toEqual([...bundle.slugs].sort());
      // Every thread of a bundle starts with the same bits, and no other thread does: the bundle is
      // one node of the split, and the node above it (one bit fewer) held more than the most.
      const node = commonBits(bundle.slugs);
      expect(node.length).toBeGreaterThanOrEqual(4);
      expect(slugs.filter((s) => slugBits(s).startsWith(node)).sort()).toEqual(bundle.slugs);
      const parent = node.slice(0, -1);
      expect(slugs.filter((s) => slugBits(s).startsWith(parent)).length).toBeGreaterThan(100);
    }
    // Numbered in the order of their bits, every thread in one.
    const firsts = layout.map((b) => slugBits(b.slugs[0] ?? ''));
    expect(firsts).toEqual([...firsts].sort());
    expect(layout.flatMap((b) => b.slugs).sort()).toEqual([...slugs].sort());
    expect(searchLayout([...slugs].reverse(), 100)).toEqual(layout);
    // Threads added to the fullest bundle past the most split it alone; every other bundle keeps its threads.
    const full = layout.reduce((a, b) => (b.slugs.length > a.slugs.length ? b : a));
    const fullNode = commonBits(full.slugs);
    const added: string[] = [];
    for (let i = 0; full.slugs.length + added.length <= 100; i += 1)
      if (slugBits(`added-${i}`).startsWith(fullNode)) added.push(`added-${i}`);
    const grown = searchLayout([...slugs, ...added], 100);
    const others = (l: typeof layout) => l.filter((b) => !slugBits(b.slugs[0] ?? '').startsWith(fullNode));
    expect(others(grown).map((b) => b.slugs)).toEqual(others(layout).map((b) => b.slugs));
    expect(grown.length).toBe(layout.length + 1);
    expect(
      grown
        .filter((b) => b.slugs.some((s) => slugBits(s).startsWith(fullNode)))
        .flatMap((b) => b.slugs)
        .sort(),
    ).toEqual([...full.slugs, ...added].sort());
  });

  it('fails when a thread page is left out of the index, naming both counts', async () => {
    // Once one page marks its article, Pagefind skips pages that do not: a thread nobody could find.
    dir = site({ one: true, two: false });
    await expect(indexSearchBundle(dir, { path: '/pagefind/', slugs: ['one', 'two'] }, true)).rejects.toThrow(
      'pagefind indexed 1 pages, but the archive has 2 threads',
    );
  });

  it("fails with the indexer's own message when it cannot build an index", async () => {
    dir = site({});
    await expect(indexSearchBundle(dir, { path: '/pagefind/', slugs: [] }, true)).rejects.toThrow(
      /^pagefind stopped with exit code 1:\nError: Pagefind was not able to build an index/u,
    );
  });

  it('runs the indexer on the first core this process may use, through taskset, and unpinned where taskset is missing or cannot pin', () => {
    const probes: string[][] = [];
    const works = (ok: boolean) => (command: string, args: string[]) => {
      probes.push([command, ...args]);
      return ok;
    };
    expect(indexerCommand('/bin/pagefind', '2,4-7', '/usr/bin/taskset', works(true))).toEqual({
      command: '/usr/bin/taskset',
      args: ['--cpu-list', '2', '/bin/pagefind'],
    });
    expect(indexerCommand('/bin/pagefind', '0-1', '/usr/bin/taskset', works(false))).toEqual({
      command: '/bin/pagefind',
      args: [],
    });
    expect(probes).toEqual([
      ['/usr/bin/taskset', '--cpu-list', '2', 'true'],
      ['/usr/bin/taskset', '--cpu-list', '0', 'true'],
    ]);
    expect(indexerCommand('/bin/pagefind', '0-1', undefined, works(true))).toEqual({
      command: '/bin/pagefind',
      args: [],
    });
    expect(indexerCommand('/bin/pagefind', undefined, '/usr/bin/taskset', works(true))).toEqual({
      command: '/bin/pagefind',
      args: [],
    });
    expect(indexerCommand('/bin/pagefind', 'garbage', '/usr/bin/taskset', works(true))).toEqual({
      command: '/bin/pagefind',
      args: [],
    });
    expect(probes).toHaveLength(2);
  });
});
