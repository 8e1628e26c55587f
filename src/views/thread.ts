/** A thread's page: the question and every answer, their markdown rendered, and the related threads. */
import type { Archive } from '../archive/archive';
import type { RelatedThread } from '../archive/related';
import type { Answer, Thread } from '../content/schema';
import { doctorSlug } from '../content/slugs';
import { firstWords, renderMarkdown, renderMarkdownWithText } from './markdown';
import { EXCERPT_WORDS, topicLinks } from './thread-list';
import type { TopicLink } from './thread-list';

/** A thread as its page shows it: the markdown bodies leave it, their HTML is beside it. */
export type ShownThread = Omit<Thread, 'question' | 'answers' | 'imported'> & {
  question: Omit<Thread['question'], 'body'>;
  answers: Omit<Answer, 'body'>[];
};

/** A thread with its markdown rendered. */
export type ThreadView = {
  /** The thread's topics, in its own order. */
  topics: TopicLink[];
  /** Without its bodies: a page's props are written to disk, and the bodies would only repeat the HTML. */
  thread: ShownThread;
  /** The question text as HTML; headings start at h2 (under the page's h1). */
  questionHtml: string;
  /** Each answer's body as HTML, in order; headings start at h4 (under the answer's h3). */
  answersHtml: string[];
  /** Each answer's doctor page slug, in order; null for an anonymous answer. */
  doctorSlugs: (string | null)[];
  /** The first words of the question, for the meta description. */
  description: string;
  /** Up to five related threads; empty when none is related. */
  related: RelatedThread[];
};

/** The page data of one thread. Each body is parsed once (the question for its HTML and its plain text). */
export function threadView(archive: Archive, slug: string): ThreadView {
  const { thread: whole, related } = archive.thread(slug);
  // The import record is for the importer alone.
  const { imported, ...thread } = whole;
  void imported;
  const question = renderMarkdownWithText(thread.question.body, 1);
  const answersHtml = thread.answers.map((a) => renderMarkdown(a.body, 3));
  return {
    topics: topicLinks(thread),
    thread: { ...thread, question: withoutBody(thread.question), answers: thread.answers.map(withoutBody) },
    questionHtml: question.html,
    answersHtml,
    doctorSlugs: thread.answers.map((a) => (a.doctor ? doctorSlug(a.doctor) : null)),
    description: firstWords(question.text, EXCERPT_WORDS),
    related,
  };
}

function withoutBody<T extends { body: string }>({ body, ...rest }: T): Omit<T, 'body'> {
  void body;
  return rest;
}
