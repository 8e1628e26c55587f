import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { IndexPage } from '../../components/IndexPage';
import { indexPage, indexPageCount, staticPaths, staticProps } from '../../content/views';
import type { IndexPageView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: IndexPageView };

/** Pages 2 and up; page 1 is `/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() => Array.from({ length: indexPageCount() - 1 }, (_, i) => ({ n: String(i + 2) })));

export const getStaticProps: GetStaticProps<Props, { n: string }> = ({ params }) =>
  staticProps(() => ({ view: indexPage(Number(params?.n)) }));

export default function IndexPageN({ view }: Props) {
  return <IndexPage view={view} />;
}
