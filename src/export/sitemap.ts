/**
 * sitemap.xml and robots.txt, generated from the content layer's list of pages (not by reading
 * the exported HTML), with absolute addresses from SITE_URL and BASE_PATH.
 */

/** XML text: the five characters with a meaning in XML escaped. */
function xmlText(text: string): string {
  return text.replace(/[&<>"']/gu, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** A sitemap (sitemaps.org 0.9) listing `urls` in order. */
export function sitemapXml(urls: readonly string[]): string {
  const entries = urls.map((url) => `  <url><loc>${xmlText(url)}</loc></url>\n`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries}</urlset>\n`;
}

/** robots.txt: everything may be crawled; the sitemap's absolute address. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}
