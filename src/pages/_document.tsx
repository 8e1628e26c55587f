import { Head, Html, Main, NextScript } from 'next/document';
import { CSP_NO_SCRIPT, sitePath } from '../site';

/** The HTML shell: language, the Content-Security-Policy first in <head>, the favicon. */
export default function Document() {
  return (
    <Html lang="en">
      <Head>
        <meta httpEquiv="Content-Security-Policy" content={CSP_NO_SCRIPT} />
        <link rel="icon" href={sitePath('/favicon.svg')} type="image/svg+xml" />
        <meta name="color-scheme" content="light dark" />
      </Head>
      <body>
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
