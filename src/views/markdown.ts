/**
 * The markdown renderer: remark with remark-html, sanitizing left on. Nothing edits the HTML
 * afterwards. Raw HTML in a body is shown as text (remark-html would otherwise drop it, and
 * `I use <ampersands>` would lose a word); headings are moved below the page's own headings.
 */
import { remark } from 'remark';
import remarkHtml from 'remark-html';
import type { Parent, Root, RootContent, Text } from 'mdast';

/** Inline nodes that hold inline children. */
const INLINE_PARENTS = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);
/** Nodes whose children are inline: raw HTML inside them stays inline. */
const PHRASING_PARENTS = new Set([...INLINE_PARENTS, 'paragraph', 'heading', 'tableCell']);

/** Turns raw HTML nodes into text, so that every character the writer typed is displayed. */
function rawHtmlAsText() {
  return (tree: Root) => {
    const walk = (parent: Parent) => {
      parent.children.forEach((node, i) => {
        if (node.type === 'html') {
          const text: Text = { type: 'text', value: node.value };
          // Block-level HTML becomes a paragraph of text; inline HTML stays inline.
          parent.children[i] = PHRASING_PARENTS.has(parent.type) ? text : { type: 'paragraph', children: [text] };
        } else if ('children' in node) walk(node);
      });
    };
    walk(tree);
  };
}

/** Moves every heading down by `levels`, capped at h6, to keep the page's outline in order. */
function demoteHeadings(levels: number) {
  return () => (tree: Root) => {
    const walk = (parent: Parent) => {
      for (const node of parent.children) {
        if (node.type === 'heading') node.depth = Math.min(6, node.depth + levels) as typeof node.depth;
        if ('children' in node) walk(node);
      }
    };
    walk(tree);
  };
}

const processors = new Map<number, ReturnType<typeof makeProcessor>>();

function makeProcessor(levels: number) {
  return remark().use(rawHtmlAsText).use(demoteHeadings(levels)).use(remarkHtml, { sanitize: true });
}

/**
 * Markdown to safe HTML. `headingLevel` is the level of the heading the text sits under:
 * a `#` heading in the text becomes one level below it.
 */
export function renderMarkdown(markdown: string, headingLevel: number): string {
  return renderMarkdownWithText(markdown, headingLevel).html;
}

/** `renderMarkdown` and `plainText` of the same markdown from one parse (a thread page needs both). */
export function renderMarkdownWithText(markdown: string, headingLevel: number): { html: string; text: string } {
  return renderPlainParagraphs(markdown) ?? renderWithRemark(markdown, headingLevel);
}

/**
 * Text where markdown could mean anything but paragraphs: markup characters, a character
 * reference, a line that starts or ends with a space or starts like a block (heading, quote,
 * list, rule, setext underline), or whitespace and control characters other than space and
 * line feed.
 */
const NOT_PLAIN =
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this must find
  /[*_`[\]<>\\~|]|&[#A-Za-z0-9]|[^\S\n ]|[\u0000-\u0009\u000b-\u001f\u007f]|^ | $|^(?:[-+=#]|\d+[.)])/mu;

/**
 * The quick path: most scraped answers are plain paragraphs, which remark would render as
 * `<p>` elements with only "&" escaped. Answers undefined for anything else, which goes through
 * remark; tests/render.test.ts compares both paths on plain and damaged texts.
 */
export function renderPlainParagraphs(markdown: string): { html: string; text: string } | undefined {
  const trimmed = markdown.replace(/^\n+|\n+$/gu, '');
  if (trimmed === '' || NOT_PLAIN.test(trimmed)) return undefined;
  const paragraphs = trimmed.split(/\n{2,}/u).map((p) => `<p>${p.replaceAll('&', '&#x26;')}</p>\n`);
  return { html: paragraphs.join(''), text: trimmed.replace(/\s+/gu, ' ') };
}

/** Markdown through remark: the full renderer, for any text. */
export function renderWithRemark(markdown: string, headingLevel: number): { html: string; text: string } {
  let processor = processors.get(headingLevel);
  if (!processor) {
    processor = makeProcessor(headingLevel);
    processors.set(headingLevel, processor);
  }
  const tree = processor.parse(markdown);
  const text = textOf(tree); // before the transforms, which rewrite the tree in place
  // Our transforms keep an mdast Root, which remark-html then compiles.
  return { html: processor.stringify(processor.runSync(tree) as Root), text };
}

/** The words of a markdown text without its markup, for excerpts and search descriptions. */
export function plainText(markdown: string): string {
  return renderPlainParagraphs(markdown)?.text ?? textOf(parser.parse(markdown));
}

const parser = remark();

function textOf(tree: Root): string {
  const words: string[] = [];
  const walk = (node: Root | RootContent) => {
    if ('value' in node && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'html'))
      words.push(node.value);
    if (node.type === 'break') words.push(' '); // a hard line break ends a word
    if ('children' in node) {
      for (const child of node.children) walk(child);
      if (!INLINE_PARENTS.has(node.type)) words.push(' '); // blocks end with a space; `**bo**ld` stays one word
    }
  };
  walk(tree);
  return words.join('').replace(/\s+/gu, ' ').trim();
}

/** The first `count` words of a text, with an ellipsis when cut. */
export function firstWords(text: string, count: number): string {
  const words = text.split(' ');
  if (words.length <= count) return text;
  const kept = words.slice(0, count).join(' ');
  // After a sentence's last mark, a bare "…" reads as a typo ("active.…"): set it apart.
  return /[.!?…]$/u.test(kept) ? `${kept} …` : `${kept}…`;
}
