/**
 * Builds the two sites the browser suite opens and serves them on 127.0.0.1: the layout fixture
 * site (built first from writeFixtureContent's folder, then copied out of out/) and the seed site
 * (left in out/). The builds share out/, so they run one after the other.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from '../../src/export/serve';
import { OUT, ROOT, runBuild } from '../helpers/build';
import { requireChromium } from './helpers/chromium';
import { writeFixtureContent } from './helpers/fixture-content';

/** Builds `contentDir` into out/ (with `env` set); throws with the build output when it fails. */
function build(contentDir: string, env: Record<string, string> = {}): void {
  const result = runBuild({ CONTENT_DIR: contentDir, ...env });
  if (result.status !== 0) throw new Error(`npm run build (CONTENT_DIR=${contentDir}) failed:\n${result.output}`);
}

/** Vitest global setup: build, copy, serve; returns the teardown that stops the servers. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  requireChromium();
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'qa-browser-'));
  const fixtureDir = path.join(tmp, 'fixture-site');
  const fixtureContent = path.join(tmp, 'fixture-content');
  writeFixtureContent(fixtureContent);
  // Its 54 threads in two search bundles, as a large archive's are: search must find both.
  build(fixtureContent, { SEARCH_BUNDLE_THREADS: '30' });
  cpSync(OUT, fixtureDir, { recursive: true });
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
