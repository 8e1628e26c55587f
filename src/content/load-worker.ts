/** A worker of load-parallel.ts: loads the named entries of a content folder and posts them back. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadEntry } from './load';

const { dir, names } = workerData as { dir: string; names: string[] };
parentPort?.postMessage(names.map((name) => loadEntry(dir, name)));
