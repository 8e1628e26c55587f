/**
 * Input limits that keep markdown rendering bounded. remark overflows its stack or turns
 * quadratic on some inputs; these cheap line scans refuse them before remark ever sees them,
 * so `npm run check` and the build report a line instead of hanging or printing a stack trace.
 * What remark costs on each kind of input, and so why each limit is where it is:
 * docs/content-format.md, "Limits on markdown bodies".
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
