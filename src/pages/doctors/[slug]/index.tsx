import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorPage } from '../../../components/DoctorPage';
import { doctorPage, doctorPages } from '../../../content/views';
import type { DoctorPageView } from '../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorPageView };

/** Every doctor's first page: profile, rating, the first answers. */
export const getStaticPaths: GetStaticPaths = () => ({
  paths: doctorPages()
    .filter((d) => d.page === 1)
    .map(({ slug }) => ({ params: { slug } })),
  fallback: false,
});

export const getStaticProps: GetStaticProps<Props, { slug: string }> = ({ params }) => ({
  props: { view: doctorPage(params?.slug ?? '', 1) },
});

export default function DoctorProfilePage({ view }: Props) {
  return <DoctorPage view={view} />;
}
