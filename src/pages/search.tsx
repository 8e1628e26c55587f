import type { GetStaticProps, PageConfig } from 'next';
import Head from 'next/head';
import Link from 'next/link';
import { Layout } from '../components/Layout';
import { getArchive } from '../content/threads';
import { searchBundles, sitePath } from '../site';

/**
 * No Next.js runtime here either: the page's only scripts are Pagefind's UI and our init file,
 * both static files, allowed by this page's own Content-Security-Policy (see _document).
 */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { bundles: string[] };

/** The archive's search bundles (one per 20,000 threads), which the page searches together. */
export const getStaticProps: GetStaticProps<Props> = () => ({ props: { bundles: searchBundles(getArchive().manifest.slugs.length) } });

export default function SearchPage({ bundles }: Props) {
  return (
    <Layout title="Search" description="Search the questions and answers of the archive." path="/search/">
      <Head>
        <link rel="stylesheet" href={sitePath('/pagefind/pagefind-ui.css')} />
      </Head>
      <h1 id="search-title">Search</h1>
      {/* public/search.js replaces the message with the search box; without JavaScript it stays. */}
      <div
        id="search"
        className="search"
        data-bundle-path={sitePath(bundles[0] ?? '/pagefind/')}
        data-merge-bundles={bundles.length > 1 ? bundles.slice(1).map(sitePath).join(' ') : undefined}
        data-base-url={sitePath('/')}
      >
        <p className="search-needs-js">
          Search needs JavaScript, which is off in this browser. Every question is listed in the{' '}
          <Link href="/">index of all questions</Link>.
        </p>
      </div>
      <script src={sitePath('/pagefind/pagefind-ui.js')} defer />
      <script src={sitePath('/search.js')} defer />
    </Layout>
  );
}
