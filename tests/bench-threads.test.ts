import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticThread, writeThreads } from '../bench/generate';
import { formatProblem } from '../src/content/errors';
import { loadContent } from '../src/content/load';
import { renderPlainParagraphs } from '../src/views/markdown';

describe('benchmark threads (bench/generate.ts)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qa-bench-threads-'));
  const bytes = writeThreads(dir, 300);
  const loaded = loadContent(dir);

  it('are valid content, 300 files of about the seed size (6.4 KB)', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.threads).toHaveLength(300);
    expect(bytes / 300).toBeGreaterThan(5800);
    expect(bytes / 300).toBeLessThan(7200);
  });

  it("have an archive's shape: 2 to 10 answers, rated, unrated and anonymous doctors, dated and undated questions", () => {
    const answers = loaded.threads.flatMap((t) => t.answers);
    expect(new Set(loaded.threads.map((t) => t.answers.length))).toEqual(new Set([2, 3, 4, 5, 6, 7, 8, 9, 10]));
    expect(answers.some((a) => a.doctor?.rating)).toBe(true);
    expect(answers.some((a) => a.doctor && !a.doctor.rating)).toBe(true);
    expect(answers.some((a) => !a.doctor)).toBe(true);
    expect(loaded.threads.some((t) => t.question.date) && loaded.threads.some((t) => !t.question.date)).toBe(true);
  });

  it('share doctors and vary titles, as an archive does', () => {
    const names = loaded.threads.flatMap((t) => t.answers.flatMap((a) => (a.doctor ? [a.doctor.name] : [])));
    expect(new Set(names).size).toBeLessThan(names.length * 0.8);
    expect(new Set(loaded.threads.map((t) => t.title)).size).toBeGreaterThan(250);
  });

  it('draw doctors from a pool of about 800, as an archive of 10,000 threads has', () => {
    const names = new Set(
      Array.from({ length: 1000 }, (_, i) => syntheticThread(i).text).flatMap((text) =>
        [...text.matchAll(/^ {6}name: (".*")$/gmu)].map((m) => m[1]),
      ),
    );
    expect(names.size).toBeGreaterThan(700); // 1,000 threads meet most of the pool
    expect(names.size).toBeLessThanOrEqual(800);
  });

  it('are the same on every run: thread i depends on i only', () => {
    expect(syntheticThread(42)).toEqual(syntheticThread(42));
    expect(syntheticThread(42).text).not.toBe(syntheticThread(43).text);
    // A shorter run writes the same first threads: nothing depends on N or on the threads before.
    const small = mkdtempSync(path.join(os.tmpdir(), 'qa-bench-threads-'));
    writeThreads(small, 20);
    for (const i of [0, 7, 19]) {
      const { slug, text } = syntheticThread(i);
      expect(readFileSync(path.join(small, `${slug}.md`), 'utf8')).toBe(text);
      expect(readFileSync(path.join(dir, `${slug}.md`), 'utf8')).toBe(text);
    }
  });

  describe("text as hard as an archive's", () => {
    const bodies = loaded.threads.flatMap((t) => [t.question.body, ...t.answers.map((a) => a.body)]);
    const share = (test: (body: string) => boolean) => bodies.filter(test).length / bodies.length;

    it('has real punctuation in most bodies: commas, parentheses, quotes, apostrophes, percentages, decimals, "e.g."', () => {
      for (const pattern of [/, /u, /\(/u, /"/u, /'/u, /\d%/u, /\d\.\d/u, /\be\.g\./u, /!/u]) {
        expect(
          share((b) => pattern.test(b)),
          String(pattern),
        ).toBeGreaterThan(0.05);
      }
      expect(share((b) => /, /u.test(b))).toBeGreaterThan(0.9);
    });

    it('has what the importer writes: lists, hard breaks, escaped characters', () => {
      expect(share((b) => /^(?:- |\* |\d+[.)] )/mu.test(b))).toBeGreaterThan(0.03); // list lines
      expect(share((b) => /\\\n(?!\n)/u.test(b))).toBeGreaterThan(0.03); // a hard break inside a paragraph
      expect(share((b) => /^\d+\\\./mu.test(b))).toBeGreaterThan(0.01); // "4\.0" at a line's start
      expect(share((b) => /\\[*_<[]/u.test(b))).toBeGreaterThan(0.01); // a typed `*`, `_`, `<`, `[`
    });

    it('sends a real share of bodies past the plain-paragraph path to remark, and keeps most on it', () => {
      const off = share((b) => renderPlainParagraphs(b) === undefined);
      expect(off).toBeGreaterThan(0.12);
      expect(off).toBeLessThan(0.25);
    });
  });
});
