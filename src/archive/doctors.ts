/**
 * Doctors across threads. Identity rule (docs/content-format.md, "Doctor identity"; `doctorSlug`):
 * two answers are by the same doctor when the slugs of their name and of their location are the same. Case, accents,
 * punctuation and spacing do not tell doctors apart ("Brent Moelleken, Beverly Hills" and
 * "brent moelleken, Beverly  Hills" are one doctor); a different location does (a "John Smith" in
 * Miami and one in Denver are two doctors with two pages). Credentials, specialty and rating
 * are not part of the identity: they change over time, and a page shows the latest.
 */
import type { Rating, Thread } from '../content/schema';
import { doctorSlug } from '../content/slugs';

/** One answer a doctor gave, enough to list it and link to its permalink. */
export type DoctorAnswer = {
  threadSlug: string;
  threadTitle: string;
  /** The answer's position in its thread, from 1: the permalink is `#answer-<number>`. */
  number: number;
  headline: string;
  /** The day the question was asked, when known. */
  date: string | null;
};

/** A doctor page's data: who, the latest rating, every answer. */
export type DoctorProfile = {
  slug: string;
  name: string;
  credentials: string[];
  /** Null when the source's specialty was not recognized (the whole line is then the location). */
  specialty: string | null;
  location: string;
  /** The rating as in the most recent thread that shows one; null when none does. */
  rating: Rating | null;
  /** The thread the rating comes from. */
  ratingFrom: { slug: string; title: string } | null;
  /** Every answer, in index order (newest question first). */
  answers: DoctorAnswer[];
};

/**
 * Every doctor named in `threads`, sorted by slug. `threads` must be in index order (newest
 * question first): the first thread a doctor appears in gives the name, credentials,
 * specialty and location shown; the first one with a rating gives the rating.
 */
export function collectDoctors(threads: readonly Thread[]): DoctorProfile[] {
  const bySlug = new Map<string, DoctorProfile>();
  for (const thread of threads) {
    thread.answers.forEach((answer, i) => {
      const doctor = answer.doctor;
      if (!doctor) return;
      const slug = doctorSlug(doctor);
      let profile = bySlug.get(slug);
      if (!profile) {
        profile = {
          slug,
          name: doctor.name,
          credentials: doctor.credentials,
          specialty: doctor.specialty ?? null,
          location: doctor.location,
          rating: null,
          ratingFrom: null,
          answers: [],
        };
        bySlug.set(slug, profile);
      }
      if (!profile.rating && doctor.rating) {
        profile.rating = doctor.rating;
        profile.ratingFrom = { slug: thread.slug, title: thread.title };
      }
      profile.answers.push({
        threadSlug: thread.slug,
        threadTitle: thread.title,
        number: i + 1,
        headline: answer.headline,
        date: thread.question.date ?? null,
      });
    });
  }
  return [...bySlug.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}
