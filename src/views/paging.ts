/** Listing pages (the index, a doctor's answers, the directory, groups): how a long list is cut into pages. */
import { NotFound } from '../archive/archive';

/**
 * Entries on one listing page (index threads, doctor answers, a topic's threads), so that a page
 * stays small whatever the archive's size (docs/performance.md, "Bytes").
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

/** Throws NotFound unless `page` is a page number from 1 to `pages`; `what` names the listing. */
export function checkPage(page: number, pages: number, what: string): void {
  if (!Number.isInteger(page) || page < 1 || page > pages) throw new NotFound(`${what} has no page ${page}`);
}
