import { availableParallelism } from 'node:os';

// Without trailing slashes, like src/site.ts: GitHub's configure-pages gives "/repo/" or "/".
const basePath = (process.env.BASE_PATH ?? '').replace(/\/+$/u, '');

/**
 * Static export to out/. Pages opt out of the client runtime one by one (see README,
 * "Zero JavaScript"); BASE_PATH serves the site below a folder, SITE_URL makes absolute links.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath,
  env: {
    BASE_PATH: basePath,
    SITE_NAME: process.env.SITE_NAME ?? 'Q&A Thread Archive',
    SITE_URL: process.env.SITE_URL ?? 'http://localhost:3000',
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

export default nextConfig;
