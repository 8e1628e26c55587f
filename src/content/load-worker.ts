/** A worker of load-parallel.ts: checks the named entries of a content folder and posts them back in batches. */
import { parentPort, workerData } from 'node:worker_threads';
import { BATCH, checkEntries } from './load-parallel';

const { dir, names, snapshot } = workerData as { dir: string; names: string[]; snapshot?: string };
for (let start = 0; start < names.length; start += BATCH) parentPort?.postMessage(checkEntries(dir, names.slice(start, start + BATCH), snapshot));
