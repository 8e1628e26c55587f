/** Site-wide settings, from the environment at build time (see README, "Deploy"). */

/** Name shown in the header and page titles. */
export const SITE_NAME = process.env.SITE_NAME ?? 'Q&A Thread Archive';

/** Path prefix when the site is served below a folder, e.g. `/archive`; empty at a domain's root. */
export const BASE_PATH = process.env.BASE_PATH ?? '';

/** A path inside the site with the base path in front, for links Next does not prefix itself. */
export function sitePath(pathname: string): string {
  return `${BASE_PATH}${pathname}`;
}

/**
 * Content-Security-Policy of every page without JavaScript: nothing runs, only our own styles,
 * images and fonts load, and no base or form can redirect anything. `connect-src 'self'` lets
 * Lighthouse fetch /robots.txt from the page (it does so in the page's context; with no script
 * on the page nothing else can connect).
 */
export const CSP_NO_SCRIPT =
  "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
