/**
 * The build's snapshot of the archive: `npm run build` checks the content once (`check
 * --snapshot <dir>`) and leaves the archive in a folder, so that Next's page workers read only
 * what the page they render needs, and a worker's memory follows a page, not the archive
 * (docs/build-pipeline.md, "The snapshot"). The folder holds:
 * - `manifest.json`: every slug in index order, counts, doctors, groups, the content's digest;
 *   written last, so a folder without one is an interrupted write, which the reader refuses;
 * - `threads/<slug>.json`: the check's copy of the thread (src/content/check.ts), a line break,
 *   and its related threads;
 * - `doctors/<slug>.json`, `groups/<kind>/<slug>.json`, `directory.json`;
 * - `related.json`: every related list, with the digest of what they were made from, which the
 *   next build takes instead of scoring them again when no title or question changed;
 * - `checked.json`: the build key and, by file name, what the check saw of each valid file (the
 *   digest of its bytes, of its copy, where its slug and topics are), so that a build reusing the
 *   last one keeps the copies of the files that did not change (src/content/check.ts).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { copyFile } from '../content/check';
import { sha256 } from '../digest';
import type { KnownEntry } from '../content/check';
import type { Thread } from '../content/schema';
import type { GroupKind } from '../site';
import { NotFound, memoryArchive, threadHash } from './archive';
import type { Archive, DoctorCount, KnownRelated, ThreadRecord } from './archive';
import type { DirectoryEntry } from './directory';
import type { DoctorProfile } from './doctors';
import { GROUPINGS } from './groups';
import type { GroupSummary } from './groups';
import { relatedInputs } from './related';
import type { RelatedThread } from './related';

/** What every page may need about the whole archive; small at any size (about 60 bytes a thread). */
type Manifest = {
  contentDir: string;
  slugs: string[];
  answerCount: number;
  doctors: DoctorCount[];
  groups: Record<GroupKind, GroupSummary[]>;
  /**
   * SHA-256 of the SHA-256 of every thread's JSON as validated, one a line, in index order; equal
   * for two builds exactly when their content is (everything else is computed from it).
   * `npm run merge` refuses shards whose digests differ.
   */
  digest: string;
};

const MANIFEST = 'manifest.json';
/** Every related list of the snapshot, for the next build (`RelatedFile`). */
export const RELATED = 'related.json';
/** What `related.json` holds: the digest of the titles and questions (`relatedInputs`), and the lists. */
type RelatedFile = { inputs: string; lists: KnownRelated };
/**
 * The paths of the pages that changed since the last build, when this build reuses it: the only
 * pages with parameters Next renders, and when there is none at all, Next does not run.
 */
export const RENDER = 'render.json';

/** Whether the snapshot in `dir` is of a build that reuses the last and in which no page changed: then Next has nothing to render. */
export function rendersNothing(dir: string): boolean {
  const list = path.join(dir, RENDER);
  return existsSync(list) && (JSON.parse(readFileSync(list, 'utf8')) as string[]).length === 0;
}
const DIRECTORY = 'directory.json';
/** The folder of the thread files: the check writes its copies there. */
export const snapshotThreads = (dir: string) => path.join(dir, 'threads');
const doctorFile = (dir: string, slug: string) => path.join(dir, 'doctors', `${slug}.json`);
const groupFile = (dir: string, kind: GroupKind, slug: string) => path.join(dir, 'groups', kind, `${slug}.json`);
const kinds = Object.keys(GROUPINGS) as GroupKind[];

/** What `checked.json` holds: the build key the check ran under, and its valid entries by file name. */
type CheckedFile = { key: string; known: [string, KnownEntry][] };
const CHECKED = 'checked.json';

/**
 * Starts a snapshot in the folder `dir`: the check then writes its copies into `snapshotThreads(dir)`.
 * With `key`, the build key of a build that reuses the last one, a whole snapshot left by a build
 * with the same key keeps its thread copies, and what its check saw of each file is returned for
 * this check to take them (src/content/check.ts); all else in the folder goes. Otherwise the folder
 * is emptied.
 */
export function startSnapshot(dir: string, key?: string): ReadonlyMap<string, KnownEntry> | undefined {
  const kept = key === undefined ? undefined : lastCheck(dir, key);
  if (kept === undefined) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(snapshotThreads(dir), { recursive: true });
    return undefined;
  }
  for (const name of readdirSync(dir))
    if (name !== 'threads') rmSync(path.join(dir, name), { recursive: true, force: true });
  mkdirSync(snapshotThreads(dir), { recursive: true });
  return kept;
}

/** What the check of the whole snapshot in `dir` saw, when that check ran under `key`. */
function lastCheck(dir: string, key: string): Map<string, KnownEntry> | undefined {
  if (!existsSync(path.join(dir, MANIFEST)) || !existsSync(path.join(dir, CHECKED))) return undefined;
  try {
    const file = JSON.parse(readFileSync(path.join(dir, CHECKED), 'utf8')) as CheckedFile; // our own, whole since the manifest is there
    return file.key === key ? new Map(file.known) : undefined;
  } catch {
    return undefined;
  }
}

/** What `finishSnapshot` takes besides the threads: see there. */
export type SnapshotOptions = {
  renders?: (slug: string) => boolean;
  lastRelated?: string | undefined;
  /** The copies taken from the last build, with the digest of the related list each holds, by slug. */
  kept?: ReadonlyMap<string, string>;
  /** What the check saw of each valid file, and the key it ran under, for the next build's check. */
  checked?: { key: string; known: ReadonlyMap<string, KnownEntry> } | undefined;
};

/**
 * Completes the snapshot of the validated threads of `contentDir` whose copies the check wrote
 * into `dir` (`threads`: as the check returned them; `hashes`: their hashes by slug): each thread
 * file gets its related list, then the doctor, group and directory files, and the manifest last.
 * Related threads are scored only for the threads whose pages this build renders (`renders`: a
 * shard's own; the others' related lists stay empty, as no page of the shard shows them), and not
 * at all when `lastRelated`, the `related.json` of the last build, was made from the same titles
 * and questions (`relatedKept`). With every thread's list, the snapshot gets its own `related.json`.
 * A copy kept from the last build (`kept`) is written only when its related list changed, and the
 * copies of threads no longer in the archive are removed.
 */
export function finishSnapshot(
  dir: string,
  contentDir: string,
  threads: readonly Thread[],
  hashes: ReadonlyMap<string, string>,
  options: SnapshotOptions = {},
): { archive: Archive; relatedKept: boolean } {
  const { renders = () => true, lastRelated, kept, checked } = options;
  const inputs = relatedInputs(threads);
  const known = knownRelated(lastRelated, inputs, threads.length);
  const archive = memoryArchive(contentDir, threads, hashes, known);
  mkdirSync(path.join(dir, 'doctors'));
  const digest = createHash('sha256');
  const lists = new Map<string, RelatedThread[]>();
  for (const slug of archive.slugs) {
    const hash = hashes.get(slug);
    if (hash === undefined)
      throw new Error(`${slug}: not copied into ${dir}; finishSnapshot takes the threads checkContent returned`);
    digest.update(`${hash}\n`);
    const related = renders(slug) ? archive.thread(slug).related : [];
    if (renders(slug)) lists.set(slug, related);
    const json = JSON.stringify(related);
    const file = copyFile(snapshotThreads(dir), slug);
    const keptRelated = kept?.get(slug);
    if (keptRelated === undefined) appendFileSync(file, json);
    else if (keptRelated !== sha256(json)) {
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, `${text.slice(0, text.indexOf('\n') + 1)}${json}`);
    }
  }
  if (kept) {
    const slugs = new Set(archive.slugs);
    for (const name of readdirSync(snapshotThreads(dir)))
      if (!slugs.has(name.slice(0, -'.json'.length))) rmSync(path.join(snapshotThreads(dir), name));
  }
  if (lists.size === archive.slugs.length) {
    const bySlug = [...archive.slugs].sort();
    const rank = new Map(bySlug.map((slug, k) => [slug, k]));
    const file: RelatedFile = {
      inputs,
      lists: bySlug.map((slug) => (lists.get(slug) ?? []).map((r) => rank.get(r.slug) ?? -1)),
    };
    writeFileSync(path.join(dir, RELATED), JSON.stringify(file));
  }
  for (const { slug } of archive.doctors()) writeFileSync(doctorFile(dir, slug), JSON.stringify(archive.doctor(slug)));
  const groups = {} as Record<GroupKind, GroupSummary[]>;
  for (const kind of kinds) {
    mkdirSync(path.join(dir, 'groups', kind), { recursive: true });
    groups[kind] = [...archive.groups(kind)];
    for (const { slug } of groups[kind])
      writeFileSync(groupFile(dir, kind, slug), JSON.stringify(archive.group(kind, slug)));
  }
  writeFileSync(path.join(dir, DIRECTORY), JSON.stringify(archive.directory()));
  if (checked)
    writeFileSync(
      path.join(dir, CHECKED),
      JSON.stringify({ key: checked.key, known: [...checked.known] } satisfies CheckedFile),
    );
  const manifest: Manifest = {
    contentDir: archive.contentDir,
    slugs: [...archive.slugs],
    answerCount: archive.answerCount,
    doctors: [...archive.doctors()],
    groups,
    digest: digest.digest('hex'),
  };
  writeFileSync(path.join(dir, MANIFEST), JSON.stringify(manifest));
  return { archive, relatedKept: known !== undefined };
}

/** The lists of the `related.json` at `file` when they were made from `inputs` for `count` threads; else none. */
function knownRelated(file: string | undefined, inputs: string, count: number): KnownRelated | undefined {
  if (file === undefined || !existsSync(file)) return undefined;
  try {
    const last = JSON.parse(readFileSync(file, 'utf8')) as RelatedFile; // our own file, as the build left it
    return last.inputs === inputs && last.lists.length === count ? last.lists : undefined;
  } catch {
    return undefined; // damaged: scored again
  }
}

/** The archive in the snapshot folder `dir`; refuses one made from another content folder than `contentDir`. */
export function snapshotArchive(dir: string, contentDir: string): Archive {
  // Our own output, written from schema-checked threads a moment before this build started.
  const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST), 'utf8')) as Manifest;
  if (manifest.contentDir !== contentDir) {
    throw new Error(
      `${dir} was made from ${manifest.contentDir}, not ${contentDir}; run npm run build, which writes it fresh`,
    );
  }
  const known = new Set(manifest.slugs);
  const knownDoctors = new Set(manifest.doctors.map((d) => d.slug));
  const knownGroups = new Map(kinds.map((kind) => [kind, new Set(manifest.groups[kind].map((g) => g.slug))]));
  let directory: DirectoryEntry[] | undefined;
  let rendered: Set<string> | undefined;
  const renderList = path.join(dir, RENDER);
  return {
    contentDir: manifest.contentDir,
    slugs: manifest.slugs,
    answerCount: manifest.answerCount,
    digest: manifest.digest,
    thread(slug) {
      if (!known.has(slug)) throw new NotFound(`no thread with slug ${JSON.stringify(slug)} in ${contentDir}`);
      const text = readFileSync(copyFile(snapshotThreads(dir), slug), 'utf8');
      const cut = text.indexOf('\n'); // JSON never holds a raw line break
      return {
        thread: JSON.parse(text.slice(0, cut)) as Thread,
        related: JSON.parse(text.slice(cut + 1)) as RelatedThread[],
      } satisfies ThreadRecord;
    },
    hash(slug) {
      return threadHash(this.thread(slug).thread);
    },
    renders(page) {
      if (!existsSync(renderList)) return true;
      rendered ??= new Set(JSON.parse(readFileSync(renderList, 'utf8')) as string[]);
      return rendered.has(page);
    },
    doctors: () => manifest.doctors,
    doctor(slug) {
      if (!knownDoctors.has(slug)) throw new NotFound(`no doctor with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return JSON.parse(readFileSync(doctorFile(dir, slug), 'utf8')) as DoctorProfile;
    },
    directory() {
      directory ??= JSON.parse(readFileSync(path.join(dir, DIRECTORY), 'utf8')) as DirectoryEntry[];
      return directory;
    },
    groups: (kind) => manifest.groups[kind],
    group(kind, slug) {
      if (!knownGroups.get(kind)?.has(slug))
        throw new NotFound(`no ${kind} with slug ${JSON.stringify(slug)} in ${contentDir}`);
      return JSON.parse(readFileSync(groupFile(dir, kind, slug), 'utf8')) as string[];
    },
  };
}
