/**
 * One error format for every content problem, and the one place that words them:
 * `content/<file>.md:<line>:<col> <field.path>: <message>`, one line each. The schema's own
 * messages quote the value (`describeValue`); `issueProblems` puts a schema issue at its line.
 */
import type { z } from 'zod';
import { positionOfChar } from './decode';

/** One thing wrong with one content file, at a 1-based line and column. */
export type Problem = {
  /** Path as the writer knows it, e.g. `content/botox.md`. */
  file: string;
  line: number;
  col: number;
  /** Field path such as `answers[2].doctor.rating.value`, or `(file)` / `(yaml)` for whole-file problems. */
  field: string;
  message: string;
};

/** Field label of problems with the file itself (encoding, delimiters, size). */
export const FILE_FIELD = '(file)';
/** Field label of YAML syntax problems that belong to no field. */
export const YAML_FIELD = '(yaml)';

/** Formats one problem as its single output line. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.col} ${p.field}: ${p.message}`;
}

/** Orders problems by file, then position, so output is stable. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.col - b.col,
  );
}

/** The summary line under a list of problems. */
export function summarize(problems: readonly Problem[], fileCount: number): string {
  const files = new Set(problems.map((p) => p.file)).size;
  if (problems.length === 0) return `${fileCount} ${plural(fileCount, 'file')} checked, no problems`;
  return `${problems.length} ${plural(problems.length, 'problem')} in ${files} of ${fileCount} ${plural(fileCount, 'file')}`;
}

/** Thrown when content is invalid: its message is the problem lines and the summary. */
export class ContentError extends Error {
  constructor(
    readonly problems: readonly Problem[],
    fileCount: number,
  ) {
    super([...sortProblems(problems).map(formatProblem), summarize(problems, fileCount)].join('\n'));
    this.name = 'ContentError';
  }
}

/** Formats a field path: `answers[2].doctor.name`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(front matter)' : out;
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}

/** Shows a value from a content file the way a writer would recognize it in a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (an empty value)';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'not-a-number (.nan)';
    if (!Number.isFinite(value)) return value > 0 ? 'infinity (.inf)' : 'minus infinity (-.inf)';
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Uint8Array) return 'binary data';
  if (typeof value === 'object') return 'a group of fields';
  return typeof value;
}

/** Where a field path sits in the source (yaml.ts, `ParsedYaml.locate`). */
type Locate = (path: readonly PropertyKey[], within?: { key: true } | { offset: number }) => { line: number; col: number };

/**
 * The problems of one schema issue, each at its line: an unknown key at the key, with the keys
 * `allowed` there; a problem in the question text at its line below the front matter (`body`
 * starting at line `bodyLine`); any other at its field's value, or at the offset inside it that
 * the schema names (`params.offset`).
 */
export function issueProblems(
  file: string,
  issue: z.core.$ZodIssue,
  locate: Locate,
  allowed: (path: readonly PropertyKey[]) => string[],
  body: string,
  bodyLine: number,
): Problem[] {
  const path = issue.path;
  if (issue.code === 'unrecognized_keys') {
    const keys = allowed(path).join(', ');
    return issue.keys.map((key) => ({
      file,
      ...locate([...path, key], { key: true }),
      field: formatPath([...path, key]),
      message: `unknown field ${JSON.stringify(key)}; allowed here: ${keys}`,
    }));
  }
  const offset = issue.code === 'custom' && typeof issue.params?.offset === 'number' ? issue.params.offset : undefined;
  const inBody = path.length === 2 && path[0] === 'question' && path[1] === 'body';
  const where = inBody ? inText(body, bodyLine, offset) : locate(path, offset === undefined ? undefined : { offset });
  return [{ file, ...where, field: formatPath(path), message: issue.message }];
}

/** A position in the markdown after the front matter. */
function inText(body: string, firstLine: number, offset = 0): { line: number; col: number } {
  const p = positionOfChar(body, Math.min(offset, body.length));
  return { line: firstLine + p.line - 1, col: p.col };
}
