/** Listing an export folder: the one recursive walk the post-export step, tests and bench share. */
import { readdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file below `dir` (hidden ones too), relative to it with `/` separators, sorted; folders
 * named in `skip` (relative paths) are not entered.
 */
export function listFiles(dir: string, skip: readonly string[] = []): string[] {
  const walk = (rel: string): string[] =>
    readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
      const child = rel === '' ? e.name : `${rel}/${e.name}`;
      if (!e.isDirectory()) return [child];
      return skip.includes(child) ? [] : walk(child);
    });
  return walk('').sort();
}
