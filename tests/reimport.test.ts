/**
 * Re-importing a thread is an update (docs/importing.md, "Updating threads"): the seed scrape is
 * imported, the keeper edits the file, the source changes, and each case checks the file's exact
 * text and the run's exact lines afterwards.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseThreadFile } from '../src/content/load';
import { runImport } from '../src/importer/run';
import { importNow, summary } from './helpers/import';

const ROOT = path.resolve(__dirname, '..');
const SEED = readFileSync(path.join(ROOT, 'tests', 'fixtures', 'seed', '000_52f1e9b741cd2cdd.txt'), 'utf8');
const SLUG = 'face-semi-paralyzed-after-botox-to-masseter-muscles';
const T = "{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}";
const RECORD = '\n# What npm run import last wrote here';

/** A fresh folder with a scrape of the seed, changed by `edit`, and a content folder in it. */
function setup() {
  const dir = mkdtempSync(path.join(tmpdir(), 'qa-reimport-'));
  const content = path.join(dir, 'content');
  const file = path.join(content, `${SLUG}.md`);
  const scrape = (name: string, edit: (text: string) => string = (t) => t) => {
    const at = path.join(dir, name);
    writeFileSync(at, edit(SEED));
    return at;
  };
  return { dir, content, file, scrape };
}

/** The source's changes: Brent Moelleken's reviews, answer 4's last sentence, and a new ninth answer. */
const sourceChanges = (text: string) =>
  text
    .replace('194 reviews', '201 reviews')
    .replace('Doctor Answers 8', 'Doctor Answers 9')
    .replace('Hang in there, it will get better.', 'Hang in there, it will get better soon.')
    .replace(
      'Fort Lauderdale Dermatologic Surgeon\n',
      `Fort Lauderdale Dermatologic Surgeon\n\nTime is the cure\n\n${T}\n\nWait a few weeks and it will settle.\n\nAlex Morgan, MD\nSpringfield Plastic Surgeon\n4.2 out of 5 stars 12 reviews\n`,
    );

/** The keeper's edits: topics, a date and a source address, and a typo fixed in answer 1. */
const keeperEdits = (text: string) =>
  text
    .replace('title: Face Semi-paralyzed After Botox to Masseter Muscles?\n', '$&topics: [Botox, Masseter]\n')
    .replace('  photo: true\n', '$&  date: 2015-03-02\n')
    .replace('  site: RealSelf\n', '$&  url: https://www.realself.com/question/face-semi-paralyzed\n')
    .replace('Than inject 5 units', 'Then inject 5 units');

/** The new ninth answer as the importer writes it. */
const NEW_ANSWER = `
  - headline: Time is the cure
    body: |
      Wait a few weeks and it will settle.
    doctor:
      name: Alex Morgan
      credentials: [ MD ]
      location: Springfield
      specialty: Plastic Surgeon
      rating: { value: 4.2, reviews: 12 }
`;

/** The file's text before its import record. */
const beforeRecord = (text: string) => text.slice(0, text.indexOf(RECORD));

const mtime = (file: string) => statSync(file, { bigint: true }).mtimeNs;

describe('re-import of the same thread', () => {
  it('writes nothing when the scrape holds nothing new: same bytes, same modification time', async () => {
    const { content, file, scrape } = setup();
    const seed = scrape('seed.txt');
    expect(await importNow([seed], content)).toEqual({
      code: 0,
      out: [`wrote ${file} (8 answers) from ${seed}`, summary(1, 0, 0, 0)],
      err: [],
    });
    const [bytes, time] = [readFileSync(file), mtime(file)];
    expect(await importNow([seed], content)).toEqual({ code: 0, out: [summary(0, 0, 1, 0)], err: [] });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(mtime(file)).toBe(time);
    expect(readdirSync(content)).toEqual([`${SLUG}.md`]);
  });

  it("keeps the keeper's topics, date, source address and typo fix when the scrape has not changed", async () => {
    const { content, file, scrape } = setup();
    const seed = scrape('seed.txt');
    await importNow([seed], content);
    writeFileSync(file, keeperEdits(readFileSync(file, 'utf8')));
    const edited = readFileSync(file, 'utf8');
    expect(edited).toContain('Then inject 5 units');
    expect(await importNow([seed], content)).toEqual({ code: 0, out: [summary(0, 0, 1, 0)], err: [] });
    expect(readFileSync(file, 'utf8')).toBe(edited);
  });

  it("takes the scrape's new answer, changed answer and review count, and keeps every edit of the keeper's, changing nothing else", async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    writeFileSync(file, keeperEdits(readFileSync(file, 'utf8')));
    const edited = readFileSync(file, 'utf8');
    const rescrape = scrape('rescrape.txt', sourceChanges);
    expect(await importNow([rescrape], content)).toEqual({
      code: 0,
      out: [
        `updated ${file}: Brent Moelleken: 194 → 201 reviews; answer 4 text; +1 answer (Alex Morgan, MD)`,
        summary(0, 1, 0, 0),
      ],
      err: [],
    });
    const updated = readFileSync(file, 'utf8');
    expect(beforeRecord(updated)).toBe(
      `${beforeRecord(edited)
        .replace('rating: { value: 4.9, reviews: 194 }', 'rating: { value: 4.9, reviews: 201 }')
        .replace('Hang in there, it will get better.', 'Hang in there, it will get better soon.')}${NEW_ANSWER}`,
    );
    // The question text after the front matter is untouched, and the record is new.
    expect(updated.slice(updated.lastIndexOf('\n---\n'))).toBe(edited.slice(edited.lastIndexOf('\n---\n')));
    expect(updated.slice(updated.indexOf(RECORD))).not.toBe(edited.slice(edited.indexOf(RECORD)));
    // The keeper's edits stay edits: the next import of the same scrape changes nothing.
    expect(await importNow([rescrape], content)).toEqual({ code: 0, out: [summary(0, 0, 1, 0)], err: [] });
    expect(readFileSync(file, 'utf8')).toBe(updated);
  });

  it('keeps the file as it was when the keeper and the scrape changed the same field, until an option says who wins', async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('Hang in there, it will get better.', 'Hang in there; it will get better.'),
    );
    const edited = readFileSync(file, 'utf8');
    const rescrape = scrape('rescrape.txt', sourceChanges);
    const kept = `kept ${file} (edited here and in the scrape): answers[3].body; add --keep-edits to keep yours, or --scrape-wins to take the scrape's`;
    expect(await importNow([rescrape], content)).toEqual({ code: 1, out: [kept, summary(0, 0, 0, 1)], err: [] });
    expect(readFileSync(file, 'utf8')).toBe(edited);
    expect(await importNow([rescrape], content, { dryRun: true })).toEqual({
      code: 1,
      out: [kept, `${summary(0, 0, 0, 1)} (dry run: nothing written)`],
      err: [],
    });

    expect(await importNow([rescrape], content, { prefer: 'here' })).toEqual({
      code: 0,
      out: [
        `updated ${file}: Brent Moelleken: 194 → 201 reviews; +1 answer (Alex Morgan, MD); answers[3].body as edited here (--keep-edits)`,
        summary(0, 1, 0, 0),
      ],
      err: [],
    });
    const mine = readFileSync(file, 'utf8');
    expect(beforeRecord(mine)).toBe(`${beforeRecord(edited).replace('reviews: 194 }', 'reviews: 201 }')}${NEW_ANSWER}`);
    // The keeper's side, once chosen, stays: the same scrape again changes nothing.
    expect((await importNow([rescrape], content)).out).toEqual([summary(0, 0, 1, 0)]);

    // --scrape-wins settles conflicts only, and there is none left: the keeper's version is theirs.
    expect((await importNow([rescrape], content, { prefer: 'scrape' })).out).toEqual([summary(0, 0, 1, 0)]);
    // --force takes the scrape's side of every field it has.
    expect(await importNow([rescrape], content, { prefer: 'force' })).toEqual({
      code: 0,
      out: [`updated ${file}: answer 4 text`, summary(0, 1, 0, 0)],
      err: [],
    });
    expect(beforeRecord(readFileSync(file, 'utf8'))).toBe(
      beforeRecord(mine).replace('Hang in there; it will get better.', 'Hang in there, it will get better soon.'),
    );
  });

  it('keeps topics with --force, and adds the topics of --topic to those of the file', async () => {
    const { content, file, scrape } = setup();
    const seed = scrape('seed.txt');
    await importNow([seed], content, { topics: ['Botox'] });
    writeFileSync(file, readFileSync(file, 'utf8').replace('topics: [Botox]', 'topics: [Botox, Masseter]'));
    expect((await importNow([seed], content, { prefer: 'force' })).out).toEqual([summary(0, 0, 1, 0)]);
    expect(await importNow([seed], content, { topics: ['masseter', 'Jaw'] })).toEqual({
      code: 0,
      out: [`updated ${file}: +topic Jaw`, summary(0, 1, 0, 0)],
      err: [],
    });
    expect(readFileSync(file, 'utf8')).toContain('\ntopics: [Botox, Masseter, Jaw]\n');
  });

  it('drops an answer gone from the source, unless the keeper edited it', async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    const original = readFileSync(file, 'utf8');
    const withoutRonald = scrape('without.txt', (t) =>
      t
        .replace(/No antidote for botox complication[\s\S]*?39 reviews\n\n/u, '')
        .replace('Doctor Answers 8', 'Doctor Answers 7'),
    );
    expect((await importNow([withoutRonald], content, { dryRun: true })).out).toEqual([
      `updated ${file}: -1 answer (Ronald Shelton, MD)`,
      `${summary(0, 1, 0, 0)} (dry run: nothing written)`,
    ]);
    expect(readFileSync(file, 'utf8')).toBe(original);
    writeFileSync(file, original.replace('There may have been more', 'There may well have been more'));
    expect((await importNow([withoutRonald], content)).out).toEqual([
      `kept ${file} (edited here and in the scrape): answers[5]; add --keep-edits to keep yours, or --scrape-wins to take the scrape's`,
      summary(0, 0, 0, 1),
    ]);
    expect((await importNow([withoutRonald], content, { prefer: 'here' })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('There may well have been more');
    expect((await importNow([withoutRonald], content)).out).toEqual([summary(0, 0, 1, 0)]);
  });
});

describe('what the keeper did to the file itself', () => {
  it('keeps an answer the keeper deleted deleted, takes the other changes, and asks when the source changed that answer', async () => {
    const { content, file, scrape } = setup();
    const seed = scrape('seed.txt');
    await importNow([seed], content);
    const text = readFileSync(file, 'utf8');
    // The keeper removes the first answer, anonymous, from the file.
    const start = text.indexOf('  - headline: Face Semi-paralyzed After Botox to Masseter Muscles?');
    const without = `${text.slice(0, start)}${text.slice(text.indexOf('  - headline: Semi-Paralyzed Face After Botox Injections'))}`;
    writeFileSync(file, without);
    expect((await importNow([seed], content)).out).toEqual([summary(0, 0, 1, 0)]);
    // The source's other changes come in; the deleted answer stays deleted. Answer 4 of the source is the file's third.
    expect((await importNow([scrape('rescrape.txt', sourceChanges)], content)).out).toEqual([
      `updated ${file}: Brent Moelleken: 194 → 201 reviews; answer 3 text; +1 answer (Alex Morgan, MD)`,
      summary(0, 1, 0, 0),
    ]);
    const updated = readFileSync(file, 'utf8');
    expect(updated).not.toContain('Yes your posted photo shows');
    // The source changes the deleted answer: the keeper decides.
    const changed = scrape('changed.txt', (t) =>
      sourceChanges(t).replace('Only time will correct, sorry.', 'Only time will correct it, sorry.'),
    );
    expect((await importNow([changed], content)).out).toEqual([
      `kept ${file} (edited here and in the scrape): answers (anonymous, deleted here); add --keep-edits to keep yours, or --scrape-wins to take the scrape's`,
      summary(0, 0, 0, 1),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(updated);
    expect((await importNow([changed], content, { prefer: 'scrape' })).out[0]).toBe(
      `updated ${file}: +1 answer (anonymous); answers (anonymous, deleted here) as the scrape has them (--scrape-wins)`,
    );
  });

  it('matches answers by who wrote them: answers the keeper reordered get their own changes', async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    const text = readFileSync(file, 'utf8');
    // The keeper swaps the answers of Michael R. Menachof (2nd) and Brent Moelleken (3rd).
    const at = (headline: string) => text.indexOf(`  - headline: ${headline}`);
    const [second, third, fourth] = [
      at('Semi-Paralyzed Face After Botox Injections'),
      at('Botox facial paralysis'),
      at('Face Semi-Paralyzed After Botox\n'),
    ];
    const swapped = `${text.slice(0, second)}${text.slice(third, fourth)}${text.slice(second, third)}${text.slice(fourth)}`;
    writeFileSync(file, swapped);
    const credentials = scrape('credentials.txt', (t) => t.replace('Brent Moelleken, MD', 'Brent Moelleken, MD, FACS'));
    expect((await importNow([credentials], content)).out).toEqual([
      `updated ${file}: Brent Moelleken: credentials MD → MD, FACS`,
      summary(0, 1, 0, 0),
    ]);
    const updated = readFileSync(file, 'utf8');
    expect(updated.indexOf('Botox facial paralysis')).toBeLessThan(
      updated.indexOf('Semi-Paralyzed Face After Botox Injections'),
    );
    expect(updated).toContain('      name: Brent Moelleken\n      credentials: [ MD, FACS ]\n');
    expect(updated).toContain('      name: Michael R. Menachof\n      credentials: [ MD ]\n');
  });

  it("takes a doctor's move as a change of place, and keeps the keeper's comments, quotes and key order", async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    const edited = readFileSync(file, 'utf8')
      .replace(
        'title: Face Semi-paralyzed After Botox to Masseter Muscles?',
        '# checked against the page\ntitle: "Face Semi-paralyzed After Botox to Masseter Muscles?"',
      )
      .replace(
        '      location: Beverly Hills\n      specialty: Plastic Surgeon\n',
        '      # as on his page\n      specialty: Plastic Surgeon\n      location: Beverly Hills\n',
      );
    writeFileSync(file, edited);
    const moved = scrape('moved.txt', (t) => t.replace('Beverly Hills Plastic Surgeon', 'Los Angeles Plastic Surgeon'));
    expect((await importNow([moved], content)).out).toEqual([
      `updated ${file}: Brent Moelleken: location Beverly Hills → Los Angeles`,
      summary(0, 1, 0, 0),
    ]);
    expect(beforeRecord(readFileSync(file, 'utf8'))).toBe(
      beforeRecord(edited).replace(
        '      location: Beverly Hills\n      rating: { value: 4.9',
        '      location: Los Angeles\n      rating: { value: 4.9',
      ),
    );
  });

  it('keeps an answer the keeper added by hand, even with --force', async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    const added = readFileSync(file, 'utf8').replace(
      '\n# What npm run import',
      "\n  - headline: Added by the keeper\n    body: |\n      From the clinic's own page.\n\n# What npm run import",
    );
    writeFileSync(file, added);
    expect((await importNow([scrape('rescrape.txt', sourceChanges)], content, { prefer: 'force' })).out[0]).toBe(
      `updated ${file}: Brent Moelleken: 194 → 201 reviews; answer 4 text; +1 answer (Alex Morgan, MD)`,
    );
    expect(readFileSync(file, 'utf8')).toContain('Added by the keeper');
  });

  it("keeps a file's CRLF line endings when it updates it", async () => {
    const { content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\n/gu, '\r\n'));
    expect((await importNow([scrape('rescrape.txt', sourceChanges)], content)).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('rating: { value: 4.9, reviews: 201 }\r\n');
    expect(text.replace(/\r\n/gu, '')).not.toContain('\n');
  });
});

describe('two threads with one title', () => {
  it('gives the later its own file, <slug>-2, says so, and finds each file again on a later import', async () => {
    const { content, file, scrape } = setup();
    const first = scrape('first.txt');
    const second = scrape('second.txt', (t) => t.replace('I had 30 units of botox', 'I had 40 units of botox'));
    const other = path.join(content, `${SLUG}-2.md`);
    expect(await importNow([first, second], content)).toEqual({
      code: 0,
      out: [
        `wrote ${file} (8 answers) from ${first}`,
        `wrote ${other} (8 answers) from ${second} (${SLUG}.md holds another thread)`,
        summary(2, 0, 0, 0),
      ],
      err: [],
    });
    expect(parseThreadFile(other, readFileSync(other)).thread?.slug).toBe(`${SLUG}-2`);
    expect((await importNow([second, first], content)).out).toEqual([summary(0, 0, 2, 0)]);
    // The keeper fixes the second question's text: its record still tells it is the same thread.
    writeFileSync(other, readFileSync(other, 'utf8').replace('I had 40 units of botox', 'I had forty units of botox'));
    expect((await importNow([second], content)).out).toEqual([summary(0, 0, 1, 0)]);
    expect(readdirSync(content).sort()).toEqual([`${SLUG}-2.md`, `${SLUG}.md`]);
  });
});

describe('a file the importer wrote without a record', () => {
  /** The seed imported, its record cut out: as an importer before records wrote it. */
  async function legacy() {
    const setupped = setup();
    await importNow([setupped.scrape('seed.txt')], setupped.content);
    const text = readFileSync(setupped.file, 'utf8');
    writeFileSync(setupped.file, `${beforeRecord(text)}${text.slice(text.indexOf('---\n', 4))}`);
    return setupped;
  }

  it('gets its record when it holds what the scrape holds', async () => {
    const { content, file, scrape } = await legacy();
    expect(readFileSync(file, 'utf8')).not.toContain('imported:');
    const seed = scrape('seed.txt');
    expect((await importNow([seed], content)).out).toEqual([
      `updated ${file}: import record added`,
      summary(0, 1, 0, 0),
    ]);
    expect(readFileSync(file, 'utf8')).toContain(RECORD);
    expect((await importNow([seed], content)).out).toEqual([summary(0, 0, 1, 0)]);
  });

  it('keeps every field where it differs from the scrape, since nothing tells who changed it, and adds new answers', async () => {
    const { content, file, scrape } = await legacy();
    const before = readFileSync(file, 'utf8');
    const rescrape = scrape('rescrape.txt', sourceChanges);
    expect((await importNow([rescrape], content)).out).toEqual([
      `kept ${file} (edited here and in the scrape): answers[2].doctor.rating, answers[3].body; add --keep-edits to keep yours, or --scrape-wins to take the scrape's`,
      summary(0, 0, 0, 1),
    ]);
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect((await importNow([rescrape], content, { prefer: 'scrape' })).out[0]).toBe(
      `updated ${file}: Brent Moelleken: 194 → 201 reviews; answer 4 text; +1 answer (Alex Morgan, MD); answers[2].doctor.rating, answers[3].body as the scrape has them (--scrape-wins)`,
    );
  });

  it('keeps an answer added by hand as a conflict, which --keep-edits keeps and --force drops, saying so', async () => {
    const { content, file, scrape } = await legacy();
    const text = readFileSync(file, 'utf8');
    const close = text.indexOf('\n---\n', 4);
    const added = `${text.slice(0, close)}\n  - headline: Hand added\n    body: |\n      An answer the keeper added.${text.slice(close)}`;
    writeFileSync(file, added);
    const seed = scrape('seed.txt');
    expect((await importNow([seed], content)).out).toEqual([
      `kept ${file} (edited here and in the scrape): answers[8]; add --keep-edits to keep yours, or --scrape-wins to take the scrape's`,
      summary(0, 0, 0, 1),
    ]);
    expect((await importNow([seed], content, { prefer: 'here' })).out[0]).toBe(
      `updated ${file}: answers[8] as edited here (--keep-edits)`,
    );
    expect(readFileSync(file, 'utf8')).toContain('Hand added');
    writeFileSync(file, added);
    expect((await importNow([seed], content, { prefer: 'force' })).out[0]).toBe(
      `updated ${file}: -1 answer (anonymous); answers[8] as the scrape has them (--force)`,
    );
    expect(readFileSync(file, 'utf8')).not.toContain('Hand added');
  });
});

describe('nothing half-written', () => {
  it('writes no file when any scrape fails, the updates included', async () => {
    const { dir, content, file, scrape } = setup();
    await importNow([scrape('seed.txt')], content);
    const before = readFileSync(file, 'utf8');
    const broken = scrape('broken.txt', () => 'A title\n');
    expect(await importNow([scrape('rescrape.txt', sourceChanges), broken], content)).toEqual({
      code: 1,
      out: [],
      err: [
        `${broken}:2: expected "Doctor Answers <number>" after the question, got the end of the scrape`,
        '1 of 2 scrapes failed; no file written',
      ],
    });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(readdirSync(content)).toEqual([`${SLUG}.md`]);
    expect(readdirSync(dir).sort()).toEqual(['broken.txt', 'content', 'rescrape.txt', 'seed.txt']);
  });

  /** `n` threads imported, their scrapes changed, and what each file should become (the same run on a copy). */
  async function changedArchive(n: number) {
    const { dir, content, scrape } = setup();
    const scrapes = Array.from({ length: n }, (_, i) =>
      scrape(`s${i}.txt`, (t) =>
        t.replace('Face Semi-paralyzed After Botox to Masseter Muscles?', `Question ${i} on Botox?`),
      ),
    );
    expect((await importNow(scrapes, content)).code).toBe(0);
    const names = readdirSync(content).sort();
    const old = new Map(names.map((f) => [f, readFileSync(path.join(content, f), 'utf8')]));
    for (const s of scrapes) writeFileSync(s, sourceChanges(readFileSync(s, 'utf8')));
    const copy = path.join(dir, 'expected');
    cpSync(content, copy, { recursive: true });
    expect((await importNow(scrapes, copy)).out.at(-1)).toBe(summary(0, n, 0, 0));
    const expected = new Map(names.map((f) => [f, readFileSync(path.join(copy, f), 'utf8')]));
    const now = (f: string) => readFileSync(path.join(content, f), 'utf8');
    return { content, scrapes, names, old, expected, now };
  }

  it('leaves every file as it was or as it should be when the run stops while it writes, and the next run finishes the job', async () => {
    const { content, scrapes, names, old, expected, now } = await changedArchive(20);
    // The run stops right after its third file (as when the machine goes down).
    let written = 0;
    const stopped = runImport(
      { inputs: scrapes, outDir: content },
      {
        stdin: () => Readable.from([]),
        out: (line) => {
          if (line.startsWith('updated ') && (written += 1) === 3) throw new Error('stopped');
        },
        err: () => undefined,
      },
    );
    await expect(stopped).rejects.toThrow('stopped');
    const updated = names.filter((f) => now(f) !== old.get(f));
    expect(updated).toHaveLength(3);
    for (const f of names) expect(now(f), f).toBe((updated.includes(f) ? expected : old).get(f));
    expect((await importNow(scrapes, content)).out.at(-1)).toBe(summary(0, 17, 3, 0));
    for (const f of names) expect(now(f), f).toBe(expected.get(f));
  });

  it('changes no file when killed while it checks, and the next run clears what the killed one staged', async () => {
    const { content, scrapes, names, old, expected, now } = await changedArchive(300);
    // One process (node with tsx's loader, as npm run import runs it), so that the kill reaches the importer itself.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/import.ts', '--out', content, ...scrapes], {
      cwd: ROOT,
      stdio: 'ignore',
    });
    // Killed as soon as its staging folder appears, long before its last scrape is checked.
    const staged = () => readdirSync(content).some((f) => f.startsWith('.import-'));
    while (child.exitCode === null && !staged()) await new Promise((resolve) => setTimeout(resolve, 2));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('close', resolve));
    for (const f of names) expect([old.get(f), expected.get(f)], f).toContain(now(f));
    expect((await importNow(scrapes, content)).code).toBe(0);
    expect(readdirSync(content).sort()).toEqual(names);
    for (const f of names) expect(now(f), f).toBe(expected.get(f));
  }, 60_000);
});
