/**
 * `npm run import -- <scrape.txt | threads.jsonl | folder | -> [more...] [--topic NAME]...
 * [--keep-edits | --scrape-wins | --force] [--dry-run] [--format text|jsonl] [--out DIR]`: scrapes to content files, new
 * threads written and known ones updated (docs/importing.md). `-` reads standard input, as a text
 * scrape or, with `--format jsonl`, as JSON Lines; each `--topic` is added to every thread
 * imported. Exit 1 when any scrape fails (nothing written) or a file is kept for a conflict.
 */
import { parseArgs } from 'node:util';
import { runImport, STDIN } from '../importer/run';

const USAGE =
  'usage: npm run import -- <scrape.txt | threads.jsonl | folder | -> [more...] [--topic NAME]... [--keep-edits | --scrape-wins | --force] [--dry-run] [--format text|jsonl] [--out DIR]';

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      options: {
        force: { type: 'boolean', default: false },
        'keep-edits': { type: 'boolean', default: false },
        'scrape-wins': { type: 'boolean', default: false },
        'dry-run': { type: 'boolean', default: false },
        format: { type: 'string', default: 'text' },
        out: { type: 'string', default: 'content' },
        topic: { type: 'string', multiple: true, default: [] },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals: inputs } = parsed;
  const problem =
    inputs.length === 0
      ? USAGE
      : inputs.filter((i) => i === STDIN).length > 1
        ? `standard input (-) can be read only once\n${USAGE}`
        : [values.force, values['keep-edits'], values['scrape-wins']].filter(Boolean).length > 1
          ? `--keep-edits, --scrape-wins and --force each say who wins: give one of them\n${USAGE}`
          : values.format !== 'text' && values.format !== 'jsonl'
            ? `--format ${JSON.stringify(values.format)}: write --format text or --format jsonl\n${USAGE}`
            : undefined;
  if (problem !== undefined) {
    console.error(problem);
    return 1;
  }
  return runImport(
    {
      inputs,
      outDir: values.out,
      prefer: values.force ? 'force' : values['scrape-wins'] ? 'scrape' : values['keep-edits'] ? 'here' : undefined,
      topics: values.topic,
      stdinFormat: values.format === 'jsonl' ? 'jsonl' : 'text',
      dryRun: values['dry-run'],
    },
    { stdin: () => process.stdin, out: (line) => console.log(line), err: (line) => console.error(line) },
  );
}

void main().then((code) => {
  process.exitCode = code;
});
