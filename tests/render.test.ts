import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import { syntheticThread } from '../bench/generate';
import { loadContent } from '../src/content/load';
import {
  firstWords,
  plainText,
  renderMarkdown,
  renderMarkdownWithText,
  renderPlainParagraphs,
  renderWithRemark,
} from '../src/views/markdown';
import { ROOT } from './helpers/build';
import { damagedCopies } from './helpers/damage';

describe('markdown renderer', () => {
  it('renders paragraphs and emphasis', () => {
    expect(renderMarkdown('One.\n\nTwo **bold**.', 3)).toBe('<p>One.</p>\n<p>Two <strong>bold</strong>.</p>\n');
  });

  it('shows raw HTML as text instead of dropping it', () => {
    expect(renderMarkdown('I use <ampersands> daily', 3)).toBe('<p>I use &#x3C;ampersands> daily</p>\n');
    expect(renderMarkdown('A <b>bold</b> claim', 3)).toBe('<p>A &#x3C;b>bold&#x3C;/b> claim</p>\n');
    expect(renderMarkdown('<script>alert(1)</script>', 3)).toBe('<p>&#x3C;script>alert(1)&#x3C;/script></p>\n');
  });

  it('keeps link text but never a javascript: or data: href', () => {
    const html = renderMarkdown(
      '[click](javascript:alert(1)) and [data](data:text/html,x) and [ok](https://example.org/)',
      3,
    );
    expect(html).toBe('<p><a>click</a> and <a>data</a> and <a href="https://example.org/">ok</a></p>\n');
  });

  it('moves headings below the page heading they sit under', () => {
    expect(renderMarkdown('# Title\n\n### Deep', 3)).toBe('<h4>Title</h4>\n<h6>Deep</h6>\n');
    expect(renderMarkdown('# Title', 1)).toBe('<h2>Title</h2>\n');
  });

  it('extracts plain text and cuts it to whole words', () => {
    expect(plainText('Some *emphasis* and `code`.\n\nNext <b>para</b>, **bo**ld.')).toBe(
      'Some emphasis and code. Next <b>para</b>, bold.',
    );
    expect(firstWords('one two three four', 2)).toBe('one two…');
    expect(firstWords('one two', 2)).toBe('one two');
    expect(firstWords('One. Two three', 1)).toBe('One. …');
  });

  it('keeps words apart across a hard line break in the plain text', () => {
    expect(renderMarkdownWithText('ends with two spaces  \nnext line', 3)).toEqual({
      html: '<p>ends with two spaces<br>\nnext line</p>\n',
      text: 'ends with two spaces next line',
    });
  });

  it("keeps words apart across the importer's backslash breaks and list items, in the page text and in excerpts", () => {
    // What the importer writes for "Steps:" / "Ice" / "1. Arnica" / "2. Rest", then "- Sleep" / "- Walk".
    const markdown = 'Steps:\\\nIce\n\n1. Arnica\n2. Rest\n\n- Sleep\n- Walk\n';
    expect(renderMarkdownWithText(markdown, 3)).toEqual({
      html: '<p>Steps:<br>\nIce</p>\n<ol>\n<li>Arnica</li>\n<li>Rest</li>\n</ol>\n<ul>\n<li>Sleep</li>\n<li>Walk</li>\n</ul>\n',
      text: 'Steps: Ice Arnica Rest Sleep Walk',
    });
    expect(plainText(markdown)).toBe('Steps: Ice Arnica Rest Sleep Walk');
  });
});

describe('the quick path for plain paragraphs', () => {
  /** Compares the paths on one text: 'declined', 'same', or what differs. */
  function compare(markdown: string): string {
    const quick = renderPlainParagraphs(markdown);
    if (!quick) return 'declined';
    const full = renderWithRemark(markdown, 3);
    return isDeepStrictEqual(quick, full)
      ? 'same'
      : `${JSON.stringify(markdown)}: ${JSON.stringify(quick)} vs ${JSON.stringify(full)}`;
  }

  const seed = loadContent(path.join(ROOT, 'content')).threads;
  // The browser fixtures hold the importer's lists and hard breaks.
  const fixtures = loadContent(path.join(ROOT, 'tests', 'fixtures', 'browser-content')).threads;
  const bodies = [
    ...seed,
    ...fixtures,
    ...Array.from({ length: 40 }, (_, i) => syntheticThread(i).text).map((text) => ({ text })),
  ].flatMap((t) =>
    'answers' in t
      ? [t.question.body, ...t.answers.map((a) => a.body)]
      : [t.text.slice(t.text.lastIndexOf('\n---\n') + 5)],
  );

  it('renders the seed and bench bodies as remark does, and settles most of them', () => {
    const results = bodies.map(compare);
    expect(results.filter((r) => r !== 'same' && r !== 'declined')).toEqual([]);
    expect(results.filter((r) => r === 'same').length).toBeGreaterThan(bodies.length / 2);
    // The seed's answers are plain paragraphs: all of them take the quick path.
    expect(seed[0]?.answers.map((a) => compare(a.body))).toEqual(Array(8).fill('same'));
  });

  it.each([
    ['emphasis', 'a *b* c'],
    ['a heading', '# A'],
    ['a quote', '> a'],
    ['a list', '- a\n- b'],
    ['an ordered list', '1. a'],
    ['a setext underline', 'a\n==='],
    ['a rule', '---'],
    ['indented code', '    code'],
    ['a hard break', 'a  \nb'],
    ['a backslash hard break', 'a\\\nb'],
    ['a list from 3 with brackets', '3) a\n4) b'],
    ['a list after a line', 'Steps:\n\n* a\n* b'],
    ['a character reference', 'a &amp; b'],
    ['raw HTML', 'a <b>b</b>'],
    ['a link', '[a](https://example.org/)'],
    ['a tab', 'a\tb'],
    ['a no-break space', 'a\u00a0b'],
  ])('leaves %s to remark', (_name, markdown) => {
    expect(renderPlainParagraphs(markdown)).toBeUndefined();
  });

  it('escapes "&" as remark does and keeps quotes and line breaks', () => {
    expect(renderPlainParagraphs('\nQ & A, "quoted" and it\'s\nwrapped\n\n\nNext.\n')).toEqual({
      html: '<p>Q &#x26; A, "quoted" and it\'s\nwrapped</p>\n<p>Next.</p>\n',
      text: 'Q & A, "quoted" and it\'s wrapped Next.',
    });
  });

  it('agrees with remark on 3,000 bodies damaged with markdown punctuation', () => {
    const pieces = [
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '&',
      '&amp;',
      '&#',
      '\\',
      '~',
      '|',
      '#',
      '# ',
      '- ',
      '+ ',
      '1. ',
      '2) ',
      '=',
      '---',
      '\n',
      '\n\n',
      '  \n',
      ' ',
      '\t',
      '\u00a0',
      '\u2028',
      '!',
      '"',
      "'",
      ':',
      'http://a.b',
      '\n    ',
    ];
    const results = damagedCopies(bodies, pieces, 3000, 11).map(compare);
    expect(results.filter((r) => r !== 'same' && r !== 'declined')).toEqual([]);
    expect(results.filter((r) => r === 'same').length).toBeGreaterThan(500);
  });
});
