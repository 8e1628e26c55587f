/** Listing pages (the index, a doctor's answers): how a long list is cut into pages. */

/**
 * Entries on one listing page: a page stays small whatever the archive's size. 50 index entries
 * or doctor answers with long titles stay far below the 50 KB budget of issue 7 (README, "Reader features").
 */
export const PAGE_SIZE = 50;

/** How many pages `total` entries take: at least one, even for none. */
export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / PAGE_SIZE));
}

/** The entries of page `page` (from 1). */
export function pageSlice<T>(items: readonly T[], page: number): T[] {
  return items.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
}
