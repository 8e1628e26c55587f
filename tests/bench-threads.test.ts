import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticThread, writeThreads } from '../bench/generate';
import { formatProblem } from '../src/content/errors';
import { loadContent } from '../src/content/load';

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

  it('have the seed shape: 8 answers, rated, unrated and anonymous doctors, dated and undated questions', () => {
    const answers = loaded.threads.flatMap((t) => t.answers);
    expect(new Set(loaded.threads.map((t) => t.answers.length))).toEqual(new Set([8]));
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

  it('are the same on every run: thread i depends on i only', () => {
    expect(syntheticThread(42)).toEqual(syntheticThread(42));
    expect(syntheticThread(42).text).not.toBe(syntheticThread(43).text);
  });
});
