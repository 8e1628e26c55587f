/**
 * The route table (src/routes/table.ts): one entry for every page file, the sitemap's pages in
 * order, the keys shards split pages by, and the header's sections.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryArchive } from '../src/archive/archive';
import { ThreadSchema } from '../src/content/schema';
import { GROUPINGS } from '../src/archive/groups';
import { ROUTES, contentPaths, headerSections, pageNames, sectionOf, shardKey } from '../src/routes/table';
import { GROUP_FOLDER } from '../src/site';
import { listFiles } from './helpers/build';

const PAGES = path.join(__dirname, '..', 'src', 'pages');

/** A page file's Next page name: `topics/[slug]/index.tsx` is `/topics/[slug]`. */
const pageName = (file: string) => `/${file.replace(/\.tsx$/u, '').replace(/(^|\/)index$/u, '')}`;

const archive = memoryArchive('/archive', [
  ThreadSchema.parse({
    slug: 'jaw',
    title: 'Jaw',
    topics: ['Botox'],
    question: { body: 'Question.', date: '2021-01-01' },
    source: { site: 'Example' },
    answers: [
      {
        headline: 'A',
        body: 'B.',
        doctor: { name: 'Ann Lee', credentials: ['MD'], location: 'Paris', specialty: 'Dermatologist' },
      },
    ],
  }),
  ThreadSchema.parse({
    slug: 'knee',
    title: 'Knee',
    question: { body: 'Question.' },
    source: { site: 'Example' },
    answers: [{ headline: 'A', body: 'B.' }],
  }),
]);

describe('the route table', () => {
  it('has exactly one entry for every page file, and every page file names its own route', () => {
    const files = listFiles(PAGES).filter((f) => !f.startsWith('_'));
    expect(files.map(pageName).sort()).toEqual(pageNames().sort());
    for (const file of files) {
      const text = readFileSync(path.join(PAGES, file), 'utf8');
      const named = [...text.matchAll(/static(?:Paths|Props)\('([^']*)'\)/gu)].map((m) => m[1]);
      expect(new Set(named), file).toEqual(new Set(named.length === 0 ? [] : [pageName(file)]));
      // The Pages Router reads this literal in each file: without it a page ships Next's runtime.
      expect(text, file).toContain('export const config: PageConfig = { unstable_runtimeJS: false };');
      expect(text.includes('staticPaths('), file).toBe(file.includes('['));
    }
  });

  it('has the list and the group pages of every kind of group', () => {
    const names = pageNames();
    const kinds = Object.keys(GROUPINGS) as (keyof typeof GROUP_FOLDER)[];
    expect(kinds.sort()).toEqual(Object.keys(GROUP_FOLDER).sort());
    for (const kind of kinds) {
      const folder = `/${GROUP_FOLDER[kind]}`;
      expect(names, kind).toEqual(
        expect.arrayContaining([folder, `${folder}/page/[n]`, `${folder}/[slug]`, `${folder}/[slug]/page/[n]`]),
      );
    }
  });

  it('lists every page for the sitemap in order: index, threads, directory, doctors, specialties, places, topics', () => {
    expect(contentPaths(archive)).toEqual([
      '/',
      '/threads/jaw/',
      '/threads/knee/',
      '/doctors/',
      '/doctors/ann-lee-paris/',
      '/specialties/',
      '/specialties/dermatologist/',
      '/locations/',
      '/locations/paris/',
      '/topics/',
      '/topics/botox/',
    ]);
  });

  it('has no topic pages and no Topics link for an archive without topics', () => {
    const bare = memoryArchive('/bare', [archive.thread('knee').thread]);
    expect(contentPaths(bare)).toEqual(['/', '/threads/knee/', '/doctors/', '/specialties/', '/locations/']);
    expect(() => ROUTES.topics.props(bare, { slug: '', n: 1 })).toThrow('this archive has no /topics pages');
    expect(headerSections(bare).map((s) => s.label)).toEqual(['Questions', 'Doctors', 'Search']);
    expect(headerSections(archive)).toEqual([
      { section: 'questions', label: 'Questions', path: '/' },
      { section: 'topics', label: 'Topics', path: '/topics/' },
      { section: 'doctors', label: 'Doctors', path: '/doctors/' },
      { section: 'search', label: 'Search', path: '/search/' },
    ]);
  });

  it('puts each page in its header section', () => {
    expect(
      [
        '/',
        '/page/[n]',
        '/threads/[slug]',
        '/topics/[slug]/page/[n]',
        '/locations',
        '/doctors/[slug]',
        '/search',
        '/404',
        '/_error',
      ].map(sectionOf),
    ).toEqual(['questions', 'questions', 'questions', 'topics', 'doctors', 'doctors', 'search', null, null]);
  });

  it('gives a shard a page by its parameters joined by "/"', () => {
    expect(shardKey({ slug: 'jaw', n: 1 }, false)).toBe('jaw');
    expect(shardKey({ slug: 'ann-lee-paris', n: 3 }, true)).toBe('ann-lee-paris/3');
    expect(shardKey({ slug: '', n: 2 }, true)).toBe('2');
  });
});
