import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load';
import { checkContent } from '../src/content/load-parallel';
import { memoryArchive } from '../src/content/threads';

const SEED = path.join(__dirname, '..', 'content', 'face-semi-paralyzed-after-botox-to-masseter-muscles.md');
const dir = mkdtempSync(path.join(tmpdir(), 'qa-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the check\'s loader (npm run check), on worker threads', () => {
  it('finds exactly the problems the sequential loader finds, duplicate slugs across workers included, and keeps no thread without a snapshot', async () => {
    const seed = readFileSync(SEED, 'utf8');
    for (let i = 0; i < 600; i += 1) {
      const slug = `thread-${String(i).padStart(4, '0')}`;
      writeFileSync(path.join(dir, `${slug}.md`), seed.replace(/^slug: .*$/mu, `slug: ${slug}`));
    }
    // The first and the last file land in different workers; both claim the same slug.
    writeFileSync(path.join(dir, 'aaa-duplicate.md'), seed.replace(/^slug: .*$/mu, 'slug: thread-0599'));
    writeFileSync(path.join(dir, 'thread-0300.md'), seed.replace(/^slug: .*$/mu, 'slug: thread-0300').replace('value: 4.4', 'value: 6'));
    copyFileSync(SEED, path.join(dir, 'notes.txt'));

    const sequential = loadContent(dir);
    const parallel = await checkContent(dir, undefined, 2, 600); // 602 entries: on two workers
    expect(parallel).toEqual({ ...sequential, threads: [], hashes: new Map() });
    expect(parallel.fileCount).toBe(602);
    expect(sequential.threads).toHaveLength(599);
    expect(parallel.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.field}`)).toEqual([
      'aaa-duplicate.md:6:7 slug',
      'notes.txt:1:1 (file)',
      'thread-0300.md:30:24 answers[1].doctor.rating.value',
      'thread-0599.md:6:7 slug',
    ]);
  });

  it('with a snapshot folder, writes each valid thread\'s file as it reads it and keeps the thread without its answers\' bodies, on workers as in one thread', async () => {
    const seed = readFileSync(SEED, 'utf8');
    const content = mkdtempSync(path.join(tmpdir(), 'qa-spool-'));
    for (let i = 0; i < 30; i += 1) writeFileSync(path.join(content, `thread-${i}.md`), seed.replace(/^slug: .*$/mu, `slug: thread-${i}`));
    writeFileSync(path.join(content, 'thread-bad.md'), seed.replace(/^slug: .*$/mu, 'slug: thread-bad').replace('value: 4.4', 'value: 6'));
    const whole = loadContent(content).threads;
    const results = [];
    for (const [workers, minFiles] of [[2, 10], [1, 10]]) {
      const snapshot = mkdtempSync(path.join(tmpdir(), 'qa-spool-snapshot-'));
      mkdirSync(path.join(snapshot, 'threads'));
      const checked = await checkContent(content, snapshot, workers, minFiles);
      expect(checked.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.field}`)).toEqual(['thread-bad.md:30:24 answers[1].doctor.rating.value']);
      expect(checked.threads).toEqual(whole.map((t) => ({ ...t, answers: t.answers.map((a) => ({ ...a, body: '' })) })));
      expect(whole[0]?.answers[0]?.body.length).toBeGreaterThan(100);
      expect(readdirSync(path.join(snapshot, 'threads'))).toHaveLength(30);
      for (const thread of whole) {
        const json = JSON.stringify(thread);
        expect(readFileSync(path.join(snapshot, 'threads', `${thread.slug}.json`), 'utf8')).toBe(`{"thread":${json},"related":`);
        expect(checked.hashes.get(thread.slug)).toBe(createHash('sha256').update(json).digest('hex'));
      }
      expect(memoryArchive(content, checked.threads).manifest).toEqual(memoryArchive(content, whole).manifest);
      results.push(checked);
      rmSync(snapshot, { recursive: true, force: true });
    }
    expect(results[0]).toEqual(results[1]);
    rmSync(content, { recursive: true, force: true });
  });
});
