import Head from 'next/head';
import type { ReactNode } from 'react';
import { SITE_NAME, absoluteUrl } from '../site';

type Props = {
  /** Page title, before the site name; omit on the home page. */
  title?: string;
  /** Meta description: a sentence about this page. */
  description: string;
  /** The page's path inside the site (no base path), e.g. `/threads/x/`: canonical and sharing URLs; none on the 404 page. */
  path?: string;
  /** Open Graph type: `article` for a thread, `website` otherwise. */
  ogType?: 'website' | 'article' | 'profile';
  children: ReactNode;
};

/** A page's sharing metadata and its main landmark; the header and footer come from `_document`. */
export function Layout({ title, description, path, ogType = 'website', children }: Props) {
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  const url = path === undefined ? undefined : absoluteUrl(path);
  return (
    <>
      <Head>
        <title>{fullTitle}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={description} />
        {url ? <link rel="canonical" href={url} /> : null}
        <meta property="og:type" content={ogType} />
        <meta property="og:site_name" content={SITE_NAME} />
        <meta property="og:title" content={title ?? SITE_NAME} />
        <meta property="og:description" content={description} />
        {url ? <meta property="og:url" content={url} /> : null}
        {/* X (Twitter) reads og:title and og:description when its own tags are absent. */}
        <meta name="twitter:card" content="summary" />
      </Head>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
