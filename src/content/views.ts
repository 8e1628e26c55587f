/**
 * What each page needs, computed at build time from the loaded threads: markdown rendered to
 * HTML, excerpts, counts, pages of the index, doctors, related threads, structured data.
 * Pages call these from getStaticProps and only compose components.
 */
import { buildShard, inShard } from '../shard';
import { directoryPath, doctorPath, groupPath, indexPath, threadPath, topicPath } from '../site';
import { groupsOf, letterId, letterOf } from './directory';
import type { DirectoryEntry, Group, GroupKind } from './directory';
import { doctorSlug } from './doctors';
import type { DoctorAnswer, DoctorProfile } from './doctors';
import { firstWords, plainText, renderMarkdown, renderMarkdownWithText } from './markdown';
import { DIRECTORY_PAGE_SIZE, NAMES_PAGE_SIZE, firstOnPage, pageCount, pageSlice } from './paging';
import type { RelatedThread } from './related';
import { topicSlug } from './schema';
import type { Answer, Thread } from './schema';
import { NotFound } from './errors';
import { LIVE_CONTENT, getArchive } from './threads';
import type { Archive } from './threads';

/** A thread as its page shows it: the markdown bodies leave it, their HTML is beside it. */
export type ShownThread = Omit<Thread, 'question' | 'answers'> & {
  question: Omit<Thread['question'], 'body'>;
  answers: Omit<Answer, 'body'>[];
};

/** A link to a topic's page. */
export type TopicLink = { slug: string; name: string };

const topicLinks = (t: Thread): TopicLink[] => (t.topics ?? []).map((name) => ({ slug: topicSlug(name), name }));

/** The shard this build makes (`npm run build -- --shard <i>/<n>`), or undefined for the whole site. */
const SHARD = buildShard();

/**
 * getStaticPaths's answer: every page of a dynamic route in a build, or in a shard's build the
 * pages whose parameters (a thread's slug; `<slug>/<n>` for a page of a doctor, …) hash to it, so
 * every shard builds its part of every route (src/shard.ts). In `next dev` no page is
 * listed ahead and each request is made on demand (getStaticProps answers 404 for a page the
 * content lacks): Next's dev server would otherwise answer from the paths it listed before an
 * edit, and list them again in a new process on every request.
 */
export function staticPaths<P extends Record<string, string>>(list: () => P[]): { paths: { params: P }[]; fallback: false | 'blocking' } {
  if (LIVE_CONTENT) return { paths: [], fallback: 'blocking' };
  const paths = list().filter((params) => inShard(Object.values(params).join('/'), SHARD));
  return { paths: paths.map((params) => ({ params })), fallback: false };
}

/** getStaticProps's answer for a dynamic route: the page's props, or 404 when the archive has no such thread, doctor, topic or page. */
export function staticProps<T>(props: () => T): { props: T } | { notFound: true } {
  try {
    return { props: props() };
  } catch (error) {
    if (error instanceof NotFound) return { notFound: true };
    throw error;
  }
}

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

/** One line of the index. */
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

function summary(t: Thread): ThreadSummary {
  return {
    slug: t.slug,
    title: t.title,
    answerCount: t.answers.length,
    excerpt: firstWords(plainText(t.question.body), EXCERPT_WORDS),
    specialties: [...new Set(t.answers.flatMap((a) => (a.doctor?.specialty ? [a.doctor.specialty] : [])))],
    topics: topicLinks(t),
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
  checkPage(page, pages, `doctor ${slug}`);
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

/** One page of the doctor directory, or of the doctors of one specialty or place. */
export type DoctorsPageView = {
  /** The specialty or place; null for the whole directory. */
  group: { kind: GroupKind; slug: string; name: string } | null;
  /** This page's doctors, A to Z. */
  entries: DirectoryEntry[];
  page: number;
  pageCount: number;
  /** Doctors in the directory or the group. */
  total: number;
  /** Whole directory only: each letter A to Z and "#", with the page and anchor where it starts, or null when no name starts with it. */
  letters: { letter: string; href: string | null }[];
};

/** One page of the list of topics (each with its number of threads), specialties or places (of doctors). */
export type NamesPageView = {
  kind: GroupKind | 'topic';
  names: { slug: string; name: string; count: number }[];
  page: number;
  pageCount: number;
  total: number;
};

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];

const groupsCache = new Map<GroupKind, Group[]>();

function groups(kind: GroupKind): Group[] {
  let list = groupsCache.get(kind);
  if (!list) groupsCache.set(kind, (list = groupsOf(getArchive().directory(), kind)));
  return list;
}

function checkPage(page: number, pages: number, what: string): void {
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new NotFound(`${what} has no page ${page}`);
}

/** How many pages the directory takes. */
export function directoryPageCount(): number {
  return pageCount(getArchive().manifest.doctors.length, DIRECTORY_PAGE_SIZE);
}

/** Page `page` (from 1) of the directory, with its letter links. */
export function directoryPage(page: number): DoctorsPageView {
  const directory = getArchive().directory();
  const pages = pageCount(directory.length, DIRECTORY_PAGE_SIZE);
  checkPage(page, pages, 'the directory');
  const starts = new Map<string, number>();
  directory.forEach((d, i) => {
    const letter = letterOf(d.name);
    if (!starts.has(letter)) starts.set(letter, i);
  });
  return {
    group: null,
    entries: pageSlice(directory, page, DIRECTORY_PAGE_SIZE),
    page,
    pageCount: pages,
    total: directory.length,
    letters: LETTERS.map((letter) => {
      const at = starts.get(letter);
      return { letter, href: at === undefined ? null : `${directoryPath(Math.floor(at / DIRECTORY_PAGE_SIZE) + 1)}#${letterId(letter)}` };
    }),
  };
}

function names(kind: GroupKind | 'topic'): NamesPageView['names'] {
  if (kind === 'topic') return getArchive().manifest.topics.map((t) => ({ slug: t.slug, name: t.name, count: t.threadCount }));
  return groups(kind).map((g) => ({ slug: g.slug, name: g.name, count: g.doctors.length }));
}

/** How many pages the list of topics, specialties or places takes. */
export function namesPageCount(kind: GroupKind | 'topic'): number {
  return pageCount(names(kind).length, NAMES_PAGE_SIZE);
}

/** Page `page` of the list of topics, specialties or places. */
export function namesPage(kind: GroupKind | 'topic', page: number): NamesPageView {
  const all = names(kind);
  const pages = pageCount(all.length, NAMES_PAGE_SIZE);
  checkPage(page, pages, `the list of ${kind}`);
  return {
    kind,
    names: pageSlice(all, page, NAMES_PAGE_SIZE),
    page,
    pageCount: pages,
    total: all.length,
  };
}

/** Every page of every specialty or place (page from 1), for getStaticPaths and the sitemap. */
export function groupPages(kind: GroupKind): { slug: string; page: number }[] {
  return groups(kind).flatMap((g) => Array.from({ length: pageCount(g.doctors.length, DIRECTORY_PAGE_SIZE) }, (_, i) => ({ slug: g.slug, page: i + 1 })));
}

/** Page `page` of the doctors of one specialty or place. */
export function groupPage(kind: GroupKind, slug: string, page: number): DoctorsPageView {
  const group = groups(kind).find((g) => g.slug === slug);
  if (!group) throw new NotFound(`no ${kind} with slug ${JSON.stringify(slug)}`);
  const pages = pageCount(group.doctors.length, DIRECTORY_PAGE_SIZE);
  checkPage(page, pages, `${kind} ${slug}`);
  const wanted = new Set(pageSlice(group.doctors, page, DIRECTORY_PAGE_SIZE));
  return {
    group: { kind, slug, name: group.name },
    entries: getArchive().directory().filter((d) => wanted.has(d.slug)),
    page,
    pageCount: pages,
    total: group.doctors.length,
    letters: [],
  };
}

/** One page of a topic's threads, newest first, 50 a page. */
export type TopicPageView = {
  topic: TopicLink;
  threads: ThreadSummary[];
  page: number;
  pageCount: number;
  /** Threads with this topic. */
  total: number;
};

/** Every page of every topic (page from 1), for getStaticPaths and the sitemap. */
export function topicPages(): { slug: string; page: number }[] {
  return getArchive().manifest.topics.flatMap((t) => Array.from({ length: pageCount(t.threadCount) }, (_, i) => ({ slug: t.slug, page: i + 1 })));
}

/** Page `page` (from 1) of a topic. */
export function topicPage(slug: string, page: number): TopicPageView {
  const archive = getArchive();
  const topic = archive.manifest.topics.find((t) => t.slug === slug);
  if (!topic) throw new NotFound(`no topic with slug ${JSON.stringify(slug)}`);
  const threads = archive.topic(slug);
  const pages = pageCount(threads.length);
  checkPage(page, pages, `topic ${slug}`);
  return {
    topic: { slug, name: topic.name },
    threads: pageSlice(threads, page).map((s) => summary(archive.record(s).thread)),
    page,
    pageCount: pages,
    total: threads.length,
  };
}

/** Whether any thread has a topic: without one there are no topic pages and no links to them. */
export function siteHasTopics(archive: Archive = getArchive()): boolean {
  return archive.manifest.topics.length > 0;
}

/** Every content page's path (no base path), for the sitemap: index pages, threads, every page of every doctor, the directory and its groups, topics. */
export function contentPaths(): string[] {
  const pages = (count: number, path: (n: number) => string) => Array.from({ length: count }, (_, i) => path(i + 1));
  const kinds: GroupKind[] = ['specialty', 'location'];
  return [
    ...pages(indexPageCount(), indexPath),
    ...threadSlugs().map(threadPath),
    ...pages(directoryPageCount(), directoryPath),
    ...doctorPages().map((d) => doctorPath(d.slug, d.page)),
    ...kinds.flatMap((kind) => [
      ...pages(namesPageCount(kind), (n) => groupPath(kind, undefined, n)),
      ...groupPages(kind).map((g) => groupPath(kind, g.slug, g.page)),
    ]),
    ...(siteHasTopics() ? pages(namesPageCount('topic'), (n) => topicPath(undefined, n)) : []),
    ...topicPages().map((t) => topicPath(t.slug, t.page)),
  ];
}
