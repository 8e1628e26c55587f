/**
 * What each page needs, computed at build time from the loaded threads: markdown rendered to
 * HTML, excerpts, counts. Pages call these from getStaticProps and only compose components.
 */
import { firstWords, plainText, renderMarkdown } from './markdown';
import type { Thread } from './schema';
import { getThread, getThreads } from './threads';

/** A thread with its markdown rendered. */
export type ThreadView = {
  thread: Thread;
  /** The question text as HTML; headings start at h2 (under the page's h1). */
  questionHtml: string;
  /** Each answer's body as HTML, in order; headings start at h4 (under the answer's h3). */
  answersHtml: string[];
  /** The first words of the question, for the meta description. */
  description: string;
};

/** One line of the index. */
export type ThreadSummary = {
  slug: string;
  title: string;
  answerCount: number;
  /** The first words of the question, as plain text. */
  excerpt: string;
  /** The answering doctors' specialties, each once, in answer order. */
  specialties: string[];
};

const EXCERPT_WORDS = 30;

/** The page data of one thread. */
export function threadView(slug: string): ThreadView {
  const thread = getThread(slug);
  return {
    thread,
    questionHtml: renderMarkdown(thread.question.body, 1),
    answersHtml: thread.answers.map((a) => renderMarkdown(a.body, 3)),
    description: firstWords(plainText(thread.question.body), EXCERPT_WORDS),
  };
}

/** The index lines of every thread, in index order. */
export function threadSummaries(): ThreadSummary[] {
  return getThreads().map((t) => ({
    slug: t.slug,
    title: t.title,
    answerCount: t.answers.length,
    excerpt: firstWords(plainText(t.question.body), EXCERPT_WORDS),
    specialties: [...new Set(t.answers.flatMap((a) => (a.doctor?.specialty ? [a.doctor.specialty] : [])))],
  }));
}

/** Every slug, for getStaticPaths. */
export function threadSlugs(): string[] {
  return getThreads().map((t) => t.slug);
}
