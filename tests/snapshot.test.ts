import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadContent } from '../src/content/load';
import { sortThreads } from '../src/content/threads';

const ROOT = path.resolve(__dirname, '..');
const fixtures = path.join(__dirname, 'fixtures');
const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'qa-snapshot-'));

/** Runs `npm run check`'s script with arguments, as `npm run build` does. */
function check(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/check.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('content snapshot (check --snapshot, read by getThreads in the build)', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.resetModules();
  });

  it('holds the checked threads in index order and the folder they came from', () => {
    const file = path.join(tmp(), 'threads.json');
    const run = check(path.join(fixtures, 'build-js'), '--snapshot', file);
    expect(run.status, run.stdout).toBe(1); // evil-thread.md is refused: no snapshot
    expect(existsSync(file)).toBe(false);

    const ok = check(path.join(fixtures, 'threads'), '--snapshot', file);
    expect(ok.stdout).toContain('1 file checked, no problems');
    const snapshot = JSON.parse(readFileSync(file, 'utf8')) as { contentDir: string; threads: unknown[] };
    expect(snapshot.contentDir).toBe(path.join(fixtures, 'threads'));
    expect(snapshot.threads).toEqual(sortThreads(loadContent(path.join(fixtures, 'threads')).threads));
  });

  it('removes an older snapshot when the check fails', () => {
    const file = path.join(tmp(), 'threads.json');
    writeFileSync(file, '{"stale":true}');
    expect(check(path.join(fixtures, 'hostile'), '--snapshot', file).status).toBe(1);
    expect(existsSync(file)).toBe(false);
  });

  it('is what getThreads returns in the build, and a snapshot of another folder is refused', async () => {
    const file = path.join(tmp(), 'threads.json');
    expect(check(path.join(fixtures, 'threads'), '--snapshot', file).status).toBe(0);
    vi.stubEnv('THREADS_SNAPSHOT', file);
    vi.stubEnv('CONTENT_DIR', path.join(fixtures, 'threads'));
    const threads = await import('../src/content/threads');
    expect(threads.getThreads().map((t) => t.slug)).toEqual(['valid-thread']);
    expect(threads.getThread('valid-thread').title).toBe(threads.getThreads()[0]?.title);

    vi.resetModules();
    vi.stubEnv('CONTENT_DIR', path.join(fixtures, 'seed'));
    const other = await import('../src/content/threads');
    expect(() => other.getThreads()).toThrow(`was made from ${path.join(fixtures, 'threads')}, not ${path.join(fixtures, 'seed')}`);
  });
});
