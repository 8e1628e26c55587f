/**
 * `npm run compare -- <git ref> [--keep]`: builds one fixed archive with the code of `<ref>` and
 * with the code of this checkout, and compares every file of the two `out/` folders, byte for
 * byte. A change of structure must change no output (docs/architecture.md); this is how to show it.
 *
 * The fixed archive: the shipped seed, the scrape fixtures imported with a topic, the reader
 * suite's 120 threads, the hand-written fixtures, and 300 synthetic threads with topics; built
 * with a base path in SITE_URL, three search bundles and sitemaps split in an index, so that every
 * kind of page and site file is there. `<ref>` is checked out in a temporary git worktree; it
 * shares this checkout's node_modules (hard links) when its package-lock.json is the same, else runs npm ci.
 * Exit 0 when every file is the same, 1 with the first differences otherwise.
 */
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { writeThreads } from './generate';
import { listFiles } from '../src/export/files';
import { writeArchive } from '../tests/helpers/archive';
import { folderDifferences } from '../tests/helpers/build';

const ROOT = path.resolve(__dirname, '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures');

/** The settings of both builds: a folder in SITE_URL, small search bundles and sitemaps. */
const SETTINGS = {
  SITE_URL: 'https://example.org/archive',
  SITE_NAME: 'Compared archive',
  SEARCH_BUNDLE_THREADS: '200',
  SITEMAP_MAX_URLS: '400',
  NEXT_TELEMETRY_DISABLED: '1',
};

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${result.stdout}\n${result.stderr}`);
}

/** Writes the fixed archive into `dir`. */
function writeFixedArchive(dir: string): void {
  writeThreads(dir, 300);
  const scrapes = readdirSync(path.join(FIXTURES, 'scrapes'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => path.join(FIXTURES, 'scrapes', f));
  run('npx', ['tsx', 'src/cli/import.ts', '--out', dir, '--topic', 'Imported scrapes', ...scrapes], ROOT);
  const reader = writeArchive();
  const folders = [
    reader,
    path.join(ROOT, 'content'),
    ...['browser-content', 'doctors', 'threads'].map((f) => path.join(FIXTURES, f)),
  ];
  for (const folder of folders) {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.md'))) {
      if (!existsSync(path.join(dir, file))) copyFileSync(path.join(folder, file), path.join(dir, file));
    }
  }
  rmSync(reader, { recursive: true, force: true });
  // Import records never show on the site; without them the archive reads with code from before them too.
  for (const file of readdirSync(dir)) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const at = text.indexOf('\n# What npm run import last wrote here');
    if (at !== -1)
      writeFileSync(path.join(dir, file), `${text.slice(0, at + 1)}${text.slice(text.indexOf('\n---\n', at) + 1)}`);
  }
}

/** Builds `content` with the checkout at `root` and copies its out/ to `to`. */
function build(root: string, content: string, to: string): void {
  const start = performance.now();
  run('npm', ['run', '--silent', 'build'], root, { ...SETTINGS, CONTENT_DIR: content });
  cpSync(path.join(root, 'out'), to, { recursive: true });
  console.log(
    `compare: built ${path.relative(os.tmpdir(), to)} in ${((performance.now() - start) / 1000).toFixed(1)} s`,
  );
}

function main(): number {
  const { positionals, values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: { keep: { type: 'boolean', default: false } },
  });
  const ref = positionals[0];
  if (positionals.length !== 1 || ref === undefined) {
    console.error('usage: npm run compare -- <git ref> [--keep]');
    return 1;
  }
  const work = mkdtempSync(path.join(os.tmpdir(), 'qa-compare-'));
  const tree = path.join(work, 'before-tree');
  try {
    const content = path.join(work, 'content');
    writeFixedArchive(content);
    console.log(`compare: ${readdirSync(content).length} threads in ${content}`);
    run('git', ['worktree', 'add', '--detach', tree, ref], ROOT);
    const sameLock = spawnSync('git', ['diff', '--quiet', ref, '--', 'package-lock.json'], { cwd: ROOT }).status === 0;
    // Hard links, not a symbolic link: Turbopack compiles nothing outside the project's folder.
    if (sameLock) run('cp', ['-al', path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules')], ROOT);
    else run('npm', ['ci', '--no-audit', '--no-fund'], tree);
    build(tree, content, path.join(work, 'before'));
    build(ROOT, content, path.join(work, 'after'));
    const found = folderDifferences(path.join(work, 'before'), path.join(work, 'after'), ['before', 'after']);
    const files = listFiles(path.join(work, 'after')).length;
    if (found.length === 0) {
      console.log(`compare: ${files} files of out/, every one the same byte for byte as ${ref} builds`);
      return 0;
    }
    for (const line of found.slice(0, 40)) console.log(line);
    console.log(
      `compare: ${found.length} differences in ${files} files against ${ref}${values.keep ? `; both sites kept in ${work}` : ''}`,
    );
    return 1;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: ROOT });
    if (!values.keep) rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
