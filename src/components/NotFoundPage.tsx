import Link from 'next/link';
import { Layout } from './Layout';

/** The page a host serves for an address the site does not have. */
export function NotFoundPage() {
  return (
    <Layout title="Page not found" description="This page does not exist in the archive.">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">See all questions</Link>.
      </p>
    </Layout>
  );
}
