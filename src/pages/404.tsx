import type { PageConfig } from 'next';
import Link from 'next/link';
import { Layout } from '../components/Layout';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export default function NotFoundPage() {
  return (
    <Layout title="Page not found" description="This page does not exist in the archive.">
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href="/">See all questions</Link>.
      </p>
    </Layout>
  );
}
