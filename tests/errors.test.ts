/**
 * Hostile and broken content files: each gets its exact `file:line:col field: message`
 * lines, nothing runs, and parsing twice fails twice. Binary and large cases are generated here.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { AnswerCard } from '../src/components/AnswerCard';
import { formatProblem } from '../src/content/errors';
import { loadContent, parseThreadFile } from '../src/content/load';
import { renderMarkdown } from '../src/views/markdown';

const DIR = path.join(__dirname, 'fixtures', 'hostile');
const SHOWN = 'tests/fixtures/hostile';
const marker = globalThis as { __qaMarker?: string };

/** Problem lines for bytes shown as `tests/fixtures/hostile/<name>.md`. */
function problemsOf(name: string, bytes: Uint8Array): string[] {
  return parseThreadFile(`${SHOWN}/${name}.md`, bytes).problems.map(formatProblem);
}

/** Every committed fixture and the problems it must give, as `line:col field: message`. */
const EXPECTED: Record<string, string[]> = {
  // file level
  empty: ['1:1 (file): the file is empty; a thread starts with front matter between two "---" lines'],
  'no-front-matter': ['1:1 (file): no front matter: the file must start with a line "---"'],
  'unclosed-front-matter': ['1:1 (file): the front matter opened on line 1 is never closed; add a line "---" after it'],
  'js-front-matter': ['1:1 (file): the first line must be exactly "---", got "---js"; front matter is YAML only'],
  'javascript-front-matter': [
    '1:1 (file): the first line must be exactly "---", got "---javascript"; front matter is YAML only',
  ],
  'dashes-space-js': ['1:1 (file): the first line must be exactly "---", got "--- JS"; front matter is YAML only'],
  'constructor-front-matter': [
    '1:1 (file): the first line must be exactly "---", got "---constructor"; front matter is YAML only',
  ],
  'closing-five-dashes': ['15:1 (file): the line closing the front matter must be exactly "---", got "-----"'],
  'closing-dashes-x': ['15:1 (file): the line closing the front matter must be exactly "---", got "---x"'],
  'scalar-front-matter': ['2:1 (yaml): front matter must be fields (key: value lines), got a single value'],
  'list-front-matter': ['2:1 (yaml): front matter must be fields (key: value lines), got a list'],
  // YAML
  'yaml-colon-in-value': [
    '3:8 (yaml): invalid YAML: a value contains ": " (colon and space); put the whole value in quotes',
  ],
  'yaml-duplicate-key': ['4:1 (yaml): invalid YAML: this key appears twice in the same group; keep one'],
  'yaml-tab-indent': ['10:1 (yaml): invalid YAML: tab used for indentation; indent with spaces'],
  'yaml-two-documents': [
    '16:1 (yaml): invalid YAML: a second YAML document starts here, after a "..." or "---" line; front matter is one document',
  ],
  'yaml-billion-laughs': [
    '15:7 (yaml): anchors (&lol1) are not allowed; write each value out',
    '16:7 (yaml): anchors (&lol2) are not allowed; write each value out',
    '16:14 (yaml): aliases (*lol1) are not allowed; write the value out',
    '16:21 (yaml): aliases (*lol1) are not allowed; write the value out',
    '16:28 (yaml): aliases (*lol1) are not allowed; write the value out',
    '17:8 (yaml): aliases (*lol2) are not allowed; write the value out',
    '17:15 (yaml): aliases (*lol2) are not allowed; write the value out',
  ],
  'yaml-tag-js-function': ['3:8 (yaml): tags such as !!js/function are not allowed; write plain values'],
  'yaml-tag-binary': ['3:8 (yaml): tags such as !!binary are not allowed; write plain values'],
  'yaml-proto-key': [
    '4:1 __proto__: unknown field "__proto__"; allowed here: slug, title, topics, question, answers, source, disclaimer, imported',
  ],
  'yaml-unknown-key': [
    '13:7 answers[0].doctor.clinic: unknown field "clinic"; allowed here: name, credentials, location, specialty, rating',
  ],
  'yaml-template-value': ['4:13 (yaml): "{{ disclaimer }}" is read as YAML braces; if it is text, put it in quotes'],
  // fields
  'rating-6': ['14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6'],
  'rating-minus-1': ['14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got -1'],
  'rating-text': [
    '14:24 answers[0].doctor.rating.value: rating must be a number from 0 to 5, got "4.4 out of 5 stars"',
  ],
  'rating-nan': ['14:24 answers[0].doctor.rating.value: rating must be a number from 0 to 5, got not-a-number (.nan)'],
  'rating-inf': ['14:24 answers[0].doctor.rating.value: rating must be a number from 0 to 5, got infinity (.inf)'],
  'reviews-negative': ['14:38 answers[0].doctor.rating.reviews: review count must be 0 or more, got -28'],
  'reviews-fraction': ['14:38 answers[0].doctor.rating.reviews: review count must be a whole number, got 28.5'],
  'body-empty': ['16:1 question.body: question text must not be blank'],
  'body-blank': ['16:1 question.body: question text must not be blank'],
  'body-zero-width': ['7:11 answers[0].body: answer body must not be blank'],
  'junk-template': [
    '10:7 answers[0].body: answer body contains an unrendered page template, "{{ voteCount >= 0 ? \'+\' + (voteCount + 1) : (voteCount + ..."; it is not part of the text, remove it',
  ],
  'junk-you-might-also-like': [
    '18:1 question.body: question text contains page chrome, "You might also like..."; it is not part of the text, remove it',
  ],
  'url-javascript': ['4:31 source.url: source url must be an https:// address, got "javascript:alert(1)"'],
  'url-data': [
    '4:31 source.url: source url must be an https:// address, got "data:text/html,<script>alert(1)</script>"',
  ],
  'url-file': ['4:31 source.url: source url must be an https:// address, got "file:///etc/passwd"'],
  'title-bidi-override': ['3:8 title: title contains the invisible control character U+202E at position 9; remove it'],
  'name-control-character': [
    '10:13 answers[0].doctor.name: doctor name contains the invisible control character U+0007 at position 5; remove it',
  ],
  // topics
  'topic-not-a-list': ['4:9 topics: topics must be a list such as [Botox, Masseter Botox], got "Botox"'],
  'topic-empty': ['4:17 topics[1]: topic must not be blank'],
  'topic-control-character': [
    '4:17 topics[1]: topic contains the invisible control character U+0007 at position 9; remove it',
  ],
  'topic-multi-line': ['6:5 topics[1]: topic must be one line, got a line break at position 9; write it on one line'],
  'topic-space-around': ['4:17 topics[1]: topic must not start or end with a space, got " Masseter Botox"'],
  'topic-too-many': ['4:9 topics: topics must list at most 20 topics, got 21'],
  'topic-twice': ['4:33 topics[2]: topic "Botox" is listed twice; keep one'],
  'topic-same-slug-twice': [
    '4:26 topics[1]: topic "masseter-botox" is the same topic as "Masseter Botox" (both have the slug "masseter-botox"); keep one',
  ],
  // slugs
  'slug-dotdot': ['2:7 slug: slug must be lowercase letters a-z, digits and single hyphens, got "../etc/passwd"'],
  'slug-slash': ['2:7 slug: slug must be lowercase letters a-z, digits and single hyphens, got "threads/slug-slash"'],
  'slug-percent': ['2:7 slug: slug must be lowercase letters a-z, digits and single hyphens, got "slug%2Fpercent"'],
  'slug-space': ['2:7 slug: slug must be lowercase letters a-z, digits and single hyphens, got "slug space"'],
  'slug-uppercase': ['2:7 slug: slug must be lowercase letters a-z, digits and single hyphens, got "Slug-Uppercase"'],
  'slug-too-long': ['2:7 slug: slug must be at most 100 characters, got 124'],
  'slug-not-file-name': [
    '2:7 slug: slug "another-name" must equal the file name "slug-not-file-name"; rename the file or change the slug',
  ],
  // accepted
  'accepted-rtl': [],
  'accepted-rating-four-point-zero': [],
  'accepted-topics': [],
};

/** A valid thread named `name`, as text, for the generated (binary and large) cases. */
function valid(name: string, title = 'A question?', question = 'The question.'): string {
  return readFileSync(path.join(DIR, 'rating-6.md'), 'utf8')
    .replace('slug: rating-6', `slug: ${name}`)
    .replace('value: 6', 'value: 4.4')
    .replace('title: A question?', `title: ${title}`)
    .replace('The question.', question);
}

/** Cases that need exact bytes: generated here rather than committed, so no editor or git setting can alter them. */
const GENERATED: Record<string, { bytes: () => Uint8Array; expected: string[] }> = {
  'windows-1252': {
    // "Doctor’s" saved as Windows-1252: the apostrophe is the single byte 0x92.
    bytes: () => Buffer.from(valid('windows-1252', 'Doctor\u0000s advice?'), 'utf8').map((b) => (b === 0 ? 0x92 : b)),
    expected: ['3:14 (file): byte 0x92 is not UTF-8 (the file may be Windows-1252 or Latin-1); save the file as UTF-8'],
  },
  'utf-16-with-bom': {
    bytes: () => Buffer.from(`\ufeff${valid('utf-16-with-bom')}`, 'utf16le'),
    expected: ['1:1 (file): the file is UTF-16; save it as UTF-8'],
  },
  'utf-16-without-bom': {
    bytes: () => Buffer.from(valid('utf-16-without-bom'), 'utf16le'),
    expected: ['1:2 (file): NUL byte: the file looks binary or UTF-16; save it as UTF-8 text'],
  },
  'nul-byte': {
    bytes: () => Buffer.from(valid('nul-byte', undefined, 'The \u0000question.'), 'utf8'),
    expected: ['16:5 (file): NUL byte: the file looks binary or UTF-16; save it as UTF-8 text'],
  },
  'two-byte-order-marks': {
    bytes: () => Buffer.from(`\ufeff\ufeff${valid('two-byte-order-marks')}`, 'utf8'),
    expected: ['1:1 (file): the file starts with two byte-order marks; remove the extra one'],
  },
  'replacement-character': {
    bytes: () => Buffer.from(valid('replacement-character', 'Doctor\ufffds advice?'), 'utf8'),
    expected: [
      '3:14 (file): replacement character U+FFFD: the text was damaged by an earlier encoding conversion; restore the original character',
    ],
  },
  'yaml-nested-100000-deep': {
    // Refused before parsing (the YAML parser would overflow its stack once per level): one problem, at the first bracket.
    bytes: () =>
      Buffer.from(
        valid('yaml-nested-100000-deep').replace(
          'title: A question?\n',
          `title: A question?\ndisclaimer: ${'['.repeat(100_000)}\n`,
        ),
      ),
    expected: ['4:13 (yaml): lists or groups nest too deeply to read; write plain key: value lines a few levels deep'],
  },
  'yaml-nested-3000-deep-block': {
    // Refused at the first line indented over 200 spaces: items start on line 5, item 201 (201 spaces) is on line 205.
    bytes: () =>
      Buffer.from(
        valid('yaml-nested-3000-deep-block').replace(
          'title: A question?\n',
          `title: A question?\ndisclaimer:\n${Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i + 1)}- `).join('\n')}\n`,
        ),
      ),
    expected: [
      '205:202 (yaml): lists or groups nest too deeply to read; write plain key: value lines a few levels deep',
    ],
  },
  // Accepted: one BOM, CRLF and CR-only line endings.
  'accepted-bom': { bytes: () => Buffer.from(`\ufeff${valid('accepted-bom')}`, 'utf8'), expected: [] },
  'accepted-crlf': { bytes: () => Buffer.from(valid('accepted-crlf').replace(/\n/gu, '\r\n'), 'utf8'), expected: [] },
  'accepted-cr-only': {
    bytes: () => Buffer.from(valid('accepted-cr-only').replace(/\n/gu, '\r'), 'utf8'),
    expected: [],
  },
  'crlf-rating-6': {
    bytes: () => Buffer.from(valid('crlf-rating-6').replace('value: 4.4', 'value: 6').replace(/\n/gu, '\r\n'), 'utf8'),
    expected: ['14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6'],
  },
  'cr-only-rating-6': {
    bytes: () => Buffer.from(valid('cr-only-rating-6').replace('value: 4.4', 'value: 6').replace(/\n/gu, '\r'), 'utf8'),
    expected: ['14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6'],
  },
};

/** Markdown that remark renders in quadratic time or with a stack overflow, as the question text. */
const PATHOLOGICAL: Record<string, { question: string; expected: string }> = {
  'nested-quotes-1500': {
    question: `${'>'.repeat(1500)} deep\n`,
    expected:
      '16:1 question.body: question text nests quotes or lists 1500 levels deep on this line; at most 32 levels are allowed',
  },
  'nested-spaced-quotes-1500': {
    question: `${'> '.repeat(1500)}deep\n`,
    expected:
      '16:1 question.body: question text nests quotes or lists 1500 levels deep on this line; at most 32 levels are allowed',
  },
  'nested-list-600': {
    question: Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n'),
    // Line 16 + 32: the 33rd item is the first one nested 33 deep.
    expected:
      '48:1 question.body: question text nests quotes or lists 33 levels deep on this line; at most 32 levels are allowed',
  },
  'emphasis-40000': {
    question: `Intro.\n\n${'*a'.repeat(40_000)}\n`,
    expected:
      '18:1 question.body: question text has more than 200 of the marks * _ [ in the paragraph starting here; split the paragraph, or write \\* \\_ \\[ for the plain characters',
  },
  'open-links-100000': {
    question: '[a]('.repeat(100_000),
    expected:
      '16:1 question.body: question text has more than 200 of the marks * _ [ in the paragraph starting here; split the paragraph, or write \\* \\_ \\[ for the plain characters',
  },
  'quotes-5000': {
    question: '> a\n\n'.repeat(5000),
    // The 501st quote starts on line 16 + 2 * 500.
    expected: '1016:1 question.body: question text has more than 500 lines starting a quote or a list item; split it',
  },
  'long-body': {
    question: 'Word and word. '.repeat(4000),
    expected: '16:1 question.body: question text is 60,001 characters long; at most 50,000 are allowed, split it',
  },
};

describe('hostile content files', () => {
  afterAll(() => {
    delete marker.__qaMarker;
  });

  it('has an expectation for every committed fixture', () => {
    const names = readdirSync(DIR).map((f) => f.replace(/\.md$/u, ''));
    expect(names.sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s: exact problems, the same on a second parse', (name, expected) => {
    const bytes = readFileSync(path.join(DIR, `${name}.md`));
    const lines = expected.map((l) => `${SHOWN}/${name}.md:${l}`);
    expect(problemsOf(name, bytes)).toEqual(lines);
    expect(problemsOf(name, bytes)).toEqual(lines);
  });

  it.each(Object.entries(GENERATED))('%s (generated bytes): exact problems, twice', (name, { bytes, expected }) => {
    const lines = expected.map((l) => `${SHOWN}/${name}.md:${l}`);
    expect(problemsOf(name, bytes())).toEqual(lines);
    expect(problemsOf(name, bytes())).toEqual(lines);
  });

  it.each(Object.entries(PATHOLOGICAL))(
    '%s: refused before rendering, with the line',
    (name, { question, expected }) => {
      const bytes = Buffer.from(valid(name, undefined, question), 'utf8');
      expect(problemsOf(name, bytes)).toEqual([`${SHOWN}/${name}.md:${expected}`]);
      expect(problemsOf(name, bytes)).toEqual([`${SHOWN}/${name}.md:${expected}`]);
    },
  );

  it('points into an answer body written as a YAML block', () => {
    const text = valid('answer-nested-quotes').replace(
      '      Answer text.',
      `      First line.\n      ${'> '.repeat(40)}deep`,
    );
    expect(problemsOf('answer-nested-quotes', Buffer.from(text, 'utf8'))).toEqual([
      `${SHOWN}/answer-nested-quotes.md:9:7 answers[0].body: answer body nests quotes or lists 40 levels deep on this line; at most 32 levels are allowed`,
    ]);
  });

  it('never ran code from any fixture', () => {
    // Runs last in this file: every fixture above has been parsed twice by now.
    for (const name of Object.keys(EXPECTED))
      parseThreadFile(`${SHOWN}/${name}.md`, readFileSync(path.join(DIR, `${name}.md`)));
    expect(marker.__qaMarker).toBeUndefined();
  });
});

describe('content folder rules', () => {
  const made: string[] = [];
  /** A fresh temporary content folder, removed after these tests. */
  const tempDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qa-hostile-'));
    made.push(dir);
    return dir;
  };
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses oversized files, non-.md files, folders and symbolic links, and ignores hidden files', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'big-thread.md'), Buffer.alloc(1_000_001, 0x61));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a thread');
    writeFileSync(path.join(dir, '.gitkeep'), '');
    mkdirSync(path.join(dir, 'drafts'));
    symlinkSync('/etc/passwd', path.join(dir, 'linked.md'));
    const shown = path.relative(process.cwd(), dir).split(path.sep).join('/');
    const loaded = loadContent(dir);
    expect(loaded.problems.map(formatProblem)).toEqual([
      `${shown}/big-thread.md:1:1 (file): the file is 1,000,001 bytes, over the 1,000,000-byte limit`,
      `${shown}/drafts:1:1 (file): only .md files belong in the content folder; move or remove this`,
      `${shown}/linked.md:1:1 (file): symbolic links are not followed; put the file itself in the content folder`,
      `${shown}/notes.txt:1:1 (file): only .md files belong in the content folder; move or remove this`,
    ]);
    expect(loaded.fileCount).toBe(4);
  });

  it('names both files when two claim the same slug', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'same-slug.md'), valid('same-slug'));
    writeFileSync(path.join(dir, 'same-slug-copy.md'), valid('same-slug'));
    const shown = path.relative(process.cwd(), dir).split(path.sep).join('/');
    expect(loadContent(dir).problems.map(formatProblem)).toEqual([
      `${shown}/same-slug-copy.md:2:7 slug: slug "same-slug" must equal the file name "same-slug-copy"; rename the file or change the slug`,
      `${shown}/same-slug.md:2:7 slug: slug "same-slug" is already used by ${shown}/same-slug-copy.md`,
    ]);
  });

  it('names both places when two files spell one topic (one slug) two ways', () => {
    const dir = tempDir();
    const withTopics = (name: string, topics: string) =>
      valid(name).replace('title: A question?\n', `title: A question?\ntopics: ${topics}\n`);
    writeFileSync(path.join(dir, 'a-thread.md'), withTopics('a-thread', '[Botox, Masseter Botox]'));
    writeFileSync(path.join(dir, 'b-thread.md'), withTopics('b-thread', '[Masseter Botox, botox]'));
    writeFileSync(path.join(dir, 'c-thread.md'), withTopics('c-thread', '[Fillers, "masseter  BOTOX", Botox]'));
    const shown = path.relative(process.cwd(), dir).split(path.sep).join('/');
    const loaded = loadContent(dir);
    expect(loaded.problems.map(formatProblem)).toEqual([
      `${shown}/b-thread.md:4:26 topics[1]: topic "botox" is spelled "Botox" in ${shown}/a-thread.md:4:10 (both have the slug "botox"); spell one topic the same way in every file`,
      `${shown}/c-thread.md:4:19 topics[1]: topic "masseter  BOTOX" is spelled "Masseter Botox" in ${shown}/a-thread.md:4:17 (both have the slug "masseter-botox"); spell one topic the same way in every file`,
    ]);
    // The same spelling in many files is what topics are for; each file still loads.
    expect(loaded.threads.map((t) => t.topics)).toEqual([
      ['Botox', 'Masseter Botox'],
      ['Masseter Botox', 'botox'],
      ['Fillers', 'masseter  BOTOX', 'Botox'],
    ]);
  });
});

describe('accepted content renders faithfully', () => {
  it('shows right-to-left text in elements with dir="auto"', () => {
    const thread = parseThreadFile(`${SHOWN}/accepted-rtl.md`, readFileSync(path.join(DIR, 'accepted-rtl.md'))).thread;
    expect(thread?.title).toBe('هل البوتوكس آمن للفك؟');
    const answer = thread!.answers[0]!;
    const $ = load(
      renderToStaticMarkup(
        createElement(AnswerCard, {
          answer,
          number: 1,
          total: 1,
          html: renderMarkdown(answer.body, 3),
          doctorSlug: null,
        }),
      ),
    );
    expect($('h3').attr('dir')).toBe('auto');
    expect($('h3').text()).toBe('תשובה קצרה');
    expect($('.prose').attr('dir')).toBe('auto');
    expect($('.prose').text().trim()).toBe('כן, ברוב המקרים. Botox 30 units.');
    expect($('.doctor-name').attr('dir')).toBe('auto');
    expect($('.doctor-name').text()).toBe('ד"ר יעל כהן, MD');
  });

  it('keeps topics as written, markup included, as plain strings that React escapes', () => {
    const thread = parseThreadFile(
      `${SHOWN}/accepted-topics.md`,
      readFileSync(path.join(DIR, 'accepted-topics.md')),
    ).thread;
    expect(thread?.topics).toEqual([
      'Botox',
      'Masseter Botox',
      '</script><b>x</b>',
      'Botox, Dysport',
      'ボトックス',
      'Page',
    ]);
    expect(renderToStaticMarkup(createElement('li', null, thread?.topics?.[2]))).toBe(
      '<li>&lt;/script&gt;&lt;b&gt;x&lt;/b&gt;</li>',
    );
  });

  it('shows a rating written 4.0 as "4.0"', () => {
    const file = path.join(DIR, 'accepted-rating-four-point-zero.md');
    const answer = parseThreadFile(`${SHOWN}/accepted-rating-four-point-zero.md`, readFileSync(file)).thread!
      .answers[0]!;
    const $ = load(
      renderToStaticMarkup(createElement(AnswerCard, { answer, number: 1, total: 1, html: '', doctorSlug: null })),
    );
    expect($('.rating').text()).toBe('4.0 out of 5 stars · 28 reviews');
  });
});
