/**
 * The schema.org items of a page's microdata, read as a search engine does (WHATWG HTML,
 * "Microdata"): each top-level `itemscope` element is an item; its properties are the `itemprop`
 * elements below it up to the next nested item, whose value is that nested item. Values: a
 * `meta`'s content, an `a`'s or `link`'s href (absolute, against the page's URL), a `time`'s
 * datetime, otherwise the element's text with runs of white space as one space.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export type Item = { type: string; properties: Record<string, (string | Item)[]> };

export function microdataItems($: CheerioAPI, pageUrl: string): Item[] {
  return $('[itemscope]')
    .filter((_, el) => $(el).attr('itemprop') === undefined)
    .map((_, el) => item($, el, pageUrl))
    .get();
}

function item($: CheerioAPI, scope: Element, pageUrl: string): Item {
  const properties: Record<string, (string | Item)[]> = {};
  const visit = (node: AnyNode) => {
    for (const child of $(node).children().toArray()) {
      const name = $(child).attr('itemprop');
      if (name !== undefined) (properties[name] ??= []).push(value($, child, pageUrl));
      if ($(child).attr('itemscope') === undefined) visit(child);
    }
  };
  visit(scope);
  return { type: $(scope).attr('itemtype') ?? '', properties };
}

function value($: CheerioAPI, el: Element, pageUrl: string): string | Item {
  if ($(el).attr('itemscope') !== undefined) return item($, el, pageUrl);
  if (el.tagName === 'meta') return $(el).attr('content') ?? '';
  if (el.tagName === 'a' || el.tagName === 'link') return new URL($(el).attr('href') ?? '', pageUrl).href;
  if (el.tagName === 'time') return $(el).attr('datetime') ?? $(el).text();
  return $(el).text().replace(/\s+/gu, ' ').trim();
}
