/**
 * Scrapes as JSON Lines and folders of scrapes (docs/importing.md, "JSON Lines"): bodies as plain
 * text shown as written, every problem at its line, nothing written on any, the published JSON
 * Schema the same as the content schema's.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseThreadFile } from '../src/content/load';
import { importLineJsonSchema } from '../src/scrapes/jsonl';
import { renderMarkdown } from '../src/views/markdown';
import { importNow, summary } from './helpers/import';

const ROOT = path.resolve(__dirname, '..');
const SCHEMA_FILE = path.join(ROOT, 'docs', 'import-line.schema.json');

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'qa-jsonl-'));

/** A thread as a scraper would write it, with `more` merged in. */
const line = (title: string, more: Record<string, unknown> = {}) =>
  JSON.stringify({
    title,
    question: {
      body: 'Is 5 * 3 units of <b>Botox</b> enough?\nI asked twice:\n1. at the clinic\n2. by phone',
      date: '2024-05-01',
    },
    source: { site: 'Example Answers', url: 'https://example.org/q/1' },
    answers: [
      {
        headline: 'It depends',
        body: 'Use _care_ with [dosing](x).\n\n- rest\n- ice',
        votes: 3,
        doctor: { name: 'Ann Lee', credentials: ['MD'], location: 'Paris', rating: { value: 4.5, reviews: 12 } },
      },
    ],
    ...more,
  });

describe('JSON Lines', () => {
  it('imports one thread a line, its plain text shown as written and its lines and lists kept', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'threads.jsonl');
    writeFileSync(
      input,
      `${line('How much Botox?')}\n\n${line('Second question', { topics: ['Botox'], slug: 'my-own-slug' })}\n`,
    );
    const content = path.join(dir, 'content');
    expect(await importNow([input], content)).toEqual({
      code: 0,
      out: [
        `wrote ${content}/how-much-botox.md (1 answer) from ${input}:1`,
        `wrote ${content}/my-own-slug.md (1 answer) from ${input}:3`,
        summary(2, 0, 0, 0),
      ],
      err: [],
    });
    const text = readFileSync(path.join(content, 'how-much-botox.md'), 'utf8');
    expect(text.split('\n').slice(0, 2)).toEqual([
      '---',
      `# Imported by \`npm run import\` from threads.jsonl, line 1.`,
    ]);
    const { thread, problems } = parseThreadFile('how-much-botox.md', Buffer.from(text));
    expect(problems).toEqual([]);
    expect(thread).toMatchObject({
      slug: 'how-much-botox',
      question: { date: '2024-05-01' },
      source: { url: 'https://example.org/q/1' },
      answers: [{ votes: 3, doctor: { rating: { value: 4.5, reviews: 12 } } }],
    });
    const shown = (markdown: string) => load(renderMarkdown(markdown, 1));
    const question = shown(thread?.question.body ?? '');
    expect(question('p').first().text()).toBe('Is 5 * 3 units of <b>Botox</b> enough?\nI asked twice:');
    expect(
      question('ol li')
        .map((_, li) => question(li).text())
        .get(),
    ).toEqual(['at the clinic', 'by phone']);
    const answer = shown(thread?.answers[0]?.body ?? '');
    expect(answer('p').text()).toBe('Use _care_ with [dosing](x).');
    expect(
      answer('ul li')
        .map((_, li) => answer(li).text())
        .get(),
    ).toEqual(['rest', 'ice']);
    expect(
      parseThreadFile('my-own-slug.md', readFileSync(path.join(content, 'my-own-slug.md'))).thread?.topics,
    ).toEqual(['Botox']);
  });

  it('reports every bad line as file:LINE field: message, and writes nothing', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'threads.jsonl');
    const bad = JSON.parse(line('Bad rating')) as {
      answers: { doctor: { rating: { value: number } }; voteCount?: number }[];
    };
    bad.answers[0]!.doctor.rating.value = 7;
    bad.answers[0]!.voteCount = 2;
    writeFileSync(
      input,
      [line('Good one'), JSON.stringify(bad), '{"title": "cut off', '[1, 2]', line('日本')].join('\n'),
    );
    const content = path.join(dir, 'content');
    const run = await importNow([input], content);
    expect(run.code).toBe(1);
    expect(run.out).toEqual([]);
    expect(run.err).toEqual([
      `${input}:2 answers[0].doctor.rating.value: rating must be between 0 and 5, got 7`,
      `${input}:2 answers[0].voteCount: unknown field "voteCount"; allowed here: headline, body, votes, doctor`,
      expect.stringMatching(
        new RegExp(`^${input}:3 \\(line\\): not JSON \\(.+\\); write one thread as one JSON object a line$`, 'u'),
      ) as string,
      `${input}:4 (line): expected one thread as a JSON object, such as {"title": …}`,
      `${input}:5 title: has no letter or digit to name the file after; give the thread a "slug"`,
      '4 of 5 scrapes failed; no file written',
    ]);
    expect(readdirSync(dir)).toEqual(['threads.jsonl']);

    // Counts over a thousand are written as the other counts of the run are.
    writeFileSync(input, [line('Good one'), ...Array.from({ length: 1234 }, () => '[1]')].join('\n'));
    const many = await importNow([input], content);
    expect(many.err.at(-1)).toBe('1,234 of 1,235 scrapes failed; no file written');
  });

  it('reads standard input with --format jsonl, and updates a thread it imported before', () => {
    const dir = tempDir();
    const cli = (input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', '-', '--format', 'jsonl', '--out', dir], {
        cwd: ROOT,
        input,
        encoding: 'utf8',
      });
    const first = cli(`${line('How much Botox?')}\n`);
    expect(first.stdout).toBe(`wrote ${dir}/how-much-botox.md (1 answer) from stdin:1\n${summary(1, 0, 0, 0)}\n`);
    const again = cli(
      `${line('How much Botox?', { answers: [(JSON.parse(line('x')) as { answers: unknown[] }).answers[0], { headline: 'Later', body: 'Yes.' }] })}\n`,
    );
    expect(again.stdout).toBe(`updated ${dir}/how-much-botox.md: +1 answer (anonymous)\n${summary(0, 1, 0, 0)}\n`);
    expect(again.status).toBe(0);
  });

  it('publishes the JSON Schema of a line, made from the content schema', () => {
    const published = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    expect(published).toEqual(importLineJsonSchema());
    expect(published).toMatchObject({
      required: ['title', 'question', 'answers', 'source'],
      additionalProperties: false,
      properties: { question: { properties: { date: { pattern: '^\\d{4}-\\d{2}-\\d{2}$' } } } },
    });
  });
});

describe('a folder of scrapes', () => {
  it('imports every .txt and .jsonl file in it, by name, and names what it left out: other files and subfolders', async () => {
    const dir = tempDir();
    const scrapes = path.join(dir, 'scrapes');
    mkdirSync(scrapes);
    const fixtures = path.join(ROOT, 'tests', 'fixtures', 'scrapes');
    copyFileSync(path.join(fixtures, 'unknown-specialty.txt'), path.join(scrapes, 'b.txt'));
    copyFileSync(path.join(fixtures, 'photos-facs-one-review.txt'), path.join(scrapes, 'a.txt'));
    writeFileSync(path.join(scrapes, 'c.jsonl'), `${line('How much Botox?')}\n`);
    writeFileSync(path.join(scrapes, 'notes.md'), 'not a scrape\n');
    mkdirSync(path.join(scrapes, 'more'));
    copyFileSync(path.join(fixtures, 'unknown-specialty.txt'), path.join(scrapes, 'more', 'd.txt'));
    writeFileSync(path.join(scrapes, '.DS_Store'), '');
    const content = path.join(dir, 'content');
    const run = await importNow([scrapes], content);
    expect(run.code).toBe(0);
    expect(run.out.map((l) => l.replace(/ \(\d+ answers?\)/u, ''))).toEqual([
      `wrote ${content}/droopy-eyelid-two-weeks-after-forehead-injections.md from ${scrapes}/a.txt`,
      expect.stringMatching(new RegExp(`^wrote ${content}/.+\\.md from ${scrapes}/b\\.txt$`, 'u')) as string,
      `wrote ${content}/how-much-botox.md from ${scrapes}/c.jsonl:1`,
      summary(3, 0, 0, 0),
    ]);
    expect(run.err[0]).toBe(
      `${scrapes}: warning: 2 entries left out, neither a .txt nor a .jsonl file (more/, notes.md)`,
    );
    expect(run.err).toHaveLength(2); // and b.txt's unknown specialty
    expect(readdirSync(content)).toHaveLength(3);
  });

  it('says so in one line, and writes nothing, when --out names a file', async () => {
    const dir = tempDir();
    const notFolder = path.join(dir, 'content.md');
    writeFileSync(notFolder, 'a file\n');
    writeFileSync(path.join(dir, 'a.jsonl'), `${line('How much Botox?')}\n`);
    const run = await importNow([path.join(dir, 'a.jsonl')], notFolder);
    expect(run).toEqual({ code: 1, out: [], err: [`--out ${notFolder}: not a folder; give the content folder`] });
    expect(readFileSync(notFolder, 'utf8')).toBe('a file\n');
    expect(readdirSync(dir).sort()).toEqual(['a.jsonl', 'content.md']);
  });
});
