/**
 * Building in shards (docs/deploy.md, "Building in shards"): a 300-thread archive built whole, in two
 * shards and in three, each set merged; the merged sites hold the whole build's files, HTML byte
 * for byte, and one search over every thread. Shards that do not make one site are refused.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { writeThreads } from '../bench/generate';
import { readSettings } from '../src/settings';
import { shardOf } from '../src/shard';
import { OUT, listFiles, runBuild, runNpm } from './helpers/build';

const THREADS = 300;
let work = '';
let content = '';

/** Builds shard `i` of `n` into `<work>/<name>`; throws with the build's output when it fails. */
function buildShard(i: number, n: number, name: string, env: Record<string, string> = {}): string {
  const dir = path.join(work, name);
  const build = runBuild({ CONTENT_DIR: content, ...env }, ['--shard', `${i}/${n}`, '--out', dir]);
  if (build.status !== 0) throw new Error(`shard ${i}/${n} failed:\n${build.output}`);
  return dir;
}

/** `npm run merge -- <dirs> --out <work>/<name>`. */
function merge(dirs: string[], name: string) {
  return runNpm('merge', {}, [...dirs, '--out', path.join(work, name)]);
}

const isBundle = (f: string) => /^pagefind(-\d+)?\//u.test(f);
/** The thread page URLs a site's search bundles hold, by bundle folder (fragments are gzipped JSON after a 12-byte marker). */
function searchedUrls(site: string): Map<string, string[]> {
  const byBundle = new Map<string, string[]>();
  for (const bundle of readdirSync(site)
    .filter((f) => /^pagefind(-\d+)?$/u.test(f))
    .sort()) {
    const fragments = readdirSync(path.join(site, bundle, 'fragment'));
    byBundle.set(
      bundle,
      fragments
        .map(
          (f) =>
            (
              JSON.parse(
                gunzipSync(readFileSync(path.join(site, bundle, 'fragment', f)))
                  .toString('utf8')
                  .slice(12),
              ) as { url: string }
            ).url,
        )
        .sort(),
    );
  }
  return byBundle;
}

describe(`a ${THREADS}-thread archive built whole and in shards`, () => {
  const sites: Record<string, string> = {};
  const shardDirs: Record<string, string[]> = {};
  const mergeOutput: Record<string, string> = {};
  beforeAll(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'qa-shards-'));
    content = path.join(work, 'content');
    writeThreads(content, THREADS);
    const whole = runBuild({ CONTENT_DIR: content });
    if (whole.status !== 0) throw new Error(`whole build failed:\n${whole.output}`);
    sites.whole = path.join(work, 'whole');
    cpSync(OUT, sites.whole, { recursive: true });
    // Three shards with bundles of at most 60 threads: each shard's index is itself in two bundles.
    for (const [n, env] of [
      [2, {}],
      [3, { SEARCH_BUNDLE_THREADS: '60' }],
    ] as const) {
      // Given out of order: the merge puts them in shard order.
      shardDirs[n] = Array.from({ length: n }, (_, k) => buildShard(n - k, n, `shard-${n - k}-of-${n}`, env));
      const merged = merge(shardDirs[n] ?? [], `merged-${n}`);
      if (merged.status !== 0) throw new Error(`merge of ${n} failed:\n${merged.output}`);
      mergeOutput[n] = merged.stdout;
      sites[n] = path.join(work, `merged-${n}`);
    }
  }, 600_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds each thread page in exactly one shard, the one its slug hashes to, and every page without parameters in each', () => {
    for (const n of [2, 3]) {
      const dirs = shardDirs[n] ?? [];
      const threads = dirs.map((dir) => listFiles(dir).filter((f) => /^threads\/[^/]+\/index\.html$/u.test(f)));
      expect(threads.flat().sort()).toEqual(
        listFiles(sites.whole ?? '').filter((f) => /^threads\/[^/]+\/index\.html$/u.test(f)),
      );
      dirs.forEach((dir, k) => {
        const index = n - k;
        for (const f of threads[k] ?? []) expect(shardOf(f.split('/')[1] ?? '', n), f).toBe(index);
        // No shard is left nearly empty: sha256 spreads 300 slugs evenly.
        expect(threads[k]?.length).toBeGreaterThan(THREADS / n / 2);
        for (const f of [
          'index.html',
          'search/index.html',
          '404.html',
          'doctors/index.html',
          'topics/index.html',
          'sitemap.xml',
          'robots.txt',
        ])
          expect(existsSync(path.join(dir, f)), `${dir}/${f}`).toBe(true);
      });
    }
  });

  for (const n of [2, 3]) {
    it(`merges ${n} shards into the whole build's files: every HTML file, sitemap and style byte for byte the same`, () => {
      const whole = sites.whole ?? '';
      const merged = sites[n] ?? '';
      const wholeFiles = listFiles(whole).filter((f) => !isBundle(f));
      const mergedFiles = listFiles(merged).filter((f) => !isBundle(f));
      expect(mergedFiles).toEqual(wholeFiles);
      expect(wholeFiles.filter((f) => f.endsWith('.html')).length).toBeGreaterThan(THREADS);
      const differ = wholeFiles.filter(
        (f) =>
          f !== 'search-bundles.js' && !readFileSync(path.join(whole, f)).equals(readFileSync(path.join(merged, f))),
      );
      expect(differ).toEqual([]);
      expect(existsSync(path.join(merged, 'qa-shard.json'))).toBe(false);
    });
  }

  it("searches every thread from every shard once: the shards' bundles renumbered into one series, all listed for the search page", () => {
    const threadUrls = listFiles(sites.whole ?? '').flatMap((f) =>
      /^threads\/[^/]+\/index\.html$/u.test(f) ? [`/${f.slice(0, -'index.html'.length)}`] : [],
    );
    expect(threadUrls).toHaveLength(THREADS);
    for (const [n, bundles] of [
      [2, 2],
      [3, 6],
    ] as const) {
      const byBundle = searchedUrls(sites[n] ?? '');
      expect([...byBundle.keys()]).toEqual(
        Array.from({ length: bundles }, (_, k) => (k === 0 ? 'pagefind' : `pagefind-${k + 1}`)),
      );
      expect([...byBundle.values()].flat().sort()).toEqual(threadUrls);
      // Each bundle holds threads of one shard only: shard 1's first.
      for (const urls of byBundle.values())
        expect(new Set(urls.map((u) => shardOf(u.split('/')[2] ?? '', n))).size).toBe(1);
      expect(shardOf(byBundle.get('pagefind')?.[0]?.split('/')[2] ?? '', n)).toBe(1);
      const list = Array.from({ length: bundles }, (_, k) => (k === 0 ? '/pagefind/' : `/pagefind-${k + 1}/`));
      expect(readFileSync(path.join(sites[n] ?? '', 'search-bundles.js'), 'utf8')).toBe(
        `// The search bundles of this site, written by the build (src/export/search-index.ts) and read by search.js.\nwindow.searchBundles = ${JSON.stringify(list)};\n`,
      );
      expect(mergeOutput[n]).toContain(`merge: ${n} shards into ${path.join(work, `merged-${n}`)}/ in `);
      expect(mergeOutput[n]).toContain(`; search over ${THREADS} threads in ${bundles} bundles\n`);
      expect(mergeOutput[n]).toMatch(
        /\nmerge: .*merged-\d\/ holds [\d,]+ files in [\d,]+ folders, [\d,]+ bytes \([\d.]+ MB\): fits GitHub Pages, Cloudflare Pages free, Cloudflare Pages paid, GitLab Pages\n$/u,
      );
    }
  });

  it('refuses shards that do not make one site, naming each reason, and leaves the target as it was', () => {
    const [two, one] = shardDirs[2] ?? [];
    const [, , first3] = shardDirs[3] ?? [];
    const target = path.join(work, 'merged-2');
    const before = listFiles(target);
    const refused = (dirs: string[], name = 'merged-2') => {
      const result = merge(dirs, name);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      return result.stderr;
    };
    expect(refused([one ?? ''])).toBe('shard 2/2 is missing: give all 2 shards\n');
    expect(refused([one ?? '', one ?? ''])).toBe(
      `shard 1/2 is given 2 times: ${one}, ${one}\nshard 2/2 is missing: give all 2 shards\n`,
    );
    expect(refused([one ?? '', first3 ?? ''])).toBe(
      `${first3} is shard 1/3 but ${one} is shard 1/2: give the shards of one build, all built with the same <n>\n`,
    );
    expect(refused([one ?? '', sites.whole ?? ''])).toBe(
      `${sites.whole}: not a shard (it has no qa-shard.json); build one with npm run build -- --shard <i>/<n> --out ${sites.whole}\n`,
    );
    expect(refused([one ?? '', two ?? ''], path.relative(work, content))).toBe(
      `--out ${content}: the folder holds something other than a build of this site; give a new folder, or empty this one\n`,
    );
    expect(listFiles(target)).toEqual(before);
  });

  it('refuses a shard whose files were changed after its build: a damaged stamp, a link, a differing page, a missing page', () => {
    const [two, one] = shardDirs[2] ?? [];
    const copy = (name: string) => {
      const dir = path.join(work, name);
      cpSync(two ?? '', dir, { recursive: true });
      return dir;
    };
    const refused = (dir: string) => {
      const result = merge([one ?? '', dir], `merged-${path.basename(dir)}`);
      expect(result.status).toBe(1);
      expect(existsSync(path.join(work, `merged-${path.basename(dir)}`))).toBe(false);
      return result.stderr;
    };
    // A stamp that would have the merge copy a folder from outside the shard.
    const damaged = copy('damaged');
    const stamp = JSON.parse(readFileSync(path.join(damaged, 'qa-shard.json'), 'utf8')) as {
      bundles: { path: string }[];
    };
    writeFileSync(
      path.join(damaged, 'qa-shard.json'),
      JSON.stringify({ ...stamp, bundles: [{ path: '/../../etc/', threads: 150 }] }),
    );
    expect(refused(damaged)).toBe(
      `${damaged}: its qa-shard.json is damaged; build one with npm run build -- --shard <i>/<n> --out ${damaged}\n`,
    );
    const linked = copy('linked');
    symlinkSync('/etc/hostname', path.join(linked, 'leak.txt'));
    expect(refused(linked)).toBe(
      `${linked}/leak.txt is not a plain file (a link?); a shard holds only the files its build wrote\n`,
    );
    const edited = copy('edited');
    writeFileSync(path.join(edited, 'index.html'), `${readFileSync(path.join(edited, 'index.html'), 'utf8')} `);
    expect(refused(edited)).toBe(
      `index.html differs between ${one} and ${edited}: shards must be built by the same code from the same content\n`,
    );
    const lacking = copy('lacking');
    const thread = listFiles(lacking).find((f) => f.startsWith('threads/')) ?? '';
    rmSync(path.join(lacking, thread));
    expect(refused(lacking)).toBe(`/${path.dirname(thread)}/ is in the sitemap but in none of the shards\n`);
  });

  it('refuses a shard built from different content: one answer changed in one file', () => {
    const [, one] = shardDirs[2] ?? [];
    const file = readdirSync(content).sort()[7] ?? '';
    const text = readFileSync(path.join(content, file), 'utf8');
    writeFileSync(path.join(content, file), text.replace(/(body: \|\n +)/u, '$1Changed. '));
    expect(readFileSync(path.join(content, file), 'utf8')).not.toBe(text);
    try {
      const other = buildShard(2, 2, 'shard-2-of-2-changed');
      const result = merge([one ?? '', other], 'merged-changed');
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `${other} was built from different content than ${one}: build every shard from the same content\n`,
      );
      expect(existsSync(path.join(work, 'merged-changed'))).toBe(false);
    } finally {
      writeFileSync(path.join(content, file), text);
    }
  }, 120_000);

  it("stops every shard on a content error anywhere, with the check's lines, and writes no shard folder", () => {
    const broken = path.join(work, 'broken');
    mkdirSync(broken);
    for (const f of readdirSync(content).slice(0, 20)) cpSync(path.join(content, f), path.join(broken, f));
    const rated =
      readdirSync(content)
        .map((f) => readFileSync(path.join(content, f), 'utf8'))
        .find((t) => t.includes('rating: { value: ')) ?? '';
    const text = rated
      .replace(/^slug: .*$/mu, 'slug: zz-broken')
      .replace(/rating: \{ value: [\d.]+/u, 'rating: { value: 7');
    writeFileSync(path.join(broken, 'zz-broken.md'), text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('value: 7'));
    const at = `${line + 1}:${(lines[line] ?? '').indexOf('7') + 1}`;
    for (const i of [1, 2]) {
      const dir = path.join(work, `broken-${i}`);
      const build = runBuild({ CONTENT_DIR: broken }, ['--shard', `${i}/2`, '--out', dir]);
      expect(build.status).toBe(1);
      // The check's lines alone: Next never started.
      expect(build.stdout).toBe(
        `${path.relative(process.cwd(), broken)}/zz-broken.md:${at} answers[0].doctor.rating.value: rating must be between 0 and 5, got 7\n1 problem in 1 of 21 files\n`,
      );
      expect(existsSync(dir)).toBe(false);
    }
  }, 120_000);
});

describe('which shard builds a page', () => {
  it('is the first four bytes of the SHA-256 of its key, modulo n: the same on every machine and in every version', () => {
    // sha256("a") starts ca978112: 3,398,926,610.
    expect([1, 2, 3, 4, 7].map((n) => shardOf('a', n))).toEqual([1, 1, 3, 3, 3]);
    expect(readSettings({ BUILD_SHARD: '2/4' }).settings.shard).toEqual({ index: 2, count: 4 });
    expect(readSettings({ BUILD_SHARD: '' }).settings.shard).toBeUndefined();
    expect(readSettings({ BUILD_SHARD: '5/4' }).errors).toEqual([
      'BUILD_SHARD: --shard 5/4: there is no shard 5 of 4; <i> runs from 1 to 4',
    ]);
  });

  it('spreads 10,000 slugs over 4 shards within 5 % of a quarter each', () => {
    const counts = new Map<number, number>();
    for (let i = 0; i < 10_000; i++)
      counts.set(shardOf(`thread-${i}`, 4), (counts.get(shardOf(`thread-${i}`, 4)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const c of counts.values()) expect(Math.abs(c - 2500)).toBeLessThan(125);
  });
});

describe('npm run build options', () => {
  it.each([
    [['--shard', '3/2'], '--shard 3/2: there is no shard 3 of 2; <i> runs from 1 to 2'],
    [['--shard', 'two'], '--shard "two": write the shard as <i>/<n>, such as --shard 1/4 for the first of four'],
    [['--shard=0/2'], '--shard "0/2": write the shard as <i>/<n>, such as --shard 1/4 for the first of four'],
    [
      ['--shard', '1/2', '--out'],
      'npm run build: --out needs a value; usage: npm run build [-- --full] [--shard <i>/<n>] [--out <dir>]',
    ],
    [
      ['--outdir', 'x'],
      'npm run build: unknown option "--outdir"; usage: npm run build [-- --full] [--shard <i>/<n>] [--out <dir>]',
    ],
    [
      ['--out', 'src'],
      '--out src: the folder holds something other than a build of this site; give a new folder, or empty this one',
    ],
    [['--out', 'out/shard-1'], '--out out/shard-1: the build writes out/ first; give a folder outside it'],
  ])('refuses %j with one line before reading anything', (args, line) => {
    const result = runBuild({ CONTENT_DIR: 'no-such-folder' }, args);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(`${line}\n`);
  });
});

describe('.github/workflows/pages-sharded.yml', () => {
  type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
  type Workflow = {
    env: { SHARDS: number };
    jobs: Record<string, { needs?: string; strategy?: { matrix: { shard: number[] } }; steps?: Step[] }>;
  };
  const workflow = parse(
    readFileSync(path.join(__dirname, '..', '.github', 'workflows', 'pages-sharded.yml'), 'utf8'),
  ) as Workflow;

  it('builds shards 1 to SHARDS side by side, each uploaded with its hidden files, then merges and deploys', () => {
    const { shard, merge: mergeJob, deploy } = workflow.jobs;
    expect(shard?.strategy?.matrix.shard).toEqual(Array.from({ length: workflow.env.SHARDS }, (_, k) => k + 1));
    const runs = (steps: Step[] = []) => steps.flatMap((s) => (s.run ? [s.run] : []));
    expect(runs(shard?.steps)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run build -- --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out shard',
    ]);
    expect(shard?.steps?.find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with).toMatchObject({
      path: 'shard',
      'include-hidden-files': true,
    });
    expect(mergeJob?.needs).toBe('shard');
    expect(runs(mergeJob?.steps)).toEqual(['npm ci --no-audit --no-fund', 'npm run merge -- shards/shard-* --out out']);
    expect(mergeJob?.steps?.find((s) => s.uses?.startsWith('actions/download-artifact@'))?.with).toEqual({
      pattern: 'shard-*',
      path: 'shards',
    });
    expect(deploy?.needs).toBe('merge');
  });
});
