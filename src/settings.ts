/**
 * The site's settings as the environment gives them (README, "Deploy"): read and checked here
 * only. `npm run build` and `npm run dev` check them first (src/cli/settings.ts), before any
 * content is read or anything compiled; a mistake is one line naming the variable, its value
 * and the fix.
 */

export type Settings = {
  /** The origin readers use, without a path or trailing slash: `https://example.org`. */
  siteUrl: string;
  /** The folder the site lives in, `/archive`, or empty at the root of its origin. */
  basePath: string;
  /** The archive's name, in the header and page titles. */
  siteName: string;
};

export type SettingsReading = { settings: Settings; errors: string[]; warnings: string[] };

export const DEFAULT_SITE_URL = 'http://localhost:3000';
export const DEFAULT_SITE_NAME = 'Q&A Thread Archive';
/** A name longer than this would push everything else out of the header and of search results' titles. */
export const SITE_NAME_MAX = 80;

type Env = Record<string, string | undefined>;

/** `NAME="value"`, as the lines below quote a setting. */
const shown = (name: string, value: string) => `${name}=${JSON.stringify(value)}`;

/** Hosts served over plain http on this machine only, where https is not expected. */
const LOCAL_HOST = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/u;

/** A folder of a URL as a base path: trailing slashes dropped, `/` for none. */
const folder = (pathname: string) => pathname.replace(/\/+$/u, '');

/** A base path may hold what a URL path holds unescaped, nothing that a link would have to encode. */
const PATH_CHARS = /^(\/[A-Za-z0-9._~!$&'()*+,;=:@%-]+)+$/u;

/**
 * Reads SITE_URL, BASE_PATH and SITE_NAME. SITE_URL may carry the folder the site lives in
 * (`https://example.org/archive`): it becomes the base path when BASE_PATH is unset or names the
 * same folder, and is an error when BASE_PATH names another. Errors are refusals, warnings are
 * printed and the build goes on; with errors, `settings` holds the defaults for what was refused.
 */
export function readSettings(env: Env): SettingsReading {
  const errors: string[] = [];
  const warnings: string[] = [];

  const rawUrl = env.SITE_URL ?? DEFAULT_SITE_URL;
  let siteUrl = DEFAULT_SITE_URL;
  let urlFolder = '';
  if (!/^[a-z][a-z0-9+.-]*:/iu.test(rawUrl)) {
    const guess = `https://${rawUrl.replace(/^\/+/u, '')}`.replace(/\/+$/u, '');
    errors.push(`${shown('SITE_URL', rawUrl)}: the address has no scheme; write ${shown('SITE_URL', guess)}`);
  } else if (!URL.canParse(rawUrl) || !/^https?:$/u.test(new URL(rawUrl).protocol)) {
    errors.push(`${shown('SITE_URL', rawUrl)}: not a web address; write the address readers use, such as SITE_URL=https://example.org`);
  } else {
    const url = new URL(rawUrl);
    const origin = url.origin;
    if (url.username !== '' || url.password !== '') {
      errors.push(`${shown('SITE_URL', rawUrl)}: a user name or password would be published in every page; write ${shown('SITE_URL', `${origin}${folder(url.pathname)}`)}`);
    } else if (url.search !== '' || url.hash !== '' || /[?#]/u.test(rawUrl)) {
      errors.push(`${shown('SITE_URL', rawUrl)}: a "?" or "#" part has no place in the site's address; write ${shown('SITE_URL', `${origin}${folder(url.pathname)}`)}`);
    } else if (/\s/u.test(rawUrl)) {
      errors.push(`${shown('SITE_URL', rawUrl)}: the address holds a space; write the folder as it appears in the browser, such as SITE_URL=https://example.org/my-archive`);
    } else {
      siteUrl = origin;
      urlFolder = folder(url.pathname);
      if (url.protocol === 'http:' && !LOCAL_HOST.test(url.hostname)) {
        warnings.push(`${shown('SITE_URL', rawUrl)}: plain http; canonical links and the sitemap will send readers and search engines to an insecure address; write ${shown('SITE_URL', rawUrl.replace(/^http:/iu, 'https:'))} unless the host has no HTTPS`);
      }
    }
  }

  let basePath = urlFolder;
  const rawBase = env.BASE_PATH;
  if (rawBase !== undefined) {
    const base = folder(rawBase);
    if (base !== '' && !base.startsWith('/')) {
      errors.push(`${shown('BASE_PATH', rawBase)}: a base path starts with "/"; write ${shown('BASE_PATH', `/${base}`)}`);
    } else if (base !== '' && !PATH_CHARS.test(base)) {
      errors.push(`${shown('BASE_PATH', rawBase)}: a base path holds no spaces, "?", "#" or empty folders; write the folder as it appears in the browser, such as BASE_PATH=/archive`);
    } else if (urlFolder !== '' && base !== urlFolder) {
      errors.push(`${shown('BASE_PATH', rawBase)} and ${shown('SITE_URL', rawUrl)} name different folders; unset BASE_PATH (SITE_URL's folder is the base path) or write ${shown('BASE_PATH', urlFolder)}`);
    } else basePath = base;
  }
  if (rawBase === undefined && urlFolder !== '' && !PATH_CHARS.test(urlFolder)) {
    errors.push(`${shown('SITE_URL', rawUrl)}: the folder ${JSON.stringify(urlFolder)} is not a plain URL path; write the folder as it appears in the browser, such as SITE_URL=https://example.org/archive`);
    basePath = '';
  }

  const rawName = env.SITE_NAME ?? DEFAULT_SITE_NAME;
  let siteName: string;
  if (rawName.trim() === '') {
    errors.push(`${shown('SITE_NAME', rawName)}: the name is empty; unset SITE_NAME for ${JSON.stringify(DEFAULT_SITE_NAME)} or write the archive's name, such as SITE_NAME="Botox answers"`);
    siteName = DEFAULT_SITE_NAME;
  } else if (/\p{Cc}/u.test(rawName)) {
    errors.push(`${shown('SITE_NAME', rawName)}: the name holds a line break or another control character; write it on one line`);
    siteName = DEFAULT_SITE_NAME;
  } else if ([...rawName].length > SITE_NAME_MAX) {
    errors.push(`SITE_NAME is ${[...rawName].length} characters long, over ${SITE_NAME_MAX}; write a shorter name (it is in every page's title)`);
    siteName = DEFAULT_SITE_NAME;
  } else siteName = rawName.trim();

  return { settings: { siteUrl, basePath, siteName }, errors, warnings };
}

/** Prints the warnings and mistakes of `env`'s settings, one line each, on stderr; whether the build may go on. */
export function reportSettings(env: Env): boolean {
  const { errors, warnings } = readSettings(env);
  for (const line of [...warnings, ...errors]) console.error(line);
  return errors.length === 0;
}
