/**
 * The archive: every valid thread, and what spans them all (index order, related threads,
 * doctors, the directory, the group indexes), computed once. Pages read content only through an
 * Archive. This module holds one in memory; snapshot.ts writes it to a folder for the build's
 * page workers and reads it back; current.ts says which one this process reads.
 */
import path from 'node:path';
import type { Thread } from '../content/schema';
import { sha256 } from '../digest';
import type { GroupKind } from '../site';
import { directoryOf } from './directory';
import type { DirectoryEntry } from './directory';
import { collectDoctors } from './doctors';
import type { DoctorProfile } from './doctors';
import { GROUPINGS, groupIndex } from './groups';
import type { Group, GroupSummary } from './groups';
import { relatedFinder } from './related';
import type { RelatedThread } from './related';

/** One thread and what the archive says about it. */
export type ThreadRecord = { thread: Thread; related: RelatedThread[] };

/** A doctor and their number of answers: enough to list every page of every doctor. */
export type DoctorCount = { slug: string; answerCount: number };

export type Archive = {
  /** The content folder the archive was read from (absolute). */
  contentDir: string;
  /** Every thread's slug, in index order (newest question first, undated last, then by slug). */
  slugs: readonly string[];
  /** Answers in the whole archive. */
  answerCount: number;
  /** The build's snapshot only: the content's digest, the same for the same content (snapshot.ts). */
  digest: string | undefined;
  /** The thread with this slug; throws NotFound when there is none. */
  thread(slug: string): ThreadRecord;
  /** The SHA-256 of the thread's JSON as validated: the same exactly when the thread is. */
  hash(slug: string): string;
  /**
   * Whether this build renders the page at this path: every page, unless the build's snapshot
   * lists the pages that changed since the last build (docs/build-pipeline.md, "Incremental builds").
   */
  renders(path: string): boolean;
  /** Every doctor, by slug, with their number of answers. */
  doctors(): readonly DoctorCount[];
  /** The doctor with this slug; throws NotFound when there is none. */
  doctor(slug: string): DoctorProfile;
  /** Every doctor, A to Z. */
  directory(): readonly DirectoryEntry[];
  /** The groups of a kind, A to Z, each with its number of members; empty when no member names one. */
  groups(kind: GroupKind): readonly GroupSummary[];
  /** The members' slugs of one group (threads in index order, doctors A to Z); throws NotFound for an unknown group. */
  group(kind: GroupKind, slug: string): readonly string[];
};

/** Thrown for a thread, doctor, group or page that the archive does not have: its page answers 404 (src/routes/next.ts). */
export class NotFound extends Error {
  override name = 'NotFound';
}

/** Dated questions newest first, undated ones after them; ties by slug. */
export function sortThreads(threads: readonly Thread[]): Thread[] {
  return [...threads].sort((a, b) => {
    const da = a.question.date ?? '';
    const db = b.question.date ?? '';
    if (da !== db) return da > db ? -1 : 1;
    return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
  });
}

/** A group summary of each group. */
export function summaries(groups: readonly Group[]): GroupSummary[] {
  return groups.map((g) => ({ slug: g.slug, name: g.name, count: g.members.length }));
}

/** The SHA-256 of a thread's JSON, in hex. */
export function threadHash(thread: Thread): string {
  return sha256(JSON.stringify(thread));
}

/**
 * Related lists as a build computed them, to give to the next build of the same titles and
 * questions: `lists[k]`, the related threads of the k-th thread in slug order, as positions in
 * that order (src/archive/snapshot.ts).
 */
export type KnownRelated = readonly (readonly number[])[];

/**
 * The archive of `threads`, validated threads of `contentDir`, in memory. Related threads are
 * scored when a thread is asked for, and doctors and groups gathered when first needed, so that
 * a page of `npm run dev` pays only for what it shows; a build asks for all of it. `hashes`, by
 * slug, are those of the threads as validated, when `threads` are copies without their bodies.
 * `known`: the related lists, already made from these very titles and questions; none is scored.
 */
export function memoryArchive(
  contentDir: string,
  threads: readonly Thread[],
  hashes?: ReadonlyMap<string, string>,
  known?: KnownRelated,
): Archive {
  const sorted = sortThreads(threads);
  const bySlug = new Map(sorted.map((t, i) => [t.slug, { thread: t, i }]));
  let findRelated: ((i: number) => RelatedThread[]) | undefined;
  if (known) {
    const inSlugOrder = [...sorted].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
    const rank = new Map(inSlugOrder.map((t, k) => [t.slug, k]));
    findRelated = (i) =>
      (known[rank.get(sorted[i]?.slug ?? '') ?? -1] ?? []).map((k) => {
        const t = inSlugOrder[k] as Thread;
        return { slug: t.slug, title: t.title };
      });
  }
  const related = new Map<string, RelatedThread[]>();
  let doctorData:
    { counts: DoctorCount[]; bySlug: Map<string, DoctorProfile>; directory: DirectoryEntry[] } | undefined;
  const doctors = () => {
    if (!doctorData) {
      const list = collectDoctors(sorted);
      doctorData = {
        counts: list.map((d) => ({ slug: d.slug, answerCount: d.answers.length })),
        bySlug: new Map(list.map((d) => [d.slug, d])),
        directory: directoryOf(list),
      };
    }
    return doctorData;
  };
  const groupData = new Map<GroupKind, { list: GroupSummary[]; bySlug: Map<string, Group> }>();
  const groups = (kind: GroupKind) => {
    let data = groupData.get(kind);
    if (!data) {
      const grouping = GROUPINGS[kind];
      const list =
        grouping.of === 'threads'
          ? groupIndex(sorted, (t) => t.slug, grouping.names, grouping.slug)
          : groupIndex(doctors().directory, (d) => d.slug, grouping.names, grouping.slug);
      groupData.set(kind, (data = { list: summaries(list), bySlug: new Map(list.map((g) => [g.slug, g])) }));
    }
    return data;
  };
  const dir = path.resolve(contentDir);
  return {
    contentDir: dir,
    slugs: sorted.map((t) => t.slug),
    answerCount: sorted.reduce((sum, t) => sum + t.answers.length, 0),
    digest: undefined,
    thread(slug) {
      const found = bySlug.get(slug);
      if (!found) throw new NotFound(`no thread with slug ${JSON.stringify(slug)} in ${dir}`);
      let list = related.get(slug);
      if (!list) {
        findRelated ??= relatedFinder(sorted);
        related.set(slug, (list = findRelated(found.i)));
      }
      return { thread: found.thread, related: list };
    },
    hash(slug) {
      const found = bySlug.get(slug);
      if (!found) throw new NotFound(`no thread with slug ${JSON.stringify(slug)} in ${dir}`);
      return hashes?.get(slug) ?? threadHash(found.thread);
    },
    renders: () => true,
    doctors: () => doctors().counts,
    doctor(slug) {
      const doctor = doctors().bySlug.get(slug);
      if (!doctor) throw new NotFound(`no doctor with slug ${JSON.stringify(slug)} in ${dir}`);
      return doctor;
    },
    directory: () => doctors().directory,
    groups: (kind) => groups(kind).list,
    group(kind, slug) {
      const group = groups(kind).bySlug.get(slug);
      if (!group) throw new NotFound(`no ${kind} with slug ${JSON.stringify(slug)} in ${dir}`);
      return group.members;
    },
  };
}
