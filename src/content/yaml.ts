/**
 * Front matter YAML: YAML 1.2 core schema (dates and `1:30` stay text, `010` is ten), unique
 * keys, no anchors, aliases or tags. Two readings of the same rules:
 * - `parseFrontMatter`, with the `yaml` package: every node's position, so a problem can name
 *   the line and column where the writer must look;
 * - `readFrontMatterQuickly`, with js-yaml's event parser: about twice as fast, no positions,
 *   and it answers only for front matter the full reading accepts without a word. The loader
 *   tries it first and reads any file it declines, or any file with a problem, in full.
 */
import { constructFromEvents, EVENT_ID, parseEvents, SCALAR_STYLE } from 'js-yaml';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, visit } from 'yaml';
import type { Document } from 'yaml';
import { positionOfChar } from './decode';
import type { At } from './decode';

/** Where inside the located field: its key, or a character offset in its text value. */
export type Within = { key: true } | { offset: number };

export type ParsedYaml = {
  /** The plain data, or undefined when the YAML could not be trusted. */
  data: unknown;
  problems: At[];
  /** Where a field path sits in the source; see `locate`. */
  locate: (path: readonly PropertyKey[], within?: Within) => { line: number; col: number };
};

/** Friendlier words for the `yaml` package's error codes. */
const MESSAGES: Record<string, string> = {
  DUPLICATE_KEY: 'this key appears twice in the same group; keep one',
  TAB_AS_INDENT: 'tab used for indentation; indent with spaces',
  MULTIPLE_DOCS: 'a second YAML document starts here, after a "..." or "---" line; front matter is one document',
  BLOCK_AS_IMPLICIT_KEY: 'a value contains ": " (colon and space); put the whole value in quotes',
  MULTILINE_IMPLICIT_KEY: 'a key or value spans lines where YAML does not allow it; quote the value or fix the indentation',
  BAD_INDENT: 'the indentation does not match the lines around it',
  MISSING_CHAR: 'a quote or bracket is not closed',
  UNEXPECTED_TOKEN: 'unexpected character; if it is part of a value, put the value in quotes',
};

const TOO_DEEP = 'lists or groups nest too deeply to read; write plain key: value lines a few levels deep';
/** More brackets opened in a row than any thread needs; the match ends at the first bracket. */
const DEEP_FLOW = /(?<![[{][ \t\n,]*)[[{](?=(?:[ \t\n,]*[[{]){64})/u;
/**
 * A line indented over 200 spaces: deeper than any thread's fields, and deeper than a body's
 * markdown may nest (see limits.ts); the match ends at the line's first character.
 */
const DEEP_INDENT = /^ {201,}\S/mu;

/**
 * Parses front matter text as gray-matter hands it over: it starts right after the opening
 * `---`, so its line numbers are the file's.
 */
export function parseFrontMatter(source: string): ParsedYaml {
  // The parser recurses once per level of nesting and overflows its stack on deep nesting. Refuse early.
  const deep = tooDeep(source);
  if (deep) {
    const at = positionOfChar(source, deep.index + deep[0].length - 1);
    return { data: undefined, problems: [{ ...at, message: TOO_DEEP }], locate: () => at };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    merge: false,
    prettyErrors: false,
    strict: true,
    stringKeys: true,
  });
  const pos = (offset: number) => lineCounter.linePos(offset);
  const problems: (At & { offset: number })[] = [];
  const add = (offset: number, message: string) => problems.push({ ...pos(offset), offset, message });
  /** Source ranges of `{{ ... }}` values: the parser's own complaints inside them add nothing. */
  const templates: [number, number][] = [];
  visit(doc, {
    Alias(_key, node) {
      add(node.range?.[0] ?? 0, `aliases (*${node.source}) are not allowed; write the value out`);
    },
    Node(_key, node) {
      const start = node.range?.[0] ?? 0;
      if (!isAlias(node) && node.anchor) {
        // Like a tag, the anchor comes before the node's range.
        const at = source.lastIndexOf(`&${node.anchor}`, start);
        add(at === -1 ? start : at, `anchors (&${node.anchor}) are not allowed; write each value out`);
      }
      if (node.tag && !isAlias(node)) {
        // The node's range starts after its tag; point at the tag the writer typed.
        const written = shortTag(node.tag);
        const at = source.lastIndexOf(written, start);
        add(at === -1 ? start : at, `tags such as ${written} are not allowed; write plain values`);
      }
      if (isMap(node) && node.flow && source.slice(start, start + 2) === '{{') {
        const end = source.indexOf('}}', start);
        const shown = source.slice(start, end === -1 ? start + 40 : end + 2);
        templates.push([start, end === -1 ? start + 40 : end + 2]);
        add(start, `${JSON.stringify(shown)} is read as YAML braces; if it is text, put it in quotes`);
        return visit.SKIP;
      }
      if (isScalar(node) && node.type === Scalar.PLAIN && node.range) {
        const lineEnd = source.indexOf('\n', node.range[1]);
        const rest = source.slice(node.range[1], lineEnd === -1 ? undefined : lineEnd);
        const hash = /^[ \t]+#/u.exec(rest);
        if (hash) {
          add(
            node.range[1] + hash[0].length - 1,
            `" #" starts a YAML comment, so the text after it would be dropped; put the whole value in quotes`,
          );
        }
      }
      return undefined;
    },
  });
  const errors = [...doc.errors, ...doc.warnings].filter(
    // Tags are reported above, at the tag, in our words.
    (e) => e.code !== 'TAG_RESOLVE_FAILED' && !templates.some(([from, to]) => e.pos[0] >= from && e.pos[0] < to),
  );
  const exhausted = errors.filter((e) => e.code === 'RESOURCE_EXHAUSTION');
  // A tab in the indentation garbles the structure below it: report the tabs, not what follows.
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  if (exhausted.length > 0) {
    // Very deep nesting overflows the parser's stack once per level: report it once, at the line it starts.
    const first = Math.min(...exhausted.map((e) => e.pos[0]));
    const lineStart = source.lastIndexOf('\n', first - 1) + 1;
    const indent = /^[ \t]*/u.exec(source.slice(lineStart))?.[0].length ?? 0;
    add(lineStart + indent, TOO_DEEP);
  } else {
    for (const error of tabs.length > 0 ? tabs : errors) {
      add(error.pos[0], `invalid YAML: ${MESSAGES[error.code] ?? error.message.split('\n')[0] ?? error.code}`);
    }
  }
  problems.sort((a, b) => a.offset - b.offset);
  const root = doc.contents;
  if (problems.length === 0 && !isMap(root)) {
    const got = root === null ? 'nothing' : isSeq(root) ? 'a list' : 'a single value';
    add(root?.range?.[0] ?? 0, `front matter must be fields (key: value lines), got ${got}`);
  }
  const data: unknown = problems.length === 0 ? doc.toJS({ maxAliasCount: 0 }) : undefined;
  return {
    data,
    problems: problems.map(({ line, col, message }) => ({ line, col, message })),
    locate: (path, within) => locate(doc, source, path, within, pos),
  };
}

function tooDeep(source: string): RegExpExecArray | null {
  return DEEP_FLOW.exec(source) ?? DEEP_INDENT.exec(source);
}

/** A key both parsers read as the same string: a word, and not a YAML 1.2 null or boolean. */
const PLAIN_WORD_KEY = /^(?!(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$)[A-Za-z][A-Za-z0-9_]*$/u;

/**
 * A YAML 1.2 core int or float. Beyond the float range (long digits, exponents of three
 * digits) `yaml` reads Infinity where js-yaml keeps the text, so the quick reading declines them.
 */
const CORE_NUMBER = /^[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/u;
const LARGE_EXPONENT = /[eE][-+]?[0-9]{3}/u;

/** A plain value followed on its line by " #": YAML drops the rest of the line as a comment. */
const CUT_BY_COMMENT = /^[ \t]+#/u;

/**
 * The quick reading: the same data as `parseFrontMatter`, or undefined whenever the full
 * reading could have anything to say (a problem, or a position it alone knows). It declines
 * front matter with anchors, aliases, tags, directives, document markers, a plain value cut by
 * " #", deep nesting, `__proto__`, a key that is not a plain word, anything js-yaml refuses
 * (duplicate keys, tabs in the indentation), and anything but fields at the top. js-yaml's
 * CORE_SCHEMA resolves scalars by the same YAML 1.2 rules as `yaml`; tests/yaml-readings.test.ts
 * compares the two readings on every fixture and on damaged files. `locate` knows where the
 * slug and each topic (a plain or quoted item of a top-level `topics` list) are; for any other
 * field it falls back to the full reading.
 */
export function readFrontMatterQuickly(source: string): ParsedYaml | undefined {
  // The loader turns every line ending into "\n"; a lone "\r" is read differently by the two parsers.
  if (tooDeep(source) || source.includes('__proto__') || source.includes('\r')) return undefined;
  let data: unknown;
  let slugStart: number | undefined;
  /** Where each item of the top-level `topics` list starts; undefined for an item of another kind. */
  const topicStarts: (number | undefined)[] = [];
  try {
    const events = parseEvents(source, {});
    /** Open collections (the document first); for a mapping, whether its next node is a key. */
    const open: { map: boolean; key: boolean }[] = []; // key is always false for a list
    const nodeDone = () => {
      const parent = open.at(-1);
      if (parent?.map) parent.key = !parent.key;
    };
    let slugNext = false;
    let topicsNext = false;
    /** The top-level `topics` value is the open list. */
    let inTopics = false;
    for (const event of events) {
      if (event.type === EVENT_ID.DOCUMENT) {
        if (open.length > 0 || event.explicitStart || event.explicitEnd || event.directives.length > 0) return undefined;
        open.push({ map: false, key: false });
      } else if (event.type === EVENT_ID.POP) {
        open.pop();
        if (open.length === 2) inTopics = false;
        nodeDone();
      } else if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) {
        return undefined;
      } else {
        if (open.length === 1 && event.type !== EVENT_ID.MAPPING) return undefined; // fields at the top, or nothing
        const text = event.type === EVENT_ID.SCALAR ? source.slice(event.valueStart, event.valueEnd) : '';
        const plain = event.type === EVENT_ID.SCALAR && event.style === SCALAR_STYLE.PLAIN;
        const isKey = open.at(-1)?.key === true;
        // Keys that are plain words are strings to both parsers; leave any other key to the full reading.
        if (isKey && !(plain && PLAIN_WORD_KEY.test(text))) return undefined;
        if (open.length === 2) {
          if (slugNext && event.type === EVENT_ID.SCALAR) slugStart = scalarStart(event, plain, text);
          inTopics = topicsNext && event.type === EVENT_ID.SEQUENCE;
          slugNext = isKey && text === 'slug';
          topicsNext = isKey && text === 'topics';
        } else if (open.length === 3 && inTopics) {
          topicStarts.push(event.type === EVENT_ID.SCALAR ? scalarStart(event, plain, text) : undefined);
        }
        if (event.type !== EVENT_ID.SCALAR) {
          const map = event.type === EVENT_ID.MAPPING;
          open.push({ map, key: map });
          continue;
        }
        if (plain) {
          if ((text.length > 300 || LARGE_EXPONENT.test(text)) && CORE_NUMBER.test(text)) return undefined;
          const lineEnd = source.indexOf('\n', event.valueEnd);
          if (CUT_BY_COMMENT.test(source.slice(event.valueEnd, lineEnd === -1 ? undefined : lineEnd))) return undefined;
        }
        nodeDone();
      }
    }
    const documents = constructFromEvents(events, { source, maxAliases: 0 });
    if (documents.length !== 1) return undefined;
    data = documents[0];
  } catch {
    return undefined; // refused or crashed: the full reading says why, with a position
  }
  let full: ParsedYaml | undefined;
  return {
    data,
    problems: [],
    locate: (path, within) => {
      const start =
        within !== undefined ? undefined
        : path.length === 1 && path[0] === 'slug' ? slugStart
        : path.length === 2 && path[0] === 'topics' && typeof path[1] === 'number' ? topicStarts[path[1]]
        : undefined;
      return start !== undefined ? positionOfChar(source, start) : (full ??= parseFrontMatter(source)).locate(path, within);
    },
  };
}

/**
 * Where the full reading places a scalar: `yaml` places a quoted value at its opening quote,
 * js-yaml at its first character. Undefined for an empty plain value or a block scalar.
 */
function scalarStart(event: { valueStart: number; style: number }, plain: boolean, text: string): number | undefined {
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return (plain && text !== '') || quoted ? event.valueStart - (quoted ? 1 : 0) : undefined;
}

function shortTag(tag: string): string {
  return tag.replace(/^tag:yaml\.org,2002:/u, '!!');
}

/**
 * Position of a field path: its value when it exists, otherwise the nearest existing parent key.
 * `within` asks for the key itself (an unknown key), or a position inside a block literal (`|`).
 */
function locate(
  doc: Document,
  source: string,
  path: readonly PropertyKey[],
  within: Within | undefined,
  pos: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  let node: unknown = doc.contents;
  let keyAt = 0; // start of the innermost key (or list item) found so far
  for (const [i, key] of path.entries()) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return pos(keyAt);
      keyAt = isNode(pair.key) ? (pair.key.range?.[0] ?? keyAt) : keyAt;
      if (within && 'key' in within && i === path.length - 1) return pos(keyAt);
      node = pair.value;
      if (!isNode(node)) return pos(keyAt);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      if (!isNode(node)) return pos(keyAt);
      keyAt = node.range?.[0] ?? keyAt;
    } else {
      return pos(keyAt);
    }
  }
  if (within && 'offset' in within && isScalar(node) && node.type === Scalar.BLOCK_LITERAL && node.range) {
    return positionInLiteral(source, node, within.offset, pos);
  }
  return pos(isNode(node) ? (node.range?.[0] ?? keyAt) : keyAt);
}

/** In a `|` block, value line k is source line k after the header line, indented. */
function positionInLiteral(
  source: string,
  node: Scalar,
  offset: number,
  pos: (offset: number) => { line: number; col: number },
): { line: number; col: number } {
  const value = String(node.value);
  const before = value.slice(0, offset);
  const lineInValue = before.split('\n').length - 1;
  const colInValue = offset - (before.lastIndexOf('\n') + 1);
  const header = pos(node.range?.[0] ?? 0);
  const headerIndex = header.line - 1;
  const valueLine = value.split('\n')[lineInValue] ?? '';
  const sourceLine = source.split('\n')[headerIndex + 1 + lineInValue] ?? '';
  const indent = Math.max(0, sourceLine.length - valueLine.length);
  return { line: header.line + 1 + lineInValue, col: indent + colInValue + 1 };
}
