import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorPage } from '../../../components/DoctorPage';
import { doctorPage, doctorPages, staticPaths, staticProps } from '../../../content/views';
import type { DoctorPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorPageView };

/** Every doctor's first page: profile, rating, the first answers. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    doctorPages()
      .filter((d) => d.page === 1)
      .map(({ slug }) => ({ slug })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string }> = ({ params }) =>
  staticProps(() => ({ view: doctorPage(params?.slug ?? '', 1) }));

export default function DoctorProfilePage({ view }: Props) {
  return <DoctorPage view={view} />;
}
