/** The list of a kind's groups (every topic, specialty or place) A to Z, each with its number of members, 200 a page. */
import type { Archive } from '../archive/archive';
import { GROUPINGS } from '../archive/groups';
import type { GroupSummary } from '../archive/groups';
import type { GroupKind } from '../site';
import { DIRECTORY_PAGE_SIZE, NAMES_PAGE_SIZE, PAGE_SIZE, checkPage, pageCount, pageSlice } from './paging';

/** One page of the list of topics (each with its number of threads), specialties or places (of doctors). */
export type GroupListView = {
  kind: GroupKind;
  groups: GroupSummary[];
  page: number;
  pageCount: number;
  total: number;
};

/** How many pages the list of a kind's groups takes. */
export function groupListPageCount(archive: Archive, kind: GroupKind): number {
  return pageCount(archive.groups(kind).length, NAMES_PAGE_SIZE);
}

/** How many pages one group with `members` members takes: threads 50 a page, doctors 100. */
export function groupPageCount(kind: GroupKind, members: number): number {
  return pageCount(members, GROUPINGS[kind].of === 'threads' ? PAGE_SIZE : DIRECTORY_PAGE_SIZE);
}

/** Page `page` (from 1) of the list of a kind's groups. */
export function groupListPage(archive: Archive, kind: GroupKind, page: number): GroupListView {
  const all = archive.groups(kind);
  const pages = pageCount(all.length, NAMES_PAGE_SIZE);
  checkPage(page, pages, `the list of ${kind}`);
  return { kind, groups: pageSlice(all, page, NAMES_PAGE_SIZE), page, pageCount: pages, total: all.length };
}
