/**
 * A scraped body's paragraphs to markdown that shows every source line as a line of its own.
 * Two or more consecutive lines opening with the same kind of marker (`- `, `* `, `• `, or
 * numbers `1.` / `1)` counting up by one) become a list; any other line inside a paragraph ends
 * with a hard line break (CommonMark's trailing backslash). All text is escaped by escapeMarkdown,
 * so what a reader sees is what was scraped, with list markers drawn by the list.
 */
import { escapeMarkdown } from './markdown-text';

/** One line of a scrape: its 1-based number and its text (spaces collapsed, ends trimmed; '' when blank). */
export type SourceLine = { n: number; text: string };

/** A body as markdown and, for each of its lines, the scrape line it was written from. */
export type BodyMarkdown = { markdown: string; lines: number[] };

/** A line that opens with a list marker: the bullet, or the number's delimiter, is its kind. */
type Item = { line: SourceLine; kind: string; number: number | undefined; text: string };

type Block = { list: false; lines: SourceLine[] } | { list: true; items: Item[] };

/** `- `, `* ` or `• `; the line may be the bullet alone (an empty item). */
const BULLET = /^([-*•])(?: (.*))?$/u;
/**
 * `1.` or `1)`, up to three digits: the page draws a list's numbers in the margin, which holds
 * "999." at 320 px (CommonMark would read nine digits). "01." would show as "1.". Such lines stay text.
 */
const NUMBERED = /^(0|[1-9]\d{0,2})([.)])(?: (.*))?$/u;
/** The marker written for each kind when the list before it does not already use it. */
const WRITTEN: Record<string, string> = { '-': '-', '•': '-', '*': '*', '.': '.', ')': ')' };
/** The other marker of the same list type: CommonMark joins adjacent lists that share a marker. */
const OTHER: Record<string, string> = { '-': '*', '*': '-', '.': ')', ')': '.' };

/** Spaces of every kind except the line break: non-breaking, thin, ideographic, tabs. */
export const SPACES = /[\t\v\f \u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+/gu;

/**
 * A body given as plain text (a JSON Lines scrape's), as markdown the way a text scrape's body
 * becomes markdown: each line's spaces collapsed and ends trimmed, blank lines between paragraphs,
 * runs of list lines as lists, every character shown as written.
 */
export function plainTextMarkdown(text: string): string {
  const lines = text.split(/\r\n?|\n/u).map((line, i) => ({ n: i + 1, text: line.replace(SPACES, ' ').trim() }));
  return bodyMarkdown(splitParagraphs(lines)).markdown;
}

/** Groups non-blank lines into paragraphs. */
export function splitParagraphs(lines: readonly SourceLine[]): SourceLine[][] {
  const out: SourceLine[][] = [];
  let current: SourceLine[] = [];
  for (const line of lines) {
    if (line.text !== '') current.push(line);
    else if (current.length > 0) {
      out.push(current);
      current = [];
    }
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Paragraphs to markdown that renders as exactly their lines, each line its own line on the page. */
export function bodyMarkdown(paras: readonly SourceLine[][]): BodyMarkdown {
  const chunks: { text: string[]; lines: number[] }[] = [];
  let previous = ''; // the marker of the list just written, or '' after text
  for (const block of paras.flatMap(blocksOf)) {
    if (block.list) {
      const first = block.items[0]?.kind ?? '-';
      const marker = WRITTEN[first] === previous ? (OTHER[previous] ?? previous) : (WRITTEN[first] ?? first);
      chunks.push({
        text: block.items.map((item) => itemMarkdown(item, marker)),
        lines: block.items.map((item) => item.line.n),
      });
      previous = marker;
    } else {
      // A backslash at the very end of a paragraph is no hard break in CommonMark, so the last line gets none.
      const last = block.lines.length - 1;
      chunks.push({
        text: block.lines.map((l, i) => `${escapeMarkdown(l.text)}${i < last ? '\\' : ''}`),
        lines: block.lines.map((l) => l.n),
      });
      previous = '';
    }
  }
  // The blank line between blocks keeps a list from swallowing the next paragraph (lazy continuation).
  const lines = chunks.flatMap((c, i) => (i === 0 ? c.lines : [c.lines[0] ?? 0, ...c.lines]));
  return { markdown: `${chunks.map((c) => c.text.join('\n')).join('\n\n')}\n`, lines };
}

/** A paragraph's lines as blocks: each run of list lines, and the lines between runs. */
function blocksOf(para: readonly SourceLine[]): Block[] {
  const blocks: Block[] = [];
  const text = (line: SourceLine) => {
    const last = blocks.at(-1);
    if (last && !last.list) last.lines.push(line);
    else blocks.push({ list: false, lines: [line] });
  };
  for (let i = 0; i < para.length;) {
    const run = runAt(para, i);
    if (run.length >= 2) blocks.push({ list: true, items: run });
    else text(para[i] as SourceLine);
    i += Math.max(run.length, 1);
  }
  return blocks;
}

/** The list lines from `start` on that share the first one's kind, numbers counting up by one. */
function runAt(para: readonly SourceLine[], start: number): Item[] {
  const run: Item[] = [];
  for (let i = start; i < para.length; i += 1) {
    const item = itemOf(para[i] as SourceLine);
    const prev = run.at(-1);
    if (!item || (prev && (item.kind !== prev.kind || (prev.number !== undefined && item.number !== prev.number + 1))))
      break;
    run.push(item);
  }
  return run;
}

/** The line as a list item, or undefined when it opens with no marker. */
function itemOf(line: SourceLine): Item | undefined {
  const bullet = BULLET.exec(line.text);
  if (bullet) return { line, kind: bullet[1] ?? '', number: undefined, text: bullet[2] ?? '' };
  const numbered = NUMBERED.exec(line.text);
  if (numbered) return { line, kind: numbered[2] ?? '', number: Number(numbered[1]), text: numbered[3] ?? '' };
  return undefined;
}

/** One list line: the marker (its number for an ordered list), then the item's text, escaped. */
function itemMarkdown(item: Item, marker: string): string {
  const text = escapeMarkdown(item.text);
  const written = item.number === undefined ? marker : `${item.number}${marker}`;
  return text === '' ? written : `${written} ${text}`;
}
