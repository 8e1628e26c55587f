/**
 * `npm run dev` as a writer uses it: `next dev` on a copy of the 120-thread archive; each step
 * edits, adds, breaks, fixes or deletes a content file, then reads pages as a reload would. No
 * restart between steps: every change must show on the next request.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedSlug, writeArchive } from './helpers/archive';
import { ROOT } from './helpers/build';

let dir: string;
let server: ChildProcess;
let origin: string;
/** Everything the dev server printed, to compare its terminal with the page. */
let output = '';

const file = (slug: string) => path.join(dir, `${slug}.md`);
const edit = (slug: string, from: string, to: string) => {
  const text = readFileSync(file(slug), 'utf8');
  expect(text).toContain(from);
  writeFileSync(file(slug), text.replace(from, to));
};

/** A page as the browser gets it on reload: status and parsed HTML. */
async function page(pathname: string) {
  const response = await fetch(`${origin}${pathname}`);
  return { status: response.status, $: load(await response.text()) };
}

/** The text of each element a selector finds on a page. */
const texts = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).text())
    .get();
/** The href of each link a selector finds on a page. */
const hrefs = ($: CheerioAPI, selector: string) =>
  $(selector)
    .map((_, el) => $(el).attr('href'))
    .get();

/** What `npm run check` prints for the archive, from the same working directory as the dev server. */
function checkOutput(): string[] {
  const result = spawnSync('npx', ['tsx', 'src/cli/check.ts', path.relative(ROOT, dir)], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return result.stdout.trimEnd().split('\n');
}

const EDITED = generatedSlug(5);
const NEWEST = generatedSlug(117);

beforeAll(async () => {
  dir = writeArchive();
  // Port 0: the server takes a free port and prints it, so no other server can be in the way.
  server = spawn(path.join(ROOT, 'node_modules', '.bin', 'next'), ['dev', '-p', '0', '-H', '127.0.0.1'], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: dir, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  origin = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Local:\s+(http:\/\/127\.0\.0\.1:\d+)/u.exec(output)?.[1];
      if (url) resolve(url);
    };
    server.stdout?.on('data', read);
    server.stderr?.on('data', read);
    server.once('exit', (code) => reject(new Error(`next dev exited with ${code}:\n${output}`)));
  });
});

afterAll(() => {
  server.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run dev: live content', { timeout: 180_000 }, () => {
  it('shows an edit to an answer on the thread page at the next reload', async () => {
    expect((await page(`/threads/${EDITED}/`)).$('.answer [itemprop="text"]').first().text()).toContain(
      'Usual advice number 5.',
    );
    edit(EDITED, 'Usual advice number 5.', 'Usual advice number 5, edited while the server runs.');
    const { status, $ } = await page(`/threads/${EDITED}/`);
    expect(status).toBe(200);
    expect($('.answer [itemprop="text"]').first().text()).toContain(
      'Usual advice number 5, edited while the server runs.',
    );
  });

  it('shows a new title on the thread page and on every page that lists the thread', async () => {
    for (const at of ['/', '/topics/masseter/', '/doctors/alex-morgan-springfield/']) await page(at); // compiled before the edit
    edit(NEWEST, 'title: Question 117 about masseter', 'title: Question 117 renamed live');
    expect((await page(`/threads/${NEWEST}/`)).$('h1').text()).toBe('Question 117 renamed live');
    for (const at of ['/', '/topics/masseter/', '/doctors/alex-morgan-springfield/']) {
      const { $ } = await page(at);
      expect($(`a[href="/threads/${NEWEST}/"]`).first().text(), at).toBe('Question 117 renamed live');
      expect($('main').text(), at).not.toContain('Question 117 about masseter');
    }
  });

  it('serves a new file at once and drops a deleted one', async () => {
    writeFileSync(
      file('added-live'),
      readFileSync(file(generatedSlug(3)), 'utf8')
        .replace(`slug: ${generatedSlug(3)}`, 'slug: added-live')
        .replace(/title: .*/u, 'title: Added while the server runs')
        .replace(/date: .*/u, 'date: 2031-01-01'),
    );
    const added = await page('/threads/added-live/');
    expect(added.status).toBe(200);
    expect(added.$('h1').text()).toBe('Added while the server runs');
    expect((await page('/')).$('main a[href="/threads/added-live/"]').text()).toBe('Added while the server runs');

    unlinkSync(file('added-live'));
    expect((await page('/threads/added-live/')).status).toBe(404);
    expect((await page('/')).$('main').text()).not.toContain('Added while the server runs');
  });

  it("shows a doctor's new specialty and place, and a new topic, on every list and group page at the next reload", async () => {
    // Compiled and read once before the edit, so that anything kept from this reading would show.
    for (const at of ['/specialties/', '/specialties/plastic-surgeon/', '/locations/', '/topics/'])
      expect((await page(at)).status, at).toBe(200);
    // The newest thread gives Alex Morgan's specialty; the doctor of a new place is a new doctor.
    edit(NEWEST, 'specialty: Plastic Surgeon', 'specialty: Zygomatic Reconstructive Surgeon');
    edit(generatedSlug(4), 'location: Springfield', 'location: Shelbyville');
    edit(generatedSlug(2), 'topics: [Aftercare, ', 'topics: [Zygoma Care, Aftercare, ');

    const names = async (at: string) => texts((await page(at)).$, '.names li');
    expect(await names('/specialties/')).toEqual([
      'Dermatologist (1)',
      'Oral Surgeon (1)',
      'Plastic Surgeon (1)',
      'Zygomatic Reconstructive Surgeon (1)',
    ]);
    const zygomatic = await page('/specialties/zygomatic-reconstructive-surgeon/');
    expect(zygomatic.status).toBe(200);
    expect(zygomatic.$('h1').text()).toBe('Zygomatic Reconstructive Surgeon');
    expect(texts(zygomatic.$, '.doctor-list .doctor-name a')).toEqual(['Alex Morgan']);
    // Plastic Surgeon is now the specialty of Alex Morgan of Shelbyville only.
    expect(hrefs((await page('/specialties/plastic-surgeon/')).$, '.doctor-list .doctor-name a')).toEqual([
      '/doctors/alex-morgan-shelbyville/',
    ]);

    expect(await names('/locations/')).toEqual(['Denver (1)', 'Miami (1)', 'Shelbyville (1)', 'Springfield (1)']);
    const shelbyville = await page('/locations/shelbyville/');
    expect(shelbyville.status).toBe(200);
    expect(shelbyville.$('.doctor-list .thread-meta').text()).toBe('1 answer');

    expect(await names('/topics/')).toContain('Zygoma Care (1)');
    const topic = await page('/topics/zygoma-care/');
    expect(topic.status).toBe(200);
    expect(hrefs(topic.$, 'main a[href^="/threads/"]')).toEqual([`/threads/${generatedSlug(2)}/`]);

    // And back: the specialty's page is gone at the next reload.
    edit(NEWEST, 'specialty: Zygomatic Reconstructive Surgeon', 'specialty: Plastic Surgeon');
    expect((await page('/specialties/zygomatic-reconstructive-surgeon/')).status).toBe(404);
    expect(await names('/specialties/')).toEqual(['Dermatologist (1)', 'Oral Surgeon (1)', 'Plastic Surgeon (2)']);
  });

  it('puts a content error on the page and in the terminal, as npm run check prints it, until the file is fixed', async () => {
    edit(EDITED, 'rating: { value: 4.5, reviews: 5 }', 'rating: { value: 7, reviews: 5 }');
    const expected = checkOutput();
    expect(expected).toEqual([
      `${path.relative(ROOT, dir)}/${EDITED}.md:17:24 answers[0].doctor.rating.value: rating must be between 0 and 5, got 7`,
      '1 problem in 1 of 120 files',
    ]);

    const broken = await page(`/threads/${EDITED}/`);
    expect(broken.status).toBe(404);
    expect(broken.$('.content-problems pre').text().split('\n')).toEqual(expected);
    // Every page shows it while it lasts; the other threads are still served.
    const index = await page('/');
    expect(index.status).toBe(200);
    expect(index.$('.content-problems pre').text().split('\n')).toEqual(expected);
    expect(output).toContain(expected.join('\n'));

    edit(EDITED, 'rating: { value: 7, reviews: 5 }', 'rating: { value: 4.5, reviews: 5 }');
    const fixed = await page(`/threads/${EDITED}/`);
    expect(fixed.status).toBe(200);
    expect(fixed.$('.content-problems').length).toBe(0);
    expect(fixed.$('.rating').first().text()).toContain('4.5');
    expect((await page('/')).$('.content-problems').length).toBe(0);
    expect(output).toContain('content: 120 files checked, no problems');
  });
});
