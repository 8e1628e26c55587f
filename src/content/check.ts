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
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { combineEntries, contentNames, loadEntry } from './load';
import type { Entry, Loaded } from './load';
import type { Thread } from './schema';

/** Below this many files a worker's start-up costs more than it saves (docs/performance.md, "The check"). */
export const MIN_FILES_FOR_WORKERS = 5000;

/** An entry as the check keeps it: its thread, if any, copied (`hash` is then the SHA-256 of its JSON). */
export type CheckedEntry = Entry & { hash?: string };

/** What the check found: `Loaded`, with the copied threads (none without copies) and their hashes by slug. */
export type Checked = Loaded & { hashes: Map<string, string> };

export type CheckOptions = {
  /** A folder for each valid thread's copy, `<slug>.json`: its JSON and a line break. */
  copies?: string | undefined;
  /** Worker threads at most; one core reads in this thread. */
  workers?: number;
  /** Fewer entries than this are read in this thread. */
  minFiles?: number;
};

/** The copy of a valid thread in `copies` (slugs are [a-z0-9-], safe file names everywhere). */
export function copyFile(copies: string, slug: string): string {
  return path.join(copies, `${slug}.json`);
}

/** Writes a valid thread's copy; returns the thread without its answers' bodies and the SHA-256 of its JSON. */
function copyThread(copies: string, thread: Thread): { thread: Thread; hash: string } {
  const json = JSON.stringify(thread);
  writeFileSync(copyFile(copies, thread.slug), `${json}\n`);
  return {
    thread: { ...thread, answers: thread.answers.map((answer) => ({ ...answer, body: '' })) },
    hash: createHash('sha256').update(json).digest('hex'),
  };
}

/** Loads the named entries of `dir`; with `copies`, writes each valid thread's copy there and keeps it without bodies, else drops it. */
export function checkEntries(dir: string, names: readonly string[], copies?: string): CheckedEntry[] {
  return names.map((name) => {
    const { thread, ...entry } = loadEntry(dir, name);
    return thread && copies ? { ...entry, ...copyThread(copies, thread) } : entry;
  });
}

/** Checks every entry of `dir` as `loadContent` would, on up to `workers` threads when it holds at least `minFiles` entries. */
export async function checkContent(dir: string, options: CheckOptions = {}): Promise<Checked> {
  const { copies, workers = availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS } = options;
  const names = contentNames(dir);
  let entries: CheckedEntry[];
  if (workers < 2 || names.length < minFiles) entries = checkEntries(dir, names, copies);
  else {
    const size = Math.ceil(names.length / workers);
    const slices = Array.from({ length: workers }, (_, i) => names.slice(i * size, (i + 1) * size));
    entries = (await Promise.all(slices.map((slice) => inWorker(dir, slice, copies)))).flat();
  }
  const hashes = new Map<string, string>();
  for (const entry of entries) if (entry.thread && entry.hash) hashes.set(entry.thread.slug, entry.hash);
  return { ...combineEntries(entries), hashes };
}

/** A worker posts its entries in batches of this many, so that neither it nor the copy in flight holds its whole slice. */
export const BATCH = 1000;

function inWorker(dir: string, names: string[], copies: string | undefined): Promise<CheckedEntry[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    // tsx registers its TypeScript loader in-process only: the worker registers it, then runs the source.
    const entry = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'check-worker.ts'))});`;
    const worker = new Worker(entry, { eval: true, workerData: { dir, names, copies } });
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
