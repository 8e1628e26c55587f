/**
 * Input limits that keep markdown rendering bounded. remark overflows its stack or turns
 * quadratic on some inputs; these cheap line scans refuse them before remark ever sees them,
 * so `npm run check` and the build report a line instead of hanging or printing a stack trace.
 *
 * remark 15 + remark-html 16, measured on this machine (2 cores shared with other jobs, Node 20):
 * - `> ` nested 1,500 deep (3 KB): stack overflow; 800 deep: 58 ms; 32 deep: 6 ms.
 * - a list nested 300 deep (91 KB): 2.0 s; 600 deep (362 KB): 9.2 s; 64 deep: 45 ms.
 * - `*a` repeated in one paragraph: 5,000 times 0.42 s, 10,000 times 0.92 s, 40,000 times about 20 s.
 * - `[a](` repeated in one paragraph: 5,000 times 0.56 s, 10,000 times 1.1 s, 100,000 times over 40 s.
 * - many container blocks (parse only): 1,000 separate `> a` quotes 1.8 s, 2,000 list items 2.1 s,
 *   5,000 quotes 24 s, 20,000 quotes (100 KB) 159 s.
 * - prose with links and bold: 0.27 s per 100,000 characters; prose dense with `*a*` and `_b_`: 2 s.
 * - under the limits below: 100 KB of paragraphs holding 200 `*a` each 3.7 s (hence the 50,000 cap),
 *   32-deep quotes repeated 400 times 0.6 s.
 * So one body renders in about 2 s at worst; the 1,000,000-byte file cap bounds a whole file.
 */

/** Blockquotes and lists nested deeper than this are refused (quote and list markers, plus indentation). */
export const MAX_NESTING = 32;
/** Emphasis and link marks (`*`, `_`, `[`) in one paragraph above this are refused. */
export const MAX_MARKS_PER_PARAGRAPH = 200;
/** A body (the question or one answer) longer than this is refused. */
export const MAX_BODY_CHARS = 50_000;
/** Lines that open a quote or a list item, per body, above this are refused. */
export const MAX_CONTAINER_LINES = 500;

/** A limit a text breaks: where (a character offset in it) and what to tell the writer. */
export type Breach = { offset: number; message: string };

/** Quote and list markers at the start of a line, with the spaces around them. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)))*/u;
const MARKER = />|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)/gu;

/** The first limit `text` breaks, or undefined when remark can render it quickly. */
export function markdownLimitBreach(text: string, label: string): Breach | undefined {
  let marks = 0;
  let containers = 0;
  let paragraphStart = -1;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const prefix = CONTAINER_PREFIX.exec(line)?.[0] ?? '';
    const depth = nesting(prefix, line);
    if (depth > MAX_NESTING) {
      return {
        offset: lineStart,
        message: `${label} nests quotes or lists ${depth} levels deep on this line; at most ${MAX_NESTING} levels are allowed`,
      };
    }
    if (prefix.trim() !== '') {
      containers += 1;
      if (containers > MAX_CONTAINER_LINES) {
        return {
          offset: lineStart,
          message: `${label} has more than ${MAX_CONTAINER_LINES} lines starting a quote or a list item; split it`,
        };
      }
    }
    if (/^[ \t>]*$/u.test(line)) {
      marks = 0; // a blank line (or an empty quote line) ends the paragraph
      paragraphStart = -1;
    } else {
      if (paragraphStart === -1) paragraphStart = lineStart;
      marks += countMarks(line, prefix.length);
      if (marks > MAX_MARKS_PER_PARAGRAPH) {
        return {
          offset: paragraphStart,
          message: `${label} has more than ${MAX_MARKS_PER_PARAGRAPH} of the marks * _ [ in the paragraph starting here; split the paragraph, or write \\* \\_ \\[ for the plain characters`,
        };
      }
    }
    lineStart = lineEnd + 1;
  }
  if (text.length > MAX_BODY_CHARS) {
    return {
      offset: 0,
      message: `${label} is ${text.length.toLocaleString('en-US')} characters long; at most ${MAX_BODY_CHARS.toLocaleString('en-US')} are allowed, split it`,
    };
  }
  return undefined;
}

/** Nesting of a line: its quote and list markers, plus one level per two columns of indentation. */
function nesting(prefix: string, line: string): number {
  let columns = 0;
  for (const ch of /^[ \t]*/u.exec(line)?.[0] ?? '') columns = ch === '\t' ? columns + 4 - (columns % 4) : columns + 1;
  return (prefix.match(MARKER)?.length ?? 0) + Math.floor(columns / 2);
}

/** Unescaped `*`, `_` and `[` in a line after its container prefix. */
function countMarks(line: string, from: number): number {
  let count = 0;
  for (let i = from; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === '\\') i += 1;
    else if (ch === '*' || ch === '_' || ch === '[') count += 1;
  }
  return count;
}
