import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runBuild } from './helpers/build';

describe('build with invalid content', () => {
  it('fails, names the file and the line, and runs none of a ---js file', () => {
    const marker = path.join(mkdtempSync(path.join(tmpdir(), 'qa-marker-')), 'ran');
    const dir = path.join(ROOT, 'tests', 'fixtures', 'build-js');
    const build = runBuild({ CONTENT_DIR: dir, QA_MARKER_FILE: marker });
    expect(build.status).not.toBe(0);
    expect(build.output).toContain(
      'tests/fixtures/build-js/evil-thread.md:1:1 (file): the first line must be exactly "---", got "---js"; front matter is YAML only\n1 problem in 1 of 2 files',
    );
    expect(existsSync(marker)).toBe(false);
  });
});
