/** Site-wide settings (read and checked by settings.ts) and the site's paths. */
import { readSettings } from './settings';

// Direct `process.env.X` reads: Next writes these three into the pages it compiles (next.config.mjs).
const reading = readSettings({ SITE_URL: process.env.SITE_URL, BASE_PATH: process.env.BASE_PATH, SITE_NAME: process.env.SITE_NAME });
// `npm run build` and `npm run dev` stop on these before anything is compiled (src/cli/settings.ts); this is for any other way in.
if (reading.errors.length > 0) throw new Error(reading.errors.join('\n'));

/** Name shown in the header and page titles. */
export const SITE_NAME = reading.settings.siteName;

/**
 * Path prefix when the site is served below a folder, e.g. `/archive`; empty at a domain's root.
 * From BASE_PATH or from the folder in SITE_URL (settings.ts).
 */
export const BASE_PATH = reading.settings.basePath;

/**
 * The site's origin as readers reach it, without the base path and without a trailing slash:
 * canonical links, Open Graph and the sitemap need absolute addresses.
 */
export const SITE_URL = reading.settings.siteUrl;

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

/** Page `n` of the list of topics, or with `slug`, page `n` of one topic's threads. */
export function topicPath(slug?: string, n = 1): string {
  return pagedPath(slug === undefined ? '/topics/' : `/topics/${slug}/`, n);
}

/** The folder of the specialties or of the places. */
const GROUP_FOLDER = { specialty: 'specialties', location: 'locations' } as const;

/** Page `n` of the list of specialties or places, or with `slug`, page `n` of one of them. */
export function groupPath(kind: 'specialty' | 'location', slug?: string, n = 1): string {
  return pagedPath(slug === undefined ? `/${GROUP_FOLDER[kind]}/` : `/${GROUP_FOLDER[kind]}/${slug}/`, n);
}

/**
 * Directives every page shares: nothing from elsewhere, no plugins, no base or form redirects.
 * `connect-src 'self'` lets Lighthouse fetch /robots.txt from inside the page (GoogleChrome/lighthouse
 * #4386); on a page without scripts nothing else can connect, and search fetches its own index.
 */
const CSP_COMMON = "default-src 'none'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

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

/**
 * Threads in one search bundle. Pagefind 1.4 holds about 85 KB a page while it indexes (4.2 GB at
 * 50,000 threads), so a larger archive is indexed in bundles of this many threads, one Pagefind
 * run after another, which the search page searches together (Pagefind's mergeIndex).
 * `SEARCH_BUNDLE_THREADS` lowers it, so that tests can split a small archive.
 */
export const SEARCH_BUNDLE_THREADS = Number(process.env.SEARCH_BUNDLE_THREADS ?? 20_000);
if (!Number.isInteger(SEARCH_BUNDLE_THREADS) || SEARCH_BUNDLE_THREADS < 1) {
  throw new Error(`SEARCH_BUNDLE_THREADS must be a whole number from 1, got ${JSON.stringify(process.env.SEARCH_BUNDLE_THREADS)}`);
}

/**
 * The search bundles of an archive of `threadCount` threads: `/pagefind/`, then `/pagefind-2/`, …
 * (site paths). A build in shards indexes each shard's threads into bundles of its own, which
 * `npm run merge` renames into one such series.
 */
export function searchBundles(threadCount: number): string[] {
  const count = Math.max(1, Math.ceil(threadCount / SEARCH_BUNDLE_THREADS));
  return Array.from({ length: count }, (_, i) => searchBundlePath(i + 1));
}

/** Search bundle `n` (from 1) of a site: `/pagefind/`, then `/pagefind-<n>/`. */
export function searchBundlePath(n: number): string {
  return n === 1 ? '/pagefind/' : `/pagefind-${n}/`;
}

/**
 * The script that lists the site's search bundles for the search page (public/search.js reads
 * it): written by the post-export step, and again by `npm run merge` for the bundles of every shard.
 */
export const SEARCH_BUNDLES_SCRIPT = '/search-bundles.js';
