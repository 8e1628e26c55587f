/**
 * Which archive this process reads (src/settings.ts decides):
 * - in `npm run build`, the snapshot its check wrote (snapshot.ts);
 * - in `npm run dev`, the content folder, read again whenever a page asks, so that an edit shows
 *   on the next reload without a restart (docs/content-format.md, "Previewing");
 * - otherwise the content folder, read and checked once.
 */
import path from 'node:path';
import { ContentError, formatProblem, sortProblems, summarize } from '../content/errors';
import type { Problem } from '../content/errors';
import { liveLoader, loadContent } from '../content/load';
import type { LiveReading } from '../content/load';
import { settings } from '../settings';
import { memoryArchive } from './archive';
import type { Archive } from './archive';
import { snapshotArchive } from './snapshot';

/** The content folder this process reads (absolute). */
export function contentDir(): string {
  return path.resolve(settings().contentDir);
}

let cached: Archive | undefined;

let live: { read: () => LiveReading; problems: Problem[]; fileCount: number; fresh: boolean } | undefined;

/**
 * The archive of this process: the build's snapshot, or the content folder read and checked in
 * memory; throws a ContentError listing every problem. In `npm run dev` it is read again on every
 * call, holds the valid threads and never throws for a problem: `contentProblems()` has them.
 */
export function getArchive(): Archive {
  const { snapshot, live: isLive } = settings();
  if (isLive) return liveArchive();
  if (!cached) {
    if (snapshot) cached = snapshotArchive(snapshot, contentDir());
    else {
      const loaded = loadContent(contentDir());
      if (loaded.problems.length > 0) throw new ContentError(loaded.problems, loaded.fileCount);
      cached = memoryArchive(contentDir(), loaded.threads);
    }
  }
  return cached;
}

/**
 * The archive the page being rendered was made from, for `_document` (which renders after the
 * page's getStaticProps): in `npm run dev` the folder as that getStaticProps read it a moment
 * ago, without listing it again; else getArchive().
 */
export function renderedArchive(): Archive {
  return settings().live && cached ? cached : getArchive();
}

/**
 * The problems of the content as `npm run dev` last read it (for this request, by the page's
 * getStaticProps), sorted, with the number of files read; none in a build, which stops at the first.
 */
export function contentProblems(): { problems: Problem[]; fileCount: number } {
  if (settings().live && !live) liveArchive();
  return { problems: live?.problems ?? [], fileCount: live?.fileCount ?? 0 };
}

/**
 * `npm run dev`: only the files whose size or time changed are parsed again (liveLoader), and
 * what spans the archive is computed when a page asks for it, in the new archive of each change:
 * no index outlives a reload.
 */
function liveArchive(): Archive {
  live ??= { read: liveLoader(contentDir()), problems: [], fileCount: 0, fresh: false };
  // A page calls getArchive several times while its props are made, all in one turn of the event
  // loop: the folder is listed once a turn (a request made after an edit is always a later turn).
  if (live.fresh && cached) return cached;
  live.fresh = true;
  setImmediate(() => {
    if (live) live.fresh = false;
  });
  const { loaded, changed } = live.read();
  if (changed || !cached) {
    cached = memoryArchive(contentDir(), loaded.threads);
    const before = live.problems.map(formatProblem).join('\n');
    live.problems = sortProblems(loaded.problems);
    live.fileCount = loaded.fileCount;
    // The terminal shows what the page shows, once a change, as `npm run check` prints it.
    const lines = live.problems.map(formatProblem);
    if (lines.join('\n') !== before) {
      if (lines.length > 0) console.error([...lines, summarize(live.problems, live.fileCount)].join('\n'));
      else console.log(`content: ${summarize([], live.fileCount)}`);
    }
  }
  return cached;
}
