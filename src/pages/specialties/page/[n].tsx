import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { NamesPage } from '../../../components/NamesPage';
import { namesPage, namesPageCount, staticPaths, staticProps } from '../../../content/views';
import type { NamesPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: NamesPageView };

/** Pages 2 and up; page 1 is `/specialties/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() => Array.from({ length: namesPageCount('specialty') - 1 }, (_, i) => ({ n: String(i + 2) })));

export const getStaticProps: GetStaticProps<Props, { n: string }> = ({ params }) =>
  staticProps(() => ({ view: namesPage('specialty', Number(params?.n)) }));

export default function SpecialtiesPageN({ view }: Props) {
  return <NamesPage view={view} />;
}
