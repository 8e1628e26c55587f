/**
 * Every environment variable the project reads, read and checked here only (docs/deploy.md,
 * "Settings"). The commands check them all before anything else runs (`reportSettings`): a mistake
 * is one line naming the variable, its value and the fix; a warning is one line and the work goes
 * on. Other code takes its settings from `settings()`, and at most passes the environment on to a
 * process it starts.
 */
import { parseShard } from './shard';
import type { Shard } from './shard';

export type Settings = {
  /** SITE_URL: the origin readers use, without a path or trailing slash: `https://example.org`. */
  siteUrl: string;
  /** BASE_PATH, or SITE_URL's folder: the folder the site lives in, `/archive`, or empty at the root of its origin. */
  basePath: string;
  /** SITE_NAME: the archive's name, in the header and page titles. */
  siteName: string;
  /** CONTENT_DIR: the content folder as given (`content` by default); resolved by whoever reads it. */
  contentDir: string;
  /** SEARCH_BUNDLE_THREADS: threads in one search bundle (docs/performance.md, "Search index"). */
  searchBundleThreads: number;
  /** SITEMAP_MAX_URLS: URLs in one sitemap file before it becomes a sitemap index (the protocol allows 50,000). */
  sitemapMaxUrls: number;
  /** PORT: where `npm start` serves the built site. */
  port: number;
  /** Set by `npm run build` for its steps (THREADS_SNAPSHOT): the snapshot folder its check wrote; pages read the archive there. */
  snapshot: string | undefined;
  /** Set by `npm run build -- --shard` for its steps (BUILD_SHARD): the shard this build makes. */
  shard: Shard | undefined;
  /** `next dev` without a snapshot (NODE_ENV): the content folder is read again on every page. */
  live: boolean;
  /** BUILD_CACHE: where `npm run build` keeps what the next build reuses (docs/build-pipeline.md, "Incremental builds"). */
  buildCache: string;
  /** Set by `npm run build` for its steps (BUILD_INCREMENTAL): this build reuses the last one's pages. */
  incremental: boolean;
  /**
   * Set by `npm run build` for its steps (BUILD_KEY): the key of the code and settings, taken when
   * the build started, which the state it leaves records (src/export/incremental.ts, `buildKey`).
   */
  buildKey: string | undefined;
  /** INIT_CWD, set by npm: where `npm run` was typed, against which folders given on the command line resolve. */
  callerDir: string | undefined;
};

export type SettingsReading = { settings: Settings; errors: string[]; warnings: string[] };

export const DEFAULT_SITE_URL = 'http://localhost:3000';
export const DEFAULT_SITE_NAME = 'Q&A Thread Archive';
/** A name longer than this would push everything else out of the header and of search results' titles. */
export const SITE_NAME_MAX = 80;
/**
 * Threads a search bundle holds at most. An incremental build indexes again each bundle that holds a
 * changed thread, in time and memory in proportion to its threads; a search fetches files from every
 * bundle (docs/performance.md, "Search bundles of 5,000 threads").
 */
export const SEARCH_BUNDLE_THREADS = 5_000;
/** The sitemaps.org limit on the URLs of one sitemap file. */
export const SITEMAP_MAX_URLS = 50_000;
export const DEFAULT_PORT = 3000;

type Env = Record<string, string | undefined>;

/** `NAME="value"`, as the lines below quote a setting. */
const shown = (name: string, value: string) => `${name}=${JSON.stringify(value)}`;

/** Hosts served over plain http on this machine only, where https is not expected. */
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/u;

/** A folder of a URL as a base path: trailing slashes dropped, `/` for none. */
const folder = (pathname: string) => pathname.replace(/\/+$/u, '');

/** A base path may hold what a URL path holds unescaped, nothing that a link would have to encode. */
const PATH_CHARS = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/u;

/** SITE_URL and BASE_PATH: the origin and the base path, with their mistakes. */
function readAddress(env: Env, errors: string[], warnings: string[]): { siteUrl: string; basePath: string } {
  const rawUrl = env.SITE_URL ?? DEFAULT_SITE_URL;
  let siteUrl = DEFAULT_SITE_URL;
  let urlFolder = '';
  if (!/^[a-z][a-z0-9+.-]*:/iu.test(rawUrl)) {
    const guess = `https://${rawUrl.replace(/^\/+/u, '')}`.replace(/\/+$/u, '');
    errors.push(`${shown('SITE_URL', rawUrl)}: the address has no scheme; write ${shown('SITE_URL', guess)}`);
  } else if (!URL.canParse(rawUrl) || !/^https?:$/u.test(new URL(rawUrl).protocol)) {
    errors.push(
      `${shown('SITE_URL', rawUrl)}: not a web address; write the address readers use, such as SITE_URL=https://example.org`,
    );
  } else {
    const url = new URL(rawUrl);
    const origin = url.origin;
    if (url.username !== '' || url.password !== '') {
      errors.push(
        `${shown('SITE_URL', rawUrl)}: a user name or password would be published in every page; write ${shown('SITE_URL', `${origin}${folder(url.pathname)}`)}`,
      );
    } else if (url.search !== '' || url.hash !== '' || /[?#]/u.test(rawUrl)) {
      errors.push(
        `${shown('SITE_URL', rawUrl)}: a "?" or "#" part has no place in the site's address; write ${shown('SITE_URL', `${origin}${folder(url.pathname)}`)}`,
      );
    } else if (/\s/u.test(rawUrl)) {
      errors.push(
        `${shown('SITE_URL', rawUrl)}: the address holds a space; write the folder as it appears in the browser, such as SITE_URL=https://example.org/my-archive`,
      );
    } else {
      siteUrl = origin;
      urlFolder = folder(url.pathname);
      if (url.protocol === 'http:' && !LOCAL_HOST.test(url.hostname)) {
        warnings.push(
          `${shown('SITE_URL', rawUrl)}: plain http; canonical links and the sitemap will send readers and search engines to an insecure address; write ${shown('SITE_URL', rawUrl.replace(/^http:/iu, 'https:'))} unless the host has no HTTPS`,
        );
      }
    }
  }

  let basePath = urlFolder;
  const rawBase = env.BASE_PATH;
  if (rawBase !== undefined) {
    const base = folder(rawBase);
    if (base !== '' && !base.startsWith('/')) {
      errors.push(
        `${shown('BASE_PATH', rawBase)}: a base path starts with "/"; write ${shown('BASE_PATH', `/${base}`)}`,
      );
    } else if (base !== '' && !PATH_CHARS.test(base)) {
      errors.push(
        `${shown('BASE_PATH', rawBase)}: a base path holds no spaces, "?", "#" or empty folders; write the folder as it appears in the browser, such as BASE_PATH=/archive`,
      );
    } else if (urlFolder !== '' && base !== urlFolder) {
      errors.push(
        `${shown('BASE_PATH', rawBase)} and ${shown('SITE_URL', rawUrl)} name different folders; unset BASE_PATH (SITE_URL's folder is the base path) or write ${shown('BASE_PATH', urlFolder)}`,
      );
    } else basePath = base;
  }
  if (rawBase === undefined && urlFolder !== '' && !PATH_CHARS.test(urlFolder)) {
    errors.push(
      `${shown('SITE_URL', rawUrl)}: the folder ${JSON.stringify(urlFolder)} is not a plain URL path; write the folder as it appears in the browser, such as SITE_URL=https://example.org/archive`,
    );
    basePath = '';
  }
  return { siteUrl, basePath };
}

/** SITE_NAME, trimmed. */
function readName(env: Env, errors: string[]): string {
  const rawName = env.SITE_NAME ?? DEFAULT_SITE_NAME;
  if (rawName.trim() === '') {
    errors.push(
      `${shown('SITE_NAME', rawName)}: the name is empty; unset SITE_NAME for ${JSON.stringify(DEFAULT_SITE_NAME)} or write the archive's name, such as SITE_NAME="Botox answers"`,
    );
  } else if (/\p{Cc}/u.test(rawName)) {
    errors.push(
      `${shown('SITE_NAME', rawName)}: the name holds a line break or another control character; write it on one line`,
    );
  } else if ([...rawName].length > SITE_NAME_MAX) {
    errors.push(
      `SITE_NAME is ${[...rawName].length} characters long, over ${SITE_NAME_MAX}; write a shorter name (it is in every page's title)`,
    );
  } else return rawName.trim();
  return DEFAULT_SITE_NAME;
}

/** A whole number setting from `min` to `max`, or `fallback` when unset; `fix` says what to write instead. */
function readWhole(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
  fix: string,
  errors: string[],
): number {
  const raw = env[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (/^[1-9][0-9]*$/u.test(raw) && value >= min && value <= max) return value;
  errors.push(`${shown(name, raw)}: ${fix}`);
  return fallback;
}

/**
 * Reads every setting of `env`. SITE_URL may carry the folder the site lives in
 * (`https://example.org/archive`): it becomes the base path when BASE_PATH is unset or names the
 * same folder, and is an error when BASE_PATH names another. Errors are refusals, warnings are
 * printed and the work goes on; with errors, `settings` holds the defaults for what was refused.
 */
export function readSettings(env: Env): SettingsReading {
  const errors: string[] = [];
  const warnings: string[] = [];
  const address = readAddress(env, errors, warnings);
  const siteName = readName(env, errors);
  const contentDir = env.CONTENT_DIR ?? 'content';
  if (contentDir === '')
    errors.push(
      `${shown('CONTENT_DIR', '')}: no folder named; unset CONTENT_DIR for content/ or write the folder that holds the .md files`,
    );
  const searchBundleThreads = readWhole(
    env,
    'SEARCH_BUNDLE_THREADS',
    SEARCH_BUNDLE_THREADS,
    1,
    Number.MAX_SAFE_INTEGER,
    `not a whole number from 1; unset it for ${SEARCH_BUNDLE_THREADS}, or write fewer threads a search bundle, such as SEARCH_BUNDLE_THREADS=1000`,
    errors,
  );
  const sitemapMaxUrls = readWhole(
    env,
    'SITEMAP_MAX_URLS',
    SITEMAP_MAX_URLS,
    1,
    SITEMAP_MAX_URLS,
    `not a whole number from 1 to ${SITEMAP_MAX_URLS}; unset it for ${SITEMAP_MAX_URLS}, or write fewer URLs a sitemap, such as SITEMAP_MAX_URLS=10000`,
    errors,
  );
  const port = readWhole(
    env,
    'PORT',
    DEFAULT_PORT,
    1,
    65535,
    'not a port number; write a number from 1 to 65535, such as PORT=3000',
    errors,
  );
  let shard: Shard | undefined;
  if (env.BUILD_SHARD !== undefined && env.BUILD_SHARD !== '') {
    const parsed = parseShard(env.BUILD_SHARD);
    if (typeof parsed === 'string') errors.push(`BUILD_SHARD: ${parsed}`);
    else shard = parsed;
  }
  const snapshot = env.THREADS_SNAPSHOT === '' ? undefined : env.THREADS_SNAPSHOT;
  return {
    settings: {
      ...address,
      siteName,
      contentDir: contentDir === '' ? 'content' : contentDir,
      searchBundleThreads,
      sitemapMaxUrls,
      port,
      snapshot,
      shard,
      live: snapshot === undefined && env.NODE_ENV === 'development',
      callerDir: env.INIT_CWD,
      buildCache: env.BUILD_CACHE === undefined || env.BUILD_CACHE === '' ? '.next/cache/qa-build' : env.BUILD_CACHE,
      incremental: env.BUILD_INCREMENTAL === '1',
      buildKey: env.BUILD_KEY === '' ? undefined : env.BUILD_KEY,
    },
    errors,
    warnings,
  };
}

/**
 * The environment of this process. The three site settings are read one by one: Next writes
 * `process.env.SITE_URL` and the like into the pages it compiles (next.config.mjs), where
 * `process.env` as a whole is empty, so `npm run dev`'s browser side renders with them too.
 */
function environment(): Env {
  return {
    ...process.env,
    SITE_URL: process.env.SITE_URL,
    BASE_PATH: process.env.BASE_PATH,
    SITE_NAME: process.env.SITE_NAME,
  };
}

let current: Settings | undefined;

/**
 * This process's settings, read once. Throws every mistake in one error: the commands have checked
 * them first (`reportSettings`), so this happens only on another way in.
 */
export function settings(): Settings {
  if (!current) {
    const reading = readSettings(environment());
    if (reading.errors.length > 0) throw new Error(reading.errors.join('\n'));
    current = reading.settings;
  }
  return current;
}

/**
 * The environment for a process a command starts: this one's, with the site settings as checked
 * (SITE_URL's folder as BASE_PATH), so that Next's configuration (next.config.mjs) and every step
 * read exactly what was checked.
 */
export function childEnv(): NodeJS.ProcessEnv {
  const { siteUrl, basePath, siteName } = settings();
  return { ...process.env, SITE_URL: siteUrl, BASE_PATH: basePath, SITE_NAME: siteName };
}

/**
 * Prints the mistakes of the settings, and unless `warn` is false their warnings, one line each, on
 * stderr; whether the command may go on.
 */
export function reportSettings(env: Env = environment(), warn = true): boolean {
  const { errors, warnings } = readSettings(env);
  for (const line of [...(warn ? warnings : []), ...errors]) console.error(line);
  return errors.length === 0;
}
