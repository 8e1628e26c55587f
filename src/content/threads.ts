/**
 * The archive as pages read it: every thread validated once, the work that spans the archive
 * (index order, related threads, doctors) done once. Pages read content only through here.
 *
 * `npm run build` validates the content once (`check --snapshot <dir>`) and writes the result as
 * a snapshot folder: a small manifest (every slug in index order, counts, doctors, topics), one
 * file per thread, per doctor and per topic, and the doctor directory. Next's page workers (THREADS_SNAPSHOT) read the manifest and only
 * the files of the page they render, so a worker's memory is bounded by a page, not by the
 * archive (at 50,000 threads each worker held the whole archive and grew to 2.3 GB).
 * Without a snapshot (`next dev`, tests) the same archive is built in memory from CONTENT_DIR;
 * `next dev` reads it again on every page (LIVE_CONTENT).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { byName, directoryOf } from './directory';
import type { DirectoryEntry } from './directory';
import { collectDoctors } from './doctors';
import type { DoctorProfile } from './doctors';
import { ContentError, NotFound, formatProblem, sortProblems, summarize } from './errors';
import type { Problem } from './errors';
import { liveLoader, loadContent } from './load';
import type { LiveReading } from './load';
import { relatedFinder } from './related';
import type { RelatedThread } from './related';
import { topicSlug } from './schema';
import type { Thread } from './schema';

/** The content folder: `content/`, or `CONTENT_DIR` (benchmarks and tests build other folders). */
export const CONTENT_DIR = path.resolve(process.env.CONTENT_DIR ?? 'content');

/** Set by `npm run build` only: the snapshot folder that `check --snapshot` wrote just before `next build`. */
const SNAPSHOT = process.env.THREADS_SNAPSHOT;

/** What every page may need about the whole archive; small at any size (about 60 bytes a thread). */
export type Manifest = {
  /** The content folder the archive was read from (absolute). */
  contentDir: string;
  /** Every thread's slug, in index order (newest question first). */
  slugs: string[];
  /** Answers in the whole archive. */
  answerCount: number;
  /** Every doctor, by slug, with their number of answers. */
  doctors: { slug: string; answerCount: number }[];
  /** Every topic, A to Z, with its number of threads; empty when no thread names one. */
  topics: { slug: string; name: string; threadCount: number }[];
  /**
   * Snapshot only: SHA-256 of the SHA-256 of every thread's JSON as validated, one a line, in
   * index order; equal for two builds exactly when their content is (everything else is computed
   * from it). `npm run merge` refuses shards whose digests differ.
   */
  digest?: string;
};

/** One thread and what the archive says about it. */
export type ThreadRecord = { thread: Thread; related: RelatedThread[] };

export type Archive = {
  manifest: Manifest;
  /** The thread with this slug; throws when there is none. */
  record(slug: string): ThreadRecord;
  /** The doctor with this slug; throws when there is none. */
  doctor(slug: string): DoctorProfile;
  /** Every doctor, A to Z (read on first use: only directory pages need it). */
  directory(): DirectoryEntry[];
  /** The slugs of the threads of a topic, in index order; throws for an unknown topic. */
  topic(slug: string): string[];
};

let cached: Archive | undefined;

/**
 * `next dev` (and no snapshot): the content folder is read again whenever a page asks for the
 * archive, so an edit shows on the next reload without a restart. Only the files whose size or
 * time changed are parsed again (liveLoader), and what spans the archive is computed lazily, so
 * a reload after one edit costs a folder listing and that file (README, "Writing and previewing").
 */
export const LIVE_CONTENT = !SNAPSHOT && process.env.NODE_ENV === 'development';

let live: { read: () => LiveReading; problems: Problem[]; fileCount: number; fresh: boolean } | undefined;

/**
 * The archive of this process: the build's snapshot, or CONTENT_DIR read and checked in memory;
 * throws a ContentError listing every problem. With LIVE_CONTENT it is read again on every call,
 * holds the valid threads and never throws for a problem: `contentProblems()` has them.
 */
export function getArchive(): Archive {
  if (LIVE_CONTENT) return liveArchive();
  if (!cached) {
    if (SNAPSHOT) cached = snapshotArchive(SNAPSHOT);
    else {
      const loaded = loadContent(CONTENT_DIR);
      if (loaded.problems.length > 0) throw new ContentError(loaded.problems, loaded.fileCount);
      cached = memoryArchive(CONTENT_DIR, loaded.threads);
    }
  }
  return cached;
}

/**
 * The archive the page being rendered was made from, for `_document` (which renders after the
 * page's getStaticProps): in `next dev` the folder as that getStaticProps read it a moment ago,
 * without listing it again; else getArchive().
 */
export function renderedArchive(): Archive {
  return LIVE_CONTENT && cached ? cached : getArchive();
}

/**
 * The problems of the content as `next dev` last read it (for this request, by the page's
 * getStaticProps), sorted, with the number of files read; none in a build, which stops at the first.
 */
export function contentProblems(): { problems: Problem[]; fileCount: number } {
  if (LIVE_CONTENT && !live) liveArchive();
  return { problems: live?.problems ?? [], fileCount: live?.fileCount ?? 0 };
}

function liveArchive(): Archive {
  live ??= { read: liveLoader(CONTENT_DIR), problems: [], fileCount: 0, fresh: false };
  // A page calls getArchive several times while its props are made, all in one turn of the event
  // loop: the folder is listed once a turn (a request made after an edit is always a later turn).
  if (live.fresh && cached) return cached;
  live.fresh = true;
  setImmediate(() => {
    if (live) live.fresh = false;
  });
  const { loaded, changed } = live.read();
  if (changed || !cached) {
    cached = memoryArchive(CONTENT_DIR, loaded.threads);
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

/**
 * The archive of `threads`, validated threads of `contentDir`, computed in memory. Related
 * threads are scored when a thread is asked for, and doctors gathered when first needed, so
 * that a page of `next dev` pays only for what it shows; a build asks for all of it.
 */
export function memoryArchive(contentDir: string, threads: readonly Thread[]): Archive {
  const sorted = sortThreads(threads);
  const bySlug = new Map(sorted.map((t, i) => [t.slug, { thread: t, i }]));
  let findRelated: ((i: number) => RelatedThread[]) | undefined;
  const related = new Map<string, RelatedThread[]>();
  let doctorData: { list: DoctorProfile[]; counts: Manifest['doctors']; bySlug: Map<string, DoctorProfile>; directory: DirectoryEntry[] } | undefined;
  const doctors = () => {
    if (!doctorData) {
      const list = collectDoctors(sorted);
      doctorData = { list, counts: list.map((d) => ({ slug: d.slug, answerCount: d.answers.length })), bySlug: new Map(list.map((d) => [d.slug, d])), directory: directoryOf(list) };
    }
    return doctorData;
  };
  // One spelling per topic slug across the archive is a content rule (load.ts), so the first is the one.
  const topics = new Map<string, { slug: string; name: string; threads: string[] }>();
  for (const t of sorted) {
    for (const name of t.topics ?? []) {
      const slug = topicSlug(name);
      let topic = topics.get(slug);
      if (!topic) topics.set(slug, (topic = { slug, name, threads: [] }));
      topic.threads.push(t.slug);
    }
  }
  const topicList = [...topics.values()].sort(byName((t) => t.name, (t) => t.slug));
  return {
    manifest: {
      contentDir: path.resolve(contentDir),
      slugs: sorted.map((t) => t.slug),
      answerCount: sorted.reduce((sum, t) => sum + t.answers.length, 0),
      get doctors() {
        return doctors().counts;
      },
      topics: topicList.map((t) => ({ slug: t.slug, name: t.name, threadCount: t.threads.length })),
    },
    record(slug) {
      const found = bySlug.get(slug);
      if (!found) throw new NotFound(`no thread with slug ${JSON.stringify(slug)} in ${contentDir}`);
      let list = related.get(slug);
      if (!list) {
        findRelated ??= relatedFinder(sorted);
        related.set(slug, (list = findRelated(found.i)));
      }
      return { thread: found.thread, related: list };
    },
    doctor(slug) {
      const doctor = doctors().bySlug.get(slug);
      if (!doctor) throw new NotFound(`no doctor with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return doctor;
    },
    directory: () => doctors().directory,
    topic(slug) {
      const topic = topics.get(slug);
      if (!topic) throw new NotFound(`no topic with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return topic.threads;
    },
  };
}

const MANIFEST = 'manifest.json';
const DIRECTORY = 'directory.json';
/** Slugs match SLUG_PATTERN ([a-z0-9-]), so they are safe file names on every file system. */
const threadFile = (dir: string, slug: string) => path.join(dir, 'threads', `${slug}.json`);
const doctorFile = (dir: string, slug: string) => path.join(dir, 'doctors', `${slug}.json`);
const topicFile = (dir: string, slug: string) => path.join(dir, 'topics', `${slug}.json`);

/**
 * Starts a snapshot in the folder `dir` (emptied first): the check's loader writes each valid
 * thread's file there with `spoolThread` as it reads it, then `finishSnapshot` completes it.
 */
export function startSnapshot(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'threads'), { recursive: true });
}

/** A valid thread once its file is in the snapshot: the thread without its answers' bodies, and the SHA-256 of its JSON. */
export type Spooled = { thread: Thread; hash: string };

/**
 * Writes the start of a validated thread's file in the snapshot folder `dir`, `{"thread":…,"related":`
 * (`finishSnapshot` appends the related list), and returns what the check keeps of it. Only the
 * thread's own page shows its answers' bodies, so the kept thread has none (`body: ''`): related
 * threads, doctors, topics and the index need the title, the question, and each answer's
 * headline and doctor. That keeps the check's memory at a fraction of the archive's text (at
 * 100,000 threads it held every thread whole, 2.2 to 2.5 GB), and the files are written by the
 * loader's worker threads, on both cores, instead of one after another at the end.
 */
export function spoolThread(dir: string, thread: Thread): Spooled {
  const json = JSON.stringify(thread);
  writeFileSync(threadFile(dir, thread.slug), `{"thread":${json},"related":`);
  return { thread: { ...thread, answers: thread.answers.map((answer) => ({ ...answer, body: '' })) }, hash: createHash('sha256').update(json).digest('hex') };
}

/**
 * Completes the snapshot of the validated threads of `contentDir` that the loader spooled into
 * `dir` (`threads`: as `spoolThread` returned them; `hashes`: their hashes by slug): each thread
 * file gets its related list, then the doctor, topic and directory files, and the manifest last:
 * a folder without one is an interrupted write, which the reader refuses. Related threads are
 * scored only for the threads whose pages this build renders (`renders`: a shard's own; the
 * others' related lists stay empty, as no page of the shard shows them): scoring is 0.6 ms a
 * thread at 100,000.
 */
export function finishSnapshot(dir: string, contentDir: string, threads: readonly Thread[], hashes: ReadonlyMap<string, string>, renders: (slug: string) => boolean = () => true): void {
  const archive = memoryArchive(contentDir, threads);
  mkdirSync(path.join(dir, 'doctors'));
  mkdirSync(path.join(dir, 'topics'));
  const digest = createHash('sha256');
  for (const slug of archive.manifest.slugs) {
    const hash = hashes.get(slug);
    if (hash === undefined) throw new Error(`${slug}: not spooled into ${dir}; finishSnapshot takes the threads checkContent returned`);
    digest.update(`${hash}\n`);
    const related = renders(slug) ? archive.record(slug).related : [];
    appendFileSync(threadFile(dir, slug), `${JSON.stringify(related)}}`);
  }
  for (const { slug } of archive.manifest.doctors) writeFileSync(doctorFile(dir, slug), JSON.stringify(archive.doctor(slug)));
  for (const { slug } of archive.manifest.topics) writeFileSync(topicFile(dir, slug), JSON.stringify(archive.topic(slug)));
  writeFileSync(path.join(dir, DIRECTORY), JSON.stringify(archive.directory()));
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify({ ...archive.manifest, digest: digest.digest('hex') }));
}

/** Reads a snapshot folder; refuses one made from another content folder than this build's. */
function snapshotArchive(dir: string): Archive {
  // Our own output, written from schema-checked threads a moment before this build started.
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.contentDir !== CONTENT_DIR) {
    throw new Error(`${dir} was made from ${manifest.contentDir}, not ${CONTENT_DIR}; run npm run build, which writes it fresh`);
  }
  const known = new Set(manifest.slugs);
  const knownDoctors = new Set(manifest.doctors.map((d) => d.slug));
  const knownTopics = new Set(manifest.topics.map((t) => t.slug));
  let directory: DirectoryEntry[] | undefined;
  return {
    manifest,
    record(slug) {
      if (!known.has(slug)) throw new NotFound(`no thread with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
      return JSON.parse(readFileSync(threadFile(dir, slug), 'utf8')) as ThreadRecord;
    },
    doctor(slug) {
      if (!knownDoctors.has(slug)) throw new NotFound(`no doctor with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
      return JSON.parse(readFileSync(doctorFile(dir, slug), 'utf8')) as DoctorProfile;
    },
    directory() {
      directory ??= JSON.parse(readFileSync(path.join(dir, DIRECTORY), 'utf8')) as DirectoryEntry[];
      return directory;
    },
    topic(slug) {
      if (!knownTopics.has(slug)) throw new NotFound(`no topic with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
      return JSON.parse(readFileSync(topicFile(dir, slug), 'utf8')) as string[];
    },
  };
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
