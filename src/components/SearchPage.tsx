import Head from 'next/head';
import Link from 'next/link';
import { SEARCH_BUNDLES_SCRIPT, sitePath } from '../site';
import type { SearchPageView } from '../views/search';
import { Layout } from './Layout';

type Props = { view: SearchPageView };

/**
 * The search page. Its only scripts are Pagefind's UI, the list of the search bundles and our init
 * file, all static files, allowed by this page's own Content-Security-Policy (see _document). The
 * bundles are listed in a file the build writes, not in the page, so that the page is the same
 * whether the site was built whole or in shards.
 */
export function SearchPage({ view }: Props) {
  if (view.threadCount === 0) {
    return (
      <Layout title="Search" description="Search the questions and answers of the archive." path="/search/">
        <h1 id="search-title">Search</h1>
        <p>There is nothing to search yet: the archive holds no question.</p>
      </Layout>
    );
  }
  return (
    <Layout title="Search" description="Search the questions and answers of the archive." path="/search/">
      <Head>
        <link rel="stylesheet" href={sitePath('/pagefind/pagefind-ui.css')} />
      </Head>
      <h1 id="search-title">Search</h1>
      {/* public/search.js replaces the message with the search box; without JavaScript it stays. */}
      <div id="search" className="search" data-base-url={sitePath('/')}>
        <p className="search-needs-js">
          Search needs JavaScript, which is off in this browser. Every question is listed in the{' '}
          <Link href="/">index of all questions</Link>.
        </p>
      </div>
      <script src={sitePath('/pagefind/pagefind-ui.js')} defer />
      <script src={sitePath(SEARCH_BUNDLES_SCRIPT)} defer />
      <script src={sitePath('/search.js')} defer />
    </Layout>
  );
}
