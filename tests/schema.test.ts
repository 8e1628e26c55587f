import { describe, expect, it } from 'vitest';
import { ThreadSchema } from '../src/content/schema';

const valid = {
  slug: 'a-thread',
  title: 'A question?',
  question: { body: 'Text.' },
  source: { site: 'RealSelf' },
  answers: [
    {
      headline: 'An answer',
      body: 'Answer text.',
      doctor: { name: 'Jane Doe', credentials: ['MD'], location: 'Springfield', specialty: 'Dermatologist', rating: { value: 4.4, reviews: 28 } },
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
    expect(messages({ ...valid, slug: 'a'.repeat(101) })).toEqual(['slug: slug must be at most 100 characters, got 101']);
  });

  it('checks question dates', () => {
    expect(messages({ ...valid, question: { body: 'q', date: '2015-02-30' } })).toEqual([
      'question.date: question date must be a date written YYYY-MM-DD, got "2015-02-30"',
    ]);
  });
});
