/** Runs the real build (`npm run build`) for the build-output suites; throws with its output on failure. */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { listFiles } from '../../src/export/files';

export const ROOT = path.resolve(__dirname, '..', '..');
export const OUT = path.join(ROOT, 'out');

/** Builds the site from `content/` (or `env.CONTENT_DIR`) into out/ (`args` as after `npm run build --`); returns stdout and stderr. */
export function runBuild(env: Record<string, string> = {}, args: readonly string[] = []): ReturnType<typeof runNpm> {
  return runNpm('build', env, args);
}

/** Runs `npm run <script> -- <args>` in the project with `env` added; returns its exit code, stdout and stderr. */
export function runNpm(
  script: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): { status: number | null; output: string; stdout: string; stderr: string } {
  const result = spawnSync('npm', ['run', '--silent', script, ...(args.length > 0 ? ['--', ...args] : [])], {
    cwd: ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
    encoding: 'utf8',
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Every file below a folder, relative to it (re-exported for the suites). */
export { listFiles };

/**
 * What differs between two folders: files only in one (`only <label>: <file>`, `labels` naming the
 * first and the second), then files whose bytes differ (`differs: <file>`); none when they are the same.
 */
export function folderDifferences(first: string, second: string, labels: readonly [string, string]): string[] {
  const a = listFiles(first);
  const b = listFiles(second);
  const inA = new Set(a);
  const inB = new Set(b);
  return [
    ...a.filter((f) => !inB.has(f)).map((f) => `only ${labels[0]}: ${f}`),
    ...b.filter((f) => !inA.has(f)).map((f) => `only ${labels[1]}: ${f}`),
    ...a
      .filter((f) => inB.has(f) && !readFileSync(path.join(first, f)).equals(readFileSync(path.join(second, f))))
      .map((f) => `differs: ${f}`),
  ];
}
