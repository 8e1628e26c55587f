/**
 * `npm run bench:check [count]`: times `npm run check` over `count` (default 10,000) valid
 * seed-sized threads generated into a temporary folder (never content/). Prints figures only;
 * the target is under 5 s for 10,000 threads on the project's 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { loadContent } from '../content/load';
import { CONTENT_DIR } from '../content/threads';

const count = Number(process.argv[2] ?? 10_000);
const seedName = readdirSync(CONTENT_DIR).find((name) => name.endsWith('.md'));
if (!seedName) throw new Error(`no .md file in ${CONTENT_DIR} to copy`);
const seed = readFileSync(path.join(CONTENT_DIR, seedName), 'utf8');
const seedSlug = seedName.replace(/\.md$/u, '');

const dir = mkdtempSync(path.join(tmpdir(), 'qa-bench-check-'));
try {
  for (let i = 0; i < count; i += 1) {
    const slug = `${seedSlug.slice(0, 80)}-${String(i).padStart(5, '0')}`;
    writeFileSync(path.join(dir, `${slug}.md`), seed.replace(`slug: ${seedSlug}`, `slug: ${slug}`));
  }
  const started = performance.now();
  const run = spawnSync('npm', ['run', '--silent', 'check', '--', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const summary = run.stdout.trim().split('\n').at(-1) ?? '';
  console.log(`npm run check over ${count.toLocaleString('en-US')} threads (${seed.length.toLocaleString('en-US')} bytes each): ${seconds.toFixed(2)} s, exit ${String(run.status)}`);
  console.log(`summary: ${summary}`);
  if (run.status !== 0) console.error(run.stdout.split('\n').slice(0, 5).join('\n'), run.stderr);
  // The machine is shared: CPU time of the same work in this process is steadier than wall time.
  const cpu = process.cpuUsage();
  const inProcess = performance.now();
  const loaded = loadContent(dir);
  const used = process.cpuUsage(cpu);
  console.log(
    `loadContent in process: ${((performance.now() - inProcess) / 1000).toFixed(2)} s wall, ${((used.user + used.system) / 1e6).toFixed(2)} s CPU, ${loaded.threads.length.toLocaleString('en-US')} threads`,
  );
  console.log(`load average: ${loadavg().map((n) => n.toFixed(2)).join(' ')} on ${availableParallelism()} cores`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
