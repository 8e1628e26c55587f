/**
 * Every URL name the archive makes: of a thread (its file name), a topic, a doctor, a specialty or
 * a place. One rule underneath them all: the name's letters and digits, lowercase, accents dropped,
 * anything else a hyphen; a name that rule cannot spell gets a short hash instead.
 */
import type { Doctor } from './schema';

/** Lowercase a-z and 0-9 in words joined by single hyphens, at most 100 characters. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/u;
export const SLUG_MAX = 100;

/** Text as slug words: lowercase ASCII words joined by hyphens, accents dropped, anything else a separator. */
export function slugWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

/** FNV-1a, 32 bits, as 8 hex digits: a stable short tag for names slugWords cannot spell. */
export function slugTag(text: string): string {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * Words a listing route uses next to topic slugs (`/topics/page/2/`, `topics/index.html`): a
 * topic whose slug would be one of them gets the hash tag instead.
 */
export const RESERVED_TOPIC_SLUGS: readonly string[] = ['page', 'index'];

/**
 * The URL name of a topic, the same rule as doctor slugs: the slug words of the name (case,
 * accents, punctuation and spacing do not count: "Masseter Botox", "masseter-botox" and
 * "Masséter  BOTOX" are one topic). A name with no Latin letters or digits gets `topic-<hash>`
 * of the name (NFKC, lowercase, spaces collapsed); a route word such as "page" and a slug over
 * the slug limit get that hash appended, so they stay unique and never clash with a route.
 */
export function topicSlug(name: string): string {
  const words = slugWords(name);
  const tag = slugTag(name.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim());
  if (words === '') return `topic-${tag}`;
  if (RESERVED_TOPIC_SLUGS.includes(words)) return `${words}-${tag}`;
  return words.length <= SLUG_MAX ? words : `${words.slice(0, SLUG_MAX - 9).replace(/-+$/u, '')}-${tag}`;
}

/**
 * The URL name of a doctor, and so who is the same doctor (docs/content-format.md, "Doctor
 * identity"): slug of the name, then slug of the location. A name with no Latin letters or digits
 * (e.g. written in another script) gets a hash of name and location; a slug over the slug limit is
 * cut and tagged with that hash so it stays unique.
 */
export function doctorSlug(doctor: Pick<Doctor, 'name' | 'location'>): string {
  const name = slugWords(doctor.name);
  const tag = slugTag(`${doctor.name.normalize('NFKC').toLowerCase()}\n${doctor.location.normalize('NFKC').toLowerCase()}`);
  const slug = [name, slugWords(doctor.location)].filter(Boolean).join('-');
  // "page" would be the listing's /doctors/page/<n>/, not a doctor.
  if (name === '' || slug === 'page') return `doctor-${tag}`;
  return slug.length <= SLUG_MAX ? slug : `${slug.slice(0, SLUG_MAX - 9).replace(/-+$/u, '')}-${tag}`;
}

/** The URL name of a specialty or a place; never "page" (the listing's own pages) or empty. */
export function groupSlug(name: string): string {
  const slug = slugWords(name).slice(0, 80).replace(/-+$/u, '');
  return slug === '' || slug === 'page' ? `${slug || 'name'}-${slugTag(name.normalize('NFKC').toLowerCase())}` : slug;
}
