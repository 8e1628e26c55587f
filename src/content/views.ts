/**
 * What each page needs, computed at build time from the loaded threads: markdown rendered to
 * HTML, excerpts, counts, pages of the index, doctors, related threads, structured data.
 * Pages call these from getStaticProps and only compose components.
 */
import { doctorPath, indexPath, threadPath } from '../site';
import { doctorSlug } from './doctors';
import type { DoctorAnswer, DoctorProfile } from './doctors';
import { firstWords, plainText, renderMarkdown, renderMarkdownWithText } from './markdown';
import { firstOnPage, pageCount, pageSlice } from './paging';
import type { RelatedThread } from './related';
import type { Answer, Thread } from './schema';
import { getArchive } from './threads';

/** A thread as its page shows it: the markdown bodies leave it, their HTML is beside it. */
export type ShownThread = Omit<Thread, 'question' | 'answers'> & {
  question: Omit<Thread['question'], 'body'>;
  answers: Omit<Answer, 'body'>[];
};

/** A thread with its markdown rendered. */
export type ThreadView = {
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

/** One page of the index. */
export type IndexPageView = {
  threads: ThreadSummary[];
  /** This page's number, from 1. */
  page: number;
  pageCount: number;
  /** Threads and answers in the whole archive. */
  threadCount: number;
  answerCount: number;
};

/** One page of a doctor's answers: who the doctor is, this page's answers, where they stand among all. */
export type DoctorPageView = {
  profile: Omit<DoctorProfile, 'answers'>;
  /** This page's answers, in index order. */
  answers: DoctorAnswer[];
  /** The position of this page's first answer among all of the doctor's answers, from 1. */
  first: number;
  /** This page's number, from 1. */
  page: number;
  pageCount: number;
  /** Every answer the doctor gave in the archive. */
  answerCount: number;
  description: string;
};

const EXCERPT_WORDS = 30;

/** The page data of one thread. Each body is parsed once (the question for its HTML and its plain text). */
export function threadView(slug: string): ThreadView {
  const { thread, related } = getArchive().record(slug);
  const question = renderMarkdownWithText(thread.question.body, 1);
  const answersHtml = thread.answers.map((a) => renderMarkdown(a.body, 3));
  return {
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

function summary(t: Thread): ThreadSummary {
  return {
    slug: t.slug,
    title: t.title,
    answerCount: t.answers.length,
    excerpt: firstWords(plainText(t.question.body), EXCERPT_WORDS),
    specialties: [...new Set(t.answers.flatMap((a) => (a.doctor?.specialty ? [a.doctor.specialty] : [])))],
  };
}

/** How many index pages there are: at least one, even for an empty archive. */
export function indexPageCount(): number {
  return pageCount(getArchive().manifest.slugs.length);
}

/** Index page `page` (from 1): its threads in index order, and the archive's counts. */
export function indexPage(page: number): IndexPageView {
  const archive = getArchive();
  const { slugs, answerCount } = archive.manifest;
  return {
    threads: pageSlice(slugs, page).map((slug) => summary(archive.record(slug).thread)),
    page,
    pageCount: indexPageCount(),
    threadCount: slugs.length,
    answerCount,
  };
}

/** Every slug, for getStaticPaths. */
export function threadSlugs(): string[] {
  return getArchive().manifest.slugs;
}

/** Every page of every doctor (page from 1), by slug: for getStaticPaths and the sitemap. */
export function doctorPages(): { slug: string; page: number }[] {
  return getArchive().manifest.doctors.flatMap((d) => Array.from({ length: pageCount(d.answerCount) }, (_, i) => ({ slug: d.slug, page: i + 1 })));
}

/** Page `page` (from 1) of one doctor: the profile and that page's answers. */
export function doctorPage(slug: string, page: number): DoctorPageView {
  const { answers, ...who } = getArchive().doctor(slug);
  const pages = pageCount(answers.length);
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new Error(`doctor ${slug} has no page ${page}`);
  const count = `${answers.length} ${answers.length === 1 ? 'answer' : 'answers'}`;
  const description = `${who.name}, ${who.specialty ? `${who.specialty} in ` : ''}${who.location}: ${count} in the archive.`;
  return {
    profile: who,
    answers: pageSlice(answers, page),
    first: firstOnPage(page),
    page,
    pageCount: pages,
    answerCount: answers.length,
    description: page > 1 ? `${description} Page ${page} of ${pages}.` : description,
  };
}

/** Every content page's path (no base path), for the sitemap: index pages, threads, every page of every doctor. */
export function contentPaths(): string[] {
  const pages = Array.from({ length: indexPageCount() }, (_, i) => indexPath(i + 1));
  return [...pages, ...threadSlugs().map(threadPath), ...doctorPages().map((d) => doctorPath(d.slug, d.page))];
}
