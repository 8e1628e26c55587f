import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentError, formatProblem } from '../src/content/errors';
import { loadContent, parseThreadFile } from '../src/content/load';

const fixtures = path.join(__dirname, 'fixtures');
const marker = globalThis as { __qaMarker?: string };

/** Problem lines for a file given as text, named `content/<name>.md`. */
function problems(text: string, name = 'a-thread'): string[] {
  return parseThreadFile(`content/${name}.md`, Buffer.from(text, 'utf8')).problems.map(formatProblem);
}

const VALID = [
  '---',
  'slug: a-thread',
  'title: A question?',
  'source: { site: Example }',
  'answers:',
  '  - headline: An answer',
  '    body: |',
  '      Answer text.',
  '    doctor:',
  '      name: Jane Doe',
  '      credentials: [MD]',
  '      location: Springfield',
  '      specialty: Dermatologist',
  '      rating: { value: 4.0, reviews: 1 }',
  '---',
  'The question.',
  '',
].join('\n');

describe('content loader', () => {
  afterEach(() => {
    delete marker.__qaMarker;
  });

  it('loads the fixture folder into schema-checked threads', () => {
    const loaded = loadContent(path.join(fixtures, 'threads'));
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(loaded.fileCount).toBe(1);
    const [thread] = loaded.threads;
    expect(thread?.slug).toBe('valid-thread');
    expect(thread?.question).toEqual({ body: 'The question text.\n', photo: false, date: '2021-04-05' });
    expect(thread?.answers.map((a) => a.headline)).toEqual(['First answer', 'Second answer']);
    expect(thread?.answers[0]?.doctor?.credentials).toEqual(['MD', 'FACS']);
    expect(thread?.answers[0]?.votes).toBe(3);
  });

  it('loads the shipped seed thread without problems', () => {
    const loaded = loadContent(path.join(__dirname, '..', 'content'));
    expect(loaded.problems).toEqual([]);
    expect(loaded.threads.map((t) => t.answers.length)).toEqual([8]);
  });

  it('never runs JavaScript front matter, and names the file', () => {
    for (const name of ['js-front-matter', 'javascript-front-matter']) {
      const file = path.join(fixtures, 'hostile', `${name}.md`);
      const result = parseThreadFile(`tests/fixtures/hostile/${name}.md`, readFileSync(file));
      expect(result.thread).toBeUndefined();
      const first = readFileSync(file, 'utf8').split('\n')[0];
      expect(result.problems.map(formatProblem)).toEqual([
        `tests/fixtures/hostile/${name}.md:1:1 (file): the first line must be exactly "---", got ${JSON.stringify(first)}; front matter is YAML only`,
      ]);
    }
    expect(marker.__qaMarker).toBeUndefined();
  });

  it('fails the same way every time a bad file is parsed (no cache)', () => {
    const bad = VALID.replace('title: A question?', 'title: Botox: what to do');
    const first = problems(bad);
    expect(first).toEqual([
      'content/a-thread.md:3:8 (yaml): invalid YAML: a value contains ": " (colon and space); put the whole value in quotes',
    ]);
    expect(problems(bad)).toEqual(first);
  });

  it('points at the line and column of a bad field', () => {
    expect(problems(VALID.replace('value: 4.0', 'value: 6'))).toEqual([
      'content/a-thread.md:14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6',
    ]);
    expect(problems(VALID.replace('      location: Springfield\n', ''))).toEqual([
      'content/a-thread.md:9:5 answers[0].doctor.location: location is missing',
    ]);
    expect(problems(VALID.replace('title: A question?', 'title: A question?\ntitel: typo'))).toEqual([
      'content/a-thread.md:4:1 titel: unknown field "titel"; allowed here: slug, title, topics, question, answers, source, disclaimer, imported',
    ]);
  });

  it('counts lines the same with CRLF and CR-only endings', () => {
    const bad = VALID.replace('value: 4.0', 'value: 6');
    const expected = [
      'content/a-thread.md:14:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 6',
    ];
    expect(problems(bad.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(problems(bad.replace(/\n/g, '\r'))).toEqual(expected);
    expect(problems(VALID.replace(/\n/g, '\r\n'))).toEqual([]);
  });

  it('requires the slug to equal the file name', () => {
    expect(problems(VALID, 'other-name')).toEqual([
      'content/other-name.md:2:7 slug: slug "a-thread" must equal the file name "other-name"; rename the file or change the slug',
    ]);
  });

  it('throws a ContentError whose message lists every problem and a summary', () => {
    const error = new ContentError(
      [
        { file: 'content/b.md', line: 3, col: 1, field: 'title', message: 'title is missing' },
        { file: 'content/a.md', line: 1, col: 1, field: '(file)', message: 'the file is empty' },
      ],
      4,
    );
    expect(error.message).toBe(
      [
        'content/a.md:1:1 (file): the file is empty',
        'content/b.md:3:1 title: title is missing',
        '2 problems in 2 of 4 files',
      ].join('\n'),
    );
  });
});
