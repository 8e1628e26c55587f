/** Runs `npm run import`'s importer in-process, for the importer suites. */
import { Readable } from 'node:stream';
import { runImport } from '../../src/importer/run';
import type { ImportOptions } from '../../src/importer/run';

/** The run's last line: how many files were new, updated, unchanged and kept, none refused. */
export const summary = (n: number, u: number, c: number, k: number) =>
  `${n} new, ${u} updated, ${c} unchanged, ${k} kept (edited here), 0 refused`;

/** Runs an import in-process, `stdin` as its standard input; returns its exit code and output lines. */
export async function importNow(inputs: string[], outDir: string, options: Partial<ImportOptions> = {}, stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImport(
    { inputs, outDir, ...options },
    { stdin: () => Readable.from([Buffer.from(stdin)]), out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  return { code, out, err };
}
