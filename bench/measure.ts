/**
 * What the benchmark measures: a command's wall time and the peak memory of its whole process
 * tree (sampled from /proc), and the bytes of an exported site in out/.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { listFiles } from '../src/export/files';

const PAGE_SIZE = 4096;

/** Resident memory of `root` and all its descendants, in bytes, from /proc (Linux only); `search` is Pagefind's share. */
export function treeRss(root: number): { total: number; search: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      // The command name is in parentheses and may hold spaces: fields start after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const pid = Number(entry);
      const ppid = Number(fields[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      rss.set(pid, Number(fields[21]) * PAGE_SIZE); // field 24 of stat: rss in pages
      names.set(pid, stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')));
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  let search = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    total += rss.get(pid) ?? 0;
    if (names.get(pid)?.startsWith('pagefind')) search += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return { total, search };
}

export type RunResult = {
  status: number | null;
  ms: number;
  /** Peak memory of the whole process tree. */
  peakBytes: number;
  /** Peak memory of the tree without Pagefind's indexer (check, Next and the post-export step): the page phase. */
  peakPagesBytes: number;
  /** Peak memory of Pagefind's indexer alone. */
  peakSearchBytes: number;
  output: string;
};

/** Runs a command, sampling the memory of its process tree every `everyMs`; resolves when it exits. */
export function measure(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  everyMs = 100,
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    let peakBytes = 0;
    let peakPagesBytes = 0;
    let peakSearchBytes = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { total, search } = treeRss(child.pid);
      peakBytes = Math.max(peakBytes, total);
      peakPagesBytes = Math.max(peakPagesBytes, total - search);
      peakSearchBytes = Math.max(peakSearchBytes, search);
    };
    const timer = setInterval(sample, everyMs);
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (status) => {
      clearInterval(timer);
      resolve({
        status,
        ms: performance.now() - started,
        peakBytes,
        peakPagesBytes,
        peakSearchBytes,
        output: Buffer.concat(chunks).toString('utf8'),
      });
    });
  });
}

/** Gzipped size at zlib's default level, about what a web server sends. */
export function gzipSize(data: Buffer | string): number {
  return gzipSync(data).length;
}

/** Size of one page and of everything it makes a browser load. */
export type PageSize = {
  file: string;
  htmlBytes: number;
  htmlGzip: number;
  /** Stylesheets the page links, gzipped (each file compressed on its own, as a server would send it). */
  cssGzip: number;
  /** JavaScript the page loads: inline scripts plus script files, raw and gzipped. */
  jsBytes: number;
  jsGzip: number;
  scripts: number;
};

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script>/giu;
const SRC = /\bsrc="([^"]+)"/iu;
const STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*>/giu;
const HREF = /\bhref="([^"]+)"/iu;

/** The bytes a page costs: its HTML, linked CSS and all JavaScript it loads. `basePath` is stripped from URLs. */
export function pageSize(outDir: string, file: string, basePath = ''): PageSize {
  const html = readFileSync(path.join(outDir, file), 'utf8');
  const local = (url: string) => path.join(outDir, decodeURI(url.split(/[?#]/u)[0] ?? '').slice(basePath.length));
  let jsBytes = 0;
  let jsGzip = 0;
  let scripts = 0;
  for (const m of html.matchAll(SCRIPT)) {
    const attrs = m[1] ?? '';
    if (/type="application\/(ld\+)?json"/iu.test(attrs)) continue; // data, not code
    scripts += 1;
    const src = SRC.exec(attrs)?.[1];
    const code = src ? readFileSync(local(src)) : Buffer.from(m[2] ?? '');
    jsBytes += code.length;
    jsGzip += gzipSize(code);
  }
  let cssGzip = 0;
  for (const m of html.matchAll(STYLESHEET)) {
    const href = HREF.exec(m[0])?.[1];
    if (href?.startsWith('/')) cssGzip += gzipSize(readFileSync(local(href)));
  }
  return { file, htmlBytes: Buffer.byteLength(html), htmlGzip: gzipSize(html), cssGzip, jsBytes, jsGzip, scripts };
}

/** Total bytes of the files under `dir` whose relative path passes `keep`. */
export function bytesUnder(dir: string, keep: (file: string) => boolean = () => true): number {
  return listFiles(dir)
    .filter(keep)
    .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
}

/**
 * Writes `report` into the markdown file `doc` between its markers `<!-- <name>:start (written by
 * npm run <script>) -->` and `<!-- <name>:end -->`, keeping the rest (a new file gets `title`).
 */
export function writeReport(doc: string, name: string, script: string, title: string, report: string): void {
  const start = `<!-- ${name}:start (written by npm run ${script}) -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(doc) ? readFileSync(doc, 'utf8') : `# ${title}\n\n${start}\n${end}\n`;
  const [before, rest] = text.split(start);
  const after = rest?.split(end)[1] ?? '\n';
  writeFileSync(doc, `${before ?? ''}${start}\n${report}\n${end}${after}`);
}

/**
 * The first line of a report: when, on what (cores and their model: a guest can move to another
 * host between runs), and how busy the machine was at the end.
 */
export function reportStamp(): string {
  const cpu = os.cpus();
  const load = os.loadavg()[0]?.toFixed(2) ?? '?';
  return `- date: ${new Date().toISOString().replace(/\.\d+Z$/u, 'Z')}; ${cpu.length} cores (${cpu[0]?.model ?? 'unknown'}); load average (1 min) at the end ${load}`;
}

/** A wall time as reports show it: `12.3 s`. */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** Memory or bytes as reports show them: `1,234 MB`. */
export const mb = (bytes: number) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
