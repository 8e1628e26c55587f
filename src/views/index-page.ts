/** The index: every thread, newest question first, 50 a page, with the archive's counts. */
import type { Archive } from '../archive/archive';
import { checkPage, pageCount, pageSlice } from './paging';
import { threadSummaries } from './thread-list';
import type { ThreadSummary } from './thread-list';

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

/** How many index pages there are: at least one, even for an empty archive. */
export function indexPageCount(archive: Archive): number {
  return pageCount(archive.slugs.length);
}

/** Index page `page` (from 1): its threads in index order, and the archive's counts. */
export function indexPage(archive: Archive, page: number): IndexPageView {
  const pages = indexPageCount(archive);
  checkPage(page, pages, 'the index');
  return {
    threads: threadSummaries(archive, pageSlice(archive.slugs, page)),
    page,
    pageCount: pages,
    threadCount: archive.slugs.length,
    answerCount: archive.answerCount,
  };
}
