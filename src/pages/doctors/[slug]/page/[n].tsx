import type { GetStaticPaths, GetStaticProps, PageConfig } from 'next';
import { DoctorPage } from '../../../../components/DoctorPage';
import { doctorPage, doctorPages, staticPaths, staticProps } from '../../../../content/views';
import type { DoctorPageView } from '../../../../content/views';

/** No client JavaScript on this page (see README, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

type Props = { view: DoctorPageView };

/** Pages 2 and up of doctors with more answers than one page holds; page 1 is `/doctors/<slug>/`. */
export const getStaticPaths: GetStaticPaths = () =>
  staticPaths(() =>
    doctorPages()
      .filter((d) => d.page > 1)
      .map(({ slug, page }) => ({ slug, n: String(page) })),
  );

export const getStaticProps: GetStaticProps<Props, { slug: string; n: string }> = ({ params }) =>
  staticProps(() => ({ view: doctorPage(params?.slug ?? '', Number(params?.n)) }));

export default function DoctorAnswersPageN({ view }: Props) {
  return <DoctorPage view={view} />;
}
