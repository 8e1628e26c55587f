/**
 * Every route of the site in one table: for each kind of page, the Next page files that serve it,
 * every page of it in the archive, each page's path and its props, and the header section it
 * belongs to. The table drives getStaticPaths and getStaticProps (next.ts), the sitemap's list of
 * pages and a shard's share of them (src/export), and the header's sections (`_document`).
 */
import type { Archive } from '../archive/archive';
import { NotFound } from '../archive/archive';
import { GROUPINGS } from '../archive/groups';
import { sha256 } from '../digest';
import { GROUP_FOLDER, directoryPath, doctorPath, groupPath, indexPath, threadPath } from '../site';
import type { GroupKind } from '../site';
import { directoryPage, directoryPageCount, doctorGroupPage } from '../views/directory';
import { doctorPage, doctorPageCount } from '../views/doctor';
import { groupListPage, groupListPageCount, groupPageCount } from '../views/group-list';
import { indexPage, indexPageCount } from '../views/index-page';
import { threadView } from '../views/thread';
import { searchPage } from '../views/search';
import { threadGroupPage } from '../views/thread-group';
import { PAGE_SIZE, pageSlice } from '../views/paging';

/** The sections of the site, as the header names them. */
export type Section = 'questions' | 'topics' | 'doctors' | 'search';

/** One page of a route: the slug of what it shows ('' on a route of one list), and its page number (1 unless paged). */
export type PageKey = { slug: string; n: number };

/** One kind of page. */
export type Route<First extends string, Later extends string | undefined, View> = {
  /** The Next page (`src/pages/<first>.tsx` or `<first>/index.tsx`) of a page 1. */
  first: First;
  /** The Next page of pages 2 and up, for a paged kind (`…/page/[n]`). */
  later: Later;
  section: Section;
  /** Whether the archive has this kind of page at all; without one, no page, no sitemap entry, no header link. */
  exists(archive: Archive): boolean;
  /** Every page, in the sitemap's order. */
  pages(archive: Archive): PageKey[];
  /** A page's path inside the site, without the base path. */
  path(key: PageKey): string;
  /** A page's props; throws NotFound for a page the archive does not have. */
  props(archive: Archive, key: PageKey): View;
  /** Whether its pages go in the sitemap (search results are not content). */
  sitemap: boolean;
  /**
   * What a page is made from, as a digest: the same exactly when its props are, with the code and
   * the settings the same. By default the digest of the props themselves; a page that shows threads
   * uses their hashes instead, as its props would need their markdown rendered.
   */
  digest(archive: Archive, key: PageKey): string;
  /**
   * For the pages search indexes, what the index reads of one (its `data-pagefind-body` element),
   * as a digest: a page can change without its indexed part changing (its related threads, the
   * header), and then its search bundle need not be indexed again.
   */
  search?: (archive: Archive, key: PageKey) => string;
};

/** A route, its page names kept as literal types so that each page file gets its own view's type. */
function route<const First extends string, const Later extends string | undefined, View>(
  r: Omit<Route<First, Later, View>, 'exists' | 'sitemap' | 'digest'> & {
    exists?: (archive: Archive) => boolean;
    sitemap?: boolean;
    digest?: (archive: Archive, key: PageKey) => unknown;
  },
): Route<First, Later, View> {
  const exists = r.exists ?? (() => true);
  return {
    ...r,
    exists,
    sitemap: r.sitemap ?? true,
    digest: (archive, key) => sha256(JSON.stringify(r.digest ? r.digest(archive, key) : r.props(archive, key))),
    pages: (archive) => (exists(archive) ? r.pages(archive) : []),
    props: (archive, key) => {
      if (!exists(archive)) throw new NotFound(`this archive has no ${r.first} pages`);
      return r.props(archive, key);
    },
  };
}

/** Pages 1 to `count` of one list. */
const numbered = (count: number, slug = ''): PageKey[] => Array.from({ length: count }, (_, i) => ({ slug, n: i + 1 }));

/**
 * The routes of a kind of group (src/archive/groups.ts): the list of its groups (`/topics/`, in
 * pages of names) and one group's pages (`/topics/<slug>/`), shown by `groupPage`. The list exists
 * when the archive has no group of the kind only if `listedWhenEmpty`.
 */
function groupRoutes<const Kind extends GroupKind, View>(
  kind: Kind,
  section: Section,
  listedWhenEmpty: boolean,
  groupPage: (archive: Archive, kind: GroupKind, slug: string, n: number) => View,
) {
  const folder = `/${GROUP_FOLDER[kind]}` as `/${(typeof GROUP_FOLDER)[Kind]}`;
  return {
    list: route({
      first: folder,
      later: `${folder}/page/[n]` as const,
      section,
      ...(listedWhenEmpty ? {} : { exists: (archive: Archive) => archive.groups(kind).length > 0 }),
      pages: (archive) => numbered(groupListPageCount(archive, kind)),
      path: (key) => groupPath(kind, undefined, key.n),
      props: (archive, key) => groupListPage(archive, kind, key.n),
    }),
    one: route({
      first: `${folder}/[slug]` as const,
      later: `${folder}/[slug]/page/[n]` as const,
      section,
      pages: (archive) => archive.groups(kind).flatMap((g) => numbered(groupPageCount(kind, g.count), g.slug)),
      path: (key) => groupPath(kind, key.slug, key.n),
      props: (archive, key) => groupPage(archive, kind, key.slug, key.n),
      // A group of threads shows their summaries: its threads' hashes say when those change.
      ...(GROUPINGS[kind].of === 'threads'
        ? {
            digest: (archive: Archive, key: PageKey) => {
              const members = archive.group(kind, key.slug);
              const name = archive.groups(kind).find((g) => g.slug === key.slug)?.name;
              const slice = pageSlice(members, key.n, PAGE_SIZE);
              return [kind, key, name, members.length, slice.map((s) => archive.hash(s))];
            },
          }
        : {}),
    }),
  };
}

const specialties = groupRoutes('specialty', 'doctors', true, doctorGroupPage);
const locations = groupRoutes('location', 'doctors', true, doctorGroupPage);
const topics = groupRoutes('topic', 'topics', false, threadGroupPage);

/** Every route with pages made from the archive, in the sitemap's order. */
export const ROUTES = {
  index: route({
    first: '/',
    later: '/page/[n]',
    section: 'questions',
    pages: (archive) => numbered(indexPageCount(archive)),
    path: (key) => indexPath(key.n),
    props: (archive, key) => indexPage(archive, key.n),
    digest: (archive, key) => {
      const pages = indexPageCount(archive);
      const slugs = pageSlice(archive.slugs, key.n);
      return [key.n, pages, archive.slugs.length, archive.answerCount, slugs.map((s) => archive.hash(s))];
    },
  }),
  thread: route({
    first: '/threads/[slug]',
    later: undefined,
    section: 'questions',
    pages: (archive) => archive.slugs.map((slug) => ({ slug, n: 1 })),
    path: (key) => threadPath(key.slug),
    props: (archive, key) => threadView(archive, key.slug),
    digest: (archive, key) => [archive.hash(key.slug), archive.thread(key.slug).related],
    // The article is made from the thread alone (doctor and topic links included); the related
    // threads and the header are outside it.
    search: (archive, key) => archive.hash(key.slug),
  }),
  directory: route({
    first: '/doctors',
    later: '/doctors/page/[n]',
    section: 'doctors',
    pages: (archive) => numbered(directoryPageCount(archive)),
    path: (key) => directoryPath(key.n),
    props: (archive, key) => directoryPage(archive, key.n),
  }),
  doctor: route({
    first: '/doctors/[slug]',
    later: '/doctors/[slug]/page/[n]',
    section: 'doctors',
    pages: (archive) => archive.doctors().flatMap((d) => numbered(doctorPageCount(d.answerCount), d.slug)),
    path: (key) => doctorPath(key.slug, key.n),
    props: (archive, key) => doctorPage(archive, key.slug, key.n),
  }),
  specialties: specialties.list,
  specialty: specialties.one,
  locations: locations.list,
  location: locations.one,
  topics: topics.list,
  topic: topics.one,
  search: route({
    first: '/search',
    later: undefined,
    section: 'search',
    sitemap: false,
    pages: () => [{ slug: '', n: 1 }],
    path: () => '/search/',
    props: (archive) => searchPage(archive),
  }),
};

type Routes = typeof ROUTES;
type AnyRoute = Routes[keyof Routes];

/** The Next page name of every page file with data: `/`, `/page/[n]`, `/threads/[slug]`, … */
export type PageName = {
  [K in keyof Routes]: Routes[K]['first'] | Exclude<Routes[K]['later'], undefined>;
}[keyof Routes];

/** The props' view of the pages of a page file. */
export type ViewOf<P extends PageName> = {
  [K in keyof Routes]: P extends Routes[K]['first'] | Routes[K]['later'] ? ReturnType<Routes[K]['props']> : never;
}[keyof Routes];

/** The page without data: the 404 page, in no section. */
const PLAIN_PAGES: Record<string, Section | null> = { '/404': null };

/** The route a Next page name belongs to, and whether it is its page 1 or its later pages. */
export function routeOf(page: string): { route: AnyRoute; later: boolean } | undefined {
  for (const r of Object.values(ROUTES) as AnyRoute[]) {
    if (r.first === page) return { route: r, later: false };
    if (r.later === page) return { route: r, later: true };
  }
  return undefined;
}

/** Every Next page name the site has: the routes' and the plain pages'. */
export function pageNames(): string[] {
  return [
    ...(Object.values(ROUTES) as AnyRoute[]).flatMap((r) => (r.later === undefined ? [r.first] : [r.first, r.later])),
    ...Object.keys(PLAIN_PAGES),
  ];
}

/** The section a Next page name (`/doctors/[slug]`) belongs to; none for the 404 page and Next's own. */
export function sectionOf(page: string): Section | null {
  return routeOf(page)?.route.section ?? PLAIN_PAGES[page] ?? null;
}

/** The header's links, in order: each section's first page, when the archive has it (no topics, no Topics). */
export function headerSections(archive: Archive): { section: Section; label: string; path: string }[] {
  const sections: { section: Section; label: string; route?: AnyRoute; path: string }[] = [
    { section: 'questions', label: 'Questions', route: ROUTES.index, path: indexPath(1) },
    { section: 'topics', label: 'Topics', route: ROUTES.topics, path: groupPath('topic') },
    { section: 'doctors', label: 'Doctors', route: ROUTES.directory, path: directoryPath() },
    { section: 'search', label: 'Search', route: ROUTES.search, path: '/search/' },
  ];
  return sections
    .filter((s) => s.route?.exists(archive) ?? true)
    .map(({ section, label, path }) => ({ section, label, path }));
}

/** Every page's path (no base path) in the sitemap's order: the routes' pages, route by route. */
export function contentPaths(archive: Archive): string[] {
  return (Object.values(ROUTES) as AnyRoute[]).flatMap((r) =>
    r.sitemap ? r.pages(archive).map((key) => r.path(key)) : [],
  );
}

/** A page of the site, as the build keeps account of it: its path, and the digest of what it is made from. */
export type PageDigest = {
  path: string;
  digest: string;
  /** Listed by getStaticPaths (a slug, or a page after the first); the others Next renders every build. */
  listed: boolean;
  /** For a page search indexes, the digest of what the index reads of it (`Route.search`). */
  search?: string;
};

/**
 * Every page of the site (the 404 page aside) with the digest of what it is made from, the header's
 * sections folded in: a page whose digest is the same as in the last build, by the same code with
 * the same settings, is the same page (docs/build-pipeline.md, "Incremental builds").
 */
export function pageDigests(archive: Archive): PageDigest[] {
  const site = JSON.stringify(headerSections(archive));
  return (Object.values(ROUTES) as AnyRoute[]).flatMap((r) =>
    r.pages(archive).map((key) => ({
      path: r.path(key),
      digest: sha256(`${site}\n${r.digest(archive, key)}`),
      listed: key.slug !== '' || key.n > 1,
      ...(r.search ? { search: r.search(archive, key) } : {}),
    })),
  );
}

/** The key a page is given to a shard by (src/shard.ts): its parameters joined by `/` (`<slug>`, `<n>`, `<slug>/<n>`). */
export function shardKey(key: PageKey, later: boolean): string {
  return later ? [key.slug, String(key.n)].filter((part) => part !== '').join('/') : key.slug;
}
