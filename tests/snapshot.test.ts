import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryArchive } from '../src/archive/archive';
import type { Archive } from '../src/archive/archive';
import { snapshotArchive } from '../src/archive/snapshot';
import { loadContent } from '../src/content/load';
import { shardOf } from '../src/shard';
import { writeThreads } from '../bench/generate';
import { folderDifferences } from './helpers/build';

const ROOT = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'qa-snapshot-'));

/** Runs `npm run check`'s script with arguments, as `npm run build` does. */
function check(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** The check as `npm run build` runs it under the build key `key`, with its own build cache; `reusing` the last build, or not (a full build). */
function checkReusing(key: string, content: string, snapshot: string, reusing = true) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', content, '--snapshot', snapshot], {
    cwd: ROOT,
    encoding: 'utf8',
    env: {
      ...process.env,
      BUILD_INCREMENTAL: reusing ? '1' : '',
      BUILD_KEY: key,
      BUILD_CACHE: path.join(tmp(), 'cache'),
    },
  });
}

/** Everything an archive answers, for comparing a snapshot with the archive in memory. */
function everything(archive: Archive) {
  const kinds = ['topic', 'specialty', 'location'] as const;
  return {
    contentDir: archive.contentDir,
    slugs: archive.slugs,
    answerCount: archive.answerCount,
    threads: archive.slugs.map((slug) => archive.thread(slug)),
    doctors: archive.doctors().map((d) => ({ ...d, profile: archive.doctor(d.slug) })),
    directory: archive.directory(),
    groups: kinds.map((kind) => archive.groups(kind).map((g) => ({ ...g, members: archive.group(kind, g.slug) }))),
  };
}

describe("content snapshot (check --snapshot, read by the build's pages)", () => {
  it('holds the archive as the memory archive has it, in index order, and the digest of the content, from the folder it came from', () => {
    const dir = path.join(tmp(), 'snapshot');
    const run = check(path.join(fixtures, 'build-js'), '--snapshot', dir);
    expect(run.status, run.stdout).toBe(1); // evil-thread.md is refused: no snapshot
    expect(existsSync(dir)).toBe(false);

    const seed = path.join(ROOT, 'content');
    const ok = check(seed, '--snapshot', dir);
    expect(ok.stdout).toContain('1 file checked, no problems');
    const expected = memoryArchive(seed, loadContent(seed).threads);
    const snapshot = snapshotArchive(dir, seed);
    expect(everything(snapshot)).toEqual(everything(expected));
    // The digest of the content, with which npm run merge tells shards of one build: SHA-256 of each thread's JSON's SHA-256 and a line break, in index order.
    const digest = createHash('sha256');
    for (const t of expected.slugs)
      digest.update(
        `${createHash('sha256')
          .update(JSON.stringify(expected.thread(t).thread))
          .digest('hex')}\n`,
      );
    expect(snapshot.digest).toBe(digest.digest('hex'));
    expect(expected.digest).toBeUndefined();
    expect(expected.contentDir).toBe(seed);
    const slug = expected.slugs[0] ?? '';
    expect(readdirSync(path.join(dir, 'threads'))).toEqual([`${slug}.json`]);
    expect(readdirSync(path.join(dir, 'doctors'))).toHaveLength(expected.doctors().length);
    expect(expected.doctors().length).toBe(5);
    expect(readdirSync(path.join(dir, 'groups', 'location')).length).toBe(expected.groups('location').length);
    expect(expected.groups('location').length).toBeGreaterThan(1);
  });

  it('scores related threads only for the threads of a shard (--shard), and has the same digest for every shard', () => {
    const content = path.join(tmp(), 'content');
    writeThreads(content, 12);
    const snapshots = ['1/2', '2/2'].map((shard) => {
      const dir = path.join(tmp(), 'snapshot');
      const run = check(content, '--snapshot', dir, '--shard', shard);
      expect(run.stdout).toContain(
        `snapshot for the build in ${dir}: related threads of shard ${shard}'s threads, doctors and 12 thread files in `,
      );
      return dir;
    });
    const whole = memoryArchive(content, loadContent(content).threads);
    const read = snapshots.map((dir) => snapshotArchive(dir, content));
    expect(read[0]?.digest).toBe(read[1]?.digest);
    for (const [k, archive] of read.entries()) {
      for (const slug of whole.slugs) {
        expect(archive.thread(slug)).toEqual(
          shardOf(slug, 2) === k + 1 ? whole.thread(slug) : { thread: whole.thread(slug).thread, related: [] },
        );
      }
    }
    expect(whole.slugs.filter((slug) => whole.thread(slug).related.length > 0).length).toBeGreaterThan(6);
  });

  it('removes an older snapshot when the check fails', () => {
    const dir = path.join(tmp(), 'snapshot');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{"stale":true}');
    expect(check(path.join(fixtures, 'hostile'), '--snapshot', dir).status).toBe(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('answers NotFound for what it does not hold, and refuses a snapshot of another folder', () => {
    const dir = path.join(tmp(), 'snapshot');
    const threads = path.join(fixtures, 'threads');
    expect(check(threads, '--snapshot', dir).status).toBe(0);
    const archive = snapshotArchive(dir, threads);
    expect(archive.slugs).toEqual(['valid-thread']);
    expect(archive.thread('valid-thread').thread.title).toBe(loadContent(threads).threads[0]?.title);
    expect(() => archive.thread('no-such-thread')).toThrow('no thread with slug "no-such-thread"');
    expect(() => archive.group('topic', 'no-such-topic')).toThrow('no topic with slug "no-such-topic"');
    expect(() => snapshotArchive(dir, path.join(fixtures, 'seed'))).toThrow(
      `was made from ${threads}, not ${path.join(fixtures, 'seed')}`,
    );
  });

  it("is the archive the build's pages read (THREADS_SNAPSHOT)", () => {
    const dir = path.join(tmp(), 'snapshot');
    const threads = path.join(fixtures, 'threads');
    expect(check(threads, '--snapshot', dir).status).toBe(0);
    const script = "console.log(require('./src/archive/current.ts').getArchive().digest)";
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, THREADS_SNAPSHOT: dir, CONTENT_DIR: threads },
    });
    expect(run.stdout.trim()).toBe(snapshotArchive(dir, threads).digest);
  });

  it("keeps the last check's copies of the files whose bytes did not change, and is then the snapshot a check from nothing writes", () => {
    const key = 'a'.repeat(64);
    const content = path.join(tmp(), 'content');
    writeThreads(content, 30);
    const dir = path.join(tmp(), 'snapshot');
    expect(checkReusing(key, content, dir, false).status).toBe(0); // a full build's check: every file parsed
    const copies = path.join(dir, 'threads');
    const names = readdirSync(copies).sort();
    expect(names).toHaveLength(30);
    const [edited, tampered, rewritten, removed] = names as [string, string, string, string];
    const md = (copy: string) => path.join(content, copy.replace(/\.json$/u, '.md'));
    const edit = readFileSync(md(edited), 'utf8').replace(/(\n {4}body: \|\n {6})/u, '$1Indeed, ');
    expect(edit).not.toBe(readFileSync(md(edited), 'utf8'));
    writeFileSync(md(edited), edit);
    writeFileSync(md(rewritten), readFileSync(md(rewritten))); // the same bytes, a new time
    // A copy changed since the check wrote it is not taken, even for a file that did not change.
    const copy = readFileSync(path.join(copies, tampered), 'utf8');
    writeFileSync(path.join(copies, tampered), copy.replace('"title":"', '"title":"Tampered '));
    const old = new Date('2001-01-01T00:00:00Z');
    for (const name of names) utimesSync(path.join(copies, name), old, old);

    const reused = checkReusing(key, content, dir);
    expect(reused.stdout).toContain('30 files checked, no problems');
    const fresh = path.join(tmp(), 'snapshot');
    expect(checkReusing(key, content, fresh).status).toBe(0);
    expect(folderDifferences(dir, fresh, ['kept', 'fresh'])).toEqual([]);
    const written = names.filter((name) => statSync(path.join(copies, name)).mtimeMs !== old.getTime());
    expect(written).toEqual([edited, tampered].sort());

    // A removed file's copy goes; the others' related lists change, and their copies with them.
    rmSync(md(removed));
    expect(checkReusing(key, content, dir).status).toBe(0);
    expect(readdirSync(copies)).toHaveLength(29);
    const again = path.join(tmp(), 'snapshot');
    expect(checkReusing(key, content, again).status).toBe(0);
    expect(folderDifferences(dir, again, ['kept', 'fresh'])).toEqual([]);

    // Under another build key (other code or settings), nothing is kept.
    for (const name of readdirSync(copies)) utimesSync(path.join(copies, name), old, old);
    expect(checkReusing('b'.repeat(64), content, dir).status).toBe(0);
    expect(readdirSync(copies).filter((name) => statSync(path.join(copies, name)).mtimeMs === old.getTime())).toEqual(
      [],
    );
  });
});
