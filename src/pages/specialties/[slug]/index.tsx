import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorsPage } from '../../../components/DoctorsPage';
import { groupPage, groupPages, staticPaths, staticProps } from '../../../content/views';
import type { DoctorsPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorsPageView };

export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    groupPages('specialty')
      .filter((g) => g.page === 1)
      .map(({ slug }) => ({ slug })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string }> = ({ params }) =>
  staticProps(() => ({ view: groupPage('specialty', params?.slug ?? '', 1) }));

export default function SpecialtyPage({ view }: Props) {
  return <DoctorsPage view={view} />;
}
