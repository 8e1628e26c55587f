import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../src/content/load';
import { loadContentParallel } from '../src/content/load-parallel';

const SEED = path.join(__dirname, '..', 'content', 'face-semi-paralyzed-after-botox-to-masseter-muscles.md');
const dir = mkdtempSync(path.join(tmpdir(), 'qa-parallel-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallel content loading (npm run check)', () => {
  it('gives exactly what the sequential loader gives, problems and duplicate slugs across workers included', async () => {
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
    const parallel = await loadContentParallel(dir, 2, 600); // 602 entries: on two workers
    expect(parallel).toEqual(sequential);
    expect(parallel.fileCount).toBe(602);
    expect(parallel.threads).toHaveLength(599);
    expect(parallel.problems.map((p) => `${path.basename(p.file)}:${p.line}:${p.col} ${p.field}`)).toEqual([
      'aaa-duplicate.md:6:7 slug',
      'notes.txt:1:1 (file)',
      'thread-0300.md:30:24 answers[1].doctor.rating.value',
      'thread-0599.md:6:7 slug',
    ]);
  });
});
