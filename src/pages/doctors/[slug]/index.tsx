import type { PageConfig } from 'next';
import { DoctorPage } from '../../../components/DoctorPage';
import { staticPaths, staticProps } from '../../../routes/next';

/** No client JavaScript on this page (docs/build-pipeline.md, "Zero JavaScript"). */
export const config: PageConfig = { unstable_runtimeJS: false };

export const getStaticPaths = staticPaths('/doctors/[slug]');
export const getStaticProps = staticProps('/doctors/[slug]');
export default DoctorPage;
