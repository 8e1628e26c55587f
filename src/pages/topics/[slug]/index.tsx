import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { TopicPage } from '../../../components/TopicPage';
import { staticPaths, staticProps, topicPage, topicPages } from '../../../content/views';
import type { TopicPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: TopicPageView };

export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    topicPages()
      .filter((t) => t.page === 1)
      .map(({ slug }) => ({ slug })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string }> = ({ params }) =>
  staticProps(() => ({ view: topicPage(params?.slug ?? '', 1) }));

export default function TopicFirstPage({ view }: Props) {
  return <TopicPage view={view} />;
}
