/** The doctor directory (every doctor A to Z, with letter links) and the doctors of one group (a specialty, a place): 100 a page. */
import type { Archive } from '../archive/archive';
import { letterId, letterOf } from '../archive/directory';
import type { DirectoryEntry } from '../archive/directory';
import { directoryPath } from '../site';
import type { GroupKind } from '../site';
import { DIRECTORY_PAGE_SIZE, checkPage, pageCount, pageSlice } from './paging';

/** One page of the doctor directory, or of the doctors of one specialty or place. */
export type DirectoryPageView = {
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

const LETTERS = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '#'];

/** How many pages the directory takes. */
export function directoryPageCount(archive: Archive): number {
  return pageCount(archive.doctors().length, DIRECTORY_PAGE_SIZE);
}

/** Page `page` (from 1) of the directory, with its letter links. */
export function directoryPage(archive: Archive, page: number): DirectoryPageView {
  const directory = archive.directory();
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
      return {
        letter,
        href:
          at === undefined ? null : `${directoryPath(Math.floor(at / DIRECTORY_PAGE_SIZE) + 1)}#${letterId(letter)}`,
      };
    }),
  };
}

/** Page `page` (from 1) of the doctors of one group of doctors (a specialty, a place), A to Z. */
export function doctorGroupPage(archive: Archive, kind: GroupKind, slug: string, page: number): DirectoryPageView {
  const members = archive.group(kind, slug);
  const name = archive.groups(kind).find((g) => g.slug === slug)?.name ?? slug;
  const pages = pageCount(members.length, DIRECTORY_PAGE_SIZE);
  checkPage(page, pages, `${kind} ${slug}`);
  const wanted = new Set(pageSlice(members, page, DIRECTORY_PAGE_SIZE));
  return {
    group: { kind, slug, name },
    entries: archive.directory().filter((d) => wanted.has(d.slug)),
    page,
    pageCount: pages,
    total: members.length,
    letters: [],
  };
}
