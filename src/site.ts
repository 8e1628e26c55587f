/** The site as pages link to it: its name and address, the path of every kind of page, and the Content-Security-Policies. */
import { settings } from './settings';

const { siteName, basePath, siteUrl } = settings();

/** Name shown in the header and page titles. */
export const SITE_NAME = siteName;

/** Path prefix when the site is served below a folder, e.g. `/archive`; empty at a domain's root. */
export const BASE_PATH = basePath;

/**
 * The site's origin as readers reach it, without the base path and without a trailing slash:
 * canonical links, Open Graph and the sitemap need absolute addresses.
 */
export const SITE_URL = siteUrl;

/** A path inside the site with the base path in front, for links Next does not prefix itself. */
export function sitePath(pathname: string): string {
  return `${BASE_PATH}${pathname}`;
}

/** The absolute address of a path inside the site: origin, base path, path. */
export function absoluteUrl(pathname: string): string {
  return `${SITE_URL}${sitePath(pathname)}`;
}

/** The path of a thread page, without the base path. */
export function threadPath(slug: string): string {
  return `/threads/${slug}/`;
}

/** Page `n` of a listing whose first page is at `first` (ending in `/`): `first` itself, then `<first>page/<n>/`. */
export function pagedPath(first: string, n: number): string {
  return n === 1 ? first : `${first}page/${n}/`;
}

/** The path of page `n` of a doctor's page, without the base path: `/doctors/<slug>/`, then `/doctors/<slug>/page/<n>/`. */
export function doctorPath(slug: string, n = 1): string {
  return pagedPath(`/doctors/${slug}/`, n);
}

/** The path of index page `n`: `/` for the first, `/page/<n>/` after it. */
export function indexPath(n: number): string {
  return pagedPath('/', n);
}

/** Page `n` (from 1) of the doctor directory. */
export function directoryPath(n = 1): string {
  return pagedPath('/doctors/', n);
}

/** The folder of each kind of group: topics of threads; specialties and places of doctors. */
export const GROUP_FOLDER = { topic: 'topics', specialty: 'specialties', location: 'locations' } as const;

/** The kinds of group the archive lists (src/archive/groups.ts). */
export type GroupKind = keyof typeof GROUP_FOLDER;

/** Page `n` of the list of a kind's groups (`/topics/`), or with `slug`, page `n` of one group (`/topics/<slug>/`). */
export function groupPath(kind: GroupKind, slug?: string, n = 1): string {
  return pagedPath(slug === undefined ? `/${GROUP_FOLDER[kind]}/` : `/${GROUP_FOLDER[kind]}/${slug}/`, n);
}

/**
 * Directives every page shares: nothing from elsewhere, no plugins, no base or form redirects.
 * `connect-src 'self'` lets Lighthouse fetch /robots.txt from inside the page (GoogleChrome/lighthouse
 * #4386); on a page without scripts nothing else can connect, and search fetches its own index.
 */
const CSP_COMMON =
  "default-src 'none'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/**
 * Content-Security-Policy of every page without JavaScript: nothing runs, only our own styles,
 * images and fonts load.
 */
export const CSP_NO_SCRIPT = `${CSP_COMMON}; img-src 'self'; script-src 'none'; style-src 'self'`;

/**
 * Content-Security-Policy of the search page: scripts only from our own files (Pagefind's UI and
 * our init file, no inline code), WebAssembly for Pagefind's search engine, its index fetched
 * from our own files (connect-src, shared), its stylesheet from our own files, and `data:` images: the stylesheet
 * draws the search box's magnifier icon as a data: SVG.
 */
export const CSP_SEARCH = `${CSP_COMMON}; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`;

/** The route (Next's page name) of the search page: the one page whose CSP allows scripts. */
export const SEARCH_ROUTE = '/search';

/** Search bundle `n` (from 1) of a site: `/pagefind/`, then `/pagefind-<n>/`. */
export function searchBundlePath(n: number): string {
  return n === 1 ? '/pagefind/' : `/pagefind-${n}/`;
}

/**
 * The script that lists the site's search bundles for the search page (public/search.js reads
 * it): written by the post-export step, and again by `npm run merge` for the bundles of every shard.
 */
export const SEARCH_BUNDLES_SCRIPT = '/search-bundles.js';
