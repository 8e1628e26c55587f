/**
 * The benchmark's baseline: a plain Next.js 16 static export in the blog-starter pattern
 * (App Router, default runtime, every page reading and parsing its own file). Not part of the
 * site; `npm run bench` builds it from the same generated threads as the site.
 * @type {import('next').NextConfig}
 */
const nextConfig = {
  output: 'export',
  trailingSlash: true,
  images: { unoptimized: true },
};

export default nextConfig;
