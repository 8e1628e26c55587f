import { describe, expect, it } from 'vitest';
import { ThreadSchema } from '../src/content/schema';
import { topicSlug } from '../src/content/slugs';

const valid = {
  slug: 'a-thread',
  title: 'A question?',
  question: { body: 'Text.' },
  source: { site: 'RealSelf' },
  answers: [
    {
      headline: 'An answer',
      body: 'Answer text.',
      doctor: {
        name: 'Jane Doe',
        credentials: ['MD'],
        location: 'Springfield',
        specialty: 'Dermatologist',
        rating: { value: 4.4, reviews: 28 },
      },
    },
  ],
};

/** The messages zod reports for `data`, as `path: message` lines. */
function messages(data: unknown): string[] {
  const result = ThreadSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

function withDoctor(doctor: Record<string, unknown>) {
  return { ...valid, answers: [{ ...valid.answers[0], doctor: { ...valid.answers[0]!.doctor, ...doctor } }] };
}

describe('thread schema', () => {
  it('accepts a valid thread and fills the photo flag', () => {
    const result = ThreadSchema.parse(valid);
    expect(result.question.photo).toBe(false);
    expect(result.answers[0]?.doctor?.rating).toEqual({ value: 4.4, reviews: 28 });
  });

  it('accepts an anonymous answer and a doctor without rating', () => {
    const anonymous = { ...valid, answers: [{ headline: 'h', body: 'b' }] };
    expect(messages(anonymous)).toEqual([]);
    const { rating: _rating, ...unrated } = valid.answers[0]!.doctor;
    expect(messages({ ...valid, answers: [{ ...valid.answers[0], doctor: unrated }] })).toEqual([]);
  });

  it('says what a rating must be, with the value written', () => {
    expect(messages(withDoctor({ rating: { value: 6, reviews: 28 } }))).toEqual([
      'answers.0.doctor.rating.value: rating must be between 0 and 5, got 6',
    ]);
    expect(messages(withDoctor({ rating: { value: -1, reviews: 28 } }))).toEqual([
      'answers.0.doctor.rating.value: rating must be between 0 and 5, got -1',
    ]);
    expect(messages(withDoctor({ rating: { value: '4.4 out of 5 stars', reviews: 28 } }))).toEqual([
      'answers.0.doctor.rating.value: rating must be a number from 0 to 5, got "4.4 out of 5 stars"',
    ]);
    expect(messages(withDoctor({ rating: { value: Number.NaN, reviews: 28 } }))).toEqual([
      'answers.0.doctor.rating.value: rating must be a number from 0 to 5, got not-a-number (.nan)',
    ]);
  });

  it('wants review counts and votes as whole numbers from 0', () => {
    expect(messages(withDoctor({ rating: { value: 4, reviews: -28 } }))).toEqual([
      'answers.0.doctor.rating.reviews: review count must be 0 or more, got -28',
    ]);
    expect(messages(withDoctor({ rating: { value: 4, reviews: 28.5 } }))).toEqual([
      'answers.0.doctor.rating.reviews: review count must be a whole number, got 28.5',
    ]);
    expect(messages({ ...valid, answers: [{ headline: 'h', body: 'b', votes: -1 }] })).toEqual([
      'answers.0.votes: votes must be 0 or more, got -1',
    ]);
  });

  it('names missing fields and rejects unknown ones', () => {
    const { title: _title, ...untitled } = valid;
    expect(messages(untitled)).toEqual(['title: title is missing']);
    expect(messages({ ...valid, votes: 3 })).toEqual([': unknown field "votes"']);
  });

  it('rejects blank bodies, zero-width-only bodies and scraper junk', () => {
    const body = (b: string) => messages({ ...valid, answers: [{ headline: 'h', body: b }] });
    expect(body('')).toEqual(['answers.0.body: answer body must not be blank']);
    expect(body(' \n\t ')).toEqual(['answers.0.body: answer body must not be blank']);
    expect(body('\u200b\u200d\ufeff')).toEqual(['answers.0.body: answer body must not be blank']);
    expect(body("Text\n\n{{ voteCount >= 0 ? '+' + (voteCount + 1) : (voteCount + 1) }}")).toEqual([
      'answers.0.body: answer body contains an unrendered page template, "{{ voteCount >= 0 ? \'+\' + (voteCount + 1) : (voteCount + ..."; it is not part of the text, remove it',
    ]);
    expect(body('Text\n\nYou might also like...\n')).toEqual([
      'answers.0.body: answer body contains page chrome, "You might also like..."; it is not part of the text, remove it',
    ]);
  });

  it('rejects control and bidirectional-override characters in titles and names', () => {
    expect(messages({ ...valid, title: 'Evil \u202Etxt.exe' })).toEqual([
      'title: title contains the invisible control character U+202E at position 6; remove it',
    ]);
    expect(messages(withDoctor({ name: 'Jane\u0007Doe' }))).toEqual([
      'answers.0.doctor.name: doctor name contains the invisible control character U+0007 at position 5; remove it',
    ]);
  });

  it('accepts only https source URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'http://example.org/']) {
      expect(messages({ ...valid, source: { site: 'S', url } })).toEqual([
        `source.url: source url must be an https:// address, got ${JSON.stringify(url)}`,
      ]);
    }
    expect(messages({ ...valid, source: { site: 'S', url: 'https://www.realself.com/question/x' } })).toEqual([]);
  });

  it('checks slugs', () => {
    for (const slug of ['../etc', 'a/b', 'a%20b', 'a b', 'Upper', 'a--b', '-a']) {
      expect(messages({ ...valid, slug })).toEqual([
        `slug: slug must be lowercase letters a-z, digits and single hyphens, got ${JSON.stringify(slug)}`,
      ]);
    }
    expect(messages({ ...valid, slug: 'a'.repeat(101) })).toEqual([
      'slug: slug must be at most 100 characters, got 101',
    ]);
  });

  it('checks question dates', () => {
    expect(messages({ ...valid, question: { body: 'q', date: '2015-02-30' } })).toEqual([
      'question.date: question date must be a date written YYYY-MM-DD, got "2015-02-30"',
    ]);
  });

  it('takes topics as an optional list of one-line names, each once, at most 20', () => {
    expect(ThreadSchema.parse(valid)).not.toHaveProperty('topics');
    expect(ThreadSchema.parse({ ...valid, topics: ['Botox', 'Masseter Botox'] }).topics).toEqual([
      'Botox',
      'Masseter Botox',
    ]);
    expect(messages({ ...valid, topics: [] })).toEqual([]);
    expect(messages({ ...valid, topics: Array.from({ length: 20 }, (_, i) => `Topic ${i}`) })).toEqual([]);
    expect(messages({ ...valid, topics: 'Botox' })).toEqual([
      'topics: topics must be a list such as [Botox, Masseter Botox], got "Botox"',
    ]);
    expect(messages({ ...valid, topics: ['Botox', 'Lips\tand cheeks', 'Botox\u2028x', 'Fillers ', 7] })).toEqual([
      'topics.1: topic contains a tab at position 5; use a space',
      'topics.2: topic must be one line, got a line break at position 6; write it on one line',
      'topics.3: topic must not start or end with a space, got "Fillers "',
      'topics.4: topic must be text, got 7',
    ]);
    expect(messages({ ...valid, topics: ['Masséter Botox', 'MASSETER-BOTOX'] })).toEqual([
      'topics.1: topic "MASSETER-BOTOX" is the same topic as "Masséter Botox" (both have the slug "masseter-botox"); keep one',
    ]);
  });

  it('gives each topic the slug words of its name, a hash when it has none, and never a route word', () => {
    expect(topicSlug('Masseter Botox')).toBe('masseter-botox');
    expect(topicSlug('Masséter  BOTOX!')).toBe('masseter-botox');
    expect(topicSlug('ＢＯＴＯＸ')).toBe('botox'); // full-width letters, NFKC
    expect(topicSlug('ボトックス')).toMatch(/^topic-[0-9a-f]{8}$/u);
    expect(topicSlug('ボトックス')).toBe(topicSlug('ﾎﾞﾄｯｸｽ')); // the same name in half-width katakana
    expect(topicSlug('ボトックス')).not.toBe(topicSlug('ヒアルロン酸'));
    expect(topicSlug('Page')).toMatch(/^page-[0-9a-f]{8}$/u);
    expect(topicSlug('Index')).toMatch(/^index-[0-9a-f]{8}$/u);
    expect(topicSlug('Page Two')).toBe('page-two');
    const long = topicSlug('Word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(long).toMatch(/^word-word-.*-[0-9a-f]{8}$/u);
  });
});
