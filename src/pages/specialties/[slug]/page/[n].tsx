import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorsPage } from '../../../../components/DoctorsPage';
import { groupPage, groupPages, staticPaths, staticProps } from '../../../../content/views';
import type { DoctorsPageView } from '../../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorsPageView };

/** Pages 2 and up of each; page 1 is `/specialties/<slug>/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    groupPages('specialty')
      .filter((g) => g.page > 1)
      .map(({ slug, page }) => ({ slug, n: String(page) })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string; n: string }> = ({ params }) =>
  staticProps(() => ({ view: groupPage('specialty', params?.slug ?? '', Number(params?.n)) }));

export default function SpecialtyPageN({ view }: Props) {
  return <DoctorsPage view={view} />;
}
