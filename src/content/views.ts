/**
 * What each page needs, computed at build time from the loaded threads: markdown rendered to
 * HTML, excerpts, counts, pages of the index, doctors, related threads, structured data.
 * Pages call these from getStaticProps and only compose components.
 */
import { absoluteUrl, doctorPath, indexPath, threadPath } from '../site';
import { collectDoctors, doctorSlug } from './doctors';
import type { DoctorAnswer, DoctorProfile } from './doctors';
import { firstWords, plainText, renderMarkdownWithText } from './markdown';
import { firstOnPage, pageCount, pageSlice } from './paging';
import { relatedThreads } from './related';
import type { RelatedThread } from './related';
import type { Answer, Thread } from './schema';
import { getThread, getThreads } from './threads';

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
  /** schema.org QAPage data for the page's JSON-LD block. */
  structuredData: QaPageData;
};

/** schema.org `QAPage` with its `Question` and one `suggestedAnswer` per answer. */
export type QaPageData = {
  '@context': 'https://schema.org';
  '@type': 'QAPage';
  mainEntity: {
    '@type': 'Question';
    name: string;
    text: string;
    answerCount: number;
    url: string;
    dateCreated?: string;
    suggestedAnswer: {
      '@type': 'Answer';
      text: string;
      url: string;
      upvoteCount?: number;
      author?: { '@type': 'Person'; name: string; honorificSuffix: string };
    }[];
  };
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

let relatedCache: Map<string, RelatedThread[]> | undefined;
let doctorsCache: DoctorProfile[] | undefined;
let doctorsBySlug: Map<string, DoctorProfile> | undefined;

function related(): Map<string, RelatedThread[]> {
  relatedCache ??= relatedThreads(getThreads());
  return relatedCache;
}

function doctors(): DoctorProfile[] {
  doctorsCache ??= collectDoctors(getThreads());
  return doctorsCache;
}

/** The page data of one thread. Each body is parsed once, for its HTML and its plain text. */
export function threadView(slug: string): ThreadView {
  const thread = getThread(slug);
  const question = renderMarkdownWithText(thread.question.body, 1);
  const answers = thread.answers.map((a) => renderMarkdownWithText(a.body, 3));
  return {
    thread: { ...thread, question: withoutBody(thread.question), answers: thread.answers.map(withoutBody) },
    questionHtml: question.html,
    answersHtml: answers.map((a) => a.html),
    doctorSlugs: thread.answers.map((a) => (a.doctor ? doctorSlug(a.doctor) : null)),
    description: firstWords(question.text, EXCERPT_WORDS),
    related: related().get(slug) ?? [],
    structuredData: qaPageData(thread, question.text, answers.map((a) => a.text)),
  };
}

function withoutBody<T extends { body: string }>({ body, ...rest }: T): Omit<T, 'body'> {
  void body;
  return rest;
}

/** The QAPage JSON-LD of a thread: the question and every answer as text, with absolute permalinks. No ratings (see README). */
function qaPageData(thread: Thread, questionText: string, answerTexts: readonly string[]): QaPageData {
  const url = absoluteUrl(threadPath(thread.slug));
  return {
    '@context': 'https://schema.org',
    '@type': 'QAPage',
    mainEntity: {
      '@type': 'Question',
      name: thread.title,
      text: questionText,
      answerCount: thread.answers.length,
      url,
      ...(thread.question.date ? { dateCreated: thread.question.date } : {}),
      suggestedAnswer: thread.answers.map((a, i) => ({
        '@type': 'Answer' as const,
        text: answerTexts[i] ?? '',
        url: `${url}#answer-${i + 1}`,
        ...(a.votes !== undefined ? { upvoteCount: a.votes } : {}),
        ...(a.doctor
          ? { author: { '@type': 'Person' as const, name: a.doctor.name, honorificSuffix: a.doctor.credentials.join(', ') } }
          : {}),
      })),
    },
  };
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
  return pageCount(getThreads().length);
}

/** Index page `page` (from 1): its threads in index order, and the archive's counts. */
export function indexPage(page: number): IndexPageView {
  const all = getThreads();
  return {
    threads: pageSlice(all, page).map(summary),
    page,
    pageCount: indexPageCount(),
    threadCount: all.length,
    answerCount: all.reduce((sum, t) => sum + t.answers.length, 0),
  };
}

/** Every slug, for getStaticPaths. */
export function threadSlugs(): string[] {
  return getThreads().map((t) => t.slug);
}

/** Every page of every doctor (page from 1), by slug: for getStaticPaths and the sitemap. */
export function doctorPages(): { slug: string; page: number }[] {
  return doctors().flatMap((d) => Array.from({ length: pageCount(d.answers.length) }, (_, i) => ({ slug: d.slug, page: i + 1 })));
}

/** Page `page` (from 1) of one doctor: the profile and that page's answers. */
export function doctorPage(slug: string, page: number): DoctorPageView {
  doctorsBySlug ??= new Map(doctors().map((d) => [d.slug, d]));
  const profile = doctorsBySlug.get(slug);
  if (!profile) throw new Error(`no doctor with slug ${JSON.stringify(slug)}`);
  const { answers, ...who } = profile;
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
