import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryArchive } from '../src/archive/archive';
import type { Archive } from '../src/archive/archive';
import { snapshotArchive } from '../src/archive/snapshot';
import { loadContent } from '../src/content/load';
import { shardOf } from '../src/shard';
import { writeThreads } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'qa-snapshot-'));

/** Runs `npm run check`'s script with arguments, as `npm run build` does. */
function check(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
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
});
