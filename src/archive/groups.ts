/**
 * One group index for every "by X" listing: topics group threads, specialties and places group
 * doctors, and a new way to browse is one more entry in GROUPINGS (docs/architecture.md, "A new
 * way to browse"). The archive builds each index once, when a page first asks for it, and the
 * build's snapshot holds it.
 */
import type { Thread } from '../content/schema';
import { groupSlug, topicSlug } from '../content/slugs';
import type { GroupKind } from '../site';
import { byName } from './directory';
import type { DirectoryEntry } from './directory';

/** One group: its URL name, its name as first met, its members' slugs in the order met. */
export type Group = { slug: string; name: string; members: string[] };

/** A group as a list of groups shows it. */
export type GroupSummary = { slug: string; name: string; count: number };

/**
 * What a kind of group collects, and by which names: threads (met in index order, newest first)
 * or doctors (met A to Z), each member carrying any number of names; `slug` is the names' URL
 * rule, so that two spellings with one slug are one group.
 */
export type Grouping =
  | { of: 'threads'; names: (thread: Thread) => readonly string[]; slug: (name: string) => string }
  | { of: 'doctors'; names: (doctor: DirectoryEntry) => readonly string[]; slug: (name: string) => string };

export const GROUPINGS: Record<GroupKind, Grouping> = {
  /** A thread's topics, as its file names them (one spelling per slug across the archive is a content rule). */
  topic: { of: 'threads', names: (thread) => thread.topics ?? [], slug: topicSlug },
  /** A doctor's specialty as their page shows it; none when the source named no known one. */
  specialty: { of: 'doctors', names: (doctor) => (doctor.specialty ? [doctor.specialty] : []), slug: groupSlug },
  /** A doctor's place as their page shows it. */
  location: { of: 'doctors', names: (doctor) => [doctor.location], slug: groupSlug },
};

/**
 * Groups `members` by the names each carries (`names`): one group per slug, named as first met,
 * its members' ids in the order given; the groups A to Z by name, ties by slug.
 */
export function groupIndex<T>(
  members: readonly T[],
  id: (member: T) => string,
  names: (member: T) => readonly string[],
  slug: (name: string) => string,
): Group[] {
  const bySlug = new Map<string, Group>();
  for (const member of members) {
    for (const name of names(member)) {
      const key = slug(name);
      let group = bySlug.get(key);
      if (!group) bySlug.set(key, (group = { slug: key, name, members: [] }));
      group.members.push(id(member));
    }
  }
  return [...bySlug.values()].sort(
    byName(
      (g) => g.name,
      (g) => g.slug,
    ),
  );
}
