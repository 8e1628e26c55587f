/**
 * All threads of the site, loaded and validated once per process, in the order the index
 * shows them. Pages read content only through here.
 */
import path from 'node:path';
import { ContentError } from './errors';
import { loadContent } from './load';
import type { Thread } from './schema';

/** The content folder: `content/`, or `CONTENT_DIR` (benchmarks and tests build other folders). */
export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content');

let cached: Thread[] | undefined;

/** Every thread, newest question first, then by slug; throws a ContentError listing every problem. */
export function getThreads(): Thread[] {
  if (!cached) {
    const loaded = loadContent(CONTENT_DIR);
    if (loaded.problems.length > 0) throw new ContentError(loaded.problems, loaded.fileCount);
    cached = sortThreads(loaded.threads);
  }
  return cached;
}

/** The thread with this slug; throws when there is none. */
export function getThread(slug: string): Thread {
  const thread = getThreads().find((t) => t.slug === slug);
  if (!thread) throw new Error(`no thread with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
  return thread;
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
