/**
 * The check (`npm run check`, and the first step of `npm run build`): `loadContent` spread over
 * worker threads on large archives, since YAML parsing is most of the cost of reading a file.
 * Each worker reads a slice of the names; the results are joined in name order. Only the command
 * line uses this: Next's bundles import load.ts, never this module.
 *
 * The check keeps no thread whole. Without `copies` it keeps none: a check needs only the
 * problems. With `copies`, each valid thread is written to that folder as it is read, and comes
 * back without its answers' bodies: the build's archive reads the copies (src/archive/snapshot.ts),
 * and what spans the archive (index order, related threads, doctors, groups) never needs a body.
 * Whole threads sent back from the workers and held would be most of the archive's bytes.
 *
 * A build that reuses the last one passes the last check's copies (`kept`): a file whose bytes are
 * those it had then (by SHA-256) is not parsed again; its copy, still in `copies`, is taken as it
 * is, once its own digest shows it is the copy the last check wrote. Parsing and validating is a
 * pure function of a file's name and bytes and of the code, which the build's key covers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { sha256 } from '../digest';
import { combineEntries, contentNames, parseEntry, readEntry } from './load';
import type { Entry, Loaded, TopicAt } from './load';
import type { Thread } from './schema';

/** Below this many files a worker's start-up costs more than it saves (docs/performance.md, "The check"). */
export const MIN_FILES_FOR_WORKERS = 5000;

/**
 * An entry as the check keeps it: its thread, if any, copied (`hash` is then the SHA-256 of its
 * JSON, and `source` that of the file's bytes); `keptRelated`, when the copy is the last check's,
 * is the SHA-256 of the related list the last build appended to it (src/archive/snapshot.ts).
 */
export type CheckedEntry = Entry & { hash?: string; source?: string; keptRelated?: string };

/** A valid entry as a check saw it, for the next check to take its copy without parsing the file again. */
export type KnownEntry = {
  /** SHA-256 of the file's bytes. */
  source: string;
  /** SHA-256 of the copy's JSON. */
  hash: string;
  slugAt: { line: number; col: number };
  topics?: TopicAt[];
};

/**
 * What the check found: `Loaded`, with the copied threads (none without copies) and their hashes
 * by slug; what the next check may take (`known`, by file name); and the copies taken from the
 * last check, with the digest of their related lists (`kept`, by slug; only when the last check's
 * copies were given).
 */
export type Checked = Loaded & {
  hashes: Map<string, string>;
  known: Map<string, KnownEntry>;
  kept?: Map<string, string>;
};

export type CheckOptions = {
  /** A folder for each valid thread's copy, `<slug>.json`: its JSON and a line break. */
  copies?: string | undefined;
  /** The entries of the last check whose copies are still in `copies`, by file name. */
  kept?: ReadonlyMap<string, KnownEntry> | undefined;
  /** Worker threads at most; one core reads in this thread. */
  workers?: number;
  /** Fewer entries than this are read in this thread. */
  minFiles?: number;
};

/** The copy of a valid thread in `copies` (slugs are [a-z0-9-], safe file names everywhere). */
export function copyFile(copies: string, slug: string): string {
  return path.join(copies, `${slug}.json`);
}

/** A thread as the check keeps it: without its answers' bodies. */
const withoutBodies = (thread: Thread): Thread => ({
  ...thread,
  answers: thread.answers.map((answer) => ({ ...answer, body: '' })),
});

/** Writes a valid thread's copy; returns the thread without its answers' bodies and the SHA-256 of its JSON. */
function copyThread(copies: string, thread: Thread): { thread: Thread; hash: string } {
  const json = JSON.stringify(thread);
  writeFileSync(copyFile(copies, thread.slug), `${json}\n`);
  return { thread: withoutBodies(thread), hash: sha256(json) };
}

/**
 * The entry `file` of the last check, from its copy in `copies`, when `known` says what it was and
 * the copy is the one that check wrote: its first line's digest is the thread's hash. Else none,
 * and the file is parsed again.
 */
function keptEntry(copies: string, file: string, slug: string, known: KnownEntry): CheckedEntry | undefined {
  let text: string;
  try {
    text = readFileSync(copyFile(copies, slug), 'utf8');
  } catch {
    return undefined;
  }
  const cut = text.indexOf('\n');
  const json = text.slice(0, cut);
  if (cut < 0 || sha256(json) !== known.hash) return undefined;
  const thread = JSON.parse(json) as Thread; // our own copy, as its digest shows
  return {
    file,
    problems: [],
    thread: withoutBodies(thread),
    slug,
    slugAt: known.slugAt,
    ...(known.topics ? { topics: known.topics } : {}),
    hash: known.hash,
    source: known.source,
    keptRelated: sha256(text.slice(cut + 1)),
  };
}

/**
 * Loads the named entries of `dir`; with `copies`, writes each valid thread's copy there (or takes
 * the last check's, `kept`) and keeps it without bodies, else drops it.
 */
export function checkEntries(
  dir: string,
  names: readonly string[],
  copies?: string,
  kept?: ReadonlyMap<string, KnownEntry>,
): CheckedEntry[] {
  return names.map((name) => {
    const read = readEntry(dir, name);
    if (!('bytes' in read)) return read;
    const source = copies === undefined ? undefined : sha256(read.bytes);
    const known = kept?.get(name);
    if (copies !== undefined && known !== undefined && known.source === source) {
      const entry = keptEntry(copies, read.file, name.slice(0, -'.md'.length), known);
      if (entry) return entry;
    }
    const { thread, ...parsed } = parseEntry(read.file, read.bytes);
    return thread && copies !== undefined && source !== undefined
      ? { ...parsed, ...copyThread(copies, thread), source }
      : parsed;
  });
}

/** Checks every entry of `dir` as `loadContent` would, on up to `workers` threads when it holds at least `minFiles` entries. */
export async function checkContent(dir: string, options: CheckOptions = {}): Promise<Checked> {
  const { copies, kept, workers = availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS } = options;
  const names = contentNames(dir);
  let entries: CheckedEntry[];
  if (workers < 2 || names.length < minFiles) entries = checkEntries(dir, names, copies, kept);
  else {
    const size = Math.ceil(names.length / workers);
    const slices = Array.from({ length: workers }, (_, i) => names.slice(i * size, (i + 1) * size));
    entries = (await Promise.all(slices.map((slice) => inWorker(dir, slice, copies, kept)))).flat();
  }
  const hashes = new Map<string, string>();
  const known = new Map<string, KnownEntry>();
  const keptRelated = new Map<string, string>();
  entries.forEach((entry, i) => {
    if (!entry.thread || entry.hash === undefined || entry.source === undefined) return;
    hashes.set(entry.thread.slug, entry.hash);
    const { source, hash, slugAt, topics } = entry;
    known.set(names[i] as string, { source, hash, slugAt, ...(topics ? { topics } : {}) });
    if (entry.keptRelated !== undefined) keptRelated.set(entry.thread.slug, entry.keptRelated);
  });
  return { ...combineEntries(entries), hashes, known, ...(kept ? { kept: keptRelated } : {}) };
}

/** A worker posts its entries in batches of this many, so that neither it nor the copy in flight holds its whole slice. */
export const BATCH = 1000;

function inWorker(
  dir: string,
  names: string[],
  copies: string | undefined,
  kept: ReadonlyMap<string, KnownEntry> | undefined,
): Promise<CheckedEntry[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    // tsx registers its TypeScript loader in-process only: the worker registers it, then runs the source.
    const entry = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'check-worker.ts'))});`;
    const worker = new Worker(entry, {
      eval: true,
      workerData: {
        dir,
        names,
        copies,
        // Only this worker's names: a map is copied whole into the worker.
        kept: kept && new Map(names.flatMap((name) => (kept.has(name) ? [[name, kept.get(name)]] : []))),
      },
    });
    const entries: CheckedEntry[] = [];
    worker.on('message', (batch: CheckedEntry[]) => {
      entries.push(...batch);
      if (entries.length === names.length) resolve(entries);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`content worker stopped with exit code ${code}`));
      else if (entries.length < names.length) reject(new Error(`content worker stopped after ${entries.length} of ${names.length} entries`));
    });
  });
}
