/** One group of threads (a topic): its threads, newest first, 50 a page, paged like the index. */
import type { Archive } from '../archive/archive';
import type { GroupKind } from '../site';
import { checkPage, pageCount, pageSlice } from './paging';
import { threadSummaries } from './thread-list';
import type { ThreadSummary, TopicLink } from './thread-list';

/** One page of a group of threads. */
export type ThreadGroupView = {
  kind: GroupKind;
  group: TopicLink;
  threads: ThreadSummary[];
  page: number;
  pageCount: number;
  /** Threads in the group. */
  total: number;
};

/** Page `page` (from 1) of one group of threads. */
export function threadGroupPage(archive: Archive, kind: GroupKind, slug: string, page: number): ThreadGroupView {
  const members = archive.group(kind, slug);
  const name = archive.groups(kind).find((g) => g.slug === slug)?.name ?? slug;
  const pages = pageCount(members.length);
  checkPage(page, pages, `${kind} ${slug}`);
  return {
    kind,
    group: { slug, name },
    threads: threadSummaries(archive, pageSlice(members, page)),
    page,
    pageCount: pages,
    total: members.length,
  };
}
