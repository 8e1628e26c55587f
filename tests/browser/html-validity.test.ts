import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from '../helpers/build';
import { everyHtmlFile } from './helpers/site';

const VNU = path.join(ROOT, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

type VnuMessage = { type: string; url: string; lastLine?: number; message: string };

describe('Nu Html Checker (vnu-jar on Java)', () => {
  it('finds 0 errors in every HTML file of both sites and in the stylesheets', () => {
    const html = everyHtmlFile();
    expect(html.length).toBeGreaterThanOrEqual(9);
    const seedDir = inject('seedDir');
    const css = readdirSync(seedDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.css'))
      .map((f) => path.join(seedDir, f));
    expect(css.length).toBeGreaterThanOrEqual(1);
    const files = [...html, ...css];
    // --exit-zero-always: the JSON report, not the exit code, says what is wrong.
    const run = spawnSync(
      'java',
      ['-jar', VNU, '--errors-only', '--also-check-css', '--format', 'json', '--exit-zero-always', ...files],
      {
        encoding: 'utf8',
      },
    );
    if (run.error)
      throw new Error(
        `java did not run (${run.error.message}): the HTML check needs Java 17 (apt-get install -y openjdk-17-jre-headless)`,
      );
    expect(run.status, run.stderr).toBe(0);
    // vnu prints its JSON report on stderr.
    const report = JSON.parse(run.stderr) as { messages: VnuMessage[] };
    const errors = report.messages.map(
      (m) => `${m.url.replace(/^file:/u, '')}:${m.lastLine ?? 0} ${m.type}: ${m.message}`,
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
