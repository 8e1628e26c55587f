/**
 * Incremental builds (docs/build-pipeline.md, "Incremental builds"): a 300-thread archive goes
 * through a seeded sequence of edits, additions, deletions, topic and doctor changes, down to an
 * empty archive and back; after each, `npm run build` reuses the last build, and every file of its
 * out/ is compared with a clean build of the same content. Builds killed at each step leave the
 * next build correct.
 */
import { spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prng, syntheticThread, writeThreads } from '../bench/generate';
import { moveFolder } from '../src/export/files';
import { searchLayout } from '../src/export/search-index';
import { OUT, ROOT, folderDifferences, listFiles, runBuild } from './helpers/build';
import { commonBits, slugBits } from './helpers/search';

const THREADS = 300;
let work = '';
let content = '';
/** The incremental builds' cache, and the clean builds' own, so that neither reuses the other's. */
let env: Record<string, string> = {};
let cleanEnv: Record<string, string> = {};
const random = prng(26);

/** The files of the content folder, by name. */
const files = () => readdirSync(content).filter((f) => f.endsWith('.md'));
const read = (f: string) => readFileSync(path.join(content, f), 'utf8');
const write = (f: string, text: string) => writeFileSync(path.join(content, f), text);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

/** Builds incrementally, then cleanly; returns the incremental build's last line, its output, and every file that differs. */
function compareWithClean(): { line: string; output: string; differences: string[] } {
  const incremental = runBuild(env);
  if (incremental.status !== 0) throw new Error(`incremental build failed:\n${incremental.output}`);
  const line = incremental.stdout.split('\n').find((l) => l.startsWith('build: ')) ?? '';
  const built = path.join(work, 'incremental-out');
  rmSync(built, { recursive: true, force: true });
  cpSync(OUT, built, { recursive: true });
  const clean = runBuild(cleanEnv, ['--full']);
  if (clean.status !== 0) throw new Error(`clean build failed:\n${clean.output}`);
  const differences = folderDifferences(built, OUT, ['in the incremental build', 'in the clean build']);
  // The next incremental build starts from this one's site, so that the builds of a test build on
  // each other as a keeper's do (its state describes this out/, not the clean build's).
  moveFolder(built, OUT); // the temporary folder may be on another disk than out/
  return { line, output: incremental.stdout, differences };
}

/** The build's last line. */
const lastLine = (build: { status: number | null; stdout: string; output: string }) => {
  if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
  return build.stdout.trimEnd().split('\n').at(-1) ?? '';
};

/** `build: rebuilt <pages> of <total> pages, <bundles> of <n> search bundles`, as numbers. */
function rebuilt(line: string): { pages: number; of: number; bundles: number; ofBundles: number } {
  const m = /^build: rebuilt ([\d,]+) of ([\d,]+) pages, (\d+) of (\d+) search bundles/u.exec(line);
  if (!m) throw new Error(`not an incremental build: ${line}`);
  const n = (i: number) => Number((m[i] ?? '').replace(/,/gu, ''));
  return { pages: n(1), of: n(2), bundles: n(3), ofBundles: n(4) };
}

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'qa-incremental-'));
  content = path.join(work, 'content');
  writeThreads(content, THREADS);
  // Bundles of 60 threads: five bundles, so that one change re-indexes one of them.
  env = { CONTENT_DIR: content, SEARCH_BUNDLE_THREADS: '60', BUILD_CACHE: path.join(work, 'cache') };
  cleanEnv = { ...env, BUILD_CACHE: path.join(work, 'clean-cache') };
  const first = runBuild(env);
  if (first.status !== 0) throw new Error(`first build failed:\n${first.output}`);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an incremental build writes the same bytes as a clean build', { timeout: 300_000 }, () => {
  it('after no change at all, rebuilding no page and no search bundle, without running Next', () => {
    const { line, output, differences } = compareWithClean();
    expect(differences).toEqual([]);
    expect(rebuilt(line)).toMatchObject({ pages: 0, bundles: 0 });
    expect(line).toContain(' · pages none changed · ');
    expect(output).toContain("related threads (the last build's: no title or question changed)");
  });

  it('says that nothing changed, and reads no file, when no content file was written since the last build', async () => {
    // One file written again, so that the stamp differs from any the last build kept; then, as the
    // build trusts only the times of files older than 2 s when it starts (src/content/load.ts),
    // the files are left to age that long.
    const touched = pick(files());
    write(touched, read(touched));
    const newest = Math.max(
      ...files().map((f) => {
        const s = statSync(path.join(content, f), { bigint: true });
        return Number((s.mtimeNs > s.ctimeNs ? s.mtimeNs : s.ctimeNs) / 1_000_000n);
      }),
    );
    const aged = newest + 2_100 - Date.now();
    if (aged > 0) await new Promise((resolve) => setTimeout(resolve, aged));
    expect(rebuilt(lastLine(runBuild(env)))).toMatchObject({ pages: 0, bundles: 0 }); // takes a stamp it trusts
    const before = listFiles(OUT).map((f) => `${f} ${statSync(path.join(OUT, f)).mtimeMs}`);
    expect(lastLine(runBuild(env))).toMatch(
      /^build: nothing changed since the last build \(content, code, settings and out\/ as they were\), so out\/ stays as it is · [\d.]+ s$/u,
    );
    expect(listFiles(OUT).map((f) => `${f} ${statSync(path.join(OUT, f)).mtimeMs}`)).toEqual(before);
    // The same bytes written again: the times changed, so the build reads every file, and finds no change.
    const f = pick(files());
    write(f, read(f));
    expect(rebuilt(lastLine(runBuild(env)))).toMatchObject({ pages: 0, bundles: 0 });
  });

  it("after an edit of three answers' text, taking the last build's related threads", () => {
    for (let k = 0; k < 3; k += 1) {
      const f = pick(files());
      write(f, read(f).replace(/(\n {4}body: \|\n {6})/u, '$1Edited by hand. '));
    }
    const { line, output, differences } = compareWithClean();
    expect(differences).toEqual([]);
    expect(output).toContain("related threads (the last build's: no title or question changed)");
    expect(rebuilt(line).pages).toBeLessThan(60);
    expect(rebuilt(line).bundles).toBeLessThanOrEqual(3);
  });

  it('after ten threads added', () => {
    for (let i = THREADS; i < THREADS + 10; i += 1) {
      const t = syntheticThread(i);
      write(`${t.slug}.md`, t.text);
    }
    expect(compareWithClean().differences).toEqual([]);
  });

  it('after threads added to one search bundle past its most: that bundle splits, the others come back under their new numbers', () => {
    const slugs = () => files().map((f) => f.slice(0, -'.md'.length));
    const before = searchLayout(slugs(), 60);
    const full = before.reduce((a, b) => (b.slugs.length > a.slugs.length ? b : a));
    // The bits the fullest bundle's threads share: new threads with them go to it.
    const node = commonBits(full.slugs);
    for (let i = THREADS + 1_000, added = 0; full.slugs.length + added <= 60; i += 1) {
      const t = syntheticThread(i);
      if (!slugBits(t.slug).startsWith(node)) continue;
      write(`${t.slug}.md`, t.text);
      added += 1;
    }
    expect(searchLayout(slugs(), 60)).toHaveLength(before.length + 1);
    const { line, differences } = compareWithClean();
    expect(differences).toEqual([]);
    expect(rebuilt(line)).toMatchObject({ bundles: 2, ofBundles: before.length + 1 });
  });

  it('after five threads deleted', () => {
    for (let k = 0; k < 5; k += 1) unlinkSync(path.join(content, pick(files())));
    expect(compareWithClean().differences).toEqual([]);
  });

  it('after topics renamed, added and removed', () => {
    const [a, b, c] = [pick(files()), pick(files()), pick(files())];
    write(a, read(a).replace(/^topics: \[[^\]]*\]$/mu, 'topics: ["Renamed Topic"]'));
    write(b, read(b).replace(/^topics: \[/mu, 'topics: ["A Brand New Topic", '));
    write(c, read(c).replace(/^topics: \[[^\]]*\]\n/mu, ''));
    expect(compareWithClean().differences).toEqual([]);
  });

  it('after a doctor renamed everywhere, and another given a new specialty', () => {
    const named = files().flatMap((f) => [...read(f).matchAll(/^ {6}name: "([^"]+)"$/gmu)].map((m) => m[1] ?? ''));
    expect(named.length).toBeGreaterThan(0);
    const doctor = pick(named);
    for (const f of files()) {
      if (read(f).includes(`name: ${JSON.stringify(doctor)}`))
        write(f, read(f).replaceAll(`name: ${JSON.stringify(doctor)}`, 'name: "Renamed Doctor"'));
    }
    const f = pick(files());
    write(f, read(f).replace(/^ {6}specialty: "[^"]+"$/mu, '      specialty: "Zygomatic Surgeon"'));
    // Both changes were made: the test is not comparing two builds of the same content.
    expect(files().filter((g) => read(g).includes('name: "Renamed Doctor"')).length).toBeGreaterThan(0);
    expect(read(f)).toContain('specialty: "Zygomatic Surgeon"');
    expect(compareWithClean().differences).toEqual([]);
  });

  it("after a question's title changed, which moves other threads' related questions", () => {
    const f = pick(files());
    write(f, read(f).replace(/^title: .*$/mu, 'title: "Masseter botox and jaw clenching after filler"'));
    const { output, differences } = compareWithClean();
    expect(differences).toEqual([]);
    expect(output).toContain('snapshot for the build in .next/cache/snapshot: related threads, doctors and');
  });

  it('to an empty archive, and back', () => {
    const kept = path.join(work, 'kept');
    cpSync(content, kept, { recursive: true });
    for (const f of files()) unlinkSync(path.join(content, f));
    expect(compareWithClean().differences).toEqual([]);
    for (const f of readdirSync(kept).slice(0, 40)) cpSync(path.join(kept, f), path.join(content, f));
    expect(compareWithClean().differences).toEqual([]);
  });

  it('says when and why a build is full: --full, another setting, out/ changed', () => {
    expect(runBuild(env, ['--full']).stdout).toMatch(
      /^build: built [\d,]+ of [\d,]+ pages, \d+ of \d+ search bundles \(asked with --full\)/mu,
    );
    // Every setting that changes a file of out/, the sitemaps' size too: none may pass for unchanged.
    expect(runBuild({ ...env, SITEMAP_MAX_URLS: '500' }).stdout).toContain('(the code or the settings changed)');
    expect(runBuild({ ...env, SITE_NAME: 'Another name' }).stdout).toContain('(the code or the settings changed)');
    writeFileSync(path.join(OUT, 'CNAME'), 'archive.example.org\n');
    expect(runBuild({ ...env, SITE_NAME: 'Another name' }).stdout).toContain('(out/ changed since the last build)');
  });

  // The last site is moved aside and back by renames, which cross no disk: such a build is a full
  // one each time, and succeeds. /dev/shm is a memory disk where Linux has one.
  const otherDisk = existsSync('/dev/shm') && statSync('/dev/shm').dev !== statSync(ROOT).dev;
  it.runIf(otherDisk)('is a full build, and succeeds, with its build cache on another disk than out/', () => {
    const cache = mkdtempSync('/dev/shm/qa-build-cache-');
    try {
      const other = { ...env, BUILD_CACHE: cache };
      expect(lastLine(runBuild(other))).toContain('(no earlier build to reuse)');
      expect(lastLine(runBuild(other))).toContain('(the build cache (BUILD_CACHE) is on another disk than out/)');
      expect(existsSync(path.join(cache, 'state.json'))).toBe(true);
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

describe('a build killed at any step leaves the next build correct', { timeout: 300_000 }, () => {
  // The builds killed are incremental ones: the last build was made with these settings.
  beforeAll(() => lastLine(runBuild(env)), 300_000);

  /** Starts `npm run build`'s process group and kills it all when its output shows `when`. */
  async function killedBuild(when: RegExp): Promise<string> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/build.ts'], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    await new Promise<void>((resolve) => {
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        if (when.test(output) && child.pid !== undefined) {
          try {
            process.kill(-child.pid, 'SIGKILL');
          } catch {
            // already gone
          }
        }
      };
      child.stdout.on('data', read);
      child.stderr.on('data', read);
      child.once('close', () => resolve());
    });
    return output;
  }

  it.each([
    ['the check', /files? checked/u],
    ['the page render', /Generating static pages|Collecting page data/u],
    ['the search step', /postbuild: removed/u],
  ])('during %s', async (_step, when) => {
    const f = pick(files());
    write(f, read(f).replace(/(\n {4}body: \|\n {6})/u, '$1Edited before a killed build. '));
    const output = await killedBuild(when);
    expect(output).not.toMatch(/^build: /mu);
    // It was reusing the last build (whose state it had moved aside), and left no state of its own.
    expect(existsSync(path.join(env.BUILD_CACHE ?? '', 'previous-state.json'))).toBe(true);
    expect(existsSync(path.join(env.BUILD_CACHE ?? '', 'state.json'))).toBe(false);
    const { line, differences } = compareWithClean();
    expect(differences).toEqual([]);
    expect(line).toContain('(no earlier build to reuse)');
  });
});
