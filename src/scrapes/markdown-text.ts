/**
 * Plain text to markdown that renders as exactly that text. A scraped body is text, not markdown:
 * `*`, `_`, `[x](y)`, `# ` or `1. ` in it are characters someone typed and must stay visible.
 * Only what CommonMark would read as syntax is escaped, so ordinary prose stays as written.
 */

/** Characters that start markup anywhere in a line: emphasis, code, links, HTML and autolinks, escapes. */
const INLINE = /[\\`*_[\]<]/gu;
/** An ampersand that would be read as a character reference such as `&amp;` or `&#169;`. */
const ENTITY = /&(?=#?[a-z0-9]+;)/giu;
/** Line starts that open a block: heading, quote, list, thematic break, setext underline, fence. */
const BLOCK_START = /^([#>+\-=~])/u;
/** An ordered list marker: `1.` or `1)`. */
const ORDERED = /^(\d{1,9})([.)])/u;

/** Escapes one line of text (already trimmed, without leading spaces that would make code). */
export function escapeMarkdown(line: string): string {
  return line.replace(INLINE, '\\$&').replace(ENTITY, '\\&').replace(BLOCK_START, '\\$1').replace(ORDERED, '$1\\$2');
}
