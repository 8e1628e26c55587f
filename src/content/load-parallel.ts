/**
 * The check's loader (`npm run check`, and so the build's check): `loadContent` spread over
 * worker threads on large archives, since YAML parsing is most of the cost and one core does it
 * at about 0.4 ms a file. Each worker runs `checkEntries` on a slice of the names; the results
 * are joined in name order. Only the command line uses this: Next's bundles import load.ts,
 * never this module.
 *
 * The check keeps no thread whole. Without a snapshot folder it keeps none: a check needs only
 * the problems. With one, each valid thread's file is written there as it is read (`spoolThread`)
 * and only what spans the archive comes back. Sending whole threads from the workers cost about
 * 0.12 ms a thread to copy, and holding them 2.2 to 2.5 GB at 100,000 threads.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { combineEntries, contentNames, loadEntry } from './load';
import type { Entry, Loaded } from './load';
import { spoolThread } from './threads';

/**
 * Below this many files a worker's start-up (about 0.3 s with tsx) costs more than it saves:
 * 1,000 files load in 0.4–0.8 s on one thread against 1.2–1.6 s on two; 10,000 in 4.0 s
 * against 3.85 s (before the workers stopped sending whole threads back).
 */
export const MIN_FILES_FOR_WORKERS = 5000;

/** An entry as the check keeps it: its thread, if any, spooled (`hash` is then the SHA-256 of its JSON). */
export type CheckedEntry = Entry & { hash?: string };

/** What the check found: `Loaded`, with the threads spooled into the snapshot folder (none without one) and their hashes by slug. */
export type Checked = Loaded & { hashes: Map<string, string> };

/** Loads the named entries of `dir`; with `snapshot`, writes each valid thread's file there and keeps it spooled, else drops it. */
export function checkEntries(dir: string, names: readonly string[], snapshot?: string): CheckedEntry[] {
  return names.map((name) => {
    const { thread, ...entry } = loadEntry(dir, name);
    return thread && snapshot ? { ...entry, ...spoolThread(snapshot, thread) } : entry;
  });
}

/** Checks every entry of `dir` as `loadContent` would, on up to `workers` threads when it holds at least `minFiles` entries. */
export async function checkContent(dir: string, snapshot?: string, workers = availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS): Promise<Checked> {
  const names = contentNames(dir);
  let entries: CheckedEntry[];
  if (workers < 2 || names.length < minFiles) entries = checkEntries(dir, names, snapshot);
  else {
    const size = Math.ceil(names.length / workers);
    const slices = Array.from({ length: workers }, (_, i) => names.slice(i * size, (i + 1) * size));
    entries = (await Promise.all(slices.map((slice) => inWorker(dir, slice, snapshot)))).flat();
  }
  const hashes = new Map<string, string>();
  for (const entry of entries) if (entry.thread && entry.hash) hashes.set(entry.thread.slug, entry.hash);
  return { ...combineEntries(entries), hashes };
}

/** A worker posts its entries in batches of this many, so that neither it nor the copy in flight holds its whole slice. */
export const BATCH = 1000;

function inWorker(dir: string, names: string[], snapshot: string | undefined): Promise<CheckedEntry[]> {
  if (names.length === 0) return Promise.resolve([]);
  return new Promise((resolve, reject) => {
    // tsx registers its TypeScript loader in-process only: the worker registers it, then runs the source.
    const entry = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'load-worker.ts'))});`;
    const worker = new Worker(entry, { eval: true, workerData: { dir, names, snapshot } });
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
