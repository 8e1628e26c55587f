import Head from 'next/head';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SITE_NAME } from '../site';

type Props = {
  /** Page title, before the site name; omit on the home page. */
  title?: string;
  /** Meta description: a sentence about this page. */
  description: string;
  children: ReactNode;
};

/** The frame of every page: skip link, site header, main landmark, footer. */
export function Layout({ title, description, children }: Props) {
  const fullTitle = title ? `${title} · ${SITE_NAME}` : SITE_NAME;
  return (
    <>
      <Head>
        <title>{fullTitle}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={description} />
      </Head>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <nav aria-label="Site">
          <Link href="/" className="site-name">
            {SITE_NAME}
          </Link>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>An archive of questions and answers, kept as published. Not medical advice.</p>
      </footer>
    </>
  );
}
