/**
 * The archive as pages read it: every thread validated once, the work that spans the archive
 * (index order, related threads, doctors) done once. Pages read content only through here.
 *
 * `npm run build` validates the content once (`check --snapshot <dir>`) and writes the result as
 * a snapshot folder: a small manifest (every slug in index order, counts, doctors, topics), one
 * file per thread, per doctor and per topic, and the doctor directory. Next's page workers (THREADS_SNAPSHOT) read the manifest and only
 * the files of the page they render, so a worker's memory is bounded by a page, not by the
 * archive (at 50,000 threads each worker held the whole archive and grew to 2.3 GB).
 * Without a snapshot (`next dev`, tests) the same archive is built in memory from CONTENT_DIR.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { byName, directoryOf } from './directory';
import type { DirectoryEntry } from './directory';
import { collectDoctors } from './doctors';
import type { DoctorProfile } from './doctors';
import { ContentError } from './errors';
import { loadContent } from './load';
import { relatedThreads } from './related';
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

/** The archive of this process: the build's snapshot, or CONTENT_DIR read and checked in memory; throws a ContentError listing every problem. */
export function getArchive(): Archive {
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

/** The archive of `threads`, validated threads of `contentDir`, computed in memory. */
export function memoryArchive(contentDir: string, threads: readonly Thread[]): Archive {
  const sorted = sortThreads(threads);
  const bySlug = new Map(sorted.map((t) => [t.slug, t]));
  const related = relatedThreads(sorted);
  const doctors = collectDoctors(sorted);
  const doctorsBySlug = new Map(doctors.map((d) => [d.slug, d]));
  const directory = directoryOf(doctors);
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
      doctors: doctors.map((d) => ({ slug: d.slug, answerCount: d.answers.length })),
      topics: topicList.map((t) => ({ slug: t.slug, name: t.name, threadCount: t.threads.length })),
    },
    record(slug) {
      const thread = bySlug.get(slug);
      if (!thread) throw new Error(`no thread with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return { thread, related: related.get(slug) ?? [] };
    },
    doctor(slug) {
      const doctor = doctorsBySlug.get(slug);
      if (!doctor) throw new Error(`no doctor with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return doctor;
    },
    directory: () => directory,
    topic(slug) {
      const topic = topics.get(slug);
      if (!topic) throw new Error(`no topic with slug ${JSON.stringify(slug)} in ${contentDir}`);
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
 * Writes the archive of the validated threads of `contentDir` into the folder `dir` (emptied
 * first), for `getArchive` in Next's workers. The manifest is written last: a folder without one
 * is an interrupted write, which the reader refuses.
 */
export function writeSnapshot(dir: string, contentDir: string, threads: readonly Thread[]): void {
  const archive = memoryArchive(contentDir, threads);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'threads'), { recursive: true });
  mkdirSync(path.join(dir, 'doctors'));
  mkdirSync(path.join(dir, 'topics'));
  for (const slug of archive.manifest.slugs) writeFileSync(threadFile(dir, slug), JSON.stringify(archive.record(slug)));
  for (const { slug } of archive.manifest.doctors) writeFileSync(doctorFile(dir, slug), JSON.stringify(archive.doctor(slug)));
  for (const { slug } of archive.manifest.topics) writeFileSync(topicFile(dir, slug), JSON.stringify(archive.topic(slug)));
  writeFileSync(path.join(dir, DIRECTORY), JSON.stringify(archive.directory()));
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(archive.manifest));
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
      if (!known.has(slug)) throw new Error(`no thread with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
      return JSON.parse(readFileSync(threadFile(dir, slug), 'utf8')) as ThreadRecord;
    },
    doctor(slug) {
      if (!knownDoctors.has(slug)) throw new Error(`no doctor with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
      return JSON.parse(readFileSync(doctorFile(dir, slug), 'utf8')) as DoctorProfile;
    },
    directory() {
      directory ??= JSON.parse(readFileSync(path.join(dir, DIRECTORY), 'utf8')) as DirectoryEntry[];
      return directory;
    },
    topic(slug) {
      if (!knownTopics.has(slug)) throw new Error(`no topic with slug ${JSON.stringify(slug)} in ${CONTENT_DIR}`);
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
