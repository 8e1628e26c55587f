/**
 * sitemap.xml and robots.txt, made from the route table's list of pages (not by reading the
 * exported HTML), with absolute addresses from SITE_URL and BASE_PATH.
 */
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SITEMAP_MAX_URLS } from '../settings';

/** The sitemaps.org limit on one sitemap's bytes: 50 MB (52,428,800 bytes) uncompressed; its URLs: SITEMAP_MAX_URLS. */
const SITEMAP_MAX_BYTES = 52_428_800;

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const URLSET_HEAD = `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
const URLSET_TAIL = '</urlset>\n';
const URLSET_BYTES = Buffer.byteLength(URLSET_HEAD + URLSET_TAIL);

/** The files of a split sitemap: sitemap-1.xml, sitemap-2.xml, … */
const PART = /^sitemap-\d+\.xml$/u;

/** XML text: the five characters with a meaning in XML escaped. */
function xmlText(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** One URL of a sitemap. */
const urlEntry = (url: string): string => `  <url><loc>${xmlText(url)}</loc></url>\n`;
/** A sitemap (sitemaps.org 0.9) of these entries, in order. */
const urlset = (entries: readonly string[]): string => `${URLSET_HEAD}${entries.join('')}${URLSET_TAIL}`;

/** Consecutive runs of `entries`, each at most `maxUrls` long and, with the urlset around it, at most 50 MB. */
function split(entries: readonly string[], maxUrls: number): string[][] {
  const parts: string[][] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry);
    const last = parts.at(-1);
    if (last !== undefined && last.length < maxUrls && bytes + size <= SITEMAP_MAX_BYTES) {
      last.push(entry);
      bytes += size;
    } else {
      parts.push([entry]);
      bytes = URLSET_BYTES + size;
    }
  }
  return parts;
}

/**
 * The sitemap files of a site, file name and XML, `sitemap.xml` first. Up to `maxUrls` URLs (and
 * 50 MB) it is one urlset; above, `sitemap.xml` is a sitemap index of `sitemap-1.xml`,
 * `sitemap-2.xml`, … (at `<folderUrl>sitemap-<n>.xml`), which list `urls` in order, `maxUrls` a file.
 */
export function sitemapFiles(
  urls: readonly string[],
  folderUrl: string,
  maxUrls = SITEMAP_MAX_URLS,
): [string, string][] {
  const parts = split(urls.map(urlEntry), maxUrls);
  if (parts.length <= 1) return [['sitemap.xml', urlset(parts[0] ?? [])]];
  const files = parts.map((entries, k): [string, string] => [`sitemap-${k + 1}.xml`, urlset(entries)]);
  const index = files.map(([file]) => `  <sitemap><loc>${xmlText(folderUrl + file)}</loc></sitemap>\n`).join('');
  const indexXml = `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${index}</sitemapindex>\n`;
  return [['sitemap.xml', indexXml], ...files];
}

/** Writes `files` (from sitemapFiles) into `outDir`, first removing any sitemap-<n>.xml an earlier run left. */
export function writeSitemaps(outDir: string, files: readonly [string, string][]): void {
  for (const name of readdirSync(outDir)) if (PART.test(name)) rmSync(path.join(outDir, name));
  for (const [name, xml] of files) writeFileSync(path.join(outDir, name), xml);
}

/** robots.txt: everything may be crawled; the sitemap's absolute address. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
