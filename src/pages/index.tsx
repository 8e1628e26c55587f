import type { GetStaticProps, PageConfig } from 'next';
import { IndexPage } from '../components/IndexPage';
import { indexPage } from '../content/views';
import type { IndexPageView } from '../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: IndexPageView };

export const getStaticProps: GetStaticProps<Props> = () => ({ props: { view: indexPage(1) } });

export default function HomePage({ view }: Props) {
  return <IndexPage view={view} />;
}
