/**
 * The browser's second layer of defence: every built page carries a Content-Security-Policy
 * `<meta>` before anything it governs, and forbids scripts, plugins and a changed base URL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { beforeAll, describe, expect, it } from 'vitest';
import { OUT, listFiles, runBuild } from './helpers/build';

/**
 * Pages allowed another `script-src` than 'none', with the exact value each must carry.
 * Empty today; a search page that loads its library from the site would be added here,
 * e.g. `'search/index.html': "'self'"`, and nothing more.
 */
const SCRIPT_SRC_EXCEPTIONS: Record<string, string> = {
  // Pagefind's UI: its own script files and its WebAssembly engine (docs/reader-features.md, "Search").
  'search/index.html': "'self' 'wasm-unsafe-eval'",
};

/** The policy's directives: name -> value, e.g. `script-src` -> `'none'`. */
function directives(policy: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/u);
    if (name) map.set(name.toLowerCase(), values.join(' '));
  }
  return map;
}

describe('Content-Security-Policy of every built page', () => {
  let files: string[] = [];
  beforeAll(() => {
    const build = runBuild();
    if (build.status !== 0) throw new Error(`build failed:\n${build.output}`);
    files = listFiles(OUT).filter((f) => f.endsWith('.html'));
  });

  it('finds the pages to check', () => {
    expect(files).toContain('index.html');
    expect(files).toContain('404.html');
    expect(files.some((f) => f.startsWith('threads/'))).toBe(true);
  });

  it('has one CSP meta in <head>, before any script, style or stylesheet link', () => {
    for (const file of files) {
      const $ = load(readFileSync(path.join(OUT, file), 'utf8'));
      const metas = $('meta').filter(
        (_, el) => (el.attribs['http-equiv'] ?? '').toLowerCase() === 'content-security-policy',
      );
      expect(metas.length, file).toBe(1);
      const meta = metas.get(0)!;
      expect($(meta).parent().is('head'), file).toBe(true);
      // Everything a policy governs must come after it in document order.
      const metaAt = $(meta).index('*');
      const early = $('script, style, link')
        .filter(
          (_, el) =>
            $(el).is('script, style') || ($(el).attr('rel') ?? '').toLowerCase().split(/\s+/u).includes('stylesheet'),
        )
        .filter((_, el) => $(el).index('*') < metaAt);
      expect(early.map((_, el) => $.html(el)).get(), file).toEqual([]);
      expect(
        $('link[rel~="stylesheet"]').length,
        `${file} has its stylesheet link, so the order check bites`,
      ).toBeGreaterThan(0);
    }
  });

  it('forbids scripts (except documented pages), plugins and base changes', () => {
    for (const file of files) {
      const $ = load(readFileSync(path.join(OUT, file), 'utf8'));
      const policy = directives($('meta[http-equiv="Content-Security-Policy"]').attr('content') ?? '');
      expect(policy.get('script-src'), file).toBe(SCRIPT_SRC_EXCEPTIONS[file] ?? "'none'");
      expect(policy.get('object-src'), file).toBe("'none'");
      expect(policy.get('base-uri'), file).toBe("'none'");
    }
  });

  it('lists exceptions only for pages that exist', () => {
    for (const file of Object.keys(SCRIPT_SRC_EXCEPTIONS)) expect(files, file).toContain(file);
  });
});
