/**
 * The page files' getStaticPaths and getStaticProps, made from the route table: a page file names
 * its own Next page and gets both (src/pages/topics/[slug]/page/[n].tsx, for one).
 */
import type { GetStaticPaths, GetStaticProps } from 'next';
import { NotFound } from '../archive/archive';
import { getArchive } from '../archive/current';
import { inShard } from '../shard';
import { settings } from '../settings';
import { routeOf, shardKey } from './table';
import type { PageKey, PageName, ViewOf } from './table';

/** The params of a page in Next's form: `{ slug }`, `{ n }`, `{ slug, n }`, or none. */
type Params = { slug?: string; n?: string };

function lookup(page: PageName) {
  const found = routeOf(page);
  if (!found) throw new Error(`${page} is in no route of src/routes/table.ts`);
  return found;
}

/** Next's params of a page: its slug when it has one, and its number on a later page. */
function paramsOf(key: PageKey, later: boolean): Params {
  return { ...(key.slug === '' ? {} : { slug: key.slug }), ...(later ? { n: String(key.n) } : {}) };
}

/**
 * getStaticPaths of a dynamic page: in a build, every page of its route that this build makes (a
 * shard's build: those whose key hashes to it, src/shard.ts; an incremental build: those that
 * changed since the last); page 1 of each thing, or the later pages. In `npm run dev` no page is listed ahead and each request is made on demand (getStaticProps
 * answers 404 for a page the content lacks): Next's dev server would otherwise answer from the paths
 * it listed before an edit, and list them again in a new process on every request.
 */
export function staticPaths(page: PageName): GetStaticPaths<Params> {
  const { route, later } = lookup(page);
  return () => {
    const { live, shard } = settings();
    if (live) return { paths: [], fallback: 'blocking' };
    const archive = getArchive();
    const keys = route
      .pages(archive)
      .filter((key) => key.n > 1 === later && inShard(shardKey(key, later), shard) && archive.renders(route.path(key)));
    return { paths: keys.map((key) => ({ params: paramsOf(key, later) })), fallback: false };
  };
}

/** getStaticProps of a page: `{ view }` made by its route from the archive, or 404 when the archive has no such page. */
export function staticProps<P extends PageName>(page: P): GetStaticProps<{ view: ViewOf<P> }, Params> {
  const { route, later } = lookup(page);
  return ({ params }) => {
    const n = later ? Number(params?.n) : 1;
    // Page 1 of a paged route lives at its first page, and `/page/02/` is no page.
    if (later && (!(n > 1) || String(n) !== params?.n)) return { notFound: true };
    try {
      return { props: { view: route.props(getArchive(), { slug: params?.slug ?? '', n }) as ViewOf<P> } };
    } catch (error) {
      if (error instanceof NotFound) return { notFound: true };
      throw error;
    }
  };
}
