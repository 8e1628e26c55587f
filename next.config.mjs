import { availableParallelism } from 'node:os';
import { URL } from 'node:url';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

// Checked before this runs (src/settings.ts, by `npm run build` and `npm run dev`). A folder in
// SITE_URL is the base path unless BASE_PATH is set (then they agree); no trailing slash.
const siteUrl = process.env.SITE_URL ?? 'http://localhost:3000';
const basePath = (process.env.BASE_PATH ?? (URL.canParse(siteUrl) ? new URL(siteUrl).pathname : '')).replace(/\/+$/u, '');

/**
 * Static export to out/; `next dev` serves without it, since an export's dev server must list
 * every page ahead and answers from an old list after an edit (README, "Writing and previewing").
 * Pages opt out of the client runtime one by one (README, "Zero JavaScript"); BASE_PATH serves
 * the site below a folder, SITE_URL makes absolute links.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  trailingSlash: true,
  basePath,
  env: {
    BASE_PATH: basePath,
    SITE_NAME: process.env.SITE_NAME ?? 'Q&A Thread Archive',
    SITE_URL: siteUrl,
  },
  poweredByHeader: false,
  reactStrictMode: true,
  pageExtensions: ['tsx', 'ts'],
  // `npm run typecheck` (tsc, run by CI) type-checks the code; next build would repeat it on
  // every content rebuild: 3 s incremental, 7-15 s from cold (docs/performance.md).
  typescript: { ignoreBuildErrors: true },
  // Next renders pages on one worker fewer than there are cores (one on a 2-core runner) and its
  // main process then waits; a worker now reads only its page's files from the snapshot (about
  // 150 MB each), so one worker a core renders the pages in about half the time.
  experimental: { cpus: availableParallelism() },
};

/** @param {string} phase */
export default function config(phase) {
  return phase === PHASE_DEVELOPMENT_SERVER ? nextConfig : { ...nextConfig, output: 'export' };
}
