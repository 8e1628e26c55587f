import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../src/content/load';
import { memoryArchive } from '../src/content/threads';
import { shardOf } from '../src/shard';
import { writeThreads } from '../bench/generate';

const ROOT = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'qa-snapshot-'));

/** Runs `npm run check`'s script with arguments, as `npm run build` does. */
function check(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('content snapshot (check --snapshot, read by getArchive in the build)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('holds a manifest in index order and one file per thread and per doctor, from the folder they came from', () => {
    const dir = path.join(tmp(), 'snapshot');
    const run = check(path.join(fixtures, 'build-js'), '--snapshot', dir);
    expect(run.status, run.stdout).toBe(1); // evil-thread.md is refused: no snapshot
    expect(existsSync(dir)).toBe(false);

    const seed = path.join(ROOT, 'content');
    const ok = check(seed, '--snapshot', dir);
    expect(ok.stdout).toContain('1 file checked, no problems');
    const expected = memoryArchive(seed, loadContent(seed).threads);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as unknown;
    // The digest of the content, with which npm run merge tells shards of one build: SHA-256 of each thread's JSON's SHA-256 and a line break, in index order.
    const digest = createHash('sha256');
    for (const t of expected.manifest.slugs) digest.update(`${createHash('sha256').update(JSON.stringify(expected.record(t).thread)).digest('hex')}\n`);
    expect(manifest).toEqual({ ...expected.manifest, digest: digest.digest('hex') });
    expect(expected.manifest.contentDir).toBe(seed);
    const slug = expected.manifest.slugs[0] ?? '';
    expect(readdirSync(path.join(dir, 'threads'))).toEqual([`${slug}.json`]);
    expect(JSON.parse(readFileSync(path.join(dir, 'threads', `${slug}.json`), 'utf8'))).toEqual(expected.record(slug));
    expect(readdirSync(path.join(dir, 'doctors'))).toHaveLength(expected.manifest.doctors.length);
    expect(expected.manifest.doctors.length).toBe(5);
  });

  it('scores related threads only for the threads of a shard (--shard), and has the same digest for every shard', () => {
    const content = path.join(tmp(), 'content');
    writeThreads(content, 12);
    const snapshots = ['1/2', '2/2'].map((shard) => {
      const dir = path.join(tmp(), 'snapshot');
      const run = check(content, '--snapshot', dir, '--shard', shard);
      expect(run.stdout).toContain(`snapshot for the build in ${dir}: related threads of shard ${shard}'s threads, doctors and 12 thread files in `);
      return dir;
    });
    const whole = memoryArchive(content, loadContent(content).threads);
    const digests = snapshots.map((dir) => (JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { digest: string }).digest);
    expect(digests[0]).toBe(digests[1]);
    for (const [k, dir] of snapshots.entries()) {
      for (const slug of whole.manifest.slugs) {
        const record = JSON.parse(readFileSync(path.join(dir, 'threads', `${slug}.json`), 'utf8')) as unknown;
        expect(record).toEqual(shardOf(slug, 2) === k + 1 ? whole.record(slug) : { thread: whole.record(slug).thread, related: [] });
      }
    }
    expect(whole.manifest.slugs.filter((slug) => whole.record(slug).related.length > 0).length).toBeGreaterThan(6);
  });

  it('removes an older snapshot when the check fails', () => {
    const dir = path.join(tmp(), 'snapshot');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'manifest.json'), '{"stale":true}');
    expect(check(path.join(fixtures, 'hostile'), '--snapshot', dir).status).toBe(1);
    expect(existsSync(dir)).toBe(false);
  });

  it('is what getArchive returns in the build, and a snapshot of another folder is refused', async () => {
    const dir = path.join(tmp(), 'snapshot');
    expect(check(path.join(fixtures, 'threads'), '--snapshot', dir).status).toBe(0);
    vi.stubEnv('THREADS_SNAPSHOT', dir);
    vi.stubEnv('CONTENT_DIR', path.join(fixtures, 'threads'));
    const threads = await import('../src/content/threads');
    const archive = threads.getArchive();
    expect(archive.manifest.slugs).toEqual(['valid-thread']);
    expect(archive.record('valid-thread').thread.title).toBe(loadContent(path.join(fixtures, 'threads')).threads[0]?.title);
    expect(() => archive.record('no-such-thread')).toThrow('no thread with slug "no-such-thread"');

    vi.resetModules();
    vi.stubEnv('CONTENT_DIR', path.join(fixtures, 'seed'));
    const other = await import('../src/content/threads');
    expect(() => other.getArchive()).toThrow(`was made from ${path.join(fixtures, 'threads')}, not ${path.join(fixtures, 'seed')}`);
  });
});
