/**
 * `npm run audit`: builds the site, serves out/ on 127.0.0.1 and runs Lighthouse (mobile, the
 * default) on the index and a thread page with Debian's Chromium. Prints the four category scores
 * and FCP, LCP, TBT, CLS and total bytes; exits 1 when any category is below the budget of 100.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { serveStatic } from '../export/serve';

const CHROMIUM = '/usr/bin/chromium';
const BUDGET = 100;
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
// Headless, as root, and off the closed network (see ../shared/TOOLCHAIN.md).
const CHROME_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync';

type Audit = { score: number | null; numericValue?: number; title: string; scoreDisplayMode: string };
type Report = {
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<string, Audit>;
  runWarnings: string[];
};

/** Runs the Lighthouse CLI on `url` and returns its JSON report. */
async function lighthouse(url: string): Promise<Report> {
  const bin = path.resolve('node_modules', '.bin', 'lighthouse');
  const { stdout } = await promisify(execFile)(
    bin,
    [
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
      `--only-categories=${CATEGORIES.join(',')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Report;
}

/** One line of figures for a report, and the scored audits that cost points. */
function summarize(name: string, report: Report): { line: string; scores: number[]; lost: string[] } {
  const scores = CATEGORIES.map((c) => Math.round((report.categories[c]?.score ?? 0) * 100));
  const metric = (id: string) => report.audits[id]?.numericValue ?? NaN;
  const line = [
    name.padEnd(10),
    ...CATEGORIES.map((c, i) => `${c} ${scores[i]}`),
    `FCP ${Math.round(metric('first-contentful-paint'))} ms`,
    `LCP ${Math.round(metric('largest-contentful-paint'))} ms`,
    `TBT ${Math.round(metric('total-blocking-time'))} ms`,
    `CLS ${metric('cumulative-layout-shift').toFixed(3)}`,
    `total ${Math.round(metric('total-byte-weight')).toLocaleString('en-US')} B`,
  ].join(' | ');
  const lost = CATEGORIES.flatMap((c) =>
    (report.categories[c]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1)
      .map(
        (ref) =>
          `${name} ${c}: ${ref.id} (${report.audits[ref.id]?.title ?? ''}) score ${report.audits[ref.id]?.score}`,
      ),
  );
  return { line, scores, lost };
}

/** Builds, serves and audits; returns the exit code. */
async function main(): Promise<number> {
  if (!existsSync(CHROMIUM)) {
    console.error(
      `${CHROMIUM} is missing: the audit runs Lighthouse in Debian's Chromium. Install it with: apt-get install -y chromium`,
    );
    return 1;
  }
  const build = spawnSync('npm', ['run', 'build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) {
    console.error('audit: npm run build failed');
    return 1;
  }
  const slug = readdirSync(path.join('out', 'threads')).sort()[0];
  if (!slug) throw new Error('audit: out/threads/ has no thread page');
  const server = await serveStatic('out');
  let failed = false;
  try {
    for (const [name, urlPath] of [
      ['index', '/'],
      ['thread', `/threads/${slug}/`],
    ] as const) {
      const report = await lighthouse(`${server.origin}${urlPath}`);
      const { line, scores, lost } = summarize(name, report);
      console.log(line);
      for (const warning of report.runWarnings) console.log(`  warning: ${warning}`);
      if (scores.some((s) => s < BUDGET)) {
        failed = true;
        for (const l of lost) console.log(`  below budget: ${l}`);
      }
    }
  } finally {
    await server.close();
  }
  if (failed) console.error(`audit: a category scored below the budget of ${BUDGET}`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
