import Document, { Head, Html, Main, NextScript } from 'next/document';
import { ContentProblems } from '../components/ContentProblems';
import { SiteFooter } from '../components/SiteFooter';
import { SiteHeader } from '../components/SiteHeader';
import { contentProblems, renderedArchive } from '../archive/current';
import { formatProblem, summarize } from '../content/errors';
import { headerSections, sectionOf } from '../routes/table';
import { CSP_NO_SCRIPT, CSP_SEARCH, SEARCH_ROUTE, sitePath } from '../site';

/**
 * The HTML shell: language, the Content-Security-Policy first in <head>, the favicon. The
 * policy is per page: only the search page may run scripts (docs/reader-features.md, "Search").
 */
export default class SiteDocument extends Document {
  override render() {
    const route = this.props.__NEXT_DATA__.page;
    const csp = route === SEARCH_ROUTE ? CSP_SEARCH : CSP_NO_SCRIPT;
    // Only `next dev` has problems here: a build stops on the first (check, then getArchive).
    const { problems, fileCount } = contentProblems();
    return (
      <Html lang="en">
        <Head>
          <meta httpEquiv="Content-Security-Policy" content={csp} />
          <link rel="icon" href={sitePath('/favicon.svg')} type="image/svg+xml" />
          <meta name="color-scheme" content="light dark" />
        </Head>
        <body>
          <SiteHeader sections={headerSections(renderedArchive())} current={sectionOf(route)} />
          {problems.length > 0 ? (
            <ContentProblems lines={[...problems.map(formatProblem), summarize(problems, fileCount)]} />
          ) : null}
          <Main />
          <SiteFooter />
          <NextScript />
        </body>
      </Html>
    );
  }
}
