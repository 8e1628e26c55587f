/**
 * The two YAML readings of yaml.ts: the quick one (js-yaml) must give exactly the data and slug
 * and topic positions of the full one (`yaml`, with positions) whenever it answers, and decline whenever
 * the full reading has something to say.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { syntheticThread } from '../bench/generate';
import { decodeContent } from '../src/content/decode';
import { parseFrontMatter, readFrontMatterQuickly } from '../src/content/yaml';
import { listFiles } from '../src/export/files';
import { parseScrape } from '../src/scrapes/scrape';
import { scrapeHeader, threadFileText } from '../src/importer/write';
import { ROOT } from './helpers/build';
import { damagedCopies } from './helpers/damage';

/** The front matter as the loader hands it to the readings (gray-matter's split). */
function frontMatter(text: string): string {
  return matter(text, { language: 'yaml', engines: { yaml: () => ({}) } }).matter;
}

function fileText(file: string): string | undefined {
  const decoded = decodeContent(readFileSync(file));
  return decoded.ok && decoded.text.startsWith('---\n') ? decoded.text : undefined;
}

const fixtures = path.join(ROOT, 'tests', 'fixtures');
const fixtureFiles = listFiles(fixtures)
  .filter((f) => f.endsWith('.md'))
  .map((f) => path.join(fixtures, f));
const contentFiles = readdirSync(path.join(ROOT, 'content')).map((f) => path.join(ROOT, 'content', f));
const scrapeDir = path.join(fixtures, 'scrapes');

/** Every thread file the suite knows: fixtures (hostile ones included), content/, imported scrapes, bench threads. */
const sources: [string, string][] = [
  ...[...fixtureFiles, ...contentFiles].flatMap((f): [string, string][] => {
    const text = fileText(f);
    return text === undefined ? [] : [[path.relative(ROOT, f), text]];
  }),
  ...readdirSync(scrapeDir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f): [string, string][] => {
      const scraped = parseScrape(readFileSync(path.join(scrapeDir, f), 'utf8'));
      return scraped.ok
        ? [[`import of ${f}`, threadFileText(scraped.thread, scrapeHeader(f, scraped.thread.source.site))]]
        : [];
    }),
  ...Array.from({ length: 300 }, (_, i): [string, string] => [`bench thread ${i}`, syntheticThread(i).text]),
];
const isHostile = ([name]: [string, string]) => name.startsWith('tests/fixtures/hostile/');

/**
 * Compares the readings of one front matter: 'declined', 'same', or what differs. When the quick
 * reading answers, the full one must find no problem and give the same data and slug position.
 */
function compare(source: string): string {
  const quick = readFrontMatterQuickly(source);
  if (!quick) return 'declined';
  const full = parseFrontMatter(source);
  if (full.problems.length > 0) return `full reading problems: ${JSON.stringify(full.problems)}`;
  if (!isDeepStrictEqual(quick.data, full.data))
    return `data: ${JSON.stringify(quick.data)} vs ${JSON.stringify(full.data)}`;
  const [q, f] = [quick.locate(['slug']), full.locate(['slug'])];
  if (!isDeepStrictEqual(q, f)) return `slug at ${JSON.stringify(q)} vs ${JSON.stringify(f)}`;
  const topics = (full.data as { topics?: unknown }).topics;
  for (const i of Array.isArray(topics) ? topics.keys() : []) {
    const [qt, ft] = [quick.locate(['topics', i]), full.locate(['topics', i])];
    if (!isDeepStrictEqual(qt, ft)) return `topics[${i}] at ${JSON.stringify(qt)} vs ${JSON.stringify(ft)}`;
  }
  return 'same';
}

describe('the quick YAML reading', () => {
  it('gives the data and slug position of the full reading for every thread file the suite knows', () => {
    const results = sources.map(([name, text]) => [name, compare(frontMatter(text))]);
    expect(results.filter(([, result]) => result !== 'same' && result !== 'declined')).toEqual([]);
    // Every source but the hostile fixtures with YAML problems is settled quickly (next test).
    const answered = results.filter(([, result]) => result === 'same').length;
    expect(answered).toBeGreaterThan(sources.filter((s) => !isHostile(s)).length);
  });

  it('settles every file but the hostile fixtures, so checks and builds take the quick path', () => {
    for (const [name, text] of sources.filter((s) => !isHostile(s))) {
      expect(readFrontMatterQuickly(frontMatter(text)), name).toBeDefined();
    }
  });

  it('agrees with the full reading on 2,000 threads damaged with YAML punctuation', () => {
    const bases = sources
      .filter(([name]) => name.startsWith('bench') || name.startsWith('content/'))
      .map(([, text]) => frontMatter(text));
    const pieces = [
      '#',
      ' #',
      ': ',
      '- ',
      '\n- ',
      '"',
      "'",
      '\\',
      '\n',
      '\n  ',
      '\t',
      '&a ',
      '*a',
      '!',
      '{',
      '}',
      '[',
      ']',
      ',',
      '? ',
      '|',
      '>-',
      '%',
      '@',
      '`',
      '...',
      '---',
      '~',
      '<<: ',
      '0x',
      '1e999',
      '\u00a0',
      '\ufeff',
      'slug',
      ':',
    ];
    const results = damagedCopies(bases, pieces, 2000, 7).map((source) => [source, compare(source)]);
    expect(results.filter(([, result]) => result !== 'same' && result !== 'declined')).toEqual([]);
    // Most damage is harmless to YAML, so both readings are compared on most copies.
    expect(results.filter(([, result]) => result === 'same').length).toBeGreaterThan(1000);
  });

  const declined: [string, string][] = [
    ['an anchor', 'slug: &s a\n'],
    ['an alias', 'a: &s x\nb: *s\n'],
    ['a tag', 'slug: !!str 010\n'],
    ['the non-specific tag', 'slug: ! 010\n'],
    ['a local tag', 'slug: !x a\n'],
    ['a plain value cut by " #"', 'title: Botox #1 question\n'],
    ['a plain key cut by " #"', 'slug: a\ntitle #x: b\n'],
    ['a duplicate key', 'slug: a\nslug: b\n'],
    ['tab indentation', 'question:\n\tphoto: true\n'],
    ['a directive', '%YAML 1.2\n---\nslug: a\n'],
    ['a document end marker', 'slug: a\n...\n'],
    ['a list at the top', '- a\n- b\n'],
    ['a single value at the top', 'just text\n'],
    ['nothing', '\n'],
    ['a template in braces', 'title: {{ voteCount }}\n'],
    ['__proto__', '__proto__: { slug: a }\n'],
    ['a colon in a plain value', 'title: Botox: what to do\n'],
    ['deep flow nesting', `a: ${'['.repeat(70)}${']'.repeat(70)}\n`],
    ['a complex key', '? [a]\n: b\n'],
    ['an unclosed quote', 'title: "abc\n'],
    ['the merge key', '<<: { a: 1 }\n'],
    ['a number as a key', '1.0: a\n'],
    ['a quoted key', '"slug": a\n'],
    ['a number beyond the float range', 'a: 1e999\n'],
    ['a lone carriage return', 'a: b\rc\n'],
  ];
  it.each(declined)('declines %s, leaving it to the full reading', (_name, source) => {
    expect(readFrontMatterQuickly(`\n${source}`)).toBeUndefined();
  });

  const answered: [string, string][] = [
    [
      'YAML 1.2 numbers and words',
      'a: [010, 0o10, 0x1F, 1_000, 0b11, +1, .5, 1., 1e3, -.inf, .NaN, 1:30, 2015-03-02, yes, True, ~, null, +.5, -0, 12e03]\n',
    ],
    [
      'block scalars with every chomping and an indentation indicator',
      'a: |\n  x\n\n  y\n\n\nb: |-\n  x\nc: |+\n  x\n\nd: >\n  folded\n  lines\n\n  kept\ne: |2\n   indented\n',
    ],
    ['quoted scalars with escapes and folding', `a: "tab\\t \\u00e9 \\" line\n  two"\nb: 'it''s\n\n  new'\n`],
    ['multi-line plain scalars', 'a: one\n  two\n\n  three\n'],
    [
      'comments on their own lines and after quoted values',
      '# head\nslug: a\n  # indented\nb: "x" # after a quote\nc: [MD] # after a list\n',
    ],
    ['a quoted slug', 'slug: "abc-def"\ntitle: x\n'],
    ['a single-quoted slug', "title: x\nslug: 'abc'\n"],
    ['flow collections', 'a: { value: 4.0, reviews: 28 }\nb: [ MD, "PhD" ]\n'],
    ['empty values', 'a:\nb: ""\nc: []\nd: {}\n'],
    ['right-to-left and other scripts', 'title: "מה לעשות?"\nname: 山田 太郎\n'],
    ['a hash inside a plain value', 'title: C# and F#\nb: a#b\n'],
    [
      'topics in a flow list, plain and quoted',
      'slug: a\ntopics: [Botox, "Masseter Botox", \'it\'\'s\', [x], { a: b }, ""]\n',
    ],
    [
      'topics in a block list, with a nested list and a block scalar',
      'topics:\n  - Botox\n  - "x"\n  - [a, b]\n  - |\n    y\n  - z\nq: { topics: [w] }\n',
    ],
  ];
  it.each(answered)('reads %s as the full reading does', (_name, source) => {
    expect(compare(`\n${source}`)).toBe('same');
  });
});
