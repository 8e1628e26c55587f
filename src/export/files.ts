/**
 * Export folders: the one recursive walk the post-export step, tests and bench share, and how a
 * finished build or merge is put in place.
 */
import { cpSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../settings';
import { SHARD_STAMP } from '../shard';

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

/** Every file below `dir` (as `listFiles` names them) with its size in bytes. */
export function fileSizes(dir: string): { file: string; size: number }[] {
  return listFiles(dir).map((file) => ({ file, size: statSync(path.join(dir, file)).size }));
}

/** The files, folders (those holding a file) and bytes of these files. */
export function usageOf(sizes: readonly { file: string; size: number }[]): FolderUsage {
  const folders = new Set(
    sizes.flatMap(({ file }) =>
      file
        .split('/')
        .slice(0, -1)
        .map((_, k, parts) => parts.slice(0, k + 1).join('/')),
    ),
  );
  const bytes = sizes.reduce((sum, f) => sum + f.size, 0);
  return { files: sizes.length, folders: folders.size, bytes };
}

/** The files, folders (those holding a file) and bytes below `dir`. */
export function folderUsage(dir: string): FolderUsage {
  return usageOf(fileSizes(dir));
}

/**
 * Whether `dir` may be replaced by a build or a merge: it does not exist, is empty, or is an
 * earlier build (an index.html beside _next/) or shard (its stamp). Anything else is the owner's,
 * and is never deleted.
 */
export function replaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (!statSync(dir).isDirectory()) return false;
  if (readdirSync(dir).length === 0) return true;
  return (
    existsSync(path.join(dir, SHARD_STAMP)) ||
    (existsSync(path.join(dir, 'index.html')) && existsSync(path.join(dir, '_next')))
  );
}

/** Puts the folder `from` at `to` (replacing an earlier build there), by renaming, or by copying when they are on different disks. */
export function moveFolder(from: string, to: string): void {
  const old = `${to}.old-${process.pid}`;
  if (existsSync(to)) renameSync(to, old);
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      if (existsSync(old)) renameSync(old, to);
      throw error;
    }
    cpSync(from, to, { recursive: true });
    rmSync(from, { recursive: true, force: true });
  }
  rmSync(old, { recursive: true, force: true });
}

/**
 * A folder named on the command line, as the caller meant it: npm runs scripts in the project's
 * folder, and says in INIT_CWD where `npm run` was typed.
 */
export function fromCaller(folder: string): string {
  return path.resolve(settings().callerDir ?? process.cwd(), folder);
}
