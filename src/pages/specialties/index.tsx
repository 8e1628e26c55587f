import type { GetStaticProps, PageConfig } from 'next';
import { NamesPage } from '../../components/NamesPage';
import { namesPage } from '../../content/views';
import type { NamesPageView } from '../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: NamesPageView };

export const getStaticProps: GetStaticProps<Props> = () => ({ props: { view: namesPage('specialty', 1) } });

export default function SpecialtiesPage({ view }: Props) {
  return <NamesPage view={view} />;
}
