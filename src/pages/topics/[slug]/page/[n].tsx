import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { TopicPage } from '../../../../components/TopicPage';
import { staticPaths, staticProps, topicPage, topicPages } from '../../../../content/views';
import type { TopicPageView } from '../../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: TopicPageView };

/** Pages 2 and up of each topic; page 1 is `/topics/<slug>/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    topicPages()
      .filter((t) => t.page > 1)
      .map(({ slug, page }) => ({ slug, n: String(page) })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string; n: string }> = ({ params }) =>
  staticProps(() => ({ view: topicPage(params?.slug ?? '', Number(params?.n)) }));

export default function TopicPageN({ view }: Props) {
  return <TopicPage view={view} />;
}
