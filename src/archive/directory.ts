/**
 * The doctor directory: every doctor A to Z (docs/content-format.md, "Doctor directory"), and how
 * names sort and are filed under letters. Built from the doctor profiles (doctors.ts); a doctor
 * is listed with the specialty and location their page shows (the latest the archive has).
 */
import type { DoctorProfile } from './doctors';

/** One doctor as the directory lists them. */
export type DirectoryEntry = Omit<DoctorProfile, 'answers' | 'ratingFrom'> & { answerCount: number };

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

/** Every doctor, A to Z by name. */
export function directoryOf(profiles: readonly DoctorProfile[]): DirectoryEntry[] {
  return profiles
    .map(({ answers, ratingFrom, ...who }) => {
      void ratingFrom;
      return { ...who, answerCount: answers.length };
    })
    .sort(
      byName(
        (d) => d.name,
        (d) => d.slug,
      ),
    );
}
