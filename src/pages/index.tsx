import type { GetStaticProps, PageConfig } from 'next';
import { Layout } from '../components/Layout';
import { ThreadList } from '../components/ThreadList';
import { threadSummaries } from '../content/views';
import type { ThreadSummary } from '../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { threads: ThreadSummary[] };

export const getStaticProps: GetStaticProps<Props> = () => ({ props: { threads: threadSummaries() } });

export default function IndexPage({ threads }: Props) {
  return (
    <Layout description="Questions and the doctors' answers, archived as published.">
      <h1>Questions and answers</h1>
      <ThreadList threads={threads} />
    </Layout>
  );
}
