import type { GetStaticProps, PageConfig } from 'next';
import { NamesPage } from '../../components/NamesPage';
import { namesPage, siteHasTopics } from '../../content/views';
import type { NamesPageView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: NamesPageView };

/** An archive without topics gets no /topics/ page at all (and the header no Topics link). */
export const getStaticProps: GetStaticProps<Props> = () => (siteHasTopics() ? { props: { view: namesPage('topic', 1) } } : { notFound: true });

export default function TopicsPage({ view }: Props) {
  return <NamesPage view={view} />;
}
