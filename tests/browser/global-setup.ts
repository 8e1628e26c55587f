/**
 * Builds the two sites the browser suite opens and serves them on 127.0.0.1: the layout fixture
 * site (built first from writeFixtureContent's folder, in two shards merged into one folder, as a
 * large archive is built on a CI matrix) and the seed site (built whole, left in out/). The builds
 * share out/, so they run one after the other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/export/serve';
import { OUT, ROOT, runBuild, runNpm } from '../helpers/build';
import { requireChromium } from './helpers/chromium';
import { writeFixtureContent } from './helpers/fixture-content';

/** Builds `contentDir` into out/ (with `env` set and `args` after `npm run build --`); throws with the build output when it fails. */
function build(contentDir: string, env: Record<string, string> = {}, args: string[] = []): void {
  const result = runBuild({ CONTENT_DIR: contentDir, ...env }, args);
  if (result.status !== 0)
    throw new Error(`npm run build ${args.join(' ')} (CONTENT_DIR=${contentDir}) failed:\n${result.output}`);
}

/** Vitest global setup: build, copy, serve; returns the teardown that stops the servers. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'qa-browser-'));
  const fixtureDir = path.join(tmp, 'fixture-site');
  const fixtureContent = path.join(tmp, 'fixture-content');
  writeFixtureContent(fixtureContent);
  // Its 54 threads in two shards, each indexed for search in bundles of at most 20 threads: the
  // merged site searches four bundles, and every page of it is what a whole build writes (tests/shards.test.ts).
  const shards = [1, 2].map((i) => path.join(tmp, `fixture-shard-${i}`));
  shards.forEach((dir, k) =>
    build(fixtureContent, { SEARCH_BUNDLE_THREADS: '20' }, ['--shard', `${k + 1}/2`, '--out', dir]),
  );
  const merged = runNpm('merge', {}, [...shards, '--out', fixtureDir]);
  if (merged.status !== 0) throw new Error(`npm run merge failed:\n${merged.output}`);
  build(path.join(ROOT, 'content'));
  const seed = await serveStatic(OUT);
  const fixture = await serveStatic(fixtureDir);
  project.provide('seedDir', OUT);
  project.provide('seedOrigin', seed.origin);
  project.provide('fixtureDir', fixtureDir);
  project.provide('fixtureOrigin', fixture.origin);
  return async () => {
    await Promise.all([seed.close(), fixture.close()]);
    rmSync(tmp, { recursive: true, force: true });
  };
}
