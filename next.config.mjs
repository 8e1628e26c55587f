import { availableParallelism } from 'node:os';
import { PHASE_DEVELOPMENT_SERVER } from 'next/constants.js';

/**
 * The site settings Next needs, as `npm run build` and `npm run dev` pass them after checking them
 * (src/settings.ts, `childEnv`): the base path, and the three values written into the pages Next
 * compiles for `npm run dev`'s browser side. Unset, the defaults of src/settings.ts apply.
 */
const SITE_SETTINGS = ['SITE_URL', 'BASE_PATH', 'SITE_NAME'];

/**
 * Static export to out/; `next dev` serves without it, since an export's dev server must list
 * every page ahead and answers from an old list after an edit (docs/content-format.md,
 * "Previewing"). Pages opt out of the client runtime one by one (docs/build-pipeline.md, "Zero
 * JavaScript").
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  trailingSlash: true,
  basePath: process.env.BASE_PATH ?? '',
  env: Object.fromEntries(
    SITE_SETTINGS.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  ),
  poweredByHeader: false,
  reactStrictMode: true,
  pageExtensions: ['tsx', 'ts'],
  // `npm run typecheck` (tsc, run by CI) type-checks the code; next build would repeat it on
  // every content rebuild.
  typescript: { ignoreBuildErrors: true },
  // Next renders pages on one worker fewer than there are cores and its main process then waits;
  // a worker reads only its page's files from the snapshot, so one worker a core renders the
  // pages in about half the time (docs/performance.md).
  experimental: { cpus: availableParallelism() },
};

/** @param {string} phase */
export default function config(phase) {
  return phase === PHASE_DEVELOPMENT_SERVER ? nextConfig : { ...nextConfig, output: 'export' };
}
