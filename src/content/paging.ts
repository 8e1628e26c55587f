/** Listing pages (the index, a doctor's answers, the directory, topics): how a long list is cut into pages. */

/**
 * Entries on one listing page (index threads, doctor answers, a topic's threads), so that a page
 * stays under the 50 KB budget of issue 7 whatever the archive's size: the busiest doctor of the
 * 10,000-thread bench gets pages of 18 KB; answers with 200-character titles and headlines, 38 KB.
 */
export const PAGE_SIZE = 50;

/** Doctors on one page of the directory, of a specialty or of a place (an entry is about 300 bytes). */
export const DIRECTORY_PAGE_SIZE = 100;

/** Names on one page of the lists of topics, specialties and places (a name and a count, about 150 bytes). */
export const NAMES_PAGE_SIZE = 200;

/** How many pages `total` entries take: at least one, even for none. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** The position (from 1) of the first entry on page `page` (from 1). */
export function firstOnPage(page: number, size = PAGE_SIZE): number {
  return (page - 1) * size + 1;
}

/** The entries of page `page` (from 1). */
export function pageSlice<T>(items: readonly T[], page: number, size = PAGE_SIZE): T[] {
  return items.slice(firstOnPage(page, size) - 1, page * size);
}
