/**
 * What the importer writes for a body's lines (src/scrapes/paragraphs.ts): exact markdown, and
 * what remark renders from it, read back line by line: every source line is one line of the
 * page, list items without their markers, nothing else.
 */
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { prng } from '../bench/generate';
import { renderMarkdown } from '../src/views/markdown';
import { bodyMarkdown, splitParagraphs } from '../src/scrapes/paragraphs';
import type { SourceLine } from '../src/scrapes/paragraphs';

/** Paragraphs of text lines, numbered from line 1 as a scrape would be (a blank line between paragraphs). */
function paras(...texts: string[][]): SourceLine[][] {
  let n = 0;
  return splitParagraphs(texts.flatMap((p) => [...p, '']).map((text) => ({ n: ++n, text })));
}

/** The markdown written for paragraphs given as text lines. */
const written = (...texts: string[][]) => bodyMarkdown(paras(...texts)).markdown;

/** One line of rendered text: in a paragraph, or a list item with the number or bullet the list draws. */
type Shown = { text: string; item?: number | 'bullet' };

/**
 * The lines a reader sees in the HTML: a paragraph's lines between `<br>`s, each list item's
 * text. Fails on any element but p, br, ul, ol and li, so escaped text cannot turn into markup.
 */
function shownLines(html: string): Shown[] {
  const $ = load(html, null, false);
  expect(
    $('*')
      .toArray()
      .map((el) => ('tagName' in el ? el.tagName : el.type))
      .filter((tag) => !['p', 'br', 'ul', 'ol', 'li'].includes(tag)),
  ).toEqual([]);
  return $.root()
    .children()
    .toArray()
    .flatMap((block): Shown[] => {
      if (block.tagName === 'p') {
        // remark writes a newline after each <br>; any other newline would be two lines run together.
        return ($(block).html() ?? '').split('<br>\n').map((part) => ({ text: load(part, null, false).text() }));
      }
      const start = Number($(block).attr('start') ?? 1);
      return $(block)
        .children('li')
        .toArray()
        .map((li, i) => ({ text: $(li).text(), item: block.tagName === 'ol' ? start + i : 'bullet' }));
    });
}

/** Renders the written markdown as the site does and reads its lines back. */
const shown = (...texts: string[][]) => shownLines(renderMarkdown(written(...texts), 3));

describe('importer: lines inside a paragraph', () => {
  it("ends every line but a paragraph's last with a hard break, and escapes as before", () => {
    expect(written(['Swelling peaks on day two.', 'Ice helps.', 'Call if it gets *worse*.'], ['Next paragraph.'])).toBe(
      'Swelling peaks on day two.\\\nIce helps.\\\nCall if it gets \\*worse\\*.\n\nNext paragraph.\n',
    );
    expect(
      shown(['Swelling peaks on day two.', 'Ice helps.', 'Call if it gets *worse*.'], ['Next paragraph.']),
    ).toEqual([
      { text: 'Swelling peaks on day two.' },
      { text: 'Ice helps.' },
      { text: 'Call if it gets *worse*.' },
      { text: 'Next paragraph.' },
    ]);
  });

  it('keeps a line that ends with a backslash, and a following "---" or "===", as typed', () => {
    expect(written(['C:\\Users\\me\\', '---', '==='])).toBe('C:\\\\Users\\\\me\\\\\\\n\\---\\\n\\===\n');
    expect(shown(['C:\\Users\\me\\', '---', '==='])).toEqual([
      { text: 'C:\\Users\\me\\' },
      { text: '---' },
      { text: '===' },
    ]);
  });

  it('writes a one-line paragraph without any break, as the seed has', () => {
    expect(written(['One line.'], ['Another.'])).toBe('One line.\n\nAnother.\n');
  });
});

describe('importer: lists', () => {
  it("turns the issue's question and steps into numbered lists after a line of text", () => {
    expect(written(['My photo is at C:\\Users\\me\\photo.jpg', '1. It hurts', "2. It's hard"])).toBe(
      "My photo is at C:\\\\Users\\\\me\\\\photo.jpg\n\n1. It hurts\n2. It's hard\n",
    );
    expect(shown(['Steps I give patients:', '1. Ice 10 minutes on, 10 off', '2. Arnica', '3. Sleep elevated'])).toEqual(
      [
        { text: 'Steps I give patients:' },
        { text: 'Ice 10 minutes on, 10 off', item: 1 },
        { text: 'Arnica', item: 2 },
        { text: 'Sleep elevated', item: 3 },
      ],
    );
  });

  it('writes "- " and "* " lists with their own bullet, "• " as "-", and a list from 3 or from 0 with its first number', () => {
    expect(written(['- a', '- b'], ['* c', '* d'], ['• e', '• f'], ['3) g', '4) h'], ['0. i', '1. j'])).toBe(
      '- a\n- b\n\n* c\n* d\n\n- e\n- f\n\n3) g\n4) h\n\n0. i\n1. j\n',
    );
    expect(renderMarkdown(written(['3) g', '4) h']), 3)).toBe('<ol start="3">\n<li>g</li>\n<li>h</li>\n</ol>\n');
  });

  it('gives a list right after another list of the same marker the other marker, so CommonMark keeps them two lists', () => {
    // Two numbered runs in one paragraph (1, 2, then 1, 2 again), and bullets of three kinds in a row.
    expect(written(['1. a', '2. b', '1. c', '2. d'])).toBe('1. a\n2. b\n\n1) c\n2) d\n');
    expect(written(['- a', '- b', '• c', '• d', '* e', '* f'])).toBe('- a\n- b\n\n* c\n* d\n\n- e\n- f\n');
    // Across paragraphs too: a blank line alone would make one loose list of both.
    expect(written(['- a', '- b'], ['- c', '- d'])).toBe('- a\n- b\n\n* c\n* d\n');
    expect(renderMarkdown(written(['- a', '- b'], ['- c', '- d']), 3)).toBe(
      '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ul>\n<li>c</li>\n<li>d</li>\n</ul>\n',
    );
    expect(shown(['1. a', '2. b', '1. c', '2. d'])).toEqual([
      { text: 'a', item: 1 },
      { text: 'b', item: 2 },
      { text: 'c', item: 1 },
      { text: 'd', item: 2 },
    ]);
  });

  it('leaves a lone marker line, a run that does not count up, mixed kinds, leading zeros and long numbers as lines of text', () => {
    expect(written(['Where it hurts:', '1. It hurts'])).toBe('Where it hurts:\\\n1\\. It hurts\n');
    expect(written(['1. a', '3. b', '3. c'])).toBe('1\\. a\\\n3\\. b\\\n3\\. c\n');
    expect(written(['- a', '* b', '• c', '1. d', '2) e'])).toBe('\\- a\\\n\\* b\\\n• c\\\n1\\. d\\\n2\\) e\n');
    expect(written(['01. a', '02. b'])).toBe('01\\. a\\\n02\\. b\n');
    // Ten digits are no list marker in CommonMark, so they need no escape either.
    expect(written(['1234567890. a', '1234567891. b'])).toBe('1234567890. a\\\n1234567891. b\n');
    expect(shown(['1234567890. a', '1234567891. b'])).toEqual([{ text: '1234567890. a' }, { text: '1234567891. b' }]);
    expect(shown(['1. a', '3. b', '3. c'])).toEqual([{ text: '1. a' }, { text: '3. b' }, { text: '3. c' }]);
  });

  it('starts a list where a run begins to count up, and stops it where three digits run out', () => {
    expect(written(['1. a', '3. b', '4. c'])).toBe('1\\. a\n\n3. b\n4. c\n');
    // Four to nine digits are still a marker to CommonMark, so the line is escaped.
    expect(written(['998. a', '999. b', '1000. c', '1001. d'])).toBe('998. a\n999. b\n\n1000\\. c\\\n1001\\. d\n');
    expect(shown(['998. a', '999. b', '1000. c', '999999999. d'])).toEqual([
      { text: 'a', item: 998 },
      { text: 'b', item: 999 },
      { text: '1000. c' },
      { text: '999999999. d' },
    ]);
  });

  it('ends a run at an ordinary line: the part before it and the part after it are judged on their own', () => {
    expect(written(['1. Ice', '2. Arnica', 'Then rest.', '3. Sleep elevated', '4. Walk'])).toBe(
      '1. Ice\n2. Arnica\n\nThen rest.\n\n3. Sleep elevated\n4. Walk\n',
    );
    expect(written(['1. Ice', 'Wrapped in a towel.', '2. Arnica'])).toBe(
      '1\\. Ice\\\nWrapped in a towel.\\\n2\\. Arnica\n',
    );
  });

  it('shows item text that markdown would read as a marker, a block or a break exactly as typed', () => {
    const lines = ['- - x', '- # h', '- > q', '- ---', '- 1. n', '- <b>', '- ***'];
    expect(written(lines)).toBe('- \\- x\n- \\# h\n- \\> q\n- \\---\n- 1\\. n\n- \\<b>\n- \\*\\*\\*\n');
    expect(shown(lines)).toEqual(lines.map((l) => ({ text: l.slice(2), item: 'bullet' })));
    expect(shown(['1. # x', '2. > y', '3. - z'])).toEqual([
      { text: '# x', item: 1 },
      { text: '> y', item: 2 },
      { text: '- z', item: 3 },
    ]);
    expect(shown(['• > y', '• • z'])).toEqual([
      { text: '> y', item: 'bullet' },
      { text: '• z', item: 'bullet' },
    ]);
  });

  it('writes an empty item as its marker alone', () => {
    expect(written(['- a', '-', '- b'], ['1.', '2. b'])).toBe('- a\n-\n- b\n\n1.\n2. b\n');
    expect(shown(['- a', '-', '- b'], ['1.', '2. b'])).toEqual([
      { text: 'a', item: 'bullet' },
      { text: '', item: 'bullet' },
      { text: 'b', item: 'bullet' },
      { text: '', item: 1 },
      { text: 'b', item: 2 },
    ]);
  });

  it('keeps the line after a list, "---" or "===" included, out of the list and out of any heading', () => {
    expect(written(['- a', '- b', '---'])).toBe('- a\n- b\n\n\\---\n');
    expect(shown(['- a', '- b', '---', 'after'], ['1. a', '2. b', '==='])).toEqual([
      { text: 'a', item: 'bullet' },
      { text: 'b', item: 'bullet' },
      { text: '---' },
      { text: 'after' },
      { text: 'a', item: 1 },
      { text: 'b', item: 2 },
      { text: '===' },
    ]);
  });

  it('maps every markdown line to the scrape line it came from (blank lines to the next one)', () => {
    // Lines 1-4, then a blank line 5, then 6-7.
    expect(bodyMarkdown(paras(['Steps:', '1. a', '2. b', 'Done.'], ['x', 'y']))).toEqual({
      markdown: 'Steps:\n\n1. a\n2. b\n\nDone.\n\nx\\\ny\n',
      lines: [1, 2, 2, 3, 4, 4, 6, 6, 7],
    });
  });
});

describe('importer: 1,000 random paragraphs of marker-like lines', () => {
  const pieces = [
    '- ',
    '* ',
    '• ',
    '+ ',
    '1. ',
    '2. ',
    '3. ',
    '2) ',
    '3) ',
    '01. ',
    '0. ',
    '998. ',
    '999999999. ',
    '1234567890. ',
    '-',
    '1.',
    '#',
    '# ',
    '> ',
    '---',
    '===',
    '\\',
    '*',
    '_',
    '<b>',
    '&amp;',
    '`',
    '[x](y)',
    'text',
    'word ',
    '  ',
  ];

  /**
   * A scrape-like line: pieces joined, spaces collapsed and trimmed as the importer's normalizer
   * does; a third of the lines after a marker carry it on (the next number), so that runs occur.
   */
  function randomLine(random: () => number, previous: string | undefined): string {
    const marker = /^(?:(\d+)([.)])|[-*•])/u.exec(previous ?? '');
    const carried = marker?.[1] === undefined ? marker?.[0] : `${Number(marker[1]) + 1}${marker[2] ?? ''}`;
    const next = carried !== undefined && random() < 0.33 ? `${carried} ` : '';
    const count = 1 + Math.floor(random() * 3);
    const text = next + Array.from({ length: count }, () => pieces[Math.floor(random() * pieces.length)]).join('');
    return text.replace(/ +/gu, ' ').trim() || 'x';
  }

  it('shows every line as one line, list items as their text after a marker the list draws, in order', () => {
    const random = prng(12);
    const items = { bullet: 0, numbered: 0 };
    for (let k = 0; k < 1000; k += 1) {
      const texts = Array.from({ length: 1 + Math.floor(random() * 3) }, () => {
        const para: string[] = [];
        for (let n = 1 + Math.floor(random() * 6); n > 0; n -= 1) para.push(randomLine(random, para.at(-1)));
        return para;
      });
      const source = texts.flat();
      const lines = shown(...texts);
      expect(lines.length, JSON.stringify(texts)).toBe(source.length);
      lines.forEach((line, i) => {
        if (line.item !== undefined) items[line.item === 'bullet' ? 'bullet' : 'numbered'] += 1;
        const typed = source[i] ?? '';
        const marker =
          line.item === 'bullet'
            ? ['-', '*', '•']
            : line.item === undefined
              ? ['']
              : [`${line.item}.`, `${line.item})`];
        const asTyped = marker.some((m) =>
          m === '' ? typed === line.text : typed === (line.text === '' ? m : `${m} ${line.text}`),
        );
        expect(asTyped, `${JSON.stringify(texts)}: line ${i + 1} ${JSON.stringify(line)}`).toBe(true);
      });
    }
    // The pieces must really make lists of both kinds, or this would only test lines of text.
    expect(items.bullet).toBeGreaterThan(100);
    expect(items.numbered).toBeGreaterThan(100);
  });
});
