/**
 * What each kind of page shows (src/views/), computed from a small archive made in memory: no
 * content folder, no environment. Five threads, four doctors, two topics.
 */
import { describe, expect, it } from 'vitest';
import { NotFound, memoryArchive } from '../src/archive/archive';
import { ThreadSchema } from '../src/content/schema';
import type { Thread } from '../src/content/schema';
import { directoryPage, doctorGroupPage } from '../src/views/directory';
import { doctorPage } from '../src/views/doctor';
import { groupListPage, groupPageCount } from '../src/views/group-list';
import { indexPage } from '../src/views/index-page';
import { threadView } from '../src/views/thread';
import { threadGroupPage } from '../src/views/thread-group';

type Author = { name: string; location: string; specialty?: string; rating?: { value: number; reviews: number } };

/** A valid thread (checked with the content schema): one answer per author, `null` for an anonymous one. */
function thread(
  slug: string,
  date: string | undefined,
  topics: string[] | undefined,
  authors: (Author | null)[],
): Thread {
  return ThreadSchema.parse({
    slug,
    title: `Question ${slug}`,
    ...(topics ? { topics } : {}),
    question: { body: `Asking about ${slug}, in plain words.`, ...(date ? { date } : {}) },
    source: { site: 'Example' },
    answers: authors.map((author, i) => ({
      headline: `Answer ${i + 1} to ${slug}`,
      body: i === 0 ? 'Plain *advice*.' : 'Wait & see.',
      ...(author ? { doctor: { credentials: ['MD'], ...author } } : {}),
    })),
  });
}

const ZOLA = { name: 'Émile Zola', location: 'Paris' };
const ARCHIVE = memoryArchive('/archive', [
  thread(
    'jaw',
    '2021-03-01',
    ['Botox', 'Masseter'],
    [{ ...ZOLA, specialty: 'Dermatologist', rating: { value: 4.5, reviews: 10 } }, null],
  ),
  thread(
    'brow',
    '2022-01-01',
    ['Botox'],
    [
      { name: 'Anne Dupont', location: 'Paris', specialty: 'Dermatologist' },
      { ...ZOLA, specialty: 'Plastic Surgeon' },
    ],
  ),
  thread('knee', undefined, undefined, [{ name: 'Bob Martin', location: 'Lyon' }]),
  thread('clinic', '2020-06-15', undefined, [
    { name: '4 Star Clinic', location: 'Lyon', specialty: 'Cosmetic Surgeon' },
  ]),
  thread('cheek', '2020-06-15', ['Botox'], [null]),
]);

describe('the index page', () => {
  it("lists the threads newest first, undated last, ties by slug, with the archive's counts", () => {
    const view = indexPage(ARCHIVE, 1);
    expect(view.threads.map((t) => t.slug)).toEqual(['brow', 'jaw', 'cheek', 'clinic', 'knee']);
    expect({ ...view, threads: view.threads.length }).toEqual({
      threads: 5,
      page: 1,
      pageCount: 1,
      threadCount: 5,
      answerCount: 7,
    });
    expect(view.threads[1]).toEqual({
      slug: 'jaw',
      title: 'Question jaw',
      answerCount: 2,
      excerpt: 'Asking about jaw, in plain words.',
      specialties: ['Dermatologist'],
      topics: [
        { slug: 'botox', name: 'Botox' },
        { slug: 'masseter', name: 'Masseter' },
      ],
    });
  });

  it('has no page past the last', () => {
    expect(() => indexPage(ARCHIVE, 2)).toThrow(new NotFound('the index has no page 2'));
    expect(() => indexPage(ARCHIVE, 0)).toThrow(NotFound);
  });
});

describe('a thread page', () => {
  it("renders the question and each answer, and names each answer's doctor page", () => {
    const view = threadView(ARCHIVE, 'jaw');
    expect(view.questionHtml).toBe('<p>Asking about jaw, in plain words.</p>\n');
    expect(view.answersHtml).toEqual(['<p>Plain <em>advice</em>.</p>\n', '<p>Wait &#x26; see.</p>\n']);
    expect(view.doctorSlugs).toEqual(['emile-zola-paris', null]);
    expect(view.description).toBe('Asking about jaw, in plain words.');
    expect(view.topics.map((t) => t.name)).toEqual(['Botox', 'Masseter']);
    // The page's props carry no markdown: the HTML beside them says it all.
    expect(JSON.stringify(view.thread)).not.toContain('advice');
    // Its words are in every thread (too common to relate) or in none other.
    expect(view.related).toEqual([]);
  });

  it("leaves the import record out of the page's props: the site never shows it", () => {
    const { thread } = ARCHIVE.thread('jaw');
    const recorded = memoryArchive('/recorded', [{ ...thread, imported: { thread: 'd5f5d443', answers: [] } }]);
    expect(recorded.thread('jaw').thread.imported).toBeDefined();
    expect(threadView(recorded, 'jaw').thread).toEqual(threadView(ARCHIVE, 'jaw').thread);
    expect(JSON.stringify(threadView(recorded, 'jaw'))).not.toContain('d5f5d443');
  });

  it('answers NotFound for a slug the archive lacks', () => {
    expect(() => threadView(ARCHIVE, 'no-such-thread')).toThrow(NotFound);
  });
});

describe('a doctor page', () => {
  it("shows the newest thread's specialty, the newest rating and where it comes from, and every answer newest first", () => {
    const view = doctorPage(ARCHIVE, 'emile-zola-paris', 1);
    expect(view.profile).toEqual({
      slug: 'emile-zola-paris',
      name: 'Émile Zola',
      credentials: ['MD'],
      specialty: 'Plastic Surgeon',
      location: 'Paris',
      rating: { value: 4.5, reviews: 10 },
      ratingFrom: { slug: 'jaw', title: 'Question jaw' },
    });
    expect(view.answers.map((a) => `${a.threadSlug}#answer-${a.number}`)).toEqual(['brow#answer-2', 'jaw#answer-1']);
    expect(view.description).toBe('Émile Zola, Plastic Surgeon in Paris: 2 answers in the archive.');
    expect(() => doctorPage(ARCHIVE, 'emile-zola-paris', 2)).toThrow(
      new NotFound('doctor emile-zola-paris has no page 2'),
    );
  });
});

describe('the directory and the groups of doctors', () => {
  it('lists every doctor A to Z (accents aside, digits first) with letter links to where each letter starts', () => {
    const view = directoryPage(ARCHIVE, 1);
    expect(view.entries.map((d) => `${d.name}: ${d.specialty ?? '-'}, ${d.location}, ${d.answerCount}`)).toEqual([
      '4 Star Clinic: Cosmetic Surgeon, Lyon, 1',
      'Anne Dupont: Dermatologist, Paris, 1',
      'Bob Martin: -, Lyon, 1',
      'Émile Zola: Plastic Surgeon, Paris, 2',
    ]);
    expect(view.letters.filter((l) => l.href !== null)).toEqual([
      { letter: 'A', href: '/doctors/#letter-A' },
      { letter: 'B', href: '/doctors/#letter-B' },
      { letter: 'E', href: '/doctors/#letter-E' },
      { letter: '#', href: '/doctors/#letter-other' },
    ]);
    expect(view.letters).toHaveLength(27);
    expect({ group: view.group, page: view.page, pageCount: view.pageCount, total: view.total }).toEqual({
      group: null,
      page: 1,
      pageCount: 1,
      total: 4,
    });
  });

  it('groups doctors by the specialty and the place their page shows, each group A to Z', () => {
    expect(groupListPage(ARCHIVE, 'specialty', 1).groups).toEqual([
      { slug: 'cosmetic-surgeon', name: 'Cosmetic Surgeon', count: 1 },
      { slug: 'dermatologist', name: 'Dermatologist', count: 1 },
      { slug: 'plastic-surgeon', name: 'Plastic Surgeon', count: 1 },
    ]);
    const lyon = doctorGroupPage(ARCHIVE, 'location', 'lyon', 1);
    expect(lyon.group).toEqual({ kind: 'location', slug: 'lyon', name: 'Lyon' });
    expect(lyon.entries.map((d) => d.slug)).toEqual(['4-star-clinic-lyon', 'bob-martin-lyon']);
    expect({ total: lyon.total, pageCount: lyon.pageCount, letters: lyon.letters }).toEqual({
      total: 2,
      pageCount: 1,
      letters: [],
    });
    expect(() => doctorGroupPage(ARCHIVE, 'location', 'berlin', 1)).toThrow('no location with slug "berlin"');
    expect(() => doctorGroupPage(ARCHIVE, 'location', 'lyon', 2)).toThrow('location lyon has no page 2');
  });
});

describe("topics: the list and a topic's threads", () => {
  it("lists each topic A to Z with its number of threads, and a topic's threads in index order", () => {
    const view = groupListPage(ARCHIVE, 'topic', 1);
    expect(view).toEqual({
      kind: 'topic',
      groups: [
        { slug: 'botox', name: 'Botox', count: 3 },
        { slug: 'masseter', name: 'Masseter', count: 1 },
      ],
      page: 1,
      pageCount: 1,
      total: 2,
    });
    const botox = threadGroupPage(ARCHIVE, 'topic', 'botox', 1);
    expect(botox.group).toEqual({ slug: 'botox', name: 'Botox' });
    expect(botox.threads.map((t) => t.slug)).toEqual(['brow', 'jaw', 'cheek']);
    expect(() => threadGroupPage(ARCHIVE, 'topic', 'knee', 1)).toThrow('no topic with slug "knee"');
  });

  it('pages a group of threads by 50 and a group of doctors by 100', () => {
    expect([50, 51].map((n) => groupPageCount('topic', n))).toEqual([1, 2]);
    expect([100, 101].map((n) => groupPageCount('location', n))).toEqual([1, 2]);
  });
});

describe('an empty archive', () => {
  const empty = memoryArchive('/empty', []);
  it('has one empty index page, an empty directory, and no group', () => {
    expect(indexPage(empty, 1)).toEqual({ threads: [], page: 1, pageCount: 1, threadCount: 0, answerCount: 0 });
    expect(directoryPage(empty, 1)).toMatchObject({ entries: [], pageCount: 1, total: 0 });
    expect(groupListPage(empty, 'topic', 1).groups).toEqual([]);
  });
});
