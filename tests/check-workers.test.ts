import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { memoryArchive } from '../src/archive/archive';
import type { Archive } from '../src/archive/archive';
import { checkContent } from '../src/content/check';
import { loadContent } from '../src/content/load';

/** What an archive says about every thread, doctor and group, for comparing two archives. */
const everything = (archive: Archive) => ({
  slugs: archive.slugs,
  answerCount: archive.answerCount,
  doctors: archive.doctors(),
  directory: archive.directory(),
  groups: (['topic', 'specialty', 'location'] as const).map((kind) => archive.groups(kind)),
  related: archive.slugs.map((slug) => archive.thread(slug).related),
});

const SEED = path.join(__dirname, '..', 'content', 'face-semi-paralyzed-after-botox-to-masseter-muscles.md');
const dir = mkdtempSync(path.join(tmpdir(), 'qa-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the check's loader (npm run check), on worker threads", () => {
  it('finds exactly the problems the sequential loader finds, duplicate slugs across workers included, and keeps no thread without copies', async () => {
    const seed = readFileSync(SEED, 'utf8');
    for (let i = 0; i < 600; i += 1) {
      const slug = `thread-${String(i).padStart(4, '0')}`;
      writeFileSync(path.join(dir, `${slug}.md`), seed.replace(/^slug: .*$/mu, `slug: ${slug}`));
    }
    // The first and the last file land in different workers; both claim the same slug.
    writeFileSync(path.join(dir, 'aaa-duplicate.md'), seed.replace(/^slug: .*$/mu, 'slug: thread-0599'));
    writeFileSync(
      path.join(dir, 'thread-0300.md'),
      seed.replace(/^slug: .*$/mu, 'slug: thread-0300').replace('value: 4.4', 'value: 6'),
    );
    copyFileSync(SEED, path.join(dir, 'notes.txt'));

    const sequential = loadContent(dir);
    const parallel = await checkContent(dir, { workers: 2, minFiles: 600 }); // 602 entries: on two workers
    expect(parallel).toEqual({ ...sequential, threads: [], hashes: new Map(), known: new Map() });
    expect(parallel.fileCount).toBe(602);
    expect(sequential.threads).toHaveLength(599);
    expect(parallel.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.field}`)).toEqual([
      'aaa-duplicate.md:6:7 slug',
      'notes.txt:1:1 (file)',
      'thread-0300.md:30:24 answers[1].doctor.rating.value',
      'thread-0599.md:6:7 slug',
    ]);
  });

  it("with a folder for copies, writes each valid thread's copy as it reads it and keeps the thread without its answers' bodies, on workers as in one thread", async () => {
    const seed = readFileSync(SEED, 'utf8');
    const content = mkdtempSync(path.join(tmpdir(), 'qa-spool-'));
    for (let i = 0; i < 30; i += 1)
      writeFileSync(path.join(content, `thread-${i}.md`), seed.replace(/^slug: .*$/mu, `slug: thread-${i}`));
    writeFileSync(
      path.join(content, 'thread-bad.md'),
      seed.replace(/^slug: .*$/mu, 'slug: thread-bad').replace('value: 4.4', 'value: 6'),
    );
    const whole = loadContent(content).threads;
    const results = [];
    for (const [workers, minFiles] of [
      [2, 10],
      [1, 10],
    ] as const) {
      const copies = mkdtempSync(path.join(tmpdir(), 'qa-spool-copies-'));
      const checked = await checkContent(content, { copies, workers, minFiles });
      expect(checked.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.field}`)).toEqual([
        'thread-bad.md:30:24 answers[1].doctor.rating.value',
      ]);
      expect(checked.threads).toEqual(
        whole.map((t) => ({ ...t, answers: t.answers.map((a) => ({ ...a, body: '' })) })),
      );
      expect(whole[0]?.answers[0]?.body.length).toBeGreaterThan(100);
      expect(readdirSync(copies)).toHaveLength(30);
      for (const thread of whole) {
        const json = JSON.stringify(thread);
        expect(readFileSync(path.join(copies, `${thread.slug}.json`), 'utf8')).toBe(`${json}\n`);
        expect(checked.hashes.get(thread.slug)).toBe(createHash('sha256').update(json).digest('hex'));
      }
      expect(everything(memoryArchive(content, checked.threads))).toEqual(everything(memoryArchive(content, whole)));
      results.push(checked);
      // Checked again with what this check saw: every copy is taken as it is (here with no related
      // list appended: the empty one), and the result is the same.
      const again = await checkContent(content, { copies, kept: checked.known, workers, minFiles });
      expect(again.kept).toEqual(new Map(whole.map((t) => [t.slug, createHash('sha256').update('').digest('hex')])));
      const { kept, ...rest } = again;
      expect(kept?.size).toBe(whole.length);
      expect(rest).toEqual(checked);
      expect(checked.kept).toBeUndefined();
      rmSync(copies, { recursive: true, force: true });
    }
    expect(results[0]).toEqual(results[1]);
    rmSync(content, { recursive: true, force: true });
  });
});
