/**
 * One error format for every content problem:
 * `content/<file>.md:<line>:<col> <field.path>: <message>`, one line each.
 */

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

/** Thrown for a thread, doctor, topic or page that the archive does not have: in `next dev` its page answers 404 (views.ts, staticProps). */
export class NotFound extends Error {
  override name = 'NotFound';
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
