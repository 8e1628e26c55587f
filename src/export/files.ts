/** Listing an export folder: the one recursive walk the post-export step, tests and bench share. */
import { readdirSync, statSync } from 'node:fs';
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

/** What a folder holds, as static hosts count it: files, folders below it, and the files' bytes. */
export interface FolderUsage {
  files: number;
  folders: number;
  bytes: number;
}

/** The files, folders (those holding a file) and bytes below `dir`. */
export function folderUsage(dir: string): FolderUsage {
  const files = listFiles(dir);
  const folders = new Set(files.flatMap((f) => f.split('/').slice(0, -1).map((_, k, parts) => parts.slice(0, k + 1).join('/'))));
  const bytes = files.reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  return { files: files.length, folders: folders.size, bytes };
}
