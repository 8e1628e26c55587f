/** `npm run check` as a writer runs it: every problem of every file, a summary, and the exit code. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/build';

/** Runs the check command on a folder (relative to the project root). */
function check(dir?: string) {
  const result = spawnSync('npx', ['tsx', 'src/cli/check.ts', ...(dir ? [dir] : [])], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run check', () => {
  it('prints every problem of every file, then a summary, and exits 1', () => {
    const result = check('tests/fixtures/check');
    expect(result.stdout).toBe(
      [
        'tests/fixtures/check/bad-fields.md:13:7 answers[0].doctor.clinic: unknown field "clinic"; allowed here: name, credentials, location, specialty, rating',
        'tests/fixtures/check/bad-fields.md:15:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6',
        'tests/fixtures/check/good-thread-copy.md:2:7 slug: slug "good-thread" must equal the file name "good-thread-copy"; rename the file or change the slug',
        'tests/fixtures/check/good-thread.md:2:7 slug: slug "good-thread" is already used by tests/fixtures/check/good-thread-copy.md',
        'tests/fixtures/check/js-thread.md:1:1 (file): the first line must be exactly "---", got "---js"; front matter is YAML only',
        'tests/fixtures/check/notes.txt:1:1 (file): only .md files belong in the content folder; move or remove this',
        '6 problems in 5 of 5 files',
        '',
      ].join('\n'),
    );
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('says so, without a stack trace, when the folder does not exist', () => {
    const result = check('no-such-folder');
    expect(result.stdout).toBe('no-such-folder: no such folder; give the folder that holds the .md files\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('passes the shipped content with a summary and exit 0', () => {
    const result = check();
    // Other work adds threads to content/; the count may grow, the verdict may not change.
    expect(result.stdout).toMatch(/^\d+ files? checked, no problems\n$/u);
    expect(result.status).toBe(0);
  });
});
