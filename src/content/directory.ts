/**
 * The doctor directory: every doctor A to Z, and the doctors of each specialty and each place
 * (README, "Doctor directory"). Built from the doctor profiles (doctors.ts); a doctor is listed
 * under the specialty and location their page shows (the latest the archive has).
 */
import type { DoctorProfile } from './doctors';
import { slugTag, slugWords } from './schema';

/** One doctor as the directory lists them. */
export type DirectoryEntry = Omit<DoctorProfile, 'answers' | 'ratingFrom'> & { answerCount: number };

/** The directory's two ways of grouping doctors. */
export type GroupKind = 'specialty' | 'location';

/** A specialty or a place: its URL name, its name as first seen A to Z, its doctors' slugs A to Z. */
export type Group = { slug: string; name: string; doctors: string[] };

/** How names sort: accents, case and punctuation aside ("Émile" next to "Emile", "O'Brien" as "obrien"). */
export function sortKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, '')
    .replace(/ +/gu, ' ')
    .trim();
}

/** A to Z by sort key, then by the name as written, then by `tie` (a slug): the same order on every machine. */
export function byName<T>(name: (x: T) => string, tie: (x: T) => string): (a: T, b: T) => number {
  const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (a, b) => cmp(sortKey(name(a)), sortKey(name(b))) || cmp(name(a), name(b)) || cmp(tie(a), tie(b));
}

/** The letter a name is filed under: A to Z, or "#" for names that start otherwise (digits, other scripts). */
export function letterOf(name: string): string {
  const first = sortKey(name).charAt(0).toUpperCase();
  return /^[A-Z]$/u.test(first) ? first : '#';
}

/** The anchor of a letter's heading on a directory page. */
export function letterId(letter: string): string {
  return `letter-${letter === '#' ? 'other' : letter}`;
}

/** The URL name of a specialty or a place; never "page" (the listing's own pages) or empty. */
export function groupSlug(name: string): string {
  const slug = slugWords(name).slice(0, 80).replace(/-+$/u, '');
  return slug === '' || slug === 'page' ? `${slug || 'name'}-${slugTag(name.normalize('NFKC').toLowerCase())}` : slug;
}

/** Every doctor, A to Z by name. */
export function directoryOf(profiles: readonly DoctorProfile[]): DirectoryEntry[] {
  return profiles
    .map(({ answers, ratingFrom, ...who }) => {
      void ratingFrom;
      return { ...who, answerCount: answers.length };
    })
    .sort(byName((d) => d.name, (d) => d.slug));
}

/** The specialties or places of `directory` (A to Z), each with its doctors in directory order. */
export function groupsOf(directory: readonly DirectoryEntry[], kind: GroupKind): Group[] {
  const bySlug = new Map<string, Group>();
  for (const entry of directory) {
    const name = entry[kind];
    if (!name) continue;
    const slug = groupSlug(name);
    let group = bySlug.get(slug);
    if (!group) bySlug.set(slug, (group = { slug, name, doctors: [] }));
    group.doctors.push(entry.slug);
  }
  return [...bySlug.values()].sort(byName((g) => g.name, (g) => g.slug));
}
