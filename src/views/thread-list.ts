/** A thread as a listing shows it (the index, a topic's page), and its topics as links. */
import type { Archive } from '../archive/archive';
import type { Thread } from '../content/schema';
import { topicSlug } from '../content/slugs';
import { firstWords, plainText } from './markdown';

/** A link to a topic's page. */
export type TopicLink = { slug: string; name: string };

/** One entry of a list of threads. */
export type ThreadSummary = {
  slug: string;
  title: string;
  answerCount: number;
  /** The first words of the question, as plain text. */
  excerpt: string;
  /** The answering doctors' specialties, each once, in answer order. */
  specialties: string[];
  topics: TopicLink[];
};

/** Words of the question in an excerpt or a page's description. */
export const EXCERPT_WORDS = 30;

/** A thread's topics as links, in its own order. */
export function topicLinks(thread: Thread): TopicLink[] {
  return (thread.topics ?? []).map((name) => ({ slug: topicSlug(name), name }));
}

/** The entries of these threads, in the order given. */
export function threadSummaries(archive: Archive, slugs: readonly string[]): ThreadSummary[] {
  return slugs.map((slug) => {
    const { thread } = archive.thread(slug);
    return {
      slug: thread.slug,
      title: thread.title,
      answerCount: thread.answers.length,
      excerpt: firstWords(plainText(thread.question.body), EXCERPT_WORDS),
      specialties: [...new Set(thread.answers.flatMap((a) => (a.doctor?.specialty ? [a.doctor.specialty] : [])))],
      topics: topicLinks(thread),
    };
  });
}
