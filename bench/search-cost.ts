/**
 * What a reader's cold search costs on a built site, in a real Chromium.
 *
 *   npm run bench:search -- <outDir> <basePath-or-empty> <query> [<query>...]
 *
 * Serves <outDir> on 127.0.0.1 (gzip for html/js/css/json, Pagefind's own files as the raw bytes
 * Pagefind gzipped), then per query, in a fresh browser context (cold cache): opens <base>/search/,
 * waits for the search box and a quiet network (1 s), types the query and measures the time from
 * the last keystroke to the result count and to the first rendered result, waits for a quiet network
 * again and sums the bytes (CDP Network.loadingFinished encodedDataLength: body as sent plus
 * response headers) by kind and by bundle folder. SEARCH_COST_VERBOSE=1 lists every request
 * (sent..finished, ms from the start of typing, and bytes);
 * TYPE_DELAY_MS=n types one key every n ms (default 0: the whole start-up cost is after the last key);
 * THROTTLE=<latency ms>,<kbit/s> emulates a slower network (CDP), e.g. THROTTLE=150,1600.
 * Pagefind UI waits 300 ms after the last key before it searches (its debounce), so no time on a
 * fast network is below ~300 ms; it loads the index chunks for the partial term during that wait.
 */
import { createReadStream, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';

const QUIET_MS = 1000;
const RESULT_TIMEOUT_MS = 60_000;
const KINDS = ['entry', 'pf_meta', 'wasm', 'pf_index', 'pf_filter', 'pf_fragment', 'other'] as const;
type Kind = (typeof KINDS)[number];

// ---------------------------------------------------------------------------------------------
// Static server

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.json', '.css', '.svg', '.xml', '.txt']);
const gzipped = new Map<string, Buffer>();

function serve(root: string, basePath: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      let rel = decodeURIComponent(url.pathname);
      if (basePath !== '' && rel !== basePath && !rel.startsWith(`${basePath}/`)) return notFound(res);
      rel = rel.slice(basePath.length) || '/';
      let file = path.join(root, path.normalize(rel));
      if (file !== root && !file.startsWith(root + path.sep)) return notFound(res);
      const stat = statOrNull(file);
      if (stat?.isDirectory()) {
        if (!rel.endsWith('/')) {
          res.writeHead(301, { location: `${basePath}${rel}/${url.search}` }).end();
          return;
        }
        file = path.join(file, 'index.html');
      }
      if (!statOrNull(file)?.isFile()) return notFound(res);
      await send(req, res, file, 200);
    })().catch((error: unknown) => {
      console.error(error);
      res.destroy();
    });
  });
  async function notFound(res: http.ServerResponse): Promise<void> {
    const page = path.join(root, '404.html');
    if (statOrNull(page)?.isFile()) await send(undefined, res, page, 404);
    else res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function send(req: http.IncomingMessage | undefined, res: http.ServerResponse, file: string, status: number) {
  const ext = path.extname(file);
  // Pagefind's *.pf_* and wasm.*.pagefind files are gzip already: served as they are, no encoding.
  const type = TYPES[ext] ?? 'application/octet-stream';
  const acceptsGzip = /\bgzip\b/.test(String(req?.headers['accept-encoding'] ?? 'gzip'));
  const headers: http.OutgoingHttpHeaders = { 'content-type': type, 'cache-control': 'no-cache' };
  if (COMPRESSIBLE.has(ext)) {
    headers.vary = 'accept-encoding';
    if (acceptsGzip) {
      let body = gzipped.get(file);
      if (!body) gzipped.set(file, (body = gzipSync(await readFile(file))));
      res.writeHead(status, { ...headers, 'content-encoding': 'gzip', 'content-length': body.length }).end(body);
      return;
    }
  }
  res.writeHead(status, { ...headers, 'content-length': statSync(file).size });
  createReadStream(file).pipe(res);
}

function statOrNull(file: string) {
  try {
    return statSync(file);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Network accounting through CDP

type Throttle = { latencyMs: number; kbps: number };
type Request = {
  url: string;
  phase: 'load' | 'search';
  bytes: number;
  done: boolean;
  failed: boolean;
  start: number; // Date.now() when sent
  end: number; // when finished
};

class NetworkLog {
  readonly requests = new Map<string, Request>();
  phase: Request['phase'] = 'load';
  searchStart = 0; // Date.now() when typing started
  private lastChange = Date.now();

  async attach(page: Page, throttle: Throttle | null): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    if (throttle) {
      const bytesPerSecond = (throttle.kbps * 1000) / 8;
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: throttle.latencyMs,
        downloadThroughput: bytesPerSecond,
        uploadThroughput: bytesPerSecond,
      });
    }
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.request.url.startsWith('data:')) return;
      const old = this.requests.get(e.requestId);
      // A redirect reuses the request id: keep the bytes of the redirect response too.
      const bytes = old ? old.bytes + (e.redirectResponse?.encodedDataLength ?? 0) : 0;
      this.requests.set(e.requestId, {
        url: e.request.url,
        phase: old?.phase ?? this.phase,
        bytes,
        done: false,
        failed: false,
        start: old?.start ?? Date.now(),
        end: 0,
      });
      this.lastChange = Date.now();
    });
    cdp.on('Network.loadingFinished', (e) => this.finish(e.requestId, e.encodedDataLength, false));
    cdp.on('Network.loadingFailed', (e) => this.finish(e.requestId, 0, true));
  }

  private finish(id: string, bytes: number, failed: boolean): void {
    const r = this.requests.get(id);
    if (!r) return;
    r.bytes += bytes;
    r.done = true;
    r.failed = failed;
    r.end = Date.now();
    this.lastChange = Date.now();
  }

  inFlight(): number {
    return [...this.requests.values()].filter((r) => !r.done).length;
  }

  /** Until no request has been in flight for QUIET_MS. */
  async quiet(timeoutMs = 60_000): Promise<void> {
    const end = Date.now() + timeoutMs;
    while (this.inFlight() > 0 || Date.now() - this.lastChange < QUIET_MS) {
      if (Date.now() > end) throw new Error(`network not quiet after ${timeoutMs} ms (${this.inFlight()} in flight)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  of(phase: Request['phase']): Request[] {
    return [...this.requests.values()].filter((r) => r.phase === phase);
  }
}

function kindOf(url: string): Kind {
  const name = new URL(url).pathname.split('/').pop() ?? '';
  if (name === 'pagefind-entry.json') return 'entry';
  if (name.endsWith('.pf_meta')) return 'pf_meta';
  if (/^wasm\..*\.pagefind$/.test(name)) return 'wasm';
  if (name.endsWith('.pf_index')) return 'pf_index';
  if (name.endsWith('.pf_filter')) return 'pf_filter';
  if (name.endsWith('.pf_fragment')) return 'pf_fragment';
  return 'other';
}

function bundleOf(url: string, basePath: string): string {
  const m = /^\/(pagefind(?:-\d+)?)\//.exec(new URL(url).pathname.slice(basePath.length));
  return m?.[1] ?? '(page)';
}

// ---------------------------------------------------------------------------------------------
// One cold search

type Result = {
  query: string;
  countMs: number | null; // last keystroke → the message says "N results" / "No results"
  firstResultMs: number | null; // last keystroke → the first result with its title link in the DOM
  typingMs: number; // first keystroke → last keystroke
  message: string;
  results: number; // result elements shown
  load: Request[];
  search: Request[];
  searchStart: number;
};

type Marks = { firstKey?: number; lastKey?: number; count?: number; first?: number; message?: string };

async function measure(base: string, query: string, delay: number, throttle: Throttle | null): Promise<Result> {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const log = new NetworkLog();
    await log.attach(page, throttle);
    await page.goto(`${base}/search/`, { waitUntil: 'load' });
    await page.waitForSelector('#search input', { state: 'visible' });
    await log.quiet();

    // Marks taken in the page (page.evaluate is not bound by the page's CSP), on the page's clock.
    await page.evaluate(() => {
      const marks: Marks = {};
      (window as unknown as { __marks: Marks }).__marks = marks;
      document.addEventListener(
        'input',
        () => {
          marks.firstKey ??= performance.now();
          marks.lastKey = performance.now();
        },
        true,
      );
      const root = document.getElementById('search')!;
      // No named functions in here: tsx's esbuild would wrap them in a __name() the page lacks.
      new MutationObserver(() => {
        const text = root.querySelector('.pagefind-ui__message')?.textContent ?? '';
        if (marks.count === undefined && /result/i.test(text) && marks.lastKey !== undefined) {
          marks.count = performance.now();
          marks.message = text;
        }
        if (marks.first === undefined && root.querySelector('.pagefind-ui__result .pagefind-ui__result-link')) {
          marks.first = performance.now();
        }
      }).observe(root, { subtree: true, childList: true, characterData: true });
    });

    log.phase = 'search';
    log.searchStart = Date.now();
    await page.locator('#search input').pressSequentially(query, { delay });
    await page.waitForFunction(
      () => {
        const m = (window as unknown as { __marks: Marks }).__marks;
        return m.first !== undefined || (m.count !== undefined && /^no results/i.test(m.message ?? ''));
      },
      undefined,
      { timeout: RESULT_TIMEOUT_MS, polling: 50 },
    );
    await log.quiet();
    const marks = await page.evaluate(() => (window as unknown as { __marks: Marks }).__marks);
    const message = (await page.locator('.pagefind-ui__message').textContent())?.trim() ?? '';
    const results = await page.locator('.pagefind-ui__result').count();
    const since = (t: number | undefined) =>
      t === undefined || marks.lastKey === undefined ? null : t - marks.lastKey;
    return {
      query,
      countMs: since(marks.count),
      firstResultMs: since(marks.first),
      typingMs: (marks.lastKey ?? 0) - (marks.firstKey ?? 0),
      message,
      results,
      load: log.of('load'),
      search: log.of('search'),
      searchStart: log.searchStart,
    };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number | null) => (n === null ? '–' : `${Math.round(n)} ms`);
const sum = (rs: Request[]) => rs.reduce((s, r) => s + r.bytes, 0);

function groupBy(rs: Request[], key: (r: Request) => string): Map<string, Request[]> {
  const out = new Map<string, Request[]>();
  for (const r of rs) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

function describe(rs: Map<string, Request[]>): string {
  return [...rs].map(([k, v]) => `${k} ${v.length}×${kb(sum(v))}`).join(', ');
}

async function main(): Promise<void> {
  const [outDir, rawBase, ...queries] = process.argv.slice(2);
  if (!outDir || rawBase === undefined || queries.length === 0) {
    console.error('usage: npm run bench:search -- <outDir> <basePath-or-empty> <query> [<query>...]');
    process.exit(2);
  }
  const basePath = rawBase.replace(/\/+$/, '');
  if (basePath !== '' && !basePath.startsWith('/')) throw new Error(`base path must start with /: ${rawBase}`);
  const delay = Number(process.env.TYPE_DELAY_MS ?? 0);
  const verbose = process.env.SEARCH_COST_VERBOSE === '1';
  const t = process.env.THROTTLE?.split(',').map(Number);
  const throttle: Throttle | null =
    t?.length === 2 && t.every((n) => n >= 0) ? { latencyMs: t[0] ?? 0, kbps: t[1] ?? 0 } : null;
  if (process.env.THROTTLE && !throttle)
    throw new Error('THROTTLE is "<latency ms>,<download kbit/s>", such as 150,1600');

  const root = path.resolve(outDir);
  const server = await serve(root, basePath);
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const base = `${origin}${basePath}`;
  const bundles = (await readFile(path.join(root, 'search-bundles.js'), 'utf8').catch(() => '')).match(
    /\[[^\]]*\]/,
  )?.[0];
  console.log(
    `site ${root} at ${base}/ · bundles ${bundles ?? '(no search-bundles.js)'} · typing delay ${delay} ms · ${throttle ? `throttled to ${throttle.latencyMs} ms, ${throttle.kbps} kbit/s` : 'not throttled'}`,
  );

  const rows: Result[] = [];
  try {
    for (const query of queries) {
      const r = await measure(base, query, delay, throttle);
      rows.push(r);
      const byKind = groupBy(r.search, (x) => kindOf(x.url));
      const byBundle = groupBy(r.search, (x) => bundleOf(x.url, basePath));
      const failed = [...r.load, ...r.search].filter((x) => x.failed).length;
      console.log(
        `"${query}": count ${ms(r.countMs)}, first result ${ms(r.firstResultMs)} after the last key` +
          ` (typed in ${Math.round(r.typingMs)} ms) · "${r.message}" (${r.results} shown)` +
          ` · page load ${r.load.length} req ${kb(sum(r.load))}` +
          ` · search ${r.search.length} req ${kb(sum(r.search))}${failed ? ` · ${failed} FAILED` : ''}\n` +
          `    by kind: ${describe(new Map(KINDS.filter((k) => byKind.has(k)).map((k) => [k, byKind.get(k)!])))}\n` +
          `    by bundle: ${describe(new Map([...byBundle].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))))}`,
      );
      if (verbose) {
        for (const x of [...r.load, ...r.search]) {
          const span = `${x.start - r.searchStart}..${x.end - r.searchStart} ms`.padStart(16);
          console.log(
            `    ${x.phase.padEnd(6)} ${span} ${String(x.bytes).padStart(8)} ${x.failed ? 'FAILED ' : ''}${x.url.slice(origin.length)}`,
          );
        }
      }
    }
  } finally {
    server.close();
  }

  console.log(
    '\n| query | results | count (ms) | first result (ms) | page load req / KB | search req / KB | ' +
      KINDS.map((k) => `${k} KB`).join(' | ') +
      ' |',
  );
  console.log(`|${' --- |'.repeat(6 + KINDS.length)}`);
  for (const r of rows) {
    const byKind = groupBy(r.search, (x) => kindOf(x.url));
    const cells = [
      `\`${r.query}\``,
      r.message.replace(/\|/g, '\\|'),
      r.countMs === null ? '–' : Math.round(r.countMs),
      r.firstResultMs === null ? '–' : Math.round(r.firstResultMs),
      `${r.load.length} / ${(sum(r.load) / 1024).toFixed(1)}`,
      `${r.search.length} / ${(sum(r.search) / 1024).toFixed(1)}`,
      ...KINDS.map((k) => {
        const rs = byKind.get(k) ?? [];
        return rs.length ? `${(sum(rs) / 1024).toFixed(1)} (${rs.length})` : '0';
      }),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
