/** The search page: whether the archive has anything to search yet. */
import type { Archive } from '../archive/archive';

export type SearchPageView = {
  /** Threads in the archive, and so in the search index; an empty archive has no index to load. */
  threadCount: number;
};

/** The search page's data. */
export function searchPage(archive: Archive): SearchPageView {
  return { threadCount: archive.slugs.length };
}
