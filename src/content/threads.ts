/**
 * All threads of the site, loaded and validated once per process, in the order the index
 * shows them. Pages read content only through here.
 *
 * `npm run build` validates the content once (`check --snapshot`) and hands Next's workers
 * the result as a JSON snapshot (THREADS_SNAPSHOT), so that no worker parses every
 * file again: at 10,000 threads a parse costs seconds, reading the snapshot a fraction of one.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ContentError } from './errors';
import { loadContent } from './load';
import type { Thread } from './schema';

/** The content folder: `content/`, or `CONTENT_DIR` (benchmarks and tests build other folders). */
export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content');

/** Set by `npm run build` only: the snapshot that `check --snapshot` wrote just before `next build`. */
const SNAPSHOT = process.env.THREADS_SNAPSHOT;

type Snapshot = { contentDir: string; threads: Thread[] };

let cached: Thread[] | undefined;
let bySlug: Map<string, Thread> | undefined;

/** Every thread, newest question first, then by slug; throws a ContentError listing every problem. */
export function getThreads(): Thread[] {
  if (!cached) {
    if (SNAPSHOT) cached = readSnapshot(SNAPSHOT);
    else {
      const loaded = loadContent(CONTENT_DIR);
      if (loaded.problems.length > 0) throw new ContentError(loaded.problems, loaded.fileCount);
      cached = sortThreads(loaded.threads);
    }
  }
  return cached;
}

/** The thread with this slug; throws when there is none. A map, not a search: every page asks once. */
export function getThread(slug: string): Thread {
  bySlug ??= new Map(getThreads().map((t) => [t.slug, t]));
  const thread = bySlug.get(slug);
  if (!thread) throw new Error(`no thread with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
  return thread;
}

/** Writes the validated threads of `contentDir`, in index order, for `getThreads` in Next's workers. */
export function writeSnapshot(file: string, contentDir: string, threads: readonly Thread[]): void {
  const snapshot: Snapshot = { contentDir: path.resolve(contentDir), threads: sortThreads(threads) };
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(snapshot));
}

/** Reads a snapshot; refuses one made from another content folder than this build's. */
function readSnapshot(file: string): Thread[] {
  // Our own output, written from schema-checked threads a moment before this build started.
  const snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  if (snapshot.contentDir !== CONTENT_DIR) {
    throw new Error(`${file} was made from ${snapshot.contentDir}, not ${CONTENT_DIR}; run npm run build, which writes it fresh`);
  }
  return snapshot.threads;
}

/** Dated questions newest first, undated ones after them; ties by slug. */
export function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) => {
    const da = a.question.date ?? '';
    const db = b.question.date ?? '';
    if (da !== db) return da > db ? -1 : 1;
    return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  });
}
