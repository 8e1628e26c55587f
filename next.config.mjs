import { availableParallelism } from 'node:os';

/**
 * Static export to out/. Pages opt out of the client runtime one by one (see README,
 * "Zero JavaScript"); BASE_PATH serves the site below a folder.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath: process.env.BASE_PATH ?? '',
  env: {
    BASE_PATH: process.env.BASE_PATH ?? '',
    SITE_NAME: process.env.SITE_NAME ?? 'Q&A Thread Archive',
  },
  poweredByHeader: false,
  reactStrictMode: true,
  pageExtensions: ['tsx', 'ts'],
  // `npm run typecheck` (tsc, in CI and before every commit) type-checks the code; next build
  // would repeat it on every content rebuild, where it is the largest fixed cost (docs/performance.md).
  typescript: { ignoreBuildErrors: true },
  // Next's default is one worker fewer than the cores, but its main process idles while pages
  // are generated: one worker a core, capped because each worker holds all threads in memory.
  experimental: { cpus: Math.min(4, availableParallelism()) },
};

export default nextConfig;
