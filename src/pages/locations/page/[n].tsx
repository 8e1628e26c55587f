import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { NamesPage } from '../../../components/NamesPage';
import { namesPage, namesPageCount, staticPaths, staticProps } from '../../../content/views';
import type { NamesPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: NamesPageView };

/** Pages 2 and up; page 1 is `/locations/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() => Array.from({ length: namesPageCount('location') - 1 }, (_, i) => ({ n: String(i + 2) })));

export const getStaticProps: GetStaticProps<Props, { n: string }> = ({ params }) =>
  staticProps(() => ({ view: namesPage('location', Number(params?.n)) }));

export default function LocationsPageN({ view }: Props) {
  return <NamesPage view={view} />;
}
