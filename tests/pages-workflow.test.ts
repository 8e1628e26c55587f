/**
 * The GitHub Pages workflow (.github/workflows/pages.yml) keeps the last build between runs, so
 * that a push that changes a few threads is an incremental build (docs/build-pipeline.md,
 * "Incremental builds"), and starts clean when the code, the lock file or the settings change.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CODE } from '../src/export/incremental';

const ROOT = path.join(__dirname, '..');

type Step = { id?: string; run?: string; uses?: string; with?: Record<string, string> };
const workflow = parse(readFileSync(path.join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8')) as {
  jobs: { build: { steps: Step[] } };
};
const steps = workflow.jobs.build.steps;
const at = (match: (s: Step) => boolean) => steps.findIndex(match);

describe('.github/workflows/pages.yml', () => {
  const cache = steps[at((s) => s.uses?.startsWith('actions/cache@') === true)];

  it('restores out/, the build cache and the snapshot after npm ci and the Pages settings it is keyed by, and before the build', () => {
    expect(cache?.with?.path?.trim().split('\n')).toEqual(['out', '.next/cache/qa-build', '.next/cache/snapshot']);
    const restore = at((s) => s === cache);
    expect(restore).toBeGreaterThan(at((s) => s.run === 'npm ci --no-audit --no-fund'));
    expect(restore).toBeGreaterThan(at((s) => s.id === 'pages'));
    expect(restore).toBeLessThan(at((s) => s.run === 'npm run build'));
  });

  it('keys the cache by the code, the lock file and the settings, one entry a commit, restoring the newest of the same code', () => {
    const key = cache?.with?.key ?? '';
    // Every file and folder the build's own key reads (src/export/incremental.ts), folders with all below them.
    for (const entry of CODE)
      expect(key).toContain(`'${statSync(path.join(ROOT, entry)).isDirectory() ? `${entry}/**` : entry}'`);
    // The settings: the address Pages gives, and the workflow file, where the others are set.
    expect(key).toContain('${{ steps.pages.outputs.base_url }}');
    expect(key).toContain("${{ hashFiles('.github/workflows/pages.yml') }}");
    expect(key.endsWith('-${{ github.sha }}')).toBe(true);
    expect(cache?.with?.['restore-keys']?.trim()).toBe(key.slice(0, -'${{ github.sha }}'.length));
  });
});
