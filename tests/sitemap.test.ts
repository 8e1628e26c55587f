/** The sitemap files: one urlset up to the limit, above it an index of sitemap-<n>.xml (sitemaps.org 0.9). */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listFiles } from '../src/export/files';
import { robotsTxt, sitemapFiles, writeSitemaps } from '../src/export/sitemap';

const FOLDER = 'https://example.org/archive/';
const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const urlset = (urls: string[]) =>
  `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.map((u) => `  <url><loc>${u}</loc></url>\n`).join('')}</urlset>\n`;
/** 120 page addresses, the last with every character XML escapes. */
const urls = Array.from({ length: 120 }, (_, k) =>
  k === 119 ? `${FOLDER}threads/a&b<c>"d'/` : `${FOLDER}threads/t-${k + 1}/`,
);
const escaped = `${FOLDER}threads/a&#38;b&#60;c&#62;&#34;d&#39;/`;

describe('sitemap files', () => {
  it('are one sitemap.xml urlset, URLs in order and escaped, at or below the limit', () => {
    expect(sitemapFiles(urls.slice(118), FOLDER)).toEqual([
      ['sitemap.xml', urlset([`${FOLDER}threads/t-119/`, escaped])],
    ]);
    expect(sitemapFiles(urls, FOLDER, 120)).toEqual([['sitemap.xml', urlset([...urls.slice(0, 119), escaped])]]);
    expect(sitemapFiles([], FOLDER)).toEqual([
      ['sitemap.xml', `${HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n</urlset>\n`],
    ]);
  });

  it('above the limit are an index sitemap.xml of sitemap-1.xml to sitemap-3.xml, 50, 50 and 20 URLs in order', () => {
    expect(sitemapFiles(urls, FOLDER, 50)).toEqual([
      [
        'sitemap.xml',
        `${HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n` +
          '  <sitemap><loc>https://example.org/archive/sitemap-1.xml</loc></sitemap>\n' +
          '  <sitemap><loc>https://example.org/archive/sitemap-2.xml</loc></sitemap>\n' +
          '  <sitemap><loc>https://example.org/archive/sitemap-3.xml</loc></sitemap>\n' +
          '</sitemapindex>\n',
      ],
      ['sitemap-1.xml', urlset(urls.slice(0, 50))],
      ['sitemap-2.xml', urlset(urls.slice(50, 100))],
      ['sitemap-3.xml', urlset([...urls.slice(100, 119), escaped])],
    ]);
    expect(sitemapFiles(urls, FOLDER, 119).map(([file, xml]) => `${file} ${xml.split('<url>').length - 1}`)).toEqual([
      'sitemap.xml 0',
      'sitemap-1.xml 119',
      'sitemap-2.xml 1',
    ]);
  });

  it('escape the index addresses', () => {
    expect(sitemapFiles(urls.slice(0, 2), 'https://example.org/a&b/', 1)[0]?.[1]).toContain(
      '<loc>https://example.org/a&#38;b/sitemap-1.xml</loc>',
    );
  });

  it('split below 50,000 URLs when a sitemap would pass 50 MB (52,428,800 bytes) of escaped XML', () => {
    // Two addresses that make a sitemap of exactly 52,428,800 bytes once "&" is written "&#38;".
    const big = (k: number, extra = 0) =>
      `https://example.org/${k}/${'&'.repeat(10_000)}${'a'.repeat(26_164_298 + extra)}`;
    const count = (files: [string, string][]) =>
      files.map(([file, xml]) => `${file} ${xml.split('<url>').length - 1} ${Buffer.byteLength(xml)}`);
    expect(count(sitemapFiles([big(1), big(2)], FOLDER))).toEqual(['sitemap.xml 2 52428800']);
    const [index, ...parts] = sitemapFiles([big(1), big(2, 1)], FOLDER);
    expect(index?.[1]).toContain('<loc>https://example.org/archive/sitemap-2.xml</loc></sitemap>\n</sitemapindex>');
    expect(count(parts)).toEqual(['sitemap-1.xml 1 26214455', 'sitemap-2.xml 1 26214456']);
  });
});

describe('writing the sitemap files', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces the sitemaps of an earlier build, leaving sitemap-3.xml of a bigger one out, and nothing else', () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qa-sitemap-'));
    for (const file of [
      'sitemap.xml',
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-3.xml',
      'sitemap-notes.xml',
      'index.html',
    ])
      writeFileSync(path.join(dir, file), 'old');
    writeSitemaps(dir, sitemapFiles(urls.slice(0, 4), FOLDER, 2));
    expect(listFiles(dir)).toEqual([
      'index.html',
      'sitemap-1.xml',
      'sitemap-2.xml',
      'sitemap-notes.xml',
      'sitemap.xml',
    ]);
    expect(readFileSync(path.join(dir, 'sitemap-2.xml'), 'utf8')).toBe(urlset(urls.slice(2, 4)));
    writeSitemaps(dir, sitemapFiles(urls.slice(0, 4), FOLDER));
    expect(listFiles(dir)).toEqual(['index.html', 'sitemap-notes.xml', 'sitemap.xml']);
    expect(readFileSync(path.join(dir, 'sitemap.xml'), 'utf8')).toBe(urlset(urls.slice(0, 4)));
  });
});

describe('robots.txt', () => {
  it('allows everything and names the sitemap', () => {
    expect(robotsTxt(`${FOLDER}sitemap.xml`)).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/archive/sitemap.xml\n',
    );
  });
});
