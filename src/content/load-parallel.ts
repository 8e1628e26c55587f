/**
 * `loadContent` spread over worker threads, for `npm run check` (and so the build's check) on
 * large archives: YAML parsing is most of the cost and one core does it at about 1 ms a file.
 * Each worker runs `loadEntry` from load.ts on a slice of the names; the results are joined in
 * name order, exactly as `loadContent` would produce them. Only the command line uses this:
 * Next's bundles import load.ts, never this module.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { combineEntries, contentNames, loadContent } from './load';
import type { Entry, Loaded } from './load';

/**
 * Below this many files a worker's start-up (about 0.3 s with tsx) and the copy of its results
 * cost more than they save, now that a file takes about 0.3 ms (docs/performance.md): 1,000
 * files load in 0.4–0.8 s on one thread against 1.2–1.6 s on two; 10,000 in 4.0 s against 3.85 s.
 */
export const MIN_FILES_FOR_WORKERS = 5000;

/** Loads `dir` like `loadContent`, on up to `workers` threads when it holds at least `minFiles` entries. */
export async function loadContentParallel(dir: string, workers = availableParallelism(), minFiles = MIN_FILES_FOR_WORKERS): Promise<Loaded> {
  const names = contentNames(dir);
  if (workers < 2 || names.length < minFiles) return loadContent(dir);
  const size = Math.ceil(names.length / workers);
  const slices = Array.from({ length: workers }, (_, i) => names.slice(i * size, (i + 1) * size));
  const results = await Promise.all(slices.map((slice) => inWorker(dir, slice)));
  return combineEntries(results.flat());
}

function inWorker(dir: string, names: string[]): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    // tsx registers its TypeScript loader in-process only: the worker registers it, then runs the source.
    const entry = `require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'load-worker.ts'))});`;
    const worker = new Worker(entry, { eval: true, workerData: { dir, names } });
    worker.once('message', (entries: Entry[]) => resolve(entries));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`content worker stopped with exit code ${code}`));
    });
  });
}
