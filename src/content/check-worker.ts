/** A worker of check.ts: checks the named entries of a content folder and posts them back in batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH, checkEntries } from './check';
import type { KnownEntry } from './check';

const { dir, names, copies, kept } = workerData as {
  dir: string;
  names: string[];
  copies?: string;
  kept?: Map<string, KnownEntry>;
};
for (let start = 0; start < names.length; start += BATCH)
  parentPort?.postMessage(checkEntries(dir, names.slice(start, start + BATCH), copies, kept));
