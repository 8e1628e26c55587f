/**
 * `npm run bench:dev [-- N]`: how long `npm run dev` takes to show an edit. Writes N synthetic
 * threads (default 10,000), starts `next dev` on them, opens a thread page, the index, a doctor's
 * page and a topic's page once (compiling them), then edits that thread's title again and again
 * and times each reload of each page. Budget: at most 1 s a reload after an edit.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeThreads } from './generate';

const ROOT = path.resolve(__dirname, '..');
const n = Number(process.argv.slice(2).find((a) => /^\d+$/u.test(a)) ?? 10_000);
const EDITS = 5;
const BUDGET_MS = 1000;

async function main(): Promise<void> {
  const dir = path.join(os.tmpdir(), 'qa-thread-viewer-bench-dev');
  rmSync(dir, { recursive: true, force: true });
  writeThreads(dir, n);
  const server = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['dev', '-p', '0', '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const origin = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/u.exec(output)?.[1];
      if (url) resolve(url);
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
    server.once('exit', (code) => reject(new Error(`next dev exited with ${code}:\n${output}`)));
  });
  try {
    const timed = async (pathname: string) => {
      const start = performance.now();
      const response = await fetch(`${origin}${pathname}`);
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${pathname}: status ${response.status}`);
      return { ms: performance.now() - start, html };
    };
    // The first thread of the index: the newest question. Its page, its first doctor and first topic.
    const first = await timed('/');
    console.log(
      `first request (compiles /, reads ${n.toLocaleString('en-US')} files): ${(first.ms / 1000).toFixed(1)} s`,
    );
    const slug = /href="\/threads\/([^/]+)\/"/u.exec(first.html)?.[1] ?? '';
    const thread = await timed(`/threads/${slug}/`);
    const doctor = /href="(\/doctors\/[^/]+\/)"/u.exec(thread.html)?.[1] ?? '';
    const topic = /href="(\/topics\/[^/]+\/)"/u.exec(thread.html)?.[1] ?? '';
    const pages = [`/threads/${slug}/`, '/', doctor, topic];
    for (const page of pages) await timed(page);
    const file = path.join(dir, `${slug}.md`);
    const original = readFileSync(file, 'utf8');
    const times = new Map(pages.map((p) => [p, [] as number[]]));
    const unchanged = new Map(pages.map((p) => [p, [] as number[]]));
    for (let i = 1; i <= EDITS; i++) {
      for (const page of pages) unchanged.get(page)?.push((await timed(page)).ms);
      const title = `Edited ${i} times`;
      writeFileSync(file, original.replace(/^title: .*$/mu, `title: ${title}`));
      // The first page after the edit reads the file again and scores related threads; each other
      // page then pays for what it needs anew (a doctor's page gathers the doctors again).
      for (const page of pages) {
        const { ms, html } = await timed(page);
        if (!html.includes(title)) throw new Error(`${page} does not show the edit "${title}"`);
        times.get(page)?.push(ms);
      }
    }
    writeFileSync(file, original);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    console.log(`reloads at ${n.toLocaleString('en-US')} threads, ${EDITS} edits of one title (ms; median and worst):`);
    let worst = 0;
    for (const page of pages) {
      const after = times.get(page) ?? [];
      const before = unchanged.get(page) ?? [];
      worst = Math.max(worst, ...after);
      console.log(
        `  ${page.padEnd(60)} after an edit ${median(after).toFixed(0)} (${Math.max(...after).toFixed(0)}); unchanged ${median(before).toFixed(0)} (${Math.max(...before).toFixed(0)})`,
      );
    }
    console.log(
      `budget: a reload after an edit at most ${BUDGET_MS} ms: ${worst <= BUDGET_MS ? 'met' : 'MISSED'} (worst ${worst.toFixed(0)} ms)`,
    );
  } finally {
    server.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
