/**
 * The search index: Pagefind's command-line indexer (its bundled binary, offline) over the
 * exported HTML. Only elements marked `data-pagefind-body` (the thread article) are indexed, so
 * index, doctor, search and 404 pages are left out. Writes `out/pagefind/`.
 *
 * Why the command line and not Pagefind's Node API: the API's `writeFiles` answers before its
 * files are on disk. Its service writes each file with tokio's `File::write_all`, which hands the
 * bytes to a background thread and returns at once; the answer is sent when every write has been
 * handed off, not done (seen with strace: the answer left before the write of
 * `pagefind-entry.json`). `close()` then kills the service, which can lose a write for good.
 * The command-line indexer returns from `main` normally, and tokio finishes every pending file
 * write before the process exits; so once it has exited with 0, every file of the bundle is
 * complete (`npm run stress` runs this step many times under load to show it).
 *
 * Pagefind is pinned to 1.4.0 (package.json): from 1.5 on it builds the word index in parallel and
 * keeps a copy of every parsed page until all are merged, more than twice the memory a thread
 * (docs/performance.md, "Search index").
 */
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { settings } from '../settings';
import { SEARCH_BUNDLES_SCRIPT, searchBundlePath } from '../site';

/** The part of `pagefind-entry.json` read here. */
type PagefindEntry = { languages: Record<string, { page_count: number }> };

/** The indexer binary of the `pagefind` package for this platform (as its own `npx pagefind` wrapper finds it). */
function pagefindBinary(): string {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const exe = process.platform === 'win32' ? '.exe' : '';
  for (const name of ['pagefind_extended', 'pagefind']) {
    try {
      return require.resolve(`@pagefind/${platform}-${process.arch}/bin/${name}${exe}`);
    } catch {
      // not shipped for this platform under this name; try the next
    }
  }
  throw new Error(`pagefind: no indexer binary for ${platform}-${process.arch}; run npm ci`);
}

/** Where a Linux process is allowed to run: what follows `Cpus_allowed_list:` in /proc/self/status, e.g. `0-1` or `2,4-7`. */
function allowedCpus(): string | undefined {
  try {
    return /^Cpus_allowed_list:\s*(\S+)/mu.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  } catch {
    return undefined; // not Linux, or no /proc
  }
}

/**
 * The command that runs `binary` on one core, the first of `cpus` (a Linux CPU list), through
 * util-linux's `taskset`: the command and the arguments that come before the indexer's own. The
 * binary alone when there is no taskset, no CPU list, or taskset cannot set the affinity here
 * (`works` says whether it can: a container may forbid it).
 *
 * Why: Pagefind 1.4.0 is linked with musl, whose allocator maps and unmaps memory for nearly every
 * page it indexes; each unmap of a process running on two cores sends a TLB flush to the other
 * core, which costs most on virtual machines. On one core no flush crosses cores, and the bundle
 * is the same byte for byte; the indexer uses little more than one core anyway (docs/performance.md,
 * "Search index").
 */
export function indexerCommand(
  binary: string,
  cpus: string | undefined,
  taskset: string | undefined,
  works: (command: string, args: string[]) => boolean,
): { command: string; args: string[] } {
  const cpu = cpus === undefined ? undefined : /^(\d+)/u.exec(cpus)?.[1];
  const pin = ['--cpu-list', cpu ?? ''];
  return taskset !== undefined && cpu !== undefined && works(taskset, [...pin, 'true'])
    ? { command: taskset, args: [...pin, binary] }
    : { command: binary, args: [] };
}

/** The indexer's command on this machine (pinned where taskset works), found once a process. */
let indexer: { command: string; args: string[] } | undefined;

/** Runs the indexer to its end; rejects with its output unless it exits with 0. */
function runIndexer(args: string[], cwd: string): Promise<void> {
  // Hermetic: no PAGEFIND_* variable from the caller's environment and no pagefind.yml from the
  // working directory (out/ holds none) can change what is indexed or where it is written.
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('PAGEFIND_')) delete env[key];
  const run = (indexer ??= indexerCommand(
    pagefindBinary(),
    allowedCpus(),
    process.platform === 'linux' ? 'taskset' : undefined,
    (command, probe) => spawnSync(command, probe, { stdio: 'ignore' }).status === 0,
  ));
  return new Promise((resolve, reject) => {
    const child = spawn(run.command, [...run.args, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`pagefind stopped with ${signal ?? `exit code ${code}`}:\n${output.trim()}`));
    });
  });
}

/**
 * The search bundles of an archive of `threadCount` threads: `/pagefind/`, then `/pagefind-2/`, …
 * (site paths), at most SEARCH_BUNDLE_THREADS threads each (src/settings.ts): Pagefind holds every
 * page of a bundle while it indexes it. A build in shards indexes each shard's threads into
 * bundles of its own, which `npm run merge` renames into one such series.
 */
export function searchBundles(threadCount: number): string[] {
  const count = Math.max(1, Math.ceil(threadCount / settings().searchBundleThreads));
  return Array.from({ length: count }, (_, i) => searchBundlePath(i + 1));
}

/**
 * Indexes the thread pages of `slugs` in `outDir` into the search bundles `bundles` (site paths
 * such as `/pagefind/`, from `searchBundles`): one bundle, or with several, consecutive runs of
 * the slugs in name order, each indexed by its own Pagefind run from a folder of hard links to its
 * pages, so that one run's memory is bounded by a bundle. Resolves with the pages each bundle
 * holds, in order, once every bundle is complete and holds exactly its threads; else rejects.
 */
export async function writeSearchIndex(
  outDir: string,
  slugs: readonly string[],
  bundles: readonly string[] = ['/pagefind/'],
): Promise<number[]> {
  if (bundles.length === 1)
    return [await indexBundle(outDir, path.join(outDir, bundles[0] ?? '/pagefind/'), slugs.length)];
  const sorted = [...slugs].sort();
  const size = Math.ceil(sorted.length / bundles.length);
  const work = mkdtempSync(path.join(path.dirname(outDir), '.search-bundle-'));
  try {
    const indexed: number[] = [];
    for (const [i, bundle] of bundles.entries()) {
      const part = sorted.slice(i * size, (i + 1) * size);
      const site = path.join(work, String(i + 1));
      for (const slug of part) {
        mkdirSync(path.join(site, 'threads', slug), { recursive: true });
        linkSync(path.join(outDir, 'threads', slug, 'index.html'), path.join(site, 'threads', slug, 'index.html'));
      }
      indexed.push(await indexBundle(site, path.join(outDir, bundle), part.length));
      rmSync(site, { recursive: true, force: true });
    }
    return indexed;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Indexes the thread pages in `siteDir` and writes the bundle to `bundle`; resolves once every
 * file is written and the bundle holds exactly `threadCount` pages, else rejects.
 */
async function indexBundle(siteDir: string, bundle: string, threadCount: number): Promise<number> {
  // Only thread pages carry data-pagefind-body: reading the others (index, doctors) is wasted work.
  const args = [
    '--site',
    siteDir,
    '--glob',
    'threads/**/*.html',
    '--force-language',
    'en',
    '--output-path',
    bundle,
    '--quiet',
  ];
  await runIndexer(args, siteDir);
  // The writer has exited, so the entry file is whole. The indexer skips a page it cannot read
  // without failing; a count short of the threads means a thread would never be found.
  const entry = JSON.parse(readFileSync(path.join(bundle, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const languages = Object.values(entry.languages);
  const indexed = languages.reduce((sum, language) => sum + language.page_count, 0);
  if (indexed !== threadCount)
    throw new Error(`pagefind indexed ${indexed} pages, but the archive has ${threadCount} threads`);
  const fragments = readdirSync(path.join(bundle, 'fragment')).length;
  if (fragments !== indexed) throw new Error(`pagefind wrote ${fragments} page fragments for ${indexed} pages`);
  return indexed;
}

/**
 * Writes the list of the site's search bundles (site paths, in order) as the script the search
 * page loads before public/search.js (SEARCH_BUNDLES_SCRIPT): data only, no code.
 */
export function writeBundleList(outDir: string, bundles: readonly string[]): void {
  const script = `// The search bundles of this site, written by the build (src/export/search-index.ts) and read by search.js.\nwindow.searchBundles = ${JSON.stringify(bundles)};\n`;
  writeFileSync(path.join(outDir, SEARCH_BUNDLES_SCRIPT), script);
}
