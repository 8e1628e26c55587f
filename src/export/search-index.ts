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
import { keyBits } from '../shard';
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

/** A search bundle: its site path (`/pagefind/`, `/pagefind-2/`, …) and the threads it holds, by name. */
export type SearchBundle = { path: string; slugs: string[] };

/**
 * The search bundles of these threads, each of at most `maxThreads` (SEARCH_BUNDLE_THREADS; Pagefind
 * holds every page of a bundle while it indexes it). The threads are split by the bits of their
 * slug's hash (`keyBits`), first bit first, and a group is split again only while it holds more
 * than `maxThreads`: so bundles hold between about half and all of `maxThreads`, and the layout is
 * a function of the slugs alone, as a clean build needs. A thread added, changed or removed changes
 * its own bundle only, and an archive that grows splits one full bundle at a time, never moving a
 * thread between the others; an incremental build indexes again only the bundles whose threads
 * changed, and takes back the others, whatever their number now (docs/build-pipeline.md,
 * "Incremental builds"). Bundles are numbered in the order of their bits. A build in shards makes
 * bundles of each shard's threads, which `npm run merge` renames into one series.
 */
export function searchLayout(slugs: readonly string[], maxThreads: number): SearchBundle[] {
  const groups: string[][] = [];
  const split = (keyed: { slug: string; bits: number }[], bit: number): void => {
    if (keyed.length === 0) return;
    // Past the 32nd bit every thread of the group has the same bits: they stay together.
    if (keyed.length <= maxThreads || bit === 32) {
      groups.push(keyed.map((k) => k.slug).sort());
      return;
    }
    const mask = 2 ** (31 - bit);
    split(
      keyed.filter((k) => (k.bits & mask) === 0),
      bit + 1,
    );
    split(
      keyed.filter((k) => (k.bits & mask) !== 0),
      bit + 1,
    );
  };
  split(
    slugs.map((slug) => ({ slug, bits: keyBits(slug) })),
    0,
  );
  return groups.map((group, i) => ({ path: searchBundlePath(i + 1), slugs: group }));
}

/**
 * Indexes one bundle's thread pages in `outDir` into `<outDir><bundle.path>`: from `outDir` itself
 * when the bundle holds every thread (`whole`), else from a folder of hard links to its pages, so
 * that Pagefind reads only them. Resolves with the pages it holds once every file is written and it
 * holds exactly its threads; else rejects.
 */
export async function indexSearchBundle(outDir: string, bundle: SearchBundle, whole: boolean): Promise<number> {
  const target = path.join(outDir, bundle.path);
  rmSync(target, { recursive: true, force: true });
  if (whole) return indexBundle(outDir, target, bundle.slugs.length);
  const site = mkdtempSync(path.join(path.dirname(outDir), '.search-bundle-'));
  try {
    for (const slug of bundle.slugs) {
      mkdirSync(path.join(site, 'threads', slug), { recursive: true });
      linkSync(path.join(outDir, 'threads', slug, 'index.html'), path.join(site, 'threads', slug, 'index.html'));
    }
    return await indexBundle(site, target, bundle.slugs.length);
  } finally {
    rmSync(site, { recursive: true, force: true });
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
