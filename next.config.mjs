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
  // `npm run typecheck` (tsc, run by CI) type-checks the code; next build would repeat it on
  // every content rebuild: 3 s incremental, 7-15 s from cold (docs/performance.md).
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
