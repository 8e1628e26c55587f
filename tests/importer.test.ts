import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { parseThreadFile } from '../src/content/load';
import { renderMarkdown } from '../src/views/markdown';
import type { Thread } from '../src/content/schema';
import { parseScrape, slugify } from '../src/scrapes/scrape';
import { importNow } from './helpers/import';

const ROOT = path.resolve(__dirname, '..');
const SEED = path.join(ROOT, 'tests', 'fixtures', 'seed', '000_52f1e9b741cd2cdd.txt');
const SEED_FILE = path.join(ROOT, 'content', 'face-semi-paralyzed-after-botox-to-masseter-muscles.md');
/** The hand-made content file the importer replaced, kept unchanged as a build fixture. */
const HAND_MADE = path.join(
  ROOT,
  'tests',
  'fixtures',
  'build-js',
  'face-semi-paralyzed-after-botox-to-masseter-muscles.md',
);
const SCRAPES = path.join(ROOT, 'tests', 'fixtures', 'scrapes');
/** Where the imports of the line and list fixtures live: the browser suite builds them into its fixture site. */
const BROWSER_CONTENT = path.join(ROOT, 'tests', 'fixtures', 'browser-content');
const T = "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}";
const DISCLAIMER =
  'These answers are for educational purposes and should not be relied upon as a substitute for medical advice you may receive from your physician. If you have a medical emergency, please call 911. These answers do not constitute or initiate a patient/doctor relationship.';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'qa-import-'));

/** Parses a fixture scrape; fails the test on a parse error. */
function scrape(name: string) {
  const result = parseScrape(readFileSync(path.join(SCRAPES, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}:${result.error.line}: ${result.error.message}`);
  return result;
}

/** Runs the real command line (`npm run import` runs this same file with tsx). */
function cli(args: string[], input?: string) {
  const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src/cli/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    ...(input === undefined ? {} : { input }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A minimal valid scrape around the given answer lines. */
const scrapeOf = (...answerLines: string[]) =>
  ['A question?', '', 'The question text.', '', 'Doctor Answers 1', '', ...answerLines].join('\n');

describe('importer: the seed scrape', () => {
  it('imports to exactly the thread of the hand-made file and of the shipped content file, with no warnings', () => {
    const result = parseScrape(readFileSync(SEED, 'utf8'));
    expect(result.ok && result.warnings).toEqual([]);
    for (const file of [HAND_MADE, SEED_FILE]) {
      const expected = parseThreadFile(
        'content/face-semi-paralyzed-after-botox-to-masseter-muscles.md',
        readFileSync(file),
      );
      expect(expected.problems).toEqual([]);
      // The shipped file also holds the import record (what the importer wrote), which is not the scrape's.
      const { imported, ...thread } = expected.thread ?? ({} as Thread);
      expect(imported === undefined, file).toBe(file === HAND_MADE);
      expect(result.ok && result.thread, file).toEqual(thread);
    }
  });

  it('reproduces the content file byte for byte, and says so on one line and in the summary', () => {
    const dir = tempDir();
    const run = cli([SEED, '--out', dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      `wrote ${dir}/face-semi-paralyzed-after-botox-to-masseter-muscles.md (8 answers) from ${SEED}\n1 new, 0 updated, 0 unchanged, 0 kept (edited here), 0 refused\n`,
    );
    expect(run.status).toBe(0);
    expect(readFileSync(path.join(dir, 'face-semi-paralyzed-after-botox-to-masseter-muscles.md'), 'utf8')).toBe(
      readFileSync(SEED_FILE, 'utf8'),
    );
  });

  it('reads a scrape from standard input with -', () => {
    const dir = tempDir();
    const run = cli(['-', '--out', dir], readFileSync(SEED, 'utf8'));
    expect(run.stdout).toBe(
      `wrote ${dir}/face-semi-paralyzed-after-botox-to-masseter-muscles.md (8 answers) from stdin\n1 new, 0 updated, 0 unchanged, 0 kept (edited here), 0 refused\n`,
    );
    expect(run.status).toBe(0);
    const written = readFileSync(path.join(dir, 'face-semi-paralyzed-after-botox-to-masseter-muscles.md'), 'utf8');
    expect(written.split('\n')[1]).toBe(
      '# Imported by `npm run import` from standard input, a RealSelf page saved as text.',
    );
    expect(written.split('\n').slice(2).join('\n')).toBe(
      readFileSync(SEED_FILE, 'utf8').split('\n').slice(2).join('\n'),
    );
  });

  it('refuses to update a file the content loader refuses: exit 1, names the file, leaves it as it was', () => {
    const dir = tempDir();
    const target = path.join(dir, 'face-semi-paralyzed-after-botox-to-masseter-muscles.md');
    writeFileSync(target, 'hand edits\n');
    const run = cli([SEED, '--out', dir, '--force']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `${SEED}: ${target} has problems; fix them first (npm run check ${dir})\n1 of 1 scrape failed; no file written\n`,
    );
    expect(readFileSync(target, 'utf8')).toBe('hand edits\n');
    expect(readdirSync(dir)).toEqual(['face-semi-paralyzed-after-botox-to-masseter-muscles.md']);
  });

  it('prints a usage line without inputs, and reads standard input only once', () => {
    const usage =
      'usage: npm run import -- <scrape.txt | threads.jsonl | folder | -> [more...] [--topic NAME]... [--keep-edits | --scrape-wins | --force] [--dry-run] [--format text|jsonl] [--out DIR]\n';
    expect(cli([])).toMatchObject({ status: 1, stdout: '', stderr: usage });
    expect(cli(['-', '-'])).toMatchObject({
      status: 1,
      stdout: '',
      stderr: `standard input (-) can be read only once\n${usage}`,
    });
  });
});

describe('importer: format variants (fictional scrapes in tests/fixtures/scrapes)', () => {
  it('"(photos)", a question in paragraphs, "MD, FACS", "1 review", an anonymous answer and the disclaimer', () => {
    const { thread, warnings } = scrape('photos-facs-one-review.txt');
    expect(warnings).toEqual([]);
    expect(thread).toEqual({
      slug: 'droopy-eyelid-two-weeks-after-forehead-injections',
      title: 'Droopy Eyelid Two Weeks After Forehead Injections',
      question: {
        body: 'I had forehead injections two weeks ago and my left eyelid now droops.\n\nIs this permanent? What can I do while I wait?\n',
        photo: true,
      },
      answers: [
        {
          headline: 'Eyelid ptosis after injections',
          body: 'This is a known and temporary effect. Apraclonidine eye drops can lift the lid a little while it wears off.\n',
          doctor: {
            name: 'Jane Quill',
            credentials: ['MD', 'FACS'],
            location: 'Lakeside',
            specialty: 'Oculoplastic Surgeon',
            rating: { value: 5, reviews: 1 },
          },
        },
        { headline: 'It will pass', body: 'Most cases settle within four to six weeks.\n' },
      ],
      source: { site: 'RealSelf' },
      disclaimer: DISCLAIMER,
    } satisfies Thread);
  });

  it('splits credentials after the comma (III and Jr. stay in the name) and takes the longest specialty', () => {
    const { thread, warnings } = scrape('credentials-and-specialties.txt');
    expect(warnings).toEqual([]);
    expect(thread.question.photo).toBe(false);
    expect(thread.answers.map((a) => a.doctor)).toEqual([
      {
        name: 'Arlo Fenwick',
        credentials: ['DDS', 'MD'],
        location: 'North Harbor',
        specialty: 'Oral and Maxillofacial Surgeon',
        rating: { value: 4.8, reviews: 1204 },
      },
      {
        name: 'Mira Castell',
        credentials: ['DO'],
        location: 'Old Town',
        specialty: 'Cosmetic Surgeon',
        rating: { value: 3.5, reviews: 12 },
      },
      {
        name: 'Otis P. Lamb, III',
        credentials: ['MD'],
        location: 'West Valley',
        specialty: 'Dermatologist',
        rating: { value: 4, reviews: 2 },
      },
      { name: 'Rex Varga, Jr.', credentials: ['DMD'], location: 'Hill County', specialty: 'Orthodontist' },
    ]);
    expect(thread.disclaimer).toBe(DISCLAIMER);
  });

  it("keeps an unknown specialty's whole line as the location, without a specialty, and warns", () => {
    const { thread, warnings } = scrape('unknown-specialty.txt');
    expect(warnings).toEqual([
      {
        line: 14,
        message:
          'no known specialty at the end of "Springfield Skin Wellness Consultant"; the whole line is kept as the location',
      },
    ]);
    expect(thread.answers).toEqual([
      {
        headline: 'Thick ointments work best',
        body: 'Use a thick ointment at night and wear cotton gloves over it.\n',
        doctor: { name: 'Hana Birch', credentials: ['MD'], location: 'Springfield Skin Wellness Consultant' },
      },
    ]);
    expect(thread).not.toHaveProperty('disclaimer');
  });

  it('drops "You might also like..." wherever it is, and warns when "Doctor Answers N" disagrees with the answers', () => {
    const { thread, warnings } = scrape('chrome-and-count-mismatch.txt');
    expect(warnings).toEqual([{ line: 9, message: 'the page says "Doctor Answers 3" but 2 answers were found' }]);
    expect(thread.question.body).toBe('I had stitches on my knee removed last week.\n\nWhen can I start scar cream?\n');
    expect(thread.answers).toEqual([
      {
        headline: 'Wait until the wound is closed',
        body: 'Start once the skin is fully closed, usually one to two weeks after the stitches come out.\n',
      },
      { headline: 'Silicone gel', body: 'Silicone gel or sheets have the best evidence.\n' },
    ]);
  });

  it('turns non-breaking spaces and tabs into single spaces, reads CRLF, keeps lines as hard breaks, and joins a wrapped disclaimer', () => {
    const { thread, warnings } = scrape('nbsp-crlf-wrapped.txt');
    expect(warnings).toEqual([]);
    expect(thread.title).toBe('Swelling After Lip Filler?');
    expect(thread.question).toEqual({
      body: 'My lips are still swollen three days later.\\\nIs that normal?\n',
      photo: true,
    });
    expect(thread.answers).toEqual([
      {
        headline: 'Swelling is expected',
        body: 'Swelling peaks on day two. It settles within a week.\\\nIce helps.\n',
        doctor: {
          name: 'Theo Marsh',
          credentials: ['MD'],
          location: 'Riverside',
          specialty: 'Facial Plastic Surgeon',
          rating: { value: 4.6, reviews: 310 },
        },
      },
    ]);
    expect(thread.disclaimer).toBe(DISCLAIMER);
  });

  it('takes a one-answer page\'s "This answer is for educational purposes" as the disclaimer', () => {
    const wording = 'This answer is for educational purposes only. If you have a medical emergency, please call 911.';
    const result = parseScrape(scrapeOf('H', '', T, '', 'Text.', '', wording));
    expect(result.ok && [result.thread.disclaimer, result.thread.answers[0]?.body]).toEqual([wording, 'Text.\n']);
  });

  it('cuts a long slug at a word boundary and spells accented letters without accents', () => {
    const { thread } = scrape('long-accented-title.txt');
    expect(thread.slug).toBe(
      'cafe-au-lait-spots-freckles-melasma-or-sun-damage-which-laser-or-peel-treatment-works-best-for-each',
    );
    expect(thread.slug.length).toBe(99);
    expect(thread.title).toBe(
      'Café au Lait Spots, Freckles, Melasma or Sun Damage: Which Laser or Peel Treatment Works Best for Each One on Darker Skin Types?',
    );
    expect(slugify('x'.repeat(150))).toBe('x'.repeat(100));
    expect(slugify('  Botox -- "before" & after!! ')).toBe('botox-before-after');
  });

  it('shows text that looks like HTML or markdown exactly as scraped, in the rendered page', () => {
    const raw = readFileSync(path.join(SCRAPES, 'markup-lookalikes.txt'), 'utf8').split('\n');
    const { thread, warnings } = scrape('markup-lookalikes.txt');
    expect(warnings).toEqual([]);
    const paragraphs = (md: string) => {
      const $ = load(renderMarkdown(md, 3));
      expect(
        $('body > *')
          .toArray()
          .every((el) => el.tagName === 'p'),
      ).toBe(true); // no heading, list, quote or code
      expect($('p *').length).toBe(0); // no link, emphasis or element inside
      return $('p')
        .map((_, p) => $(p).text())
        .get();
    };
    expect(paragraphs(thread.question.body)).toEqual([raw[2], raw[4], raw[6], raw[8]]);
    expect(paragraphs(thread.answers[0]?.body ?? '')).toEqual([raw[16], raw[18], raw[20], raw[22]]);
    expect(raw[16]).toBe(
      'Ads use words like **clinically proven** & &amp; without numbers; C:\\skin\\care is not a path to trust.',
    );
    expect(thread.title).toBe('Is <b>Bold</b> Skincare Worth It? *Really*');
    expect(thread.answers[0]?.headline).toBe('Read the <i>label</i> [first](https://example.com)');
  });

  it('writes every fixture to a file the content loader accepts, equal to the parsed thread', async () => {
    const dir = tempDir();
    const names = readdirSync(SCRAPES)
      .filter((n) => n.endsWith('.txt'))
      .sort();
    expect(names).toHaveLength(9);
    const run = await importNow(
      names.map((n) => path.join(SCRAPES, n)),
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(10);
    expect(run.out[9]).toBe('9 new, 0 updated, 0 unchanged, 0 kept (edited here), 0 refused');
    for (const name of names) {
      const { thread } = scrape(name);
      const file = `${thread.slug}.md`;
      expect(parseThreadFile(file, readFileSync(path.join(dir, file)))).toMatchObject({ problems: [], thread });
    }
  });
});

describe('importer: lines, lists and doctor blocks under the last line', () => {
  const LINE_FIXTURES = [
    ['lists-and-steps.txt', 'bruising-and-pain-after-cheek-filler.md'],
    ['lines-not-lists.txt', 'numbered-notes-that-are-not-a-list.md'],
  ];

  it('imports the line and list fixtures to exactly the content files the browser suite builds', async () => {
    const dir = tempDir();
    const run = await importNow(
      LINE_FIXTURES.map(([scrapeName]) => path.join(SCRAPES, scrapeName ?? '')),
      dir,
    );
    expect(run).toMatchObject({ code: 0, err: [] });
    for (const [, file] of LINE_FIXTURES) {
      expect(readFileSync(path.join(dir, file ?? ''), 'utf8'), file).toBe(
        readFileSync(path.join(BROWSER_CONTENT, file ?? ''), 'utf8'),
      );
    }
  });

  it("writes the issue's question as a line, then a numbered list; lone, unordered and interrupted numbers as lines", () => {
    expect(scrape('lists-and-steps.txt').thread.question.body).toBe(
      "I had cheek filler on Monday and there is a bruise. My photo is at C:\\\\Users\\\\me\\\\photo.jpg\n\n1. It hurts\n2. It's hard\n\nWhat should I do?\n",
    );
    expect(scrape('lines-not-lists.txt').thread.question.body).toBe(
      'My notes from the visit:\\\n1\\. It hurts\\\nThe nurse said to wait.\\\nSaved in C:\\\\notes\\\\\\\n\\---\\\nIs that right?\n',
    );
    expect(scrape('lines-not-lists.txt').thread.answers[0]?.body).toBe(
      [
        'Your notes number things out of order, so they stay as you wrote them:\\',
        '1\\. Wash the area\\',
        '3\\. Apply the cream\\',
        '2\\. Cover it',
        '',
        'Mixed marks are two different things:\\',
        '\\- a dash line\\',
        '\\* a star line\\',
        '• a dot line\\',
        '1\\. a number with a dot\\',
        '2\\) a number with a bracket',
        '',
        '01\\. is how the form numbers steps\\',
        '02\\. and this is the second\\',
        '1234567890. is a ticket number\\',
        '1234567891. is the next ticket',
        '',
        'A run interrupted by a note:\\',
        '1\\. Cool the skin\\',
        'Use a cloth, never ice on bare skin.\\',
        '2\\. Rest',
        '',
        'Please book a follow-up.\\',
        'Ask for Dr Kim, MD\\',
        'at the Springfield clinic',
        '',
      ].join('\n'),
    );
  });

  it('takes a doctor block written right under the last line, with or without a rating, and warns of nothing', () => {
    const lists = scrape('lists-and-steps.txt');
    expect(lists.warnings).toEqual([]);
    expect(lists.thread.answers.map((a) => a.doctor)).toEqual([
      {
        name: 'Nora Vance',
        credentials: ['MD'],
        location: 'Eastport',
        specialty: 'Facial Plastic Surgeon',
        rating: { value: 4.7, reviews: 52 },
      },
      { name: 'Omar Reyes', credentials: ['DO'], location: 'Lakeview', specialty: 'Dermatologist' },
      {
        name: 'Ruth Ames',
        credentials: ['MD'],
        location: 'Hillcrest',
        specialty: 'Cosmetic Surgeon',
        rating: { value: 4.9, reviews: 130 },
      },
    ]);
    expect(
      lists.thread.answers[0]?.body.endsWith(
        'Avoid these for a few days:\n\n- Aspirin and ibuprofen\n- Alcohol\n- Hard workouts\n',
      ),
    ).toBe(true);
    // "Ask for Dr Kim, MD" / "at the Springfield clinic" names no known specialty and no rating: text, no doctor.
    const lines = scrape('lines-not-lists.txt');
    expect(lines.warnings).toEqual([]);
    expect(lines.thread.answers.map((a) => a.doctor?.name)).toEqual([undefined, 'Lena Ortiz']);
  });

  it.each([
    [
      'a place without a known specialty and no rating',
      ['Jane Doe, MD', 'Springfield clinic'],
      'Jane Doe, MD\\\nSpringfield clinic',
    ],
    [
      'a name without credentials above a place and a rating',
      ['Dr Jane Doe', 'Springfield Dermatologist', '4.0 out of 5 stars 3 reviews'],
      'Dr Jane Doe\\\nSpringfield Dermatologist\\\n4\\.0 out of 5 stars 3 reviews',
    ],
    [
      'a specialty without location above a rating',
      ['Jane Doe, MD', 'Dermatologist', '4.0 out of 5 stars 3 reviews'],
      'Jane Doe, MD\\\nDermatologist\\\n4\\.0 out of 5 stars 3 reviews',
    ],
  ])('keeps the lines under the last line as text when they do not all match: %s', (_name, tail, written) => {
    const result = parseScrape(scrapeOf('H', '', T, '', 'Text.', ...tail));
    expect(result.ok && result.thread.answers).toEqual([{ headline: 'H', body: `Text.\\\n${written}\n` }]);
  });

  it('keeps an unknown specialty between a name and a rating under the last line, as in a block of its own, and warns', () => {
    const result = parseScrape(
      scrapeOf('H', '', T, '', 'Text.', 'Jane Doe, MD', 'Springfield Wellness Guru', '4.0 out of 5 stars 3 reviews'),
    );
    expect(result.ok && result.warnings).toEqual([
      {
        line: 13,
        message: 'no known specialty at the end of "Springfield Wellness Guru"; the whole line is kept as the location',
      },
    ]);
    expect(result.ok && result.thread.answers).toEqual([
      {
        headline: 'H',
        body: 'Text.\n',
        doctor: {
          name: 'Jane Doe',
          credentials: ['MD'],
          location: 'Springfield Wellness Guru',
          rating: { value: 4, reviews: 3 },
        },
      },
    ]);
  });

  it('accepts 500 list lines in a body, the content limit', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'in.txt');
    writeFileSync(input, scrapeOf('H', '', T, '', ...Array.from({ length: 500 }, (_, i) => `${i + 1}. Step`)));
    expect(await importNow([input], path.join(dir, 'out'))).toMatchObject({ code: 0, err: [] });
  });
});

describe('importer: --topic', () => {
  const PHOTOS = path.join(SCRAPES, 'photos-facs-one-review.txt');
  const PHOTOS_FILE = 'droopy-eyelid-two-weeks-after-forehead-injections.md';

  it('sets every --topic, in order, on each thread imported, as one flow list line right after the title', () => {
    const dir = tempDir();
    const topics = [
      'Botox',
      'Masseter Botox',
      '</script><b>x</b>',
      'Botox, Dysport',
      'true',
      '#1 "pick"',
      "it's: {{ here }}",
    ];
    const run = cli([
      SEED,
      '--topic',
      topics[0]!,
      PHOTOS,
      ...topics.slice(1).flatMap((t) => ['--topic', t]),
      '--out',
      dir,
    ]);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    const seed = readFileSync(path.join(dir, 'face-semi-paralyzed-after-botox-to-masseter-muscles.md'), 'utf8');
    const line =
      'topics: [Botox, Masseter Botox, </script><b>x</b>, "Botox, Dysport", "true", \'#1 "pick"\', "it\'s: {{ here }}"]';
    // The shipped file with the line inserted: nothing else changes.
    const shipped = readFileSync(SEED_FILE, 'utf8').split('\n');
    expect(seed.split('\n')).toEqual([...shipped.slice(0, 7), line, ...shipped.slice(7)]);
    expect(shipped[6]).toBe('title: Face Semi-paralyzed After Botox to Masseter Muscles?');
    // Before `question:` when the thread has a photo.
    const photos = readFileSync(path.join(dir, PHOTOS_FILE), 'utf8').split('\n');
    expect(photos.slice(6, 10)).toEqual([
      'title: Droopy Eyelid Two Weeks After Forehead Injections',
      line,
      'question:',
      '  photo: true',
    ]);
    for (const [file, text] of [
      ['face-semi-paralyzed-after-botox-to-masseter-muscles.md', seed],
      [PHOTOS_FILE, photos.join('\n')],
    ] as const) {
      expect(parseThreadFile(file, Buffer.from(text)).thread?.topics, file).toEqual(topics);
    }
  });

  it('writes no topics line without --topic: a scrape names no topic and none is guessed', async () => {
    const dir = tempDir();
    expect(await importNow([PHOTOS], dir, { topics: [] })).toMatchObject({ code: 0, err: [] });
    const text = readFileSync(path.join(dir, PHOTOS_FILE), 'utf8');
    expect(text).not.toContain('topics');
    expect(parseThreadFile(PHOTOS_FILE, Buffer.from(text)).thread).not.toHaveProperty('topics');
  });

  it('keeps a long topic list on one line', async () => {
    const dir = tempDir();
    const topics = Array.from({ length: 20 }, (_, i) => `A rather long topic name number ${i + 1}`);
    expect(await importNow([PHOTOS], dir, { topics })).toMatchObject({ code: 0, err: [] });
    const lines = readFileSync(path.join(dir, PHOTOS_FILE), 'utf8').split('\n');
    expect(lines[7]).toBe(`topics: [${topics.join(', ')}]`);
  });

  it.each([
    ['a blank topic', ['Botox', ''], ['--topic "": topic must not be blank']],
    [
      'a control character',
      ['Bo\u0007tox'],
      ['--topic "Bo\\u0007tox": topic contains the invisible control character U+0007 at position 3; remove it'],
    ],
    [
      'a line break',
      ['Masseter\nBotox'],
      ['--topic "Masseter\\nBotox": topic must be one line, got a line break at position 9; write it on one line'],
    ],
    ['a trailing space', ['Botox '], ['--topic "Botox ": topic must not start or end with a space, got "Botox "']],
    [
      'one topic twice',
      ['Botox', 'Fillers', 'botox'],
      ['--topic "botox": topic "botox" is the same topic as "Botox" (both have the slug "botox"); keep one'],
    ],
    [
      '21 topics',
      Array.from({ length: 21 }, (_, i) => `T${i}`),
      ['--topic: topics must list at most 20 topics, got 21'],
    ],
  ])(
    'refuses %s before reading any scrape: one line naming the value, exit 1, no file written',
    async (_name, topics, err) => {
      const dir = tempDir();
      expect(await importNow([PHOTOS, path.join(dir, 'missing.txt')], dir, { topics })).toEqual({
        code: 1,
        out: [],
        err,
      });
      expect(readdirSync(dir)).toEqual([]);
    },
  );

  it('refuses a bad --topic on the command line too', () => {
    const dir = tempDir();
    expect(cli([PHOTOS, '--topic', 'Botox', '--topic', ' ', '--out', dir])).toEqual({
      status: 1,
      stdout: '',
      stderr: '--topic " ": topic must not be blank\n',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('importer: scrapes it cannot parse', () => {
  const bad: [string, string, string][] = [
    ['an empty scrape', '\n\n', '1: expected the question title on the first line, got an empty scrape'],
    [
      'no answer count',
      'A title\n\nThe question.\n',
      '4: expected "Doctor Answers <number>" after the question, got the end of the scrape',
    ],
    [
      'a count that is no number',
      'A title\n\nThe question.\n\nDoctor Answers many\n',
      '5: expected "Doctor Answers <number>" after the question, got "Doctor Answers many"',
    ],
    [
      'answers before the count',
      `A title\n\nThe question.\n\nHeadline\n\n${T}\n\nText.\n`,
      '7: expected "Doctor Answers <number>" after the question, got "{{ voteCount >= 0 ? \'+\' + (voteCount + 1) : (voteCount + 1) }}"',
    ],
    [
      'no question text',
      'A title\n\nDoctor Answers 1\n',
      '3: expected the question text between the title and "Doctor Answers"',
    ],
    ['only a photo marker', '(photo)\n', '1: expected the question title before the photo marker'],
    [
      'a title without letters',
      '¿¿¿???\n\nThe question.\n',
      '1: expected a title with letters or digits to name the file after',
    ],
    [
      'no answers after the count',
      scrapeOf('Just text.', ''),
      '7: expected an answer: a headline line, then the "{{ voteCount ... }}" line',
    ],
    [
      'no answers, only the disclaimer',
      scrapeOf(DISCLAIMER),
      '7: expected an answer: a headline line, then the "{{ voteCount ... }}" line',
    ],
    [
      'a template without headline',
      scrapeOf(T, '', 'Text.'),
      '7: expected the answer\'s headline on a line before this "{{ voteCount ... }}" line',
    ],
    [
      'text before the first headline',
      scrapeOf('Stray text.', '', 'Headline', '', T, '', 'Text.'),
      '7: expected the first answer\'s headline, then its "{{ voteCount ... }}" line',
    ],
    [
      'an answer without text',
      scrapeOf('Headline', '', T, '', 'Next', '', T, '', 'Text.'),
      '11: expected the answer\'s text after its "{{ voteCount ... }}" line',
    ],
    [
      'a line after the rating',
      scrapeOf(
        'H',
        '',
        T,
        '',
        'Text.',
        '',
        'Jane Doe, MD',
        'Springfield Dermatologist',
        '4.0 out of 5 stars 3 reviews',
        'Extra.',
      ),
      "16: expected a blank line after the doctor's rating",
    ],
    [
      'a headline glued to a rating',
      scrapeOf(
        'H1',
        '',
        T,
        '',
        'Text.',
        '',
        'Jane Doe, MD',
        'Springfield Dermatologist',
        '4.0 out of 5 stars 3 reviews',
        'H2',
        '',
        T,
        '',
        'More.',
      ),
      "16: expected a blank line, then the answer's headline on a line of its own",
    ],
    [
      'a name without location line',
      scrapeOf('H', '', T, '', 'Text.', '', 'Jane Doe, MD', '', DISCLAIMER),
      '14: expected the doctor\'s "<location> <specialty>" line after the name',
    ],
    [
      'a name followed by a rating',
      scrapeOf('H', '', T, '', 'Text.', '', 'Jane Doe, MD', '4.0 out of 5 stars 3 reviews'),
      '14: expected the doctor\'s "<location> <specialty>" line after the name',
    ],
    [
      'a specialty without location',
      scrapeOf('H', '', T, '', 'Text.', '', 'Jane Doe, MD', 'Dermatologist'),
      '14: expected a location before the specialty "Dermatologist"',
    ],
    [
      'a broken rating line',
      scrapeOf('H', '', T, '', 'Text.', '', 'Jane Doe, MD', 'Springfield Dermatologist', '4.0 stars'),
      '15: expected a rating such as "4.4 out of 5 stars 28 reviews", or a blank line after the doctor',
    ],
    [
      'a rating over 5',
      scrapeOf(
        'H',
        '',
        T,
        '',
        'Text.',
        '',
        'Jane Doe, MD',
        'Springfield Dermatologist',
        '7.5 out of 5 stars 3 reviews',
      ),
      '15: expected a rating from 0 to 5 stars, got 7.5',
    ],
    [
      'a rating under a name without credentials',
      scrapeOf('H', '', T, '', 'Text.', '', 'Dr Jane Doe', 'Springfield Dermatologist', '4.0 out of 5 stars 3 reviews'),
      '13: expected the doctor\'s name with credentials after a comma, such as "Jane Doe, MD"',
    ],
    [
      'another unrendered template',
      scrapeOf('H', '', T, '', 'Costs {{ price }} today.'),
      '11: expected text or a "{{ voteCount ... }}" line of its own, got the unrendered template "{{ price }}"',
    ],
    // Three lines ending with a rating are a doctor block of their own: its first line must be the name.
    [
      'a rating two lines under the last line',
      scrapeOf('H', '', T, '', 'Text.', 'Jane Doe, MD', '4.0 out of 5 stars 3 reviews'),
      '11: expected the doctor\'s name with credentials after a comma, such as "Jane Doe, MD"',
    ],
    [
      'a rating over 5 under the last line',
      scrapeOf('H', '', T, '', 'Text.', 'Jane Doe, MD', 'Springfield Dermatologist', '7.5 out of 5 stars 3 reviews'),
      '14: expected a rating from 0 to 5 stars, got 7.5',
    ],
    [
      '501 numbered lines in an answer',
      scrapeOf('H', '', T, '', 'Steps:', ...Array.from({ length: 501 }, (_, i) => `${i + 1}. Step`)),
      '512: answers[0].body would not be valid content: answer body has more than 500 lines starting a quote or a list item; split it',
    ],
    [
      '501 bullet lines in the question',
      [
        'A question?',
        '',
        ...Array.from({ length: 501 }, () => '• Point'),
        '',
        'Doctor Answers 1',
        '',
        'H',
        '',
        T,
        '',
        'Text.',
      ].join('\n'),
      '503: question.body would not be valid content: question text has more than 500 lines starting a quote or a list item; split it',
    ],
  ];

  it.each(bad)('%s: exit 1, the line and what was expected, no file written', async (_name, text, expected) => {
    const dir = tempDir();
    const input = path.join(dir, 'in.txt');
    writeFileSync(input, text);
    const out = path.join(dir, 'out');
    const run = await importNow([input], out);
    expect(run).toEqual({ code: 1, out: [], err: [`${input}:${expected}`, '1 of 1 scrape failed; no file written'] });
    expect(readdirSync(dir)).toEqual(['in.txt']);
  });

  it('reports bytes that are not UTF-8 with their line', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'latin1.txt');
    writeFileSync(input, Buffer.concat([Buffer.from('A title\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect((await importNow([input], dir)).err[0]).toBe(
      `${input}:3: byte 0xE9 is not UTF-8 (the file may be Windows-1252 or Latin-1); save the file as UTF-8`,
    );
  });

  it('reports what the content schema refuses in the would-be file, and writes nothing', async () => {
    const dir = tempDir();
    const input = path.join(dir, 'bidi.txt');
    writeFileSync(input, scrapeOf('Head\u202eline', '', T, '', 'Text.'));
    const run = await importNow([input], dir);
    expect(run.code).toBe(1);
    expect(run.err[0]).toBe(
      `${input}: the imported thread is not valid content:\n${dir}/a-question.md:11:15 answers[0].headline: headline contains the invisible control character U+202E at position 5; remove it`,
    );
    expect(readdirSync(dir)).toEqual(['bidi.txt']);
  });

  it('writes nothing from a batch when one scrape fails, and refuses one thread scraped twice in a run', async () => {
    const dir = tempDir();
    const good = path.join(SCRAPES, 'photos-facs-one-review.txt');
    const broken = path.join(dir, 'broken.txt');
    writeFileSync(broken, 'A title\n');
    const out = path.join(dir, 'out');
    expect(await importNow([good, broken], out)).toEqual({
      code: 1,
      out: [],
      err: [
        `${broken}:2: expected "Doctor Answers <number>" after the question, got the end of the scrape`,
        '1 of 2 scrapes failed; no file written',
      ],
    });
    expect((await importNow([good, good], out)).err).toEqual([
      `${good}: the same thread as ${good}; give one scrape of it`,
      '1 of 2 scrapes failed; no file written',
    ]);
    expect(readdirSync(dir)).toEqual(['broken.txt']);
  });

  it('prints a progress line for many scrapes, then one line per file written', async () => {
    const dir = tempDir();
    const inputs = Array.from({ length: 10 }, (_, i) => {
      const file = path.join(dir, `s${i}.txt`);
      writeFileSync(file, `Question number ${i}?\n\nText.\n\nDoctor Answers 1\n\nH\n\n${T}\n\nAnswer.\n`);
      return file;
    });
    const out = path.join(dir, 'out');
    const run = await importNow(inputs, out);
    expect(run.code).toBe(0);
    expect(run.err).toEqual([`importing 10 scrapes into ${out}`]);
    expect(run.out).toEqual([
      ...inputs.map((f, i) => `wrote ${out}/question-number-${i}.md (1 answer) from ${f}`),
      '10 new, 0 updated, 0 unchanged, 0 kept (edited here), 0 refused',
    ]);
    expect(readdirSync(out).sort()).toEqual(inputs.map((_, i) => `question-number-${i}.md`).sort());
  });
});
