/** Listing pages (the index, a doctor's answers): how a long list is cut into pages. */

/**
 * Entries on one listing page (index threads, doctor answers), so that a page stays under the
 * 50 KB budget of issue 7 whatever the archive's size: the busiest doctor of the 10,000-thread
 * bench gets pages of 18 KB; answers with 200-character titles and headlines, 38 KB.
 */
export const PAGE_SIZE = 50;

/** How many pages `total` entries take: at least one, even for none. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The position (from 1) of the first entry on page `page` (from 1). */
export function firstOnPage(page: number): number {
  return (page - 1) * PAGE_SIZE + 1;
}

/** The entries of page `page` (from 1). */
export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice(firstOnPage(page) - 1, page * PAGE_SIZE);
}
