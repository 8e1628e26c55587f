/**
 * `npm run import -- <scrape.txt> [more...] [--topic NAME]... [--force] [--out DIR]`: scraped pages
 * to content files. `-` reads a scrape from standard input; each `--topic` is set on every thread
 * imported. Exit 1 (and nothing written) when any scrape fails or a topic is refused.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runImport, STDIN } from '../importer/run';

const USAGE = 'usage: npm run import -- <scrape.txt | -> [more...] [--topic NAME]... [--force] [--out DIR]';

function main(): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        out: { type: 'string', default: 'content' },
        topic: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const inputs = parsed.positionals;
  if (inputs.length === 0 || inputs.filter((i) => i === STDIN).length > 1) {
    console.error(inputs.length === 0 ? USAGE : `standard input (-) can be read only once\n${USAGE}`);
    return 1;
  }
  return runImport(
    { inputs, outDir: parsed.values.out, force: parsed.values.force, topics: parsed.values.topic },
    { readStdin: () => readFileSync(0), out: (line) => console.log(line), err: (line) => console.error(line) },
  );
}

process.exitCode = main();
